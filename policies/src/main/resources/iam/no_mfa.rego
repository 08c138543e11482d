# METADATA
# title: Log access without MFA
# description: >-
#   The principal may read or tamper with logs with no MFA in the request (a console sign-in
#   without MFA, or long-term access keys). A stolen password or key is then enough, as in
#   SOC-2024-219. Designated readers and admins are not exempt.
# custom:
#   id: TRL-IAM-003
#   severity: high
#   risk_score: 75
#   mitre:
#     - {id: T1078.004, version: "18"}
#     - {id: T1654, version: "18"}
#   tags: [mfa, cloudtrail, credential-access]
#   false_positives:
#     - Machine identities (CI roles, service roles) that cannot use MFA; scope their log access to what they need instead.
#   references:
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
#   investigation:
#     - Check whether the principal has an MFA device and whether it signed in or called APIs without MFA.
#   response:
#     - Add a Deny with NotAction and BoolIfExists aws:MultiFactorAuthPresent false (AWS's self-managed MFA example), or require MFA in the role's trust policy.
package tripline.iam.checks.no_mfa

import data.tripline.iam.lib.purpose

finding contains f if {
	not input.principal.serviceLinked
	grants := [g | some g in input.access; g.category in {"logRead", "logTamper"}; g.withoutMfa]
	count(grants) > 0
	actions := purpose.actions(grants)
	f := {
		"message": sprintf("%s can read or tamper with logs without MFA (%s)", [input.principal.arn, concat(", ", actions)]),
		"principal": input.principal.arn,
		"actions": actions,
		"statements": purpose.statements(grants),
	}
}
