package tripline.rules.aws.cloudtrail.console_login_then_enumeration_test

import data.tripline.rules.aws.cloudtrail.console_login_then_enumeration as rule
import rego.v1

dev := {
	"type": "IAMUser",
	"principalId": "AIDAEXAMPLEDEVUSER001",
	"arn": "arn:aws:iam::123456789012:user/dev_user",
	"accountId": "123456789012",
	"userName": "dev_user",
}

# The sign-in is AWS's record "IAM user ... signed in without MFA",
# https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
# moved to dev_user, the seed's address and time.
aws_doc_login := {
	"eventVersion": "1.05",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDACKCEVSQ6C2EXAMPLE",
		"arn": "arn:aws:iam::111122223333:user/anaya",
		"accountId": "111122223333",
		"userName": "anaya",
	},
	"eventTime": "2018-08-29T16:24:34Z",
	"eventSource": "signin.amazonaws.com",
	"eventName": "ConsoleLogin",
	"awsRegion": "us-east-2",
	"sourceIPAddress": "192.0.2.0",
	"userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.12; rv:62.0) Gecko/20100101 Firefox/62.0",
	"requestParameters": null,
	"responseElements": {"ConsoleLogin": "Success"},
	"additionalEventData": {"MobileVersion": "No", "LoginTo": "https://console.aws.amazon.com/sns", "MFAUsed": "No"},
	"eventID": "3fcfb182-98f8-4744-bd45-10a395ab61cb",
	"eventType": "AwsConsoleSignin",
}

login := object.union(aws_doc_login, {"userIdentity": dev, "eventTime": "2024-03-14T20:45:00Z", "sourceIPAddress": "185.143.221.89"})

rec(name, time, params) := {
	"eventVersion": "1.09",
	"userIdentity": object.union(dev, {"invokedBy": "signin.amazonaws.com"}),
	"eventTime": time,
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "signin.amazonaws.com",
	"requestParameters": params,
	"responseElements": null,
	"eventID": sprintf("%s-%s", [name, time]),
	"readOnly": true,
	"eventType": "AwsApiCall",
	"recipientAccountId": "123456789012",
}

describe := rec("DescribeTrails", "2024-03-14T21:15:10Z", {"trailNameList": [], "includeShadowTrails": true})

batch(records) := {
	"records": records,
	"group": {"userIdentity.arn": dev.arn},
	"window": {"start": records[0].eventTime, "end": records[count(records) - 1].eventTime, "duration": "1h"},
}

test_records_that_take_part if {
	rule.match with input as login
	rule.match with input as describe
	not rule.match with input as rec("StartLogging", "2024-03-14T21:15:10Z", {"name": "company-trail"})
}

test_login_then_describe_trails_fires if {
	some a in rule.alert with input as batch([login, describe])
	a.eventIDs == [login.eventID, describe.eventID]
	a.calls == ["DescribeTrails"]
	a.severity == "high"
}

test_foreign_address_is_critical if {
	some a in rule.alert with input as batch([login, describe]) with data.tripline.context.corporate_cidrs as ["192.0.2.0/24"]
	a.severity == "critical"
}

test_mfa_login_quiet if {
	mfa := object.union(login, {"additionalEventData": {"MFAUsed": "Yes"}})
	count(rule.alert) == 0 with input as batch([mfa, describe])
}

test_enumeration_before_login_quiet if {
	count(rule.alert) == 0 with input as batch([object.union(describe, {"eventTime": "2024-03-14T20:40:00Z"}), login])
}

test_failed_login_quiet if {
	failed := object.union(login, {"errorMessage": "Failed authentication", "responseElements": {"ConsoleLogin": "Failure"}})
	count(rule.alert) == 0 with input as batch([failed, describe])
}

test_resource_lookup_quiet if {
	lookup := rec("LookupEvents", "2024-03-14T21:16:00Z", {"lookupAttributes": [{"attributeKey": "ResourceName", "attributeValue": "orders-api"}]})
	count(rule.alert) == 0 with input as batch([login, lookup])
}

test_exception if {
	ex := {"TRL-CT-018": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"]}]}
	count(rule.alert) == 0 with input as batch([login, describe]) with data.tripline.exceptions as ex
}
