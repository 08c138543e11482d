package tripline.opa_test

import data.tripline.opa
import rego.v1

dev := {
	"type": "IAMUser",
	"arn": "arn:aws:iam::123456789012:user/dev_user",
	"accountId": "123456789012",
	"userName": "dev_user",
}

update := {
	"userIdentity": dev,
	"eventTime": "2024-03-14T21:16:10Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": "UpdateTrail",
	"sourceIPAddress": "185.143.221.89",
	"requestParameters": {"name": "t", "s3BucketName": "elsewhere"},
	"responseElements": {"name": "t", "s3BucketName": "elsewhere"},
	"eventID": "e1",
}

describe := {
	"userIdentity": dev,
	"eventTime": "2024-03-14T21:15:10Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": "DescribeTrails",
	"sourceIPAddress": "185.143.221.89",
	"requestParameters": {"includeShadowTrails": true},
	"responseElements": null,
	"eventID": "e2",
}

quiet := {"userIdentity": dev, "eventSource": "s3.amazonaws.com", "eventName": "ListBuckets", "eventID": "e3"}

test_one_verdict_per_record_in_order if {
	verdicts := opa.batch with input as {"records": [update, quiet, describe]}
	count(verdicts) == 3
	some a in verdicts[0].alerts["tripline.rules.aws.cloudtrail.trail_updated"]
	a.eventID == "e1"
	not "tripline.rules.aws.cloudtrail.log_access_pattern" in verdicts[0].matched
	verdicts[1].alerts == {}
	"tripline.rules.aws.cloudtrail.log_access_pattern" in verdicts[2].matched
	not verdicts[2].alerts["tripline.rules.aws.cloudtrail.trail_updated"]
}

test_each_record_is_the_rules_input if {
	verdicts := opa.batch with input as {"records": [update, update]}
	verdicts[0] == verdicts[1]
	verdicts[0].alerts["tripline.rules.aws.cloudtrail.trail_updated"] == data.tripline.rules.aws.cloudtrail.trail_updated.alert with input as update
}

test_an_empty_batch_has_no_verdicts if {
	opa.batch == [] with input as {"records": []}
}
