# METADATA
# title: S3 server access logging disabled (trail buckets first)
# description: >-
#   PutBucketLogging whose BucketLoggingStatus has no LoggingEnabled element: server access
#   logging of the bucket is turned off, so reads and deletes of its objects stop being recorded
#   outside CloudTrail data events. Like Elastic's "AWS S3 Bucket Server Access Logging Disabled"
#   it looks for the absence of LoggingEnabled, not for `logging: ""` (real events always carry
#   that empty query parameter, which makes Panther's AWS.S3.DisableBucketLogging fire on every
#   change). Any bucket fires; a trail bucket raises the alert to high. Fires on denied attempts too.
# custom:
#   id: TRL-S3-007
#   severity: medium
#   risk_score: 47
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, S3, Logging, Server Access Logs, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - A bucket being decommissioned, or logging moved to CloudTrail data events by its owner.
#   references:
#     - https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLogging.html
#     - https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
#     - https://www.elastic.co/guide/en/security/current/aws-s3-bucket-server-access-logging-disabled.html
#   investigation:
#     - Check what the bucket holds and whether its accesses are covered by CloudTrail data events.
#     - Look for reads or deletes on the bucket by the same principal after the change.
#     - Check who made the call, from where, and whether a change ticket covers it.
#   response:
#     - Re-enable server access logging to the logging bucket.
#     - Restrict s3:PutBucketLogging to administrators; monitor with AWS Config rule s3-bucket-logging-enabled.
package tripline.rules.aws.s3.bucket_logging_disabled

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

status := object.get(aws.params(input), "BucketLoggingStatus", {})

logging_enabled if status.LoggingEnabled

trail_bucket := b if b := context.trail_bucket_call(input)

severity := "high" if trail_bucket

else := "medium"

where := sprintf("trail bucket %s", [trail_bucket]) if trail_bucket

else := sprintf("bucket %s", [object.get(aws.params(input), "bucketName", "?")])

alert contains a if {
	input.eventSource == "s3.amazonaws.com"
	input.eventName == "PutBucketLogging"
	not logging_enabled
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s server access logging on %s", [aws.principal_name(input), verb, where]),
		{
			"resources": [object.get(aws.params(input), "bucketName", "")],
			"changes": {"BucketLoggingStatus": status},
			"severity": severity,
		},
	)
}

verb := "disabled" if aws.succeeded(input)

else := "tried to disable"
