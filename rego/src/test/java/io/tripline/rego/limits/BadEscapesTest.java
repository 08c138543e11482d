package io.tripline.rego.limits;

import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PolicySources;
import io.tripline.rego.RegoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: malformed strings and files are located errors, never a Java exception. */
class BadEscapesTest {

  @Test
  void badUnicodeEscapesAreLocatedParseErrors() {
    assertThat(error(() -> policy("package t\n\np := \"ab\\uZZZZ\"\n")))
        .isEqualTo("m0.rego:3:9: rego_parse_error: illegal escape sequence \\uZZZZ: \\u needs four hexadecimal digits");
    assertThat(error(() -> policy("package t\n\np := \"\\u12\"\n")))
        .startsWith("m0.rego:3:7: rego_parse_error: illegal escape sequence \\u12");
    assertThat(error(() -> policy("package t\n").evaluate("x := \"\\q\"", null)))
        .isEqualTo("1:7: rego_parse_error: illegal escape sequence \\q");
    assertThat(error(() -> policy("package t\n\np := $\"a\\")))
        .contains("rego_parse_error: non-terminated");
  }

  @Test
  void nonUtf8PolicyFileIsALocatedError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.rego");
    Files.write(f, new byte[] {'p', 'a', 'c', 'k', 'a', 'g', 'e', ' ', 't', '\n', 'p', ' ', ':', '=', ' ', '"', (byte) 0xff, '"', '\n'});
    assertThat(error(() -> {
      try {
        PolicySources.load(List.of(f));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    })).isEqualTo(f + ":2:7: rego_parse_error: invalid UTF-8 (byte 0xff): save the file as UTF-8");
  }

  @Test
  void nonUtf8DataFileIsALocatedIoError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("data.json");
    Files.write(f, new byte[] {'{', '\n', '"', (byte) 0xc3, '"', ':', '1', '}'});
    try {
      PolicySources.load(List.of(f));
      throw new AssertionError("loaded");
    } catch (java.io.IOException e) {
      assertThat(e.getMessage()).isEqualTo(f + ":2:2: invalid UTF-8 (byte 0xc3): save the file as UTF-8");
    } catch (RegoException e) {
      throw new AssertionError(e);
    }
  }
}
