package tripline.rules.aws.cloudtrail.trail_delivery_redirected_test

import data.tripline.rules.aws.cloudtrail.trail_delivery_redirected as rule
import rego.v1

ctx := {"trail_buckets": ["company-cloudtrail-logs"], "accounts": ["123456789012"]}

# AWS publishes no CloudTrail record for a successful CreateTrail or UpdateTrail (the user guide's
# only trail record is an UpdateTrail error, used in trail_weakened_test); this one follows it.
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
	"sourceIPAddress": "198.51.100.77",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64",
	"requestParameters": params,
	"responseElements": null,
	"eventID": "7a1c9e53-2f4d-4c8b-b6e0-93d5f1a2c7e5",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_rogue_create_trail_fires_without_context if {
	r := rec("CreateTrail", {"name": "backup-trail", "s3BucketName": "attacker-logs-999988887777", "isMultiRegionTrail": true})
	some a in rule.alert with input as r
	a.changes == {"s3BucketName": "attacker-logs-999988887777"}
	"attacker-logs-999988887777" in a.resources
}

test_update_to_foreign_bucket_fires if {
	r := rec("UpdateTrail", {"name": "company-trail", "s3BucketName": "exfil-trail-logs-7731", "s3KeyPrefix": "ct"})
	some a in rule.alert with input as r with data.tripline.context as ctx
	contains(a.message, "moved log delivery to exfil-trail-logs-7731")
}

test_update_without_inventory_quiet if {
	r := rec("UpdateTrail", {"name": "company-trail", "s3BucketName": "exfil-trail-logs-7731"})
	count(rule.alert) == 0 with input as r
}

test_update_same_bucket_quiet if {
	r := rec("UpdateTrail", {"name": "company-trail", "s3BucketName": "company-cloudtrail-logs", "enableLogFileValidation": true})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_create_trail_to_known_bucket_quiet if {
	r := rec("CreateTrail", {"name": "second-trail", "s3BucketName": "company-cloudtrail-logs"})
	count(rule.alert) == 0 with input as r with data.tripline.context as ctx
}

test_denied_create_fires if {
	r := object.union(rec("CreateTrail", {"name": "x", "s3BucketName": "attacker-logs"}), {"errorCode": "AccessDeniedException"})
	some a in rule.alert with input as r
	contains(a.message, "tried")
}

test_exception if {
	ex := {"TRL-CT-013": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	r := rec("CreateTrail", {"name": "backup-trail", "s3BucketName": "attacker-logs"})
	count(rule.alert) == 0 with input as r with data.tripline.exceptions as ex
}
