# METADATA
# title: CloudTrail enumeration by a principal that is not a known log reader
# description: >-
#   One call of the seed 000 detection "Anomalous CloudTrail Log Access" (SOC-2024-219): a
#   principal that is not a known log reader (data.tripline.context.log_readers), an administrator
#   (admin_roles, break_glass_roles) or an AWS service lists or inspects the account's trails:
#   DescribeTrails, ListTrails, GetTrail, GetTrailStatus, GetEventSelectors, GetInsightSelectors,
#   or LookupEvents over the event history. A LookupEvents scoped to one resource
#   (lookupAttributes ResourceName/ResourceType only: "who changed my function?") is everyday
#   debugging and is left out. Denied attempts count: an attacker probing what it may read is as
#   telling as one who succeeds. Elastic only covers DescribeTrails and LookupEvents, from VPN
#   ASNs; the rest is a public-rule gap.
# custom:
#   id: TRL-CT-001
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
#       A security engineer, auditor or SIEM forwarder not yet listed in
#       data.tripline.context.log_readers: list them there rather than excepting the rule.
#     - CSPM and inventory tools (Prowler, ScoutSuite, Security Hub custom checks) running under their own roles.
#   references:
#     - https://attack.mitre.org/techniques/T1654/
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
#     - https://github.com/RhinoSecurityLabs/pacu
#   investigation:
#     - Does the principal have any reason to look at trails (developer, CI role)? Check its usual calls.
#     - Check the source IP address and user agent against the principal's usual ones, and how the session started (ConsoleLogin with or without MFA).
#     - Look for what follows - trail-bucket downloads, StopLogging, UpdateTrail, PutEventSelectors (TRL-CT-010, TRL-CT-017).
#   response:
#     - If the principal has no need, remove cloudtrail:Describe*/Get*/List*/LookupEvents from its policies.
#     - If the activity is unexplained, rotate the principal's keys and revoke its sessions.
package tripline.rules.aws.cloudtrail.trail_enumeration

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

enumeration_calls := {"DescribeTrails", "ListTrails", "GetTrail", "GetTrailStatus", "GetEventSelectors", "GetInsightSelectors"}

resource_keys := {"ResourceName", "ResourceType"}

# lookup_keys(r): the attribute keys a LookupEvents record searched by.
lookup_keys(r) := {k |
	some attr in aws.params(r).lookupAttributes
	k := attr.attributeKey
}

# resource_lookup(r): a LookupEvents scoped to one resource only (debugging, not enumeration).
resource_lookup(r) if {
	keys := lookup_keys(r)
	count(keys) > 0
	count(keys - resource_keys) == 0
}

# enumeration(r): a call that inspects the trails or reads the event history.
enumeration(r) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName in enumeration_calls
}

enumeration(r) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName == "LookupEvents"
	not resource_lookup(r)
}

# expected_reader(r): principals whose job includes reading trails and logs.
expected_reader(r) if context.log_reader(r)

expected_reader(r) if context.admin(r)

expected_reader(r) if aws.aws_service(r)

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	enumeration(input)
	not expected_reader(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s %s, and is not a known log reader", [aws.principal_name(input), verb(input), input.eventName]),
		{"resources": array.concat(targets(input), aws.resource_arns(input))},
	)
}

verb(r) := "called" if aws.succeeded(r)

else := "was refused"

targets(r) := [t |
	some key in ["name", "trailName"]
	t := aws.params(r)[key]
	is_string(t)
]
