package io.tripline.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the IAM policy parser (JSON text, URL-encoded text, every policy kind): whatever the
 * input, it returns a document or located problems, never throws. {@code mvn verify} replays the
 * committed corpus ({@code PolicyParserFuzzTestInputs/parse/}); {@code scripts/fuzz.sh} fuzzes.
 */
class PolicyParserFuzzTest {

  private final PolicyParser parser = new PolicyParser();

  @FuzzTest(maxDuration = "5m")
  void parse(FuzzedDataProvider data) {
    PolicyKind kind = data.pickValue(PolicyKind.values());
    boolean encoded = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    if (encoded) {
      try {
        text = PolicyText.decode(text);
      } catch (PolicyText.MalformedException e) {
        assertThat(e.getMessage()).contains("is not a %XX escape");
        return;
      }
    }
    ParsedPolicy parsed = parser.parse(text, kind);
    if (parsed.ok()) {
      assertThat(parsed.document()).isNotNull();
      assertThat(parsed.document().statements()).doesNotContainNull();
    } else {
      assertThat(parsed.errors()).isNotEmpty();
    }
    for (PolicyProblem p : parsed.problems()) {
      assertThat(p.pointer()).matches("(?s)|/.*");
      assertThat(p.message()).isNotBlank();
    }
  }
}
