package tripline.rules.aws.events.rule_disabled_test

import data.tripline.rules.aws.events.rule_disabled
import rego.v1

# Scenario eventbridge-alert-rule-disabled, as the simulator writes it.
disable := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:00:20Z",
	"eventSource": "events.amazonaws.com",
	"eventName": "DisableRule",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/events.disable-rule",
	"requestParameters": {"name": "cloudtrail-tamper-alerts"},
	"responseElements": null,
	"requestID": "9f0a1b2c-3d4e-4f5a-6b7c-8d9e0f1a2b3c",
	"eventID": "4c5d6e7f-8a9b-4c0d-1e2f-3a4b5c6d7e8f",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_disable_fires if {
	some a in rule_disabled.alert with input as disable
	a.message == "admin disabled EventBridge rule cloudtrail-tamper-alerts (bus default)"
}

test_delete_and_remove_targets_fire if {
	del := object.union(disable, {"eventName": "DeleteRule", "requestParameters": {"force": false}})
	count(rule_disabled.alert) == 1 with input as del
	rm := object.union(object.remove(disable, ["requestParameters"]), {"eventName": "RemoveTargets", "requestParameters": {"rule": "cloudtrail-tamper-alerts", "ids": ["security-alerts-sns"], "force": false}})
	some a in rule_disabled.alert with input as rm
	a.message == "admin removed target(s) security-alerts-sns from EventBridge rule cloudtrail-tamper-alerts (bus default)"
}

test_put_rule_disabled_fires if {
	r := object.union(disable, {"eventName": "PutRule", "requestParameters": {"state": "DISABLED", "eventPattern": "{\"source\":[\"aws.cloudtrail\"]}"}})
	count(rule_disabled.alert) == 1 with input as r
}

test_denied_attempt_fires if {
	some a in rule_disabled.alert with input as object.union(disable, {"errorCode": "AccessDeniedException"})
	contains(a.message, "tried: disabled")
}

test_put_rule_enabled_quiet if {
	r := object.union(disable, {"eventName": "PutRule", "requestParameters": {"state": "ENABLED"}})
	count(rule_disabled.alert) == 0 with input as r
}

# Same eventName, other services: WAF (classic and v2) and Elastic Load Balancing.
test_waf_and_elb_delete_rule_quiet if {
	count(rule_disabled.alert) == 0 with input as object.union(disable, {"eventName": "DeleteRule", "eventSource": "waf.amazonaws.com"})
	count(rule_disabled.alert) == 0 with input as object.union(disable, {"eventName": "DeleteRule", "eventSource": "wafv2.amazonaws.com"})
	count(rule_disabled.alert) == 0 with input as object.union(disable, {"eventName": "DeleteRule", "eventSource": "elasticloadbalancing.amazonaws.com", "requestParameters": {"ruleArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee"}})
}

test_service_linked_role_quiet if {
	svc := object.union(disable, {"eventName": "DeleteRule", "userIdentity": {
		"type": "AssumedRole",
		"arn": "arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling",
		"accountId": "123456789012",
		"invokedBy": "autoscaling.amazonaws.com",
		"sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling", "userName": "AWSServiceRoleForAutoScaling"}},
	}})
	count(rule_disabled.alert) == 0 with input as svc
}

test_exception if {
	exc := {"TRL-EVT-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(rule_disabled.alert) == 0 with input as disable with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for DisableRule/DeleteRule/RemoveTargets was found: the
# EventBridge CloudTrail page (https://docs.aws.amazon.com/eventbridge/latest/userguide/logging-using-cloudtrail.html)
# was checked; the record above is the simulator's.
