# METADATA
# title: CloudTrail event history searched for specific users, keys or calls
# description: >-
#   LookupEvents (cloudtrail.amazonaws.com) whose lookupAttributes search the event history for a
#   user (Username), an access key (AccessKeyId), a call (EventName), a service (EventSource), an
#   event (EventId) or only writes or reads (ReadOnly), by a principal that is not a known log
#   reader (data.tripline.context.log_readers) or an AWS service. Seed 000 (SOC-2024-219): the
#   attacker searched for "admin", "CreateUser" and "ConsoleLogin" to learn what is logged about
#   whom. Resource-scoped lookups (ResourceName/ResourceType) are debugging and stay quiet; denied
#   searches fire too. `changes` carries the searched attributes.
# custom:
#   id: TRL-CT-002
#   severity: medium
#   risk_score: 68
#   mitre:
#     - {id: T1654, version: "18"}
#     - {id: T1654, version: "19"}
#   tags: [AWS, CloudTrail, Discovery, Log Enumeration, SOC-2024-219]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       An administrator investigating who did what. List incident responders in
#       data.tripline.context.log_readers, or except them in data.tripline.exceptions["TRL-CT-002"].
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupAttribute.html
#     - https://attack.mitre.org/techniques/T1654/
#   investigation:
#     - Read what was searched (`changes`) - which users, keys or calls interested the principal?
#     - Does the principal usually search event history? Check its source IP address, user agent and session (MFA).
#     - Look for trail tampering or IAM changes that follow.
#   response:
#     - Remove cloudtrail:LookupEvents from principals that do not need it.
#     - If unexplained, rotate the principal's keys and revoke its sessions.
package tripline.rules.aws.cloudtrail.event_history_search

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

search_keys := {"Username", "AccessKeyId", "EventName", "EventSource", "EventId", "ReadOnly"}

searched(r) := {sprintf("%s=%s", [attr.attributeKey, attr.attributeValue]) |
	some attr in aws.params(r).lookupAttributes
	attr.attributeKey in search_keys
}

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName == "LookupEvents"
	found := searched(input)
	count(found) > 0
	not context.log_reader(input)
	not aws.aws_service(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s searched CloudTrail event history for %s%s", [aws.principal_name(input), concat(", ", sort(found)), suffix(input)]),
		{
			"resources": [],
			"changes": {"lookupAttributes": sort(found)},
		},
	)
}

suffix(r) := "" if aws.succeeded(r)

else := " (refused)"
