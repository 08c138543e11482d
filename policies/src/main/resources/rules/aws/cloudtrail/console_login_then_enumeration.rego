# METADATA
# title: Console sign-in without MFA, then CloudTrail enumeration by the same principal
# description: >-
#   A successful console sign-in without MFA (IAM user or root; ConsoleLogin with MFAUsed "No")
#   followed within an hour by CloudTrail enumeration by the same principal (DescribeTrails,
#   ListTrails, GetTrail, GetTrailStatus, GetEventSelectors, GetInsightSelectors, or LookupEvents
#   over the event history). The opening of seed 000 (SOC-2024-219): a phished developer password
#   used from abroad, and the first thing the session does is look at what is logged. Raised to
#   critical when the sign-in or the enumeration comes from outside the corporate networks
#   (when the context names them).
# custom:
#   id: TRL-CT-018
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1078.004, version: "18"}
#     - {id: T1078.004, version: "19"}
#     - {id: T1654, version: "18"}
#     - {id: T1654, version: "19"}
#   tags: [AWS, Sign-in, CloudTrail, Log Enumeration, Correlation, SOC-2024-219]
#   outcome: any
#   kind: sequence
#   window: 1h
#   group_by: [userIdentity.arn]
#   threshold: 2
#   false_positives:
#     - >-
#       A log reader without MFA looking at trails right after signing in: enforce MFA; meanwhile
#       except them in data.tripline.exceptions["TRL-CT-018"].
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
#     - https://attack.mitre.org/techniques/T1078/004/
#     - https://attack.mitre.org/techniques/T1654/
#   investigation:
#     - Contact the user - did they sign in at that time, from that address?
#     - List everything the console session did (sessionCredentialFromConsole, same userIdentity.arn), especially trail-bucket downloads.
#   response:
#     - Reset the user's password, revoke its sessions, rotate its access keys, enforce MFA.
#     - Assess which logs the session read and what they reveal.
package tripline.rules.aws.cloudtrail.console_login_then_enumeration

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import data.tripline.rules.aws.cloudtrail.trail_enumeration
import rego.v1

login_without_mfa(r) if {
	r.eventSource == "signin.amazonaws.com"
	r.eventName == "ConsoleLogin"
	r.userIdentity.type in {"IAMUser", "Root"}
	aws.succeeded(r)
	r.additionalEventData.MFAUsed == "No"
}

match if {
	input.eventName == "ConsoleLogin"
	login_without_mfa(input)
}

match if {
	input.eventSource == "cloudtrail.amazonaws.com"
	trail_enumeration.enumeration(input)
	not aws.aws_service(input)
	not context.log_reader(input)
	not context.admin(input)
}

alert contains a if {
	some i, login in input.records
	login_without_mfa(login)
	calls := [c | some j, c in input.records; j > i; trail_enumeration.enumeration(c)]
	count(calls) > 0
	last := input.records[count(input.records) - 1]
	not exceptions.excepted(rego.metadata.chain(), last)
	names := sort({e.eventName | some e in calls})
	a := aws.batch_alert(
		array.concat([login], calls),
		sprintf("%s signed in to the console without MFA from %s and enumerated CloudTrail (%s) within %s", [
			aws.principal_name(last), login.sourceIPAddress, concat(", ", names), input.window.duration,
		]),
		{
			"resources": [aws.principal_arn(login)],
			"calls": names,
			"severity": severity(array.concat([login], calls)),
		},
	)
}

severity(records) := "critical" if {
	context.corporate_networks_known
	some r in records
	not context.corporate_ip(object.get(r, "sourceIPAddress", ""))
	not aws.aws_service(r)
} else := "high"
