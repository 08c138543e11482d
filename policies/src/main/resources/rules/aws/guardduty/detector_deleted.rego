# METADATA
# title: GuardDuty detector deleted (or deletion attempted)
# description: >-
#   DeleteDetector on guardduty.amazonaws.com, whatever the outcome: deleting the detector stops
#   GuardDuty in that region and discards its findings. A denied attempt is an attacker testing
#   what they can switch off. Elastic's "AWS GuardDuty Detector Deletion" is success-only; Sigma's
#   "AWS GuardDuty Detector Deleted Or Updated" fires on any outcome.
# custom:
#   id: TRL-GD-001
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.001, version: "18"}
#     - {id: T1685, version: "19"}
#   tags: [AWS, GuardDuty, Impair Defenses, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - A region being retired, or the detector recreated by infrastructure as code; except the pipeline's role.
#   references:
#     - https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DeleteDetector.html
#     - https://www.elastic.co/guide/en/security/current/aws-guardduty-detector-deletion.html
#   investigation:
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Check whether GuardDuty still runs in the region (ListDetectors) and in the other regions.
#     - Look for other defence impairment by the same principal (CloudTrail, Config, EventBridge).
#   response:
#     - Re-create the detector (or let the delegated administrator re-enable it) at once.
#     - Restrict guardduty:DeleteDetector with an SCP to the security account.
package tripline.rules.aws.guardduty.detector_deleted

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

alert contains a if {
	input.eventSource == "guardduty.amazonaws.com"
	input.eventName == "DeleteDetector"
	not exceptions.excepted(rego.metadata.chain(), input)
	detector := object.get(aws.params(input), "detectorId", "")
	a := aws.alert(
		input,
		sprintf("%s %s GuardDuty detector %s in %s", [aws.principal_name(input), verb, detector, object.get(input, "awsRegion", "")]),
		{"resources": [x | some x in array.concat([detector], aws.resource_arns(input)); x != ""]},
	)
}

verb := "deleted" if aws.succeeded(input)

else := "tried to delete"
