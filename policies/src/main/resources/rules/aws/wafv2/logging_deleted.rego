# METADATA
# title: WAF web ACL logging configuration deleted
# description: >-
#   DeleteLoggingConfiguration on wafv2.amazonaws.com (and WAF Classic's waf / waf-regional),
#   whatever the outcome: requests the web ACL allows or blocks stop being logged. PutLoggingConfiguration
#   is not in scope. Splunk's "Impair Security Services" list is the only public rule that names it.
# custom:
#   id: TRL-WAF-001
#   severity: medium
#   risk_score: 47
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, WAF, Logging, Log Tampering, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - A web ACL being removed together with its logging (DeleteWebACL follows); logging moved to another destination (PutLoggingConfiguration follows).
#   references:
#     - https://docs.aws.amazon.com/waf/latest/APIReference/API_DeleteLoggingConfiguration.html
#     - https://docs.aws.amazon.com/waf/latest/developerguide/logging.html
#   investigation:
#     - Which web ACL (resourceArn) lost its logging, and was logging configured again?
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Look for web attacks on the protected applications after the change.
#   response:
#     - Restore the logging configuration (PutLoggingConfiguration).
#     - Restrict wafv2:DeleteLoggingConfiguration to the WAF administrators.
package tripline.rules.aws.wafv2.logging_deleted

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

waf_sources := {"wafv2.amazonaws.com", "waf.amazonaws.com", "waf-regional.amazonaws.com"}

acl := object.get(aws.params(input), "resourceArn", object.get(aws.params(input), "ResourceArn", ""))

alert contains a if {
	input.eventSource in waf_sources
	input.eventName == "DeleteLoggingConfiguration"
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s the logging configuration of web ACL %s", [aws.principal_name(input), verb, acl]),
		{"resources": [acl]},
	)
}

verb := "deleted" if aws.succeeded(input)

else := "tried to delete"
