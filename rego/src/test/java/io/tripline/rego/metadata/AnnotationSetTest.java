package io.tripline.rego.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.Rego;
import io.tripline.rego.RegoException;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.ValueJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationSetTest {

  private static final String RULE = """
      # METADATA
      # title: CloudTrail trail updated
      # description: A trail's settings changed.
      # authors:
      # - Jane Doe <jane@example.com>
      # - name: Detection Team
      # organizations: [Tripline]
      # related_resources:
      # - https://attack.mitre.org/techniques/T1562/008/
      # - ref: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html
      #   description: API reference
      # custom:
      #   id: TL-0001
      #   severity: medium
      #   risk_score: 47
      #   mitre:
      #     techniques: [T1562.008]
      package tripline.rules.trail_updated

      # METADATA
      # title: alert on UpdateTrail
      # custom:
      #   severity: high
      alert contains {"message": "trail updated"} if input.eventName == "UpdateTrail"

      helper := 1
      """;

  private static final String ROOT = """
      # METADATA
      # scope: subpackages
      # custom:
      #   owner: detection-engineering
      #   severity: low
      package tripline
      """;

  private static final String RULES = """
      # METADATA
      # scope: subpackages
      # title: All rules
      package tripline.rules
      """;

  private static PreparedPolicy compile(String... sources) {
    Map<String, String> modules = new LinkedHashMap<>();
    for (int i = 0; i < sources.length; i++) {
      modules.put("m" + i + ".rego", sources[i]);
    }
    return Rego.compile(modules, null);
  }

  @Test
  void packageBlockParsesEveryField() {
    RuleAnnotations helper = compile(RULE).annotations().byPath("tripline.rules.trail_updated.helper").get(0);
    Annotations pkg = helper.chain().get(1).annotations();
    assertThat(pkg.scope()).isEqualTo(Scope.PACKAGE);
    assertThat(pkg.title()).isEqualTo("CloudTrail trail updated");
    assertThat(pkg.authors()).containsExactly(new Author("Jane Doe", "jane@example.com"), new Author("Detection Team", ""));
    assertThat(pkg.organizations()).containsExactly("Tripline");
    assertThat(pkg.relatedResources()).containsExactly(
        new RelatedResource("https://attack.mitre.org/techniques/T1562/008/", ""),
        new RelatedResource("https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html",
            "API reference"));
    assertThat(pkg.location().line()).isEqualTo(1);
    assertThat(helper.own()).isEmpty();
    assertThat(helper.title()).isEqualTo("CloudTrail trail updated");
  }

  @Test
  void chainRunsFromRuleToRootAndCustomMergesNearestFirst() {
    PreparedPolicy p = compile(ROOT, RULES, RULE);
    RuleAnnotations alert = p.annotations().byPath("data.tripline.rules.trail_updated.alert").get(0);

    assertThat(alert.chain()).extracting(AnnotationsRef::path).containsExactly(
        List.of("tripline", "rules", "trail_updated", "alert"),
        List.of("tripline", "rules", "trail_updated"),
        List.of("tripline", "rules"),
        List.of("tripline"));
    assertThat(alert.chain()).extracting(r -> r.annotations().scope())
        .containsExactly(Scope.RULE, Scope.PACKAGE, Scope.SUBPACKAGES, Scope.SUBPACKAGES);
    assertThat(alert.custom("severity")).contains(StringValue.of("high"));
    assertThat(alert.custom("id")).contains(StringValue.of("TL-0001"));
    assertThat(alert.custom("risk_score")).contains(NumberValue.of(47));
    assertThat(alert.custom("owner")).contains(StringValue.of("detection-engineering"));
    assertThat(ValueJson.write(alert.custom().get("mitre"))).isEqualTo("{\"techniques\":[\"T1562.008\"]}");
    assertThat(alert.location().line()).isEqualTo(24);
    assertThat(alert.title()).isEqualTo("alert on UpdateTrail");
  }

  @Test
  void documentScopeAppliesToEveryDefinitionOfTheRule() {
    PreparedPolicy p = compile("""
        package a

        # METADATA
        # scope: document
        # description: allowed when any definition holds
        allow if input.x == 1

        allow if input.y == 2
        """);
    List<RuleAnnotations> defs = p.annotations().byPath("a.allow");
    assertThat(defs).hasSize(2);
    for (RuleAnnotations d : defs) {
      assertThat(d.own()).isEmpty();
      assertThat(d.chain()).hasSize(2);
      assertThat(d.chain().get(1).annotations().scope()).isEqualTo(Scope.DOCUMENT);
      assertThat(d.description()).isEqualTo("allowed when any definition holds");
    }
  }

  @Test
  void unknownKeysAreIgnoredAsOpaDoes() {
    PreparedPolicy p = compile("""
        package a

        # METADATA
        # title: t
        # severity: high
        p := 1
        """);
    assertThat(p.annotations().byPath("a.p").get(0).title()).isEqualTo("t");
  }

  @Test
  void scopeThatDoesNotFitTheStatementIsAParseError() {
    assertThatThrownBy(() -> compile("""
        package a

        # METADATA
        # scope: package
        p := 1
        """)).isInstanceOf(RegoException.class)
        .hasMessageContaining("m0.rego:3:1: rego_parse_error: annotation scope 'package' must be applied to package (have rule)");
    assertThatThrownBy(() -> compile("""
        # METADATA
        # scope: rule
        package a
        """)).hasMessageContaining("m0.rego:1:1: rego_parse_error: annotation scope 'rule' must be applied to rule (have package)");
  }

  @Test
  void unknownScopeIsAParseError() {
    assertThatThrownBy(() -> compile("""
        package a

        # METADATA
        # scope: everywhere
        p := 1
        """)).hasMessageContaining(
        "m0.rego:3:1: rego_parse_error: invalid annotation scope 'everywhere'. Use one of 'rule', 'document', 'package', or 'subpackages'");
  }

  @Test
  void yamlErrorsPointAtTheOffendingCommentLine() {
    assertThatThrownBy(() -> compile("""
        package a

        # METADATA
        # title: ok
        # description: [unclosed
        p := 1
        """)).hasMessageContaining("m0.rego:").hasMessageContaining("rego_parse_error: yaml: line");
    assertThatThrownBy(() -> compile("""
        package a

        # METADATA
        # custom: [1, 2]
        p := 1
        """)).hasMessageContaining("m0.rego:3:1: rego_parse_error: yaml: unmarshal errors:")
        .hasMessageContaining("cannot unmarshal !!seq into map[string]interface {}");
  }

  @Test
  void badAuthorsAndResourcesAreReported() {
    assertThatThrownBy(() -> compile("""
        package a

        # METADATA
        # authors:
        # - email: ""
        p := 1
        """)).hasMessageContaining("invalid author definition")
        .hasMessageContaining("'name' and/or 'email' values required in object");
    assertThatThrownBy(() -> compile("""
        package a

        # METADATA
        # related_resources:
        # - description: no ref
        p := 1
        """)).hasMessageContaining("invalid related-resource definition map[description:no ref]: 'ref' value required in object");
  }

  @Test
  void blocksAttachToTheNextStatementAcrossBlankLinesAndSeveralBlocksCanShareIt() {
    PreparedPolicy p = compile("""
        package a

        # METADATA
        # scope: document
        # description: any definition

        # METADATA
        # title: first definition

        # a plain comment after a blank line is not part of a block
        allow if input.x == 1
        """);
    RuleAnnotations allow = p.annotations().byPath("a.allow").get(0);
    assertThat(allow.own()).map(Annotations::title).contains("first definition");
    assertThat(allow.own()).map(a -> a.location().line()).contains(7);
    assertThat(allow.chain().get(1).annotations().scope()).isEqualTo(Scope.DOCUMENT);
    assertThat(allow.chain().get(1).location().line()).isEqualTo(3);
    assertThat(allow.description()).isEqualTo("any definition");
  }

  @Test
  void aBlockAfterTheImportsBelongsToTheFirstRule() {
    PreparedPolicy p = compile("""
        package a

        import rego.v1

        # METADATA
        # title: p
        p := 1
        """);
    assertThat(p.annotations().byPath("a.p").get(0).title()).isEqualTo("p");
    assertThat(p.annotations().byPath("a.p").get(0).chain()).hasSize(1);
  }
}
