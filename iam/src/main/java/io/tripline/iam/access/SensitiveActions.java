package io.tripline.iam.access;

import io.tripline.iam.ServiceReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The log-reading and log-tampering actions Tripline checks, placed on the account's real
 * resources: each trail, its bucket and {@code AWSLogs/} prefix, its KMS key and log group.
 * Resources the export cannot name (GuardDuty detectors, EventBridge rules, configuration
 * recorders) are probed with an ARN of the account and the trail's region whose last part is
 * {@code tripline-probe}: grants on {@code *} or on a wildcard there match it, grants naming one
 * specific detector or rule do not (those are under-reported).
 */
public final class SensitiveActions {

  static final String PROBE = "tripline-probe";

  static final List<String> LOG_READ_ANY = List.of(
      "cloudtrail:LookupEvents", "cloudtrail:DescribeTrails", "cloudtrail:ListTrails");
  static final List<String> LOG_READ_TRAIL = List.of(
      "cloudtrail:GetTrail", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors");
  static final List<String> LOG_READ_LAKE = List.of("cloudtrail:StartQuery", "cloudtrail:GetQueryResults");
  static final List<String> TAMPER_TRAIL = List.of(
      "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors",
      "cloudtrail:PutInsightSelectors");
  static final List<String> TAMPER_BUCKET = List.of("s3:PutBucketPolicy", "s3:PutLifecycleConfiguration", "s3:DeleteBucket");

  private final ServiceReference reference;

  public SensitiveActions(ServiceReference reference) {
    this.reference = reference;
  }

  /** The log-reading and log-tampering probes for {@code account} with {@code resources}. */
  public List<Probe> logProbes(String account, AccountResources resources) {
    List<Probe> out = new ArrayList<>();
    String region = resources.trails().isEmpty() ? "us-east-1" : resources.trails().get(0).homeRegion();
    LOG_READ_ANY.forEach(a -> add(out, AccessCategory.LOG_READ, a, "*", "event history and trail list"));
    LOG_READ_LAKE.forEach(a -> add(out, AccessCategory.LOG_READ, a,
        "arn:aws:cloudtrail:" + region + ":" + account + ":eventdatastore/" + PROBE, "CloudTrail Lake event data stores"));
    for (Trail t : resources.trails()) {
      String trailArn = t.arn() != null ? t.arn() : "arn:aws:cloudtrail:" + t.homeRegion() + ":" + account + ":trail/" + t.name();
      String note = "trail " + t.name();
      LOG_READ_TRAIL.forEach(a -> add(out, AccessCategory.LOG_READ, a, trailArn, note));
      add(out, AccessCategory.LOG_READ, "s3:ListBucket", t.bucketArn(), "trail bucket " + t.bucket());
      add(out, AccessCategory.LOG_READ, "s3:GetObject", t.logObjectArn(account), "log files under AWSLogs/ in " + t.bucket());
      TAMPER_TRAIL.forEach(a -> add(out, AccessCategory.LOG_TAMPER, a, trailArn, note));
      TAMPER_BUCKET.forEach(a -> add(out, AccessCategory.LOG_TAMPER, a, t.bucketArn(), "trail bucket " + t.bucket()));
      add(out, AccessCategory.LOG_TAMPER, "s3:DeleteObject", t.logObjectArn(account), "log files under AWSLogs/ in " + t.bucket());
      if (t.kmsKeyId() != null && t.kmsKeyId().startsWith("arn:")) {
        add(out, AccessCategory.LOG_TAMPER, "kms:ScheduleKeyDeletion", t.kmsKeyId(), "the trail's KMS key");
        add(out, AccessCategory.LOG_TAMPER, "kms:DisableKey", t.kmsKeyId(), "the trail's KMS key");
      }
      String logGroup = t.logGroupArn() != null ? t.logGroupArn()
          : null;
      if (logGroup != null) {
        add(out, AccessCategory.LOG_TAMPER, "logs:DeleteLogGroup", logGroup, "the trail's CloudWatch Logs group");
        add(out, AccessCategory.LOG_TAMPER, "logs:PutRetentionPolicy", logGroup, "the trail's CloudWatch Logs group");
      }
    }
    String base = ":" + region + ":" + account + ":";
    add(out, AccessCategory.LOG_TAMPER, "guardduty:DeleteDetector", "arn:aws:guardduty" + base + "detector/" + PROBE, "GuardDuty detectors");
    add(out, AccessCategory.LOG_TAMPER, "guardduty:UpdateDetector", "arn:aws:guardduty" + base + "detector/" + PROBE, "GuardDuty detectors");
    add(out, AccessCategory.LOG_TAMPER, "config:StopConfigurationRecorder", "arn:aws:config" + base + "configuration-recorder/default/" + PROBE,
        "Config recorders");
    add(out, AccessCategory.LOG_TAMPER, "config:DeleteDeliveryChannel", "*", "Config delivery channels");
    add(out, AccessCategory.LOG_TAMPER, "events:DisableRule", "arn:aws:events" + base + "rule/" + PROBE, "EventBridge rules");
    add(out, AccessCategory.LOG_TAMPER, "events:DeleteRule", "arn:aws:events" + base + "rule/" + PROBE, "EventBridge rules");
    add(out, AccessCategory.LOG_TAMPER, "organizations:LeaveOrganization", "*", "the organization (its SCPs and organization trail)");
    return out;
  }

  private void add(List<Probe> out, AccessCategory c, String action, String resource, String note) {
    boolean wildcardOnly = reference != null && reference.action(action).map(ServiceReference.ActionInfo::wildcardResourceOnly).orElse(false);
    out.add(new Probe(c, action, wildcardOnly ? "*" : resource, note));
  }
}
