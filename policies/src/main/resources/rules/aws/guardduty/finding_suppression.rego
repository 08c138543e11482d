# METADATA
# title: GuardDuty findings suppressed (trusted IP list, archive filter, archived findings, export removed)
# description: >-
#   Calls that keep GuardDuty quiet without switching it off: a trusted IP list activated
#   (CreateIPSet / UpdateIPSet with activate true; GuardDuty raises no findings for those
#   addresses), a suppression rule (CreateFilter / UpdateFilter with action ARCHIVE), findings
#   archived by hand (ArchiveFindings), and the findings export removed
#   (DeletePublishingDestination). Whatever the outcome. Elastic covers IP sets only; filters and
#   ArchiveFindings are a gap in public rules.
# custom:
#   id: TRL-GD-004
#   severity: medium
#   risk_score: 63
#   mitre:
#     - {id: T1562.001, version: "18"}
#     - {id: T1685, version: "19"}
#   tags: [AWS, GuardDuty, Impair Defenses, Finding Suppression, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - The security team tuning GuardDuty (suppression rules for known scanners, the office VPN as a trusted IP list); except its role.
#   references:
#     - https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_upload-lists.html
#     - https://docs.aws.amazon.com/guardduty/latest/ug/findings_suppression-rule.html
#     - https://docs.aws.amazon.com/guardduty/latest/APIReference/API_ArchiveFindings.html
#   investigation:
#     - For an IP set, read the list at `location` (who owns that bucket?) and check the addresses against recent activity.
#     - For a filter, read findingCriteria to see which findings it archives (all of severity >= 1 hides everything).
#     - Check who made the call, from where, and whether a change ticket covers it.
#   response:
#     - Deactivate the IP set or delete the filter; unarchive the findings and review them.
#     - Restrict guardduty:CreateIPSet, UpdateIPSet, CreateFilter and ArchiveFindings to the security team.
package tripline.rules.aws.guardduty.finding_suppression

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

p := aws.params(input)

suppression := sprintf("activated trusted IP list %s from %s", [object.get(p, "name", object.get(p, "ipSetId", "")), object.get(p, "location", "its current location")]) if {
	input.eventName in {"CreateIPSet", "UpdateIPSet"}
	p.activate == true
} else := sprintf("set an ARCHIVE suppression rule %s", [object.get(p, "name", object.get(p, "filterName", ""))]) if {
	input.eventName in {"CreateFilter", "UpdateFilter"}
	upper(p.action) == "ARCHIVE"
} else := sprintf("archived %d finding(s)", [count(object.get(p, "findingIds", []))]) if {
	input.eventName == "ArchiveFindings"
} else := sprintf("deleted findings publishing destination %s", [object.get(p, "destinationId", "")]) if {
	input.eventName == "DeletePublishingDestination"
}

alert contains a if {
	input.eventSource == "guardduty.amazonaws.com"
	s := suppression
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s%s on GuardDuty detector %s", [aws.principal_name(input), prefix, s, object.get(p, "detectorId", "")]),
		{
			"resources": [object.get(p, "detectorId", "")],
			"changes": object.remove(p, ["clientToken"]),
		},
	)
}

prefix := "" if aws.succeeded(input)

else := "tried: "
