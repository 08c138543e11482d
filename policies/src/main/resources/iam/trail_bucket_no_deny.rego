# METADATA
# title: Trail bucket without an explicit deny for non-auditors
# description: >-
#   A principal that is not a designated log reader or administrator can read a trail bucket:
#   the bucket policy does not deny it explicitly, so any identity policy that grants s3:GetObject
#   on "*" reaches the logs.
# custom:
#   id: TRL-IAM-008
#   severity: medium
#   risk_score: 50
#   mitre:
#     - {id: T1530, version: "18"}
#     - {id: T1654, version: "18"}
#   tags: [cloudtrail, s3, bucket-policy]
#   false_positives:
#     - Log pipelines reading the bucket on purpose; list them in data.tripline.iam.log_readers.
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
#   investigation:
#     - Read the trail bucket's policy (aws s3api get-bucket-policy) and list who reads it in S3 data events.
#   response:
#     - Add a Deny for s3:GetObject and s3:ListBucket with ArnNotLike aws:PrincipalArn listing the auditor roles.
package tripline.iam.checks.trail_bucket_no_deny

import data.tripline.iam.lib.purpose

finding contains f if {
	not purpose.log_reader
	not purpose.admin
	not input.principal.serviceLinked
	some b in input.trailBuckets
	grants := [g |
		some g in input.access
		g.category == "logRead"
		g.action in {"s3:GetObject", "s3:ListBucket"}
		startswith(g.resource, sprintf("arn:aws:s3:::%s", [b.bucket]))
	]
	count(grants) > 0
	actions := purpose.actions(grants)
	f := {
		"message": sprintf("trail bucket %s does not deny %s, who can %s on it", [b.bucket, input.principal.arn, concat(" and ", actions)]),
		"principal": input.principal.arn,
		"bucket": b.bucket,
		"actions": actions,
		"statements": purpose.statements(grants),
	}
}
