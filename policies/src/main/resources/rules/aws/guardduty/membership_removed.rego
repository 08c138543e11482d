# METADATA
# title: GuardDuty account left its administrator or members removed
# description: >-
#   A member account leaves its GuardDuty administrator (DisassociateFromAdministratorAccount and
#   the legacy DisassociateFromMasterAccount), or an administrator removes or stops monitoring
#   members (DeleteMembers, DisassociateMembers, StopMonitoringMembers): the security team stops
#   seeing those accounts' findings. Whatever the outcome. Elastic's "AWS GuardDuty Member
#   Account Manipulation" misses the legacy name, which the CLI and SDKs still call.
# custom:
#   id: TRL-GD-003
#   severity: high
#   risk_score: 68
#   mitre:
#     - {id: T1562.001, version: "18"}
#     - {id: T1685, version: "19"}
#   tags: [AWS, GuardDuty, Impair Defenses, Organizations, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - An account closed or moved to another organization, its membership removed by the security team.
#   references:
#     - https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DisassociateFromAdministratorAccount.html
#     - https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DisassociateFromMasterAccount.html
#     - https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DeleteMembers.html
#   investigation:
#     - Which accounts left (accountIds), and is the caller the member itself or the administrator?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look for other defence impairment in the accounts that left.
#   response:
#     - Re-invite the member accounts (or re-enable auto-enable in the delegated administrator).
#     - Deny guardduty:Disassociate* in member accounts with an SCP.
package tripline.rules.aws.guardduty.membership_removed

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

leave_calls := {"DisassociateFromMasterAccount", "DisassociateFromAdministratorAccount"}

member_calls := {"DeleteMembers", "DisassociateMembers", "StopMonitoringMembers"}

what := "left its GuardDuty administrator" if input.eventName in leave_calls

else := sprintf("removed GuardDuty member(s) %s", [concat(", ", [sprintf("%v", [x]) | some x in object.get(aws.params(input), "accountIds", [])])])

alert contains a if {
	input.eventSource == "guardduty.amazonaws.com"
	input.eventName in (leave_calls | member_calls)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s (%s%s)", [aws.principal_name(input), what, input.eventName, failure]),
		{
			"resources": [x | some x in array.concat([object.get(aws.params(input), "detectorId", "")], object.get(aws.params(input), "accountIds", [])); x != ""],
		},
	)
}

failure := sprintf(", failed: %s", [input.errorCode]) if input.errorCode

else := ""
