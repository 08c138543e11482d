package tripline.rules.aws.cloudtrail.advanced_selectors_exclude_test

import data.tripline.rules.aws.cloudtrail.advanced_selectors_exclude as rule
import rego.v1

# AWS publishes no CloudTrail record for PutEventSelectors (the user guide's "Configuring advanced
# event selectors" page shows CLI input and output only); this follows the layout of
# https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
put(selectors) := {
	"eventVersion": "1.09",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDAEXAMPLEADMIN00001",
		"arn": "arn:aws:iam::123456789012:user/admin",
		"accountId": "123456789012",
		"accessKeyId": "AKIAEXAMPLEADMIN0001",
		"userName": "admin",
	},
	"eventTime": "2024-03-15T02:10:00Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": "PutEventSelectors",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64 command/cloudtrail.put-event-selectors",
	"requestParameters": {"trailName": "company-trail", "advancedEventSelectors": selectors},
	"responseElements": {"trailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail", "advancedEventSelectors": selectors},
	"eventID": "4b5c6d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

management := {"field": "eventCategory", "equals": ["Management"]}

# The shipped scenario cloudtrail-advanced-selectors-exclude-iam.
test_management_except_iam_fires if {
	r := put([{"name": "Management events except IAM", "fieldSelectors": [management, {"field": "eventSource", "notEquals": ["iam.amazonaws.com"]}]}])
	some a in rule.alert with input as r
	a.changes == ["selector Management events except IAM: eventSource notEquals iam.amazonaws.com"]
}

test_principal_excluded_fires if {
	r := put([{"fieldSelectors": [management, {"field": "userIdentity.arn", "notStartsWith": ["arn:aws:sts::123456789012:assumed-role/ops"]}]}])
	some a in rule.alert with input as r
	a.changes == ["selector #1: userIdentity.arn notStartsWith arn:aws:sts::123456789012:assumed-role/ops"]
}

test_read_only_management_fires if {
	r := put([{"name": "reads", "fieldSelectors": [management, {"field": "readOnly", "equals": ["true"]}]}])
	some a in rule.alert with input as r
	a.changes == ["selector reads: management events with readOnly true only"]
}

test_data_only_selectors_drop_management if {
	r := put([{"name": "S3 data", "fieldSelectors": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]}])
	some a in rule.alert with input as r
	a.changes == ["no advanced selector records management events"]
}

test_adding_data_events_quiet if {
	r := put([
		{"name": "Management events", "fieldSelectors": [management]},
		{"name": "Log bucket reads", "fieldSelectors": [
			{"field": "eventCategory", "equals": ["Data"]},
			{"field": "resources.type", "equals": ["AWS::S3::Object"]},
			{"field": "resources.ARN", "notStartsWith": ["arn:aws:s3:::company-app-artifacts/"]},
			{"field": "eventName", "notEquals": ["HeadObject"]},
		]},
	])
	count(rule.alert) == 0 with input as r
}

test_basic_selectors_quiet if {
	base := object.remove(put([]), ["requestParameters"])
	r := object.union(base, {"requestParameters": {"trailName": "company-trail", "eventSelectors": [{"includeManagementEvents": false}]}})
	count(rule.alert) == 0 with input as r
}

test_denied_attempt_fires if {
	r := object.union(put([{"fieldSelectors": [management, {"field": "eventSource", "notEquals": ["iam.amazonaws.com"]}]}]), {"errorCode": "AccessDeniedException", "responseElements": null})
	some a in rule.alert with input as r
	a.outcome == "denied"
}

test_exception if {
	ex := {"TRL-CT-008": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	r := put([{"fieldSelectors": [management, {"field": "eventSource", "notEquals": ["iam.amazonaws.com"]}]}])
	count(rule.alert) == 0 with input as r with data.tripline.exceptions as ex
}
