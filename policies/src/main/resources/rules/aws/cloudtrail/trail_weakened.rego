# METADATA
# title: CloudTrail trail settings weakened by UpdateTrail
# description: >-
#   UpdateTrail (cloudtrail.amazonaws.com) that weakens the trail, with `changes` naming each
#   weakened setting: log delivery moved to a bucket that is not a known trail bucket
#   (data.tripline.context.trail_buckets or buckets learned from trail records), global service
#   events, multi-region or organization coverage turned off, log file validation turned off, or
#   the CloudWatch Logs copy, KMS encryption or SNS notification removed (set to ""). Where
#   Elastic's "AWS CloudTrail Log Updated" (TRL-CT-003) fires on every successful update, this rule
#   looks at what changed: an update that only strengthens the trail (validation on, same bucket)
#   stays quiet. Denied attempts fire too: the attempt is the evidence.
# custom:
#   id: TRL-CT-005
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, CloudTrail, Defense Evasion, Log Tampering]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       A planned migration of the trail to a new log bucket before the new bucket is listed in
#       data.tripline.context.trail_buckets: add the bucket there.
#     - A cost reduction that turns a multi-region trail into a single-region one on purpose.
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
#     - https://www.elastic.co/guide/en/security/current/aws-cloudtrail-log-updated.html
#   investigation:
#     - Read `changes`; each entry is a setting the call weakened. A new bucket - who owns it, which account, and what is its policy?
#     - Check whether a change ticket covers the update and whether the principal usually administers trails.
#     - Look at the principal's calls before (DescribeTrails, GetTrail) and after (sensitive IAM writes) the update.
#   response:
#     - Restore the trail's settings (bucket, validation, multi-region, global events, CloudWatch Logs, KMS).
#     - Revoke the principal's sessions and keys if the change was not planned.
#     - Look for activity missing from the account's own bucket since the update and recover it from the other bucket if possible.
package tripline.rules.aws.cloudtrail.trail_weakened

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

# Settings whose value false turns coverage or integrity off.
off_switches := ["includeGlobalServiceEvents", "isMultiRegionTrail", "enableLogFileValidation", "isOrganizationTrail"]

# Settings whose value "" removes a copy, the encryption or the notification.
emptied_settings := ["cloudWatchLogsLogGroupArn", "kmsKeyId", "snsTopicName"]

falsy(v) if v == false

falsy(v) if v == "false"

# weakened(r): the settings an UpdateTrail record weakens, each as a sentence.
weakened(r) := (bucket_change(r) | off_changes(r)) | emptied_changes(r)

bucket_change(r) := {msg |
	bucket := aws.params(r).s3BucketName
	is_string(bucket)
	not context.trail_bucket(r, bucket)
	msg := sprintf("s3BucketName moved to %s, not a known trail bucket", [bucket])
}

off_changes(r) := {msg |
	some setting in off_switches
	falsy(aws.params(r)[setting])
	msg := sprintf("%s set to false", [setting])
}

emptied_changes(r) := {msg |
	some field in emptied_settings
	aws.params(r)[field] == ""
	msg := sprintf("%s removed", [field])
}

update_trail(r) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName == "UpdateTrail"
}

alert contains a if {
	update_trail(input)
	found := weakened(input)
	count(found) > 0
	not exceptions.excepted(rego.metadata.chain(), input)
	trail := object.get(aws.params(input), "name", "")
	a := aws.alert(
		input,
		sprintf("%s %s trail %s: %s", [aws.principal_name(input), verb(input), trail, concat("; ", sort(found))]),
		{
			"resources": array.concat([trail], aws.resource_arns(input)),
			"changes": sort(found),
		},
	)
}

verb(r) := "weakened" if aws.succeeded(r)

else := "tried to weaken"
