package io.tripline.benchmarks.detect;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.detect.DetectionEngine;
import io.tripline.core.detect.DetectionOptions;
import io.tripline.core.detect.DetectionSummary;
import io.tripline.core.detect.PolicyFiles;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.record.CloudTrailRecord;
import java.time.Instant;
import java.util.Iterator;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory over a long stream: N generated CloudTrail records (default 2 000 000; 20 000 principals,
 * each working from three addresses of its own; a mix of reads, writes, trail calls, S3 data events
 * on the trail bucket and AccessDenied calls)
 * through the full bundled library, never held in memory; prints the heap in use after a GC every
 * 200 000 records. Run with a small heap to see that it stays flat:
 * {@code java -Xmx384m -cp benchmarks/target/benchmarks.jar io.tripline.benchmarks.detect.StreamMemoryCheck 2000000}.
 */
public final class StreamMemoryCheck {
  private StreamMemoryCheck() {}

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
    RuleLibrary library = RuleLibrary.compile(PolicyFiles.bundled(StreamMemoryCheck.class.getClassLoader())
        .withDataResource(StreamMemoryCheck.class.getClassLoader(), "context/company.yaml"));
    AtomicLong findings = new AtomicLong();
    Runtime rt = Runtime.getRuntime();
    DetectionOptions options = DetectionOptions.defaults().progress(p -> {
      if (p.records() % 200_000 < 10_000) {
        System.gc();
        System.out.printf("%,10d records  %,8d findings  heap used %,6d MB  %,8.0f records/s%n", p.records(), p.findings(),
            (rt.totalMemory() - rt.freeMemory()) >> 20, p.records() / Math.max(1e-9, p.elapsed().toNanos() / 1e9));
      }
    });
    DetectionSummary s = DetectionEngine.embedded(library, options).run(generate(n), f -> findings.incrementAndGet());
    System.gc();
    System.out.printf("done: %,d records, %,d findings, %d errors, %.1f s, heap used %,d MB (max %,d MB)%n", s.records(),
        s.findings(), s.errors(), s.elapsed().toMillis() / 1000.0, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
  }

  static Iterator<CloudTrailRecord> generate(long n) {
    Random rnd = new Random(42);
    Instant t0 = Instant.parse("2024-03-01T00:00:00Z");
    String[][] calls = {
        {"s3.amazonaws.com", "ListBuckets"}, {"iam.amazonaws.com", "ListUsers"}, {"ec2.amazonaws.com", "DescribeInstances"},
        {"cloudtrail.amazonaws.com", "DescribeTrails"}, {"cloudtrail.amazonaws.com", "LookupEvents"},
        {"s3.amazonaws.com", "GetObject"}, {"iam.amazonaws.com", "CreateUser"}, {"sts.amazonaws.com", "GetCallerIdentity"},
        {"lambda.amazonaws.com", "ListFunctions20150331"}, {"kms.amazonaws.com", "Decrypt"}};
    return new Iterator<>() {
      long i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public CloudTrailRecord next() {
        long k = i++;
        JsonNodeFactory f = JsonNodeFactory.instance;
        String[] c = calls[rnd.nextInt(calls.length)];
        int u = rnd.nextInt(20_000);
        String user = "user" + u;
        ObjectNode r = f.objectNode();
        r.put("eventVersion", "1.09");
        ObjectNode who = r.putObject("userIdentity");
        who.put("type", "IAMUser");
        who.put("arn", "arn:aws:iam::123456789012:user/" + user);
        who.put("accountId", "123456789012");
        who.put("userName", user);
        r.put("eventTime", t0.plusMillis(k * 250 + rnd.nextInt(60_000)).toString());
        r.put("eventSource", c[0]);
        r.put("eventName", c[1]);
        r.put("awsRegion", "us-east-1");
        // Each principal works from a few addresses of its own (office, VPN, home), as people do.
        r.put("sourceIPAddress", "10." + (u % 200) + "." + (u / 200) + "." + (1 + rnd.nextInt(3)));
        r.put("userAgent", "aws-cli/2.15.30");
        if (rnd.nextInt(50) == 0) {
          r.put("errorCode", "AccessDenied");
          r.put("errorMessage", "not authorized");
        }
        ObjectNode p = r.putObject("requestParameters");
        if (c[1].equals("GetObject")) {
          p.put("bucketName", rnd.nextBoolean() ? "company-cloudtrail-logs" : "company-app-artifacts");
          p.put("key", "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/01/f" + k + ".json.gz");
          r.put("eventCategory", "Data");
          r.put("managementEvent", false);
        } else {
          r.put("managementEvent", true);
        }
        r.putNull("responseElements");
        r.put("eventID", "g" + k);
        r.put("recipientAccountId", "123456789012");
        return CloudTrailRecord.of(r);
      }
    };
  }
}
