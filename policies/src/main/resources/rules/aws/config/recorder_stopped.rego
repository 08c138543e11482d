# METADATA
# title: AWS Config configuration recorder stopped
# description: >-
#   StopConfigurationRecorder, whatever the outcome: Config stops recording resource changes, so
#   later changes escape configuration history and Config rules. Calls made for AWS by Security
#   Hub, Firewall Manager, Control Tower or conformance packs (userIdentity.invokedBy) are quiet,
#   as in Elastic's Config rules. Elastic's "AWS Configuration Recorder Stopped" is success-only;
#   Sigma 07330162 fires on any outcome.
# custom:
#   id: TRL-CFG-001
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.001, version: "18"}
#     - {id: T1685, version: "19"}
#   tags: [AWS, Config, Impair Defenses, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - A maintenance window that stops the recorder to change its settings; the recorder is started again minutes later (StartConfigurationRecorder).
#   references:
#     - https://docs.aws.amazon.com/config/latest/APIReference/API_StopConfigurationRecorder.html
#     - https://www.elastic.co/guide/en/security/current/aws-configuration-recorder-stopped.html
#   investigation:
#     - Check whether the recorder was started again (StartConfigurationRecorder) and how long it was off.
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look at what else the principal changed while the recorder was off (CloudTrail is the only record).
#   response:
#     - Start the recorder again; review the changes made while it was stopped.
#     - Deny config:StopConfigurationRecorder with an SCP outside the Config administrators.
package tripline.rules.aws.config.recorder_stopped

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

# Services that manage Config on the account's behalf (Elastic's exclusions).
managing_services := {"securityhub.amazonaws.com", "fms.amazonaws.com", "controltower.amazonaws.com", "config-conforms.amazonaws.com"}

alert contains a if {
	input.eventSource == "config.amazonaws.com"
	input.eventName == "StopConfigurationRecorder"
	not object.get(input.userIdentity, "invokedBy", "") in managing_services
	not exceptions.excepted(rego.metadata.chain(), input)
	recorder := object.get(aws.params(input), "configurationRecorderName", "")
	a := aws.alert(
		input,
		sprintf("%s %s Config recorder %s in %s", [aws.principal_name(input), verb, recorder, object.get(input, "awsRegion", "")]),
		{"resources": [recorder]},
	)
}

verb := "stopped" if aws.succeeded(input)

else := "tried to stop"
