package tripline.rules.aws.organizations.leave_organization_test

import data.tripline.rules.aws.organizations.leave_organization
import rego.v1

# Scenario organizations-leave-attempt: denied by an SCP, as most real attempts are.
leave := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:00:30Z",
	"eventSource": "organizations.amazonaws.com",
	"eventName": "LeaveOrganization",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/organizations.leave-organization",
	"errorCode": "AccessDeniedException",
	"errorMessage": "You don't have permissions to access this resource.",
	"requestParameters": null,
	"responseElements": null,
	"requestID": "0a1b2c3d-4e5f-4a6b-7c8d-9e0f1a2b3c4d",
	"eventID": "5d6e7f8a-9b0c-4d1e-2f3a-4b5c6d7e8f9a",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_denied_attempt_fires_high if {
	some a in leave_organization.alert with input as leave
	a.severity == "high"
	a.outcome == "denied"
	a.message == "admin tried to remove account 123456789012 from its AWS Organization (AccessDeniedException)"
}

test_successful_leave_fires_critical if {
	ok := object.remove(leave, ["errorCode", "errorMessage"])
	some a in leave_organization.alert with input as ok
	a.severity == "critical"
}

test_describe_organization_quiet if {
	r := object.union(object.remove(leave, ["errorCode", "errorMessage"]), {"eventName": "DescribeOrganization", "readOnly": true})
	count(leave_organization.alert) == 0 with input as r
}

# The management account removing a member is RemoveAccountFromOrganization: another decision.
test_remove_account_quiet if {
	r := object.union(object.remove(leave, ["errorCode", "errorMessage"]), {"eventName": "RemoveAccountFromOrganization", "requestParameters": {"accountId": "210987654321"}})
	count(leave_organization.alert) == 0 with input as r
}

test_exception if {
	exc := {"TRL-ORG-001": [{"accounts": ["123456789012"], "principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(leave_organization.alert) == 0 with input as leave with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for LeaveOrganization was found: the Organizations CloudTrail
# page (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_cloudtrail-integration.html)
# was checked; the record above is the simulator's.
