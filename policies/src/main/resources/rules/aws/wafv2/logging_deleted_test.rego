package tripline.rules.aws.wafv2.logging_deleted_test

import data.tripline.rules.aws.wafv2.logging_deleted
import rego.v1

acl_arn := "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/orders-api-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"

delete := {
	"eventVersion": "1.08",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:07:00Z",
	"eventSource": "wafv2.amazonaws.com",
	"eventName": "DeleteLoggingConfiguration",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/wafv2.delete-logging-configuration",
	"requestParameters": {"resourceArn": acl_arn},
	"responseElements": null,
	"requestID": "5f6a7b8c-9d0e-4f1a-2b3c-4d5e6f7a8b9c",
	"eventID": "0c1d2e3f-4a5b-4c6d-7e8f-9a0b1c2d3e4f",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_fires if {
	some a in logging_deleted.alert with input as delete
	a.resources == [acl_arn]
}

test_waf_classic_fires if {
	count(logging_deleted.alert) == 1 with input as object.union(delete, {"eventSource": "waf-regional.amazonaws.com"})
}

test_denied_attempt_fires if {
	count(logging_deleted.alert) == 1 with input as object.union(delete, {"errorCode": "AccessDeniedException"})
}

test_put_logging_quiet if {
	count(logging_deleted.alert) == 0 with input as object.union(delete, {"eventName": "PutLoggingConfiguration"})
}

# The same eventName from a non-WAF source, and WAF's other deletes, are quiet.
test_other_source_quiet if {
	count(logging_deleted.alert) == 0 with input as object.union(delete, {"eventSource": "network-firewall.amazonaws.com"})
	count(logging_deleted.alert) == 0 with input as object.union(delete, {"eventName": "DeleteRule"})
}

test_exception if {
	exc := {"TRL-WAF-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(logging_deleted.alert) == 0 with input as delete with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for DeleteLoggingConfiguration is known to these tests (the service's CloudTrail
# page was not searched exhaustively).
