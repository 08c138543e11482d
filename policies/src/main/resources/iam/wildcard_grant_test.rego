package tripline.iam.checks.wildcard_grant_test

import data.tripline.iam.checks.wildcard_grant

doc(grants) := {"principal": {"arn": "arn:aws:iam::123456789012:role/CloudAdmin"}, "wildcardGrants": grants}

test_star_is_reported if {
	some f in wildcard_grant.finding with input as doc([{"policy": "arn:aws:iam::aws:policy/AdministratorAccess", "statementIndex": 0, "actions": ["*"], "notAction": false}])
	f.actions == ["*"]
	f.message == "arn:aws:iam::123456789012:role/CloudAdmin: arn:aws:iam::aws:policy/AdministratorAccess statement #0 grants * on every resource"
}

test_service_wildcards_of_logging_services_are_reported if {
	findings := wildcard_grant.finding with input as doc([{"policy": "P", "sid": "Logs", "statementIndex": 1, "actions": ["s3:*", "CloudTrail:*", "lambda:*"], "notAction": false}])
	[f] := [f | some f in findings]
	f.actions == ["CloudTrail:*", "s3:*"]
}

test_other_service_wildcards_are_quiet if {
	count(wildcard_grant.finding) == 0 with input as doc([{"policy": "P", "statementIndex": 1, "actions": ["lambda:*"], "notAction": false}])
}

test_not_action_is_reported if {
	some f in wildcard_grant.finding with input as doc([{"policy": "P", "statementIndex": 0, "actions": ["iam:*"], "notAction": true}])
	f.actions == ["every action except iam:*"]
}
