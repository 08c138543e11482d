package tripline.rules.aws.cloudtrail.trail_weakened_test

import data.tripline.rules.aws.cloudtrail.trail_weakened as rule
import rego.v1

ctx := {"trail_buckets": ["company-cloudtrail-logs"], "accounts": ["123456789012"]}

update(params) := {
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
	"eventName": "UpdateTrail",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.77",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64 command/cloudtrail.update-trail",
	"requestParameters": params,
	"responseElements": null,
	"requestID": "5d3f6b2a-0c1e-4b7d-9a8f-1e2d3c4b5a69",
	"eventID": "7a1c9e53-2f4d-4c8b-b6e0-93d5f1a2c7e4",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_redirect_to_unknown_bucket_fires if {
	some a in rule.alert with input as update({"name": "company-trail", "s3BucketName": "exfil-trail-logs-7731", "s3KeyPrefix": "ct"}) with data.tripline.context as ctx
	a.changes == ["s3BucketName moved to exfil-trail-logs-7731, not a known trail bucket"]
	"company-trail" in a.resources
}

test_pacu_minimize_lists_every_setting if {
	minimize := update({
		"name": "company-trail",
		"includeGlobalServiceEvents": false,
		"isMultiRegionTrail": false,
		"enableLogFileValidation": false,
		"cloudWatchLogsLogGroupArn": "",
		"kmsKeyId": "",
		"snsTopicName": "",
	})
	some a in rule.alert with input as minimize with data.tripline.context as ctx
	a.changes == [
		"cloudWatchLogsLogGroupArn removed",
		"enableLogFileValidation set to false",
		"includeGlobalServiceEvents set to false",
		"isMultiRegionTrail set to false",
		"kmsKeyId removed",
		"snsTopicName removed",
	]
}

test_denied_attempt_fires if {
	denied := object.union(update({"name": "company-trail", "isMultiRegionTrail": false}), {"errorCode": "AccessDeniedException"})
	some a in rule.alert with input as denied with data.tripline.context as ctx
	contains(a.message, "tried to weaken")
}

test_learned_trail_bucket_is_known if {
	r := object.union(update({"name": "company-trail", "s3BucketName": "org-trail-archive"}), {"tripline": {"learned": {"trail_buckets": ["org-trail-archive"]}}})
	count(rule.alert) == 0 with input as r
}

# The benign twin of seed 003 (scenario cloudtrail-update-trail-change-management).
test_change_managed_validation_on_quiet if {
	count(rule.alert) == 0 with input as update({"name": "company-trail", "s3BucketName": "company-cloudtrail-logs", "enableLogFileValidation": true}) with data.tripline.context as ctx
}

test_strengthening_update_quiet if {
	strengthen := update({
		"name": "company-trail",
		"isMultiRegionTrail": true,
		"includeGlobalServiceEvents": true,
		"kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
	})
	count(rule.alert) == 0 with input as strengthen with data.tripline.context as ctx
}

# Record copied from AWS: "Error code and message log example",
# https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html#error-code-and-error-message
# An UpdateTrail naming only the trail changes nothing: quiet.
aws_doc_update_trail_error := {
	"eventVersion": "1.04",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "EX_PRINCIPAL_ID",
		"arn": "arn:aws:iam::123456789012:user/Alice",
		"accountId": "123456789012",
		"accessKeyId": "EXAMPLE_KEY_ID",
		"userName": "Alice",
	},
	"eventTime": "2016-07-14T19:15:45Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": "UpdateTrail",
	"awsRegion": "us-east-2",
	"sourceIPAddress": "205.251.233.182",
	"userAgent": "aws-cli/1.10.32 Python/2.7.9 Windows/7 botocore/1.4.22",
	"errorCode": "TrailNotFoundException",
	"errorMessage": "Unknown trail: myTrail2 for the user: 123456789012",
	"requestParameters": {"name": "myTrail2"},
	"responseElements": null,
	"requestID": "5d40662a-49f7-11e6-97e4-d9cb6ff7d6a3",
	"eventID": "b7d4398e-b2f0-4faa-9c76-e2d316a8d67f",
	"eventType": "AwsApiCall",
	"recipientAccountId": "123456789012",
}

test_aws_doc_record_name_only_quiet if {
	count(rule.alert) == 0 with input as aws_doc_update_trail_error with data.tripline.context as ctx
}

test_aws_doc_record_with_validation_off_fires if {
	r := object.union(aws_doc_update_trail_error, {"requestParameters": {"name": "myTrail2", "enableLogFileValidation": false}})
	some a in rule.alert with input as r with data.tripline.context as ctx
	a.changes == ["enableLogFileValidation set to false"]
	a.errorCode == "TrailNotFoundException"
}

test_create_trail_quiet if {
	r := object.union(update({"name": "company-trail", "s3BucketName": "exfil-trail-logs-7731"}), {"eventName": "CreateTrail"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_exception if {
	ex := {"TRL-CT-005": [{"principals": ["arn:aws:iam::123456789012:user/admin"], "source_ips": ["198.51.100.77"]}]}
	count(rule.alert) == 0 with input as update({"name": "company-trail", "isMultiRegionTrail": false}) with data.tripline.context as ctx with data.tripline.exceptions as ex
}
