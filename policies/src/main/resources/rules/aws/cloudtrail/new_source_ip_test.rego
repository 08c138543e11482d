package tripline.rules.aws.cloudtrail.new_source_ip_test

import data.tripline.rules.aws.cloudtrail.new_source_ip as rule
import rego.v1

dev := {
	"type": "IAMUser",
	"principalId": "AIDAEXAMPLEDEVUSER001",
	"arn": "arn:aws:iam::123456789012:user/dev_user",
	"accountId": "123456789012",
	"userName": "dev_user",
}

rec(name, time, ip) := {
	"eventVersion": "1.09",
	"userIdentity": dev,
	"eventTime": time,
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": ip,
	"userAgent": "aws-cli/2.15.30",
	"requestParameters": null,
	"responseElements": null,
	"eventID": sprintf("%s-%s", [name, time]),
	"recipientAccountId": "123456789012",
}

batch(records, known) := {
	"records": records,
	"group": {"userIdentity.arn": dev.arn},
	"window": {"start": records[0].eventTime, "end": records[count(records) - 1].eventTime, "duration": "1m"},
	"history": {"sourceIPAddress": known},
}

abroad := rec("DescribeTrails", "2024-03-14T21:15:10Z", "185.143.221.89")

test_records_that_take_part if {
	rule.match with input as abroad
	not rule.match with input as rec("DescribeTrails", "2024-03-14T21:15:10Z", "config.amazonaws.com")
	not rule.match with input as rec("DescribeTrails", "2024-03-14T21:15:10Z", "AWS Internal")
}

test_new_address_fires if {
	some a in rule.alert with input as batch([abroad], ["192.0.2.31"])
	a.changes == {"sourceIPAddress": "185.143.221.89", "known": ["192.0.2.31"]}
}

test_ipv6_address_fires if {
	count(rule.alert) == 1 with input as batch([rec("ListTrails", "2024-03-14T21:15:10Z", "2001:db8::17")], ["192.0.2.31"])
}

test_known_address_quiet if {
	count(rule.alert) == 0 with input as batch([rec("DescribeTrails", "2024-03-14T21:15:10Z", "192.0.2.31")], ["192.0.2.31"])
}

test_no_history_quiet if {
	count(rule.alert) == 0 with input as batch([abroad], [])
}

test_corporate_address_quiet if {
	r := rec("DescribeTrails", "2024-03-14T21:15:10Z", "192.0.2.77")
	count(rule.alert) == 0 with input as batch([r], ["192.0.2.31"]) with data.tripline.context.corporate_cidrs as ["192.0.2.0/24"]
}

test_second_call_from_same_new_address_quiet if {
	first := rec("DescribeTrails", "2024-03-14T21:15:10Z", "185.143.221.89")
	second := rec("GetTrailStatus", "2024-03-14T21:15:45Z", "185.143.221.89")
	count(rule.alert) == 0 with input as batch([first, second], ["192.0.2.31"])
}

test_exception if {
	ex := {"TRL-CT-016": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"], "source_ips": ["185.143.221.0/24"]}]}
	count(rule.alert) == 0 with input as batch([abroad], ["192.0.2.31"]) with data.tripline.exceptions as ex
}
