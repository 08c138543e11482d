package tripline.rules.aws.cloudtrail.trail_updated_test

import data.tripline.rules.aws.cloudtrail.trail_updated
import rego.v1

# An UpdateTrail that sends the trail's logs to another account's bucket, as the CLI writes it.
redirect := {
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
	"eventName": "UpdateTrail",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.77",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64 command/cloudtrail.update-trail",
	"requestParameters": {"name": "company-trail", "s3BucketName": "attacker-logs-999988887777"},
	"responseElements": {
		"name": "company-trail",
		"s3BucketName": "attacker-logs-999988887777",
		"trailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail",
	},
	"requestID": "5d3f6b2a-0c1e-4b7d-9a8f-1e2d3c4b5a69",
	"eventID": "7a1c9e53-2f4d-4c8b-b6e0-93d5f1a2c7e4",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_successful_update_fires if {
	some a in trail_updated.alert with input as redirect
	a.principal.arn == "arn:aws:iam::123456789012:user/admin"
	a.sourceIPAddress == "198.51.100.77"
	a.changes == {"s3BucketName": "attacker-logs-999988887777"}
	"company-trail" in a.resources
}

# Elastic's query has no condition on who or what changed: a benign change fires too.
test_benign_update_fires_without_exceptions if {
	benign := object.union(redirect, {"requestParameters": {"name": "company-trail", "enableLogFileValidation": true}})
	count(trail_updated.alert) == 1 with input as benign
}

test_denied_update_is_quiet if {
	denied := object.union(redirect, {"errorCode": "AccessDeniedException", "errorMessage": "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: cloudtrail:UpdateTrail", "responseElements": null})
	count(trail_updated.alert) == 0 with input as denied
}

# Elastic's pipeline marks a record with only an errorMessage as a failure too.
test_error_message_alone_is_failure if {
	failed := object.union(redirect, {"errorMessage": "Trail company-trail not found"})
	count(trail_updated.alert) == 0 with input as failed
}

test_other_cloudtrail_calls_are_quiet if {
	count(trail_updated.alert) == 0 with input as object.union(redirect, {"eventName": "CreateTrail"})
	count(trail_updated.alert) == 0 with input as object.union(redirect, {"eventName": "GetTrail", "readOnly": true})
}

# Same name, other provider: Elastic's query requires event.provider cloudtrail.amazonaws.com.
test_other_event_source_is_quiet if {
	count(trail_updated.alert) == 0 with input as object.union(redirect, {"eventSource": "lakeformation.amazonaws.com"})
}

test_exception_by_user_and_ip if {
	exceptions := {"TRL-CT-003": [{
		"principals": ["arn:aws:iam::123456789012:role/CloudAdmin"],
		"source_ips": ["192.0.2.0/24"],
	}]}
	admin := object.union(redirect, {
		"userIdentity": {
			"type": "AssumedRole",
			"arn": "arn:aws:sts::123456789012:assumed-role/CloudAdmin/jane.doe",
			"accountId": "123456789012",
			"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/CloudAdmin", "userName": "CloudAdmin"}},
		},
		"sourceIPAddress": "192.0.2.44",
	})
	count(trail_updated.alert) == 0 with input as admin with data.tripline.exceptions as exceptions

	# The same administrator from another network is not excepted: both conditions must hold.
	elsewhere := object.union(admin, {"sourceIPAddress": "203.0.113.9"})
	count(trail_updated.alert) == 1 with input as elsewhere with data.tripline.exceptions as exceptions
}

test_null_request_parameters_still_alert if {
	count(trail_updated.alert) == 1 with input as object.union(redirect, {"requestParameters": null})
}

# Record copied from AWS: "Error code and message log example" (an UpdateTrail that failed with
# TrailNotFoundException), https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html#error-code-and-error-message
aws_doc_update_trail_error := {
	"eventVersion": "1.04",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "EX_PRINCIPAL_ID",
		"arn": "arn:aws:iam::123456789012:user/Alice",
		"accountId": "123456789012",
		"accessKeyId": "EXAMPLE_KEY_ID",
		"userName": "Alice",
	},
	"eventTime": "2016-07-14T19:15:45Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": "UpdateTrail",
	"awsRegion": "us-east-2",
	"sourceIPAddress": "205.251.233.182",
	"userAgent": "aws-cli/1.10.32 Python/2.7.9 Windows/7 botocore/1.4.22",
	"errorCode": "TrailNotFoundException",
	"errorMessage": "Unknown trail: myTrail2 for the user: 123456789012",
	"requestParameters": {"name": "myTrail2"},
	"responseElements": null,
	"requestID": "5d40662a-49f7-11e6-97e4-d9cb6ff7d6a3",
	"eventID": "b7d4398e-b2f0-4faa-9c76-e2d316a8d67f",
	"eventType": "AwsApiCall",
	"recipientAccountId": "123456789012",
}

# Elastic's query requires event.outcome success: the failed update of AWS's example is quiet.
test_aws_doc_failed_update_quiet if {
	count(trail_updated.alert) == 0 with input as aws_doc_update_trail_error
}

# The same record without its error is a successful update and fires.
test_aws_doc_update_without_error_fires if {
	ok := object.remove(aws_doc_update_trail_error, ["errorCode", "errorMessage"])
	some a in trail_updated.alert with input as ok
	a.principal.name == "Alice"
	a.resources == ["myTrail2"]
	a.changes == {}
}
