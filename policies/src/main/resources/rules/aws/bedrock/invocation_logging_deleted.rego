# METADATA
# title: Bedrock model invocation logging deleted or emptied
# description: >-
#   DeleteModelInvocationLoggingConfiguration on bedrock.amazonaws.com, or a
#   PutModelInvocationLoggingConfiguration that leaves no destination (neither s3Config nor
#   cloudWatchConfig) or turns every data type off (text, image, embedding, video delivery
#   false): prompts and responses to the account's models stop being recorded, which hides
#   LLMjacking and data leaks through models. Whatever the outcome. Panther and Splunk cover the
#   delete only; Elastic also alerts on every Put, benign or not.
# custom:
#   id: TRL-BR-001
#   severity: medium
#   risk_score: 56
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, Bedrock, Logging, Log Tampering, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Logging moved to another destination (a Put with the new destination follows); a team that never uses Bedrock removing it.
#   references:
#     - https://docs.aws.amazon.com/bedrock/latest/APIReference/API_DeleteModelInvocationLoggingConfiguration.html
#     - https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PutModelInvocationLoggingConfiguration.html
#     - https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html
#   investigation:
#     - Was invocation logging restored, and what model invocations (InvokeModel, Converse) followed?
#     - Check who made the call, from where, and whether a change ticket covers it.
#   response:
#     - Restore the logging configuration.
#     - Restrict bedrock:DeleteModelInvocationLoggingConfiguration and PutModelInvocationLoggingConfiguration.
package tripline.rules.aws.bedrock.invocation_logging_deleted

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

config := object.get(aws.params(input), "loggingConfig", {})

delivery_flags := ["textDataDeliveryEnabled", "imageDataDeliveryEnabled", "embeddingDataDeliveryEnabled", "videoDataDeliveryEnabled"]

problem := "deleted the model invocation logging configuration" if {
	input.eventName == "DeleteModelInvocationLoggingConfiguration"
} else := "set a model invocation logging configuration with no destination" if {
	input.eventName == "PutModelInvocationLoggingConfiguration"
	not config.s3Config
	not config.cloudWatchConfig
} else := "set a model invocation logging configuration that delivers no data" if {
	input.eventName == "PutModelInvocationLoggingConfiguration"
	every flag in delivery_flags {
		object.get(config, flag, false) == false
	}
}

alert contains a if {
	input.eventSource == "bedrock.amazonaws.com"
	p := problem
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s%s in %s", [aws.principal_name(input), attempt, p, object.get(input, "awsRegion", "")]),
		{
			"resources": [object.get(input, "awsRegion", "")],
			"changes": config,
		},
	)
}

attempt := "" if aws.succeeded(input)

else := "tried: "
