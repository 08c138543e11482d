package tripline.rules.aws.signin.console_login_without_mfa_test

import data.tripline.rules.aws.signin.console_login_without_mfa as rule
import rego.v1

ctx := {"corporate_cidrs": ["192.0.2.0/24"]}

# Records copied from AWS: "Example records for IAM users" and "for root users",
# https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
anaya_no_mfa := {
	"eventVersion": "1.05",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDACKCEVSQ6C2EXAMPLE",
		"arn": "arn:aws:iam::111122223333:user/anaya",
		"accountId": "111122223333",
		"userName": "anaya",
	},
	"eventTime": "2018-08-29T16:24:34Z",
	"eventSource": "signin.amazonaws.com",
	"eventName": "ConsoleLogin",
	"awsRegion": "us-east-2",
	"sourceIPAddress": "192.0.2.0",
	"userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.12; rv:62.0) Gecko/20100101 Firefox/62.0",
	"requestParameters": null,
	"responseElements": {"ConsoleLogin": "Success"},
	"additionalEventData": {
		"MobileVersion": "No",
		"LoginTo": "https://console.aws.amazon.com/sns",
		"MFAUsed": "No",
	},
	"eventID": "3fcfb182-98f8-4744-bd45-10a395ab61cb",
	"eventType": "AwsConsoleSignin",
}

anaya_mfa := {
	"eventVersion": "1.05",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDACKCEVSQ6C2EXAMPLE",
		"arn": "arn:aws:iam::111122223333:user/anaya",
		"accountId": "111122223333",
		"userName": "anaya",
	},
	"eventTime": "2018-07-24T18:34:07Z",
	"eventSource": "signin.amazonaws.com",
	"eventName": "ConsoleLogin",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "192.0.2.0",
	"userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/67.0.3396.99 Safari/537.36",
	"requestParameters": null,
	"responseElements": {"ConsoleLogin": "Success"},
	"additionalEventData": {
		"LoginTo": "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
		"MobileVersion": "No",
		"MFAUsed": "Yes",
	},
	"eventID": "fed06f42-cb12-4764-8c69-121063dc79b9",
	"eventType": "AwsConsoleSignIn",
	"recipientAccountId": "111122223333",
}

anaya_failed := {
	"eventVersion": "1.05",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDACKCEVSQ6C2EXAMPLE",
		"accountId": "111122223333",
		"accessKeyId": "",
		"userName": "anaya",
	},
	"eventTime": "2018-07-24T18:32:11Z",
	"eventSource": "signin.amazonaws.com",
	"eventName": "ConsoleLogin",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "192.0.2.0",
	"userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/67.0.3396.99 Safari/537.36",
	"errorMessage": "Failed authentication",
	"requestParameters": null,
	"responseElements": {"ConsoleLogin": "Failure"},
	"additionalEventData": {
		"LoginTo": "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
		"MobileVersion": "No",
		"MFAUsed": "Yes",
	},
	"eventID": "d38ce1b3-4575-4cb8-a632-611b8243bfc3",
	"eventType": "AwsConsoleSignIn",
	"recipientAccountId": "111122223333",
}

root_no_mfa := {
	"eventVersion": "1.05",
	"userIdentity": {
		"type": "Root",
		"principalId": "AIDACKCEVSQ6C2EXAMPLE",
		"arn": "arn:aws:iam::111122223333:root",
		"accountId": "111122223333",
		"accessKeyId": "",
	},
	"eventTime": "2018-08-29T16:24:34Z",
	"eventSource": "signin.amazonaws.com",
	"eventName": "ConsoleLogin",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "192.0.2.0",
	"userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.12; rv:62.0) Gecko/20100101 Firefox/62.0",
	"requestParameters": null,
	"responseElements": {"ConsoleLogin": "Success"},
	"additionalEventData": {
		"LoginTo": "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
		"MobileVersion": "No",
		"MFAUsed": "No",
	},
	"eventID": "deb1e1f9-c99b-4612-8e9f-21f93b5d79c0",
	"eventType": "AwsConsoleSignIn",
	"recipientAccountId": "111122223333",
}

test_aws_doc_sign_in_without_mfa_fires_without_context if {
	some a in rule.alert with input as anaya_no_mfa
	a.principal.name == "anaya"
	a.severity == "medium"
}

test_aws_doc_root_sign_in_without_mfa_is_high if {
	some a in rule.alert with input as root_no_mfa
	a.severity == "high"
}

# The seed: dev_user from Bulgaria, no MFA.
test_foreign_sign_in_fires if {
	r := object.union(anaya_no_mfa, {"sourceIPAddress": "185.143.221.89"})
	some a in rule.alert with input as r with data.tripline.context as ctx
	contains(a.message, "outside the corporate networks")
}

test_aws_doc_mfa_sign_in_quiet if {
	count(rule.alert) == 0 with input as object.union(anaya_mfa, {"sourceIPAddress": "185.143.221.89"})
}

test_aws_doc_failed_sign_in_quiet if {
	r := object.union(anaya_failed, {"additionalEventData": {"MFAUsed": "No"}, "sourceIPAddress": "185.143.221.89"})
	count(rule.alert) == 0 with input as r
}

test_office_sign_in_quiet if {
	count(rule.alert) == 0 with input as anaya_no_mfa with data.tripline.context as ctx
}

test_federated_sign_in_quiet if {
	fed := object.union(object.remove(anaya_no_mfa, ["userIdentity"]), {"userIdentity": {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/anaya@example.com",
		"accountId": "111122223333",
	}})
	count(rule.alert) == 0 with input as fed
}

test_exception if {
	ex := {"TRL-SIGN-001": [{"principals": ["arn:aws:iam::111122223333:user/anaya"]}]}
	count(rule.alert) == 0 with input as anaya_no_mfa with data.tripline.exceptions as ex
}
