package io.tripline.core.detect;

import static io.tripline.core.detect.TestRecords.call;
import static io.tripline.core.detect.TestRecords.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.log.CloudTrailLogReader;
import io.tripline.core.log.ReadMode;
import io.tripline.core.record.CloudTrailRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionEngineTest {
  static final Instant T0 = Instant.parse("2024-03-14T21:00:00Z");
  static RuleLibrary library;

  @BeforeAll
  static void compile() throws Exception {
    Path dir = Path.of(DetectionEngineTest.class.getResource("rules").toURI());
    library = RuleLibrary.compile(PolicyFiles.fromPaths(List.of(dir)));
  }

  static List<Finding> detect(List<CloudTrailRecord> records, DetectionOptions options) throws DetectionException {
    List<Finding> out = new ArrayList<>();
    DetectionEngine.embedded(library, options).run(records.iterator(), out::add);
    return out;
  }

  static DetectionOptions sequential() {
    return DetectionOptions.defaults().threads(1);
  }

  @Test
  void readsEveryRulesMetadata() {
    assertThat(library.rules()).extracting(RuleInfo::id).containsExactly("T-LRN-1", "T-NEW-1", "T-REC-1", "T-SEQ-1", "T-THR-1");
    RuleInfo burst = library.rule("T-THR-1").orElseThrow();
    assertThat(burst.kind()).isEqualTo(RuleKind.THRESHOLD);
    assertThat(burst.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(burst.groupBy()).containsExactly("userIdentity.arn");
    assertThat(burst.threshold()).isEqualTo(5);
    assertThat(library.rule("T-NEW-1").orElseThrow().newValue()).containsExactly("sourceIPAddress");
  }

  @Test
  void recordRuleFindingNamesTheRecord() throws Exception {
    List<Finding> f = detect(List.of(
        call("e1", T0, "admin", "198.51.100.23", "cloudtrail.amazonaws.com", "GetTrailStatus", null, params("name", "t")),
        call("e2", T0.plusSeconds(5), "admin", "198.51.100.23", "cloudtrail.amazonaws.com", "StopLogging", null, params("name", "company-trail"))),
        sequential());
    assertThat(f).hasSize(1);
    Finding s = f.get(0);
    assertThat(s.rule().id()).isEqualTo("T-REC-1");
    assertThat(s.severity()).isEqualTo(Severity.HIGH);
    assertThat(s.message()).isEqualTo("arn:aws:iam::123456789012:user/admin stopped company-trail");
    assertThat(s.trigger().eventID()).isEqualTo("e2");
    assertThat(s.trigger().principalArn()).isEqualTo("arn:aws:iam::123456789012:user/admin");
    assertThat(s.trigger().sourceIPAddress()).isEqualTo("198.51.100.23");
    assertThat(s.recordIndex()).isEqualTo(1);
    assertThat(s.correlation()).isNull();
  }

  @Test
  void anHourLongBurstIsOneFindingPerEpisode() throws Exception {
    List<CloudTrailRecord> records = new ArrayList<>();
    // 120 denied calls, one every 30 s for an hour: one continuous episode.
    for (int i = 0; i < 120; i++) {
      records.add(call("d" + i, T0.plusSeconds(30L * i), "ci-deployer", "45.134.26.11", "iam.amazonaws.com", "ListUsers", "AccessDenied", null));
    }
    // Four denied calls by another principal: under the threshold.
    for (int i = 0; i < 4; i++) {
      records.add(call("o" + i, T0.plusSeconds(10L * i), "dev_user", "192.0.2.31", "s3.amazonaws.com", "ListBuckets", "AccessDenied", null));
    }
    // After more than a window of quiet, a second burst is a second episode.
    for (int i = 0; i < 5; i++) {
      records.add(call("b" + i, T0.plus(Duration.ofMinutes(90)).plusSeconds(i), "ci-deployer", "45.134.26.11", "kms.amazonaws.com", "ListKeys", "AccessDenied", null));
    }
    records.sort((a, b) -> a.eventTime().compareTo(b.eventTime()));
    List<Finding> f = detect(records, sequential());
    assertThat(f).extracting(x -> x.rule().id()).containsExactly("T-THR-1", "T-THR-1");
    Finding first = f.get(0);
    assertThat(first.correlation().eventIDs()).containsExactly("d0", "d1", "d2", "d3", "d4");
    assertThat(first.correlation().group()).containsEntry("userIdentity.arn", "arn:aws:iam::123456789012:user/ci-deployer");
    assertThat(first.trigger().eventID()).isEqualTo("d4");
    assertThat(f.get(1).trigger().eventID()).isEqualTo("b4");
  }

  @Test
  void aSequenceSpreadAcrossTwoOverlappingFilesIsFound(@TempDir Path dir) throws Exception {
    // CloudTrail delivers per 5-minute file, and files overlap: the CreateUser is in the first
    // file, the StopLogging that came before it in the second.
    CloudTrailRecord stop = call("stop", T0.plusSeconds(290), "admin", "198.51.100.23", "cloudtrail.amazonaws.com", "StopLogging", null, params("name", "company-trail"));
    CloudTrailRecord create = call("create", T0.plusSeconds(420), "admin", "198.51.100.23", "iam.amazonaws.com", "CreateUser", null, params("userName", "svc-backup"));
    CloudTrailRecord noise = call("noise", T0.plusSeconds(100), "dev_user", "192.0.2.31", "s3.amazonaws.com", "ListBuckets", null, null);
    write(dir.resolve("a_CloudTrail_us-east-1_20240314T2105Z_a.json"), List.of(noise, create));
    write(dir.resolve("b_CloudTrail_us-east-1_20240314T2110Z_b.json"), List.of(stop));
    List<Finding> f = new ArrayList<>();
    try (CloudTrailLogReader reader = CloudTrailLogReader.open(List.of(dir), ReadMode.STRICT)) {
      DetectionEngine.embedded(library, sequential()).run(reader.iterator(), f::add);
    }
    List<Finding> seq = f.stream().filter(x -> x.rule().id().equals("T-SEQ-1")).toList();
    assertThat(seq).hasSize(1);
    assertThat(seq.get(0).correlation().eventIDs()).containsExactly("stop", "create");
    assertThat(seq.get(0).correlation().windowStart()).isEqualTo(stop.eventTime());
  }

  @Test
  void recordsLaterThanTheToleranceAreGroupedLate() throws Exception {
    CloudTrailRecord stop = call("stop", T0, "admin", "198.51.100.23", "cloudtrail.amazonaws.com", "StopLogging", null, params("name", "t"));
    CloudTrailRecord create = call("create", T0.plusSeconds(60), "admin", "198.51.100.23", "iam.amazonaws.com", "CreateUser", null, params("userName", "x"));
    // The StopLogging arrives 30 minutes of records later than the CreateUser it precedes.
    List<CloudTrailRecord> records = new ArrayList<>(List.of(create));
    for (int i = 1; i <= 30; i++) {
      records.add(call("n" + i, T0.plus(Duration.ofMinutes(i)), "dev_user", "192.0.2.31", "s3.amazonaws.com", "ListBuckets", null, null));
    }
    records.add(stop);
    // Within the tolerance the records are put back in time order first: the CreateUser completes it.
    Finding inOrder = only(detect(records, sequential().reorderTolerance(Duration.ofMinutes(45))), "T-SEQ-1");
    assertThat(inOrder.trigger().eventID()).isEqualTo("create");
    assertThat(inOrder.correlation().eventIDs()).containsExactly("stop", "create");
    // Beyond it the CreateUser was already released; the late StopLogging still joins its group.
    Finding late = only(detect(records, sequential().reorderTolerance(Duration.ofMinutes(5))), "T-SEQ-1");
    assertThat(late.trigger().eventID()).isEqualTo("stop");
    assertThat(late.correlation().eventIDs()).containsExactly("stop", "create");
  }

  @Test
  void newValueNeedsHistoryAndHistoryCanComeFromAFile(@TempDir Path dir) throws Exception {
    List<CloudTrailRecord> day1 = List.of(
        call("a1", T0, "dev_user", "192.0.2.31", "s3.amazonaws.com", "ListBuckets", null, null),
        call("a2", T0.plusSeconds(60), "dev_user", "192.0.2.31", "s3.amazonaws.com", "ListBuckets", null, null));
    List<CloudTrailRecord> day2 = List.of(
        call("b1", T0.plus(Duration.ofDays(1)), "dev_user", "185.143.221.89", "signin.amazonaws.com", "ConsoleLogin", null, null),
        call("b2", T0.plus(Duration.ofDays(1)).plusSeconds(30), "dev_user", "185.143.221.89", "cloudtrail.amazonaws.com", "DescribeTrails", null, null));
    // Without history, day 2's first address is not "new": the principal has no past.
    assertThat(detect(day2, sequential())).isEmpty();
    // With day 1 as history (earlier logs), the Bulgarian address is new, once.
    CorrelationHistory h = new CorrelationHistory();
    DetectionEngine.embedded(library, sequential().history(h)).learnHistory(day1.iterator());
    Path state = dir.resolve("history.json");
    h.write(state);
    assertThat(CorrelationHistory.isStateFile(state)).isTrue();
    List<Finding> f = detect(day2, sequential().history(CorrelationHistory.read(state)));
    assertThat(f).extracting(Finding::message).containsExactly("new address 185.143.221.89");
    assertThat(f.get(0).trigger().eventID()).isEqualTo("b1");
  }

  @Test
  void aBrokenHistoryFileSaysWhereAndWhat(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("h.json");
    Files.writeString(bad, "{\"version\": 2, \"rules\": {}}");
    assertThatThrownBy(() -> CorrelationHistory.read(bad)).hasMessageContaining("h.json").hasMessageContaining("/version must be 1");
  }

  @Test
  void trailBucketsLearnedFromTheLogsReachLaterRecords() throws Exception {
    ObjectNode create = params("name", "rogue", "s3BucketName", "exfil-bucket");
    List<CloudTrailRecord> records = List.of(
        call("g0", T0, "admin", "198.51.100.23", "s3.amazonaws.com", "GetObject", null, params("bucketName", "exfil-bucket", "key", "x")),
        call("c1", T0.plusSeconds(10), "admin", "198.51.100.23", "cloudtrail.amazonaws.com", "CreateTrail", null, create),
        call("g1", T0.plusSeconds(20), "admin", "198.51.100.23", "s3.amazonaws.com", "GetObject", null, params("bucketName", "exfil-bucket", "key", "x")));
    Enricher bulgaria = r -> {
      ObjectNode s = JsonNodeFactory.instance.objectNode();
      s.put("country", "BG");
      return s;
    };
    List<Finding> f = detect(records, sequential().enricher(bulgaria));
    assertThat(f).extracting(x -> x.trigger().eventID()).containsExactly("g1");
    assertThat(f.get(0).alert().get("country").asText()).isEqualTo("BG");
    // The records themselves are never changed.
    assertThat(records.get(2).json().has("tripline")).isFalse();
  }

  @Test
  void parallelAndSequentialRunsGiveIdenticalFindings() throws Exception {
    List<CloudTrailRecord> records = generated(20_000, 7);
    List<Finding> one = detect(records, sequential());
    List<Finding> two = detect(records, DetectionOptions.defaults().threads(4).chunkSize(64));
    assertThat(one).isNotEmpty();
    assertThat(render(two)).isEqualTo(render(one));
    Map<String, Long> byRule = one.stream().collect(Collectors.groupingBy(x -> x.rule().id(), Collectors.counting()));
    assertThat(byRule).containsKeys("T-REC-1", "T-THR-1", "T-SEQ-1", "T-NEW-1");
  }

  @Test
  void correlationMemoryIsBoundedByActiveGroups() throws Exception {
    // 50 000 principals, each active once: only those within the window stay in memory.
    List<Finding> sink = new ArrayList<>();
    Correlator c = new Correlator(new EmbeddedEvaluator(library, io.tripline.rego.EvalOptions.DEFAULT),
        new CorrelationHistory(), Duration.ofMinutes(1), sink::add, m -> {}, false);
    RuleInfo burst = library.rule("T-THR-1").orElseThrow();
    for (int i = 0; i < 50_000; i++) {
      CloudTrailRecord r = call("x" + i, T0.plusSeconds(i), "user" + i, "203.0.113.1", "iam.amazonaws.com", "ListUsers", "AccessDenied", null);
      c.offer(new Correlator.Matched(burst, i, r.eventTime(), io.tripline.rego.value.ValueJson.fromNode(r.json()), r));
    }
    assertThat(c.activeGroups()).isLessThan(5_000);
  }

  static Finding only(List<Finding> f, String rule) {
    List<Finding> of = f.stream().filter(x -> x.rule().id().equals(rule)).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }

  static List<String> render(List<Finding> f) {
    return f.stream().map(x -> x.rule().id() + " " + x.recordIndex() + " " + x.eventIDs() + " " + x.alert()).toList();
  }

  /** A seeded mix: many principals, denied bursts, stops and user creations, changing addresses. */
  static List<CloudTrailRecord> generated(int n, long seed) {
    Random rnd = new Random(seed);
    String[][] calls = {
        {"s3.amazonaws.com", "ListBuckets"}, {"iam.amazonaws.com", "ListUsers"}, {"cloudtrail.amazonaws.com", "StopLogging"},
        {"iam.amazonaws.com", "CreateUser"}, {"ec2.amazonaws.com", "DescribeInstances"}, {"s3.amazonaws.com", "GetObject"}};
    List<CloudTrailRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String[] c = calls[rnd.nextInt(calls.length)];
      String user = "user" + rnd.nextInt(40);
      String ip = "198.51.100." + rnd.nextInt(6);
      String err = rnd.nextInt(4) == 0 ? "AccessDenied" : null;
      // up to two minutes of jitter: records arrive slightly out of order, as in real files
      Instant t = T0.plusSeconds(3L * i + rnd.nextInt(120));
      out.add(call("g" + i, t, user, ip, c[0], c[1], err, params("name", "trail" + rnd.nextInt(3))));
    }
    return out;
  }

  static void write(Path file, List<CloudTrailRecord> records) throws IOException {
    StringBuilder b = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < records.size(); i++) {
      b.append(i == 0 ? "" : ",").append(records.get(i).json().toString());
    }
    Files.writeString(file, b.append("]}").toString(), StandardCharsets.UTF_8);
  }
}
