# METADATA
# title: CloudTrail basic event selectors drop management events
# description: >-
#   PutEventSelectors (cloudtrail.amazonaws.com) with basic eventSelectors that reduce what the
#   trail records, `changes` saying how: no selector includes management events any more
#   (includeManagementEvents false in every selector; the default is true), management events kept
#   for reads only or writes only (readWriteType ReadOnly/WriteOnly in every management selector),
#   or management event sources excluded (excludeManagementEventSources, e.g. kms.amazonaws.com).
#   Like Panther's AWS.CloudTrail.EventSelectorsDisabled and Elastic's "AWS CloudTrail Management
#   Events Disabled via PutEventSelectors", plus read/write narrowing and excluded sources, and
#   denied attempts. A call that adds data resources and keeps management events (All) is quiet.
#   Advanced selectors are TRL-CT-008.
# custom:
#   id: TRL-CT-007
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, CloudTrail, Defense Evasion, Log Tampering, Event Selectors]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       A second trail that exists only for data events (its selectors exclude management events
#       on purpose). Except that trail's deployment principal in data.tripline.exceptions["TRL-CT-007"].
#     - Excluding high-volume sources (kms.amazonaws.com, rdsdata.amazonaws.com) to cut costs, decided by the security team.
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutEventSelectors.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_EventSelector.html
#     - https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-event-selectors/
#   investigation:
#     - Read `changes` and compare with the trail's previous selectors (GetEventSelectors, or the last PutEventSelectors in the logs).
#     - Is this the account's main trail? Does another trail or an organization trail still record management events?
#     - List the principal's calls after the change in any log that still records them.
#   response:
#     - Restore the selectors (management events, readWriteType All, no excluded sources).
#     - Revoke the principal's sessions and keys if the change was not planned.
package tripline.rules.aws.cloudtrail.event_selectors_reduced

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

falsy(v) if v == false

falsy(v) if v == "false"

selectors(r) := s if {
	s := aws.params(r).eventSelectors
	is_array(s)
}

management_selectors(r) := [sel |
	some sel in selectors(r)
	not falsy(object.get(sel, "includeManagementEvents", true))
]

# reduced(r): how the basic selectors of a PutEventSelectors record reduce coverage.
reduced(r) := (no_management(r) | narrowed(r)) | excluded(r)

no_management(r) := {"management events no longer recorded (includeManagementEvents false)" |
	count(management_selectors(r)) == 0
}

narrowed(r) := {msg |
	mgmt := management_selectors(r)
	count(mgmt) > 0
	kinds := {object.get(sel, "readWriteType", "All") | some sel in mgmt}
	not "All" in kinds
	not {"ReadOnly", "WriteOnly"} == kinds
	some kind in kinds
	msg := sprintf("management events recorded for readWriteType %s only", [kind])
}

excluded(r) := {msg |
	sources := {src | some sel in management_selectors(r); some src in object.get(sel, "excludeManagementEventSources", [])}
	count(sources) > 0
	msg := sprintf("management events of %s excluded", [concat(", ", sort(sources))])
}

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName == "PutEventSelectors"
	selectors(input)
	found := reduced(input)
	count(found) > 0
	not exceptions.excepted(rego.metadata.chain(), input)
	trail := object.get(aws.params(input), "trailName", "")
	a := aws.alert(
		input,
		sprintf("%s %s the event selectors of trail %s: %s", [aws.principal_name(input), verb(input), trail, concat("; ", sort(found))]),
		{
			"resources": array.concat([trail], aws.resource_arns(input)),
			"changes": sort(found),
		},
	)
}

verb(r) := "reduced" if aws.succeeded(r)

else := "tried to reduce"
