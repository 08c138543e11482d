package tripline.rules.aws.cloudwatch.alarm_deleted_test

import data.tripline.rules.aws.cloudwatch.alarm_deleted
import rego.v1

delete := {
	"eventVersion": "1.08",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:05:00Z",
	"eventSource": "monitoring.amazonaws.com",
	"eventName": "DeleteAlarms",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/cloudwatch.delete-alarms",
	"requestParameters": {"alarmNames": ["CloudTrailChangesAlarm", "RootAccountUsageAlarm"]},
	"responseElements": null,
	"requestID": "3d4e5f6a-7b8c-4d9e-0f1a-2b3c4d5e6f7a",
	"eventID": "8a9b0c1d-2e3f-4a4b-5c6d-7e8f9a0b1c2d",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_alarms_fires if {
	some a in alarm_deleted.alert with input as delete
	a.resources == ["CloudTrailChangesAlarm", "RootAccountUsageAlarm"]
	a.message == "admin deleted CloudWatch alarm(s) CloudTrailChangesAlarm, RootAccountUsageAlarm"
}

test_disable_actions_fires if {
	r := object.union(delete, {"eventName": "DisableAlarmActions", "requestParameters": {"alarmNames": ["CloudTrailChangesAlarm"]}})
	some a in alarm_deleted.alert with input as r
	a.message == "admin disabled the actions of CloudWatch alarm(s) CloudTrailChangesAlarm"
}

test_denied_attempt_fires if {
	count(alarm_deleted.alert) == 1 with input as object.union(delete, {"errorCode": "AccessDenied"})
}

# Application Auto Scaling removing its target-tracking alarms.
test_autoscaling_target_tracking_quiet if {
	svc := object.union(delete, {
		"requestParameters": {"alarmNames": ["TargetTracking-table/orders-AlarmHigh-5f2c"]},
		"userIdentity": {
			"type": "AssumedRole",
			"arn": "arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable/AutoScaling",
			"accountId": "123456789012",
			"invokedBy": "application-autoscaling.amazonaws.com",
			"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable"}},
		},
		"sourceIPAddress": "application-autoscaling.amazonaws.com",
	})
	count(alarm_deleted.alert) == 0 with input as svc
}

test_put_and_enable_quiet if {
	count(alarm_deleted.alert) == 0 with input as object.union(delete, {"eventName": "PutMetricAlarm"})
	count(alarm_deleted.alert) == 0 with input as object.union(delete, {"eventName": "EnableAlarmActions"})
}

test_exception if {
	exc := {"TRL-CW-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(alarm_deleted.alert) == 0 with input as delete with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for DeleteAlarms or DisableAlarmActions was found.
