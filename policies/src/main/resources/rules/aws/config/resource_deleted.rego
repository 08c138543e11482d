# METADATA
# title: AWS Config delivery channel, recorder, rule, aggregator or retention deleted
# description: >-
#   DeleteDeliveryChannel, DeleteConfigurationRecorder, DeleteConfigRule,
#   DeleteConfigurationAggregator or DeleteRetentionConfiguration, whatever the outcome (a
#   LastDeliveryChannelDeleteFailedException while the recorder runs, or AccessDenied, is still an
#   attempt). Calls Security Hub, Firewall Manager, Control Tower or conformance packs make for
#   AWS (userIdentity.invokedBy) are quiet, as in Elastic's "AWS Config Resource Deletion".
# custom:
#   id: TRL-CFG-002
#   severity: medium
#   risk_score: 63
#   mitre:
#     - {id: T1562.001, version: "18"}
#     - {id: T1685, version: "19"}
#   tags: [AWS, Config, Impair Defenses, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Infrastructure as code replacing a Config rule or aggregator (delete then create); except the pipeline's role.
#   references:
#     - https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteDeliveryChannel.html
#     - https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteConfigurationRecorder.html
#     - https://www.elastic.co/guide/en/security/current/aws-config-resource-deletion.html
#   investigation:
#     - Which Config resource was deleted, and was it recreated?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look for a StopConfigurationRecorder just before (TRL-CFG-001) and other defence impairment.
#   response:
#     - Recreate the deleted resource (recorder, delivery channel, rule) and start recording.
#     - Deny config:Delete* with an SCP outside the Config administrators.
package tripline.rules.aws.config.resource_deleted

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

delete_calls := {
	"DeleteDeliveryChannel": "deliveryChannelName",
	"DeleteConfigurationRecorder": "configurationRecorderName",
	"DeleteConfigRule": "configRuleName",
	"DeleteConfigurationAggregator": "configurationAggregatorName",
	"DeleteRetentionConfiguration": "retentionConfigurationName",
}

managing_services := {"securityhub.amazonaws.com", "fms.amazonaws.com", "controltower.amazonaws.com", "config-conforms.amazonaws.com"}

alert contains a if {
	input.eventSource == "config.amazonaws.com"
	field := delete_calls[input.eventName]
	not object.get(input.userIdentity, "invokedBy", "") in managing_services
	not exceptions.excepted(rego.metadata.chain(), input)
	name := object.get(aws.params(input), field, "")
	a := aws.alert(
		input,
		sprintf("%s %s %s %s%s", [aws.principal_name(input), verb, input.eventName, name, failure]),
		{"resources": [name]},
	)
}

verb := "called" if aws.succeeded(input)

else := "attempted"

failure := sprintf(" (%s)", [input.errorCode]) if input.errorCode

else := ""
