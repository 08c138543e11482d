package io.tripline.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.simulator.Fixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed bad-scenario corpus ({@code src/test/resources/bad-scenarios/}): each script must
 * load with exactly the diagnostics its {@code NAME.expect} lists (file:line:col: message, the
 * file by its bare name), and no scenario.
 */
class BadScenarioCorpusTest {

  static Stream<String> scripts() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(BadScenarioCorpusTest.class.getResource("/bad-scenarios").toURI());
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void isRejectedAsExpected(String name) throws Exception {
    Path file = corpus().resolve(name);
    LoadResult r = new ScenarioLoader(Fixtures.CATALOG).load(file);
    List<String> actual = r.diagnostics().stream().map(d -> d.toString().replace(file.toString(), name)).toList();

    Path expect = corpus().resolve(name.replace(".yaml", ".expect"));
    assertThat(Files.exists(expect)).as("%s is missing; the loader gives:%n%s", expect.getFileName(), String.join("\n", actual)).isTrue();
    assertThat(r.scenarios()).isEmpty();
    assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expect).stream().filter(l -> !l.isBlank()).toList());
  }
}
