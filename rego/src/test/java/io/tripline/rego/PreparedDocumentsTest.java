package io.tripline.rego;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluating many rule packages' documents at once gives what evaluating each ref gives. */
class PreparedDocumentsTest {

  private static String rulePackage(int i) {
    return """
        package tripline.rules.r%d
        import rego.v1

        alert contains {"rule": "r%d", "message": sprintf("%%s by %%s", [input.eventName, input.userIdentity.type])} if {
          input.eventSource == "svc%d.amazonaws.com"
          input.eventName == "Action%d"
          not input.errorCode
        }
        """.formatted(i, i, i % 4, i);
  }

  private static final String EXTRAS = """
      package tripline.rules.unindexed
      import rego.v1
      alert contains {"rule": "unindexed", "message": "denied"} if input.errorCode == "AccessDenied"
      alert contains {"rule": "unindexed", "message": "describe"} if startswith(input.eventName, "Describe")
      """;

  private static final String COMPLETE = """
      package tripline.rules.level
      import rego.v1
      default level := "low"
      level := "high" if input.eventName == "Action3"
      """;

  private static PreparedPolicy library() {
    List<String> modules = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      modules.add(rulePackage(i));
    }
    modules.add(EXTRAS);
    modules.add(COMPLETE);
    return RegoFixture.policy(modules.toArray(String[]::new));
  }

  private static List<String> refs() {
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      refs.add("data.tripline.rules.r" + i + ".alert");
    }
    refs.add("data.tripline.rules.unindexed.alert");
    refs.add("tripline/rules/level/level");
    refs.add("data.tripline.rules.nothing_here");
    return refs;
  }

  private static Map<String, Value> oneByOne(PreparedPolicy p, List<String> refs, Value input) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (String ref : refs) {
      String q = ref.startsWith("data.") ? ref : "data." + ref.replace('/', '.');
      QueryResult r = p.evaluate(q, input, EvalOptions.DEFAULT.ruleIndexing(false));
      if (!r.isUndefined()) {
        out.put(ref, r.results().get(0).expressions().get(0).value());
      }
    }
    return out;
  }

  @Test
  void everyRefHasTheValueItsOwnQueryWouldHave() {
    PreparedPolicy p = library();
    PreparedDocuments docs = p.prepareDocuments(refs());
    List<String> inputs = List.of(
        "{\"eventSource\":\"svc3.amazonaws.com\",\"eventName\":\"Action3\",\"userIdentity\":{\"type\":\"Root\"}}",
        "{\"eventSource\":\"svc3.amazonaws.com\",\"eventName\":\"Action3\",\"errorCode\":\"AccessDenied\"}",
        "{\"eventSource\":\"svc1.amazonaws.com\",\"eventName\":\"DescribeTrails\"}",
        "{\"eventSource\":\"svc1.amazonaws.com\",\"eventName\":\"Action5\",\"userIdentity\":{\"type\":\"IAMUser\"}}",
        "{}",
        "[]");
    for (String json : inputs) {
      Value input = ValueJson.parseJson(json);
      Map<String, Value> expected = oneByOne(p, refs(), input);
      assertThat(docs.evaluate(input, EvalOptions.DEFAULT)).as(json).isEqualTo(expected);
      assertThat(docs.evaluate(input, EvalOptions.DEFAULT.ruleIndexing(false))).as(json).isEqualTo(expected);
    }
    assertThat(docs.evaluate(null, EvalOptions.DEFAULT)).isEqualTo(oneByOne(p, refs(), null));
  }

  @Test
  void onlyTheMatchingPackageAlertsAndTheOthersAreEmptySets() {
    PreparedDocuments docs = library().prepareDocuments(refs());
    Map<String, Value> out = docs.evaluate(ValueJson.parseJson(
        "{\"eventSource\":\"svc3.amazonaws.com\",\"eventName\":\"Action3\",\"userIdentity\":{\"type\":\"Root\"}}"),
        EvalOptions.DEFAULT);
    assertThat(ValueJson.write(out.get("data.tripline.rules.r3.alert")))
        .isEqualTo("[{\"message\":\"Action3 by Root\",\"rule\":\"r3\"}]");
    assertThat(ValueJson.write(out.get("data.tripline.rules.r7.alert"))).isEqualTo("[]");
    assertThat(ValueJson.write(out.get("tripline/rules/level/level"))).isEqualTo("\"high\"");
    assertThat(out).doesNotContainKey("data.tripline.rules.nothing_here");
    assertThat(docs.refs()).hasSize(23);
  }

  @Test
  void anInputNoRuleCanHoldForIsAnsweredByTheIndexAlone() {
    PreparedPolicy p = library();
    List<String> indexedOnly = refs().subList(0, 20);
    PreparedDocuments docs = p.prepareDocuments(indexedOnly);
    Value unrelated = ValueJson.parseJson("{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}");
    DocumentValues none = docs.evaluate(unrelated, EvalOptions.DEFAULT);
    assertThat(none.noneEvaluated()).isTrue();
    assertThat(none).isEqualTo(oneByOne(p, indexedOnly, unrelated)).hasSize(20);
    assertThat(ValueJson.write(none.get("data.tripline.rules.r0.alert"))).isEqualTo("[]");

    Value matching = ValueJson.parseJson("{\"eventSource\":\"svc1.amazonaws.com\",\"eventName\":\"Action5\"}");
    DocumentValues some = docs.evaluate(matching, EvalOptions.DEFAULT);
    assertThat(some.noneEvaluated()).isFalse();
    assertThat(some).isEqualTo(oneByOne(p, indexedOnly, matching));
    // A document that has to be evaluated whatever the index says (a default) keeps the full path.
    assertThat(p.prepareDocuments(refs()).evaluate(unrelated, EvalOptions.DEFAULT).noneEvaluated()).isFalse();
  }

  @Test
  void onePreparationServesSeveralThreadsAtOnce() throws Exception {
    PreparedPolicy p = library();
    PreparedDocuments docs = p.prepareDocuments(refs());
    List<Value> inputs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      inputs.add(ValueJson.parseJson("{\"eventSource\":\"svc" + (i % 4) + ".amazonaws.com\",\"eventName\":\"Action"
          + (i % 20) + "\",\"userIdentity\":{\"type\":\"IAMUser\"}}"));
    }
    List<Map<String, Value>> expected = new ArrayList<>();
    for (Value in : inputs) {
      expected.add(oneByOne(p, refs(), in));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          for (int round = 0; round < 50; round++) {
            for (int i = 0; i < inputs.size(); i++) {
              if (!docs.evaluate(inputs.get(i), EvalOptions.DEFAULT).equals(expected.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> f : runs) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
