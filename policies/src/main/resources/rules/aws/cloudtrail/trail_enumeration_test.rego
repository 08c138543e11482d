package tripline.rules.aws.cloudtrail.trail_enumeration_test

import data.tripline.rules.aws.cloudtrail.trail_enumeration as rule
import rego.v1

ctx := {
	"log_readers": ["arn:aws:iam::123456789012:role/SecurityAudit"],
	"admin_roles": ["arn:aws:iam::123456789012:role/CloudAdmin"],
}

dev := {
	"type": "IAMUser",
	"principalId": "AIDAEXAMPLEDEVUSER001",
	"arn": "arn:aws:iam::123456789012:user/dev_user",
	"accountId": "123456789012",
	"accessKeyId": "ASIAEXAMPLEDEVUSER01",
	"userName": "dev_user",
	"sessionContext": {"sessionIssuer": {}, "attributes": {"creationDate": "2024-03-14T20:45:00Z", "mfaAuthenticated": "false"}},
	"invokedBy": "signin.amazonaws.com",
}

# AWS publishes no CloudTrail record for DescribeTrails or LookupEvents (the user guide's log file
# examples and the API reference show none); this is the seed's 16:15:10 EST call as the console
# writes it, after the layout of https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
rec(name, params) := {
	"eventVersion": "1.09",
	"userIdentity": dev,
	"eventTime": "2024-03-14T21:15:10Z",
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "signin.amazonaws.com",
	"requestParameters": params,
	"responseElements": null,
	"eventID": "96b306aa-f1d6-427f-b14a-df0b17758152",
	"readOnly": true,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

auditor := {
	"type": "AssumedRole",
	"principalId": "AROAEXAMPLEAUDIT0001:soc-analyst",
	"arn": "arn:aws:sts::123456789012:assumed-role/SecurityAudit/soc-analyst",
	"accountId": "123456789012",
	"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/SecurityAudit", "userName": "SecurityAudit"}},
}

test_describe_trails_by_developer_fires if {
	some a in rule.alert with input as rec("DescribeTrails", {"trailNameList": [], "includeShadowTrails": true}) with data.tripline.context as ctx
	a.principal.name == "dev_user"
	a.eventName == "DescribeTrails"
}

test_every_enumeration_call_fires if {
	every name in ["ListTrails", "GetTrail", "GetTrailStatus", "GetEventSelectors", "GetInsightSelectors"] {
		count(rule.alert) == 1 with input as rec(name, {"name": "company-trail"}) with data.tripline.context as ctx
	}
}

test_lookup_events_for_users_fires if {
	r := rec("LookupEvents", {"maxResults": 50, "lookupAttributes": [{"attributeKey": "EventName", "attributeValue": "ConsoleLogin"}]})
	count(rule.alert) == 1 with input as r with data.tripline.context as ctx
}

test_unfiltered_lookup_events_fires if {
	count(rule.alert) == 1 with input as rec("LookupEvents", {"maxResults": 50}) with data.tripline.context as ctx
}

test_denied_enumeration_fires if {
	r := object.union(rec("DescribeTrails", {}), {"errorCode": "AccessDeniedException"})
	some a in rule.alert with input as r with data.tripline.context as ctx
	a.outcome == "denied"
}

test_resource_scoped_lookup_quiet if {
	r := rec("LookupEvents", {"maxResults": 50, "lookupAttributes": [{"attributeKey": "ResourceName", "attributeValue": "orders-api"}]})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_log_reader_quiet if {
	r := object.union(rec("DescribeTrails", {}), {"userIdentity": auditor, "sourceIPAddress": "192.0.2.60"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_admin_quiet if {
	admin := object.union(auditor, {"arn": "arn:aws:sts::123456789012:assumed-role/CloudAdmin/jane.doe", "sessionContext": {"sessionIssuer": {"arn": "arn:aws:iam::123456789012:role/CloudAdmin", "userName": "CloudAdmin"}}})
	count(rule.alert) == 0 with input as object.union(rec("GetTrailStatus", {"name": "company-trail"}), {"userIdentity": admin}) with data.tripline.context as ctx
}

test_aws_config_service_quiet if {
	config := {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForConfig/AWSConfig-Describe",
		"accountId": "123456789012",
		"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig", "userName": "AWSServiceRoleForConfig"}},
		"invokedBy": "config.amazonaws.com",
	}
	r := object.union(rec("DescribeTrails", {}), {"userIdentity": config, "sourceIPAddress": "config.amazonaws.com", "userAgent": "config.amazonaws.com"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_write_calls_quiet if {
	count(rule.alert) == 0 with input as rec("StartLogging", {"name": "company-trail"}) with data.tripline.context as ctx
}

test_exception if {
	ex := {"TRL-CT-001": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"], "source_ips": ["192.0.2.0/24"]}]}
	r := object.union(rec("DescribeTrails", {}), {"sourceIPAddress": "192.0.2.31"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx with data.tripline.exceptions as ex
	count(rule.alert) == 1 with input as rec("DescribeTrails", {}) with data.tripline.context as ctx with data.tripline.exceptions as ex
}
