package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.List;

/**
 * GraphQL source text for AST objects in OPA's (gqlparser's) shape, so that ASTs returned by the
 * graphql builtins, or written by hand, can be validated again.
 */
final class GraphqlAstText {
  private GraphqlAstText() {}

  private static List<Value> list(ObjectValue o, String key) {
    return o.get(key) instanceof ArrayValue a ? a.asList() : List.of();
  }

  private static String str(ObjectValue o, String key) {
    return o.get(key) instanceof StringValue s ? s.value() : "";
  }

  private static ObjectValue obj(Value v) {
    return v instanceof ObjectValue o ? o : ObjectValue.EMPTY;
  }

  static String schema(ObjectValue doc) {
    StringBuilder sb = new StringBuilder();
    for (Value s : list(doc, "Schema")) {
      schemaDefinition(sb, obj(s), false);
    }
    for (Value s : list(doc, "SchemaExtension")) {
      schemaDefinition(sb, obj(s), true);
    }
    for (Value d : list(doc, "Directives")) {
      ObjectValue dd = obj(d);
      description(sb, dd);
      sb.append("directive @").append(str(dd, "Name")).append(argumentDefinitions(dd));
      if (dd.get("IsRepeatable") instanceof BooleanValue b && b.booleanValue()) {
        sb.append(" repeatable");
      }
      sb.append(" on ");
      List<Value> locations = list(dd, "Locations");
      for (int i = 0; i < locations.size(); i++) {
        sb.append(i > 0 ? " | " : "").append(((StringValue) locations.get(i)).value());
      }
      sb.append('\n');
    }
    for (Value d : list(doc, "Definitions")) {
      definition(sb, obj(d), false);
    }
    for (Value d : list(doc, "Extensions")) {
      definition(sb, obj(d), true);
    }
    return sb.toString();
  }

  private static void schemaDefinition(StringBuilder sb, ObjectValue s, boolean extension) {
    sb.append(extension ? "extend schema" : "schema").append(directives(s)).append(" {\n");
    for (Value op : list(s, "OperationTypes")) {
      sb.append("  ").append(str(obj(op), "Operation")).append(": ").append(str(obj(op), "Type")).append('\n');
    }
    sb.append("}\n");
  }

  private static void description(StringBuilder sb, ObjectValue o) {
    String d = str(o, "Description");
    if (!d.isEmpty()) {
      sb.append(ValueJson.quote(d)).append('\n');
    }
  }

  private static void definition(StringBuilder sb, ObjectValue d, boolean extension) {
    if (!extension) {
      description(sb, d);
    }
    String kind = str(d, "Kind");
    String keyword = switch (kind) {
      case "OBJECT" -> "type";
      case "INTERFACE" -> "interface";
      case "UNION" -> "union";
      case "ENUM" -> "enum";
      case "INPUT_OBJECT" -> "input";
      default -> "scalar";
    };
    sb.append(extension ? "extend " : "").append(keyword).append(' ').append(str(d, "Name"));
    List<Value> interfaces = list(d, "Interfaces");
    if (!interfaces.isEmpty()) {
      sb.append(" implements ");
      for (int i = 0; i < interfaces.size(); i++) {
        sb.append(i > 0 ? " & " : "").append(((StringValue) interfaces.get(i)).value());
      }
    }
    sb.append(directives(d));
    switch (kind) {
      case "UNION" -> {
        List<Value> types = list(d, "Types");
        for (int i = 0; i < types.size(); i++) {
          sb.append(i == 0 ? " = " : " | ").append(((StringValue) types.get(i)).value());
        }
      }
      case "ENUM" -> {
        sb.append(" {\n");
        for (Value v : list(d, "EnumValues")) {
          description(sb, obj(v));
          sb.append("  ").append(str(obj(v), "Name")).append(directives(obj(v))).append('\n');
        }
        sb.append('}');
      }
      case "OBJECT", "INTERFACE", "INPUT_OBJECT" -> {
        List<Value> fields = list(d, "Fields");
        if (!fields.isEmpty()) {
          sb.append(" {\n");
          for (Value f : fields) {
            ObjectValue fo = obj(f);
            description(sb, fo);
            sb.append("  ").append(str(fo, "Name")).append(argumentDefinitions(fo)).append(": ")
                .append(type(fo.get("Type")));
            if (fo.get("DefaultValue") != null) {
              sb.append(" = ").append(value(fo.get("DefaultValue")));
            }
            sb.append(directives(fo)).append('\n');
          }
          sb.append('}');
        }
      }
      default -> { }
    }
    sb.append('\n');
  }

  private static String argumentDefinitions(ObjectValue o) {
    List<Value> args = list(o, "Arguments");
    if (args.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < args.size(); i++) {
      ObjectValue a = obj(args.get(i));
      if (i > 0) {
        sb.append(", ");
      }
      String d = str(a, "Description");
      if (!d.isEmpty()) {
        sb.append(ValueJson.quote(d)).append(' ');
      }
      sb.append(str(a, "Name")).append(": ").append(type(a.get("Type")));
      if (a.get("DefaultValue") != null) {
        sb.append(" = ").append(value(a.get("DefaultValue")));
      }
      sb.append(directives(a));
    }
    return sb.append(')').toString();
  }

  static String type(Value t) {
    ObjectValue o = obj(t);
    String base = o.get("Elem") != null ? "[" + type(o.get("Elem")) + "]" : str(o, "NamedType");
    return base + (o.get("NonNull") instanceof BooleanValue b && b.booleanValue() ? "!" : "");
  }

  private static String directives(ObjectValue o) {
    StringBuilder sb = new StringBuilder();
    for (Value d : list(o, "Directives")) {
      sb.append(" @").append(str(obj(d), "Name")).append(arguments(obj(d)));
    }
    return sb.toString();
  }

  private static String arguments(ObjectValue o) {
    List<Value> args = list(o, "Arguments");
    if (args.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < args.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(str(obj(args.get(i)), "Name")).append(": ")
          .append(value(obj(args.get(i)).get("Value")));
    }
    return sb.append(')').toString();
  }

  static String value(Value v) {
    ObjectValue o = obj(v);
    int kind = o.get("Kind") instanceof NumberValue n ? (int) n.longValue() : -1;
    String raw = str(o, "Raw");
    switch (kind) {
      case 0:
        return "$" + raw;
      case 3:
      case 4:
        return ValueJson.quote(raw);
      case 6:
        return "null";
      case 8: {
        StringBuilder sb = new StringBuilder("[");
        List<Value> children = list(o, "Children");
        for (int i = 0; i < children.size(); i++) {
          sb.append(i > 0 ? ", " : "").append(value(obj(children.get(i)).get("Value")));
        }
        return sb.append(']').toString();
      }
      case 9: {
        StringBuilder sb = new StringBuilder("{");
        List<Value> children = list(o, "Children");
        for (int i = 0; i < children.size(); i++) {
          ObjectValue c = obj(children.get(i));
          sb.append(i > 0 ? ", " : "").append(str(c, "Name")).append(": ").append(value(c.get("Value")));
        }
        return sb.append('}').toString();
      }
      default:
        return raw;
    }
  }

  static String query(ObjectValue doc) {
    StringBuilder sb = new StringBuilder();
    for (Value op : list(doc, "Operations")) {
      ObjectValue o = obj(op);
      String operation = str(o, "Operation");
      sb.append(operation.isEmpty() ? "query" : operation).append(' ').append(str(o, "Name"));
      List<Value> vars = list(o, "VariableDefinitions");
      if (!vars.isEmpty()) {
        sb.append('(');
        for (int i = 0; i < vars.size(); i++) {
          ObjectValue vd = obj(vars.get(i));
          sb.append(i > 0 ? ", " : "").append('$').append(str(vd, "Variable")).append(": ").append(type(vd.get("Type")));
          if (vd.get("DefaultValue") != null) {
            sb.append(" = ").append(value(vd.get("DefaultValue")));
          }
          sb.append(directives(vd));
        }
        sb.append(')');
      }
      sb.append(directives(o)).append(' ');
      selections(sb, o);
      sb.append('\n');
    }
    for (Value f : list(doc, "Fragments")) {
      ObjectValue fo = obj(f);
      sb.append("fragment ").append(str(fo, "Name")).append(" on ").append(str(fo, "TypeCondition"))
          .append(directives(fo)).append(' ');
      selections(sb, fo);
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void selections(StringBuilder sb, ObjectValue owner) {
    List<Value> set = list(owner, "SelectionSet");
    sb.append("{ ");
    for (Value s : set) {
      ObjectValue o = obj(s);
      if (o.get("Alias") != null || (o.get("Name") != null && o.get("SelectionSet") != null && o.get("TypeCondition") == null)
          || (o.get("Name") != null && o.get("Arguments") != null)) {
        String alias = str(o, "Alias");
        String name = str(o, "Name");
        if (!alias.isEmpty() && !alias.equals(name)) {
          sb.append(alias).append(": ");
        }
        sb.append(name).append(arguments(o)).append(directives(o));
        if (!list(o, "SelectionSet").isEmpty()) {
          sb.append(' ');
          selections(sb, o);
        }
      } else if (o.get("Name") != null && o.get("TypeCondition") == null) {
        sb.append("...").append(str(o, "Name")).append(directives(o));
      } else {
        String on = str(o, "TypeCondition");
        sb.append("...").append(on.isEmpty() ? "" : " on " + on).append(directives(o)).append(' ');
        selections(sb, o);
      }
      sb.append(' ');
    }
    sb.append('}');
  }
}
