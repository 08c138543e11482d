# METADATA
# title: Principal can tamper with logging
# description: >-
#   The principal may stop, delete or redirect the trail, change its bucket, key or log group, or
#   switch off GuardDuty, Config, EventBridge alert rules or leave the organization, and is not a
#   designated administrator.
# custom:
#   id: TRL-IAM-002
#   severity: high
#   risk_score: 80
#   mitre:
#     - {id: T1562.008, version: "18"}
#   tags: [cloudtrail, defense-evasion, least-privilege]
#   false_positives:
#     - Administrators who manage logging through change management; list them in data.tripline.iam.admins or tag them tripline:purpose=admin.
#   references:
#     - https://attack.mitre.org/techniques/T1562/008/
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html
#   investigation:
#     - Check who uses this principal and whether it ever changed trails, buckets, detectors or rules.
#   response:
#     - Remove the granting statements; protect the trail with an SCP that denies these actions to everyone but an admin role.
package tripline.iam.checks.log_tamper

import data.tripline.iam.lib.purpose

finding contains f if {
	not purpose.admin
	not input.principal.serviceLinked
	grants := [g | some g in input.access; g.category == "logTamper"]
	count(grants) > 0
	actions := purpose.actions(grants)
	f := {
		"message": sprintf("%s can tamper with logging (%s)", [input.principal.arn, concat(", ", actions)]),
		"principal": input.principal.arn,
		"actions": actions,
		"statements": purpose.statements(grants),
	}
}
