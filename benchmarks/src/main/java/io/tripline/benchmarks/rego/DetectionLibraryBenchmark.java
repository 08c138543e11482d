package io.tripline.benchmarks.rego;

import com.fasterxml.jackson.databind.JsonNode;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedDocuments;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.Rego;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second (one operation = one record) of detection over a mix of 10 000 CloudTrail
 * records ({@link CloudTrailMix}: many services and event names, mostly benign noise):
 * <ul>
 *   <li>the 50-rule library ({@link DetectionLibrary}, 50 packages) evaluated as one
 *       {@link PreparedDocuments} over every package's {@code alert}, with rule indexing and
 *       without it;
 *   <li>the same library as 50 separate entrypoint queries per record (indexing on);
 *   <li>the 10-rule policy of {@link DetectionPolicyBenchmark} over the same mix, with and
 *       without indexing.
 * </ul>
 * Records are Jackson trees read lazily, as Tripline's detection engine feeds them. Run with
 * {@code -t 1} and {@code -t max} for one thread and all cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectionLibraryBenchmark {
  static final int RECORDS = 10_000;
  private static final EvalOptions INDEXED = EvalOptions.DEFAULT;
  private static final EvalOptions UNINDEXED = EvalOptions.DEFAULT.ruleIndexing(false);

  PreparedPolicy library;
  PreparedDocuments alerts;
  List<String> entrypoints;
  PreparedPolicy tenRules;
  JsonNode[] records;

  /** Each thread walks the records from its own position. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    JsonNode nextOf(JsonNode[] records) {
      JsonNode r = records[next];
      next = next + 1 == records.length ? 0 : next + 1;
      return r;
    }
  }

  @Setup
  public void setup() {
    library = Rego.compile(DetectionLibrary.modules(), ObjectValue.EMPTY);
    entrypoints = DetectionLibrary.entrypoints();
    alerts = library.prepareDocuments(entrypoints);
    tenRules = Rego.compile(Map.of("bench.rego", DetectionPolicyBenchmark.POLICY), ObjectValue.EMPTY);
    records = CloudTrailMix.records(RECORDS, 20240514L).toArray(JsonNode[]::new);
    checkTheLibraryFires();
  }

  /** Fails the run unless indexing changes nothing and some records alert. */
  private void checkTheLibraryFires() {
    int alerting = 0;
    for (JsonNode r : records) {
      Value input = ValueJson.fromNode(r);
      Map<String, Value> on = alerts.evaluate(input, INDEXED);
      if (!on.equals(alerts.evaluate(input, UNINDEXED))) {
        throw new IllegalStateException("indexing changed the result for " + r);
      }
      if (on.values().stream().anyMatch(v -> v instanceof SetValue s && !s.isEmpty())) {
        alerting++;
      }
    }
    if (alerting == 0 || alerting == records.length) {
      throw new IllegalStateException("the library alerts on " + alerting + " of " + records.length + " records");
    }
  }

  @Benchmark
  public Map<String, Value> library50Indexed(Cursor c) {
    return alerts.evaluate(ValueJson.fromNode(c.nextOf(records)), INDEXED);
  }

  @Benchmark
  public Map<String, Value> library50Unindexed(Cursor c) {
    return alerts.evaluate(ValueJson.fromNode(c.nextOf(records)), UNINDEXED);
  }

  @Benchmark
  public int library50AsSeparateQueries(Cursor c) {
    Value input = ValueJson.fromNode(c.nextOf(records));
    int n = 0;
    for (String q : entrypoints) {
      n += library.evaluate(q, input, INDEXED).results().size();
    }
    return n;
  }

  @Benchmark
  public QueryResult tenRulesIndexed(Cursor c) {
    return tenRules.evaluateJson(DetectionPolicyBenchmark.QUERY, c.nextOf(records), INDEXED);
  }

  @Benchmark
  public QueryResult tenRulesUnindexed(Cursor c) {
    return tenRules.evaluateJson(DetectionPolicyBenchmark.QUERY, c.nextOf(records), UNINDEXED);
  }
}
