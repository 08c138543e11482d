package tripline.rules.aws.cloudtrail.event_selectors_reduced_test

import data.tripline.rules.aws.cloudtrail.event_selectors_reduced as rule
import rego.v1

# AWS publishes no CloudTrail record for PutEventSelectors (the API reference and the user guide's
# "Configuring basic event selectors" show CLI input and output only); these follow the record
# layout of https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
put(selectors) := {
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
	"eventName": "PutEventSelectors",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64 command/cloudtrail.put-event-selectors",
	"requestParameters": {"trailName": "company-trail", "eventSelectors": selectors},
	"responseElements": {"trailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail", "eventSelectors": selectors},
	"eventID": "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

# Stratus aws.defense-evasion.cloudtrail-event-selectors, as the scenario
# cloudtrail-event-selectors-drop-management writes it.
test_management_events_off_fires if {
	r := put([{"readWriteType": "All", "includeManagementEvents": false, "dataResources": [], "excludeManagementEventSources": []}])
	some a in rule.alert with input as r
	a.changes == ["management events no longer recorded (includeManagementEvents false)"]
	"company-trail" in a.resources
}

test_write_only_fires if {
	r := put([{"readWriteType": "ReadOnly", "includeManagementEvents": true}])
	some a in rule.alert with input as r
	a.changes == ["management events recorded for readWriteType ReadOnly only"]
}

test_excluded_sources_fire if {
	r := put([{"readWriteType": "All", "includeManagementEvents": true, "excludeManagementEventSources": ["kms.amazonaws.com", "rdsdata.amazonaws.com"]}])
	some a in rule.alert with input as r
	a.changes == ["management events of kms.amazonaws.com, rdsdata.amazonaws.com excluded"]
}

test_denied_attempt_fires if {
	r := object.union(put([{"includeManagementEvents": false}]), {"errorCode": "AccessDeniedException", "responseElements": null})
	some a in rule.alert with input as r
	a.outcome == "denied"
}

test_adding_data_resources_quiet if {
	r := put([{
		"readWriteType": "All",
		"includeManagementEvents": true,
		"dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::company-cloudtrail-logs/"]}],
		"excludeManagementEventSources": [],
	}])
	count(rule.alert) == 0 with input as r
}

# A data-only selector next to a management selector keeps management events.
test_data_only_second_selector_quiet if {
	r := put([
		{"readWriteType": "All", "includeManagementEvents": true},
		{"readWriteType": "ReadOnly", "includeManagementEvents": false, "dataResources": [{"type": "AWS::Lambda::Function", "values": ["arn:aws:lambda"]}]},
	])
	count(rule.alert) == 0 with input as r
}

test_read_and_write_selectors_quiet if {
	r := put([{"readWriteType": "ReadOnly"}, {"readWriteType": "WriteOnly"}])
	count(rule.alert) == 0 with input as r
}

test_advanced_selectors_not_this_rule_quiet if {
	base := object.remove(put([]), ["requestParameters"])
	r := object.union(base, {"requestParameters": {"trailName": "company-trail", "advancedEventSelectors": [{"fieldSelectors": [{"field": "eventCategory", "equals": ["Management"]}]}]}})
	count(rule.alert) == 0 with input as r
}

test_exception if {
	ex := {"TRL-CT-007": [{"principals": ["arn:aws:iam::123456789012:user/admin"], "source_ips": ["198.51.100.23"]}]}
	count(rule.alert) == 0 with input as put([{"includeManagementEvents": false}]) with data.tripline.exceptions as ex
}
