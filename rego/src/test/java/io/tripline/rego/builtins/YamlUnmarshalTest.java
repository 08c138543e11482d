package io.tripline.rego.builtins;

import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import org.junit.jupiter.api.Test;

/** Issue 15: yaml.unmarshal resolves aliases (bounded), merges, and refuses a second document. */
class YamlUnmarshalTest {
  private final PreparedPolicy p = policy("package t\n");

  private String strict(String query) {
    return error(() -> p.evaluate(query, null, EvalOptions.DEFAULT.strict(true)));
  }

  @Test
  void aliasesAreTheAnchoredValue() {
    assertThat(value(p, "yaml.unmarshal(\"a: &u alice\\nb: *u\\nc: &l [1, 2]\\nd: *l\\n\")"))
        .isEqualTo("{\"a\":\"alice\",\"b\":\"alice\",\"c\":[1,2],\"d\":[1,2]}");
    assertThat(value(p, "yaml.unmarshal(\"base: &b {x: 1, y: 2}\\nmine: {<<: *b, y: 3}\\n\").mine"))
        .isEqualTo("{\"x\":1,\"y\":3}");
  }

  @Test
  void aliasExpansionIsBounded() {
    StringBuilder y = new StringBuilder("a: &a [1,1,1,1,1,1,1,1,1,1]\\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'g'; c++) {
      y.append(c).append(": &").append(c).append(" [").append(("*" + prev + ",").repeat(9)).append('*').append(prev).append("]\\n");
      prev = c;
    }
    assertThat(strict("x := yaml.unmarshal(\"" + y + "\")"))
        .isEqualTo("1:6: eval_builtin_error: yaml.unmarshal: yaml: document contains excessive aliasing "
            + "(aliases expand to more than 1000000 values)");
  }

  @Test
  void aSecondDocumentIsAnError() {
    assertThat(strict("x := yaml.unmarshal(\"a: 1\\n---\\nb: 2\\n\")"))
        .isEqualTo("1:6: eval_builtin_error: yaml.unmarshal: yaml: expected a single document in the stream, "
            + "but found another document at line 2, column 1");
    // yaml.is_valid answers for the whole stream as OPA does: several well-formed documents are valid
    assertThat(value(p, "yaml.is_valid(\"a: 1\\n---\\nb: 2\\n\")")).isEqualTo("true");
    assertThat(value(p, "yaml.is_valid(\"a: 1\\n---\\n\\tb: 2\\n\")")).isEqualTo("false");
    assertThat(value(p, "yaml.unmarshal(\"---\\na: 1\\n\")")).isEqualTo("{\"a\":1}");
  }

  @Test
  void undefinedAliasIsAnError() {
    assertThat(strict("x := yaml.unmarshal(\"a: *nope\\n\")"))
        .contains("yaml.unmarshal: yaml: found undefined alias nope at line 1, column 4");
  }
}
