package io.tripline.iam.access;

import io.tripline.iam.account.AccountAuthorizationDetails;
import io.tripline.iam.account.ExportFileLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The seed company's account exports, shipped in attack-scenarios (read from the source tree). */
final class SeedAccount {

  static final Path DIR = Path.of("../attack-scenarios/src/main/resources/accounts");
  static final String DEV = "arn:aws:iam::123456789012:user/dev_user";
  static final String AUDITOR = "arn:aws:iam::123456789012:role/SecurityAudit";
  static final String LOG_OBJECT = "arn:aws:s3:::company-cloudtrail-logs/AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/"
      + "123456789012_CloudTrail_us-east-1_20240314T1600Z.json";

  private SeedAccount() {}

  static AccountAccess load(boolean remediated) throws Exception {
    String suffix = remediated ? "-remediated" : "";
    AccountAuthorizationDetails details = new ExportFileLoader().load(DIR.resolve("company-123456789012" + suffix + ".authz-details.json"));
    ResourceFileLoader files = new ResourceFileLoader();
    AccountResources resources = new AccountResources(files.trails(DIR.resolve("company-123456789012.trails.json")),
        Map.of("company-cloudtrail-logs", files.bucketPolicy(DIR.resolve("company-cloudtrail-logs" + suffix + ".bucket-policy.json"))), List.of());
    return AccountAccess.of(details, resources);
  }
}
