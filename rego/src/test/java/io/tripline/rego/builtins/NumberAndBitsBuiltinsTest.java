package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberAndBitsBuiltinsTest {
  private final FixedContext ctx = new FixedContext();

  @Test
  void rangesCountUpOrDownInclusive() {
    assertThat(ctx.call("numbers.range", "1", "4")).isEqualTo(json("[1,2,3,4]"));
    assertThat(ctx.call("numbers.range", "2", "-1")).isEqualTo(json("[2,1,0,-1]"));
    assertThat(ctx.call("numbers.range", "0", "0")).isEqualTo(json("[0]"));
    assertThat(ctx.call("numbers.range_step", "0", "10", "4")).isEqualTo(json("[0,4,8]"));
    assertThat(ctx.call("numbers.range_step", "10", "0", "5")).isEqualTo(json("[10,5,0]"));
  }

  @Test
  void rangeErrorsAreOpas() {
    assertThatThrownBy(() -> ctx.call("numbers.range", "1.5", "4"))
        .hasMessage("numbers.range: operand 1 must be integer number but got floating-point number")
        .extracting(e -> ((BuiltinException) e).code()).isEqualTo(BuiltinException.TYPE_ERROR);
    assertThatThrownBy(() -> ctx.call("numbers.range_step", "1", "4", "0"))
        .hasMessage("numbers.range_step: step must be a positive integer");
    assertThatThrownBy(() -> ctx.call("numbers.range", "\"a\"", "4"))
        .hasMessage("numbers.range: operand 1 must be integer but got string");
  }

  @Test
  void randIntnIsStableWithinOneQueryAndInRange() {
    Value first = ctx.call("rand.intn", "\"seed\"", "100");
    for (int i = 0; i < 5; i++) {
      assertThat(ctx.call("rand.intn", "\"seed\"", "100")).isEqualTo(first);
    }
    assertThat(((NumberValue) first).longValue()).isBetween(0L, 99L);
    assertThat(ctx.call("rand.intn", "\"seed\"", "0")).isEqualTo(NumberValue.ZERO);
    long negative = ((NumberValue) ctx.call("rand.intn", "\"x\"", "-3")).longValue();
    assertThat(negative).isBetween(0L, 2L);
  }

  @Test
  void bitwiseOperations() {
    assertThat(ctx.call("bits.or", "5", "3")).isEqualTo(NumberValue.of(7));
    assertThat(ctx.call("bits.and", "5", "3")).isEqualTo(NumberValue.of(1));
    assertThat(ctx.call("bits.xor", "5", "3")).isEqualTo(NumberValue.of(6));
    assertThat(ctx.call("bits.negate", "5")).isEqualTo(NumberValue.of(-6));
    assertThat(ctx.call("bits.lsh", "1", "70")).isEqualTo(NumberValue.parse("1180591620717411303424"));
    assertThat(ctx.call("bits.rsh", "8", "3")).isEqualTo(NumberValue.of(1));
    assertThatThrownBy(() -> ctx.call("bits.or", "7.2", "42"))
        .hasMessage("bits.or: operand 1 must be integer number but got floating-point number");
  }

  @Test
  void aggregatesProductAndSort() {
    assertThat(ctx.call("product", "[2,3,4]")).isEqualTo(NumberValue.of(24));
    assertThat(ctx.call("product", "[]")).isEqualTo(NumberValue.ONE);
    assertThat(ctx.call("product", "[1.5,2]")).isEqualTo(NumberValue.of(3));
    assertThatThrownBy(() -> ctx.call("product", "[1,\"a\"]"))
        .hasMessage("product: operand 1 must be array of numbers but got array containing string");
    assertThat(ctx.call("sort", "[3,\"a\",null,1,[1],{\"a\":1},true]"))
        .isEqualTo(json("[null,true,1,3,\"a\",[1],{\"a\":1}]"));
    assertThatThrownBy(() -> ctx.call("sort", "\"x\""))
        .hasMessage("sort: operand 1 must be one of {set, array} but got string");
  }

  @Test
  void arrays() {
    assertThat(ctx.call("array.concat", "[1,2]", "[3]")).isEqualTo(json("[1,2,3]"));
    assertThat(ctx.call("array.slice", "[1,2,3,4,5]", "1", "3")).isEqualTo(json("[2,3]"));
    assertThat(ctx.call("array.slice", "[1,2,3,4,5]", "-4", "-1")).isEqualTo(json("[]"));
    assertThat(ctx.call("array.slice", "[1,2,3]", "2", "99")).isEqualTo(json("[3]"));
    assertThat(ctx.call("array.slice", "[1,2,3]", "2", "1")).isEqualTo(json("[]"));
    assertThat(ctx.call("array.reverse", "[1,2,3]")).isEqualTo(json("[3,2,1]"));
    assertThat(ctx.call("array.flatten", "[[1,2],\"s\",[3,[4]],5]")).isEqualTo(json("[1,2,\"s\",3,[4],5]"));
    assertThatThrownBy(() -> ctx.call("array.flatten", "42"))
        .hasMessage("array.flatten: operand 1 must be array but got number");
  }

  @Test
  void setsOfSets() {
    var setOfSets = io.tripline.rego.value.SetValue.of(
        io.tripline.rego.value.SetValue.of(NumberValue.ONE, NumberValue.of(2)),
        io.tripline.rego.value.SetValue.of(NumberValue.of(2), NumberValue.of(3)));
    assertThat(ctx.callValues("intersection", List.of(setOfSets)))
        .isEqualTo(io.tripline.rego.value.SetValue.of(NumberValue.of(2)));
    assertThat(ctx.callValues("union", List.of(setOfSets))).isEqualTo(io.tripline.rego.value.SetValue.of(
        NumberValue.ONE, NumberValue.of(2), NumberValue.of(3)));
    assertThat(ctx.callValues("union", List.of(io.tripline.rego.value.SetValue.EMPTY)))
        .isEqualTo(io.tripline.rego.value.SetValue.EMPTY);
    assertThatThrownBy(() -> ctx.callValues("union", List.of(io.tripline.rego.value.SetValue.of(StringValue.of("x")))))
        .hasMessage("union: operand 1 must be set but got string");
  }
}
