package io.tripline.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the {@code iam evaluate} request reader and, for what it accepts, the evaluator: whatever
 * the input, the reader returns requests or problems with JSON pointers, and every accepted request
 * gets a decision; nothing throws. {@code mvn verify} replays the committed corpus ({@code
 * EvaluationRequestFuzzTestInputs/read/}); {@code scripts/fuzz.sh} fuzzes.
 */
class EvaluationRequestFuzzTest {

  private static final ServiceReference REFERENCE = ServiceReference.bundled();
  private final RequestReader reader = new RequestReader(REFERENCE);
  private final PolicyEvaluator evaluator = new PolicyEvaluator(REFERENCE);

  @FuzzTest(maxDuration = "5m")
  void read(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    RequestBatch batch = reader.read(text);
    if (!batch.ok()) {
      assertThat(batch.errors()).isNotEmpty();
      assertThat(batch.requests()).isEmpty();
    }
    for (RequestProblem p : batch.errors()) {
      assertThat(p.pointer()).matches("(?s)|/.*");
      assertThat(p.message()).isNotBlank();
    }
    for (AccessRequest r : batch.requests()) {
      AccessDecision d = evaluator.evaluate(r);
      assertThat(d.decision()).isNotNull();
    }
  }
}
