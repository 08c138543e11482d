package io.tripline.benchmarks.reader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.core.log.CloudTrailLogReader;
import io.tripline.core.log.ReadMode;
import io.tripline.core.record.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records per second of Tripline's streaming reader against plain Jackson tree parsing
 * ({@code ObjectMapper.readTree} of the whole file, then iterating {@code Records}) on the same
 * bytes: a 10 000-record CloudTrail log file in memory, uncompressed so that parsing, not gzip, is
 * measured. The score is records/s (one operation = one record). Target: reader ≥ 0.8 × plain.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ReaderBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ReaderBenchmark.RECORDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReaderBenchmark {

  static final int RECORDS = 10_000;

  @Param({"42"})
  long seed;

  private byte[] log;
  private final ObjectMapper mapper = new ObjectMapper();

  @Setup
  public void generate() throws IOException {
    log = SyntheticLog.logFile(RECORDS, seed);
  }

  /** The reader: format detection, one tree per record, eventTime parsed into a CloudTrailRecord. */
  @Benchmark
  public long triplineReader(Blackhole bh) {
    long n = 0;
    try (CloudTrailLogReader reader = CloudTrailLogReader.open("bench.json", new ByteArrayInputStream(log), ReadMode.STRICT)) {
      for (CloudTrailRecord r : reader) {
        bh.consume(r);
        n++;
      }
    }
    return check(n);
  }

  /** The baseline: the whole file as one tree, then its Records. */
  @Benchmark
  public long plainJacksonTree(Blackhole bh) throws IOException {
    long n = 0;
    for (JsonNode r : mapper.readTree(log).get("Records")) {
      bh.consume(r);
      n++;
    }
    return check(n);
  }

  private static long check(long n) {
    if (n != RECORDS) {
      throw new IllegalStateException("read " + n + " records, expected " + RECORDS);
    }
    return n;
  }
}
