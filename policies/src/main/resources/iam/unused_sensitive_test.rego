package tripline.iam.checks.unused_sensitive_test

import data.tripline.iam.checks.unused_sensitive

doc := {
	"principal": {"arn": "arn:aws:iam::123456789012:user/dev_user", "serviceLinked": false},
	"activity": {"from": "2024-03-13T11:20:11Z", "to": "2024-03-15T04:41:10Z", "calls": 153},
	"unusedSensitive": [
		{"category": "logRead", "action": "cloudtrail:GetTrail", "resource": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail",
		 "statements": [{"policyType": "identity", "policy": "DeveloperAccess", "sid": "DebugWithCloudTrail", "statementIndex": 3}]},
		{"category": "logRead", "action": "cloudtrail:ListTrails", "resource": "*",
		 "statements": [{"policyType": "identity", "policy": "DeveloperAccess", "sid": "DebugWithCloudTrail", "statementIndex": 3}]},
	],
}

test_unused_grants_are_reported_with_their_statement if {
	some f in unused_sensitive.finding with input as doc
	f.actions == ["cloudtrail:GetTrail", "cloudtrail:ListTrails"]
	count(f.statements) == 1
	contains(f.message, "2 sensitive permission(s)")
	contains(f.message, "(153 calls)")
}

test_nothing_unused_is_quiet if {
	count(unused_sensitive.finding) == 0 with input as object.union(doc, {"unusedSensitive": []})
}

test_without_an_activity_window_the_check_is_silent if {
	count(unused_sensitive.finding) == 0 with input as {"principal": {"arn": "x", "serviceLinked": false}}
}
