package tripline.rules.aws.cloudtrail.lake_query_test

import data.tripline.rules.aws.cloudtrail.lake_query as rule
import rego.v1

ctx := {
	"log_readers": ["arn:aws:iam::123456789012:role/SecurityAudit"],
	"admin_roles": ["arn:aws:iam::123456789012:role/CloudAdmin"],
}

# AWS publishes no CloudTrail records for the Lake query APIs (API reference and user guide show
# CLI input and output only); these follow the user guide's log file examples layout.
rec(name, params) := {
	"eventVersion": "1.09",
	"userIdentity": {
		"type": "AssumedRole",
		"principalId": "AROAEXAMPLECIDEPLOY01:gh-actions",
		"arn": "arn:aws:sts::123456789012:assumed-role/ci-deploy/gh-actions",
		"accountId": "123456789012",
		"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/ci-deploy", "userName": "ci-deploy"}},
	},
	"eventTime": "2024-03-14T21:30:00Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "203.0.113.150",
	"userAgent": "Boto3/1.34.60 md/Botocore#1.34.60",
	"requestParameters": params,
	"responseElements": null,
	"eventID": "7e8f9a0b-1c2d-4e4f-9a5b-6c7d8e9f0a1b",
	"readOnly": true,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

sql := "SELECT userIdentity.arn, sourceIPAddress FROM EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE WHERE eventName = 'ConsoleLogin'"

test_start_query_fires if {
	some a in rule.alert with input as rec("StartQuery", {"queryStatement": sql}) with data.tripline.context as ctx
	a.changes == {"queryStatement": sql}
}

test_inventory_fires if {
	count(rule.alert) == 1 with input as rec("ListEventDataStores", {}) with data.tripline.context as ctx
	count(rule.alert) == 1 with input as rec("GenerateQuery", {"prompt": "Show me all console logins", "eventDataStores": ["EXAMPLE"]}) with data.tripline.context as ctx
}

test_denied_query_fires if {
	some a in rule.alert with input as object.union(rec("StartQuery", {"queryStatement": sql}), {"errorCode": "AccessDeniedException"}) with data.tripline.context as ctx
	a.outcome == "denied"
}

test_log_reader_quiet if {
	auditor := {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::123456789012:assumed-role/SecurityAudit/soc-analyst",
		"accountId": "123456789012",
		"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/SecurityAudit", "userName": "SecurityAudit"}},
	}
	count(rule.alert) == 0 with input as object.union(rec("StartQuery", {"queryStatement": sql}), {"userIdentity": auditor}) with data.tripline.context as ctx
}

test_lake_write_quiet if {
	count(rule.alert) == 0 with input as rec("CreateEventDataStore", {"name": "x"}) with data.tripline.context as ctx
}

test_athena_start_query_quiet if {
	r := object.union(rec("StartQueryExecution", {"queryString": "SELECT 1"}), {"eventSource": "athena.amazonaws.com"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_exception if {
	ex := {"TRL-CT-011": [{"principals": ["arn:aws:iam::123456789012:role/ci-deploy"]}]}
	count(rule.alert) == 0 with input as rec("StartQuery", {"queryStatement": sql}) with data.tripline.exceptions as ex
}
