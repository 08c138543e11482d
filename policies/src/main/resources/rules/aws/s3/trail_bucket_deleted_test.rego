package tripline.rules.aws.s3.trail_bucket_deleted_test

import data.tripline.rules.aws.s3.trail_bucket_deleted
import rego.v1

ctx := {"trail_buckets": ["company-cloudtrail-logs"]}

delete_bucket := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:00:40Z",
	"eventSource": "s3.amazonaws.com",
	"eventName": "DeleteBucket",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "[aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/s3api.delete-bucket]",
	"requestParameters": {"bucketName": "company-cloudtrail-logs", "Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com"},
	"responseElements": null,
	"additionalEventData": {"SignatureVersion": "SigV4", "bytesTransferredIn": 0, "AuthenticationMethod": "AuthHeader", "bytesTransferredOut": 0},
	"requestID": "6DB6C894B0CF06E0",
	"eventID": "53eb4676-7331-4eb1-8b43-98c444592e5f",
	"readOnly": false,
	"resources": [{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::company-cloudtrail-logs"}],
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_fires if {
	some a in trail_bucket_deleted.alert with input as delete_bucket with data.tripline.context as ctx
	a.resources == ["company-cloudtrail-logs"]
	a.message == "admin deleted trail bucket company-cloudtrail-logs"
}

test_bucket_not_empty_attempt_fires if {
	failed := object.union(delete_bucket, {"errorCode": "BucketNotEmpty", "errorMessage": "The bucket you tried to delete is not empty"})
	some a in trail_bucket_deleted.alert with input as failed with data.tripline.context as ctx
	a.message == "admin tried to delete trail bucket company-cloudtrail-logs (BucketNotEmpty)"
}

test_learned_trail_bucket_fires if {
	learned := object.union(delete_bucket, {"tripline": {"learned": {"trail_buckets": ["company-cloudtrail-logs"]}}})
	count(trail_bucket_deleted.alert) == 1 with input as learned
}

test_other_bucket_quiet if {
	other := object.union(delete_bucket, {"requestParameters": {"bucketName": "company-app-artifacts"}})
	count(trail_bucket_deleted.alert) == 0 with input as other with data.tripline.context as ctx
}

# Deleting the bucket's policy, lifecycle or encryption is another rule's business.
test_other_delete_calls_quiet if {
	count(trail_bucket_deleted.alert) == 0 with input as object.union(delete_bucket, {"eventName": "DeleteBucketPolicy"}) with data.tripline.context as ctx
	count(trail_bucket_deleted.alert) == 0 with input as object.union(delete_bucket, {"eventName": "DeleteBucketEncryption"}) with data.tripline.context as ctx
}

# The bucket name is never a hint: "trail" in a name is not a trail bucket.
test_name_alone_quiet if {
	named := object.union(delete_bucket, {"requestParameters": {"bucketName": "my-cloudtrail-test"}})
	count(trail_bucket_deleted.alert) == 0 with input as named with data.tripline.context as ctx
}

test_exception if {
	exc := {"TRL-S3-004": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(trail_bucket_deleted.alert) == 0 with input as delete_bucket with data.tripline.context as ctx with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for DeleteBucket was found in the S3 user guide's CloudTrail
# examples (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html);
# the record above is the simulator's (scenario cloudtrail-bucket-deleted).
