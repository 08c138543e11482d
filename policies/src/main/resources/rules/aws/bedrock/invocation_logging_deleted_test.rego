package tripline.rules.aws.bedrock.invocation_logging_deleted_test

import data.tripline.rules.aws.bedrock.invocation_logging_deleted
import rego.v1

delete := {
	"eventVersion": "1.09",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:09:00Z",
	"eventSource": "bedrock.amazonaws.com",
	"eventName": "DeleteModelInvocationLoggingConfiguration",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/bedrock.delete-model-invocation-logging-configuration",
	"requestParameters": null,
	"responseElements": null,
	"requestID": "7b8c9d0e-1f2a-4b3c-4d5e-6f7a8b9c0d1e",
	"eventID": "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

put(cfg) := object.union(delete, {"eventName": "PutModelInvocationLoggingConfiguration", "requestParameters": {"loggingConfig": cfg}})

good := {
	"cloudWatchConfig": {"logGroupName": "/bedrock/invocations", "roleArn": "arn:aws:iam::123456789012:role/BedrockLogging"},
	"s3Config": {"bucketName": "company-bedrock-logs", "keyPrefix": "invocations"},
	"textDataDeliveryEnabled": true,
	"imageDataDeliveryEnabled": true,
	"embeddingDataDeliveryEnabled": true,
}

test_delete_fires if {
	some a in invocation_logging_deleted.alert with input as delete
	a.message == "admin deleted the model invocation logging configuration in us-east-1"
}

test_put_without_destination_fires if {
	count(invocation_logging_deleted.alert) == 1 with input as put({"textDataDeliveryEnabled": true})
}

test_put_delivering_nothing_fires if {
	cfg := {"s3Config": {"bucketName": "company-bedrock-logs"}, "textDataDeliveryEnabled": false, "imageDataDeliveryEnabled": false, "embeddingDataDeliveryEnabled": false}
	some a in invocation_logging_deleted.alert with input as put(cfg)
	contains(a.message, "delivers no data")
}

test_denied_attempt_fires if {
	count(invocation_logging_deleted.alert) == 1 with input as object.union(delete, {"errorCode": "AccessDeniedException"})
}

test_good_put_quiet if {
	count(invocation_logging_deleted.alert) == 0 with input as put(good)
}

test_get_and_invoke_quiet if {
	count(invocation_logging_deleted.alert) == 0 with input as object.union(delete, {"eventName": "GetModelInvocationLoggingConfiguration", "readOnly": true})
	count(invocation_logging_deleted.alert) == 0 with input as object.union(delete, {"eventName": "InvokeModel"})
}

test_exception if {
	exc := {"TRL-BR-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(invocation_logging_deleted.alert) == 0 with input as delete with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for these calls was found.
