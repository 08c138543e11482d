# METADATA
# title: S3 versioning suspended or MFA delete disabled (trail buckets first)
# description: >-
#   PutBucketVersioning with VersioningConfiguration.Status Suspended or MfaDelete Disabled.
#   Without versioning, deleted or overwritten log files cannot be recovered, so this usually
#   precedes log deletion. Any bucket fires, as Elastic's "AWS S3 Object Versioning Suspended"
#   does; on a trail bucket the alert is raised to high and says so. Fires on denied attempts
#   too (Elastic, Sigma and Splunk are success-only).
# custom:
#   id: TRL-S3-006
#   severity: medium
#   risk_score: 60
#   mitre:
#     - {id: T1490, version: "18"}
#     - {id: T1490, version: "19"}
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, S3, CloudTrail, Versioning, Inhibit System Recovery, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Versioning suspended on a scratch or cost-sensitive bucket (not a trail bucket) by its owner.
#   references:
#     - https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html
#     - https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
#     - https://www.elastic.co/guide/en/security/current/aws-s3-object-versioning-suspended.html
#   investigation:
#     - Check whether the bucket holds logs (trail bucket, Config, access logs) or backups.
#     - Look for deletions on the bucket by the same principal after the change (TRL-S3-005).
#     - Check who made the call, from where, and whether a change ticket covers it.
#   response:
#     - Re-enable versioning (and MFA delete on log buckets) at once.
#     - Restrict s3:PutBucketVersioning on log buckets with an SCP; consider Object Lock.
package tripline.rules.aws.s3.bucket_versioning_suspended

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

config := object.get(aws.params(input), "VersioningConfiguration", {})

changes contains "versioning suspended" if config.Status == "Suspended"

changes contains "MFA delete disabled" if config.MfaDelete == "Disabled"

trail_bucket := b if b := context.trail_bucket_call(input)

is_trail_bucket := true if trail_bucket

else := false

severity := "high" if trail_bucket

else := "medium"

where := sprintf("trail bucket %s", [trail_bucket]) if trail_bucket

else := sprintf("bucket %s", [aws.params(input).bucketName])

alert contains a if {
	input.eventSource == "s3.amazonaws.com"
	input.eventName == "PutBucketVersioning"
	count(changes) > 0
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s on %s: %s", [aws.principal_name(input), verb, where, concat(", ", sort(changes))]),
		{
			"resources": [aws.params(input).bucketName],
			"changes": config,
			"severity": severity,
			"trailBucket": is_trail_bucket,
		},
	)
}

verb := "changed versioning" if aws.succeeded(input)

else := "tried to change versioning"
