# METADATA
# title: Privilege escalation in one step
# description: >-
#   A principal that is not admin-equivalent can gain more permissions in one call: a new version
#   of its own policy, a policy attached to itself, its group or a role it can assume, keys or a
#   password for another user, passing an admin role to a new function, instance or stack, or
#   assuming an admin role.
# custom:
#   id: TRL-IAM-006
#   severity: high
#   risk_score: 85
#   mitre:
#     - {id: T1098.003, version: "18"}
#     - {id: T1098.001, version: "18"}
#   tags: [privilege-escalation, least-privilege]
#   false_positives:
#     - Self-service of one's own credentials is not reported; CreateAccessKey on other users is.
#   references:
#     - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
#   investigation:
#     - Look for the escalation actions by this principal in CloudTrail.
#   response:
#     - Remove the granting statements, or limit them with a permissions boundary.
package tripline.iam.checks.escalation_one_step

import data.tripline.iam.lib.purpose

finding contains f if {
	not input.adminEquivalent
	some g in input.access
	g.category == "privilegeEscalation"
	f := {
		"message": sprintf("%s can escalate: %s on %s (%s)", [input.principal.arn, g.action, g.resource, g.note]),
		"principal": input.principal.arn,
		"actions": [g.action],
		"resource": g.resource,
		"statements": purpose.statements([g]),
	}
}
