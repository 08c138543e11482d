package io.tripline.rego.limits;

import static io.tripline.rego.RegoFixture.error;
import static io.tripline.rego.RegoFixture.policy;
import static io.tripline.rego.RegoFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 15: builtins with unbounded cost are capped with clear errors or honour the timeout. */
class BuiltinLimitsTest {
  private final PreparedPolicy p = policy("package t\n");

  private String strict(String query) {
    return error(() -> p.evaluate(query, null, EvalOptions.DEFAULT.strict(true)));
  }

  @Test
  void hugeShiftsAreRefused() {
    assertThat(strict("x := bits.lsh(1, 2147483647)"))
        .isEqualTo("1:6: eval_builtin_error: bits.lsh: result would have more than 1048576 bits (shift of 2147483647)");
    assertThat(value(p, "bits.lsh(1, 2147483647)")).isEqualTo("undefined");
    assertThat(value(p, "bits.lsh(0, 2147483647)")).isEqualTo("0");
    assertThat(value(p, "bits.lsh(3, 4)")).isEqualTo("48");
  }

  @Test
  void hugeRangesAreRefused() {
    assertThat(strict("x := numbers.range(1, 1e12)"))
        .contains("numbers.range: range of 1000000000000 numbers is more than the limit of 1000000");
    assertThat(value(p, "count(numbers.range(1, 1000))")).isEqualTo("1000");
  }

  @Test
  void sprintfWidthsAreBoundedAsGoBoundsThem() {
    assertThat(value(p, "sprintf(\"%99999999999d|\", [1])")).isEqualTo("\"%!(NOVERB)%!(EXTRA int=1)\"");
    assertThat(value(p, "sprintf(\"%*d\", [2000000, 1])")).isEqualTo("\"%!(BADWIDTH)1\"");
    assertThat(value(p, "sprintf(\"%.*d\", [2000000, 1])")).isEqualTo("\"%!(BADPREC)1\"");
    assertThat(value(p, "count(sprintf(\"%5d\", [1]))")).isEqualTo("5");
  }

  @Test
  void reachablePathsHonoursTheTimeout() {
    // a complete graph of 12 vertices has more than 10^8 simple paths
    StringBuilder g = new StringBuilder("{");
    for (int i = 0; i < 12; i++) {
      g.append(i == 0 ? "" : ",").append('"').append(i).append("\": [");
      for (int j = 0, n = 0; j < 12; j++) {
        if (j != i) {
          g.append(n++ == 0 ? "" : ",").append('"').append(j).append('"');
        }
      }
      g.append(']');
    }
    g.append('}');
    long start = System.nanoTime();
    String err = error(() -> p.evaluate("x := count(graph.reachable_paths(" + g + ", {\"0\"}))", null,
        EvalOptions.DEFAULT.timeout(Duration.ofMillis(300))));
    assertThat(err).satisfiesAnyOf(
        e -> assertThat(e).contains("eval_cancel_error: context deadline exceeded"),
        e -> assertThat(e).contains("too many paths"));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
  }

  @Test
  void javaLibraryExceptionsAreBuiltinErrors() {
    assertThat(strict("x := time.parse_rfc3339_ns(\"9999999999-01-01T00:00:00Z\")")).contains("eval_builtin_error: time.parse_rfc3339_ns");
    assertThat(strict("x := units.parse(\"1e99999999999E\")")).contains("units.parse");
    assertThat(strict("x := time.add_date(0, 999999999999, 0, 0)")).contains("time.add_date");
  }
}
