package io.tripline.rego.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ValueJsonBackingNodeTest {

  @Test
  void aViewGivesBackTheNodeItReads() throws Exception {
    JsonNode record = new ObjectMapper().readTree("{\"eventName\": \"UpdateTrail\", \"resources\": [{\"ARN\": \"a\"}]}");
    Value v = ValueJson.fromNode(record);
    assertThat(ValueJson.backingNode(v)).isSameAs(record);
    Value resources = ((ObjectValue) v).get(StringValue.of("resources"));
    assertThat(ValueJson.backingNode(resources)).isSameAs(record.get("resources"));
  }

  @Test
  void aBuiltValueHasNone() {
    assertThat(ValueJson.backingNode(ObjectValue.builder().put("a", StringValue.of("b")).build())).isNull();
    assertThat(ValueJson.backingNode(StringValue.of("x"))).isNull();
  }
}
