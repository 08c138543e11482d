# METADATA
# title: Privilege escalation in two steps
# description: >-
#   The principal can assume a role that can itself escalate in one step (or is admin-equivalent
#   through it): two calls from this principal to more permissions.
# custom:
#   id: TRL-IAM-007
#   severity: high
#   risk_score: 75
#   mitre:
#     - {id: T1098.003, version: "18"}
#     - {id: T1550.001, version: "18"}
#   tags: [privilege-escalation, role-chaining]
#   false_positives:
#     - A role meant for administration that the principal assumes with MFA.
#   references:
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
#   investigation:
#     - Check who assumed the role from this principal and what it did.
#   response:
#     - Narrow the role's trust policy, or remove the role's escalation grants.
package tripline.iam.checks.escalation_two_steps

import data.tripline.iam.lib.purpose

finding contains f if {
	not input.adminEquivalent
	some r in input.assumableRoles
	not r.adminEquivalent
	some g in r.escalations
	f := {
		"message": sprintf("%s can assume %s, which can escalate: %s on %s", [input.principal.arn, r.arn, g.action, g.resource]),
		"principal": input.principal.arn,
		"actions": ["sts:AssumeRole", g.action],
		"path": [r.arn, g.resource],
		"statements": purpose.statements([r, g]),
	}
}
