package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StringBuiltinsFamilyTest {
  private final FixedContext q = new FixedContext();

  @Test
  void changesCaseRuneByRuneWithoutLocale() {
    assertThat(q.resultJson("lower", str("AbC ÉTÉ"))).isEqualTo(str("abc été"));
    assertThat(q.resultJson("upper", str("straße"))).isEqualTo(str("STRAßE"));
  }

  @Test
  void trimsCutsetsPrefixesSuffixesAndGoWhitespace() {
    assertThat(q.resultJson("trim", str("xxhixyx"), str("xy"))).isEqualTo(str("hi"));
    assertThat(q.resultJson("trim_left", str("xxhix"), str("x"))).isEqualTo(str("hix"));
    assertThat(q.resultJson("trim_right", str("xxhix"), str("x"))).isEqualTo(str("xxhi"));
    assertThat(q.resultJson("trim_prefix", str("arn:aws:iam"), str("arn:"))).isEqualTo(str("aws:iam"));
    assertThat(q.resultJson("trim_suffix", str("file.json"), str(".yaml"))).isEqualTo(str("file.json"));
    assertThat(q.resultJson("trim_space", str("\u00a0\t hello \n\u3000"))).isEqualTo(str("hello"));
  }

  @Test
  void splitsLikeGo() {
    assertThat(q.resultJson("split", str("a,b,,c,"), str(","))).isEqualTo("[\"a\",\"b\",\"\",\"c\",\"\"]");
    assertThat(q.resultJson("split", str("héj"), str(""))).isEqualTo("[\"h\",\"é\",\"j\"]");
    assertThat(q.resultJson("split", str(""), str(","))).isEqualTo("[\"\"]");
    assertThat(q.resultJson("strings.split_n", str("a.b.c.d"), str("."), "2")).isEqualTo("[\"a\",\"b\"]");
    assertThat(q.resultJson("strings.split_n", str("a.b.c.d"), str("."), "-3")).isEqualTo("[\"b\",\"c\",\"d\"]");
    assertThat(q.resultJson("strings.split_n", str("a.b"), str("."), "0")).isEqualTo("[]");
    assertThatThrownBy(() -> q.call("strings.split_n", str("a"), str("."), "1.5"))
        .hasMessage("strings.split_n: operand 3 must be integer number but got floating-point number");
  }

  @Test
  void replacesAllAndByPatternObject() {
    assertThat(q.resultJson("replace", str("a-b-c"), str("-"), str("+"))).isEqualTo(str("a+b+c"));
    assertThat(q.resultJson("replace", str("ab"), str(""), str("."))).isEqualTo(str(".a.b."));
    assertThat(q.resultJson("strings.replace_n", "{\"a\":\"1\",\"ab\":\"2\"}", str("abc"))).isEqualTo(str("1bc"));
    assertThat(q.resultJson("strings.replace_n", "{\"<\":\"&lt;\",\">\":\"&gt;\"}", str("<b>")))
        .isEqualTo(str("&lt;b&gt;"));
    assertThatThrownBy(() -> q.call("strings.replace_n", "{\"a\":1}", str("abc")))
        .hasMessage("strings.replace_n: operand 1 non-string value found in pattern object");
  }

  @Test
  void reversesAndCountsRunes() {
    assertThat(q.resultJson("strings.reverse", str("abc€"))).isEqualTo(str("€cba"));
    assertThat(q.resultJson("strings.count", str("cheese"), str("e"))).isEqualTo("3");
    assertThat(q.resultJson("strings.count", str("five"), str(""))).isEqualTo("5");
  }

  @Test
  void formatsIntegersInFourBases() {
    assertThat(q.resultJson("format_int", "255", "16")).isEqualTo(str("ff"));
    assertThat(q.resultJson("format_int", "-5.9", "2")).isEqualTo(str("-101"));
    assertThat(q.resultJson("format_int", "8", "8")).isEqualTo(str("10"));
    assertThatThrownBy(() -> q.call("format_int", "1", "3"))
        .isInstanceOfSatisfying(BuiltinException.class, e -> assertThat(e.code()).isEqualTo("eval_type_error"))
        .hasMessage("format_int: operand 2 must be one of {2, 8, 10, 16}");
  }

  @Test
  void sprintfPrecisionOnIntegersIsAMinimumDigitCount() {
    assertThat(q.resultJson("sprintf", str("%.4d"), "[12]")).isEqualTo(str("0012"));
    assertThat(q.resultJson("sprintf", str("%0.4d"), "[1]")).isEqualTo(str("0001"));
    assertThat(q.resultJson("sprintf", str("%08.3d|%.0d|%-6.3x|%.3d"), "[5, 0, 255, -7]"))
        .isEqualTo(str("     005||0ff   |-007"));
  }

  @Test
  void sprintfPrintsBigIntegersWithS() {
    assertThat(q.resultJson("sprintf", str("%s"), "[123456789123456789123]")).isEqualTo(str("123456789123456789123"));
    assertThat(q.resultJson("sprintf", str("%s"), "[5]")).isEqualTo(str("%!s(int=5)"));
    assertThat(q.resultJson("sprintf", str("%[2]s-%[1]s"), "[\"a\",\"b\"]")).isEqualTo(str("b-a"));
    assertThat(q.resultJson("sprintf", str("%*d|%-*d|%.*f"), "[4,7,3,1,2,3.14159]")).isEqualTo(str("   7|1  |3.14"));
    assertThat(q.resultJson("sprintf", str("%T %T %T"), "[1,1.5,\"x\"]")).isEqualTo(str("int float64 string"));
    assertThat(q.resultJson("sprintf", str("%[3]d"), "[1]")).isEqualTo(str("%!d(BADINDEX)"));
  }

  @Test
  void findsRuneIndexes() {
    assertThat(q.resultJson("indexof", str("aaa€bc"), str("bc"))).isEqualTo("4");
    assertThat(q.resultJson("indexof", str("abc"), str("z"))).isEqualTo("-1");
    assertThat(q.resultJson("indexof_n", str("aaa"), str("aa"))).isEqualTo("[0,1]");
    assertThatThrownBy(() -> q.call("indexof", str("abc"), str(""))).hasMessage("indexof: empty search character");
  }

  @Test
  void substringsCountRunesAndRejectNegativeOffsets() {
    assertThat(q.resultJson("substring", str("a€cdef"), "1", "2")).isEqualTo(str("€c"));
    assertThat(q.resultJson("substring", str("abc"), "1", "-1")).isEqualTo(str("bc"));
    assertThat(q.resultJson("substring", str("abc"), "5", "1")).isEqualTo(str(""));
    assertThat(q.resultJson("substring", str("abc"), "0", "99")).isEqualTo(str("abc"));
    assertThatThrownBy(() -> q.call("substring", str("abc"), "-1", "1")).hasMessage("substring: negative offset");
  }

  @Test
  void matchesAnyPrefixOrSuffix() {
    assertThat(q.resultJson("strings.any_prefix_match", "[\"a/b\",\"c/d\"]", str("c/"))).isEqualTo("true");
    assertThat(q.resultJson("strings.any_suffix_match", str("x.json"), "[\".yaml\",\".yml\"]")).isEqualTo("false");
    assertThatThrownBy(() -> q.call("strings.any_suffix_match", "1", str("a")))
        .hasMessage("strings.any_suffix_match: operand 1 must be one of {string, set, array} but got number");
    assertThatThrownBy(() -> q.call("strings.any_suffix_match", "[1]", str("a")))
        .hasMessage("strings.any_suffix_match: operand 1 must be array of strings but got array containing number");
  }
}
