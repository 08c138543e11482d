package io.tripline.iam.access;

/**
 * A CloudTrail trail as {@code aws cloudtrail describe-trails} describes it: where its logs go.
 *
 * @param name the trail name
 * @param arn the trail ARN
 * @param homeRegion the region the trail was created in
 * @param bucket the S3 bucket the trail delivers to
 * @param keyPrefix the S3 key prefix, or null
 * @param kmsKeyId the KMS key ARN that encrypts the log files, or null
 * @param logGroupArn the CloudWatch Logs log group ARN the trail copies to, or null
 */
public record Trail(String name, String arn, String homeRegion, String bucket, String keyPrefix, String kmsKeyId, String logGroupArn) {

  /** The ARN of a log file object under the trail's {@code AWSLogs/} prefix, for {@code account}. */
  public String logObjectArn(String account) {
    String prefix = keyPrefix == null || keyPrefix.isEmpty() ? "" : keyPrefix + "/";
    return "arn:aws:s3:::" + bucket + "/" + prefix + "AWSLogs/" + account + "/CloudTrail/" + homeRegion + "/"
        + account + "_CloudTrail_" + homeRegion + "_log-file.json.gz";
  }

  public String bucketArn() {
    return "arn:aws:s3:::" + bucket;
  }
}
