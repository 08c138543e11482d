# METADATA
# title: CloudTrail log evasion by an oversized request (requestParameters omitted)
# description: >-
#   A write call whose requestParameters CloudTrail replaced with {"reason": "requestParameters
#   too large", "omitted": true} because the request was larger than CloudTrail records (about
#   100 KB): padding a policy document with whitespace hides what the policy grants (Permiso,
#   "CloudTrail Logging Evasion: Where Policy Size Matters"). Elastic's "AWS CloudTrail Log
#   Evasion" looks at successful IAM calls; this rule covers any service's write calls, and denied
#   attempts too. Read-only calls are left out.
# custom:
#   id: TRL-CT-020
#   severity: medium
#   risk_score: 47
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [AWS, CloudTrail, Defense Evasion, IAM]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       Legitimately large requests: big CloudFormation templates passed inline, large Step
#       Functions definitions, large Glue table definitions. Except the deployment principal in
#       data.tripline.exceptions["TRL-CT-020"].
#   references:
#     - https://permiso.io/blog/cloudtrail-logging-evasion-where-policy-size-matters
#     - https://www.elastic.co/guide/en/security/current/aws-cloudtrail-log-evasion.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
#   investigation:
#     - Fetch the resource's current state directly (GetPolicyVersion, GetRolePolicy, GetUserPolicy) to see what the hidden request set.
#     - Check whether the principal usually sends large requests (deployment tooling) and where it called from.
#   response:
#     - Review and, if malicious, revert the policy or resource the call changed.
#     - Rotate the principal's credentials and revoke its sessions if the change was not planned.
package tripline.rules.aws.cloudtrail.oversized_request_evasion

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

omitted(r) if {
	r.requestParameters.reason == "requestParameters too large"
	r.requestParameters.omitted in {true, "true"}
}

alert contains a if {
	omitted(input)
	not input.readOnly == true
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s called %s:%s with a request too large for CloudTrail to record its parameters", [aws.principal_name(input), input.eventSource, input.eventName]),
		{
			"resources": aws.resource_arns(input),
			"changes": {"requestParameters": "omitted by CloudTrail (too large)", "originalSize": object.get(aws.params(input), "originalSize", null)},
		},
	)
}
