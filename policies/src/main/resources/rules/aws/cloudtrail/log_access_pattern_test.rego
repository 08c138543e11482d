package tripline.rules.aws.cloudtrail.log_access_pattern_test

import data.tripline.rules.aws.cloudtrail.log_access_pattern as rule
import rego.v1

dev := {
	"type": "IAMUser",
	"principalId": "AIDAEXAMPLEDEVUSER001",
	"arn": "arn:aws:iam::123456789012:user/dev_user",
	"accountId": "123456789012",
	"userName": "dev_user",
}

rec(name, source, time, params) := {
	"eventVersion": "1.09",
	"userIdentity": dev,
	"eventTime": time,
	"eventSource": source,
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "aws-cli/2.15.30",
	"requestParameters": params,
	"responseElements": null,
	"eventID": sprintf("id-%s", [time]),
	"recipientAccountId": "123456789012",
}

login := {
	"userIdentity": dev,
	"eventTime": "2024-03-14T20:45:00Z",
	"eventSource": "signin.amazonaws.com",
	"eventName": "ConsoleLogin",
	"sourceIPAddress": "185.143.221.89",
	"responseElements": {"ConsoleLogin": "Success"},
	"additionalEventData": {"MFAUsed": "No"},
	"eventID": "login-1",
}

describe := rec("DescribeTrails", "cloudtrail.amazonaws.com", "2024-03-14T21:15:10Z", {"includeShadowTrails": true})

key := "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T1600Z.json"

download := rec("GetObject", "s3.amazonaws.com", "2024-03-14T21:19:15Z", {"bucketName": "company-cloudtrail-logs", "key": key})

batch(records) := {
	"records": records,
	"group": {"userIdentity.arn": dev.arn},
	"window": {"start": records[0].eventTime, "end": records[count(records) - 1].eventTime, "duration": "1h"},
}

test_records_that_take_part if {
	rule.match with input as describe
	rule.match with input as download
	rule.match with input as login
}

test_enumeration_then_download_fires if {
	some a in rule.alert with input as batch([describe, download])
	a.eventIDs == [describe.eventID, download.eventID]
	a.resources == ["company-cloudtrail-logs", key]
	a.principal.name == "dev_user"
	a.severity == "high"
}

test_login_without_mfa_raises_severity if {
	some a in rule.alert with input as batch([login, describe, download])
	a.severity == "critical"
	a.aggravating == {"console sign-in without MFA"}
	not login.eventID in a.eventIDs
}

test_foreign_source_raises_severity if {
	some a in rule.alert with input as batch([describe, download])
		with data.tripline.context.corporate_cidrs as ["192.0.2.0/24"]
	a.aggravating == {"source outside the corporate networks"}
}

test_enumeration_alone_is_quiet if {
	count(rule.alert) == 0 with input as batch([login, describe])
}

test_download_before_enumeration_is_quiet if {
	count(rule.alert) == 0 with input as batch([download, object.union(describe, {"eventTime": "2024-03-14T21:25:00Z"})])
}

test_log_reader_does_not_take_part if {
	auditor := object.union(describe, {"userIdentity": {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::123456789012:assumed-role/SecurityAudit/soc-analyst",
		"sessionContext": {"sessionIssuer": {"arn": "arn:aws:iam::123456789012:role/SecurityAudit", "userName": "SecurityAudit"}},
	}})
	not rule.match with input as auditor with data.tripline.context.log_readers as ["arn:aws:iam::123456789012:role/SecurityAudit"]
}

test_other_bucket_is_not_a_download if {
	app := rec("GetObject", "s3.amazonaws.com", "2024-03-14T21:19:15Z", {"bucketName": "company-app-artifacts", "key": "builds/app.zip"})
	not rule.match with input as app
}

test_exception if {
	ex := {"TRL-CT-010": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"], "source_ips": ["185.143.221.0/24"]}]}
	count(rule.alert) == 0 with input as batch([describe, download]) with data.tripline.exceptions as ex
}
