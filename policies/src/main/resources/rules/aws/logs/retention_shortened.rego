# METADATA
# title: CloudWatch Logs retention shortened on a security log group
# description: >-
#   PutRetentionPolicy with retentionInDays below 90 on a log group that holds security logs
#   (names with cloudtrail, flow logs, guardduty, securityhub, waf, resolver query logs, EKS control
#   plane, audit, or listed in data.tripline.context.security_log_groups), or below 7 days on any
#   other group: CloudWatch Logs deletes older events on its own, quietly removing evidence.
#   Routine 14-day retention on application groups stays quiet. No public rule looks at
#   PutRetentionPolicy (gap). Fires on denied attempts too.
# custom:
#   id: TRL-LOGS-002
#   severity: medium
#   risk_score: 56
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#     - {id: T1070, version: "18"}
#     - {id: T1070, version: "19"}
#   tags: [AWS, CloudWatch Logs, Log Tampering, Indicator Removal, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - A cost decision to keep security logs in CloudWatch briefly because an S3 or SIEM copy is the system of record.
#   references:
#     - https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
#     - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
#   investigation:
#     - What did the retention change from, and which events have already aged out?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look for the same principal deleting streams or groups next (TRL-LOGS-001).
#   response:
#     - Restore the retention at once (events already expired are gone; recover from the S3 or SIEM copy).
#     - Restrict logs:PutRetentionPolicy on security log groups.
package tripline.rules.aws.logs.retention_shortened

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

security_min_days := 90

any_min_days := 7

security_group_pattern := `(?i)(cloudtrail|flow-?logs?|vpc|guardduty|securityhub|waf|route53|resolver|query-?log|/aws/eks/.+/cluster|audit|security)`

security_group(name) if regex.match(security_group_pattern, name)

security_group(name) if {
	some g in object.get(context.ctx, "security_log_groups", [])
	glob.match(g, [], name)
}

group := object.get(aws.params(input), "logGroupName", object.get(aws.params(input), "logGroupIdentifier", ""))

days := to_number(aws.params(input).retentionInDays)

too_short if {
	security_group(group)
	days < security_min_days
}

too_short if days < any_min_days

severity := "high" if {
	security_group(group)
	days < any_min_days
} else := "medium"

alert contains a if {
	input.eventSource == "logs.amazonaws.com"
	input.eventName == "PutRetentionPolicy"
	too_short
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s the retention of log group %s to %d day(s)", [aws.principal_name(input), verb, group, days]),
		{
			"resources": [group],
			"changes": {"retentionInDays": days},
			"severity": severity,
		},
	)
}

verb := "set" if aws.succeeded(input)

else := "tried to set"
