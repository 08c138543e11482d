package io.tripline.cli.iam;

import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountResources;
import io.tripline.iam.access.LiveResourceReader;
import io.tripline.iam.access.ResourceFileLoader;
import io.tripline.iam.access.Trail;
import io.tripline.iam.account.AccountAuthorizationDetails;
import io.tripline.iam.account.AccountDataException;
import io.tripline.iam.account.ExportFileLoader;
import io.tripline.iam.account.LiveAccountReader;
import io.tripline.iam.policy.PolicyDocument;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The account options shared by {@code iam audit} and {@code iam suggest}: an export or a live read, and the resource context. */
final class AccountInputs {

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Account (one of):%n")
  Source source;

  static final class Source {
    @Option(names = "--account-export", paramLabel = "FILE",
        description = "`aws iam get-account-authorization-details` output (one page, concatenated pages or an array of pages).")
    Path export;

    @Option(names = "--live", description = "Read the account live through the AWS SDK, read-only: IAM (iam:GetAccountAuthorizationDetails, "
        + "iam:GetPolicy, iam:GetPolicyVersion) and, unless --trails is given, the trails and their bucket policies "
        + "(cloudtrail:DescribeTrails, s3:GetBucketPolicy).")
    boolean live;
  }

  @Option(names = "--profile", paramLabel = "NAME", description = "With --live: the AWS profile (default: the SDK's credential chain).")
  String profile;

  @Option(names = "--region", paramLabel = "REGION", description = "With --live: the region to read trails in (default: us-east-1); "
      + "it also picks the IAM partition.")
  String region;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "With --live: the IAM endpoint to call instead of AWS's.")
  URI endpoint;

  @CommandLine.Mixin LiveTimeoutOptions timeoutOptions = new LiveTimeoutOptions();

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE) CommandLine.Model.CommandSpec mixee;

  @Option(names = "--trails", paramLabel = "FILE",
      description = "`aws cloudtrail describe-trails` output: the trails, their buckets, KMS keys and log groups. "
          + "Without it only event history and Lake access are checked.")
  Path trails;

  @Option(names = "--bucket-policy", paramLabel = "BUCKET=FILE",
      description = "`aws s3api get-bucket-policy --bucket BUCKET` output (or the bare policy); repeat for each trail bucket.")
  List<String> bucketPolicies = new ArrayList<>();

  /** The account's access, or an error naming the file and what to do. */
  AccountAccess load() throws AccountDataException {
    AccountAuthorizationDetails details;
    LiveTimeoutOptions.requireLive(mixee.commandLine(), source.live, endpoint);
    var timeouts = timeoutOptions.timeouts(mixee.commandLine());
    if (source.live) {
      try (LiveAccountReader reader = LiveAccountReader.create(profile, region, endpoint, timeouts)) {
        details = reader.read();
      }
    } else {
      details = new ExportFileLoader().load(source.export);
    }
    ResourceFileLoader files = new ResourceFileLoader();
    List<Trail> trailList = trails == null ? List.of() : files.trails(trails);
    Map<String, PolicyDocument> policies = new LinkedHashMap<>();
    if (source.live && trails == null) {
      try (LiveResourceReader reader = LiveResourceReader.create(profile, region, endpoint, timeouts)) {
        AccountResources live = reader.read();
        trailList = live.trails();
        policies.putAll(live.bucketPolicies());
      }
    }
    for (String bp : bucketPolicies) {
      int eq = bp.indexOf('=');
      if (eq <= 0 || eq == bp.length() - 1) {
        throw new AccountDataException("--bucket-policy " + bp + ": expected BUCKET=FILE, such as company-cloudtrail-logs=bucket-policy.json");
      }
      policies.put(bp.substring(0, eq), files.bucketPolicy(Path.of(bp.substring(eq + 1))));
    }
    return AccountAccess.of(details, new AccountResources(trailList, policies, List.of()));
  }

  /** What the input was, for reports (the export path or "live"). */
  String describe() {
    return source.live ? "live account" : source.export.toString();
  }
}
