package io.tripline.benchmarks.detect;

import io.tripline.core.detect.DetectionEngine;
import io.tripline.core.detect.DetectionException;
import io.tripline.core.detect.DetectionOptions;
import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.log.CloudTrailLogReader;
import io.tripline.core.log.ReadMode;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.ScenarioLibrary;
import io.tripline.simulator.scenario.ScenarioLoader;
import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationOptions.BaselineMix;
import io.tripline.simulator.Simulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full bundled rule library over 100 000 simulated records (every bundled scenario plus the
 * five baseline profiles), as one gzipped CloudTrail log file in memory: reading it alone with
 * the core reader, against reading it and running detection with 1 and 2 engine threads, with
 * and without the simulated company's context. Score =
 * milliseconds per pass over the 100 000 records (records/s = 100 000 / score × 1000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class DetectionEngineBenchmark {
  static final int RECORDS = 100_000;

  @Param({"1", "2"})
  int threads;

  /**
   * The rules' context: {@code company} is the simulated company's (its log readers, admin roles,
   * corporate networks and trail buckets: attack-scenarios context/company.yaml), as
   * {@code tripline coverage} runs and as a deployment configures it; {@code none} runs the library
   * without context, where every log read by anyone is unexpected (about 27 000 findings).
   */
  @Param({"company", "none"})
  String context;

  byte[] log;
  RuleLibrary library;
  int count;

  @Setup
  public void setUp() throws Exception {
    ClassLoader cl = DetectionEngineBenchmark.class.getClassLoader();
    PolicyFiles files = PolicyFiles.bundled(cl);
    library = RuleLibrary.compile(context.equals("company") ? files.withDataResource(cl, "context/company.yaml") : files);
    ApiCatalog catalog = ApiCatalog.bundled();
    ScenarioLibrary scenarios = new ScenarioLibrary(new ScenarioLoader(catalog), cl);
    Simulator simulator = new Simulator(catalog);
    List<CloudTrailRecord> records = new ArrayList<>();
    for (Scenario s : scenarios.scenarios()) {
      records.addAll(simulator.run(s, SimulationOptions.defaults()).records());
    }
    int baseline = RECORDS - records.size();
    List<BaselineMix> mix = List.of(
        new BaselineMix(scenarios.baseline("developer").orElseThrow(), baseline * 35 / 100),
        new BaselineMix(scenarios.baseline("administrator").orElseThrow(), baseline * 15 / 100),
        new BaselineMix(scenarios.baseline("security-auditor").orElseThrow(), baseline * 15 / 100),
        new BaselineMix(scenarios.baseline("ci-cd").orElseThrow(), baseline * 25 / 100),
        new BaselineMix(scenarios.baseline("aws-service-roles").orElseThrow(), baseline * 10 / 100));
    Scenario first = scenarios.scenario("soc-2024-219-cloudtrail-log-enumeration").orElseThrow();
    List<CloudTrailRecord> mixed = new ArrayList<>(simulator.run(first, SimulationOptions.defaults().withBaselines(mix)).records());
    mixed.removeIf(r -> r.sourceIPAddress() != null && r.sourceIPAddress().equals("185.143.221.89"));
    records.addAll(mixed);
    records.sort(Comparator.comparing(CloudTrailRecord::eventTime));
    count = records.size();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
      w.write("{\"Records\":[");
      for (int i = 0; i < records.size(); i++) {
        w.write(i == 0 ? "" : ",");
        w.write(records.get(i).json().toString());
      }
      w.write("]}");
    }
    log = bytes.toByteArray();
    System.out.printf("%n%d records, %d rules, %,d gzipped bytes%n", count, library.rules().size(), log.length);
  }

  CloudTrailLogReader reader() {
    return CloudTrailLogReader.open("bench.json.gz", new ByteArrayInputStream(log), ReadMode.STRICT);
  }

  /** Reading alone (the baseline the issue compares with); only meaningful once, threads does not apply. */
  @Benchmark
  public long read() {
    long n = 0;
    try (CloudTrailLogReader r = reader()) {
      for (CloudTrailRecord rec : r) {
        n += rec.eventName().length();
      }
    }
    return n;
  }

  /**
   * One run of {@code tripline detect} over the file: the results the rules share across records
   * (function results kept per caller, constant documents) start empty in each pass, as in a new
   * process, rather than warm from the pass before.
   */
  @Benchmark
  public long readAndDetect() throws DetectionException, IOException {
    library.policy().clearSharedResults();
    AtomicLong findings = new AtomicLong();
    try (CloudTrailLogReader r = reader()) {
      DetectionEngine.embedded(library, DetectionOptions.defaults().threads(threads)).run(r.iterator(), f -> findings.incrementAndGet());
    }
    return findings.get();
  }
}
