package io.tripline.cli.iam;

import io.tripline.core.log.CloudTrailLogReader;
import io.tripline.core.log.LogInputException;
import io.tripline.core.log.ReadMode;
import io.tripline.core.log.ReadProblem;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.core.record.UserIdentity;
import io.tripline.iam.ServiceReference;
import io.tripline.iam.gaps.ActivityCall;
import io.tripline.iam.gaps.EventActions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The glue between core's CloudTrail reader and iam's activity tuples: reads CloudTrail logs
 * (S3 layout, .json.gz, JSON lines, lookup-events output) and turns each record into the IAM call
 * it shows (iam must not depend on core, so this lives in the CLI).
 */
final class ActivityLogs {

  /** The calls and what could not be read. */
  record Activity(List<ActivityCall> calls, long records, List<String> problems) {}

  private ActivityLogs() {}

  static Activity read(List<Path> paths, ServiceReference reference) throws LogInputException {
    EventActions actions = new EventActions(reference);
    List<ActivityCall> calls = new ArrayList<>();
    long records = 0;
    List<String> problems = new ArrayList<>();
    try (CloudTrailLogReader reader = CloudTrailLogReader.open(paths, ReadMode.SKIP_BAD_RECORDS)) {
      Iterator<CloudTrailRecord> it = reader.iterator();
      while (it.hasNext()) {
        CloudTrailRecord r = it.next();
        records++;
        List<String> arns = new ArrayList<>();
        r.resources().forEach(res -> arns.add(res.arn()));
        r.requestParameters().forEach(v -> {
          if (v.isTextual() && v.asText().startsWith("arn:")) {
            arns.add(v.asText());
          }
        });
        addBucketArns(r, arns);
        actions.call(principal(r.userIdentity()), r.eventSource(), r.eventName(), arns, r.errorCode(), r.eventTime()).ifPresent(calls::add);
      }
      for (ReadProblem p : reader.summary().problems()) {
        problems.add(p.toString());
      }
    }
    return new Activity(calls, records, problems);
  }

  /** S3 management events name the bucket only in requestParameters. */
  private static void addBucketArns(CloudTrailRecord r, List<String> arns) {
    if (!"s3.amazonaws.com".equals(r.eventSource())) {
      return;
    }
    String bucket = r.requestParameters().path("bucketName").asText(null);
    if (bucket != null) {
      String key = r.requestParameters().path("key").asText(null);
      if (key != null) {
        arns.add("arn:aws:s3:::" + bucket + "/" + key);
      }
      arns.add("arn:aws:s3:::" + bucket);
    }
  }

  /** The user ARN, or for a role session the role (session issuer) ARN. */
  private static String principal(UserIdentity id) {
    if ("AssumedRole".equals(id.type())) {
      return id.sessionIssuer().map(UserIdentity.SessionIssuer::arn).orElse(id.arn());
    }
    return id.arn();
  }
}
