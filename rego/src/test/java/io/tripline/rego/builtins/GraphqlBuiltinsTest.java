package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphqlBuiltinsTest {
  private final FixedContext ctx = new FixedContext();
  private static final String SCHEMA = """
      "An employee"
      type Employee {
        id: String!
        salary: Int
        reports(first: Int = 10): [Employee!]
      }
      enum Role { ADMIN VIEWER @deprecated }
      type Query {
        employeeByID(id: String): Employee
      }
      """;

  private Value call(String name, Value... operands) {
    return ctx.callValues(name, List.of(operands));
  }

  private static StringValue s(String text) {
    return StringValue.of(text);
  }

  @Test
  void parsesQueriesIntoGqlparserShapedAsts() {
    Value ast = call("graphql.parse_query", s("query Q($id: String = \"x\") { employeeByID(id: $id) { id boss: salary ...F } } fragment F on Employee { id }"));
    ObjectValue op = (ObjectValue) ((ArrayValue) ((ObjectValue) ast).get("Operations")).get(0);
    assertThat(op.get("Operation")).isEqualTo(s("query"));
    assertThat(op.get("Name")).isEqualTo(s("Q"));
    assertThat(op.get("VariableDefinitions")).isEqualTo(json(
        "[{\"Variable\":\"id\",\"Type\":{\"NamedType\":\"String\",\"NonNull\":false},\"DefaultValue\":{\"Raw\":\"x\",\"Kind\":3}}]"));
    ObjectValue field = (ObjectValue) ((ArrayValue) op.get("SelectionSet")).get(0);
    assertThat(field.get("Alias")).isEqualTo(s("employeeByID"));
    assertThat(field.get("Arguments")).isEqualTo(json("[{\"Name\":\"id\",\"Value\":{\"Raw\":\"id\",\"Kind\":0}}]"));
    assertThat(((ArrayValue) field.get("SelectionSet")).get(1)).isEqualTo(json("{\"Alias\":\"boss\",\"Name\":\"salary\"}"));
    assertThat(((ArrayValue) field.get("SelectionSet")).get(2)).isEqualTo(json("{\"Name\":\"F\"}"));
    assertThat(((ObjectValue) ast).get("Fragments")).isEqualTo(json(
        "[{\"Name\":\"F\",\"TypeCondition\":\"Employee\",\"SelectionSet\":[{\"Alias\":\"id\",\"Name\":\"id\"}]}]"));
  }

  @Test
  void parsesSchemasIntoGqlparserShapedAsts() {
    ObjectValue ast = (ObjectValue) call("graphql.parse_schema", s(SCHEMA));
    ObjectValue employee = (ObjectValue) ((ArrayValue) ast.get("Definitions")).get(0);
    assertThat(employee.get("Kind")).isEqualTo(s("OBJECT"));
    assertThat(employee.get("Description")).isEqualTo(s("An employee"));
    assertThat(employee.get("BuiltIn")).isEqualTo(BooleanValue.FALSE);
    ObjectValue reports = (ObjectValue) ((ArrayValue) employee.get("Fields")).get(2);
    assertThat(reports.get("Type")).isEqualTo(json(
        "{\"NamedType\":\"\",\"Elem\":{\"NamedType\":\"Employee\",\"NonNull\":true},\"NonNull\":false}"));
    assertThat(reports.get("Arguments")).isEqualTo(json("[{\"Description\":\"\",\"Name\":\"first\","
        + "\"DefaultValue\":{\"Raw\":\"10\",\"Kind\":1},\"Type\":{\"NamedType\":\"Int\",\"NonNull\":false}}]"));
    ObjectValue role = (ObjectValue) ((ArrayValue) ast.get("Definitions")).get(1);
    assertThat(((ObjectValue) ((ArrayValue) role.get("EnumValues")).get(1)).get("Directives"))
        .isEqualTo(json("[{\"Name\":\"deprecated\"}]"));
  }

  @Test
  void validatesQueriesAgainstSchemasGivenAsTextOrAst() {
    Value query = s("{ employeeByID(id: \"1\") { id salary } }");
    assertThat(call("graphql.is_valid", query, s(SCHEMA))).isEqualTo(BooleanValue.TRUE);
    assertThat(call("graphql.is_valid", s("{ employeeByID(id: 1, x: 2) { id } }"), s(SCHEMA))).isEqualTo(BooleanValue.FALSE);
    assertThat(call("graphql.is_valid", s("{ nope }"), s(SCHEMA))).isEqualTo(BooleanValue.FALSE);
    Value queryAst = call("graphql.parse_query", query);
    Value schemaAst = call("graphql.parse_schema", s(SCHEMA));
    assertThat(call("graphql.is_valid", queryAst, schemaAst)).isEqualTo(BooleanValue.TRUE);
    assertThat(call("graphql.parse", query, s(SCHEMA))).isEqualTo(ArrayValue.of(queryAst, schemaAst));
    assertThat(((ArrayValue) call("graphql.parse_and_verify", query, schemaAst)).get(0)).isEqualTo(BooleanValue.TRUE);
    assertThat(call("graphql.parse_and_verify", s("{ nope }"), schemaAst)).isEqualTo(json("[false, {}, {}]"));
    assertThat(call("graphql.is_valid", s("{ x }"), s("extend type Query { x: Int }"))).isEqualTo(BooleanValue.TRUE);
  }

  @Test
  void reportsSchemaAndSyntaxProblems() {
    assertThat(call("graphql.schema_is_valid", s(SCHEMA))).isEqualTo(BooleanValue.TRUE);
    assertThat(call("graphql.schema_is_valid", s("type Query { x: Missing }"))).isEqualTo(BooleanValue.FALSE);
    assertThat(call("graphql.schema_is_valid", s("type {"))).isEqualTo(BooleanValue.FALSE);
    assertThatThrownBy(() -> call("graphql.parse_query", s("{ a ")))
        .isInstanceOf(BuiltinException.class)
        .hasMessageStartingWith("graphql.parse_query: ")
        .hasMessageContaining("in GraphQL string at location 1:");
    assertThatThrownBy(() -> call("graphql.parse", s("{ nope }"), s(SCHEMA)))
        .hasMessageContaining("in GraphQL query string at location 1:3");
  }
}
