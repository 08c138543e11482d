# METADATA
# title: Wildcard grant on every resource
# description: >-
#   An Allow statement grants every action ("*"), every CloudTrail, S3 or IAM action, or
#   everything but a list (NotAction), on every resource.
# custom:
#   id: TRL-IAM-004
#   severity: medium
#   risk_score: 55
#   mitre:
#     - {id: T1078.004, version: "18"}
#   tags: [least-privilege, wildcard]
#   false_positives:
#     - A break-glass administrator role that requires MFA.
#   references:
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
#   investigation:
#     - Run tripline iam suggest for the principal to see which actions it really uses.
#   response:
#     - Replace the wildcard with the actions and resources the principal uses.
package tripline.iam.checks.wildcard_grant

wide := {"*", "cloudtrail:*", "s3:*", "iam:*"}

finding contains f if {
	some w in input.wildcardGrants
	actions := wildcard_actions(w)
	count(actions) > 0
	f := {
		"message": sprintf("%s: %s grants %s on every resource", [input.principal.arn, label(w), concat(", ", actions)]),
		"principal": input.principal.arn,
		"actions": actions,
		"statements": {{"policy": w.policy, "sid": object.get(w, "sid", null), "statementIndex": w.statementIndex}},
	}
}

wildcard_actions(w) := [sprintf("every action except %s", [concat(", ", w.actions)])] if w.notAction

wildcard_actions(w) := sort([a | some a in w.actions; lower(a) in wide]) if not w.notAction

label(w) := sprintf("%s statement %s", [w.policy, w.sid]) if is_string(w.sid)

label(w) := sprintf("%s statement #%d", [w.policy, w.statementIndex]) if not is_string(object.get(w, "sid", null))
