package io.tripline.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed bad-input corpus ({@code src/test/resources/bad-input/reader/}): each file is read
 * and must give exactly what its {@code NAME.expect} says: {@code records: N} (the records still
 * read) and one {@code problem: ...} line per reported problem, as printed to users with the file
 * named by its bare name.
 */
class BadInputCorpusTest {

  static Stream<String> inputs() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".expect")).sorted().toList().stream();
    }
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(BadInputCorpusTest.class.getResource("/bad-input/reader").toURI());
  }

  @ParameterizedTest
  @MethodSource("inputs")
  void readsAsExpected(String name) throws Exception {
    Path file = corpus().resolve(name);
    Samples.Read read = Samples.readAll(ReadMode.SKIP_BAD_RECORDS, file);
    List<String> actual = new ArrayList<>();
    actual.add("records: " + read.records().size());
    read.summary().problems().forEach(p -> actual.add("problem: " + p.describe().replace(file.toString(), name)));

    Path expect = corpus().resolve(name + ".expect");
    assertThat(Files.exists(expect)).as("%s is missing; what the reader gives:%n%s", expect.getFileName(), String.join("\n", actual)).isTrue();
    assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expect).stream().filter(l -> !l.isBlank()).toList());
  }
}
