package io.tripline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.scenario.LoadResult;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.ScenarioLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Loads test scripts written inline; includes resolve against src/test/resources/fixtures. */
public final class Fixtures {

  public static final ApiCatalog CATALOG = ApiCatalog.bundled();

  private Fixtures() {}

  public static Path dir() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/small-account.yaml").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static LoadResult load(String yaml) {
    return new ScenarioLoader(CATALOG).load("test.yaml", yaml, dir());
  }

  public static Scenario scenario(String yaml) {
    LoadResult r = load(yaml);
    assertThat(r.diagnostics()).isEmpty();
    return r.scenarios().get(0);
  }

  public static SimulationResult run(String yaml) {
    return new Simulator(CATALOG).run(scenario(yaml), SimulationOptions.defaults());
  }

  /** A scenario around one step in the small account; {@code step} is YAML indented for a list item. */
  public static String oneStep(String actor, String step) {
    return """
        id: test
        title: test
        mitre: [T1654]
        include: [small-account]
        start: "2024-03-14T16:00:00Z"
        actors:
          a:
        %s
        steps:
          - %s
        """.formatted(actor.indent(4).stripTrailing(), step.indent(4).strip());
  }

  public static final String CLI_USER = """
      type: IAMUser
      userName: alice
      sourceIp: 198.51.100.1
      """;
}
