package io.tripline.rego.builtins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A builtin table as {@code opa capabilities} prints it: builtins sorted by name, each with its
 * declaration in OPA's type JSON ({@code {"type": "function", "args": [...], "result": ...}}),
 * the future keywords and the language features this engine supports.
 */
public final class BuiltinCapabilities {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> FUTURE_KEYWORDS = List.of("contains", "every", "if", "in");
  private static final List<String> FEATURES = List.of("rego_v1", "rule_head_ref_string_prefixes", "rule_head_refs");
  private static final Map<String, String> INFIX = Map.ofEntries(
      Map.entry("eq", "="), Map.entry("assign", ":="), Map.entry("equal", "=="), Map.entry("neq", "!="),
      Map.entry("lt", "<"), Map.entry("lte", "<="), Map.entry("gt", ">"), Map.entry("gte", ">="),
      Map.entry("plus", "+"), Map.entry("minus", "-"), Map.entry("mul", "*"), Map.entry("div", "/"),
      Map.entry("rem", "%"), Map.entry("and", "&"), Map.entry("or", "|"), Map.entry("internal.member_2", "in"),
      Map.entry("internal.member_3", "in"));

  private BuiltinCapabilities() {}

  /** The capabilities document as an object. */
  public static ObjectNode document(BuiltinTable table) {
    ObjectNode root = JSON.objectNode();
    ArrayNode builtins = root.putArray("builtins");
    table.all().stream().sorted(Comparator.comparing(Builtin::name)).forEach(b -> {
      ObjectNode entry = builtins.addObject();
      entry.put("name", b.name());
      if (INFIX.containsKey(b.name())) {
        entry.put("infix", INFIX.get(b.name()));
      }
      entry.set("decl", decl(b.signature()));
    });
    ArrayNode keywords = root.putArray("future_keywords");
    FUTURE_KEYWORDS.forEach(keywords::add);
    ArrayNode features = root.putArray("features");
    FEATURES.forEach(features::add);
    return root;
  }

  /** The capabilities document as indented JSON, laid out as Go's {@code json.MarshalIndent} does. */
  public static String json(BuiltinTable table) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(document(table));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode decl(Signature s) {
    ObjectNode d = JSON.objectNode();
    d.put("type", "function");
    ArrayNode args = JSON.arrayNode();
    if (s.variadic()) {
      d.set("variadic", type(s.operands().get(0)));
    } else {
      s.operands().forEach(t -> args.add(type(t)));
      d.set("args", args);
    }
    d.set("result", type(s.result()));
    return d;
  }

  /** One type in OPA's JSON form. */
  static ObjectNode type(Type t) {
    ObjectNode n = JSON.objectNode();
    if (t instanceof Type.Any) {
      n.put("type", "any");
    } else if (t instanceof Type.Named named) {
      n.put("type", named.name());
    } else if (t instanceof Type.ArrayOf a) {
      n.put("type", "array");
      n.set("dynamic", type(a.element()));
    } else if (t instanceof Type.Tuple tuple) {
      n.put("type", "array");
      ArrayNode items = n.putArray("static");
      tuple.elements().forEach(e -> items.add(type(e)));
    } else if (t instanceof Type.SetOf s) {
      n.put("type", "set");
      n.set("of", type(s.element()));
    } else if (t instanceof Type.ObjectOf o) {
      n.put("type", "object");
      ObjectNode dyn = n.putObject("dynamic");
      dyn.set("key", type(o.key()));
      dyn.set("value", type(o.value()));
    } else if (t instanceof Type.AnyOf any) {
      n.put("type", "any");
      ArrayNode of = n.putArray("of");
      any.options().forEach(o -> of.add(type(o)));
    }
    return n;
  }
}
