package tripline.rules.aws.guardduty.finding_suppression_test

import data.tripline.rules.aws.guardduty.finding_suppression
import rego.v1

# Scenario guardduty-suppression, as the simulator writes it.
ip_set := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:01:00Z",
	"eventSource": "guardduty.amazonaws.com",
	"eventName": "CreateIPSet",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/guardduty.create-ip-set",
	"requestParameters": {
		"detectorId": "6ec5a1b2c3d4e5f60718293a4b5c6d7e",
		"name": "office-vpn",
		"format": "TXT",
		"location": "https://s3.amazonaws.com/exfil-trail-logs-7731/ips.txt",
		"activate": true,
		"clientToken": "d79e02db-23ad-455b-895d-dd8a1ae21b8c",
	},
	"responseElements": {"ipSetId": "0cb0141ab9fbde177613ab9436212e90"},
	"requestID": "4a5b6c7d-8e9f-4a0b-1c2d-3e4f5a6b7c8d",
	"eventID": "9d0e1f2a-3b4c-4d5e-6f7a-8b9c0d1e2f3a",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

filter := object.union(object.remove(ip_set, ["requestParameters", "responseElements"]), {
	"eventName": "CreateFilter",
	"requestParameters": {"detectorId": "6ec5a1b2c3d4e5f60718293a4b5c6d7e", "name": "auto-archive", "action": "ARCHIVE", "rank": 1, "findingCriteria": {"criterion": {"severity": {"gte": 1}}}},
})

test_trusted_ip_set_fires if {
	some a in finding_suppression.alert with input as ip_set
	a.message == "admin activated trusted IP list office-vpn from https://s3.amazonaws.com/exfil-trail-logs-7731/ips.txt on GuardDuty detector 6ec5a1b2c3d4e5f60718293a4b5c6d7e"
	not a.changes.clientToken
}

test_archive_filter_fires if {
	some a in finding_suppression.alert with input as filter
	contains(a.message, "ARCHIVE suppression rule auto-archive")
}

test_archive_findings_and_export_removal_fire if {
	archive := object.union(object.remove(ip_set, ["requestParameters"]), {"eventName": "ArchiveFindings", "requestParameters": {"detectorId": "6ec5a1b2c3d4e5f60718293a4b5c6d7e", "findingIds": ["a1", "b2"]}})
	some a in finding_suppression.alert with input as archive
	contains(a.message, "archived 2 finding(s)")
	dest := object.union(object.remove(ip_set, ["requestParameters"]), {"eventName": "DeletePublishingDestination", "requestParameters": {"detectorId": "6ec5a1b2c3d4e5f60718293a4b5c6d7e", "destinationId": "a4b5c6"}})
	count(finding_suppression.alert) == 1 with input as dest
}

test_denied_attempt_fires if {
	some a in finding_suppression.alert with input as object.union(ip_set, {"errorCode": "AccessDeniedException"})
	contains(a.message, "tried: ")
}

test_inactive_ip_set_quiet if {
	count(finding_suppression.alert) == 0 with input as object.union(ip_set, {"requestParameters": {"activate": false}})
}

test_noop_filter_quiet if {
	count(finding_suppression.alert) == 0 with input as object.union(filter, {"requestParameters": {"action": "NOOP"}})
}

# A threat intel set adds detections; it does not suppress them.
test_threat_intel_set_quiet if {
	count(finding_suppression.alert) == 0 with input as object.union(ip_set, {"eventName": "CreateThreatIntelSet"})
}

test_exception if {
	exc := {"TRL-GD-004": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(finding_suppression.alert) == 0 with input as ip_set with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for these calls was found (GuardDuty's log entry examples,
# https://docs.aws.amazon.com/guardduty/latest/ug/understanding-guardduty-entries.html, show a data
# event only).
