# METADATA
# title: CloudWatch Logs subscription or metric filter deleted
# description: >-
#   DeleteSubscriptionFilter (log events stop flowing to the SIEM, Firehose, Lambda or another
#   account) or DeleteMetricFilter (the metric behind a CIS-style alarm, e.g. "CloudTrail
#   changes" or "root login", stops counting). Either silently cuts detection downstream of the
#   logs. AWS-internal calls are quiet. No public rule covers these (gap). Fires on denied
#   attempts too.
# custom:
#   id: TRL-LOGS-003
#   severity: medium
#   risk_score: 56
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, CloudWatch Logs, Log Forwarding, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - A SIEM migration replacing the subscription filter (a PutSubscriptionFilter follows); infrastructure as code redeploying filters.
#   references:
#     - https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteSubscriptionFilter.html
#     - https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteMetricFilter.html
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
#   investigation:
#     - Which destination or metric did the filter feed, and which alarms or SIEM rules depend on it?
#     - Was it replaced (PutSubscriptionFilter / PutMetricFilter) shortly after?
#     - Check who made the call, from where, and whether a change ticket covers it.
#   response:
#     - Recreate the filter; replay the gap from the log group into the SIEM.
#     - Restrict logs:DeleteSubscriptionFilter and logs:DeleteMetricFilter on security log groups.
package tripline.rules.aws.logs.forwarding_removed

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

what := {"DeleteSubscriptionFilter": "subscription filter", "DeleteMetricFilter": "metric filter"}

aws_internal if input.userIdentity.type == "AWSService"

aws_internal if input.userAgent == "AWS Internal"

aws_internal if input.sourceIPAddress == "AWS Internal"

alert contains a if {
	input.eventSource == "logs.amazonaws.com"
	kind := what[input.eventName]
	not aws_internal
	not exceptions.excepted(rego.metadata.chain(), input)
	p := aws.params(input)
	group := object.get(p, "logGroupName", "")
	filter := object.get(p, "filterName", "")
	a := aws.alert(
		input,
		sprintf("%s %s %s %s of log group %s", [aws.principal_name(input), verb, kind, filter, group]),
		{"resources": [x | some x in [group, filter]; x != ""]},
	)
}

verb := "deleted" if aws.succeeded(input)

else := "tried to delete"
