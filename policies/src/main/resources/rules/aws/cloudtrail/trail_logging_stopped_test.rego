package tripline.rules.aws.cloudtrail.trail_logging_stopped_test

import data.tripline.rules.aws.cloudtrail.trail_logging_stopped as rule
import rego.v1

# AWS publishes no CloudTrail record for StopLogging (the CloudTrail user guide's log file
# examples cover EC2, IAM and an UpdateTrail error; the API reference shows no records): this one
# follows the record layout of https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
stop := {
	"eventVersion": "1.09",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDAEXAMPLEADMIN00001",
		"arn": "arn:aws:iam::123456789012:user/admin",
		"accountId": "123456789012",
		"accessKeyId": "AKIAEXAMPLEADMIN0001",
		"userName": "admin",
	},
	"eventTime": "2024-03-15T02:10:00Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": "StopLogging",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64 command/cloudtrail.stop-logging",
	"requestParameters": {"name": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail"},
	"responseElements": null,
	"requestID": "0b1d2c3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e",
	"eventID": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_stop_logging_fires if {
	some a in rule.alert with input as stop
	a.outcome == "success"
	"arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail" in a.resources
	contains(a.message, "stopped logging")
}

test_denied_stop_logging_fires if {
	denied := object.union(stop, {"errorCode": "AccessDenied", "errorMessage": "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: cloudtrail:StopLogging with an explicit deny in a service control policy"})
	some a in rule.alert with input as denied
	a.outcome == "denied"
	contains(a.message, "tried to stop")
}

test_start_logging_quiet if {
	count(rule.alert) == 0 with input as object.union(stop, {"eventName": "StartLogging"})
}

test_get_trail_status_quiet if {
	count(rule.alert) == 0 with input as object.union(stop, {"eventName": "GetTrailStatus", "readOnly": true})
}

test_other_event_source_quiet if {
	count(rule.alert) == 0 with input as object.union(stop, {"eventSource": "logs.amazonaws.com"})
}

test_null_request_parameters_still_alert if {
	count(rule.alert) == 1 with input as object.union(stop, {"requestParameters": null})
}

test_exception if {
	ex := {"TRL-CT-004": [{"principals": ["arn:aws:iam::123456789012:user/admin"], "source_ips": ["198.51.100.0/24"]}]}
	count(rule.alert) == 0 with input as stop with data.tripline.exceptions as ex
	count(rule.alert) == 1 with input as object.union(stop, {"sourceIPAddress": "203.0.113.9"}) with data.tripline.exceptions as ex
}
