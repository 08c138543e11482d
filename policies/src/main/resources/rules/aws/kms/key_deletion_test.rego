package tripline.rules.aws.kms.key_deletion_test

import data.tripline.rules.aws.kms.key_deletion
import rego.v1

trail_key := "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"

ctx := {"trail_kms_keys": [trail_key]}

# Copied from the KMS developer guide, "ScheduleKeyDeletion" CloudTrail example (single-Region key):
# https://docs.aws.amazon.com/kms/latest/developerguide/ct-schedule-key-deletion.html
aws_doc_schedule := {
	"eventVersion": "1.08",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "EX_PRINCIPAL_ID",
		"arn": "arn:aws:iam::111122223333:user/Alice",
		"accountId": "111122223333",
		"accessKeyId": "EXAMPLE_KEY_ID",
		"userName": "Alice",
	},
	"eventTime": "2021-03-23T18:58:30Z",
	"eventSource": "kms.amazonaws.com",
	"eventName": "ScheduleKeyDeletion",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "192.0.2.0",
	"userAgent": "AWS Internal",
	"requestParameters": {"pendingWindowInDays": 20, "keyId": "1234abcd-12ab-34cd-56ef-1234567890ab"},
	"responseElements": {
		"keyId": "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		"keyState": "PendingDeletion",
		"deletionDate": "Apr 12, 2021 18:58:30 PM",
	},
	"requestID": "ee408f36-ea01-422b-ac14-b0f147c68334",
	"eventID": "3c4226b0-1e81-48a8-a333-7fa5f3cbd118",
	"readOnly": false,
	"resources": [{"accountId": "111122223333", "type": "AWS::KMS::Key", "ARN": "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}],
	"eventType": "AwsApiCall",
	"recipientAccountId": "111122223333",
}

# Scenario kms-key-scheduled-deletion, as the simulator writes it: the trail's key.
disable_trail_key := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:00:30Z",
	"eventSource": "kms.amazonaws.com",
	"eventName": "DisableKey",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/kms.disable-key",
	"requestParameters": {"keyId": trail_key},
	"responseElements": null,
	"requestID": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
	"eventID": "6e7f8a9b-0c1d-4e2f-3a4b-5c6d7e8f9a0b",
	"readOnly": false,
	"resources": [{"accountId": "123456789012", "type": "AWS::KMS::Key", "ARN": trail_key}],
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_aws_doc_schedule_key_deletion_fires if {
	some a in key_deletion.alert with input as aws_doc_schedule
	a.severity == "medium"
	a.trailKey == false
	a.resources == ["arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
	a.message == "Alice scheduled deletion (in 20 days) of KMS key arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

test_disable_trail_key_fires_critical if {
	some a in key_deletion.alert with input as disable_trail_key with data.tripline.context as ctx
	a.severity == "critical"
	a.trailKey == true
	endswith(a.message, "the key that encrypts the CloudTrail logs")
}

# The request names the key by id only; the listed ARN still matches.
test_trail_key_by_id_and_learned if {
	by_id := object.union(object.remove(disable_trail_key, ["resources"]), {"requestParameters": {"keyId": "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"}})
	some a in key_deletion.alert with input as by_id with data.tripline.context as ctx
	a.trailKey == true
	learned := object.union(disable_trail_key, {"tripline": {"learned": {"trail_kms_keys": [trail_key]}}})
	some b in key_deletion.alert with input as learned
	b.severity == "critical"
}

test_denied_attempt_fires if {
	some a in key_deletion.alert with input as object.union(disable_trail_key, {"errorCode": "AccessDeniedException"}) with data.tripline.context as ctx
	contains(a.message, "tried: disabled")
}

test_enable_and_cancel_quiet if {
	count(key_deletion.alert) == 0 with input as object.union(disable_trail_key, {"eventName": "EnableKey"}) with data.tripline.context as ctx
	count(key_deletion.alert) == 0 with input as object.union(disable_trail_key, {"eventName": "CancelKeyDeletion"}) with data.tripline.context as ctx
	count(key_deletion.alert) == 0 with input as object.union(disable_trail_key, {"eventName": "DescribeKey", "readOnly": true}) with data.tripline.context as ctx
}

# The key rotation or deletion AWS performs itself (DeleteKey is an AwsServiceEvent) is not a caller's act.
test_aws_service_quiet if {
	svc := object.union(disable_trail_key, {"userIdentity": {"type": "AWSService", "invokedBy": "kms.amazonaws.com"}})
	count(key_deletion.alert) == 0 with input as svc with data.tripline.context as ctx
	count(key_deletion.alert) == 0 with input as object.union(disable_trail_key, {"eventName": "DeleteKey", "eventType": "AwsServiceEvent"}) with data.tripline.context as ctx
}

test_exception if {
	exc := {"TRL-KMS-001": [{"principals": ["arn:aws:iam::111122223333:user/Alice"], "source_ips": ["192.0.2.0"]}]}
	count(key_deletion.alert) == 0 with input as aws_doc_schedule with data.tripline.exceptions as exc
}

# An alias ARN in the request and the key ARN in resources[]: one key, reported by its ARN.
test_alias_request_reports_key_arn if {
	r := object.union(disable_trail_key, {"requestParameters": {"keyId": "arn:aws:kms:us-east-1:123456789012:alias/cloudtrail"}})
	some a in key_deletion.alert with input as r with data.tripline.context as ctx
	a.resources == [trail_key]
	a.trailKey == true
}
