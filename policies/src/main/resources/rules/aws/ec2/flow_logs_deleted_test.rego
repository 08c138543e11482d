package tripline.rules.aws.ec2.flow_logs_deleted_test

import data.tripline.rules.aws.ec2.flow_logs_deleted
import rego.v1

# EC2's XML-style request, as Stratus aws.defense-evasion.vpc-remove-flow-logs produces it.
delete := {
	"eventVersion": "1.08",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:05:00Z",
	"eventSource": "ec2.amazonaws.com",
	"eventName": "DeleteFlowLogs",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/ec2.delete-flow-logs",
	"requestParameters": {"DeleteFlowLogsRequest": {"FlowLogId": {"content": "fl-0c3f1d2e3a4b5c6d7", "tag": 1}}},
	"responseElements": {"DeleteFlowLogsResponse": {"xmlns": "http://ec2.amazonaws.com/doc/2016-11-15/", "requestId": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "unsuccessful": ""}},
	"requestID": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
	"eventID": "7f8a9b0c-1d2e-4f3a-4b5c-6d7e8f9a0b1c",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_fires if {
	some a in flow_logs_deleted.alert with input as delete
	a.resources == ["fl-0c3f1d2e3a4b5c6d7"]
	a.message == "admin deleted VPC flow log(s) fl-0c3f1d2e3a4b5c6d7"
}

test_several_ids_fire if {
	r := object.union(object.remove(delete, ["requestParameters"]), {"requestParameters": {"DeleteFlowLogsRequest": {"FlowLogId": [{"content": "fl-0aaa", "tag": 1}, {"content": "fl-0bbb", "tag": 2}]}}})
	some a in flow_logs_deleted.alert with input as r
	a.resources == ["fl-0aaa", "fl-0bbb"]
}

test_denied_attempt_fires if {
	some a in flow_logs_deleted.alert with input as object.union(delete, {"errorCode": "Client.UnauthorizedOperation", "responseElements": null})
	a.outcome == "denied"
}

test_create_and_describe_quiet if {
	count(flow_logs_deleted.alert) == 0 with input as object.union(delete, {"eventName": "CreateFlowLogs"})
	count(flow_logs_deleted.alert) == 0 with input as object.union(delete, {"eventName": "DescribeFlowLogs", "readOnly": true})
}

test_aws_service_quiet if {
	svc := object.union(delete, {"userIdentity": {"type": "AWSService", "invokedBy": "ec2.amazonaws.com"}})
	count(flow_logs_deleted.alert) == 0 with input as svc
}

test_exception if {
	exc := {"TRL-EC2-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(flow_logs_deleted.alert) == 0 with input as delete with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for DeleteFlowLogs was found: the CloudTrail user guide's log
# file examples (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html)
# show other EC2 calls; the request shape above follows EC2's XML-derived logging.
