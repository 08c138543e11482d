package tripline.rules.aws.config.resource_deleted_test

import data.tripline.rules.aws.config.resource_deleted
import rego.v1

# Copied from AWS Config's "Example Log Files" (DeleteDeliveryChannel):
# https://docs.aws.amazon.com/config/latest/developerguide/cloudtrail-log-files-for-aws-config.html
# (read from its mirror https://docs.amazonaws.cn/en_us/config/latest/developerguide/cloudtrail-log-files-for-aws-config.html)
aws_doc_delete_channel := {
	"eventVersion": "1.02",
	"userIdentity": {
		"type": "IAMUser",
		"principalId": "AIDACKCEVSQ6C2EXAMPLE",
		"arn": "arn:aws:iam::222222222222:user/JohnDoe",
		"accountId": "222222222222",
		"accessKeyId": "AKIAIOSFODNN7EXAMPLE",
		"userName": "JohnDoe",
	},
	"eventTime": "2014-12-11T18:32:57Z",
	"eventSource": "config.amazonaws.com",
	"eventName": "DeleteDeliveryChannel",
	"awsRegion": "us-west-2",
	"sourceIPAddress": "10.24.34.0",
	"userAgent": "aws-internal/3",
	"requestParameters": {"deliveryChannelName": "default"},
	"responseElements": null,
	"requestID": "207d695a-8164-11e4-ab4f-657c7ab282ab",
	"eventID": "5dcff7a9-e414-411a-a43e-88d122a0ad4a",
	"eventType": "AwsApiCall",
	"recipientAccountId": "222222222222",
}

test_aws_doc_delete_delivery_channel_fires if {
	some a in resource_deleted.alert with input as aws_doc_delete_channel
	a.resources == ["default"]
	a.principal.name == "JohnDoe"
	a.message == "JohnDoe called DeleteDeliveryChannel default"
}

# Scenario config-recorder-stopped: the channel delete fails while the recorder runs; still an attempt.
test_failed_delete_fires if {
	failed := object.union(aws_doc_delete_channel, {"errorCode": "LastDeliveryChannelDeleteFailedException", "errorMessage": "Failed to delete last specified delivery channel with name 'default', because there, because there is a running configuration recorder."})
	some a in resource_deleted.alert with input as failed
	a.message == "JohnDoe attempted DeleteDeliveryChannel default (LastDeliveryChannelDeleteFailedException)"
}

test_delete_recorder_and_rule_fire if {
	rec := object.union(object.remove(aws_doc_delete_channel, ["requestParameters"]), {"eventName": "DeleteConfigurationRecorder", "requestParameters": {"configurationRecorderName": "default"}})
	count(resource_deleted.alert) == 1 with input as rec
	rule := object.union(object.remove(aws_doc_delete_channel, ["requestParameters"]), {"eventName": "DeleteConfigRule", "requestParameters": {"configRuleName": "cloudtrail-enabled"}})
	some a in resource_deleted.alert with input as rule
	a.resources == ["cloudtrail-enabled"]
}

# Security Hub removing the Config rules of a standard it disables.
test_security_hub_managed_rule_quiet if {
	sh := object.union(object.remove(aws_doc_delete_channel, ["requestParameters"]), {
		"eventName": "DeleteConfigRule",
		"requestParameters": {"configRuleName": "securityhub-cloud-trail-encryption-enabled-3f5c2b"},
		"userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::222222222222:assumed-role/AWSServiceRoleForSecurityHub/securityhub", "accountId": "222222222222", "invokedBy": "securityhub.amazonaws.com"},
	})
	count(resource_deleted.alert) == 0 with input as sh
}

test_put_and_describe_quiet if {
	count(resource_deleted.alert) == 0 with input as object.union(aws_doc_delete_channel, {"eventName": "PutDeliveryChannel"})
	count(resource_deleted.alert) == 0 with input as object.union(aws_doc_delete_channel, {"eventName": "DescribeDeliveryChannels"})
	count(resource_deleted.alert) == 0 with input as object.union(aws_doc_delete_channel, {"eventName": "DeleteEvaluationResults"})
}

test_exception if {
	exc := {"TRL-CFG-002": [{"principals": ["arn:aws:iam::222222222222:user/JohnDoe"], "source_ips": ["10.24.34.0"]}]}
	count(resource_deleted.alert) == 0 with input as aws_doc_delete_channel with data.tripline.exceptions as exc
}
