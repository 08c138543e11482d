package tripline.rules.aws.s3.trail_log_objects_deleted_test

import data.tripline.rules.aws.s3.trail_log_objects_deleted
import rego.v1

ctx := {"trail_buckets": ["company-cloudtrail-logs"]}

key := "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T1600Z_a1b2c3d4e5f6a7b8.json.gz"

# Scenario cloudtrail-bucket-deleted, as the simulator writes it (a data event).
delete_object := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:00:25Z",
	"eventSource": "s3.amazonaws.com",
	"eventName": "DeleteObject",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "[aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/s3api.delete-object]",
	"requestParameters": {"bucketName": "company-cloudtrail-logs", "Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com", "key": key},
	"responseElements": null,
	"additionalEventData": {"SignatureVersion": "SigV4", "bytesTransferredIn": 0, "AuthenticationMethod": "AuthHeader", "bytesTransferredOut": 0},
	"requestID": "23FB4BCB0128C407",
	"eventID": "dce4b775-e4a7-4931-8dcb-9753d9237b42",
	"readOnly": false,
	"resources": [
		{"type": "AWS::S3::Object", "ARN": concat("", ["arn:aws:s3:::company-cloudtrail-logs/", key])},
		{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::company-cloudtrail-logs"},
	],
	"eventType": "AwsApiCall",
	"managementEvent": false,
	"recipientAccountId": "123456789012",
	"eventCategory": "Data",
}

test_delete_log_file_fires if {
	some a in trail_log_objects_deleted.alert with input as delete_object with data.tripline.context as ctx
	a.resources == ["company-cloudtrail-logs", key]
}

# Without any context the key layout is enough.
test_delete_log_file_fires_without_context if {
	count(trail_log_objects_deleted.alert) == 1 with input as delete_object
}

test_delete_version_fires if {
	r := object.union(delete_object, {"eventName": "DeleteObjectVersion", "requestParameters": {"versionId": "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"}})
	some a in trail_log_objects_deleted.alert with input as r with data.tripline.context as ctx
	a.versionId == "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"
}

# DeleteObjects (multi-object delete): no key in requestParameters; the objects are in resources[].
test_delete_objects_fires_from_resources if {
	r := object.union(object.remove(delete_object, ["requestParameters"]), {
		"eventName": "DeleteObjects",
		"requestParameters": {"bucketName": "company-cloudtrail-logs", "Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com", "delete": ""},
	})
	count(trail_log_objects_deleted.alert) == 1 with input as r
}

test_denied_delete_fires if {
	denied := object.union(delete_object, {"errorCode": "AccessDenied", "errorMessage": "Access Denied"})
	some a in trail_log_objects_deleted.alert with input as denied with data.tripline.context as ctx
	a.outcome == "denied"
}

test_other_bucket_other_key_quiet if {
	r := object.union(object.remove(delete_object, ["requestParameters", "resources"]), {
		"requestParameters": {"bucketName": "company-app-artifacts", "key": "builds/orders-api-1.4.1.zip"},
		"resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::company-app-artifacts/builds/orders-api-1.4.1.zip"}],
	})
	count(trail_log_objects_deleted.alert) == 0 with input as r with data.tripline.context as ctx
}

# CloudTrail writing a log file, and a read of one, are not deletions.
test_put_and_get_quiet if {
	put := object.union(delete_object, {"eventName": "PutObject", "userIdentity": {"type": "AWSService", "invokedBy": "cloudtrail.amazonaws.com"}})
	count(trail_log_objects_deleted.alert) == 0 with input as put with data.tripline.context as ctx
	count(trail_log_objects_deleted.alert) == 0 with input as object.union(delete_object, {"eventName": "GetObject"}) with data.tripline.context as ctx
}

# A service deleting on the account's behalf (e.g. S3 itself) is not an attacker.
test_aws_service_quiet if {
	svc := object.union(delete_object, {"userIdentity": {"type": "AWSService", "invokedBy": "s3.amazonaws.com"}})
	count(trail_log_objects_deleted.alert) == 0 with input as svc with data.tripline.context as ctx
}

test_exception if {
	exc := {"TRL-S3-005": [{"principals": ["arn:aws:iam::123456789012:user/admin"], "user_agents": ["*command/s3api.delete-object*"]}]}
	count(trail_log_objects_deleted.alert) == 0 with input as delete_object with data.tripline.context as ctx with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for DeleteObject was found in the S3 user guide's CloudTrail
# examples (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html);
# the record above is the simulator's (scenario cloudtrail-bucket-deleted).
