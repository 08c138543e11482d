package tripline.rules.aws.guardduty.detector_deleted_test

import data.tripline.rules.aws.guardduty.detector_deleted
import rego.v1

delete := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:01:00Z",
	"eventSource": "guardduty.amazonaws.com",
	"eventName": "DeleteDetector",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/guardduty.delete-detector",
	"requestParameters": {"detectorId": "6ec5a1b2c3d4e5f60718293a4b5c6d7e"},
	"responseElements": null,
	"requestID": "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
	"eventID": "6a7b8c9d-0e1f-4a2b-3c4d-5e6f7a8b9c0d",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_fires if {
	some a in detector_deleted.alert with input as delete
	a.resources == ["6ec5a1b2c3d4e5f60718293a4b5c6d7e"]
	a.message == "admin deleted GuardDuty detector 6ec5a1b2c3d4e5f60718293a4b5c6d7e in us-east-1"
}

test_denied_attempt_fires if {
	denied := object.union(delete, {"errorCode": "AccessDeniedException", "errorMessage": "User is not authorized to perform: guardduty:DeleteDetector"})
	some a in detector_deleted.alert with input as denied
	a.outcome == "denied"
}

test_get_detector_quiet if {
	count(detector_deleted.alert) == 0 with input as object.union(delete, {"eventName": "GetDetector", "readOnly": true})
}

# Another service's DeleteDetector-like names are not GuardDuty's.
test_other_source_quiet if {
	count(detector_deleted.alert) == 0 with input as object.union(delete, {"eventSource": "macie2.amazonaws.com"})
	count(detector_deleted.alert) == 0 with input as object.union(delete, {"eventSource": "frauddetector.amazonaws.com", "eventName": "DeleteDetector"})
}

test_exception if {
	exc := {"TRL-GD-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"], "source_ips": ["198.51.100.23"]}]}
	count(detector_deleted.alert) == 0 with input as delete with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for DeleteDetector was found: GuardDuty's "Example: GuardDuty
# log file entries" page (https://docs.aws.amazon.com/guardduty/latest/ug/understanding-guardduty-entries.html)
# shows only a SendSecurityTelemetry data event. The record above is the simulator's.
