package tripline.rules.aws.cloudtrail.oversized_request_evasion_test

import data.tripline.rules.aws.cloudtrail.oversized_request_evasion as rule
import rego.v1

# AWS publishes no example record of an omitted requestParameters; this one follows the shape
# Permiso and Elastic describe (https://permiso.io/blog/cloudtrail-logging-evasion-where-policy-size-matters).
padded := {
	"eventVersion": "1.09",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDAEXAMPLEDEVUSER001",
		"arn": "arn:aws:iam::123456789012:user/dev_user",
		"accountId": "123456789012",
		"accessKeyId": "AKIAEXAMPLEDEVUSER01",
		"userName": "dev_user",
	},
	"eventTime": "2024-03-14T22:01:00Z",
	"eventSource": "iam.amazonaws.com",
	"eventName": "CreatePolicyVersion",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8",
	"requestParameters": {"reason": "requestParameters too large", "omitted": true, "originalSize": 131072},
	"responseElements": {"policyVersion": {"versionId": "v2", "isDefaultVersion": true, "createDate": "Mar 14, 2024 10:01:00 PM"}},
	"eventID": "9a0b1c2d-3e4f-4a6b-9c7d-8e9f0a1b2c3d",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_padded_policy_fires if {
	some a in rule.alert with input as padded
	a.changes.originalSize == 131072
	contains(a.message, "iam.amazonaws.com:CreatePolicyVersion")
}

test_string_flag_fires if {
	r := object.union(padded, {"requestParameters": {"omitted": "true"}})
	count(rule.alert) == 1 with input as r
}

test_other_service_fires if {
	count(rule.alert) == 1 with input as object.union(padded, {"eventSource": "glue.amazonaws.com", "eventName": "UpdateTable"})
}

test_normal_policy_version_quiet if {
	r := object.union(object.remove(padded, ["requestParameters"]), {"requestParameters": {"policyArn": "arn:aws:iam::123456789012:policy/app", "policyDocument": "{}", "setAsDefault": true}})
	count(rule.alert) == 0 with input as r
}

test_read_only_quiet if {
	count(rule.alert) == 0 with input as object.union(padded, {"eventName": "GetPolicyVersion", "readOnly": true})
}

test_null_parameters_quiet if {
	count(rule.alert) == 0 with input as object.union(padded, {"requestParameters": null})
}

test_exception if {
	ex := {"TRL-CT-020": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"], "user_agents": ["aws-cli/*"]}]}
	count(rule.alert) == 0 with input as padded with data.tripline.exceptions as ex
}
