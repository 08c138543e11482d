package tripline.rules.aws.config.recorder_stopped_test

import data.tripline.rules.aws.config.recorder_stopped
import rego.v1

# Scenario config-recorder-stopped, as the simulator writes it.
stop := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:00:30Z",
	"eventSource": "config.amazonaws.com",
	"eventName": "StopConfigurationRecorder",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/config.stop-configuration-recorder",
	"requestParameters": {"configurationRecorderName": "default"},
	"responseElements": null,
	"requestID": "5b6c7d8e-9f0a-4b1c-2d3e-4f5a6b7c8d9e",
	"eventID": "0e1f2a3b-4c5d-4e6f-7a8b-9c0d1e2f3a4b",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_stop_fires if {
	some a in recorder_stopped.alert with input as stop
	a.message == "admin stopped Config recorder default in us-east-1"
}

test_denied_attempt_fires if {
	some a in recorder_stopped.alert with input as object.union(stop, {"errorCode": "AccessDeniedException"})
	a.message == "admin tried to stop Config recorder default in us-east-1"
}

test_start_recorder_quiet if {
	count(recorder_stopped.alert) == 0 with input as object.union(stop, {"eventName": "StartConfigurationRecorder"})
}

test_control_tower_quiet if {
	ct := object.union(stop, {"userIdentity": {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::123456789012:assumed-role/AWSControlTowerExecution/AWSControlTower",
		"accountId": "123456789012",
		"invokedBy": "controltower.amazonaws.com",
		"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/AWSControlTowerExecution", "userName": "AWSControlTowerExecution"}},
	}})
	count(recorder_stopped.alert) == 0 with input as ct
}

test_exception if {
	exc := {"TRL-CFG-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(recorder_stopped.alert) == 0 with input as stop with data.tripline.exceptions as exc
}

# AWS Config's CloudTrail example page
# (https://docs.aws.amazon.com/config/latest/developerguide/cloudtrail-log-files-for-aws-config.html)
# shows DeleteDeliveryChannel, DeliverConfigSnapshot and others; no StopConfigurationRecorder record
# was found there. Its DeleteDeliveryChannel record is used in resource_deleted_test.rego.
