package tripline.rules.aws.cloudtrail.insights_disabled_test

import data.tripline.rules.aws.cloudtrail.insights_disabled as rule
import rego.v1

# AWS publishes no CloudTrail record for PutInsightSelectors (API reference and user guide show
# CLI input and output only); this follows the layout of the user guide's log file examples.
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
	"eventName": "PutInsightSelectors",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64 command/cloudtrail.put-insight-selectors",
	"requestParameters": {"trailName": "company-trail", "insightSelectors": selectors},
	"responseElements": {"trailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail", "insightSelectors": selectors},
	"eventID": "5c6d7e8f-9a0b-4c2d-9e3f-4a5b6c7d8e9f",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_empty_selectors_fire if {
	some a in rule.alert with input as put([])
	"company-trail" in a.resources
	contains(a.message, "turned off CloudTrail Insights")
}

test_event_data_store_fires if {
	base := object.remove(put([]), ["requestParameters"])
	r := object.union(base, {"requestParameters": {"eventDataStore": "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/EXAMPLE", "insightSelectors": []}})
	some a in rule.alert with input as r
	"arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/EXAMPLE" in a.resources
}

test_enabling_insights_quiet if {
	count(rule.alert) == 0 with input as put([{"insightType": "ApiCallRateInsight"}, {"insightType": "ApiErrorRateInsight"}])
}

test_get_insight_selectors_quiet if {
	count(rule.alert) == 0 with input as object.union(put([]), {"eventName": "GetInsightSelectors", "readOnly": true})
}

test_denied_fires if {
	some a in rule.alert with input as object.union(put([]), {"errorCode": "AccessDeniedException"})
	a.outcome == "denied"
}

test_exception if {
	ex := {"TRL-CT-009": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(rule.alert) == 0 with input as put([]) with data.tripline.exceptions as ex
}
