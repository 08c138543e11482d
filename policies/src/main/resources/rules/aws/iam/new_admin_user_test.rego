package tripline.rules.aws.iam.new_admin_user_test

import data.tripline.rules.aws.iam.new_admin_user as rule
import rego.v1

# CreateUser is AWS's record "IAM log examples" (Alice creates Bob),
# https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html#cloudtrail-log-file-examples-iam
# AWS publishes no AttachUserPolicy record; the grant follows the same layout.
aws_doc_create_user := {
	"eventVersion": "1.0",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "EX_PRINCIPAL_ID",
		"arn": "arn:aws:iam::123456789012:user/Alice",
		"accountId": "123456789012",
		"accessKeyId": "EXAMPLE_KEY_ID",
		"userName": "Alice",
	},
	"eventTime": "2014-03-24T21:11:59Z",
	"eventSource": "iam.amazonaws.com",
	"eventName": "CreateUser",
	"awsRegion": "us-east-2",
	"sourceIPAddress": "127.0.0.1",
	"userAgent": "aws-cli/1.3.2 Python/2.7.5 Windows/7",
	"requestParameters": {"userName": "Bob"},
	"responseElements": {"user": {
		"createDate": "Mar 24, 2014 9:11:59 PM",
		"userName": "Bob",
		"arn": "arn:aws:iam::123456789012:user/Bob",
		"path": "/",
		"userId": "EXAMPLEUSERID",
	}},
}

grant(name, params, time) := object.union(object.remove(aws_doc_create_user, ["requestParameters", "responseElements"]), {
	"eventName": name,
	"eventTime": time,
	"requestParameters": params,
	"responseElements": null,
	"eventID": sprintf("%s-%s", [name, time]),
})

attach_admin := grant("AttachUserPolicy", {"userName": "Bob", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}, "2014-03-24T21:12:09Z")

batch(records) := {
	"records": records,
	"group": {"userIdentity.arn": "arn:aws:iam::123456789012:user/Alice"},
	"window": {"start": records[0].eventTime, "end": records[count(records) - 1].eventTime, "duration": "1h"},
}

test_records_that_take_part if {
	rule.match with input as aws_doc_create_user
	rule.match with input as attach_admin
	not rule.match with input as grant("AttachUserPolicy", {"userName": "Bob", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}, "2014-03-24T21:12:09Z")
}

test_create_then_administrator_access_fires if {
	some a in rule.alert with input as batch([aws_doc_create_user, attach_admin])
	a.resources == ["Bob"]
	contains(a.message, "gave it AdministratorAccess")
}

test_inline_star_policy_fires if {
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	put := grant("PutUserPolicy", {"userName": "Bob", "policyName": "backup", "policyDocument": doc}, "2014-03-24T21:12:09Z")
	some a in rule.alert with input as batch([aws_doc_create_user, put])
	contains(a.message, "inline policy backup allowing * on *")
}

test_read_only_policy_quiet if {
	ro := grant("AttachUserPolicy", {"userName": "Bob", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}, "2014-03-24T21:12:09Z")
	count(rule.alert) == 0 with input as batch([aws_doc_create_user, ro])
}

test_admin_for_other_user_quiet if {
	other := grant("AttachUserPolicy", {"userName": "carol", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}, "2014-03-24T21:12:09Z")
	count(rule.alert) == 0 with input as batch([aws_doc_create_user, other])
}

test_customer_policy_named_like_aws_quiet if {
	own := grant("AttachUserPolicy", {"userName": "Bob", "policyArn": "arn:aws:iam::123456789012:policy/AdministratorAccess"}, "2014-03-24T21:12:09Z")
	count(rule.alert) == 0 with input as batch([aws_doc_create_user, own])
}

test_exception if {
	ex := {"TRL-IDN-003": [{"principals": ["arn:aws:iam::123456789012:user/Alice"]}]}
	count(rule.alert) == 0 with input as batch([aws_doc_create_user, attach_admin]) with data.tripline.exceptions as ex
}
