package tripline.rules.aws.s3.trail_bucket_lifecycle_test

import data.tripline.rules.aws.s3.trail_bucket_lifecycle
import rego.v1

ctx := {"trail_buckets": ["company-cloudtrail-logs"]}

# As the simulator (scenario cloudtrail-bucket-lifecycle-one-day) and CloudTrail write it: the
# XML body under LifecycleConfiguration, one Rule as an object.
one_day := {
	"eventVersion": "1.10",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDAQVCHOMI4PODP5T4P5",
		"arn": "arn:aws:iam::123456789012:user/admin",
		"accountId": "123456789012",
		"accessKeyId": "AKIAKW2OTOV4VZWXCXBN",
		"userName": "admin",
	},
	"eventTime": "2024-03-14T14:00:20Z",
	"eventSource": "s3.amazonaws.com",
	"eventName": "PutBucketLifecycle",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "[aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/s3api.put-bucket-lifecycle-configuration]",
	"requestParameters": {
		"bucketName": "company-cloudtrail-logs",
		"Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com",
		"lifecycle": "",
		"LifecycleConfiguration": {
			"xmlns": "http://s3.amazonaws.com/doc/2006-03-01/",
			"Rule": {"ID": "nuke-cloudtrail-logs-after-1-day", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 1}},
		},
	},
	"responseElements": null,
	"requestID": "7C2B6A1F0E9D8C7B",
	"eventID": "9b4f0c2e-3d1a-4e5b-8c7d-6f5e4d3c2b1a",
	"readOnly": false,
	"resources": [{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::company-cloudtrail-logs"}],
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

# object.union merges objects recursively: replace requestParameters whole.
with_rules(rules) := object.union(object.remove(one_day, ["requestParameters"]), {"requestParameters": {
	"bucketName": "company-cloudtrail-logs",
	"Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com",
	"lifecycle": "",
	"LifecycleConfiguration": {"xmlns": "http://s3.amazonaws.com/doc/2006-03-01/", "Rule": rules},
}})

test_one_day_expiration_fires if {
	some a in trail_bucket_lifecycle.alert with input as one_day with data.tripline.context as ctx
	a.resources == ["company-cloudtrail-logs"]
	a.severity == "high"
	a.changes.findings == ["rule nuke-cloudtrail-logs-after-1-day expires objects after 1 day(s)"]
}

# Days written as a string, several rules, the short one among them.
test_rule_list_and_string_days_fire if {
	rules := [
		{"ID": "glacier", "Status": "Enabled", "Filter": {"Prefix": ""}, "Transition": {"Days": "30", "StorageClass": "GLACIER"}},
		{"ID": "short", "Status": "Enabled", "Filter": {"Prefix": "AWSLogs/"}, "Expiration": {"Days": "90"}},
	]
	some a in trail_bucket_lifecycle.alert with input as with_rules(rules) with data.tripline.context as ctx
	a.changes.findings == ["rule short expires objects after 90 day(s)"]
}

test_short_noncurrent_expiration_fires if {
	rules := {"ID": "nc", "Status": "Enabled", "Filter": {}, "NoncurrentVersionExpiration": {"NoncurrentDays": 1}}
	count(trail_bucket_lifecycle.alert) == 1 with input as with_rules(rules) with data.tripline.context as ctx
}

test_expiration_date_soon_fires if {
	rules := {"ID": "date", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Date": "2024-03-16T00:00:00Z"}}
	count(trail_bucket_lifecycle.alert) == 1 with input as with_rules(rules) with data.tripline.context as ctx
}

test_denied_attempt_fires if {
	denied := object.union(one_day, {"errorCode": "AccessDenied", "errorMessage": "Access Denied"})
	some a in trail_bucket_lifecycle.alert with input as denied with data.tripline.context as ctx
	contains(a.message, "attempted to put")
}

# A prefix outside CloudTrail's layout still alerts (the rule is on the trail bucket) but lower.
test_other_prefix_lower_severity if {
	rules := {"ID": "athena-results", "Status": "Enabled", "Filter": {"Prefix": "athena-results/"}, "Expiration": {"Days": 7}}
	some a in trail_bucket_lifecycle.alert with input as with_rules(rules) with data.tripline.context as ctx
	a.severity == "medium"
}

test_two_year_retention_quiet if {
	rules := {"ID": "retention-2y", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 730}}
	count(trail_bucket_lifecycle.alert) == 0 with input as with_rules(rules) with data.tripline.context as ctx
}

test_glacier_transition_only_quiet if {
	rules := {"ID": "to-glacier", "Status": "Enabled", "Filter": {"Prefix": ""}, "Transition": {"Days": 30, "StorageClass": "GLACIER"}}
	count(trail_bucket_lifecycle.alert) == 0 with input as with_rules(rules) with data.tripline.context as ctx
}

test_disabled_rule_quiet if {
	rules := {"ID": "off", "Status": "Disabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 1}}
	count(trail_bucket_lifecycle.alert) == 0 with input as with_rules(rules) with data.tripline.context as ctx
}

test_other_bucket_quiet if {
	other := object.union(one_day, {"requestParameters": {"bucketName": "company-app-artifacts"}})
	count(trail_bucket_lifecycle.alert) == 0 with input as other with data.tripline.context as ctx
}

test_exception if {
	exc := {"TRL-S3-002": [{"principals": ["arn:aws:iam::123456789012:user/admin"], "source_ips": ["198.51.100.23"]}]}
	count(trail_bucket_lifecycle.alert) == 0 with input as one_day with data.tripline.context as ctx with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for PutBucketLifecycle was found: the S3 user guide's CloudTrail
# examples (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html)
# open with ListBuckets, PutBucketAcl and GetBucketVersioning. The record above follows the
# simulator, which writes the XML body as CloudTrail does for other S3 configuration calls.
