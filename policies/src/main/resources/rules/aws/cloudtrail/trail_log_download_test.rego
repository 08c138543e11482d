package tripline.rules.aws.cloudtrail.trail_log_download_test

import data.tripline.rules.aws.cloudtrail.trail_log_download as rule
import rego.v1

ctx := {"log_readers": ["arn:aws:iam::123456789012:role/SecurityAudit"], "trail_buckets": ["company-cloudtrail-logs"]}

key := "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T1600Z.json"

# AWS publishes no GetObject record (the S3 user guide's CloudTrail examples are ListBuckets,
# PutBucketAcl, GetBucketVersioning and an Outposts PutObject); this follows those layouts:
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html
get := {
	"eventVersion": "1.10",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDAEXAMPLEDEVUSER001",
		"arn": "arn:aws:iam::123456789012:user/dev_user",
		"accountId": "123456789012",
		"accessKeyId": "ASIAEXAMPLEDEVUSER01",
		"userName": "dev_user",
	},
	"eventTime": "2024-03-14T21:19:15Z",
	"eventSource": "s3.amazonaws.com",
	"eventName": "GetObject",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "[aws-cli/2.15.30 Python/3.11.8 Windows/10 exe/AMD64 prompt/off command/s3.cp]",
	"requestParameters": {"bucketName": "company-cloudtrail-logs", "Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com", "key": key},
	"responseElements": null,
	"additionalEventData": {"SignatureVersion": "SigV4", "bytesTransferredIn": 0, "AuthenticationMethod": "AuthHeader", "bytesTransferredOut": 2684354},
	"requestID": "A83E1D45B4B123B7",
	"eventID": "b49d19ed-3d5e-4244-803e-97256802165f",
	"readOnly": true,
	"resources": [
		{"type": "AWS::S3::Object", "ARN": sprintf("arn:aws:s3:::company-cloudtrail-logs/%s", [key])},
		{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::company-cloudtrail-logs"},
	],
	"eventType": "AwsApiCall",
	"managementEvent": false,
	"recipientAccountId": "123456789012",
	"eventCategory": "Data",
}

test_download_fires if {
	some a in rule.alert with input as get with data.tripline.context as ctx
	a.resources == ["company-cloudtrail-logs", key]
	a.bytesTransferredOut == 2684354
	contains(a.message, "downloaded")
}

test_list_by_key_layout_fires_without_context if {
	list := object.union(object.remove(get, ["requestParameters"]), {"eventName": "ListObjects", "requestParameters": {"bucketName": "org-logs-archive", "prefix": "AWSLogs/o-a1b2c3d4e5/123456789012/CloudTrail/us-east-1/", "delimiter": "/"}})
	some a in rule.alert with input as list
	contains(a.message, "listed")
}

test_denied_download_fires if {
	some a in rule.alert with input as object.union(get, {"errorCode": "AccessDenied"}) with data.tripline.context as ctx
	contains(a.message, "was refused")
}

test_log_reader_quiet if {
	auditor := object.union(object.remove(get, ["userIdentity"]), {"userIdentity": {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::123456789012:assumed-role/SecurityAudit/soc-analyst",
		"accountId": "123456789012",
		"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/SecurityAudit", "userName": "SecurityAudit"}},
	}})
	count(rule.alert) == 0 with input as auditor with data.tripline.context as ctx
}

test_app_bucket_quiet if {
	app := object.union(get, {"requestParameters": {"bucketName": "company-app-artifacts", "key": "builds/orders-api/1a2b3c4d.zip"}})
	count(rule.alert) == 0 with input as app with data.tripline.context as ctx
}

test_put_object_quiet if {
	count(rule.alert) == 0 with input as object.union(get, {"eventName": "PutObject", "readOnly": false}) with data.tripline.context as ctx
}

test_cloudtrail_service_quiet if {
	svc := object.union(object.remove(get, ["userIdentity"]), {"userIdentity": {"type": "AWSService", "invokedBy": "cloudtrail.amazonaws.com"}, "sourceIPAddress": "cloudtrail.amazonaws.com"})
	count(rule.alert) == 0 with input as svc with data.tripline.context as ctx
}

test_exception if {
	ex := {"TRL-CT-021": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"], "source_ips": ["192.0.2.0/24"]}]}
	count(rule.alert) == 0 with input as object.union(get, {"sourceIPAddress": "192.0.2.31"}) with data.tripline.context as ctx with data.tripline.exceptions as ex
	count(rule.alert) == 1 with input as get with data.tripline.context as ctx with data.tripline.exceptions as ex
}
