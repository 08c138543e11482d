package tripline.rules.aws.cloudtrail.log_reader_outside_network_test

import data.tripline.rules.aws.cloudtrail.log_reader_outside_network as rule
import rego.v1

ctx := {
	"log_readers": ["arn:aws:iam::123456789012:role/SecurityAudit"],
	"corporate_cidrs": ["192.0.2.0/24"],
	"trail_buckets": ["company-cloudtrail-logs"],
}

auditor := {
	"type": "AssumedRole",
	"principalId": "AROAEXAMPLEAUDIT0001:botocore-session-1710450000",
	"arn": "arn:aws:sts::123456789012:assumed-role/SecurityAudit/botocore-session-1710450000",
	"accountId": "123456789012",
	"accessKeyId": "ASIAEXAMPLEAUDIT0001",
	"sessionContext": {
		"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEAUDIT0001", "arn": "arn:aws:iam::123456789012:role/SecurityAudit", "accountId": "123456789012", "userName": "SecurityAudit"},
		"attributes": {"creationDate": "2024-03-14T21:00:00Z", "mfaAuthenticated": "false"},
	},
}

# AWS publishes no CloudTrail record for StartQuery or for a GetObject data event (the S3 user
# guide's CloudTrail examples show ListBuckets, PutBucketAcl, GetBucketVersioning and an Outposts
# PutObject); these follow those layouts. Scenario cloudtrail-lake-query-enumeration.
rec(source, name, params) := {
	"eventVersion": "1.09",
	"userIdentity": auditor,
	"eventTime": "2024-03-14T21:20:15Z",
	"eventSource": source,
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "Boto3/1.34.60 md/Botocore#1.34.60",
	"requestParameters": params,
	"responseElements": null,
	"eventID": "8f9a0b1c-2d3e-4f5a-8b6c-7d8e9f0a1b2c",
	"readOnly": true,
	"eventType": "AwsApiCall",
	"recipientAccountId": "123456789012",
}

key := "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T1600Z_a1b2c3d4e5f60718.json.gz"

test_lake_query_from_abroad_fires if {
	r := rec("cloudtrail.amazonaws.com", "StartQuery", {"queryStatement": "SELECT eventName, count(*) FROM EXAMPLE GROUP BY eventName"})
	some a in rule.alert with input as r with data.tripline.context as ctx
	contains(a.message, "CloudTrail Lake")
	a.sourceIPAddress == "185.143.221.89"
}

test_log_download_from_abroad_fires if {
	r := rec("s3.amazonaws.com", "GetObject", {"bucketName": "company-cloudtrail-logs", "key": key})
	some a in rule.alert with input as r with data.tripline.context as ctx
	a.resources == ["company-cloudtrail-logs", key]
}

test_lookup_events_from_abroad_fires if {
	r := rec("cloudtrail.amazonaws.com", "LookupEvents", {"lookupAttributes": [{"attributeKey": "ResourceName", "attributeValue": "x"}]})
	count(rule.alert) == 1 with input as r with data.tripline.context as ctx
}

# A search of the event history is both enumeration and a history read: one alert, no conflict.
test_event_history_search_from_abroad_fires_once if {
	r := rec("cloudtrail.amazonaws.com", "LookupEvents", {"lookupAttributes": [{"attributeKey": "EventName", "attributeValue": "ConsoleLogin"}]})
	some a in rule.alert with input as r with data.tripline.context as ctx
	contains(a.message, "read CloudTrail event history (LookupEvents)")
}

test_from_office_quiet if {
	r := object.union(rec("cloudtrail.amazonaws.com", "StartQuery", {"queryStatement": "SELECT 1"}), {"sourceIPAddress": "192.0.2.60"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_no_corporate_networks_quiet if {
	r := rec("cloudtrail.amazonaws.com", "StartQuery", {"queryStatement": "SELECT 1"})
	count(rule.alert) == 0 with input as r with data.tripline.context as object.remove(ctx, ["corporate_cidrs"])
}

test_non_reader_not_this_rule_quiet if {
	dev := {"type": "IAMUser", "arn": "arn:aws:iam::123456789012:user/dev_user", "accountId": "123456789012", "userName": "dev_user"}
	r := object.union(object.remove(rec("cloudtrail.amazonaws.com", "DescribeTrails", {}), ["userIdentity"]), {"userIdentity": dev})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_other_bucket_quiet if {
	r := rec("s3.amazonaws.com", "GetObject", {"bucketName": "company-app-artifacts", "key": "builds/app.zip"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_service_address_quiet if {
	r := object.union(rec("cloudtrail.amazonaws.com", "DescribeTrails", {}), {"sourceIPAddress": "config.amazonaws.com"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_exception if {
	ex := {"TRL-CT-014": [{"principals": ["arn:aws:iam::123456789012:role/SecurityAudit"], "source_ips": ["185.143.221.0/24"]}]}
	r := rec("cloudtrail.amazonaws.com", "StartQuery", {"queryStatement": "SELECT 1"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx with data.tripline.exceptions as ex
}
