package io.tripline.benchmarks.iam;

import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountResources;
import io.tripline.iam.access.EffectiveAccessAnalyzer;
import io.tripline.iam.access.PrincipalAccess;
import io.tripline.iam.access.ResourceFileLoader;
import io.tripline.iam.access.Trail;
import io.tripline.iam.account.AccountAuthorizationDetails;
import io.tripline.iam.account.ExportFileLoader;
import io.tripline.iam.audit.AuditResult;
import io.tripline.iam.audit.BundledChecks;
import io.tripline.iam.audit.IamAudit;
import io.tripline.iam.audit.IamChecks;
import io.tripline.rego.value.ObjectValue;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Effective access and the IAM audit for a 500-principal account with 2 000 customer managed
 * policies ({@link SyntheticAccount}: 300 users in 40 groups, 200 roles) and the seed's trail:
 * {@code effectiveAccess} decides every sensitive action for every principal (with and without
 * MFA, every role assumption); {@code auditEndToEnd} also loads the export text, compiles the
 * bundled Rego checks and runs them over every principal's document, as {@code tripline iam audit}
 * does after JVM start.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EffectiveAccessBenchmark {

  static final String TRAILS = """
      {"trailList": [{"Name": "company-trail", "S3BucketName": "company-cloudtrail-logs", "HomeRegion": "us-east-1",
        "TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail",
        "KmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
        "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:aws-cloudtrail-logs-123456789012-company-trail:*"}]}
      """;

  String exportText;
  AccountResources resources;
  AccountAccess access;

  @Setup
  public void setup() throws Exception {
    exportText = SyntheticAccount.export(300, 200, 40, 2000, 42);
    List<Trail> trails = new ResourceFileLoader().trails(TRAILS, "trails");
    resources = new AccountResources(trails, Map.of(), List.of());
    access = AccountAccess.of(new ExportFileLoader().load(exportText, "synthetic"), resources);
    if (access.principals().size() != 500) {
      throw new IllegalStateException("expected 500 principals, got " + access.principals().size());
    }
  }

  @Benchmark
  public List<PrincipalAccess> effectiveAccess() {
    return new EffectiveAccessAnalyzer(access).analyze();
  }

  @Benchmark
  public AuditResult auditEndToEnd() throws Exception {
    AccountAuthorizationDetails details = new ExportFileLoader().load(exportText, "synthetic");
    IamChecks checks = IamChecks.compile(BundledChecks.modules(), ObjectValue.EMPTY);
    return new IamAudit(checks).run(AccountAccess.of(details, resources));
  }
}
