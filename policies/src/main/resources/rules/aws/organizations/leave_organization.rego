# METADATA
# title: Attempt to leave the AWS Organization
# description: >-
#   LeaveOrganization from a member account, whatever the outcome. Leaving removes the account
#   from the organization's SCPs, organization trail, delegated GuardDuty/Security Hub and
#   backup policies. It usually fails with AccessDenied because an SCP forbids it, and the
#   attempt alone is evidence of an intruder trying to escape the guardrails (Panther's
#   AWS.CloudTrail.AttemptToLeaveOrg alerts on failure too). A successful leave is critical.
# custom:
#   id: TRL-ORG-001
#   severity: high
#   risk_score: 82
#   mitre:
#     - {id: T1666, version: "18"}
#     - {id: T1666, version: "19"}
#   tags: [AWS, Organizations, Defense Evasion, Modify Cloud Resource Hierarchy]
#   outcome: any
#   kind: record
#   false_positives:
#     - A planned account transfer out of the organization (rare; announced by the cloud team).
#   references:
#     - https://docs.aws.amazon.com/organizations/latest/APIReference/API_LeaveOrganization.html
#     - https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.organizations-leave/
#     - https://attack.mitre.org/techniques/T1666/
#   investigation:
#     - Did it succeed? Check the management account for the AccountDepartedOrganization event.
#     - Check who made the call (root? an administrator role?), from where, and how the session started.
#     - Look for other guardrail tampering by the same principal.
#   response:
#     - If it succeeded, invite the account back and restore its SCPs; treat the account as compromised.
#     - Keep an SCP that denies organizations:LeaveOrganization on every OU.
package tripline.rules.aws.organizations.leave_organization

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

alert contains a if {
	input.eventSource == "organizations.amazonaws.com"
	input.eventName == "LeaveOrganization"
	not exceptions.excepted(rego.metadata.chain(), input)
	account := object.get(input, "recipientAccountId", object.get(input.userIdentity, "accountId", ""))
	a := aws.alert(
		input,
		sprintf("%s %s account %s from its AWS Organization%s", [aws.principal_name(input), verb, account, failure]),
		{
			"resources": [account],
			"severity": severity,
		},
	)
}

verb := "removed" if aws.succeeded(input)

else := "tried to remove"

failure := sprintf(" (%s)", [input.errorCode]) if input.errorCode

else := ""

severity := "critical" if aws.succeeded(input)

else := "high"
