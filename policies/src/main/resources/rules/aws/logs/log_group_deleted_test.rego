package tripline.rules.aws.logs.log_group_deleted_test

import data.tripline.rules.aws.logs.log_group_deleted
import rego.v1

# Scenario cloudwatch-log-group-retention-cut, as the simulator writes it.
delete_group := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:02:00Z",
	"eventSource": "logs.amazonaws.com",
	"eventName": "DeleteLogGroup",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/logs.delete-log-group",
	"requestParameters": {"logGroupName": "aws-cloudtrail-logs-123456789012-company-trail"},
	"responseElements": null,
	"requestID": "6c7d8e9f-0a1b-4c2d-3e4f-5a6b7c8d9e0f",
	"eventID": "1f2a3b4c-5d6e-4f7a-8b9c-0d1e2f3a4b5c",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_trail_copy_fires_high if {
	some a in log_group_deleted.alert with input as delete_group
	a.severity == "high"
	a.resources == ["aws-cloudtrail-logs-123456789012-company-trail"]
}

test_delete_stream_fires if {
	r := object.union(delete_group, {"eventName": "DeleteLogStream", "requestParameters": {"logStreamName": "123456789012_CloudTrail_us-east-1"}})
	some a in log_group_deleted.alert with input as r
	a.resources == ["aws-cloudtrail-logs-123456789012-company-trail", "123456789012_CloudTrail_us-east-1"]
}

test_application_group_fires_medium if {
	r := object.union(delete_group, {"requestParameters": {"logGroupName": "/aws/lambda/orders-api"}})
	some a in log_group_deleted.alert with input as r
	a.severity == "medium"
}

test_context_listed_group_is_security if {
	r := object.union(delete_group, {"requestParameters": {"logGroupName": "/company/payments/ledger"}})
	some a in log_group_deleted.alert with input as r with data.tripline.context as {"security_log_groups": ["/company/payments/*"]}
	a.severity == "high"
}

test_denied_attempt_fires if {
	count(log_group_deleted.alert) == 1 with input as object.union(delete_group, {"errorCode": "AccessDeniedException"})
}

# AWS deleting on its own (Elastic's exclusion: user agent "AWS Internal", no source IP).
test_aws_internal_quiet if {
	count(log_group_deleted.alert) == 0 with input as object.union(delete_group, {"userAgent": "AWS Internal", "sourceIPAddress": "AWS Internal"})
	count(log_group_deleted.alert) == 0 with input as object.remove(delete_group, ["sourceIPAddress"])
	count(log_group_deleted.alert) == 0 with input as object.union(delete_group, {"sourceIPAddress": "lambda.amazonaws.com"})
}

test_other_calls_quiet if {
	count(log_group_deleted.alert) == 0 with input as object.union(delete_group, {"eventName": "CreateLogGroup"})
	count(log_group_deleted.alert) == 0 with input as object.union(delete_group, {"eventName": "DescribeLogGroups", "readOnly": true})
}

test_exception if {
	exc := {"TRL-LOGS-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(log_group_deleted.alert) == 0 with input as delete_group with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for DeleteLogGroup was found: the CloudWatch Logs CloudTrail
# page (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/logging_cw_api_calls_cwl.html)
# was checked; the record above is the simulator's.
