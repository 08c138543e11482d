package tripline.rules.aws.guardduty.membership_removed_test

import data.tripline.rules.aws.guardduty.membership_removed
import rego.v1

# Scenario guardduty-suppression: the legacy name, as the simulator writes it.
leave := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:02:00Z",
	"eventSource": "guardduty.amazonaws.com",
	"eventName": "DisassociateFromMasterAccount",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/guardduty.disassociate-from-master-account",
	"requestParameters": {"detectorId": "6ec5a1b2c3d4e5f60718293a4b5c6d7e"},
	"responseElements": null,
	"requestID": "3f4e5d6c-7b8a-4c9d-0e1f-2a3b4c5d6e7f",
	"eventID": "8c9d0e1f-2a3b-4c4d-5e6f-7a8b9c0d1e2f",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_legacy_name_fires if {
	some a in membership_removed.alert with input as leave
	a.message == "admin left its GuardDuty administrator (DisassociateFromMasterAccount)"
}

test_new_name_fires if {
	count(membership_removed.alert) == 1 with input as object.union(leave, {"eventName": "DisassociateFromAdministratorAccount"})
}

test_delete_members_fires if {
	r := object.union(leave, {"eventName": "DeleteMembers", "requestParameters": {"accountIds": ["210987654321"]}})
	some a in membership_removed.alert with input as r
	a.resources == ["6ec5a1b2c3d4e5f60718293a4b5c6d7e", "210987654321"]
	a.message == "admin removed GuardDuty member(s) 210987654321 (DeleteMembers)"
}

test_denied_attempt_fires if {
	r := object.union(leave, {"eventName": "StopMonitoringMembers", "errorCode": "AccessDeniedException", "requestParameters": {"accountIds": ["210987654321"]}})
	some a in membership_removed.alert with input as r
	contains(a.message, "failed: AccessDeniedException")
}

test_invitations_and_reads_quiet if {
	count(membership_removed.alert) == 0 with input as object.union(leave, {"eventName": "AcceptAdministratorInvitation"})
	count(membership_removed.alert) == 0 with input as object.union(leave, {"eventName": "GetAdministratorAccount", "readOnly": true})
	count(membership_removed.alert) == 0 with input as object.union(leave, {"eventName": "CreateMembers"})
}

# Macie has the same legacy name; Panther's Macie rule lists it. Not GuardDuty.
test_macie_quiet if {
	count(membership_removed.alert) == 0 with input as object.union(leave, {"eventSource": "macie2.amazonaws.com"})
}

test_exception if {
	exc := {"TRL-GD-003": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(membership_removed.alert) == 0 with input as leave with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for these calls was found (GuardDuty's log entry examples,
# https://docs.aws.amazon.com/guardduty/latest/ug/understanding-guardduty-entries.html, show a data
# event only).
