# METADATA
# title: KMS key disabled or scheduled for deletion (trail keys first)
# description: >-
#   ScheduleKeyDeletion or DisableKey on kms.amazonaws.com, whatever the outcome. Everything
#   encrypted under the key becomes unreadable: for the trail's SSE-KMS key that means every
#   CloudTrail log file, and new deliveries fail. The key is the trail's when its ARN or id is in
#   data.tripline.context.trail_kms_keys or was learned from trail records
#   (input.tripline.learned.trail_kms_keys); the alert is then critical and says so. Calls by AWS
#   services (userIdentity type AWSService) are quiet.
# custom:
#   id: TRL-KMS-001
#   severity: medium
#   risk_score: 63
#   mitre:
#     - {id: T1485, version: "18"}
#     - {id: T1485, version: "19"}
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, KMS, CloudTrail, Data Destruction, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Key clean-up of unused keys by the key administrators (check the key's recent usage in CloudTrail first).
#   references:
#     - https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html
#     - https://docs.aws.amazon.com/kms/latest/developerguide/ct-schedule-key-deletion.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
#   investigation:
#     - Which data does the key protect (trail logs, S3 buckets, EBS, secrets)? Look at its recent Decrypt/GenerateDataKey callers.
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - For a trail key, check GetTrailStatus for delivery errors.
#   response:
#     - CancelKeyDeletion and EnableKey within the waiting period.
#     - Restrict kms:ScheduleKeyDeletion and kms:DisableKey to key administrators; alarm on pending deletion.
package tripline.rules.aws.kms.key_deletion

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

# identifiers: every way the record names the key (request keyId, response keyId, resource ARNs).
identifiers contains k if {
	k := aws.params(input).keyId
	is_string(k)
}

identifiers contains k if {
	k := aws.response(input).keyId
	is_string(k)
}

identifiers contains k if {
	some res in input.resources
	k := res.ARN
}

trail_keys := array.concat(
	object.get(context.ctx, "trail_kms_keys", []),
	object.get(input, ["tripline", "learned", "trail_kms_keys"], []),
)

same_key(listed, id) if listed == id

same_key(listed, id) if endswith(listed, concat("", ["/", id]))

same_key(listed, id) if endswith(id, concat("", ["/", listed]))

trail_key if {
	some listed in trail_keys
	some id in identifiers
	same_key(listed, id)
}

# key: the key's ARN as the record gives it (resources[] first, then the response), else the
# request's keyId (an id, alias or ARN).
key := k if {
	arns := [r.ARN | some r in input.resources; r.type == "AWS::KMS::Key"]
	count(arns) > 0
	k := arns[0]
} else := k if {
	k := aws.response(input).keyId
	is_string(k)
} else := object.get(aws.params(input), "keyId", "")

action := sprintf("scheduled deletion (in %v days) of", [object.get(aws.params(input), "pendingWindowInDays", 30)]) if input.eventName == "ScheduleKeyDeletion"

else := "disabled"

alert contains a if {
	input.eventSource == "kms.amazonaws.com"
	input.eventName in {"ScheduleKeyDeletion", "DisableKey"}
	input.userIdentity.type != "AWSService"
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s%s KMS key %s%s", [aws.principal_name(input), attempt, action, key, trail_text]),
		{
			"resources": [key],
			"trailKey": is_trail_key,
			"severity": severity,
			"changes": object.remove(aws.params(input), ["keyId"]),
		},
	)
}

is_trail_key := true if trail_key

else := false

trail_text := ": the key that encrypts the CloudTrail logs" if trail_key

else := ""

severity := "critical" if trail_key

else := "medium"

attempt := "" if aws.succeeded(input)

else := "tried: "
