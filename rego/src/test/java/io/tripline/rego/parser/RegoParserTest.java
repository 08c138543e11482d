package io.tripline.rego.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.ast.Expr;
import io.tripline.rego.ast.Module;
import io.tripline.rego.ast.Rule;
import io.tripline.rego.ast.RuleKind;
import io.tripline.rego.ast.Term;
import org.junit.jupiter.api.Test;

class RegoParserTest {

  @Test
  void parsesRuleKindsWithLocations() {
    Module m = RegoParser.parseModule("p.rego", """
        package a.b

        import rego.v1
        import data.lib.helpers as h

        allow if input.user == "alice"

        names contains n if some n in input.names

        owners[id] := o if {
          some o in input.owners
          id := o.id
        }

        f(x) := y if { y := x + 1 } else := 0

        default level := "low"
        """);
    assertThat(m.packageSegments()).containsExactly("a", "b");
    assertThat(m.imports()).hasSize(2);
    assertThat(m.imports().get(1).boundName()).isEqualTo("h");
    Rule allow = m.rules().get(0);
    assertThat(allow.kind()).isEqualTo(RuleKind.SINGLE_VALUE);
    assertThat(allow.location().toString()).isEqualTo("p.rego:6:1");
    assertThat(m.rules().get(1).kind()).isEqualTo(RuleKind.MULTI_VALUE);
    Rule owners = m.rules().get(2);
    assertThat(owners.head().path()).hasSize(1);
    Rule f = m.rules().get(3);
    assertThat(f.kind()).isEqualTo(RuleKind.FUNCTION);
    assertThat(f.elses()).hasSize(1);
    assertThat(m.rules().get(4).isDefault()).isTrue();
  }

  @Test
  void operatorsBindAsInOpa() {
    // 1 + 2 * 3 == 7 parses as equal(plus(1, mul(2, 3)), 7)
    Term t = RegoParser.parseTerm("1 + 2 * 3 == 7");
    assertThat(t).isInstanceOf(Term.Call.class);
    Term.Call eq = (Term.Call) t;
    assertThat(eq.name()).isEqualTo("equal");
    Term.Call plus = (Term.Call) eq.args().get(0);
    assertThat(plus.name()).isEqualTo("plus");
    assertThat(((Term.Call) plus.args().get(1)).name()).isEqualTo("mul");
    Term.Call union = (Term.Call) RegoParser.parseTerm("a | b & c");
    assertThat(union.name()).isEqualTo("or");
    assertThat(((Term.Call) union.args().get(1)).name()).isEqualTo("and");
    Term.Call member = (Term.Call) RegoParser.parseTerm("x in {1, 2}");
    assertThat(member.name()).isEqualTo("internal.member_2");
  }

  @Test
  void queriesSplitOnNewlinesAndSemicolons() {
    var body = RegoParser.parseQuery("x := 1; y = x\nnot z\nsome k, v in input.m");
    assertThat(body.literals()).hasSize(4);
    assertThat(body.literals().get(0).expr()).isInstanceOf(Expr.Assign.class);
    assertThat(body.literals().get(1).expr()).isInstanceOf(Expr.Unify.class);
    assertThat(body.literals().get(2).negated()).isTrue();
    assertThat(body.literals().get(3).expr()).isInstanceOf(Expr.SomeIn.class);
  }

  @Test
  void comprehensionsCompositesAndRawStrings() {
    assertThat(RegoParser.parseTerm("[x | x := input[_]]")).isInstanceOf(Term.ArrayComprehension.class);
    assertThat(RegoParser.parseTerm("{x | x := 1}")).isInstanceOf(Term.SetComprehension.class);
    assertThat(RegoParser.parseTerm("{k: v | k := 1; v := 2}")).isInstanceOf(Term.ObjectComprehension.class);
    assertThat(RegoParser.parseTerm("set()")).isInstanceOf(Term.SetTerm.class);
    assertThat(RegoParser.parseTerm("{}")).isInstanceOf(Term.ObjectTerm.class);
    assertThat(RegoParser.parseTerm("`a\\b`").toString()).isEqualTo("\"a\\\\b\"");
  }

  @Test
  void v0PartialSetsNeedFutureKeywords() {
    Module m = RegoParser.parseModule("v0.rego", """
        package x
        import future.keywords.in

        p[x] { x := 1 }
        """);
    assertThat(m.rules().get(0).kind()).isEqualTo(RuleKind.MULTI_VALUE);
  }

  @Test
  void metadataCommentsStayOnTheRule() {
    Module m = RegoParser.parseModule("m.rego", """
        package x

        # METADATA
        # title: Trail updated
        alert contains "x" if true
        """);
    assertThat(m.rules().get(0).annotations()).contains("title: Trail updated");
  }

  @Test
  void v1RequiresIf() {
    assertThatThrownBy(() -> RegoParser.parseModule("v1.rego", "package x\n\np { true }\n"))
        .hasToString("v1.rego:3:3: rego_parse_error: `if` keyword is required before rule body");
  }

  @Test
  void syntaxErrorsCarryFileLineAndColumn() {
    assertThatThrownBy(() -> RegoParser.parseModule("bad.rego", "package x\n\np if {\n  x := \n}\n"))
        .isInstanceOf(ParseException.class)
        .hasToString("bad.rego:5:1: rego_parse_error: unexpected } token");
  }
}
