# METADATA
# title: CloudWatch alarms deleted or their actions disabled
# description: >-
#   DeleteAlarms or DisableAlarmActions on monitoring.amazonaws.com, whatever the outcome: the
#   alarms that page someone on CloudTrail changes, root logins or unauthorized calls stop
#   notifying. Alarms that AWS services manage (target-tracking alarms deleted by Application
#   Auto Scaling through a service-linked role, userIdentity invokedBy a service) are quiet.
#   Elastic's "AWS CloudWatch Alarm Deletion" misses DisableAlarmActions and is success-only.
# custom:
#   id: TRL-CW-001
#   severity: medium
#   risk_score: 47
#   mitre:
#     - {id: T1562.001, version: "18"}
#     - {id: T1685, version: "19"}
#     - {id: T1562.006, version: "18"}
#   tags: [AWS, CloudWatch, Alarms, Impair Defenses, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Alarm clean-up by infrastructure as code or during a maintenance window (DisableAlarmActions then EnableAlarmActions).
#   references:
#     - https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteAlarms.html
#     - https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DisableAlarmActions.html
#     - https://www.elastic.co/guide/en/security/current/aws-cloudwatch-alarm-deletion.html
#   investigation:
#     - Which alarms (alarmNames) and what did they watch (CIS metric filters, billing, security metrics)?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look at what the principal did while the alarms were off.
#   response:
#     - Recreate the alarms or EnableAlarmActions.
#     - Restrict cloudwatch:DeleteAlarms and DisableAlarmActions on security alarms.
package tripline.rules.aws.cloudwatch.alarm_deleted

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

what := {"DeleteAlarms": "deleted", "DisableAlarmActions": "disabled the actions of"}

service_managed if aws.aws_service(input)

service_managed if contains(object.get(input.userIdentity, ["sessionContext", "sessionIssuer", "arn"], ""), ":role/aws-service-role/")

alarm_names := [sprintf("%v", [n]) | some n in object.get(aws.params(input), "alarmNames", [])]

alert contains a if {
	input.eventSource == "monitoring.amazonaws.com"
	verb := what[input.eventName]
	not service_managed
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s%s CloudWatch alarm(s) %s", [aws.principal_name(input), attempt, verb, concat(", ", alarm_names)]),
		{"resources": alarm_names},
	)
}

attempt := "" if aws.succeeded(input)

else := "tried: "
