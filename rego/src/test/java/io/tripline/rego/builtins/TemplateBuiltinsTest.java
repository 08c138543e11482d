package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplateBuiltinsTest {
  private final FixedContext q = new FixedContext();

  private String render(String template, String vars) {
    return ((io.tripline.rego.value.StringValue) q.call("strings.render_template", str(template), vars)).value();
  }

  @Test
  void injectsVariablesAndFields() {
    assertThat(render("Hello {{.name}}, you are {{.user.age}}", "{\"name\":\"ana\",\"user\":{\"age\":42}}"))
        .isEqualTo("Hello ana, you are 42");
    assertThat(render("{{.list}} {{.obj}} {{.nothing}}", "{\"list\":[1,\"a\",null],\"obj\":{\"b\":2,\"a\":1},\"nothing\":null}"))
        .isEqualTo("[1 a <nil>] map[a:1 b:2] <no value>");
  }

  @Test
  void branchesLoopsAndTrims() {
    assertThat(render("{{if .admin}}admin{{else if .user}}user{{else}}guest{{end}}", "{\"admin\":false,\"user\":\"x\"}"))
        .isEqualTo("user");
    assertThat(render("{{range $i, $v := .items}}{{if $i}}, {{end}}{{$v}}{{end}}", "{\"items\":[\"a\",\"b\",\"c\"]}"))
        .isEqualTo("a, b, c");
    assertThat(render("{{range .items}}{{.}}{{else}}none{{end}}", "{\"items\":[]}")).isEqualTo("none");
    assertThat(render("{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}", "{\"m\":{\"b\":2,\"a\":1}}")).isEqualTo("a=1;b=2;");
    assertThat(render("{{with .u}}{{.name}}{{end}}", "{\"u\":{\"name\":\"z\"}}")).isEqualTo("z");
    assertThat(render("a  {{- /* note */ -}}  b {{- \"c\" }}", "{}")).isEqualTo("abc");
    assertThat(render("{{range .n}}{{if eq . \"2\"}}{{break}}{{end}}{{.}}{{end}}", "{\"n\":[\"1\",\"2\",\"3\"]}"))
        .isEqualTo("1");
  }

  @Test
  void callsTemplateFunctions() {
    assertThat(render("{{printf \"%s-%d\" .a 7}}", "{\"a\":\"x\"}")).isEqualTo("x-7");
    assertThat(render("{{len .l}} {{index .l 1}} {{index .m \"k\"}}", "{\"l\":[1,2],\"m\":{\"k\":\"v\"}}"))
        .isEqualTo("2 2 v");
    assertThat(render("{{.a | html}} {{urlquery \"a b\"}} {{not true}} {{and 1 0}} {{or 0 \"y\"}}", "{\"a\":\"<b>\"}"))
        .isEqualTo("&lt;b&gt; a+b false 0 y");
    assertThat(render("{{$x := \"v\"}}{{$x}}{{$x = \"w\"}}{{$x}}", "{}")).isEqualTo("vw");
    assertThat(render("{{if lt 1 2}}yes{{end}}", "{}")).isEqualTo("yes");
  }

  @Test
  void failsOnMissingKeysAndBadTemplates() {
    assertThatThrownBy(() -> render("Hi {{.name}}", "{}"))
        .hasMessage("strings.render_template: template: template:1:5: executing \"template\" at <.name>:"
            + " map has no entry for key \"name\"");
    assertThatThrownBy(() -> render("{{if .a}}x", "{\"a\":1}"))
        .hasMessageStartingWith("strings.render_template: template: template:1: unexpected EOF");
    assertThatThrownBy(() -> render("{{nosuch 1}}", "{}"))
        .hasMessage("strings.render_template: template: template:1: function \"nosuch\" not defined");
  }
}
