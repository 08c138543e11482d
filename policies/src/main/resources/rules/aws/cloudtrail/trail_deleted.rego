# METADATA
# title: CloudTrail trail deleted (DeleteTrail), including denied attempts
# description: >-
#   DeleteTrail on cloudtrail.amazonaws.com. Elastic's "AWS CloudTrail Log Deleted", Panther's
#   AWS.CloudTrail.Stopped and Splunk's "AWS Defense Evasion Delete Cloudtrail" need a successful
#   call; this rule also fires on a refused one, because an AccessDenied DeleteTrail is an attempt
#   to blind the account. Nothing the principal does afterwards reaches the deleted trail.
# custom:
#   id: TRL-CT-006
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, CloudTrail, Defense Evasion, Log Tampering]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       Infrastructure-as-code replacing a trail (terraform destroy/apply of the trail resource) or
#       decommissioning an account. Except the deployment role and its network in
#       data.tripline.exceptions["TRL-CT-006"].
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DeleteTrail.html
#     - https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-delete/
#     - https://www.elastic.co/guide/en/security/current/aws-cloudtrail-log-deleted.html
#   investigation:
#     - Check whether the call succeeded and which trail it named; is another trail or an organization trail still logging?
#     - Look for a CreateTrail right after (a replacement trail with different settings or bucket).
#     - Review the principal's earlier calls (ListTrails, DescribeTrails) and its source IP address and user agent.
#   response:
#     - Recreate the trail from its known configuration and start logging.
#     - Revoke the principal's sessions and keys if the deletion was not planned.
#     - Deny cloudtrail:DeleteTrail with an SCP outside a break-glass role.
package tripline.rules.aws.cloudtrail.trail_deleted

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName == "DeleteTrail"
	not exceptions.excepted(rego.metadata.chain(), input)
	trail := object.get(aws.params(input), "name", "")
	a := aws.alert(
		input,
		sprintf("%s %s trail %s", [aws.principal_name(input), verb(input), trail]),
		{"resources": array.concat([trail], aws.resource_arns(input))},
	)
}

verb(r) := "deleted" if aws.succeeded(r)

else := "tried to delete"
