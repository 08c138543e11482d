package io.tripline.rego.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.Rego;
import io.tripline.rego.RegoError;
import io.tripline.rego.RegoException;
import io.tripline.rego.value.ObjectValue;
import java.util.Map;

/**
 * Issue 15: the parser and compiler over arbitrary text give a policy or located errors, never
 * another exception or a StackOverflowError. {@code mvn verify} replays the committed inputs in
 * {@code src/test/resources/io/tripline/rego/fuzz/RegoParserFuzzTestInputs/parseAndCompile/};
 * {@code JAZZER_FUZZ=1} (or {@code -Pfuzz}) fuzzes.
 */
class RegoParserFuzzTest {
  private static final PreparedPolicy EMPTY = Rego.compile(Map.of("e.rego", "package e\n"), ObjectValue.EMPTY);

  @FuzzTest(maxDuration = "5m")
  void parseAndCompile(FuzzedDataProvider data) {
    boolean asQuery = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    try {
      if (asQuery) {
        EMPTY.prepare(text);
      } else {
        Rego.compile(Map.of("fuzz.rego", text), ObjectValue.EMPTY);
      }
    } catch (RegoException e) {
      for (RegoError err : e.errors()) {
        if (err.location() == null || err.location().line() < 1 || err.location().col() < 1) {
          throw new AssertionError("error without a location: " + err, e);
        }
      }
    }
  }
}
