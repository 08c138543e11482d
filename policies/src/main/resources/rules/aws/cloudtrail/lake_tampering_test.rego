package tripline.rules.aws.cloudtrail.lake_tampering_test

import data.tripline.rules.aws.cloudtrail.lake_tampering as rule
import rego.v1

store := "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE"

# AWS publishes no CloudTrail records for the Lake APIs (API reference and "Working with CloudTrail
# Lake" show CLI input and output only); these follow the user guide's log file examples.
rec(name, params) := {
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
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64",
	"requestParameters": params,
	"responseElements": null,
	"eventID": "6d7e8f9a-0b1c-4d3e-8f4a-5b6c7d8e9f0a",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_fires if {
	some a in rule.alert with input as rec("DeleteEventDataStore", {"eventDataStore": store})
	a.changes == ["event data store deleted"]
	store in a.resources
}

test_stop_ingestion_fires if {
	some a in rule.alert with input as rec("StopEventDataStoreIngestion", {"eventDataStore": store})
	a.changes == ["ingestion stopped"]
}

test_update_weakening_fires if {
	r := rec("UpdateEventDataStore", {"eventDataStore": store, "retentionPeriod": 7, "terminationProtectionEnabled": false})
	some a in rule.alert with input as r
	a.changes == ["retentionPeriod set to 7 days", "terminationProtectionEnabled set to false"]
}

test_denied_delete_fires if {
	some a in rule.alert with input as object.union(rec("DeleteEventDataStore", {"eventDataStore": store}), {"errorCode": "AccessDeniedException"})
	a.outcome == "denied"
}

test_update_lengthening_retention_quiet if {
	count(rule.alert) == 0 with input as rec("UpdateEventDataStore", {"eventDataStore": store, "retentionPeriod": 2557, "terminationProtectionEnabled": true})
}

test_start_ingestion_quiet if {
	count(rule.alert) == 0 with input as rec("StartEventDataStoreIngestion", {"eventDataStore": store})
}

test_delete_trail_quiet if {
	count(rule.alert) == 0 with input as rec("DeleteTrail", {"name": "company-trail"})
}

test_exception if {
	ex := {"TRL-CT-012": [{"principals": ["arn:aws:iam::123456789012:user/*"], "source_ips": ["198.51.100.0/24"]}]}
	count(rule.alert) == 0 with input as rec("DeleteEventDataStore", {"eventDataStore": store}) with data.tripline.exceptions as ex
}
