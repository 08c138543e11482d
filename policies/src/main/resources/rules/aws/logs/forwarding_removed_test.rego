package tripline.rules.aws.logs.forwarding_removed_test

import data.tripline.rules.aws.logs.forwarding_removed
import rego.v1

delete_sub := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:01:00Z",
	"eventSource": "logs.amazonaws.com",
	"eventName": "DeleteSubscriptionFilter",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/logs.delete-subscription-filter",
	"requestParameters": {"logGroupName": "aws-cloudtrail-logs-123456789012-company-trail", "filterName": "to-siem-firehose"},
	"responseElements": null,
	"requestID": "8e9f0a1b-2c3d-4e4f-5a6b-7c8d9e0f1a2b",
	"eventID": "3b4c5d6e-7f8a-4b9c-0d1e-2f3a4b5c6d7e",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_subscription_fires if {
	some a in forwarding_removed.alert with input as delete_sub
	a.message == "admin deleted subscription filter to-siem-firehose of log group aws-cloudtrail-logs-123456789012-company-trail"
}

test_delete_metric_filter_fires if {
	r := object.union(delete_sub, {"eventName": "DeleteMetricFilter", "requestParameters": {"filterName": "CloudTrailChanges"}})
	some a in forwarding_removed.alert with input as r
	a.resources == ["aws-cloudtrail-logs-123456789012-company-trail", "CloudTrailChanges"]
}

test_denied_attempt_fires if {
	count(forwarding_removed.alert) == 1 with input as object.union(delete_sub, {"errorCode": "AccessDeniedException"})
}

test_put_filter_quiet if {
	count(forwarding_removed.alert) == 0 with input as object.union(delete_sub, {"eventName": "PutSubscriptionFilter"})
	count(forwarding_removed.alert) == 0 with input as object.union(delete_sub, {"eventName": "DescribeSubscriptionFilters", "readOnly": true})
}

test_aws_internal_quiet if {
	count(forwarding_removed.alert) == 0 with input as object.union(delete_sub, {"userAgent": "AWS Internal", "sourceIPAddress": "AWS Internal"})
}

test_exception if {
	exc := {"TRL-LOGS-003": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(forwarding_removed.alert) == 0 with input as delete_sub with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for these calls was found: the CloudWatch Logs CloudTrail page
# (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/logging_cw_api_calls_cwl.html) was checked.
