package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphAndRuntimeBuiltinsTest {
  private final FixedContext ctx = new FixedContext();

  private static Value s(String... xs) {
    return SetValue.of(java.util.Arrays.stream(xs).map(x -> (Value) StringValue.of(x)).toList());
  }

  @Test
  void reachableFollowsEdgesFromKnownNodes() {
    Value graph = ObjectValue.builder().put("a", s("b", "c")).put("b", s("d")).put("c", s("d")).put("d", SetValue.EMPTY)
        .put("e", s("f")).put("f", s("e")).put("x", s("x")).build();
    assertThat(ctx.callValues("graph.reachable", List.of(graph, s("b", "e")))).isEqualTo(s("b", "d", "e", "f"));
    assertThat(ctx.call("graph.reachable", "{\"a\":[\"b\"],\"b\":[\"c\"],\"c\":[\"a\"]}", "[\"a\"]")).isEqualTo(s("a", "b", "c"));
    assertThat(ctx.call("graph.reachable", "{\"a\":[\"b\"]}", "[\"z\"]")).isEqualTo(SetValue.EMPTY);
    assertThatThrownBy(() -> ctx.call("graph.reachable", "{}", "\"a\""))
        .hasMessage("graph.reachable: operand 2 must be {array, set} but got string");
  }

  @Test
  void reachablePathsEndAtLeavesCyclesAndMissingNodes() {
    assertThat(ctx.call("graph.reachable_paths", "{\"a\":[\"b\"],\"b\":[\"c\"],\"c\":[]}", "[\"a\"]"))
        .isEqualTo(SetValue.of(json("[\"a\",\"b\",\"c\"]")));
    assertThat(ctx.call("graph.reachable_paths", "{\"a\":[\"b\",\"c\"],\"b\":[\"a\"]}", "[\"a\"]"))
        .isEqualTo(SetValue.of(json("[\"a\",\"b\"]"), json("[\"a\"]")));
    assertThat(ctx.call("graph.reachable_paths", "{\"a\":[]}", "[\"a\"]")).isEqualTo(SetValue.of(json("[\"a\"]")));
  }

  @Test
  void walkEmitsPathsParentsFirst() {
    List<Value> all = ctx.all("walk", json("{\"a\":[1,{\"b\":2}]}"));
    assertThat(all).containsExactly(
        json("[[], {\"a\":[1,{\"b\":2}]}]"),
        json("[[\"a\"], [1,{\"b\":2}]]"),
        json("[[\"a\",0], 1]"),
        json("[[\"a\",1], {\"b\":2}]"),
        json("[[\"a\",1,\"b\"], 2]"));
    SetValue inner = SetValue.of(NumberValue.ONE, NumberValue.of(2));
    List<Value> sets = ctx.all("walk", SetValue.of(inner));
    assertThat(sets).hasSize(4);
    assertThat(sets.get(1)).isEqualTo(ArrayValue.of(ArrayValue.of(inner), inner));
    assertThat(sets.get(2)).isEqualTo(ArrayValue.of(ArrayValue.of(inner, NumberValue.ONE), NumberValue.ONE));
  }

  @Test
  void hashesAndMacs() {
    assertThat(ctx.call("crypto.md5", "\"\"")).isEqualTo(StringValue.of("d41d8cd98f00b204e9800998ecf8427e"));
    assertThat(ctx.call("crypto.sha1", "\"abc\"")).isEqualTo(StringValue.of("a9993e364706816aba3e25717850c26c9cd0d89d"));
    assertThat(ctx.call("crypto.sha256", "\"abc\""))
        .isEqualTo(StringValue.of("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    assertThat(ctx.call("crypto.hmac.sha256", "\"The quick brown fox jumps over the lazy dog\"", "\"key\""))
        .isEqualTo(StringValue.of("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"));
    assertThat(ctx.call("crypto.hmac.md5", "\"The quick brown fox jumps over the lazy dog\"", "\"key\""))
        .isEqualTo(StringValue.of("80070713463e7749b90c2dc24911e275"));
    assertThat(ctx.call("crypto.hmac.sha1", "\"\"", "\"\"")).isEqualTo(StringValue.of("fbdb1d1b18aa6c08324b7d64b71fb76370690e1d"));
    assertThat(ctx.call("crypto.hmac.equal", "\"abc\"", "\"abc\"")).isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("crypto.hmac.equal", "\"abc\"", "\"ab\"")).isEqualTo(BooleanValue.FALSE);
  }

  @Test
  void runtimeTraceAndNetworkRefusal() {
    assertThat(ctx.call("opa.runtime")).isEqualTo(ObjectValue.EMPTY);
    assertThat(ctx.call("trace", "\"note\"")).isEqualTo(BooleanValue.TRUE);
    assertThatThrownBy(() -> ctx.call("http.send", "{\"method\":\"get\",\"url\":\"https://example.com/x\"}"))
        .isInstanceOf(BuiltinException.class)
        .hasMessage("http.send: unallowed host: example.com")
        .extracting(e -> ((BuiltinException) e).code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    assertThatThrownBy(() -> ctx.call("net.lookup_ip_addr", "\"example.com\""))
        .hasMessage("net.lookup_ip_addr: unallowed host: example.com");
  }
}
