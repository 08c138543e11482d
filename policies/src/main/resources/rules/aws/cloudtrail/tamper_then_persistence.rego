# METADATA
# title: Logging impaired, then sensitive IAM writes by the same principal
# description: >-
#   A principal impairs CloudTrail - StopLogging, DeleteTrail, an UpdateTrail that weakens the
#   trail (TRL-CT-005), PutEventSelectors that drop management events (TRL-CT-007, TRL-CT-008),
#   or deletes or stops a CloudTrail Lake event data store (TRL-CT-012) - and within 15 minutes
#   makes sensitive IAM writes: new users, access keys, console passwords, policy attachments,
#   inline policies, trust policy changes. The order of an intrusion that blinds the account before
#   planting persistence (Stratus cloudtrail-stop, scenario phished-console-to-persistence). The
#   writes are only seen where another trail, an organization trail or an event data store still
#   records them. Denied writes count (the intent is the same).
# custom:
#   id: TRL-CT-017
#   severity: critical
#   risk_score: 99
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#     - {id: T1098.001, version: "18"}
#     - {id: T1136.003, version: "18"}
#   tags: [AWS, CloudTrail, IAM, Defense Evasion, Persistence, Correlation]
#   outcome: any
#   kind: sequence
#   window: 15m
#   group_by: [userIdentity.arn]
#   threshold: 2
#   false_positives:
#     - >-
#       An administrator rebuilding an account's logging and IAM in one change window. Except the
#       administrator and network in data.tripline.exceptions["TRL-CT-017"].
#   references:
#     - https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-stop/
#     - https://attack.mitre.org/techniques/T1562/008/
#     - https://attack.mitre.org/techniques/T1098/001/
#     - https://attack.mitre.org/techniques/T1136/003/
#   investigation:
#     - Treat as an active intrusion. List every write the principal made after the tampering, in every log that still records them.
#     - Identify the new users, keys, passwords and policies, and where the new keys were used.
#   response:
#     - Restore logging first (StartLogging, restore selectors and trail settings).
#     - Disable the principal and every credential it created; remove attached policies and new users.
#     - Revoke all active sessions of the principal and of the users it touched.
package tripline.rules.aws.cloudtrail.tamper_then_persistence

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import data.tripline.rules.aws.cloudtrail.advanced_selectors_exclude
import data.tripline.rules.aws.cloudtrail.event_selectors_reduced
import data.tripline.rules.aws.cloudtrail.lake_tampering
import data.tripline.rules.aws.cloudtrail.trail_weakened
import rego.v1

sensitive_writes := {
	"CreateUser", "CreateAccessKey", "CreateLoginProfile", "UpdateLoginProfile",
	"AttachUserPolicy", "PutUserPolicy", "AttachRolePolicy", "PutRolePolicy",
	"AttachGroupPolicy", "PutGroupPolicy", "AddUserToGroup", "CreateRole",
	"UpdateAssumeRolePolicy", "CreatePolicyVersion", "SetDefaultPolicyVersion",
	"DeactivateMFADevice", "DeleteUserPermissionsBoundary", "DeleteRolePermissionsBoundary",
}

# tamper(r): what the record did to the logging, when it impaired it.
tamper(r) := sprintf("%s %s", [r.eventName, object.get(aws.params(r), "name", "")]) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName in {"StopLogging", "DeleteTrail"}
	aws.succeeded(r)
}

tamper(r) := concat("; ", sort(trail_weakened.weakened(r))) if {
	trail_weakened.update_trail(r)
	aws.succeeded(r)
	count(trail_weakened.weakened(r)) > 0
}

tamper(r) := concat("; ", sort(found)) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName == "PutEventSelectors"
	aws.succeeded(r)
	event_selectors_reduced.selectors(r)
	found := event_selectors_reduced.reduced(r)
	count(found) > 0
}

tamper(r) := concat("; ", sort(found)) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName == "PutEventSelectors"
	aws.succeeded(r)
	not event_selectors_reduced.selectors(r)
	advanced_selectors_exclude.selectors(r)
	found := advanced_selectors_exclude.excluded(r)
	count(found) > 0
}

tamper(r) := concat("; ", sort(found)) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	aws.succeeded(r)
	found := lake_tampering.tampering(r)
	count(found) > 0
}

sensitive_write(r) if {
	r.eventSource == "iam.amazonaws.com"
	r.eventName in sensitive_writes
}

match if {
	input.eventSource == "cloudtrail.amazonaws.com"
	tamper(input)
}

match if {
	input.eventSource == "iam.amazonaws.com"
	sensitive_write(input)
}

alert contains a if {
	some i, first in input.records
	what := tamper(first)
	writes := [w | some j, w in input.records; j > i; sensitive_write(w)]
	count(writes) > 0
	last := input.records[count(input.records) - 1]
	not exceptions.excepted(rego.metadata.chain(), last)
	calls := sort({sprintf("iam:%s", [x.eventName]) | some x in writes})
	targets := sort({t | some y in writes; t := aws.params(y)[k]; k in {"userName", "roleName", "groupName", "policyArn"}})
	a := aws.batch_alert(
		array.concat([first], writes),
		sprintf("%s impaired logging (%s) and then made %d sensitive IAM write(s) within %s: %s", [
			aws.principal_name(last), what, count(writes), input.window.duration, concat(", ", calls),
		]),
		{
			"resources": targets,
			"changes": {"tampering": what, "writes": calls},
		},
	)
}
