# METADATA
# title: Trail bucket deleted (or deletion attempted)
# description: >-
#   DeleteBucket on a trail bucket, whatever the outcome: a BucketNotEmpty or AccessDenied
#   failure is an attempt to destroy the logs and usually comes right before the bucket is
#   emptied and deleted. Once the bucket is gone CloudTrail has nowhere to deliver. Panther's
#   AWS.S3.BucketDeleted and Sigma's "AWS Bucket Deleted" fire on any bucket and only on success.
# custom:
#   id: TRL-S3-004
#   severity: high
#   risk_score: 82
#   mitre:
#     - {id: T1485, version: "18"}
#     - {id: T1485, version: "19"}
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, S3, CloudTrail, Log Tampering, Data Destruction, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Decommissioning a trail bucket after its trail moved to a new bucket (check the trail's current bucket first).
#   references:
#     - https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html
#   investigation:
#     - Check whether the bucket still exists and whether any trail still delivers to it (DescribeTrails, GetTrailStatus).
#     - Look for DeleteObject/DeleteObjects on the bucket by the same principal just before (TRL-S3-005).
#     - Check who made the call, from where, and whether a change ticket covers it.
#   response:
#     - Recreate the bucket with CloudTrail's bucket policy, or point the trail at a protected bucket, at once.
#     - Recover the logs from replicas, the organization trail or CloudTrail Lake where they exist.
#     - Restrict s3:DeleteBucket on log buckets with an SCP; enable Object Lock on new log buckets.
package tripline.rules.aws.s3.trail_bucket_deleted

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

alert contains a if {
	input.eventSource == "s3.amazonaws.com"
	input.eventName == "DeleteBucket"
	bucket := context.trail_bucket_call(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s trail bucket %s%s", [aws.principal_name(input), verb, bucket, failure]),
		{"resources": [bucket]},
	)
}

verb := "deleted" if aws.succeeded(input)

else := "tried to delete"

failure := sprintf(" (%s)", [input.errorCode]) if input.errorCode

else := ""
