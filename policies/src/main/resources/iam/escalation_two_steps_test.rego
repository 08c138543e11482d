package tripline.iam.checks.escalation_two_steps_test

import data.tripline.iam.checks.escalation_two_steps

role(admin, escalations) := {"arn": "arn:aws:iam::123456789012:role/ops", "withoutMfa": true, "adminEquivalent": admin,
	"statements": [{"policyType": "identity", "policy": "Dev", "sid": "AssumeOps", "statementIndex": 2}], "escalations": escalations}

esc := {"category": "privilegeEscalation", "action": "iam:AttachRolePolicy", "resource": "arn:aws:iam::123456789012:role/ops", "note": "itself",
	"statements": [{"policyType": "identity", "policy": "Ops", "sid": "SelfManage", "statementIndex": 0}]}

doc(roles) := {"principal": {"arn": "arn:aws:iam::123456789012:user/dev_user"}, "adminEquivalent": false, "assumableRoles": roles}

test_assumable_role_that_escalates_is_reported if {
	some f in escalation_two_steps.finding with input as doc([role(false, [esc])])
	f.actions == ["sts:AssumeRole", "iam:AttachRolePolicy"]
	f.path == ["arn:aws:iam::123456789012:role/ops", "arn:aws:iam::123456789012:role/ops"]
	count(f.statements) == 2
}

test_assumable_role_without_escalation_is_quiet if {
	count(escalation_two_steps.finding) == 0 with input as doc([role(false, [])])
}

test_admin_role_is_the_one_step_checks_business if {
	count(escalation_two_steps.finding) == 0 with input as doc([role(true, [esc])])
}
