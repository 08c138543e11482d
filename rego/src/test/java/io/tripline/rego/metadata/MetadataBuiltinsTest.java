package io.tripline.rego.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.Rego;
import io.tripline.rego.value.ValueJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code rego.metadata.rule()} and {@code rego.metadata.chain()} through real queries. */
class MetadataBuiltinsTest {

  private static final PreparedPolicy POLICY = Rego.compile(Map.of(
      "root.rego", """
          # METADATA
          # scope: subpackages
          # organizations: [Tripline]
          package tripline
          """,
      "rule.rego", """
          # METADATA
          # title: Trail updated
          # custom:
          #   severity: medium
          package tripline.rules.trail

          # METADATA
          # title: alert
          # description: fires on UpdateTrail
          # custom:
          #   id: TL-1
          alert := {"id": rego.metadata.rule().custom.id, "chain": rego.metadata.chain()}

          plain := rego.metadata.rule()

          plain_chain := [entry.path | some entry in rego.metadata.chain()]

          severity := s if {
            some entry in rego.metadata.chain()
            s := entry.annotations.custom.severity
          }

          # METADATA
          # title: f
          f(x) := [x, rego.metadata.rule().title]

          via_function := f(1)
          """), null);

  private static String eval(String query) {
    return ValueJson.write(POLICY.evaluate(query, null).results().get(0).expressions().get(0).value());
  }

  @Test
  void ruleReturnsTheRulesOwnAnnotations() {
    assertThat(eval("data.tripline.rules.trail.alert.id")).isEqualTo("\"TL-1\"");
    assertThat(eval("data.tripline.rules.trail.plain")).isEqualTo("{}");
  }

  @Test
  void chainListsRulePackageAndSubpackagesWithPathsWithoutData() {
    assertThat(eval("data.tripline.rules.trail.alert.chain")).isEqualTo("["
        + "{\"annotations\":{\"custom\":{\"id\":\"TL-1\"},\"description\":\"fires on UpdateTrail\",\"scope\":\"rule\",\"title\":\"alert\"},"
        + "\"path\":[\"tripline\",\"rules\",\"trail\",\"alert\"]},"
        + "{\"annotations\":{\"custom\":{\"severity\":\"medium\"},\"scope\":\"package\",\"title\":\"Trail updated\"},"
        + "\"path\":[\"tripline\",\"rules\",\"trail\"]},"
        + "{\"annotations\":{\"organizations\":[\"Tripline\"],\"scope\":\"subpackages\"},\"path\":[\"tripline\"]}]");
    assertThat(eval("data.tripline.rules.trail.plain_chain"))
        .isEqualTo("[[\"tripline\",\"rules\",\"trail\",\"plain_chain\"],[\"tripline\",\"rules\",\"trail\"],[\"tripline\"]]");
    assertThat(eval("data.tripline.rules.trail.severity")).isEqualTo("\"medium\"");
  }

  @Test
  void functionsSeeTheirOwnAnnotations() {
    assertThat(eval("data.tripline.rules.trail.via_function")).isEqualTo("[1,\"f\"]");
  }

  @Test
  void outsideARuleTheRuleIsEmpty() {
    assertThat(eval("rego.metadata.rule()")).isEqualTo("{}");
    assertThat(eval("rego.metadata.chain()")).isEqualTo("[]");
  }
}
