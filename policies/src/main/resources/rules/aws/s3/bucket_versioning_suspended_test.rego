package tripline.rules.aws.s3.bucket_versioning_suspended_test

import data.tripline.rules.aws.s3.bucket_versioning_suspended
import rego.v1

ctx := {"trail_buckets": ["company-cloudtrail-logs"]}

suspend := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:02:00Z",
	"eventSource": "s3.amazonaws.com",
	"eventName": "PutBucketVersioning",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "[aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/s3api.put-bucket-versioning]",
	"requestParameters": {
		"bucketName": "company-cloudtrail-logs",
		"Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com",
		"versioning": "",
		"VersioningConfiguration": {"xmlns": "http://s3.amazonaws.com/doc/2006-03-01/", "Status": "Suspended"},
	},
	"responseElements": null,
	"requestID": "0A1B2C3D4E5F6071",
	"eventID": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
	"readOnly": false,
	"resources": [{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::company-cloudtrail-logs"}],
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

with_config(bucket, cfg) := object.union(object.remove(suspend, ["requestParameters"]), {"requestParameters": {
	"bucketName": bucket,
	"Host": concat("", [bucket, ".s3.us-east-1.amazonaws.com"]),
	"versioning": "",
	"VersioningConfiguration": cfg,
}})

test_suspend_on_trail_bucket_fires_high if {
	some a in bucket_versioning_suspended.alert with input as suspend with data.tripline.context as ctx
	a.severity == "high"
	a.trailBucket == true
	a.message == "admin changed versioning on trail bucket company-cloudtrail-logs: versioning suspended"
}

test_mfa_delete_disabled_fires if {
	r := with_config("company-cloudtrail-logs", {"Status": "Enabled", "MfaDelete": "Disabled"})
	some a in bucket_versioning_suspended.alert with input as r with data.tripline.context as ctx
	contains(a.message, "MFA delete disabled")
}

test_suspend_on_other_bucket_fires_medium if {
	some a in bucket_versioning_suspended.alert with input as with_config("company-app-artifacts", {"Status": "Suspended"}) with data.tripline.context as ctx
	a.severity == "medium"
}

test_denied_attempt_fires if {
	denied := object.union(suspend, {"errorCode": "AccessDenied", "errorMessage": "Access Denied"})
	count(bucket_versioning_suspended.alert) == 1 with input as denied with data.tripline.context as ctx
}

test_enable_versioning_quiet if {
	count(bucket_versioning_suspended.alert) == 0 with input as with_config("company-cloudtrail-logs", {"Status": "Enabled"}) with data.tripline.context as ctx
	count(bucket_versioning_suspended.alert) == 0 with input as with_config("company-cloudtrail-logs", {"Status": "Enabled", "MfaDelete": "Enabled"}) with data.tripline.context as ctx
}

test_read_versioning_quiet if {
	r := object.union(object.remove(suspend, ["requestParameters"]), {"eventName": "GetBucketVersioning", "readOnly": true, "requestParameters": {"bucketName": "company-cloudtrail-logs", "versioning": ""}})
	count(bucket_versioning_suspended.alert) == 0 with input as r with data.tripline.context as ctx
}

test_exception if {
	exc := {"TRL-S3-006": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(bucket_versioning_suspended.alert) == 0 with input as suspend with data.tripline.context as ctx with data.tripline.exceptions as exc
}

# The S3 user guide's CloudTrail examples show GetBucketVersioning but not PutBucketVersioning
# (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html);
# no AWS-published PutBucketVersioning record was found. Record shape: the API's XML body
# (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html) as CloudTrail logs S3 bodies.
