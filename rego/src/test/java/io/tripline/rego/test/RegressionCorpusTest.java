package io.tripline.rego.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PolicySources;
import io.tripline.rego.ast.RegoVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Small policy libraries written the way real projects write them (Gatekeeper constraint
 * templates, conftest {@code deny[msg]}, Terraform plan checks, metadata-annotated rule packs),
 * each with its own {@code _test.rego} files, run as {@code tripline policy test} runs them:
 * libraries under {@code corpus/v0} as Rego v0 ({@code --v0-compatible}), under {@code corpus/v1}
 * as v1. Every test of every library must pass.
 */
class RegressionCorpusTest {

  @TestFactory
  Stream<DynamicTest> everyLibraryPassesItsOwnTests() throws IOException, URISyntaxException {
    Path corpus = Path.of(RegressionCorpusTest.class.getResource("/corpus").toURI());
    return Stream.of(RegoVersion.V0, RegoVersion.V1).flatMap(version -> libraries(corpus, version).stream()
        .map(lib -> DynamicTest.dynamicTest(corpus.relativize(lib).toString(), () -> {
          TestRun run = new PolicyTestRunner(TestRunOptions.DEFAULT).run(PolicySources.load(List.of(lib), version));
          String report = TestReportText.format(run, true);
          assertThat(run.results()).as(report).isNotEmpty();
          assertThat(run.failed()).as(report).isZero();
        })));
  }

  private static List<Path> libraries(Path corpus, RegoVersion version) {
    Path dir = corpus.resolve(version.name().toLowerCase());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
