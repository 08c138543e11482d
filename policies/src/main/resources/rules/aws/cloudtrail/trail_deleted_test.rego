package tripline.rules.aws.cloudtrail.trail_deleted_test

import data.tripline.rules.aws.cloudtrail.trail_deleted as rule
import rego.v1

# AWS publishes no CloudTrail record for DeleteTrail (the user guide's log file examples and the
# API reference show none); this record follows the layout of the records on
# https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
delete := {
	"eventVersion": "1.09",
	"userIdentity": {
		"type": "AssumedRole",
		"principalId": "AROAEXAMPLECIDEPLOY01:gh-actions-88213",
		"arn": "arn:aws:sts::123456789012:assumed-role/ci-deploy/gh-actions-88213",
		"accountId": "123456789012",
		"accessKeyId": "ASIAEXAMPLECIDEPLOY1",
		"sessionContext": {
			"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLECIDEPLOY01", "arn": "arn:aws:iam::123456789012:role/ci-deploy", "accountId": "123456789012", "userName": "ci-deploy"},
			"attributes": {"creationDate": "2024-03-15T02:00:00Z", "mfaAuthenticated": "false"},
		},
	},
	"eventTime": "2024-03-15T02:10:00Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": "DeleteTrail",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "203.0.113.150",
	"userAgent": "Boto3/1.34.60 md/Botocore#1.34.60 ua/2.0 os/linux#6.1.0 lang/python#3.11.8",
	"requestParameters": {"name": "company-trail"},
	"responseElements": null,
	"requestID": "7c6b5a49-3827-4f16-a5e4-d3c2b1a09f8e",
	"eventID": "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_trail_fires if {
	some a in rule.alert with input as delete
	a.principal.name == "ci-deploy/gh-actions-88213"
	"company-trail" in a.resources
}

test_denied_delete_trail_fires if {
	some a in rule.alert with input as object.union(delete, {"errorCode": "AccessDeniedException", "errorMessage": "not authorized"})
	a.outcome == "denied"
	contains(a.message, "tried to delete")
}

test_create_trail_quiet if {
	count(rule.alert) == 0 with input as object.union(delete, {"eventName": "CreateTrail"})
}

test_delete_event_data_store_quiet if {
	count(rule.alert) == 0 with input as object.union(delete, {"eventName": "DeleteEventDataStore"})
}

test_other_service_delete_trail_quiet if {
	count(rule.alert) == 0 with input as object.union(delete, {"eventSource": "cloudtrail-data.amazonaws.com"})
}

test_exception if {
	ex := {"TRL-CT-006": [{"principals": ["arn:aws:iam::123456789012:role/ci-deploy"], "source_ips": ["140.82.112.0/20"]}]}
	count(rule.alert) == 0 with input as object.union(delete, {"sourceIPAddress": "140.82.112.5"}) with data.tripline.exceptions as ex
	count(rule.alert) == 1 with input as delete with data.tripline.exceptions as ex
}
