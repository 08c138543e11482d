# METADATA
# title: EKS control plane logging disabled
# description: >-
#   UpdateClusterConfig on eks.amazonaws.com whose logging.clusterLogging has an entry with
#   enabled false: the cluster's api, audit, authenticator, controllerManager or scheduler logs
#   stop going to CloudWatch Logs. Turning off audit logs raises the alert to high. Updates that
#   only enable logging, or change other settings (resourcesVpcConfig, accessConfig), are quiet.
#   Fires on denied attempts too (Elastic's "AWS EKS Control Plane Logging Disabled" is success-only).
# custom:
#   id: TRL-EKS-001
#   severity: medium
#   risk_score: 56
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, EKS, Kubernetes, Logging, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Cost reduction on a development cluster (controllerManager or scheduler logs off); except that cluster's owners.
#   references:
#     - https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateClusterConfig.html
#     - https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
#   investigation:
#     - Which log types were turned off on which cluster, and were they turned on again?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look at Kubernetes activity (GuardDuty EKS findings, other telemetry) after the change.
#   response:
#     - Re-enable the control plane log types.
#     - Restrict eks:UpdateClusterConfig to the platform team.
package tripline.rules.aws.eks.control_plane_logging_disabled

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

disabled_types contains t if {
	some entry in aws.params(input).logging.clusterLogging
	entry.enabled == false
	some t in entry.types
}

severity := "high" if "audit" in disabled_types

else := "medium"

alert contains a if {
	input.eventSource == "eks.amazonaws.com"
	input.eventName == "UpdateClusterConfig"
	count(disabled_types) > 0
	not exceptions.excepted(rego.metadata.chain(), input)
	cluster := object.get(aws.params(input), "name", "")
	a := aws.alert(
		input,
		sprintf("%s %s %s control plane logging on EKS cluster %s", [aws.principal_name(input), verb, concat(", ", sort(disabled_types)), cluster]),
		{
			"resources": [cluster],
			"changes": {"disabledLogTypes": sort(disabled_types)},
			"severity": severity,
		},
	)
}

verb := "disabled" if aws.succeeded(input)

else := "tried to disable"
