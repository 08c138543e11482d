package io.tripline.rego.builtins;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.SDLExtensionDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * GraphQL documents (parsed by graphql-java) as the AST objects OPA returns: gqlparser's Go structs
 * as JSON, with positions, nulls and empty collections pruned.
 */
final class GraphqlAstValues {
  private GraphqlAstValues() {}

  private static final class Obj {
    private final io.tripline.rego.value.ObjectValue.Builder b = io.tripline.rego.value.ObjectValue.builder();

    Obj str(String k, String v) {
      b.put(k, io.tripline.rego.value.StringValue.of(v == null ? "" : v));
      return this;
    }

    Obj bool(String k, boolean v) {
      b.put(k, io.tripline.rego.value.BooleanValue.of(v));
      return this;
    }

    Obj num(String k, long v) {
      b.put(k, NumberValue.of(v));
      return this;
    }

    /** Puts a value unless it is null or an empty array/object, as OPA's pruning drops those. */
    Obj opt(String k, Value v) {
      if (v != null && !(v instanceof io.tripline.rego.value.ArrayValue a && a.isEmpty())
          && !(v instanceof io.tripline.rego.value.ObjectValue o && o.isEmpty())) {
        b.put(k, v);
      }
      return this;
    }

    Value build() {
      return b.build();
    }
  }

  private static Value list(List<Value> values) {
    return io.tripline.rego.value.ArrayValue.of(values);
  }

  private static String text(Description d) {
    return d == null ? "" : d.getContent();
  }

  static Value schema(Document doc) {
    List<Value> defs = new ArrayList<>();
    List<Value> extensions = new ArrayList<>();
    List<Value> directives = new ArrayList<>();
    List<Value> schemas = new ArrayList<>();
    List<Value> schemaExtensions = new ArrayList<>();
    for (Definition<?> d : doc.getDefinitions()) {
      if (d instanceof SchemaDefinition s) {
        List<Value> ops = new ArrayList<>();
        s.getOperationTypeDefinitions().forEach(o -> ops.add(new Obj().str("Operation", o.getName())
            .str("Type", o.getTypeName().getName()).build()));
        Value v = new Obj().str("Description", text(s.getDescription())).opt("Directives", directives(s.getDirectives()))
            .opt("OperationTypes", list(ops)).build();
        (d instanceof SDLExtensionDefinition ? schemaExtensions : schemas).add(v);
      } else if (d instanceof DirectiveDefinition dd) {
        List<Value> locations = new ArrayList<>();
        dd.getDirectiveLocations().forEach(l -> locations.add(io.tripline.rego.value.StringValue.of(l.getName())));
        directives.add(new Obj().str("Description", text(dd.getDescription())).str("Name", dd.getName())
            .opt("Arguments", arguments(dd.getInputValueDefinitions())).opt("Locations", list(locations))
            .bool("IsRepeatable", dd.isRepeatable()).build());
      } else {
        Value v = definition(d);
        if (v != null) {
          (d instanceof SDLExtensionDefinition ? extensions : defs).add(v);
        }
      }
    }
    return new Obj().opt("Schema", list(schemas)).opt("SchemaExtension", list(schemaExtensions))
        .opt("Directives", list(directives)).opt("Definitions", list(defs)).opt("Extensions", list(extensions)).build();
  }

  private static Value definition(Definition<?> d) {
    Obj o = new Obj();
    if (d instanceof ObjectTypeDefinition t) {
      o.str("Kind", "OBJECT").str("Name", t.getName()).str("Description", text(t.getDescription()))
          .opt("Interfaces", names(t.getImplements().stream().map(x -> ((TypeName) x).getName()).toList()))
          .opt("Fields", fields(t.getFieldDefinitions())).opt("Directives", directives(t.getDirectives()));
    } else if (d instanceof InterfaceTypeDefinition t) {
      o.str("Kind", "INTERFACE").str("Name", t.getName()).str("Description", text(t.getDescription()))
          .opt("Interfaces", names(t.getImplements().stream().map(x -> ((TypeName) x).getName()).toList()))
          .opt("Fields", fields(t.getFieldDefinitions())).opt("Directives", directives(t.getDirectives()));
    } else if (d instanceof UnionTypeDefinition t) {
      o.str("Kind", "UNION").str("Name", t.getName()).str("Description", text(t.getDescription()))
          .opt("Types", names(t.getMemberTypes().stream().map(x -> ((TypeName) x).getName()).toList()))
          .opt("Directives", directives(t.getDirectives()));
    } else if (d instanceof EnumTypeDefinition t) {
      List<Value> values = new ArrayList<>();
      t.getEnumValueDefinitions().forEach(v -> values.add(new Obj().str("Description", text(v.getDescription()))
          .str("Name", v.getName()).opt("Directives", directives(v.getDirectives())).build()));
      o.str("Kind", "ENUM").str("Name", t.getName()).str("Description", text(t.getDescription()))
          .opt("EnumValues", list(values)).opt("Directives", directives(t.getDirectives()));
    } else if (d instanceof InputObjectTypeDefinition t) {
      List<Value> fields = new ArrayList<>();
      for (InputValueDefinition f : t.getInputValueDefinitions()) {
        fields.add(new Obj().str("Description", text(f.getDescription())).str("Name", f.getName())
            .opt("DefaultValue", f.getDefaultValue() == null ? null : value(f.getDefaultValue()))
            .opt("Type", type(f.getType())).opt("Directives", directives(f.getDirectives())).build());
      }
      o.str("Kind", "INPUT_OBJECT").str("Name", t.getName()).str("Description", text(t.getDescription()))
          .opt("Fields", list(fields)).opt("Directives", directives(t.getDirectives()));
    } else if (d instanceof ScalarTypeDefinition t) {
      o.str("Kind", "SCALAR").str("Name", t.getName()).str("Description", text(t.getDescription()))
          .opt("Directives", directives(t.getDirectives()));
    } else {
      return null;
    }
    return o.bool("BuiltIn", false).build();
  }

  private static Value names(List<String> names) {
    return list(names.stream().map(n -> (Value) io.tripline.rego.value.StringValue.of(n)).toList());
  }

  private static Value fields(List<FieldDefinition> defs) {
    List<Value> out = new ArrayList<>();
    for (FieldDefinition f : defs) {
      out.add(new Obj().str("Description", text(f.getDescription())).str("Name", f.getName())
          .opt("Arguments", arguments(f.getInputValueDefinitions())).opt("Type", type(f.getType()))
          .opt("Directives", directives(f.getDirectives())).build());
    }
    return list(out);
  }

  private static Value arguments(List<InputValueDefinition> defs) {
    List<Value> out = new ArrayList<>();
    for (InputValueDefinition a : defs) {
      out.add(new Obj().str("Description", text(a.getDescription())).str("Name", a.getName())
          .opt("DefaultValue", a.getDefaultValue() == null ? null : value(a.getDefaultValue()))
          .opt("Type", type(a.getType())).opt("Directives", directives(a.getDirectives())).build());
    }
    return list(out);
  }

  static Value type(graphql.language.Type<?> t) {
    if (t instanceof NonNullType n) {
      Value inner = type(n.getType());
      io.tripline.rego.value.ObjectValue o = (io.tripline.rego.value.ObjectValue) inner;
      return o.with(io.tripline.rego.value.StringValue.of("NonNull"), io.tripline.rego.value.BooleanValue.TRUE);
    }
    if (t instanceof ListType l) {
      return new Obj().str("NamedType", "").opt("Elem", type(l.getType())).bool("NonNull", false).build();
    }
    return new Obj().str("NamedType", ((TypeName) t).getName()).bool("NonNull", false).build();
  }

  private static Value directives(List<Directive> ds) {
    List<Value> out = new ArrayList<>();
    for (Directive d : ds) {
      out.add(new Obj().str("Name", d.getName()).opt("Arguments", args(d.getArguments())).build());
    }
    return list(out);
  }

  private static Value args(List<Argument> as) {
    List<Value> out = new ArrayList<>();
    for (Argument a : as) {
      out.add(new Obj().str("Name", a.getName()).opt("Value", value(a.getValue())).build());
    }
    return list(out);
  }

  /** gqlparser's Value: Raw text, Kind (Variable 0 ... Object 9) and Children. */
  static Value value(graphql.language.Value<?> v) {
    Obj o = new Obj();
    if (v instanceof VariableReference r) {
      return o.str("Raw", r.getName()).num("Kind", 0).build();
    } else if (v instanceof IntValue i) {
      return o.str("Raw", i.getValue().toString()).num("Kind", 1).build();
    } else if (v instanceof FloatValue f) {
      return o.str("Raw", f.getValue().toString()).num("Kind", 2).build();
    } else if (v instanceof StringValue s) {
      return o.str("Raw", s.getValue()).num("Kind", 3).build();
    } else if (v instanceof BooleanValue b) {
      return o.str("Raw", Boolean.toString(b.isValue())).num("Kind", 5).build();
    } else if (v instanceof NullValue) {
      return o.str("Raw", "null").num("Kind", 6).build();
    } else if (v instanceof EnumValue e) {
      return o.str("Raw", e.getName()).num("Kind", 7).build();
    } else if (v instanceof ArrayValue a) {
      List<Value> children = new ArrayList<>();
      a.getValues().forEach(c -> children.add(new Obj().str("Name", "").opt("Value", value(c)).build()));
      return o.opt("Children", list(children)).num("Kind", 8).build();
    }
    List<Value> children = new ArrayList<>();
    for (ObjectField f : ((ObjectValue) v).getObjectFields()) {
      children.add(new Obj().str("Name", f.getName()).opt("Value", value(f.getValue())).build());
    }
    return o.opt("Children", list(children)).num("Kind", 9).build();
  }

  static Value query(Document doc) {
    List<Value> ops = new ArrayList<>();
    List<Value> fragments = new ArrayList<>();
    for (Definition<?> d : doc.getDefinitions()) {
      if (d instanceof OperationDefinition op) {
        List<Value> vars = new ArrayList<>();
        for (VariableDefinition v : op.getVariableDefinitions()) {
          vars.add(new Obj().str("Variable", v.getName()).opt("Type", type(v.getType()))
              .opt("DefaultValue", v.getDefaultValue() == null ? null : value(v.getDefaultValue()))
              .opt("Directives", directives(v.getDirectives())).build());
        }
        ops.add(new Obj().str("Operation", op.getOperation().name().toLowerCase()).str("Name", op.getName())
            .opt("VariableDefinitions", list(vars)).opt("Directives", directives(op.getDirectives()))
            .opt("SelectionSet", selections(op.getSelectionSet())).build());
      } else if (d instanceof FragmentDefinition f) {
        fragments.add(new Obj().str("Name", f.getName()).str("TypeCondition", f.getTypeCondition().getName())
            .opt("Directives", directives(f.getDirectives())).opt("SelectionSet", selections(f.getSelectionSet())).build());
      }
    }
    return new Obj().opt("Operations", list(ops)).opt("Fragments", list(fragments)).build();
  }

  private static Value selections(SelectionSet set) {
    List<Value> out = new ArrayList<>();
    if (set == null) {
      return list(out);
    }
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof graphql.language.Field f) {
        out.add(new Obj().str("Alias", f.getAlias() == null ? f.getName() : f.getAlias()).str("Name", f.getName())
            .opt("Arguments", args(f.getArguments())).opt("Directives", directives(f.getDirectives()))
            .opt("SelectionSet", selections(f.getSelectionSet())).build());
      } else if (s instanceof FragmentSpread f) {
        out.add(new Obj().str("Name", f.getName()).opt("Directives", directives(f.getDirectives())).build());
      } else if (s instanceof InlineFragment f) {
        out.add(new Obj().str("TypeCondition", f.getTypeCondition() == null ? "" : f.getTypeCondition().getName())
            .opt("Directives", directives(f.getDirectives())).opt("SelectionSet", selections(f.getSelectionSet())).build());
      }
    }
    return list(out);
  }
}
