# METADATA
# title: EventBridge rule disabled, deleted or stripped of its targets
# description: >-
#   On events.amazonaws.com only: DisableRule, DeleteRule, RemoveTargets, or PutRule with state
#   DISABLED. Rules like "alert on CloudTrail changes" are how many accounts alert; switching
#   one off silences the alarm before the real change. WAF and ELB also have DeleteRule calls:
#   their eventSource differs and they stay quiet (Panther's SecurityConfigurationChange matches
#   any service's DeleteRule). Managed rules that AWS services remove through their
#   service-linked roles are quiet. Whatever the outcome. Elastic's "AWS EventBridge Rule
#   Disabled or Deleted" misses RemoveTargets and PutRule-disabled.
# custom:
#   id: TRL-EVT-001
#   severity: medium
#   risk_score: 47
#   mitre:
#     - {id: T1562.001, version: "18"}
#     - {id: T1685, version: "19"}
#     - {id: T1489, version: "18"}
#     - {id: T1489, version: "19"}
#   tags: [AWS, EventBridge, Impair Defenses, Service Stop, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Application deployments that replace their own scheduled rules (infrastructure as code); except the pipeline's role or the rule name prefix via the exception's principals.
#   references:
#     - https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DisableRule.html
#     - https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RemoveTargets.html
#     - https://www.elastic.co/guide/en/security/current/aws-eventbridge-rule-disabled-or-deleted.html
#   investigation:
#     - What did the rule do (its event pattern and targets, such as an SNS topic to the security team or a remediation Lambda)?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look at what the principal did right after (CloudTrail, GuardDuty, IAM changes the rule would have reported).
#   response:
#     - Re-enable or recreate the rule and its targets.
#     - Restrict events:DisableRule, DeleteRule, RemoveTargets and PutRule on security rules (tag-based conditions).
package tripline.rules.aws.events.rule_disabled

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

p := aws.params(input)

change := "disabled" if input.eventName == "DisableRule"

else := "deleted" if input.eventName == "DeleteRule"

else := sprintf("removed target(s) %s from", [concat(", ", [sprintf("%v", [t]) | some t in object.get(p, "ids", [])])]) if input.eventName == "RemoveTargets"

else := "redefined as DISABLED" if {
	input.eventName == "PutRule"
	upper(p.state) == "DISABLED"
}

rule_name := object.get(p, "name", object.get(p, "rule", ""))

service_linked if input.userIdentity.type == "AWSService"

service_linked if contains(object.get(input.userIdentity, ["sessionContext", "sessionIssuer", "arn"], ""), ":role/aws-service-role/")

alert contains a if {
	input.eventSource == "events.amazonaws.com"
	c := change
	not service_linked
	not exceptions.excepted(rego.metadata.chain(), input)
	bus := object.get(p, "eventBusName", "default")
	a := aws.alert(
		input,
		sprintf("%s %s%s EventBridge rule %s (bus %s)", [aws.principal_name(input), attempt, c, rule_name, bus]),
		{
			"resources": [rule_name],
			"changes": p,
		},
	)
}

attempt := "" if aws.succeeded(input)

else := "tried: "
