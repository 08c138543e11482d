package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegexBuiltinsTest {
  private final FixedContext q = new FixedContext();

  @Test
  void matchesUnanchoredWithRe2Syntax() {
    assertThat(q.resultJson("regex.match", str("^Delete(Trail|Bucket)$"), str("DeleteTrail"))).isEqualTo("true");
    assertThat(q.resultJson("re_match", str("b+"), str("abbc"))).isEqualTo("true");
    assertThat(q.resultJson("regex.is_valid", str("(?P<x>a)"))).isEqualTo("true");
    assertThat(q.resultJson("regex.is_valid", str("a(?=b)"))).isEqualTo("false");
    assertThat(q.resultJson("regex.is_valid", "1")).isEqualTo("false");
    assertThatThrownBy(() -> q.call("regex.match", str("["), str("x")))
        .hasMessage("regex.match: error parsing regexp: missing closing ]: `[`");
  }

  @Test
  void splitsAsGo() {
    assertThat(q.resultJson("regex.split", str("^[a-z]+"), str("foobar baz"))).isEqualTo("[\"\",\" baz\"]");
    assertThat(q.resultJson("regex.split", str("[a-z]+$"), str("foobar baz"))).isEqualTo("[\"foobar \",\"\"]");
    assertThat(q.resultJson("regex.split", str("^[a-z ]+$"), str("foobar baz"))).isEqualTo("[\"\",\"\"]");
    assertThat(q.resultJson("regex.split", str("x"), str(""))).isEqualTo("[\"\"]");
    assertThat(q.resultJson("regex.split", str(""), str("abc"))).isEqualTo("[\"a\",\"b\",\"c\"]");
  }

  @Test
  void findsMatchesAndSubmatches() {
    assertThat(q.resultJson("regex.find_n", str("a."), str("paranormal"), "2")).isEqualTo("[\"ar\",\"an\"]");
    assertThat(q.resultJson("regex.find_n", str("a."), str("paranormal"), "-1")).isEqualTo("[\"ar\",\"an\",\"al\"]");
    assertThat(q.resultJson("regex.find_n", str("a*"), str("baaab"), "-1")).isEqualTo("[\"\",\"aaa\",\"\"]");
    assertThat(q.resultJson("regex.find_all_string_submatch_n", str("a(x*)b(y)?"), str("-axxb-ab-"), "-1"))
        .isEqualTo("[[\"axxb\",\"xx\",\"\"],[\"ab\",\"\",\"\"]]");
  }

  @Test
  void replacesWithGoTemplates() {
    assertThat(q.resultJson("regex.replace", str("-ab-axxb-"), str("a(x*)b"), str("${1}W"))).isEqualTo(str("-W-xxW-"));
    assertThat(q.resultJson("regex.replace", str("-ab-axxb-"), str("a(x*)b"), str("$1W"))).isEqualTo(str("---"));
    assertThat(q.resultJson("regex.replace", str("foo"), str("(?P<w>o)"), str("[$w]$$"))).isEqualTo(str("f[o]$[o]$"));
    assertThat(q.resultJson("regex.replace", str("abc"), str("x*"), str("-"))).isEqualTo(str("-a-b-c-"));
  }

  @Test
  void matchesTemplatesWithDelimitedExpressions() {
    assertThat(q.resultJson("regex.template_match", str("urn:foo:{.*}"), str("urn:foo:bar:baz"), str("{"), str("}")))
        .isEqualTo("true");
    assertThat(q.resultJson("regex.template_match", str("urn:foo.bar:<[0-9]{2}>"), str("urn:foo.bar:123"), str("<"),
        str(">"))).isEqualTo("false");
    assertThatThrownBy(() -> q.call("regex.template_match", str("a{b"), str("x"), str("{"), str("}")))
        .hasMessage("regex.template_match: unbalanced braces in \"a{b\"");
    assertThatThrownBy(() -> q.call("regex.template_match", str("a"), str("x"), str("{{"), str("}")))
        .hasMessage("regex.template_match: start delimiter has to be exactly one character long but is 2 long");
  }

  @Test
  void intersectsGlobStyleExpressions() {
    assertThat(q.resultJson("regex.globs_match", str("a.a."), str(".b.b"))).isEqualTo("true");
    assertThat(q.resultJson("regex.globs_match", str("[a-z]+"), str("[0-9]*"))).isEqualTo("false");
    assertThat(q.resultJson("regex.globs_match", str("a.*"), str("a[bc]+d"))).isEqualTo("true");
    assertThat(q.resultJson("regex.globs_match", str("abc"), str("abd"))).isEqualTo("false");
    assertThatThrownBy(() -> q.call("regex.globs_match", str("[a"), str("x")))
        .hasMessage("regex.globs_match: pos:2:found [ without matching ]: the input provided is invalid");
    assertThatThrownBy(() -> q.call("regex.globs_match", str("*a"), str("x")))
        .hasMessage("regex.globs_match: pos:1:flag '*' must be preceded by a non-flag: the input provided is invalid");
  }

  @Test
  void reusesCompiledPatternsAcrossCalls() {
    q.call("regex.match", str("a+"), str("aa"));
    assertThat(q.call("regex.match", str("a+"), str("b"))).hasToString("false");
  }
}
