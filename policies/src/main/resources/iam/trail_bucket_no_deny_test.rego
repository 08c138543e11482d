package tripline.iam.checks.trail_bucket_no_deny_test

import data.tripline.iam.checks.trail_bucket_no_deny

doc(tags) := {
	"principal": {"arn": "arn:aws:iam::123456789012:user/dev_user", "tags": tags, "serviceLinked": false},
	"trailBuckets": [{"bucket": "company-cloudtrail-logs", "trail": "company-trail", "bucketPolicyKnown": true}],
	"access": [
		{"category": "logRead", "action": "s3:ListBucket", "resource": "arn:aws:s3:::company-cloudtrail-logs",
		 "statements": [{"policyType": "identity", "policy": "DeveloperAccess", "sid": "ReadAllBuckets", "statementIndex": 1}]},
		{"category": "logRead", "action": "cloudtrail:LookupEvents", "resource": "*", "statements": []},
	],
}

test_reader_of_the_trail_bucket_is_reported if {
	some f in trail_bucket_no_deny.finding with input as doc({})
	f.bucket == "company-cloudtrail-logs"
	f.actions == ["s3:ListBucket"]
}

test_auditor_is_quiet if {
	count(trail_bucket_no_deny.finding) == 0 with input as doc({"tripline:purpose": "log-audit"})
}

test_other_buckets_are_quiet if {
	d := object.union(doc({}), {"trailBuckets": [{"bucket": "other-trail-logs", "trail": "t"}]})
	count(trail_bucket_no_deny.finding) == 0 with input as d
}
