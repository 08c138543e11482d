package tripline.rules.aws.iam.account_discovery_test

import data.tripline.rules.aws.iam.account_discovery as rule
import rego.v1

ctx := {"admin_roles": ["arn:aws:iam::123456789012:role/CloudAdmin"]}

# AWS publishes no record for ListUsers; the IAM user guide's one IAM example record
# (GetUserPolicy, below) gives the layout.
rec(name, params) := {
	"eventVersion": "1.09",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDAEXAMPLEDEVUSER001",
		"arn": "arn:aws:iam::123456789012:user/dev_user",
		"accountId": "123456789012",
		"accessKeyId": "ASIAEXAMPLEDEVUSER01",
		"userName": "dev_user",
		"sessionContext": {"sessionIssuer": {}, "attributes": {"creationDate": "2024-03-14T20:45:00Z", "mfaAuthenticated": "false"}},
		"invokedBy": "signin.amazonaws.com",
	},
	"eventTime": "2024-03-14T20:48:00Z",
	"eventSource": "iam.amazonaws.com",
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "signin.amazonaws.com",
	"requestParameters": params,
	"responseElements": null,
	"eventID": "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d",
	"readOnly": true,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

# Record copied from AWS: "Example IAM API event in CloudTrail log file",
# https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html#cloudtrail-integration-iam-api-events
# Reading one named inline policy of one's own user is not enumeration: quiet.
aws_doc_get_user_policy := {
	"eventVersion": "1.05",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDACKCEVSQ6C2EXAMPLE",
		"arn": "arn:aws:iam::444455556666:user/JaneDoe",
		"accountId": "444455556666",
		"accessKeyId": "AKIAI44QH8DHBEXAMPLE",
		"userName": "JaneDoe",
		"sessionContext": {"attributes": {
			"mfaAuthenticated": "false",
			"creationDate": "2014-07-15T21:39:40Z",
		}},
		"invokedBy": "signin.amazonaws.com",
	},
	"eventTime": "2014-07-15T21:40:14Z",
	"eventSource": "iam.amazonaws.com",
	"eventName": "GetUserPolicy",
	"awsRegion": "us-east-2",
	"sourceIPAddress": "signin.amazonaws.com",
	"userAgent": "signin.amazonaws.com",
	"requestParameters": {
		"userName": "JaneDoe",
		"policyName": "ReadOnlyAccess-JaneDoe-201407151307",
	},
	"responseElements": null,
	"requestID": "9EXAMPLE-0c68-11e4-a24e-d5e16EXAMPLE",
	"eventID": "cEXAMPLE-127e-4632-980d-505a4EXAMPLE",
}

test_aws_doc_get_user_policy_quiet if {
	count(rule.alert) == 0 with input as aws_doc_get_user_policy with data.tripline.context as ctx
}

test_aws_doc_layout_list_attached_policies_fires if {
	r := object.union(aws_doc_get_user_policy, {"eventName": "ListAttachedUserPolicies", "requestParameters": {"userName": "JaneDoe"}})
	some a in rule.alert with input as r with data.tripline.context as ctx
	a.resources == ["JaneDoe"]
}

test_list_users_fires if {
	some a in rule.alert with input as rec("ListUsers", null) with data.tripline.context as ctx
	a.principal.name == "dev_user"
}

test_denied_authorization_details_fires if {
	r := object.union(rec("GetAccountAuthorizationDetails", null), {"errorCode": "AccessDenied"})
	some a in rule.alert with input as r with data.tripline.context as ctx
	a.outcome == "denied"
}

test_admin_quiet if {
	admin := {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::123456789012:assumed-role/CloudAdmin/jane.doe",
		"accountId": "123456789012",
		"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/CloudAdmin", "userName": "CloudAdmin"}},
	}
	r := object.union(object.remove(rec("ListUsers", null), ["userIdentity"]), {"userIdentity": admin, "sourceIPAddress": "192.0.2.44"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_aws_service_quiet if {
	r := object.union(object.remove(rec("ListRoles", null), ["userIdentity"]), {"userIdentity": {"type": "AWSService", "invokedBy": "guardduty.amazonaws.com"}, "sourceIPAddress": "guardduty.amazonaws.com"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_iam_write_quiet if {
	count(rule.alert) == 0 with input as rec("CreateUser", {"userName": "svc-backup"}) with data.tripline.context as ctx
}

test_organizations_list_accounts_quiet if {
	r := object.union(rec("ListUsers", null), {"eventSource": "identitystore.amazonaws.com"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_exception if {
	ex := {"TRL-IDN-001": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"]}]}
	count(rule.alert) == 0 with input as rec("ListUsers", null) with data.tripline.exceptions as ex
}
