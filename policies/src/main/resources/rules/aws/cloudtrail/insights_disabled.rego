# METADATA
# title: CloudTrail Insights turned off (PutInsightSelectors with no selectors)
# description: >-
#   PutInsightSelectors (cloudtrail.amazonaws.com) with an empty insightSelectors list, which turns
#   off CloudTrail Insights (unusual API call rate and error rate detection) for a trail or event
#   data store, so a burst of enumeration or of AccessDenied no longer raises an Insights event.
#   No public rule covers it (gap). Denied attempts fire too.
# custom:
#   id: TRL-CT-009
#   severity: medium
#   risk_score: 47
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, CloudTrail, Defense Evasion, CloudTrail Insights, Public Rule Gap]
#   outcome: any
#   kind: record
#   false_positives:
#     - Insights turned off to save costs, decided by the security team; except the principal in data.tripline.exceptions["TRL-CT-009"].
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutInsightSelectors.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-insights-events-with-cloudtrail.html
#   investigation:
#     - Which trail or event data store lost Insights, and who turned it off from where?
#     - Look for the call-rate or error-rate anomalies Insights would have reported next (enumeration, AccessDenied bursts).
#   response:
#     - Turn Insights back on (ApiCallRateInsight, ApiErrorRateInsight).
#     - Revoke the principal's sessions and keys if the change was not planned.
package tripline.rules.aws.cloudtrail.insights_disabled

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

disabled(r) if count(aws.params(r).insightSelectors) == 0

target(r) := t if {
	t := aws.params(r).trailName
} else := t if {
	t := aws.params(r).eventDataStore
} else := ""

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName == "PutInsightSelectors"
	disabled(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s CloudTrail Insights on %s", [aws.principal_name(input), verb(input), target(input)]),
		{
			"resources": array.concat([target(input)], aws.resource_arns(input)),
			"changes": ["insightSelectors emptied: Insights off"],
		},
	)
}

verb(r) := "turned off" if aws.succeeded(r)

else := "tried to turn off"
