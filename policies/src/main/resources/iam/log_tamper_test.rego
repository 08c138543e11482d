package tripline.iam.checks.log_tamper_test

import data.tripline.iam.checks.log_tamper

ci := {
	"principal": {"arn": "arn:aws:iam::123456789012:role/ci-deploy", "type": "role", "tags": {}, "serviceLinked": false},
	"access": [{"category": "logTamper", "action": "cloudtrail:StopLogging", "resource": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail",
		"withMfa": true, "withoutMfa": true, "statements": [{"policyType": "identity", "policy": "Deploy", "sid": "Ops", "statementIndex": 0}]}],
}

test_tampering_is_reported if {
	some f in log_tamper.finding with input as ci
	f.actions == ["cloudtrail:StopLogging"]
	f.statements == {{"policyType": "identity", "policy": "Deploy", "sid": "Ops", "statementIndex": 0}}
}

test_designated_admin_is_not_reported if {
	count(log_tamper.finding) == 0 with input as object.union(ci, {"principal": {"tags": {"tripline:purpose": "admin"}}})
	count(log_tamper.finding) == 0 with input as ci with data.tripline.iam.admins as ["arn:aws:iam::123456789012:role/ci-deploy"]
}

test_log_read_alone_is_not_tampering if {
	count(log_tamper.finding) == 0 with input as object.union(ci, {"access": [{"category": "logRead", "action": "cloudtrail:LookupEvents", "statements": []}]})
}
