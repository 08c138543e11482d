# METADATA
# title: CloudTrail advanced event selectors exclude events
# description: >-
#   PutEventSelectors with advancedEventSelectors that stop the trail (or event data store)
#   recording some management events, `changes` saying how: a selector excludes by eventSource,
#   eventName, eventCategory, eventType or userIdentity.arn (notEquals, notStartsWith,
#   notEndsWith), a management selector keeps only reads or only writes (readOnly equals), or no
#   selector selects management events at all (advanced selectors replace the whole
#   configuration). The public-rule gap: Panther's AWS.CloudTrail.EventSelectorsDisabled walks
#   eventSelectors only and Elastic matches includeManagementEvents:false only, so "management
#   events except iam.amazonaws.com" passes both. Selectors that keep management events and only
#   add data events (exclusions inside pure Data selectors, such as resources.ARN notStartsWith,
#   are not reported) stay quiet.
# custom:
#   id: TRL-CT-008
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, CloudTrail, Defense Evasion, Log Tampering, Event Selectors, Public Rule Gap]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       Cost tuning that excludes a noisy source (kms.amazonaws.com, rdsdata.amazonaws.com) or
#       keeps only write events, decided by the security team. Except the deployment principal in
#       data.tripline.exceptions["TRL-CT-008"].
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html#creating-data-adv-event-selectors-with-the-AWS-CLI
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutEventSelectors.html
#   investigation:
#     - Read `changes` - which sources, calls or principals no longer reach the trail?
#     - Look for the excluded activity right after the change in any other log (organization trail, event data store, IAM last-accessed data).
#     - Check who made the change, from where, and whether it was planned.
#   response:
#     - Restore the advanced selectors (a management selector without exclusions).
#     - Revoke the principal's sessions and keys if the change was not planned; review IAM changes since then with IAM's own data (credential report, last accessed).
package tripline.rules.aws.cloudtrail.advanced_selectors_exclude

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

exclusion_fields := {"eventSource", "eventName", "eventCategory", "eventType", "userIdentity.arn"}

exclusion_operators := ["notEquals", "notStartsWith", "notEndsWith"]

selectors(r) := s if {
	s := aws.params(r).advancedEventSelectors
	is_array(s)
}

# A selector that selects data (or network activity) events only.
data_selector(sel) if {
	some fs in sel.fieldSelectors
	fs.field == "eventCategory"
	count(fs.equals) > 0
	every v in fs.equals {
		v != "Management"
	}
}

management_selector(sel) if {
	some fs in sel.fieldSelectors
	fs.field == "eventCategory"
	"Management" in object.get(fs, "equals", [])
}

selector_name(sel, i) := object.get(sel, "name", sprintf("#%d", [i + 1]))

# excluded(r): how the advanced selectors of a PutEventSelectors record reduce coverage.
excluded(r) := (no_management(r) | exclusions(r)) | read_write(r)

no_management(r) := {"no advanced selector records management events" |
	count([sel | some sel in selectors(r); management_selector(sel)]) == 0
}

exclusions(r) := {msg |
	some i, sel in selectors(r)
	not data_selector(sel)
	some fs in sel.fieldSelectors
	fs.field in exclusion_fields
	some op in exclusion_operators
	values := object.get(fs, op, [])
	count(values) > 0
	msg := sprintf("selector %s: %s %s %s", [selector_name(sel, i), fs.field, op, concat(", ", values)])
}

read_write(r) := {msg |
	some j, mgmt in selectors(r)
	management_selector(mgmt)
	some ro in mgmt.fieldSelectors
	ro.field == "readOnly"
	kept := object.get(ro, "equals", [])
	count(kept) == 1
	msg := sprintf("selector %s: management events with readOnly %v only", [selector_name(mgmt, j), kept[0]])
}

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName == "PutEventSelectors"
	selectors(input)
	found := excluded(input)
	count(found) > 0
	not exceptions.excepted(rego.metadata.chain(), input)
	trail := object.get(aws.params(input), "trailName", "")
	a := aws.alert(
		input,
		sprintf("%s %s advanced event selectors on %s that exclude events: %s", [aws.principal_name(input), verb(input), trail, concat("; ", sort(found))]),
		{
			"resources": array.concat([trail], aws.resource_arns(input)),
			"changes": sort(found),
		},
	)
}

verb(r) := "set" if aws.succeeded(r)

else := "tried to set"
