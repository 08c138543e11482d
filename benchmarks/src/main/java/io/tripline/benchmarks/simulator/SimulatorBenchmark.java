package io.tripline.benchmarks.simulator;

import io.tripline.simulator.SimulationOptions;
import io.tripline.simulator.SimulationResult;
import io.tripline.simulator.Simulator;
import io.tripline.simulator.catalog.ApiCatalog;
import io.tripline.simulator.scenario.LoadResult;
import io.tripline.simulator.scenario.Scenario;
import io.tripline.simulator.scenario.ScenarioLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CloudTrail records synthesized per second on one thread: a mix of management and data events
 * (console session, CLI user, assumed role; S3 data events with resources and additional data,
 * CloudTrail reads, IAM writes with responses, denied calls). Score = records/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimulatorBenchmark {

  static final int REPEAT = 2_000;
  static final int RECORDS = REPEAT * 5;

  static final String SCRIPT = """
      id: bench
      title: Throughput mix
      mitre: [T1654]
      start: "2024-03-14T16:00:00Z"
      account: "123456789012"
      world:
        trails:
          - name: main
            bucket: logs
            eventSelectors:
              - readWriteType: All
                includeManagementEvents: true
                dataResources: [{type: "AWS::S3::Object", values: ["arn:aws:s3:::logs/"]}]
      actors:
        console: {type: IAMUser, userName: dev_user, via: console, sourceIp: 185.143.221.89}
        cli: {type: IAMUser, userName: admin, sourceIp: 198.51.100.7}
        role: {type: AssumedRole, roleName: Deployer, sessionName: build, sourceIp: 203.0.113.5}
      steps:
        - {actor: console, call: "cloudtrail:LookupEvents", repeat: {count: %1$d, every: 1s},
           params: {lookupAttributes: [{attributeKey: EventName, attributeValue: CreateUser}]}}
        - {actor: console, call: "s3:GetObject", repeat: {count: %1$d, every: 1s},
           params: {bucketName: logs, key: "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/f-${repeat.index}.json.gz"}}
        - {actor: cli, call: "iam:CreateUser", repeat: {count: %1$d, every: 1s}, params: {userName: "u${repeat.index}"}}
        - {actor: role, call: "ec2:DescribeInstances", repeat: {count: %1$d, every: 1s}, outcome: denied}
        - {actor: role, call: "sts:AssumeRole", repeat: {count: %1$d, every: 1s},
           params: {roleArn: "arn:aws:iam::123456789012:role/Ops", roleSessionName: ops}}
      """.formatted(REPEAT);

  Simulator simulator;
  Scenario scenario;
  long seed;

  @Setup
  public void setUp() {
    ApiCatalog catalog = ApiCatalog.bundled();
    LoadResult r = new ScenarioLoader(catalog).load("bench.yaml", SCRIPT, null);
    if (!r.ok()) {
      throw new IllegalStateException(r.diagnostics().toString());
    }
    scenario = r.scenarios().get(0);
    simulator = new Simulator(catalog);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public SimulationResult recordsPerSecond() {
    SimulationResult result = simulator.run(scenario, SimulationOptions.defaults().withSeed(++seed));
    if (result.records().size() != RECORDS) {
      throw new IllegalStateException("expected " + RECORDS + " records, got " + result.records().size());
    }
    return result;
  }
}
