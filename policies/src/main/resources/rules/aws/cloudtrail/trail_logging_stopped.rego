# METADATA
# title: CloudTrail logging stopped (StopLogging), including denied attempts
# description: >-
#   StopLogging on a trail (cloudtrail.amazonaws.com). Unlike Elastic's "AWS CloudTrail Log
#   Suspended" and Panther's AWS.CloudTrail.Stopped, which need a successful call, this rule also
#   fires when AWS refused the call: an AccessDenied StopLogging is an attacker testing whether they
#   can blind the account (Sigma 4db60cc0 has no outcome filter either). Once logging is stopped the
#   trail records nothing more, so the call itself is the last chance to alert.
# custom:
#   id: TRL-CT-004
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, CloudTrail, Defense Evasion, Log Tampering]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       An administrator pausing a test trail, or tearing down a sandbox account. Except the
#       principal and network in data.tripline.exceptions["TRL-CT-004"], never the whole rule.
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html
#     - https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-stop/
#     - https://www.elastic.co/guide/en/security/current/aws-cloudtrail-log-suspended.html
#   investigation:
#     - Check the outcome first - a denied call means the principal tried and may try another way (DeleteTrail, PutEventSelectors, bucket policy).
#     - Identify which trail was stopped (name or ARN) and whether other trails or an organization trail still log the account.
#     - Review what the principal did right before (enumeration of trails, GetTrailStatus) and what it did after in any log still running.
#     - Compare the source IP address and user agent with the principal's usual ones.
#   response:
#     - Restart logging (StartLogging) and confirm with GetTrailStatus.
#     - Revoke the principal's sessions and rotate its keys if the call was not planned.
#     - Add an SCP that denies cloudtrail:StopLogging outside a break-glass role.
package tripline.rules.aws.cloudtrail.trail_logging_stopped

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName == "StopLogging"
	not exceptions.excepted(rego.metadata.chain(), input)
	trail := object.get(aws.params(input), "name", "")
	a := aws.alert(
		input,
		sprintf("%s %s logging of trail %s", [aws.principal_name(input), verb(input), trail]),
		{"resources": array.concat([trail], aws.resource_arns(input))},
	)
}

verb(r) := "stopped" if aws.succeeded(r)

else := "tried to stop"
