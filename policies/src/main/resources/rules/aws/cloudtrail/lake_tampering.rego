# METADATA
# title: CloudTrail Lake event data store deleted, stopped or weakened
# description: >-
#   CloudTrail Lake tampering on cloudtrail.amazonaws.com: DeleteEventDataStore,
#   StopEventDataStoreIngestion, or UpdateEventDataStore that lowers retentionPeriod below a year,
#   turns terminationProtectionEnabled off, or turns multiRegionEnabled / organizationEnabled off
#   (`changes` lists which). Denied attempts fire too. No public rule covers Lake (gap).
# custom:
#   id: TRL-CT-012
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#     - {id: T1485, version: "18"}
#   tags: [AWS, CloudTrail, CloudTrail Lake, Defense Evasion, Impact, Public Rule Gap]
#   outcome: any
#   kind: record
#   false_positives:
#     - Decommissioning a test event data store, or a retention change decided for costs; except the principal in data.tripline.exceptions["TRL-CT-012"].
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DeleteEventDataStore.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopEventDataStoreIngestion.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateEventDataStore.html
#   investigation:
#     - Which event data store, and is it the one the security team queries? Did termination protection get turned off first?
#     - Review the principal's Lake queries (StartQuery) before the change - did it look at what the store held?
#   response:
#     - Restore the event data store within its 7-day wait period (RestoreEventDataStore) or restart ingestion.
#     - Turn termination protection back on and restore the retention period.
#     - Revoke the principal's sessions and keys if the change was not planned.
package tripline.rules.aws.cloudtrail.lake_tampering

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

falsy(v) if v == false

falsy(v) if v == "false"

tampering(r) := {"event data store deleted"} if r.eventName == "DeleteEventDataStore"

tampering(r) := {"ingestion stopped"} if r.eventName == "StopEventDataStoreIngestion"

tampering(r) := (retention(r) | switched_off(r)) if r.eventName == "UpdateEventDataStore"

retention(r) := {msg |
	days := aws.params(r).retentionPeriod
	is_number(days)
	days < 365
	msg := sprintf("retentionPeriod set to %d days", [days])
}

switched_off(r) := {msg |
	some setting in ["terminationProtectionEnabled", "multiRegionEnabled", "organizationEnabled"]
	falsy(aws.params(r)[setting])
	msg := sprintf("%s set to false", [setting])
}

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	found := tampering(input)
	count(found) > 0
	not exceptions.excepted(rego.metadata.chain(), input)
	store := object.get(aws.params(input), "eventDataStore", "")
	a := aws.alert(
		input,
		sprintf("%s %s: %s (%s)", [aws.principal_name(input), verb(input), concat("; ", sort(found)), store]),
		{
			"resources": array.concat([store], aws.resource_arns(input)),
			"changes": sort(found),
		},
	)
}

verb(r) := "tampered with a CloudTrail Lake event data store" if aws.succeeded(r)

else := "tried to tamper with a CloudTrail Lake event data store"
