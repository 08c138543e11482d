package io.tripline.cli.rego;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rego eval} reports each expression's value as {@code opa eval} does: false is a value, not undefined. */
class RegoEvalValuesTest {

  @TempDir Path dir;
  Path policy;

  @BeforeEach
  void write() throws Exception {
    policy = dir.resolve("alerts.rego");
    Files.writeString(policy, """
        package alerts

        default alert := false

        ports := [22, 80, 443]
        """);
  }

  private JsonNode eval(String query) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new RegoEvalCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(new StringWriter()));
    assertThat(cmd.execute("-d", policy.toString(), query)).isEqualTo(0);
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void aRuleDefaultingToFalseHasTheValueFalse() throws Exception {
    JsonNode r = eval("data.alerts.alert");
    assertThat(r.at("/result/0/expressions/0/value").isBoolean()).isTrue();
    assertThat(r.at("/result/0/expressions/0/value").asBoolean()).isFalse();
    assertThat(r.at("/result/0/expressions/0/text").asText()).isEqualTo("data.alerts.alert");
  }

  @Test
  void falseAndAFalseComparisonAreValues() throws Exception {
    assertThat(eval("false").at("/result/0/expressions/0/value").asBoolean(true)).isFalse();
    JsonNode cmp = eval("1 == 2");
    assertThat(cmp.at("/result/0/expressions/0/value").isBoolean()).isTrue();
    assertThat(cmp.at("/result/0/expressions/0/value").asBoolean()).isFalse();
    assertThat(cmp.at("/result/0/expressions/0/text").asText()).isEqualTo("1 == 2");
  }

  @Test
  void anUndefinedQueryPrintsAnEmptyObject() throws Exception {
    assertThat(eval("data.alerts.missing").toString()).isEqualTo("{}");
  }

  @Test
  void withSeveralExpressionsAFalseOneMakesTheQueryUndefined() throws Exception {
    assertThat(eval("x := 1; false").toString()).isEqualTo("{}");
    JsonNode both = eval("x := 2; x > 1");
    assertThat(both.at("/result/0/expressions/0/value").asBoolean()).isTrue();
    assertThat(both.at("/result/0/expressions/1/value").asBoolean()).isTrue();
    assertThat(both.at("/result/0/expressions/1/text").asText()).isEqualTo("x > 1");
    assertThat(both.at("/result/0/bindings").toString()).isEqualTo("{\"x\":2}");
  }

  @Test
  void iterationKeepsOnlyTheSolutionsWhereTheExpressionHolds() throws Exception {
    JsonNode r = eval("data.alerts.ports[i] > 80");
    assertThat(r.path("result")).hasSize(1);
    assertThat(r.at("/result/0/bindings/i").asInt()).isEqualTo(2);
    assertThat(r.at("/result/0/expressions/0/value").asBoolean()).isTrue();
    assertThat(eval("data.alerts.ports[_]").path("result")).hasSize(3);
  }

  @Test
  void generatedVariablesNeverShowInBindings() throws Exception {
    assertThat(eval("count(data.alerts.ports)").at("/result/0/bindings").isMissingNode()).isTrue();
    assertThat(eval("count(data.alerts.ports)").at("/result/0/expressions/0/value").asInt()).isEqualTo(3);
  }
}
