package tripline.rules.aws.cloudtrail.tamper_then_persistence_test

import data.tripline.rules.aws.cloudtrail.tamper_then_persistence as rule
import rego.v1

admin := {
	"type": "IAMUser",
	"principalId": "AIDAEXAMPLEADMIN00001",
	"arn": "arn:aws:iam::123456789012:user/admin",
	"accountId": "123456789012",
	"accessKeyId": "AKIAEXAMPLEADMIN0001",
	"userName": "admin",
}

rec(source, name, time, params) := {
	"eventVersion": "1.09",
	"userIdentity": admin,
	"eventTime": time,
	"eventSource": source,
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8",
	"requestParameters": params,
	"responseElements": null,
	"eventID": sprintf("%s-%s", [name, time]),
	"readOnly": false,
	"eventType": "AwsApiCall",
	"recipientAccountId": "123456789012",
}

batch(records) := {
	"records": records,
	"group": {"userIdentity.arn": admin.arn},
	"window": {"start": records[0].eventTime, "end": records[count(records) - 1].eventTime, "duration": "15m"},
}

stop := rec("cloudtrail.amazonaws.com", "StopLogging", "2024-03-15T02:10:00Z", {"name": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail"})

# The IAM write is the record AWS publishes: "IAM log examples", CreateUser (Alice creates Bob),
# https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html#cloudtrail-log-file-examples-iam
# with its principal and time moved into the sequence.
aws_doc_create_user := {
	"eventVersion": "1.0",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "EX_PRINCIPAL_ID",
		"arn": "arn:aws:iam::123456789012:user/Alice",
		"accountId": "123456789012",
		"accessKeyId": "EXAMPLE_KEY_ID",
		"userName": "Alice",
	},
	"eventTime": "2014-03-24T21:11:59Z",
	"eventSource": "iam.amazonaws.com",
	"eventName": "CreateUser",
	"awsRegion": "us-east-2",
	"sourceIPAddress": "127.0.0.1",
	"userAgent": "aws-cli/1.3.2 Python/2.7.5 Windows/7",
	"requestParameters": {"userName": "Bob"},
	"responseElements": {"user": {
		"createDate": "Mar 24, 2014 9:11:59 PM",
		"userName": "Bob",
		"arn": "arn:aws:iam::123456789012:user/Bob",
		"path": "/",
		"userId": "EXAMPLEUSERID",
	}},
}

create_user := object.union(aws_doc_create_user, {"userIdentity": admin, "eventTime": "2024-03-15T02:11:00Z", "eventID": "create-user"})

create_key := rec("iam.amazonaws.com", "CreateAccessKey", "2024-03-15T02:11:10Z", {"userName": "Bob"})

test_records_that_take_part if {
	rule.match with input as stop
	rule.match with input as create_user
	not rule.match with input as rec("cloudtrail.amazonaws.com", "StartLogging", "2024-03-15T02:10:00Z", {"name": "company-trail"})
}

test_stop_logging_then_new_user_and_key_fires if {
	some a in rule.alert with input as batch([stop, create_user, create_key])
	a.eventIDs == [stop.eventID, "create-user", create_key.eventID]
	a.resources == ["Bob"]
	a.changes.writes == ["iam:CreateAccessKey", "iam:CreateUser"]
}

test_weakening_update_then_policy_fires if {
	update := rec("cloudtrail.amazonaws.com", "UpdateTrail", "2024-03-15T02:10:00Z", {"name": "company-trail", "isMultiRegionTrail": false})
	attach := rec("iam.amazonaws.com", "AttachUserPolicy", "2024-03-15T02:12:00Z", {"userName": "Bob", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})
	some a in rule.alert with input as batch([update, attach])
	a.changes.tampering == "isMultiRegionTrail set to false"
}

test_advanced_selectors_then_user_fires if {
	put := rec("cloudtrail.amazonaws.com", "PutEventSelectors", "2024-03-15T02:10:00Z", {"trailName": "company-trail", "advancedEventSelectors": [{"name": "x", "fieldSelectors": [{"field": "eventCategory", "equals": ["Management"]}, {"field": "eventSource", "notEquals": ["iam.amazonaws.com"]}]}]})
	count(rule.alert) == 1 with input as batch([put, create_user])
}

test_writes_before_tampering_quiet if {
	count(rule.alert) == 0 with input as batch([object.union(create_user, {"eventTime": "2024-03-15T02:09:00Z"}), stop])
}

test_denied_stop_logging_quiet if {
	denied := object.union(stop, {"errorCode": "AccessDenied"})
	count(rule.alert) == 0 with input as batch([denied, create_user])
}

test_benign_update_then_user_quiet if {
	update := rec("cloudtrail.amazonaws.com", "UpdateTrail", "2024-03-15T02:10:00Z", {"name": "company-trail", "enableLogFileValidation": true})
	count(rule.alert) == 0 with input as batch([update, create_user]) with data.tripline.context.trail_buckets as ["company-cloudtrail-logs"]
}

test_exception if {
	ex := {"TRL-CT-017": [{"principals": ["arn:aws:iam::123456789012:user/admin"], "source_ips": ["198.51.100.0/24"]}]}
	count(rule.alert) == 0 with input as batch([stop, create_key]) with data.tripline.exceptions as ex
}
