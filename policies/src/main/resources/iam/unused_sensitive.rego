# METADATA
# title: Sensitive permissions unused in the activity window
# description: >-
#   The principal holds log-reading, log-tampering or escalation permissions it did not use in
#   the CloudTrail activity given to the audit (--activity). Unused sensitive permissions are
#   what a stolen credential uses first. Only reported when the audit has an activity window.
# custom:
#   id: TRL-IAM-009
#   severity: low
#   risk_score: 35
#   mitre:
#     - {id: T1078.004, version: "18"}
#   tags: [least-privilege, unused-permissions]
#   false_positives:
#     - Break-glass and incident-response permissions that are rarely used on purpose.
#     - A window too short to show the principal's monthly or quarterly tasks.
#   references:
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html
#   investigation:
#     - Check a longer window (tripline iam suggest --activity with more logs) before removing.
#   response:
#     - Remove the granting statements, or replace the policy with the one tripline iam suggest writes.
package tripline.iam.checks.unused_sensitive

import data.tripline.iam.lib.purpose

finding contains f if {
	not input.principal.serviceLinked
	count(input.unusedSensitive) > 0
	actions := purpose.actions(input.unusedSensitive)
	f := {
		"message": sprintf("%s holds %d sensitive permission(s) it did not use in the activity window (%s calls): %s", [
			input.principal.arn, count(actions), format_int(input.activity.calls, 10), concat(", ", actions),
		]),
		"principal": input.principal.arn,
		"actions": actions,
		"statements": purpose.statements(input.unusedSensitive),
	}
}
