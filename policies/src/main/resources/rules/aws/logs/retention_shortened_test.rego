package tripline.rules.aws.logs.retention_shortened_test

import data.tripline.rules.aws.logs.retention_shortened
import rego.v1

# Scenario cloudwatch-log-group-retention-cut, as the simulator writes it.
cut := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:01:00Z",
	"eventSource": "logs.amazonaws.com",
	"eventName": "PutRetentionPolicy",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/logs.put-retention-policy",
	"requestParameters": {"logGroupName": "aws-cloudtrail-logs-123456789012-company-trail", "retentionInDays": 1},
	"responseElements": null,
	"requestID": "7d8e9f0a-1b2c-4d3e-4f5a-6b7c8d9e0f1a",
	"eventID": "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

with_retention(g, d) := object.union(cut, {"requestParameters": {"logGroupName": g, "retentionInDays": d}})

test_one_day_on_trail_copy_fires_high if {
	some a in retention_shortened.alert with input as cut
	a.severity == "high"
	a.changes.retentionInDays == 1
	a.message == "admin set the retention of log group aws-cloudtrail-logs-123456789012-company-trail to 1 day(s)"
}

test_thirty_days_on_flow_logs_fires if {
	some a in retention_shortened.alert with input as with_retention("/vpc/flow-logs/prod", 30)
	a.severity == "medium"
}

test_one_day_on_application_group_fires if {
	count(retention_shortened.alert) == 1 with input as with_retention("/aws/lambda/orders-api", 1)
}

test_denied_attempt_fires if {
	count(retention_shortened.alert) == 1 with input as object.union(cut, {"errorCode": "AccessDeniedException"})
}

test_one_year_and_ten_years_quiet if {
	count(retention_shortened.alert) == 0 with input as with_retention("aws-cloudtrail-logs-123456789012-company-trail", 365)
	count(retention_shortened.alert) == 0 with input as with_retention("aws-cloudtrail-logs-123456789012-company-trail", 3653)
}

# The developer baseline: 14 days on a Lambda function's group.
test_routine_application_retention_quiet if {
	dev := object.union(with_retention("/aws/lambda/orders-api", 14), {"userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::123456789012:assumed-role/ci-deploy/build-42", "accountId": "123456789012"}, "sourceIPAddress": "140.82.112.5"})
	count(retention_shortened.alert) == 0 with input as dev
}

test_delete_retention_policy_quiet if {
	r := object.union(object.remove(cut, ["requestParameters"]), {"eventName": "DeleteRetentionPolicy", "requestParameters": {"logGroupName": "aws-cloudtrail-logs-123456789012-company-trail"}})
	count(retention_shortened.alert) == 0 with input as r
}

test_exception if {
	exc := {"TRL-LOGS-002": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(retention_shortened.alert) == 0 with input as cut with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for PutRetentionPolicy was found: the CloudWatch Logs
# CloudTrail page (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/logging_cw_api_calls_cwl.html)
# was checked; the record above is the simulator's.
