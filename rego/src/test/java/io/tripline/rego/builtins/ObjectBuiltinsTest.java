package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectBuiltinsTest {
  private final FixedContext ctx = new FixedContext();

  @Test
  void getFollowsArrayPaths() {
    assertThat(ctx.call("object.get", "{\"a\":[{\"b\":true}]}", "[\"a\",0,\"b\"]", "false")).isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("object.get", "{\"a\":{\"b\":\"c\"}}", "\"a\"", "true")).isEqualTo(json("{\"b\":\"c\"}"));
    assertThat(ctx.call("object.get", "{\"a\":1}", "[]", "0")).isEqualTo(json("{\"a\":1}"));
    assertThat(ctx.call("object.get", "{\"a\":1}", "[\"a\",\"b\"]", "0")).isEqualTo(NumberValue.ZERO);
  }

  @Test
  void keysRemoveFilter() {
    assertThat(ctx.call("object.keys", "{\"a\":1,\"b\":2}"))
        .isEqualTo(SetValue.of(StringValue.of("a"), StringValue.of("b")));
    assertThat(ctx.call("object.remove", "{\"a\":1,\"b\":{\"c\":3},\"d\":4}", "[\"b\",\"d\"]")).isEqualTo(json("{\"a\":1}"));
    assertThat(ctx.call("object.remove", "{\"a\":1,\"b\":2}", "{\"b\":0}")).isEqualTo(json("{\"a\":1}"));
    assertThat(ctx.call("object.filter", "{\"a\":1,\"b\":2,\"c\":3}", "[\"a\",\"c\",\"z\"]"))
        .isEqualTo(json("{\"a\":1,\"c\":3}"));
    assertThat(ctx.call("object.filter", "{\"a\":7}", "{}")).isEqualTo(ObjectValue.EMPTY);
    assertThatThrownBy(() -> ctx.call("object.filter", "{\"a\":1}", "\"foo\""))
        .hasMessage("object.filter: operand 2 must be one of {object, set, array} but got string");
    assertThatThrownBy(() -> ctx.call("object.remove", "null", "[\"a\"]"))
        .hasMessage("object.remove: operand 1 must be object but got null");
  }

  @Test
  void unionsMergeRecursivelyRightWins() {
    assertThat(ctx.call("object.union", "{\"a\":1,\"b\":2,\"c\":{\"d\":3}}", "{\"a\":7,\"c\":{\"d\":4,\"e\":5}}"))
        .isEqualTo(json("{\"a\":7,\"b\":2,\"c\":{\"d\":4,\"e\":5}}"));
    assertThat(ctx.call("object.union", "{\"a\":1}", "{\"a\":{\"b\":{\"c\":1}},\"d\":7}"))
        .isEqualTo(json("{\"a\":{\"b\":{\"c\":1}},\"d\":7}"));
    assertThat(ctx.call("object.union_n", "[{\"a\":{\"b\":2}},{\"a\":4},{\"a\":{\"c\":3}}]"))
        .isEqualTo(json("{\"a\":{\"c\":3}}"));
    assertThat(ctx.call("object.union_n", "[]")).isEqualTo(ObjectValue.EMPTY);
    assertThatThrownBy(() -> ctx.call("object.union_n", "[{\"foo\":1},\"baz\"]"))
        .hasMessage("object.union_n: operand 1 must be array of objects but got array containing string");
  }

  @Test
  void subsetOfObjectsSetsAndArrays() {
    Value sup = ctx.callValues("object.union", List.of(json("{\"a\":\"b\"}"), ObjectValue.builder()
        .put("c", ObjectValue.builder().put("x", SetValue.of(NumberValue.of(10), NumberValue.of(15), NumberValue.of(20),
            NumberValue.of(25))).put("y", StringValue.of("z")).build()).build()));
    Value sub = ObjectValue.builder()
        .put("c", ObjectValue.builder().put("x", SetValue.of(NumberValue.of(10), NumberValue.of(15))).build()).build();
    assertThat(ctx.callValues("object.subset", List.of(sup, sub))).isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("object.subset", "[1,2,3,4]", "[2,3]")).isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("object.subset", "[1,2,3,4]", "[3,2]")).isEqualTo(BooleanValue.FALSE);
    assertThat(ctx.callValues("object.subset", List.of(json("[1,2,3]"), SetValue.of(NumberValue.of(3), NumberValue.ONE))))
        .isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("object.subset", "{\"a\":1}", "{\"a\":2}")).isEqualTo(BooleanValue.FALSE);
    assertThatThrownBy(() -> ctx.call("object.subset", "{\"a\":1}", "[1]"))
        .hasMessage("object.subset: both arguments to object.subset must be of the same type or array and set");
  }

  @Test
  void jsonFilterAndRemove() {
    assertThat(ctx.call("json.filter", "{\"a\":{\"b\":\"x\",\"c\":\"y\"}}", "[\"a/b\"]")).isEqualTo(json("{\"a\":{\"b\":\"x\"}}"));
    assertThat(ctx.call("json.filter", "{\"a\":[{\"b\":1,\"c\":2},{\"b\":3}]}", "[[\"a\",\"0\",\"b\"]]"))
        .isEqualTo(json("{\"a\":[{\"b\":1}]}"));
    assertThat(ctx.call("json.filter", "{}", "[\"a/b\"]")).isEqualTo(ObjectValue.EMPTY);
    assertThat(ctx.call("json.filter", "{\"a\":{\"b\":1},\"c\":2}", "[\"a\",\"a/b/c\"]")).isEqualTo(json("{\"a\":{\"b\":1}}"));
    assertThat(ctx.call("json.remove", "{\"a\":{\"b\":{\"c\":7,\"d\":8},\"e\":9}}", "[\"a/b/c\",\"a/e\"]"))
        .isEqualTo(json("{\"a\":{\"b\":{\"d\":8}}}"));
    assertThat(ctx.call("json.remove", "{\"a\":[1,2,3]}", "[\"/a/1\"]")).isEqualTo(json("{\"a\":[1,3]}"));
    assertThat(ctx.call("json.remove", "{\"a~b\":1,\"c/d\":2,\"e\":3}", "[\"a~0b\",\"c~1d\"]")).isEqualTo(json("{\"e\":3}"));
    assertThatThrownBy(() -> ctx.call("json.remove", "[\"a\"]", "[\"a/b/c\"]"))
        .hasMessage("json.remove: operand 1 must be object but got array");
    assertThatThrownBy(() -> ctx.call("json.filter", "{}", "[1]"))
        .hasMessage("json.filter: operand 2 must be one of {set, array} containing string paths or array of path segments but got number");
  }

  @Test
  void jsonPatchAppliesRfc6902() {
    assertThat(ctx.call("json.patch", "{\"a\":{\"foo\":1}}", "[{\"op\":\"add\",\"path\":\"/a/bar\",\"value\":2}]"))
        .isEqualTo(json("{\"a\":{\"foo\":1,\"bar\":2}}"));
    assertThat(ctx.call("json.patch", "[1,2,3]", "[{\"op\":\"add\",\"path\":\"/1\",\"value\":9},{\"op\":\"add\",\"path\":\"/-\",\"value\":4}]"))
        .isEqualTo(json("[1,9,2,3,4]"));
    assertThat(ctx.call("json.patch", "{\"a\":1,\"b\":2}", "[{\"op\":\"remove\",\"path\":\"/a\"},{\"op\":\"replace\",\"path\":\"/b\",\"value\":5}]"))
        .isEqualTo(json("{\"b\":5}"));
    assertThat(ctx.call("json.patch", "{\"a\":{\"x\":1}}", "[{\"op\":\"move\",\"from\":\"/a/x\",\"path\":\"/y\"},{\"op\":\"copy\",\"from\":\"/y\",\"path\":\"/z\"}]"))
        .isEqualTo(json("{\"a\":{},\"y\":1,\"z\":1}"));
    assertThat(ctx.call("json.patch", "{\"a\":1}", "[{\"op\":\"test\",\"path\":\"/a\",\"value\":1}]")).isEqualTo(json("{\"a\":1}"));
    assertThat(ctx.call("json.patch", "{\"a\":1}", "[{\"op\":\"test\",\"path\":\"/a\",\"value\":2}]")).isNull();
    assertThat(ctx.call("json.patch", "[1,2,3]", "[{\"op\":\"add\",\"path\":\"1.2\",\"value\":\"foo\"}]")).isNull();
    assertThat(ctx.call("json.patch", "{\"a\":1}", "[{\"op\":\"remove\",\"path\":\"/nope\"}]")).isNull();
    assertThat(ctx.call("json.patch", "{\"a\":1}", "[{\"op\":\"add\",\"path\":\"\",\"value\":7}]")).isEqualTo(NumberValue.of(7));
    assertThat(ctx.call("json.patch", "{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"b\":2}}]"))
        .isEqualTo(json("{\"b\":2}"));
    Value set = SetValue.of(StringValue.of("x"), StringValue.of("y"));
    Value patchedSet = ctx.callValues("json.patch", List.of(ObjectValue.builder().put("s", set).build(),
        json("[{\"op\":\"add\",\"path\":\"/s/z\",\"value\":\"z\"},{\"op\":\"remove\",\"path\":\"/s/x\"}]")));
    assertThat(patchedSet).isEqualTo(ObjectValue.builder().put("s", SetValue.of(StringValue.of("y"), StringValue.of("z"))).build());
  }
}
