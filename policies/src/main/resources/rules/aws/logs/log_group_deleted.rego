# METADATA
# title: CloudWatch Logs log group or log stream deleted
# description: >-
#   DeleteLogGroup or DeleteLogStream on logs.amazonaws.com by a person or workload: the log
#   events are gone for good (a CloudTrail copy, VPC flow logs, application audit logs). As in
#   Elastic's "AWS CloudWatch Log Group Deletion" / "Log Stream Deletion", calls AWS makes itself
#   are quiet (userAgent or sourceIPAddress "AWS Internal", a service address, userIdentity type
#   AWSService). Groups that hold security logs (names with cloudtrail, flow log, guardduty,
#   securityhub, waf, route53/resolver query logs, EKS control plane, or listed in
#   data.tripline.context.security_log_groups) raise the alert to high. Fires on denied attempts too.
# custom:
#   id: TRL-LOGS-001
#   severity: medium
#   risk_score: 47
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#     - {id: T1485, version: "18"}
#     - {id: T1485, version: "19"}
#   tags: [AWS, CloudWatch Logs, Log Tampering, Data Destruction, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Clean-up of log groups of deleted functions or stacks (CloudFormation stack deletion, Lambda teardown); except the pipeline's role.
#   references:
#     - https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogGroup.html
#     - https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogStream.html
#     - https://www.elastic.co/guide/en/security/current/aws-cloudwatch-log-group-deletion.html
#   investigation:
#     - What did the group hold (a CloudTrail copy, flow logs, application logs) and is another copy kept (S3, SIEM)?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look for other log tampering by the same principal (PutRetentionPolicy, DeleteSubscriptionFilter, StopLogging).
#   response:
#     - Recreate the log group with its retention, subscription and metric filters; re-point the producers (trail, flow logs).
#     - Restrict logs:DeleteLogGroup and logs:DeleteLogStream on security log groups with an SCP.
package tripline.rules.aws.logs.log_group_deleted

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

security_group_pattern := `(?i)(cloudtrail|flow-?logs?|vpc|guardduty|securityhub|waf|route53|resolver|query-?log|/aws/eks/.+/cluster|audit|security)`

security_group(name) if regex.match(security_group_pattern, name)

security_group(name) if {
	some g in object.get(context.ctx, "security_log_groups", [])
	glob.match(g, [], name)
}

aws_internal if input.userIdentity.type == "AWSService"

aws_internal if input.userAgent == "AWS Internal"

aws_internal if input.sourceIPAddress == "AWS Internal"

aws_internal if endswith(object.get(input, "sourceIPAddress", ""), ".amazonaws.com")

aws_internal if not input.sourceIPAddress

alert contains a if {
	input.eventSource == "logs.amazonaws.com"
	input.eventName in {"DeleteLogGroup", "DeleteLogStream"}
	not aws_internal
	not exceptions.excepted(rego.metadata.chain(), input)
	p := aws.params(input)
	group := object.get(p, "logGroupName", object.get(p, "logGroupIdentifier", ""))
	target := concat("/", [x | some x in [group, object.get(p, "logStreamName", "")]; x != ""])
	a := aws.alert(
		input,
		sprintf("%s %s %s %s%s", [aws.principal_name(input), verb, input.eventName, target, kind_text(group)]),
		{
			"resources": [y | some y in [group, object.get(p, "logStreamName", "")]; y != ""],
			"severity": severity(group),
		},
	)
}

severity(group) := "high" if security_group(group)

else := "medium"

kind_text(group) := " (security logs)" if security_group(group)

else := ""

verb := "called" if aws.succeeded(input)

else := "attempted"
