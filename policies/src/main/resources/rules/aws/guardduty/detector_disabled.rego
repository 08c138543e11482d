# METADATA
# title: GuardDuty detector suspended or protection plans disabled
# description: >-
#   UpdateDetector with enable false (the detector is suspended), or with a feature or data
#   source switched off: features[].status or additionalConfiguration[].status DISABLED, or
#   dataSources.*.enable false (S3 logs, Kubernetes audit logs, EBS malware scans). A change of
#   findingPublishingFrequency alone is quiet. Panther's SecurityConfigurationChange only looks at
#   enable false; Elastic's detection-suppression rule does not look at features. Fires on
#   denied attempts too.
# custom:
#   id: TRL-GD-002
#   severity: high
#   risk_score: 68
#   mitre:
#     - {id: T1562.001, version: "18"}
#     - {id: T1685, version: "19"}
#   tags: [AWS, GuardDuty, Impair Defenses, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Cost reduction that turns off a protection plan on purpose (e.g. EKS runtime monitoring in an account without EKS).
#   references:
#     - https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateDetector.html
#     - https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html
#   investigation:
#     - Read changes to see what was switched off (the whole detector or which protection plans).
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look for activity the disabled plan would have seen (S3 data access, EKS, EC2) after the change.
#   response:
#     - Re-enable the detector and its protection plans.
#     - Manage GuardDuty from the delegated administrator account so members cannot change it.
package tripline.rules.aws.guardduty.detector_disabled

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

p := aws.params(input)

disabled contains "detector suspended (enable=false)" if p.enable == false

disabled contains sprintf("feature %s disabled", [f.name]) if {
	some f in p.features
	f.status == "DISABLED"
}

disabled contains sprintf("feature %s/%s disabled", [f.name, c.name]) if {
	some f in p.features
	some c in f.additionalConfiguration
	c.status == "DISABLED"
}

disabled contains sprintf("data source %s disabled", [concat(".", path)]) if {
	walk(p.dataSources, [path, value])
	count(path) > 0
	path[count(path) - 1] == "enable"
	value == false
}

alert contains a if {
	input.eventSource == "guardduty.amazonaws.com"
	input.eventName == "UpdateDetector"
	count(disabled) > 0
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s GuardDuty detector %s: %s", [aws.principal_name(input), verb, object.get(p, "detectorId", ""), concat("; ", sort(disabled))]),
		{
			"resources": [object.get(p, "detectorId", "")],
			"changes": {"disabled": sort(disabled), "request": p},
		},
	)
}

verb := "weakened" if aws.succeeded(input)

else := "tried to weaken"
