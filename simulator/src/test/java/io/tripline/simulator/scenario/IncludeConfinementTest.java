package io.tripline.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.simulator.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: include resolves inside the scenario library unless --allow-include-outside. */
class IncludeConfinementTest {

  @TempDir Path tmp;
  private Path library;
  private Path outside;

  private static final String SECRET = "aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n  - [";

  @BeforeEach
  void lay() throws Exception {
    library = Files.createDirectories(tmp.resolve("lib/scenarios"));
    Files.copy(Fixtures.dir().resolve("small-account.yaml"), Files.createDirectories(tmp.resolve("lib/fragments")).resolve("small-account.yaml"));
    outside = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(outside.resolve("secret.yaml"), SECRET);
    Files.copy(Fixtures.dir().resolve("small-account.yaml"), outside.resolve("world.yaml"));
    Files.createSymbolicLink(library.resolve("linked.yaml"), outside.resolve("secret.yaml"));
  }

  private LoadResult load(String include, boolean allowOutside) throws Exception {
    Path script = library.resolve("s.yaml");
    Files.writeString(script, Fixtures.oneStep(Fixtures.CLI_USER, "call: iam:ListUsers").replace("include: [small-account]", "include: [\"" + include + "\"]"));
    return new ScenarioLoader(Fixtures.CATALOG).allowIncludeOutside(allowOutside).load(script);
  }

  @Test
  void theLibrarysOwnFragmentsStillResolve() throws Exception {
    assertThat(load("small-account", false).diagnostics()).isEmpty();
  }

  @Test
  void dotDotAbsoluteAndSymlinkedEscapesAreRefusedWithoutPrintingTheFile() throws Exception {
    for (String ref : new String[] {"../../elsewhere/secret", outside.resolve("secret.yaml").toString(), "linked"}) {
      LoadResult r = load(ref, false);
      assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.toString())
          .startsWith(library.resolve("s.yaml") + ":4:")
          .contains("--allow-include-outside")
          .doesNotContain("wJalrXUtnFEMI").doesNotContain("aws_secret_access_key"));
    }
  }

  @Test
  void allowIncludeOutsideReadsThem() throws Exception {
    assertThat(load("../../elsewhere/world", true).diagnostics()).isEmpty();
    assertThat(load(outside.resolve("world.yaml").toString(), true).diagnostics()).isEmpty();
  }
}
