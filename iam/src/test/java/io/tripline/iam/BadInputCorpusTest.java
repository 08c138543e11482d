package io.tripline.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.iam.account.AccountDataException;
import io.tripline.iam.account.ExportFileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed bad-input corpus of the iam module ({@code bad-input/cases.tsv}): every malformed
 * request ({@code *.request.json}, {@link RequestReader}) or account export ({@code *.export.json},
 * {@link ExportFileLoader}) is rejected with its expected, located message, never an exception.
 */
class BadInputCorpusTest {

  private static final String DIR = "/io/tripline/iam/bad-input/";

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line : resource("cases.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", 2);
      out.add(Arguments.of(cols[0], cols[1]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectedWithALocatedMessage(String file, String expected) throws IOException {
    String text = resource(file);
    if (file.endsWith(".request.json")) {
      RequestBatch batch = new RequestReader(ServiceReference.bundled()).read(text);
      assertThat(batch.ok()).as("accepted").isFalse();
      assertThat(batch.errors()).extracting(RequestProblem::toString).anySatisfy(m -> assertThat(m).contains(expected));
    } else {
      assertThatThrownBy(() -> new ExportFileLoader().load(text, file))
          .isInstanceOf(AccountDataException.class)
          .hasMessageContaining(file)
          .hasMessageContaining(expected);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
