package io.tripline.simulator.coverage.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled layer-format-4.5 schema: a layer using every property the format defines validates,
 * and each kind of mistake the specification rules out is rejected. (The coverage command's own
 * layer is validated against it in the cli's CoverageCommandTest.)
 */
class NavigatorLayerSchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static JsonSchema schema;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = CoverageNavigator.class.getResourceAsStream(CoverageNavigator.SCHEMA_RESOURCE)) {
      assertThat(in).as(CoverageNavigator.SCHEMA_RESOURCE).isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  /** A layer that sets every property of the format once. */
  static ObjectNode fullLayer() throws Exception {
    return (ObjectNode) JSON.readTree("""
        {
          "name": "all properties",
          "versions": {"attack": "18", "navigator": "5.1.0", "layer": "4.5"},
          "domain": "enterprise-attack",
          "description": "every property of layer format 4.5",
          "customDataURL": "https://example.org/bundle.json",
          "filters": {"platforms": ["IaaS", "Linux", "AWS"]},
          "sorting": 3,
          "layout": {"layout": "flat", "showID": true, "showName": false, "showAggregateScores": true,
                     "countUnscored": false, "aggregateFunction": "max", "expandedSubtechniques": "annotated"},
          "hideDisabled": true,
          "techniques": [
            {"techniqueID": "T1562", "tactic": "defense-evasion", "comment": "parent", "enabled": false, "score": 12.5,
             "color": "#abc", "showSubtechniques": true,
             "metadata": [{"name": "rule", "value": "TRL-CT-001"}, {"divider": true}],
             "links": [{"label": "rule", "url": "https://example.org/r"}, {"divider": false}]},
            {"techniqueID": "T1562.008", "color": ""}
          ],
          "gradient": {"colors": ["#e5533dff", "#52b788"], "minValue": -1, "maxValue": 1},
          "legendItems": [{"label": "caught", "color": "#52B788"}],
          "showTacticRowBackground": true,
          "tacticRowBackground": "#dddddd",
          "selectTechniquesAcrossTactics": false,
          "selectSubtechniquesWithParent": true,
          "selectVisibleTechniques": false,
          "metadata": [{"name": "run", "value": "1"}],
          "links": [{"divider": true}]
        }
        """);
  }

  static Set<ValidationMessage> validate(JsonNode layer) {
    return schema.validate(layer);
  }

  @Test
  void aLayerWithEveryPropertyValidates() throws Exception {
    assertThat(validate(fullLayer())).isEmpty();
    assertThat(validate(JSON.readTree("{\"name\": \"minimal\", \"domain\": \"ics-attack\"}"))).isEmpty();
    ArrayNode many = JSON.createArrayNode().add(fullLayer()).add(JSON.readTree("{\"name\": \"m\", \"domain\": \"mobile-attack\"}"));
    assertThat(validate(many)).as("a file of several layers").isEmpty();
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        broken("no name", l -> l.remove("name")),
        broken("no domain", l -> l.remove("domain")),
        broken("unknown domain", l -> l.put("domain", "enterprise")),
        broken("unknown property", l -> l.put("colour", "#fff")),
        broken("layer format other than 4.5", l -> ((ObjectNode) l.get("versions")).put("layer", "4.4")),
        broken("navigator before 4.9.0", l -> ((ObjectNode) l.get("versions")).put("navigator", "4.8.2")),
        broken("versions without navigator", l -> ((ObjectNode) l.get("versions")).remove("navigator")),
        broken("attack version as a number", l -> ((ObjectNode) l.get("versions")).put("attack", 18)),
        broken("sorting 4", l -> l.put("sorting", 4)),
        broken("sorting as text", l -> l.put("sorting", "3")),
        broken("layout 'grid'", l -> ((ObjectNode) l.get("layout")).put("layout", "grid")),
        broken("aggregate 'median'", l -> ((ObjectNode) l.get("layout")).put("aggregateFunction", "median")),
        broken("expandedSubtechniques 'some'", l -> ((ObjectNode) l.get("layout")).put("expandedSubtechniques", "some")),
        broken("hideDisabled as text", l -> l.put("hideDisabled", "true")),
        broken("a mobile platform on enterprise", l -> ((ArrayNode) l.get("filters").get("platforms")).add("Android")),
        broken("an unknown filter", l -> ((ObjectNode) l.get("filters")).put("tactics", "x")),
        broken("technique without techniqueID", l -> technique(l).remove("techniqueID")),
        broken("techniqueID not T####", l -> technique(l).put("techniqueID", "1562")),
        broken("score as text", l -> technique(l).put("score", "high")),
        broken("colour by name", l -> technique(l).put("color", "red")),
        broken("colour without #", l -> technique(l).put("color", "52b788")),
        broken("tactic display name", l -> technique(l).put("tactic", "Defense Evasion")),
        broken("unknown technique property", l -> technique(l).put("rules", "TRL-CT-001")),
        broken("metadata without value", l -> ((ObjectNode) technique(l).get("metadata").get(0)).remove("value")),
        broken("metadata value as number", l -> ((ObjectNode) technique(l).get("metadata").get(0)).put("value", 1)),
        broken("link without a scheme", l -> ((ObjectNode) technique(l).get("links").get(0)).put("url", "example.org/r")),
        broken("divider as text", l -> ((ObjectNode) technique(l).get("links").get(1)).put("divider", "yes")),
        broken("gradient of one colour", l -> ((ArrayNode) l.get("gradient").get("colors")).remove(1)),
        broken("gradient without maxValue", l -> ((ObjectNode) l.get("gradient")).remove("maxValue")),
        broken("legend item without colour", l -> ((ObjectNode) l.get("legendItems").get(0)).remove("color")),
        broken("tactic row background by name", l -> l.put("tacticRowBackground", "grey")));
  }

  static ObjectNode technique(ObjectNode layer) {
    return (ObjectNode) layer.get("techniques").get(0);
  }

  static Arguments broken(String what, Consumer<ObjectNode> change) {
    return Arguments.of(what, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void theSchemaRejects(String what, Consumer<ObjectNode> change) throws Exception {
    ObjectNode layer = fullLayer();
    change.accept(layer);
    assertThat(validate(layer)).as(what).isNotEmpty();
  }
}
