# METADATA
# title: Burst of AccessDenied across several services by one principal
# description: >-
#   One principal receives at least 5 authorization failures (AccessDenied, AccessDeniedException,
#   Client.UnauthorizedOperation ...) on at least 3 different services within 10 minutes: leaked
#   or stolen credentials probing what they may do, service after service (Pacu, enumerate-iam,
#   scenario access-denied-enumeration-storm). `calls` lists the refused calls; severity is high
#   when the refusals include logging or security services (CloudTrail, GuardDuty, Config, CloudWatch
#   Logs, KMS, Organizations, IAM). AWS services are left out.
# custom:
#   id: TRL-CT-019
#   severity: medium
#   risk_score: 63
#   mitre:
#     - {id: T1580, version: "18"}
#     - {id: T1580, version: "19"}
#     - {id: T1526, version: "18"}
#     - {id: T1087.004, version: "18"}
#     - {id: T1654, version: "18"}
#   tags: [AWS, Discovery, Access Denied, Correlation, Credential Misuse]
#   outcome: denied
#   kind: threshold
#   window: 10m
#   group_by: [userIdentity.arn]
#   threshold: 5
#   false_positives:
#     - >-
#       A deployment or tool running with a policy that is missing permissions (a new Terraform
#       module, a misconfigured CSPM role). Fix the policy; meanwhile except the principal in
#       data.tripline.exceptions["TRL-CT-019"].
#   references:
#     - https://attack.mitre.org/techniques/T1580/
#     - https://github.com/RhinoSecurityLabs/pacu
#     - https://github.com/andresriancho/enumerate-iam
#   investigation:
#     - Where are the credentials used from (source IP address, user agent)? Is it the usual host of this principal?
#     - Which calls succeeded in the same minutes (GetCallerIdentity, anything not refused)?
#     - When was the access key created and last rotated; could it have leaked (repositories, CI logs)?
#   response:
#     - Deactivate the access key or revoke the role's sessions; rotate the credentials.
#     - Search for the key in code repositories and CI logs.
package tripline.rules.aws.cloudtrail.access_denied_burst

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

security_sources := {
	"cloudtrail.amazonaws.com", "guardduty.amazonaws.com", "config.amazonaws.com",
	"logs.amazonaws.com", "kms.amazonaws.com", "organizations.amazonaws.com",
	"iam.amazonaws.com", "securityhub.amazonaws.com",
}

match if {
	aws.denied(input)
	not aws.aws_service(input)
}

alert contains a if {
	count(input.records) >= 5
	sources := {r.eventSource | some r in input.records}
	count(sources) >= 3
	last := input.records[count(input.records) - 1]
	not exceptions.excepted(rego.metadata.chain(), last)
	calls := sort({sprintf("%s:%s", [split(x.eventSource, ".")[0], x.eventName]) | some x in input.records})
	a := aws.batch_alert(
		input.records,
		sprintf("%s was refused %d calls on %d services within %s (%s)", [
			aws.principal_name(last), count(input.records), count(sources), input.window.duration, concat(", ", calls),
		]),
		{
			"resources": [],
			"calls": calls,
			"services": sort(sources),
			"severity": severity(sources),
		},
	)
}

severity(sources) := "high" if count(sources & security_sources) > 0

else := "medium"
