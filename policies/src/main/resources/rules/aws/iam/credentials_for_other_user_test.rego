package tripline.rules.aws.iam.credentials_for_other_user_test

import data.tripline.rules.aws.iam.credentials_for_other_user as rule
import rego.v1

# AWS publishes no CloudTrail record for CreateAccessKey (the IAM user guide's example IAM record is
# GetUserPolicy); this follows that layout.
rec(name, params) := {
	"eventVersion": "1.09",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDAEXAMPLEDEVUSER001",
		"arn": "arn:aws:iam::123456789012:user/dev_user",
		"accountId": "123456789012",
		"accessKeyId": "ASIAEXAMPLEDEVUSER01",
		"userName": "dev_user",
	},
	"eventTime": "2024-03-14T21:25:00Z",
	"eventSource": "iam.amazonaws.com",
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8",
	"requestParameters": params,
	"responseElements": null,
	"eventID": "b1c2d3e4-f5a6-4b7c-9d8e-0f1a2b3c4d5e",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_key_for_other_user_fires if {
	some a in rule.alert with input as rec("CreateAccessKey", {"userName": "svc-backup"})
	a.resources == ["svc-backup"]
	contains(a.message, "created an access key for user svc-backup")
}

test_login_profile_for_other_user_fires if {
	count(rule.alert) == 1 with input as rec("CreateLoginProfile", {"userName": "ci-deployer", "passwordResetRequired": false})
}

test_role_creating_key_fires if {
	r := object.union(object.remove(rec("CreateAccessKey", {"userName": "admin"}), ["userIdentity"]), {"userIdentity": {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::123456789012:assumed-role/ci-deploy/gh-actions",
		"accountId": "123456789012",
		"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/ci-deploy", "userName": "ci-deploy"}},
	}})
	count(rule.alert) == 1 with input as r
}

test_denied_fires if {
	some a in rule.alert with input as object.union(rec("CreateAccessKey", {"userName": "admin"}), {"errorCode": "AccessDenied"})
	contains(a.message, "tried to create")
}

test_own_key_rotation_quiet if {
	count(rule.alert) == 0 with input as rec("CreateAccessKey", {"userName": "dev_user"})
}

test_key_without_user_name_quiet if {
	count(rule.alert) == 0 with input as rec("CreateAccessKey", null)
}

test_delete_access_key_quiet if {
	count(rule.alert) == 0 with input as rec("DeleteAccessKey", {"userName": "svc-backup", "accessKeyId": "AKIAEXAMPLE"})
}

test_exception if {
	ex := {"TRL-IDN-002": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"], "source_ips": ["185.143.221.89"]}]}
	count(rule.alert) == 0 with input as rec("CreateAccessKey", {"userName": "svc-backup"}) with data.tripline.exceptions as ex
}
