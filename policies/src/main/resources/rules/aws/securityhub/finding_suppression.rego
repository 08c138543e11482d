# METADATA
# title: Security Hub findings suppressed or Security Hub disabled
# description: >-
#   Calls that make Security Hub stop reporting: DisableSecurityHub, BatchDisableStandards,
#   DisableImportFindingsForProduct; findings set to SUPPRESSED or RESOLVED, or their severity
#   dropped to INFORMATIONAL (BatchUpdateFindings), or archived (UpdateFindings with RecordState
#   ARCHIVED); automation rules that suppress or resolve matching findings
#   (CreateAutomationRule / BatchUpdateAutomationRules). Field names are read in the API's
#   PascalCase and in camelCase. Calls made by AWS services are quiet. Panther's and Sigma's
#   "Findings Evasion" rules fire on any BatchUpdateFindings/UpdateFindings, including the
#   analyst marking a finding NOTIFIED; this rule looks at what the update does. Whatever the outcome.
# custom:
#   id: TRL-SH-001
#   severity: medium
#   risk_score: 56
#   mitre:
#     - {id: T1562.001, version: "18"}
#     - {id: T1685, version: "19"}
#   tags: [AWS, Security Hub, Finding Suppression, Impair Defenses, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - Analysts triaging findings (SUPPRESSED with a note, RESOLVED after a fix) from the security team's role; except that role.
#   references:
#     - https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchUpdateFindings.html
#     - https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_DisableSecurityHub.html
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/automation-rules.html
#   investigation:
#     - Which findings (FindingIdentifiers) or which rule criteria, and were they real (check the resources)?
#     - Check who made the call, from where, and whether the principal belongs to the security team.
#   response:
#     - Re-open the findings (Workflow NEW), delete the automation rule, re-enable Security Hub or the standard.
#     - Restrict securityhub:BatchUpdateFindings and automation rules to the security team.
package tripline.rules.aws.securityhub.finding_suppression

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

p := aws.params(input)

# field(obj, name): obj[name] in PascalCase or camelCase.
field(obj, name) := obj[name]

field(obj, name) := obj[lower_first(name)] if {
	is_object(obj)
	not name in object.keys(obj)
}

lower_first(s) := concat("", [lower(substring(s, 0, 1)), substring(s, 1, -1)])

quieting_status := {"SUPPRESSED", "RESOLVED"}

suppression contains sprintf("%s called", [input.eventName]) if {
	input.eventName in {"DisableSecurityHub", "BatchDisableStandards", "DisableImportFindingsForProduct"}
}

suppression contains sprintf("findings set to %s", [status]) if {
	input.eventName == "BatchUpdateFindings"
	status := upper(field(field(p, "Workflow"), "Status"))
	status in quieting_status
}

suppression contains "finding severity lowered to INFORMATIONAL" if {
	input.eventName == "BatchUpdateFindings"
	upper(field(field(p, "Severity"), "Label")) == "INFORMATIONAL"
}

suppression contains "findings archived" if {
	input.eventName == "UpdateFindings"
	upper(field(p, "RecordState")) == "ARCHIVED"
}

suppression contains sprintf("automation rule sets findings to %s", [status]) if {
	input.eventName == "CreateAutomationRule"
	some action in field(p, "Actions")
	status := upper(field(field(field(action, "FindingFieldsUpdate"), "Workflow"), "Status"))
	status in quieting_status
}

suppression contains sprintf("automation rule sets findings to %s", [status]) if {
	input.eventName == "BatchUpdateAutomationRules"
	some item in field(p, "UpdateAutomationRulesRequestItems")
	some action in field(item, "Actions")
	status := upper(field(field(field(action, "FindingFieldsUpdate"), "Workflow"), "Status"))
	status in quieting_status
}

finding_count := n if {
	n := count(field(p, "FindingIdentifiers"))
} else := 0

alert contains a if {
	input.eventSource == "securityhub.amazonaws.com"
	count(suppression) > 0
	not aws.aws_service(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s%s (%d finding(s) named)", [aws.principal_name(input), attempt, concat("; ", sort(suppression)), finding_count]),
		{
			"resources": aws.resource_arns(input),
			"changes": {"suppression": sort(suppression), "request": p},
		},
	)
}

attempt := "" if aws.succeeded(input)

else := "tried: "
