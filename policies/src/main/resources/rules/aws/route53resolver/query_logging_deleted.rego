# METADATA
# title: Route 53 Resolver query logging deleted or disassociated
# description: >-
#   DeleteResolverQueryLogConfig or DisassociateResolverQueryLogConfig on
#   route53resolver.amazonaws.com, whatever the outcome: DNS queries from the VPCs stop being
#   logged (Stratus aws.defense-evasion.dns-delete-logs). Panther's AWS.CloudTrail.DNSLogsDeleted
#   and Elastic's "AWS Route 53 Resolver Query Log Configuration Deleted" cover the delete only.
# custom:
#   id: TRL-R53-001
#   severity: medium
#   risk_score: 56
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, Route 53 Resolver, DNS Logs, Log Tampering, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - A VPC being decommissioned, or query logging moved to another destination (a new association follows).
#   references:
#     - https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_DeleteResolverQueryLogConfig.html
#     - https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_DisassociateResolverQueryLogConfig.html
#     - https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.dns-delete-logs/
#   investigation:
#     - Which VPCs lost DNS query logging, and was a replacement configured?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look for DNS-based exfiltration or C2 in other telemetry after the change.
#   response:
#     - Recreate the query log configuration and its VPC associations.
#     - Restrict route53resolver:Delete*/Disassociate*QueryLogConfig with an SCP.
package tripline.rules.aws.route53resolver.query_logging_deleted

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

what := {"DeleteResolverQueryLogConfig": "deleted", "DisassociateResolverQueryLogConfig": "disassociated"}

alert contains a if {
	input.eventSource == "route53resolver.amazonaws.com"
	verb := what[input.eventName]
	not exceptions.excepted(rego.metadata.chain(), input)
	p := aws.params(input)
	config := object.get(p, "resolverQueryLogConfigId", "")
	vpc := object.get(p, "resourceId", "")
	a := aws.alert(
		input,
		sprintf("%s %s%s Resolver query log config %s%s", [aws.principal_name(input), attempt, verb, config, from_vpc(vpc)]),
		{"resources": [r | some r in [config, vpc]; r != ""]},
	)
}

from_vpc(vpc) := sprintf(" from %s", [vpc]) if vpc != ""

else := ""

attempt := "" if aws.succeeded(input)

else := "tried: "
