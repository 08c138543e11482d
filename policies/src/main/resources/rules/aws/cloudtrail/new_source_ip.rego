# METADATA
# title: Principal active from a source IP address it has never used
# description: >-
#   A principal with a past (its sourceIPAddress history is not empty) makes a call from an
#   address it has never used before (neither in its history nor earlier in the batch). Records
#   from AWS services and with a service name as source address (config.amazonaws.com, AWS
#   Internal) do not take part; addresses inside data.tripline.context.corporate_cidrs do not
#   fire (a new desk in the office is not a new place). Seed 000: dev_user, always at the office,
#   suddenly active from 185.143.221.89. Grouped by userIdentity.arn, so a role's sessions each
#   have their own history (session names of interactive users are stable; SDK session names are not).
# custom:
#   id: TRL-CT-016
#   severity: low
#   risk_score: 35
#   mitre:
#     - {id: T1078.004, version: "18"}
#     - {id: T1078.004, version: "19"}
#   tags: [AWS, Valid Accounts, New Value, Initial Access]
#   outcome: any
#   kind: new_value
#   window: 1m
#   group_by: [userIdentity.arn]
#   new_value: [sourceIPAddress]
#   false_positives:
#     - Travel, home office, a new VPN egress or a CI runner pool that changed addresses; add networks to corporate_cidrs or except the principal.
#   references:
#     - https://attack.mitre.org/techniques/T1078/004/
#     - https://www.elastic.co/guide/en/security/current/aws-discovery-api-calls-from-vpn-asn-for-the-first-time-by-identity.html
#   investigation:
#     - Where is the new address (country, ASN, hosting or VPN provider)? Was the principal active from its usual address at the same time?
#     - What did the principal do from the new address?
#   response:
#     - If the user does not recognise it, rotate credentials, revoke sessions and block the address.
package tripline.rules.aws.cloudtrail.new_source_ip

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import data.tripline.rules.aws.cloudtrail.log_reader_outside_network
import rego.v1

match if {
	input.userIdentity.arn
	not aws.aws_service(input)
	log_reader_outside_network.ip_address(object.get(input, "sourceIPAddress", ""))
}

known := object.get(object.get(input, "history", {}), "sourceIPAddress", [])

last := input.records[count(input.records) - 1]

alert contains a if {
	count(known) > 0
	ip := last.sourceIPAddress
	not ip in known
	not context.corporate_ip(ip)
	every r in array.slice(input.records, 0, count(input.records) - 1) {
		r.sourceIPAddress != ip
	}
	not exceptions.excepted(rego.metadata.chain(), last)
	a := aws.batch_alert(
		[last],
		sprintf("%s called %s from %s, an address it never used before (known: %s)", [aws.principal_name(last), last.eventName, ip, concat(", ", known)]),
		{"resources": [aws.principal_arn(last)], "changes": {"sourceIPAddress": ip, "known": known}},
	)
}
