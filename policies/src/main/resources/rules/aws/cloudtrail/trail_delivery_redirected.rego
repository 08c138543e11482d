# METADATA
# title: Trail log delivery to a foreign bucket (rogue CreateTrail or redirected UpdateTrail)
# description: >-
#   A copy or the whole of the account's activity log leaves for a bucket the account does not
#   know: CreateTrail delivering to a bucket that is not a known trail bucket (a rogue trail that
#   streams every call to the attacker, while the real trail keeps running), or UpdateTrail moving
#   delivery of an existing trail to such a bucket when the context lists the account's trail
#   buckets and accounts (data.tripline.context.trail_buckets and accounts), so an unknown bucket
#   means a foreign one. Trail buckets are also learned from trail records. Panther's
#   AWS.CloudTrail.Created and Elastic's "AWS CloudTrail Log Created" fire on every new trail;
#   this rule fires on where the logs go. Overlaps TRL-CT-005 for the UpdateTrail case by design
#   (that rule is about the weakening, this one about the exfiltration).
# custom:
#   id: TRL-CT-013
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#     - {id: T1537, version: "18"}
#   tags: [AWS, CloudTrail, Exfiltration, Log Tampering]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       A new trail for a security vendor or a central logging account that is not yet listed in
#       data.tripline.context.trail_buckets: add the bucket there.
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html
#     - https://attack.mitre.org/techniques/T1537/
#   investigation:
#     - Who owns the destination bucket (account, bucket policy)? Is it one of the organization's log archive buckets?
#     - For CreateTrail, was StartLogging called for the new trail, and which events does it select?
#     - Review the principal's other calls, its source IP address and user agent.
#   response:
#     - Delete the rogue trail or restore the original bucket, and confirm logging with GetTrailStatus.
#     - Revoke the principal's sessions and keys; treat all activity since the change as read by the attacker.
package tripline.rules.aws.cloudtrail.trail_delivery_redirected

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

known_inventory if {
	count(object.get(context.ctx, "trail_buckets", [])) > 0
	count(object.get(context.ctx, "accounts", [])) > 0
}

foreign_bucket(r) := bucket if {
	bucket := aws.params(r).s3BucketName
	is_string(bucket)
	bucket != ""
	not context.trail_bucket(r, bucket)
}

finding(r) := sprintf("created a trail delivering to %s, not a known trail bucket", [foreign_bucket(r)]) if {
	r.eventName == "CreateTrail"
}

finding(r) := sprintf("moved log delivery to %s, a bucket outside the account's known trail buckets", [foreign_bucket(r)]) if {
	r.eventName == "UpdateTrail"
	known_inventory
}

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName in {"CreateTrail", "UpdateTrail"}
	what := finding(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	trail := object.get(aws.params(input), "name", "")
	a := aws.alert(
		input,
		sprintf("%s %s%s (trail %s)", [aws.principal_name(input), attempt(input), what, trail]),
		{
			"resources": array.concat([trail, foreign_bucket(input)], aws.resource_arns(input)),
			"changes": {"s3BucketName": foreign_bucket(input)},
		},
	)
}

attempt(r) := "" if aws.succeeded(r)

else := "tried: "
