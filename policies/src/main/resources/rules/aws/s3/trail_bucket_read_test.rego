package tripline.rules.aws.s3.trail_bucket_read_test

import data.tripline.rules.aws.s3.trail_bucket_read
import rego.v1

ctx := {
	"trail_buckets": ["company-cloudtrail-logs"],
	"log_readers": ["arn:aws:iam::123456789012:role/SecurityAudit"],
	"corporate_cidrs": ["192.0.2.0/24"],
}

log_key := "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T1600Z_a1b2c3d4e5f6a7b8.json.gz"

# The seed incident's download: dev_user, from Bulgaria, GetObject on a log file (S3 data event).
download := {
	"eventVersion": "1.10",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDAXQB5C7Q5FWRRYJKCF",
		"arn": "arn:aws:iam::123456789012:user/dev_user",
		"accountId": "123456789012",
		"accessKeyId": "ASIAJZNVFZS4ZWCX6D5I",
		"userName": "dev_user",
		"sessionContext": {"attributes": {"creationDate": "2024-03-14T20:45:00Z", "mfaAuthenticated": "false"}},
	},
	"eventTime": "2024-03-14T21:19:15Z",
	"eventSource": "s3.amazonaws.com",
	"eventName": "GetObject",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10.219-186.866.amzn2int.x86_64]",
	"requestParameters": {
		"bucketName": "company-cloudtrail-logs",
		"Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com",
		"key": log_key,
	},
	"responseElements": null,
	"additionalEventData": {"SignatureVersion": "SigV4", "bytesTransferredIn": 0, "AuthenticationMethod": "AuthHeader", "bytesTransferredOut": 2684354},
	"requestID": "1CFEF349E9C9A02F",
	"eventID": "f5a99ca3-adba-48c9-857d-ac0143d6099d",
	"readOnly": true,
	"resources": [
		{"type": "AWS::S3::Object", "ARN": concat("", ["arn:aws:s3:::company-cloudtrail-logs/", log_key])},
		{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::company-cloudtrail-logs"},
	],
	"eventType": "AwsApiCall",
	"managementEvent": false,
	"recipientAccountId": "123456789012",
	"eventCategory": "Data",
}

list_logs := object.union(download, {
	"eventName": "ListObjects",
	"requestParameters": {"bucketName": "company-cloudtrail-logs", "Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com", "prefix": "AWSLogs/123456789012/CloudTrail/", "delimiter": "/"},
	"additionalEventData": {"bytesTransferredOut": 0},
	"resources": [{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::company-cloudtrail-logs"}],
})

auditor := {
	"type": "AssumedRole",
	"principalId": "AROAOYRNWRTGRLTVDDYTQ:soc-analyst",
	"arn": "arn:aws:sts::123456789012:assumed-role/SecurityAudit/soc-analyst",
	"accountId": "123456789012",
	"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/SecurityAudit", "userName": "SecurityAudit"}},
}

test_developer_download_fires if {
	some a in trail_bucket_read.alert with input as download with data.tripline.context as ctx
	a.principal.name == "dev_user"
	a.sourceIPAddress == "185.143.221.89"
	a.resources == ["company-cloudtrail-logs", log_key]
	a.bytesTransferredOut == 2684354
	contains(a.message, "called GetObject")
}

test_list_objects_fires if {
	count(trail_bucket_read.alert) == 1 with input as list_logs with data.tripline.context as ctx
}

# Without context the bucket is still recognised from CloudTrail's key layout.
test_download_fires_without_context if {
	count(trail_bucket_read.alert) == 1 with input as download
}

# A refused read is an attacker probing the bucket: it fires, worded as an attempt.
test_denied_download_fires if {
	denied := object.union(download, {"errorCode": "AccessDenied", "errorMessage": "Access Denied"})
	some a in trail_bucket_read.alert with input as denied with data.tripline.context as ctx
	a.outcome == "denied"
	contains(a.message, "attempted GetObject")
}

# Athena reading the logs for a user: the user is behind it, the read counts.
test_read_through_athena_fires if {
	athena := object.union(download, {"userIdentity": object.union(download.userIdentity, {"invokedBy": "athena.amazonaws.com"})})
	some a in trail_bucket_read.alert with input as athena with data.tripline.context as ctx
	contains(a.message, "via athena.amazonaws.com")
}

test_log_reader_quiet if {
	count(trail_bucket_read.alert) == 0 with input as object.union(download, {"userIdentity": auditor, "sourceIPAddress": "192.0.2.60"}) with data.tripline.context as ctx
}

# CloudTrail delivering a log file (PutObject by the service) and Config reading the bucket.
test_aws_services_quiet if {
	delivery := object.union(download, {
		"eventName": "PutObject",
		"userIdentity": {"type": "AWSService", "invokedBy": "cloudtrail.amazonaws.com"},
		"sourceIPAddress": "cloudtrail.amazonaws.com",
		"userAgent": "cloudtrail.amazonaws.com",
		"readOnly": false,
	})
	count(trail_bucket_read.alert) == 0 with input as delivery with data.tripline.context as ctx
	service_read := object.union(download, {"userIdentity": {"type": "AWSService", "invokedBy": "cloudtrail.amazonaws.com"}})
	count(trail_bucket_read.alert) == 0 with input as service_read with data.tripline.context as ctx
	config_read := object.union(download, {"userIdentity": object.union(auditor, {"invokedBy": "config.amazonaws.com", "arn": "arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForConfig/AWSConfig"})})
	count(trail_bucket_read.alert) == 0 with input as config_read with data.tripline.context as ctx
}

test_other_bucket_quiet if {
	other := object.union(download, {"requestParameters": {"bucketName": "company-app-artifacts", "key": "builds/orders-api-1.4.2.zip"}})
	count(trail_bucket_read.alert) == 0 with input as other with data.tripline.context as ctx
}

test_other_calls_on_trail_bucket_quiet if {
	count(trail_bucket_read.alert) == 0 with input as object.union(download, {"eventName": "HeadObject"}) with data.tripline.context as ctx
	count(trail_bucket_read.alert) == 0 with input as object.union(download, {"eventSource": "s3-outposts.amazonaws.com"}) with data.tripline.context as ctx
}

test_exception_by_principal if {
	exc := {"TRL-S3-001": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"], "source_ips": ["192.0.2.0/24"]}]}
	office := object.union(download, {"sourceIPAddress": "192.0.2.31"})
	count(trail_bucket_read.alert) == 0 with input as office with data.tripline.context as ctx with data.tripline.exceptions as exc
	count(trail_bucket_read.alert) == 1 with input as download with data.tripline.context as ctx with data.tripline.exceptions as exc
}

# No AWS-published S3 GetObject record for a general-purpose bucket was found (the S3 Tables page
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-tables-log-files.html shows one for
# s3tables.amazonaws.com, another eventSource). Its shape, with the bucket and key of a trail
# bucket, must fire when the eventSource is s3; the S3 Tables original must not.
s3_tables_get_object := {
	"eventVersion": "1.11",
	"userIdentity": {"type": "IAMUser", "principalId": "123456789012", "arn": "arn:aws:iam::111122223333:user/myUserName", "accountId": "111122223333", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "userName": "myUserName"},
	"eventTime": "2024-11-22T17:12:25Z",
	"eventSource": "s3tables.amazonaws.com",
	"eventName": "GetObject",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "192.0.2.0",
	"userAgent": "[aws-cli/2.18.5]",
	"requestParameters": {"Host": "tableWarehouseLocation.s3.us-east-1.amazonaws.com", "key": "product-info.json"},
	"responseElements": null,
	"additionalEventData": {"SignatureVersion": "SigV4", "cipherSuite": "ECDHE-RSA-AES128-GCM-SHA256", "bytesTransferredIn": 0, "AuthenticationMethod": "AuthHeader", "xAmzId2": "q6xhNJYmhg", "bytesTransferredOut": 28441},
	"requestID": "07D681123BD12AED",
	"eventID": "f2b287f3-0df1-1234-a2f4-c4bdfed47657",
	"readOnly": true,
	"eventType": "AwsApiCall",
	"managementEvent": false,
	"recipientAccountId": "111122223333",
	"eventCategory": "Data",
}

test_aws_doc_s3_tables_record_quiet if {
	count(trail_bucket_read.alert) == 0 with input as s3_tables_get_object with data.tripline.context as ctx
}

test_aws_doc_shape_on_trail_bucket_fires if {
	r := object.union(s3_tables_get_object, {
		"eventSource": "s3.amazonaws.com",
		"requestParameters": {"bucketName": "company-cloudtrail-logs", "key": log_key},
	})
	count(trail_bucket_read.alert) == 1 with input as r with data.tripline.context as ctx
}
