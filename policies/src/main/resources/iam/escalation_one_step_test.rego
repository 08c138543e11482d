package tripline.iam.checks.escalation_one_step_test

import data.tripline.iam.checks.escalation_one_step

doc := {"principal": {"arn": "arn:aws:iam::123456789012:user/dev_user"}, "adminEquivalent": false, "access": [
	{"category": "privilegeEscalation", "action": "iam:CreatePolicyVersion", "resource": "arn:aws:iam::123456789012:policy/DeveloperAccess",
	 "note": "a policy attached to itself", "withMfa": true, "withoutMfa": true,
	 "statements": [{"policyType": "identity", "policy": "DeveloperAccess", "sid": "Iam", "statementIndex": 4}]},
	{"category": "logRead", "action": "cloudtrail:LookupEvents", "resource": "*", "statements": []},
]}

test_policy_version_on_own_policy_is_reported if {
	findings := escalation_one_step.finding with input as doc
	[f] := [f | some f in findings]
	f.actions == ["iam:CreatePolicyVersion"]
	f.resource == "arn:aws:iam::123456789012:policy/DeveloperAccess"
	contains(f.message, "a policy attached to itself")
}

test_admin_equivalent_is_left_to_the_admin_check if {
	count(escalation_one_step.finding) == 0 with input as object.union(doc, {"adminEquivalent": true})
}
