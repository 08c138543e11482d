package io.tripline.rego.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTest {

  @Test
  void integersAndFloatsWithTheSameValueAreEqual() {
    assertThat(NumberValue.parse("1")).isEqualTo(NumberValue.parse("1.0"));
    assertThat(NumberValue.parse("1").hashCode()).isEqualTo(NumberValue.parse("1.00").hashCode());
    assertThat(SetValue.of(NumberValue.parse("1"), NumberValue.parse("1.0")).size()).isEqualTo(1);
  }

  @Test
  void bigIntegersKeepTheirPrecision() {
    NumberValue a = NumberValue.parse("28857836529306024611913");
    NumberValue b = NumberValue.parse("28857836529306024611912");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.subtract(b)).isEqualTo(NumberValue.of(1));
    assertThat(NumberValue.of(Long.MAX_VALUE).add(NumberValue.ONE).toString()).isEqualTo("9223372036854775808");
  }

  @Test
  void divisionIsExactWhenItDividesAndFloatOtherwise() {
    assertThat(NumberValue.of(6).divide(NumberValue.of(3))).isEqualTo(NumberValue.of(2));
    assertThat(NumberValue.of(1).divide(NumberValue.of(2)).toString()).isEqualTo("0.5");
    assertThat(NumberValue.of(1).divide(NumberValue.of(3)).toString()).isEqualTo("0.3333333333333333");
    assertThat(NumberValue.of(1).divide(NumberValue.ZERO)).isNull();
  }

  @Test
  void remainderTakesTheSignOfTheDividend() {
    assertThat(NumberValue.of(-5).remainder(NumberValue.of(3))).isEqualTo(NumberValue.of(-2));
  }

  @Test
  void valuesSortAcrossTypesAsOpa() {
    List<Value> vs = new ArrayList<>(List.of(
        SetValue.of(NumberValue.ONE),
        ObjectValue.builder().put("a", NumberValue.ONE).build(),
        ArrayValue.of(NumberValue.ONE),
        StringValue.of("a"),
        NumberValue.of(3),
        BooleanValue.TRUE,
        BooleanValue.FALSE,
        NullValue.NULL));
    vs.sort(ValueOrder.INSTANCE);
    assertThat(vs.stream().map(Value::typeName)).containsExactly(
        "null", "boolean", "boolean", "number", "string", "array", "object", "set");
    assertThat(vs.get(1)).isEqualTo(BooleanValue.FALSE);
  }

  @Test
  void arraysCompareElementWiseThenByLength() {
    ArrayValue a = ArrayValue.of(NumberValue.ONE, NumberValue.of(2));
    ArrayValue b = ArrayValue.of(NumberValue.ONE, NumberValue.of(2), NumberValue.of(0));
    ArrayValue c = ArrayValue.of(NumberValue.of(2));
    assertThat(ValueOrder.order(a, b)).isNegative();
    assertThat(ValueOrder.order(b, c)).isNegative();
  }

  @Test
  void stringsSortByCodePoint() {
    assertThat(ValueOrder.order(StringValue.of("\uFFFD"), StringValue.of("\uD83D\uDE00"))).isNegative();
    assertThat(ValueOrder.order(StringValue.of("a"), StringValue.of("ab"))).isNegative();
  }

  @Test
  void jsonViewsEqualMaterialisedValues() {
    Value lazy = ValueJson.parseJson("{\"b\": [1, 2.5, {\"c\": null}], \"a\": true}");
    ObjectValue eager = ObjectValue.builder()
        .put("a", BooleanValue.TRUE)
        .put("b", ArrayValue.of(NumberValue.ONE, NumberValue.parse("2.5"),
            ObjectValue.builder().put("c", NullValue.NULL).build()))
        .build();
    assertThat(lazy).isEqualTo(eager);
    assertThat(lazy.hashCode()).isEqualTo(eager.hashCode());
    assertThat(ValueJson.write(lazy)).isEqualTo("{\"a\":true,\"b\":[1,2.5,{\"c\":null}]}");
  }

  @Test
  void setsAndNonStringKeysSerialiseAsOpaPrintsThem() {
    Value set = SetValue.of(StringValue.of("b"), StringValue.of("a"));
    assertThat(ValueJson.write(set)).isEqualTo("[\"a\",\"b\"]");
    assertThat(ValueText.of(set)).isEqualTo("{\"a\", \"b\"}");
    assertThat(ValueText.of(SetValue.EMPTY)).isEqualTo("set()");
    Value obj = ObjectValue.builder().put(NumberValue.ONE, StringValue.of("x")).build();
    assertThat(ValueJson.write(obj)).isEqualTo("{\"1\":\"x\"}");
  }

  @Test
  void yamlReadsLikeJson() {
    assertThat(ValueJson.parseYaml("a: 1\nb: [x, y]\n")).isEqualTo(ValueJson.parseJson("{\"a\":1,\"b\":[\"x\",\"y\"]}"));
  }
}
