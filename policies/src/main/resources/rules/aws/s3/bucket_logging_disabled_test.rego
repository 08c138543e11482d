package tripline.rules.aws.s3.bucket_logging_disabled_test

import data.tripline.rules.aws.s3.bucket_logging_disabled
import rego.v1

ctx := {"trail_buckets": ["company-cloudtrail-logs"]}

# Logging turned off: an empty BucketLoggingStatus, and the `logging` query parameter every
# PutBucketLogging record carries.
disable := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:03:00Z",
	"eventSource": "s3.amazonaws.com",
	"eventName": "PutBucketLogging",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "[aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/s3api.put-bucket-logging]",
	"requestParameters": {
		"bucketName": "company-cloudtrail-logs",
		"Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com",
		"logging": "",
		"BucketLoggingStatus": {"xmlns": "http://s3.amazonaws.com/doc/2006-03-01/"},
	},
	"responseElements": null,
	"requestID": "9E8D7C6B5A493827",
	"eventID": "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
	"readOnly": false,
	"resources": [{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::company-cloudtrail-logs"}],
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

enable := object.union(disable, {"requestParameters": {"BucketLoggingStatus": {"LoggingEnabled": {"TargetBucket": "company-access-logs", "TargetPrefix": "cloudtrail-bucket/"}}}})

test_disable_on_trail_bucket_fires_high if {
	some a in bucket_logging_disabled.alert with input as disable with data.tripline.context as ctx
	a.severity == "high"
	a.message == "admin disabled server access logging on trail bucket company-cloudtrail-logs"
}

test_disable_on_other_bucket_fires_medium if {
	other := object.union(disable, {"requestParameters": {"bucketName": "company-app-artifacts"}})
	some a in bucket_logging_disabled.alert with input as other with data.tripline.context as ctx
	a.severity == "medium"
}

test_denied_attempt_fires if {
	denied := object.union(disable, {"errorCode": "AccessDenied", "errorMessage": "Access Denied"})
	some a in bucket_logging_disabled.alert with input as denied with data.tripline.context as ctx
	contains(a.message, "tried to disable")
}

# Enabling or retargeting logging carries `logging: ""` too: Panther's key, not ours.
test_enable_logging_quiet if {
	count(bucket_logging_disabled.alert) == 0 with input as enable with data.tripline.context as ctx
}

test_get_bucket_logging_quiet if {
	r := object.union(disable, {"eventName": "GetBucketLogging", "readOnly": true})
	count(bucket_logging_disabled.alert) == 0 with input as r with data.tripline.context as ctx
}

test_exception if {
	exc := {"TRL-S3-007": [{"principals": ["arn:aws:iam::123456789012:user/admin"], "source_ips": ["198.51.100.23"]}]}
	count(bucket_logging_disabled.alert) == 0 with input as disable with data.tripline.context as ctx with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for PutBucketLogging was found in the S3 user guide's
# CloudTrail examples (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html).
