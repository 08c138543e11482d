package tripline.rules.aws.cloudtrail.event_history_search_test

import data.tripline.rules.aws.cloudtrail.event_history_search as rule
import rego.v1

ctx := {"log_readers": ["arn:aws:iam::123456789012:role/SecurityAudit"]}

# AWS publishes no CloudTrail record for LookupEvents (API reference and user guide show CLI output
# only); this is the seed's 16:16:22 EST search, after the user guide's log file examples layout.
lookup(attrs) := {
	"eventVersion": "1.09",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDAEXAMPLEDEVUSER001",
		"arn": "arn:aws:iam::123456789012:user/dev_user",
		"accountId": "123456789012",
		"accessKeyId": "AKIAEXAMPLEDEVUSER01",
		"userName": "dev_user",
	},
	"eventTime": "2024-03-14T21:16:22Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": "LookupEvents",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Windows/10 exe/AMD64 prompt/off command/cloudtrail.lookup-events",
	"requestParameters": {"maxResults": 50, "lookupAttributes": attrs},
	"responseElements": null,
	"eventID": "0f9e8d7c-6b5a-4493-8271-6a5b4c3d2e1f",
	"readOnly": true,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_search_for_user_fires if {
	some a in rule.alert with input as lookup([{"attributeKey": "Username", "attributeValue": "admin"}]) with data.tripline.context as ctx
	a.changes == {"lookupAttributes": ["Username=admin"]}
}

test_search_for_create_user_fires if {
	count(rule.alert) == 1 with input as lookup([{"attributeKey": "EventName", "attributeValue": "CreateUser"}]) with data.tripline.context as ctx
}

test_denied_search_fires if {
	r := object.union(lookup([{"attributeKey": "AccessKeyId", "attributeValue": "AKIAEXAMPLEADMIN0001"}]), {"errorCode": "AccessDeniedException"})
	some a in rule.alert with input as r with data.tripline.context as ctx
	contains(a.message, "refused")
}

test_resource_lookup_quiet if {
	count(rule.alert) == 0 with input as lookup([{"attributeKey": "ResourceName", "attributeValue": "orders-api"}]) with data.tripline.context as ctx
}

test_log_reader_quiet if {
	auditor := object.union(lookup([{"attributeKey": "EventName", "attributeValue": "ConsoleLogin"}]), {"userIdentity": {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::123456789012:assumed-role/SecurityAudit/soc-analyst",
		"accountId": "123456789012",
		"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/SecurityAudit", "userName": "SecurityAudit"}},
	}})
	count(rule.alert) == 0 with input as auditor with data.tripline.context as ctx
}

test_describe_trails_quiet if {
	count(rule.alert) == 0 with input as object.union(lookup([]), {"eventName": "DescribeTrails"}) with data.tripline.context as ctx
}

test_exception if {
	ex := {"TRL-CT-002": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"]}]}
	count(rule.alert) == 0 with input as lookup([{"attributeKey": "Username", "attributeValue": "admin"}]) with data.tripline.exceptions as ex
}
