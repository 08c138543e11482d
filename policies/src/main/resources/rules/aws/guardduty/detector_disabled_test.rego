package tripline.rules.aws.guardduty.detector_disabled_test

import data.tripline.rules.aws.guardduty.detector_disabled
import rego.v1

base := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:01:00Z",
	"eventSource": "guardduty.amazonaws.com",
	"eventName": "UpdateDetector",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/guardduty.update-detector",
	"requestParameters": {"detectorId": "6ec5a1b2c3d4e5f60718293a4b5c6d7e", "enable": false},
	"responseElements": null,
	"requestID": "2e3d4c5b-6a7f-4b8c-9d0e-1f2a3b4c5d6e",
	"eventID": "7b8c9d0e-1f2a-4b3c-4d5e-6f7a8b9c0d1e",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

with_params(params) := object.union(object.remove(base, ["requestParameters"]), {"requestParameters": object.union({"detectorId": "6ec5a1b2c3d4e5f60718293a4b5c6d7e"}, params)})

test_suspend_fires if {
	some a in detector_disabled.alert with input as base
	a.changes.disabled == ["detector suspended (enable=false)"]
}

test_feature_disabled_fires if {
	r := with_params({"features": [
		{"name": "S3_DATA_EVENTS", "status": "DISABLED"},
		{"name": "EKS_RUNTIME_MONITORING", "status": "ENABLED", "additionalConfiguration": [{"name": "EKS_ADDON_MANAGEMENT", "status": "DISABLED"}]},
	]})
	some a in detector_disabled.alert with input as r
	a.changes.disabled == ["feature EKS_RUNTIME_MONITORING/EKS_ADDON_MANAGEMENT disabled", "feature S3_DATA_EVENTS disabled"]
}

test_data_source_disabled_fires if {
	r := with_params({"dataSources": {"s3Logs": {"enable": false}, "kubernetes": {"auditLogs": {"enable": true}}}})
	some a in detector_disabled.alert with input as r
	a.changes.disabled == ["data source s3Logs.enable disabled"]
}

test_denied_attempt_fires if {
	count(detector_disabled.alert) == 1 with input as object.union(base, {"errorCode": "AccessDeniedException"})
}

test_publishing_frequency_only_quiet if {
	count(detector_disabled.alert) == 0 with input as with_params({"findingPublishingFrequency": "SIX_HOURS"})
}

test_enable_true_and_features_enabled_quiet if {
	r := with_params({"enable": true, "features": [{"name": "S3_DATA_EVENTS", "status": "ENABLED"}], "dataSources": {"s3Logs": {"enable": true}}})
	count(detector_disabled.alert) == 0 with input as r
}

test_exception if {
	exc := {"TRL-GD-002": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(detector_disabled.alert) == 0 with input as base with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for UpdateDetector was found (GuardDuty's log entry examples,
# https://docs.aws.amazon.com/guardduty/latest/ug/understanding-guardduty-entries.html, show a data
# event only); parameters follow the API reference (API_UpdateDetector.html).
