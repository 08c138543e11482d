package tripline.rules.aws.securityhub.finding_suppression_test

import data.tripline.rules.aws.securityhub.finding_suppression
import rego.v1

suppress := {
	"eventVersion": "1.08",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:10:00Z",
	"eventSource": "securityhub.amazonaws.com",
	"eventName": "BatchUpdateFindings",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/securityhub.batch-update-findings",
	"requestParameters": {
		"FindingIdentifiers": [{"Id": "arn:aws:guardduty:us-east-1:123456789012:detector/6ec5a1b2c3d4e5f60718293a4b5c6d7e/finding/1ab2c3d4", "ProductArn": "arn:aws:securityhub:us-east-1::product/aws/guardduty"}],
		"Workflow": {"Status": "SUPPRESSED"},
		"Note": {"Text": "false positive", "UpdatedBy": "admin"},
	},
	"responseElements": {"ProcessedFindings": [], "UnprocessedFindings": []},
	"requestID": "8c9d0e1f-2a3b-4c4d-5e6f-7a8b9c0d1e2f",
	"eventID": "3f4a5b6c-7d8e-4f9a-0b1c-2d3e4f5a6b7c",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

with_params(params) := object.union(object.remove(suppress, ["requestParameters"]), {"requestParameters": params})

test_suppressed_fires if {
	some a in finding_suppression.alert with input as suppress
	a.changes.suppression == ["findings set to SUPPRESSED"]
	contains(a.message, "(1 finding(s) named)")
}

test_camel_case_resolved_fires if {
	r := with_params({"findingIdentifiers": [], "workflow": {"status": "RESOLVED"}})
	some a in finding_suppression.alert with input as r
	a.changes.suppression == ["findings set to RESOLVED"]
}

test_severity_informational_fires if {
	count(finding_suppression.alert) == 1 with input as with_params({"FindingIdentifiers": [], "Severity": {"Label": "INFORMATIONAL"}})
}

test_disable_security_hub_fires if {
	r := object.union(with_params({}), {"eventName": "DisableSecurityHub"})
	some a in finding_suppression.alert with input as r
	a.changes.suppression == ["DisableSecurityHub called"]
}

test_suppressing_automation_rule_fires if {
	r := object.union(with_params({
		"RuleName": "quiet-guardduty",
		"Criteria": {"ProductName": [{"Value": "GuardDuty", "Comparison": "EQUALS"}]},
		"Actions": [{"Type": "FINDING_FIELDS_UPDATE", "FindingFieldsUpdate": {"Workflow": {"Status": "SUPPRESSED"}}}],
	}), {"eventName": "CreateAutomationRule"})
	count(finding_suppression.alert) == 1 with input as r
}

test_denied_attempt_fires if {
	count(finding_suppression.alert) == 1 with input as object.union(suppress, {"errorCode": "AccessDeniedException"})
}

# The analyst acknowledging a finding (NOTIFIED) or adding a note only.
test_notified_and_note_only_quiet if {
	count(finding_suppression.alert) == 0 with input as with_params({"FindingIdentifiers": [], "Workflow": {"Status": "NOTIFIED"}})
	count(finding_suppression.alert) == 0 with input as with_params({"FindingIdentifiers": [], "Note": {"Text": "looking", "UpdatedBy": "soc"}})
}

# Security Hub's own updates, and reads.
test_service_and_reads_quiet if {
	svc := object.union(suppress, {"userIdentity": {"type": "AWSService", "invokedBy": "securityhub.amazonaws.com"}})
	count(finding_suppression.alert) == 0 with input as svc
	count(finding_suppression.alert) == 0 with input as object.union(suppress, {"eventName": "GetFindings", "readOnly": true})
}

test_exception if {
	exc := {"TRL-SH-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(finding_suppression.alert) == 0 with input as suppress with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for these calls is known to these tests (the service's CloudTrail
# page was not searched exhaustively); the request follows the API reference (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchUpdateFindings.html).
