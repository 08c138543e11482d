package tripline.iam.checks.log_read_test

import data.tripline.iam.checks.log_read

dev := {
	"principal": {"arn": "arn:aws:iam::123456789012:user/dev_user", "type": "user", "tags": {}, "serviceLinked": false},
	"access": [
		{"category": "logRead", "action": "cloudtrail:LookupEvents", "resource": "*", "withMfa": true, "withoutMfa": true,
		 "statements": [{"policyType": "identity", "policy": "DeveloperAccess", "sid": "DebugWithCloudTrail", "statementIndex": 3}]},
		{"category": "logRead", "action": "s3:GetObject", "resource": "arn:aws:s3:::company-cloudtrail-logs/AWSLogs/x", "withMfa": true,
		 "withoutMfa": true, "statements": [{"policyType": "identity", "policy": "DeveloperAccess", "sid": "ReadAllBuckets", "statementIndex": 1}]},
	],
}

test_developer_reading_logs_is_reported if {
	some f in log_read.finding with input as dev
	f.principal == "arn:aws:iam::123456789012:user/dev_user"
	f.actions == ["cloudtrail:LookupEvents", "s3:GetObject"]
	count(f.statements) == 2
	contains(f.message, "neither a designated log reader nor an administrator")
}

test_tagged_auditor_is_not_reported if {
	count(log_read.finding) == 0 with input as object.union(dev, {"principal": {"tags": {"tripline:purpose": "log-audit"}}})
}

test_listed_log_reader_is_not_reported if {
	count(log_read.finding) == 0 with input as dev with data.tripline.iam.log_readers as ["arn:aws:iam::123456789012:user/dev_user"]
}

test_service_linked_role_is_not_reported if {
	count(log_read.finding) == 0 with input as object.union(dev, {"principal": {"serviceLinked": true}})
}

test_no_log_access_no_finding if {
	count(log_read.finding) == 0 with input as object.union(dev, {"access": []})
}

test_designated_admin_is_not_reported if {
	count(log_read.finding) == 0 with input as object.union(dev, {"principal": {"tags": {"tripline:purpose": "admin"}}})
}
