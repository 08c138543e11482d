# METADATA
# title: Principal can read CloudTrail logs
# description: >-
#   The principal may read CloudTrail logs (event history, Lake queries, trail settings, or the
#   log files in the trail bucket) but is neither a designated log reader nor a designated
#   administrator. Whoever reads the logs
#   learns what is logged and what would raise an alert, as the phished developer of
#   SOC-2024-219 did.
# custom:
#   id: TRL-IAM-001
#   severity: medium
#   risk_score: 60
#   mitre:
#     - {id: T1654, version: "18"}
#   tags: [cloudtrail, log-access, least-privilege]
#   false_positives:
#     - A security or operations team that reads logs on purpose; list it in data.tripline.iam.log_readers or tag it tripline:purpose=log-audit.
#   references:
#     - https://attack.mitre.org/techniques/T1654/
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/security_iam_id-based-policy-examples.html
#   investigation:
#     - Check whether the principal's work needs event history or the log files (tripline iam suggest shows what it used).
#     - Look for LookupEvents and GetObject on the trail bucket by this principal in CloudTrail.
#   response:
#     - Remove the granting statements listed in the finding, or scope them away from cloudtrail:* and the trail bucket.
#     - Grant log reading to a dedicated auditor role that requires MFA.
package tripline.iam.checks.log_read

import data.tripline.iam.lib.purpose

finding contains f if {
	not purpose.log_reader
	not purpose.admin
	not input.principal.serviceLinked
	grants := [g | some g in input.access; g.category == "logRead"]
	count(grants) > 0
	actions := purpose.actions(grants)
	f := {
		"message": sprintf("%s can read CloudTrail logs (%s) but is neither a designated log reader nor an administrator", [input.principal.arn, concat(", ", actions)]),
		"principal": input.principal.arn,
		"actions": actions,
		"statements": purpose.statements(grants),
	}
}
