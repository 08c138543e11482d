# METADATA
# title: Admin-equivalent principal
# description: >-
#   The principal may write any IAM policy (attach to any user, put on any role, create policy
#   versions), so it can grant itself anything, logging included, and is not a designated
#   administrator.
# custom:
#   id: TRL-IAM-005
#   severity: medium
#   risk_score: 65
#   mitre:
#     - {id: T1098.003, version: "18"}
#   tags: [least-privilege, admin]
#   false_positives:
#     - The account's administrator roles; list them in data.tripline.iam.admins or tag them tripline:purpose=admin.
#   references:
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#lock-away-credentials
#   investigation:
#     - List who uses the principal and whether it needs IAM write access.
#   response:
#     - Move administration to one role that requires MFA; remove IAM write access elsewhere.
package tripline.iam.checks.admin_equivalent

import data.tripline.iam.lib.purpose

finding contains f if {
	input.adminEquivalent
	not purpose.admin
	statements := {s | some g in input.wildcardGrants; s := {"policy": g.policy, "sid": object.get(g, "sid", null), "statementIndex": g.statementIndex}}
	f := {
		"message": sprintf("%s is admin-equivalent (it can write any IAM policy) but is not a designated administrator", [input.principal.arn]),
		"principal": input.principal.arn,
		"actions": ["iam:AttachUserPolicy", "iam:CreatePolicyVersion", "iam:PutRolePolicy"],
		"statements": statements,
	}
}
