package io.tripline.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the table of evaluation cases in {@code evaluation-cases.yaml}: each is a request in the
 * {@code tripline iam evaluate} format, the decision AWS's documentation says it gets, and the
 * documentation section that says so.
 */
class EvaluationCasesTest {

  private static final ServiceReference REFERENCE = ServiceReference.bundled();

  @TestFactory
  Stream<DynamicTest> everyDocumentedCaseGetsTheDocumentedDecision() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> check(c)));
  }

  @Test
  void everyCaseCitesItsSource() throws IOException {
    List<JsonNode> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    assertThat(cases).allSatisfy(c -> assertThat(c.path("source").asText()).as(c.path("name").asText()).isNotBlank());
  }

  private static void check(JsonNode c) {
    RequestBatch batch = new RequestReader(REFERENCE).read(c.get("request"));
    assertThat(batch.errors()).as("request problems").isEmpty();
    AccessDecision d = new PolicyEvaluator(REFERENCE).evaluate(batch.requests().get(0));
    JsonNode expect = c.get("expect");
    assertThat(d.decision().text()).as("decision (%s)", d.reason()).isEqualTo(expect.get("decision").asText());
    if (expect.has("decidingPolicyType")) {
      assertThat(d.decidingPolicyType().text()).as("deciding policy type (%s)", d.reason()).isEqualTo(expect.get("decidingPolicyType").asText());
    }
    if (expect.has("statements")) {
      List<String> sids = new ArrayList<>();
      expect.get("statements").forEach(s -> sids.add(s.asText()));
      assertThat(d.matchedStatements()).extracting(MatchedStatement::sid).containsAll(sids);
    }
    assertThat(d.reason()).isNotBlank();
  }

  private static List<JsonNode> cases() throws IOException {
    try (InputStream in = EvaluationCasesTest.class.getResourceAsStream("evaluation-cases.yaml")) {
      List<JsonNode> out = new ArrayList<>();
      new YAMLMapper().readTree(in).forEach(out::add);
      return out;
    }
  }
}
