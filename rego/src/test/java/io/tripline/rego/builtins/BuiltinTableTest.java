package io.tripline.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BuiltinTableTest {
  private final BuiltinTable table = BuiltinTable.standard();
  private final BuiltinContext ctx = new BuiltinContext() {
    private final Map<Object, Object> cache = new HashMap<>();

    @Override
    public long nowNanos() {
      return 0;
    }

    @Override
    public void print(String line) {}

    @Override
    public boolean strictErrors() {
      return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T cached(Object key, Supplier<T> compute) {
      return (T) cache.computeIfAbsent(key, k -> compute.get());
    }
  };

  private Value call(String name, String... jsonArgs) {
    List<Value> args = java.util.Arrays.stream(jsonArgs).map(ValueJson::parseJson).toList();
    return table.get(name).call(ctx, args);
  }

  @Test
  void registersTheLanguageBuiltinsWithSignatures() {
    assertThat(table.get("count").signature().arity()).isEqualTo(1);
    assertThat(table.get("object.get").signature().arity()).isEqualTo(3);
    assertThat(table.get("no.such")).isNull();
  }

  @Test
  void countsCollectionsAndRunes() {
    assertThat(call("count", "[1,2,3]")).isEqualTo(NumberValue.of(3));
    assertThat(call("count", "\"h\u00e9llo\"")).isEqualTo(NumberValue.of(5));
    assertThatThrownBy(() -> call("count", "1"))
        .isInstanceOf(BuiltinException.class)
        .hasMessage("count: operand 1 must be one of {array, object, set, string} but got number");
  }

  @Test
  void arithmeticFollowsOpa() {
    assertThat(call("plus", "1", "2.5")).isEqualTo(NumberValue.parse("3.5"));
    assertThat(call("div", "7", "2")).isEqualTo(NumberValue.parse("3.5"));
    assertThatThrownBy(() -> call("div", "1", "0")).hasMessage("div: divide by zero");
    assertThatThrownBy(() -> call("rem", "1.5", "1")).hasMessage("rem: modulo on floating-point number");
    assertThatThrownBy(() -> table.get("minus").call(ctx, List.of(NumberValue.ONE, SetValue.of(NumberValue.ONE))))
        .hasMessage("minus: operand 2 must be number but got set");
  }

  @Test
  void setOperators() {
    SetValue a = SetValue.of(NumberValue.ONE, NumberValue.of(2));
    SetValue b = SetValue.of(NumberValue.of(2), NumberValue.of(3));
    assertThat(table.get("or").call(ctx, List.of(a, b))).isEqualTo(SetValue.of(NumberValue.ONE, NumberValue.of(2), NumberValue.of(3)));
    assertThat(table.get("and").call(ctx, List.of(a, b))).isEqualTo(SetValue.of(NumberValue.of(2)));
    assertThat(table.get("minus").call(ctx, List.of(a, b))).isEqualTo(SetValue.of(NumberValue.ONE));
  }

  @Test
  void stringsAndObjects() {
    assertThat(call("concat", "\",\"", "[\"a\",\"b\"]")).isEqualTo(StringValue.of("a,b"));
    assertThat(call("startswith", "\"abc\"", "\"ab\"")).isEqualTo(BooleanValue.TRUE);
    assertThat(call("object.get", "{\"a\":{\"b\":1}}", "[\"a\",\"b\"]", "0")).isEqualTo(NumberValue.ONE);
    assertThat(call("object.get", "{\"a\":1}", "\"z\"", "0")).isEqualTo(NumberValue.ZERO);
    assertThat(call("max", "[1,3,2]")).isEqualTo(NumberValue.of(3));
    assertThat(call("min", "[]")).isNull();
    assertThat(call("type_name", "{}")).isEqualTo(StringValue.of("object"));
    assertThat(table.get("internal.member_2").call(ctx, List.of(NumberValue.ONE, ArrayValue.of(NumberValue.ONE))))
        .isEqualTo(BooleanValue.TRUE);
    assertThat(table.get("type_name").call(ctx, List.of(ObjectValue.EMPTY))).isEqualTo(StringValue.of("object"));
  }

  @Test
  void sprintfFormatsLikeGo() {
    assertThat(GoFormat.sprintf("%s=%d %v %.2f %q %x", List.of(
        StringValue.of("a"), NumberValue.of(5), NumberValue.parse("1.5"), NumberValue.parse("3.14159"),
        StringValue.of("q"), NumberValue.of(255)))).isEqualTo("a=5 1.5 3.14 \"q\" ff");
    assertThat(GoFormat.sprintf("%v %v", List.of(SetValue.of(NumberValue.ONE), ValueJson.parseJson("{\"a\":[1]}"))))
        .isEqualTo("{1} {\"a\": [1]}");
    assertThat(GoFormat.sprintf("%d", List.of())).isEqualTo("%!d(MISSING)");
    assertThat(GoFormat.sprintf("%d", List.of(StringValue.of("x")))).isEqualTo("%!d(string=x)");
    assertThat(GoFormat.sprintf("%5d|%-4s|%05d", List.of(NumberValue.of(42), StringValue.of("ab"), NumberValue.of(-7))))
        .isEqualTo("   42|ab  |-0007");
    assertThat(GoFormat.sprintf("%v", List.of(NumberValue.parse("1e25")))).isEqualTo("10000000000000000000000000");
  }
}
