package io.tripline.rego.limits;

import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.DocumentValues;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedDocuments;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.eval.Cancellation;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.ValueJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: wall-clock timeouts, cancellation and the per-rule budget of {@link PreparedDocuments}. */
class TimeoutsTest {
  /** About 10^12 steps: never finishes on its own. */
  private static final String SLOW = """
      package slow

      xs := numbers.range(1, 100000)

      alert contains n if {
        some a in xs
        some b in xs
        some c in xs
        n := a + b + c
        n < 0
      }
      """;

  @Test
  void timeoutStopsEvaluationWithALocatedCancelError() {
    PreparedPolicy p = policy(SLOW);
    long start = System.nanoTime();
    String err = error(() -> p.evaluate("x := data.slow.alert", null, EvalOptions.DEFAULT.timeout(Duration.ofMillis(200))));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(err).matches("m0\\.rego:\\d+: eval_cancel_error: context deadline exceeded \\(timeout 200ms\\)");
    assertThat(ms).isLessThan(5_000);
  }

  @Test
  void cancellationFromAnotherThread() throws Exception {
    PreparedPolicy p = policy(SLOW);
    Cancellation c = new Cancellation();
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        return;
      }
      c.cancel();
    });
    t.start();
    assertThat(error(() -> p.evaluate("x := data.slow.alert", null, EvalOptions.DEFAULT.cancellation(c))))
        .endsWith("eval_cancel_error: caller cancelled query execution");
    t.join();
  }

  @Test
  void ruleTimeoutLeavesOutOnlyTheSlowRule() {
    PreparedPolicy p = policy(SLOW, """
        package fast

        alert contains "hit" if input.eventName == "StopLogging"
        """);
    PreparedDocuments docs = p.prepareDocuments(List.of("data.slow.alert", "data.fast.alert"));
    DocumentValues v = docs.evaluate(ValueJson.parseJson("{\"eventName\": \"StopLogging\"}"),
        EvalOptions.DEFAULT.ruleTimeout(Duration.ofMillis(100)));
    assertThat(v.get("data.fast.alert")).isEqualTo(SetValue.of(List.of(io.tripline.rego.value.StringValue.of("hit"))));
    assertThat(v.get("data.slow.alert")).isNull();
    assertThat(v.errors()).containsOnlyKeys("data.slow.alert");
    assertThat(v.errors().get("data.slow.alert").toString())
        .matches("m0\\.rego:\\d+: eval_cancel_error: context deadline exceeded \\(rule timeout 100ms\\)");
  }

  @Test
  void policyTestTimeoutIsPerTest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("slow_test.rego"), SLOW.replace("package slow", "package slow_test") + """

        test_slow if count(alert) == 0

        test_fast if 1 == 1
        """);
    io.tripline.rego.test.TestRun run = new io.tripline.rego.test.PolicyTestRunner(
        io.tripline.rego.test.TestRunOptions.DEFAULT.timeout(Duration.ofMillis(200)))
        .run(io.tripline.rego.PolicySources.load(List.of(dir)));
    assertThat(run.results()).extracting(r -> r.name() + " " + r.outcome())
        .containsExactly("test_slow ERROR", "test_fast PASS");
    assertThat(run.results().get(0).error()).contains("eval_cancel_error: context deadline exceeded (timeout 200ms)");
  }

  @Test
  void noLimitsMeansNoErrors() {
    PreparedPolicy p = policy("package t\n\np := count([x | some x in numbers.range(1, 1000)])\n");
    DocumentValues v = p.prepareDocuments(List.of("data.t.p")).evaluate(null, EvalOptions.DEFAULT);
    assertThat(v.errors()).isEmpty();
    assertThat(v.get("data.t.p")).hasToString("1000");
  }
}
