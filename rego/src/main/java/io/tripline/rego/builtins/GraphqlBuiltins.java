package io.tripline.rego.builtins;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumTypeExtensionDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputObjectTypeExtensionDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.InterfaceTypeExtensionDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.ScalarTypeExtensionDefinition;
import graphql.language.SDLExtensionDefinition;
import graphql.language.SourceLocation;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.language.UnionTypeExtensionDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code graphql.*}: parsing and validation with graphql-java; ASTs are returned, and accepted,
 * in the shape OPA's gqlparser produces. As in OPA, extending a type that the schema never
 * defines is allowed (the extension defines it).
 */
final class GraphqlBuiltins {
  private GraphqlBuiltins() {}

  /** Why a query or schema was rejected, with OPA's wording where it is known. */
  static final class Rejected extends RuntimeException {
    Rejected(String message) {
      super(message, null, false, false);
    }
  }

  static void register(BuiltinTable.Builder t) {
    Type stringOrObject = Type.anyOf(Type.STRING, Type.OBJECT);
    t.function("graphql.parse_query", Signature.of(Type.OBJECT, Type.STRING), (c, a) -> {
      String q = a.string(0);
      try {
        return GraphqlAstValues.query(parse(q, "GraphQL string"));
      } catch (Rejected e) {
        throw a.error(e.getMessage());
      }
    });
    t.function("graphql.parse_schema", Signature.of(Type.OBJECT, Type.STRING), (c, a) -> {
      String s = a.string(0);
      try {
        return GraphqlAstValues.schema(parse(s, "GraphQL string"));
      } catch (Rejected e) {
        throw a.error(e.getMessage());
      }
    });
    t.function("graphql.parse", Signature.of(Type.tupleOf(Type.OBJECT, Type.OBJECT), stringOrObject, stringOrObject), (c, a) -> {
      if (!(a.get(0) instanceof StringValue) && !(a.get(0) instanceof ObjectValue)) {
        throw a.typeError(0, "one of {string, object}");
      }
      if (!(a.get(1) instanceof StringValue) && !(a.get(1) instanceof ObjectValue)) {
        throw a.typeError(1, "one of {string, object}");
      }
      try {
        Document query = queryDocument(a.get(0));
        Document schemaDoc = schemaDocument(a.get(1));
        validate(schema(schemaDoc), query);
        return ArrayValue.of(GraphqlAstValues.query(query), GraphqlAstValues.schema(schemaDoc));
      } catch (Rejected e) {
        throw a.error(e.getMessage());
      }
    });
    t.function("graphql.parse_and_verify", Signature.of(Type.tupleOf(Type.BOOLEAN, Type.OBJECT, Type.OBJECT), stringOrObject, stringOrObject), (c, a) -> {
      try {
        Document query = queryDocument(a.get(0));
        Document schemaDoc = schemaDocument(a.get(1));
        validate(schema(schemaDoc), query);
        return ArrayValue.of(BooleanValue.TRUE, GraphqlAstValues.query(query), GraphqlAstValues.schema(schemaDoc));
      } catch (Rejected e) {
        return ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
      }
    });
    t.function("graphql.is_valid", Signature.of(Type.BOOLEAN, stringOrObject, stringOrObject), (c, a) -> {
      try {
        Document query = queryDocument(a.get(0));
        validate(schema(schemaDocument(a.get(1))), query);
        return BooleanValue.TRUE;
      } catch (Rejected e) {
        return BooleanValue.FALSE;
      }
    });
    t.function("graphql.schema_is_valid", Signature.of(Type.BOOLEAN, stringOrObject), (c, a) -> {
      try {
        schema(schemaDocument(a.get(0)));
        return BooleanValue.TRUE;
      } catch (Rejected e) {
        return BooleanValue.FALSE;
      }
    });
  }

  private static Document queryDocument(Value v) {
    if (v instanceof StringValue s) {
      return parse(s.value(), "GraphQL string");
    }
    if (v instanceof ObjectValue o) {
      return parse(GraphqlAstText.query(o), "GraphQL AST");
    }
    throw new Rejected("wrong type");
  }

  private static Document schemaDocument(Value v) {
    if (v instanceof StringValue s) {
      return parse(s.value(), "GraphQL string");
    }
    if (v instanceof ObjectValue o) {
      return parse(GraphqlAstText.schema(o), "GraphQL AST");
    }
    throw new Rejected("wrong type");
  }

  private static Document parse(String text, String what) {
    if (text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"))) {
      return Document.newDocument().build(); // gqlparser accepts an empty document
    }
    try {
      return Parser.parse(text);
    } catch (InvalidSyntaxException e) {
      SourceLocation at = e.getLocation();
      String where = at == null ? "" : " in " + what + " at location " + at.getLine() + ":" + at.getColumn();
      throw new Rejected(String.valueOf(e.getMessage()).replaceFirst("^Invalid [Ss]yntax( with offending token)? ?:? ?", "") + where);
    } catch (RuntimeException e) {
      throw new Rejected(String.valueOf(e.getMessage()));
    }
  }

  /** An executable-free schema; extensions of types the document never defines become their definitions. */
  static GraphQLSchema schema(Document doc) {
    Set<String> defined = new HashSet<>();
    for (Definition<?> d : doc.getDefinitions()) {
      if (d instanceof TypeDefinition<?> t && !(d instanceof SDLExtensionDefinition)) {
        defined.add(t.getName());
      }
    }
    List<Definition> defs = new ArrayList<>();
    boolean hasRoot = defined.contains("Query") || doc.getDefinitions().stream()
        .anyMatch(d -> d instanceof graphql.language.SchemaDefinition || d instanceof ObjectTypeExtensionDefinition x && x.getName().equals("Query"));
    if (!hasRoot) {
      // gqlparser accepts a schema without a query root; graphql-java needs one, so give it an inert one.
      defs.addAll(Parser.parse("schema { query: TriplineNoQueryRoot } type TriplineNoQueryRoot { _: Boolean }").getDefinitions());
    }
    for (Definition<?> d : doc.getDefinitions()) {
      if (d instanceof SDLExtensionDefinition && d instanceof TypeDefinition<?> t && defined.add(t.getName())) {
        defs.add(asDefinition(d));
      } else {
        defs.add(d);
      }
    }
    try {
      return UnExecutableSchemaGenerator.makeUnExecutableSchema(
          new SchemaParser().buildRegistry(Document.newDocument().definitions(defs).build()));
    } catch (SchemaProblem e) {
      throw new Rejected("Error in gqlparser SchemaDocument to Schema conversion: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new Rejected(String.valueOf(e.getMessage()));
    }
  }

  private static Definition<?> asDefinition(Definition<?> d) {
    if (d instanceof ObjectTypeExtensionDefinition x) {
      return ObjectTypeDefinition.newObjectTypeDefinition().name(x.getName()).implementz(x.getImplements())
          .directives(x.getDirectives()).fieldDefinitions(x.getFieldDefinitions()).build();
    } else if (d instanceof InterfaceTypeExtensionDefinition x) {
      return InterfaceTypeDefinition.newInterfaceTypeDefinition().name(x.getName()).implementz(x.getImplements())
          .directives(x.getDirectives()).definitions(x.getFieldDefinitions()).build();
    } else if (d instanceof UnionTypeExtensionDefinition x) {
      return UnionTypeDefinition.newUnionTypeDefinition().name(x.getName()).directives(x.getDirectives())
          .memberTypes(x.getMemberTypes()).build();
    } else if (d instanceof EnumTypeExtensionDefinition x) {
      return EnumTypeDefinition.newEnumTypeDefinition().name(x.getName()).directives(x.getDirectives())
          .enumValueDefinitions(x.getEnumValueDefinitions()).build();
    } else if (d instanceof InputObjectTypeExtensionDefinition x) {
      return InputObjectTypeDefinition.newInputObjectDefinition().name(x.getName()).directives(x.getDirectives())
          .inputValueDefinitions(x.getInputValueDefinitions()).build();
    } else if (d instanceof ScalarTypeExtensionDefinition x) {
      return ScalarTypeDefinition.newScalarTypeDefinition().name(x.getName()).directives(x.getDirectives()).build();
    }
    return d;
  }

  private static void validate(GraphQLSchema schema, Document query) {
    List<ValidationError> errors = new Validator().validateDocument(schema, query, Locale.ENGLISH);
    if (!errors.isEmpty()) {
      ValidationError e = errors.get(0);
      String where = e.getLocations() == null || e.getLocations().isEmpty() ? ""
          : " in GraphQL query string at location " + e.getLocations().get(0).getLine() + ":" + e.getLocations().get(0).getColumn();
      throw new Rejected(e.getDescription().replaceFirst("\\.$", "") + where);
    }
  }
}
