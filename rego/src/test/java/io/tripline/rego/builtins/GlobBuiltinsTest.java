package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobBuiltinsTest {
  private final FixedContext q = new FixedContext();

  private String match(String pattern, String delimiters, String subject) {
    return q.resultJson("glob.match", str(pattern), delimiters, str(subject));
  }

  @Test
  void emptyDelimitersMeanDotAndNullMeansNone() {
    assertThat(match("*", "[]", "foo.bar")).isEqualTo("false");
    assertThat(match("*", "null", "foo.bar")).isEqualTo("true");
    assertThat(match("**", "[]", "foo.bar")).isEqualTo("true");
    assertThat(match("*:github:com", "[\":\"]", "api:github:com")).isEqualTo("true");
    assertThat(match("*:github:com", "[\":\"]", "api:x:github:com")).isEqualTo("false");
  }

  @Test
  void supportsSinglesClassesAndAlternatives() {
    assertThat(match("?at", "[]", "cat")).isEqualTo("true");
    assertThat(match("?at", "[]", ".at")).isEqualTo("false");
    assertThat(match("[!a-c]at", "[]", "bat")).isEqualTo("false");
    assertThat(match("[!a-c]at", "[]", "rat")).isEqualTo("true");
    assertThat(match("[cb]at", "[]", "bat")).isEqualTo("true");
    assertThat(match("{cat,bat,[fr]at}", "[]", "rat")).isEqualTo("true");
    assertThat(match("{*.github.com,api.*}", "[]", "api.x")).isEqualTo("true");
    assertThat(match("a\\*b", "[]", "a*b")).isEqualTo("true");
    assertThat(match("a\\*b", "[]", "axb")).isEqualTo("false");
    assertThat(match("arn:aws:s3:::*", "null", "arn:aws:s3:::bucket/key")).isEqualTo("true");
  }

  @Test
  void reportsMalformedGlobs() {
    assertThatThrownBy(() -> match("[abc", "[]", "a")).hasMessage("glob.match: unexpected end of input");
    assertThatThrownBy(() -> match("[]", "[]", "a")).hasMessage("glob.match: could not parse range");
    assertThatThrownBy(() -> match("[z-a]", "[]", "a"))
        .hasMessage("glob.match: hi character 'a' should be greater than lo 'z'");
    assertThatThrownBy(() -> q.call("glob.match", str("*"), "1", str("a")))
        .hasMessage("glob.match: operand 2 must be one of {array, null} but got number");
  }

  @Test
  void quotesMetaCharacters() {
    assertThat(q.resultJson("glob.quote_meta", str("*.github.com/[a]{b}?"))).isEqualTo(str("\\*.github.com/\\[a\\]\\{b\\}\\?"));
  }
}
