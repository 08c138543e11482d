package io.tripline.simulator.scenario;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tripline.simulator.Fixtures;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.source.Diagnostic;

/**
 * Any text as a scenario script: the loader returns scenarios or located diagnostics, never
 * throws; and whatever it accepts, the simulator runs. In {@code mvn verify} this runs over the
 * committed inputs in {@code ScenarioLoaderFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class ScenarioLoaderFuzzTest {

  /** A qualified Java class name, or one of Jackson's settings: an internal message leaking out. */
  private static final java.util.regex.Pattern INTERNALS =
      java.util.regex.Pattern.compile("(?:java|javax|com\\.fasterxml|org\\.yaml)\\.[a-z]+\\.|StreamReadConstraints|\\w+Exception:");

  /** The whole word (letters, digits, '_') extending around {@code m[start, end)}. */
  private static String word(String m, int start, int end) {
    while (start > 0 && (Character.isLetterOrDigit(m.charAt(start - 1)) || m.charAt(start - 1) == '_')) {
      start--;
    }
    while (end < m.length() && (Character.isLetterOrDigit(m.charAt(end)) || m.charAt(end) == '_')) {
      end++;
    }
    return m.substring(start, end);
  }

  private static final ScenarioLoader LOADER = new ScenarioLoader(Fixtures.CATALOG);
  private static final Simulator SIMULATOR = new Simulator(Fixtures.CATALOG);

  @FuzzTest(maxDuration = "5m")
  void loadsAnyScript(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    LoadResult r = LOADER.load("fuzz.yaml", text, Fixtures.dir());
    for (Diagnostic d : r.diagnostics()) {
      // what a message quotes of the input may say anything; outside quotes no Java class names or Jackson settings
      String m = d.message() == null ? "Exception: no message" : d.message().replaceAll("'[^']*'|\"[^\"]*\"", "");
      java.util.regex.Matcher internal = INTERNALS.matcher(m);
      while (internal.find()) {
        // a key of the script's own named like a Jackson setting, echoed in a path, is not a leak
        if (!text.contains(word(m, internal.start(), internal.end()))) {
          throw new AssertionError("a diagnostic in Java's or Jackson's words: " + d);
        }
      }
    }
    for (Scenario s : r.scenarios()) {
      if (s.steps().stream().mapToLong(Step::repeat).sum() <= 2_000) {
        SIMULATOR.run(s, SimulationOptions.defaults());
      }
    }
  }
}
