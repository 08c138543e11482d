# METADATA
# title: AWS CloudTrail Log Updated
# description: >-
#   Identifies an update to an AWS log trail setting that specifies the delivery of log files.
#   Elastic's rule of the same name, query for query: a successful UpdateTrail from
#   cloudtrail.amazonaws.com. It fires on every change, benign or not; see TRL-CT-005 for the
#   rule that says which setting was weakened.
# related_resources:
#   - ref: https://www.elastic.co/guide/en/security/current/aws-cloudtrail-log-updated.html
#     description: Elastic's rule (version 103), the origin of this one
# custom:
#   id: TRL-CT-003
#   severity: low
#   risk_score: 21
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#   tags: [Elastic, Cloud, AWS, Continuous Monitoring, SecOps, Log Auditing, Investigation Guide]
#   outcome: success
#   kind: record
#   query: >-
#     event.dataset:aws.cloudtrail and event.provider:cloudtrail.amazonaws.com and
#     event.action:UpdateTrail and event.outcome:success
#   false_positives:
#     - >-
#       Trail updates may be made by a system or network administrator. Verify whether the user
#       identity, user agent, and/or hostname should be making changes in your environment. Trail
#       updates from unfamiliar users or hosts should be investigated. If known behavior is
#       causing false positives, it can be exempted from the rule.
#     - >-
#       If this rule is noisy in your environment due to expected activity, consider adding
#       exceptions, preferably with a combination of user and IP address conditions
#       (data.tripline.exceptions["TRL-CT-003"] with principals and source_ips).
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html
#     - https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cloudtrail/update-trail.html
#     - https://www.elastic.co/guide/en/security/current/aws-cloudtrail-log-updated.html
#   investigation:
#     - Identify the user account that performed the action and whether it should perform this kind of action.
#     - Examine the response elements of the event to determine the scope of the changes.
#     - Investigate other alerts associated with the user account during the past 48 hours.
#     - Contact the account and resource owners and confirm whether they are aware of this activity.
#     - Check if this operation was approved and performed according to the organization's change management policy.
#     - >-
#       Considering the source IP address and geolocation of the user who issued the command: do
#       they look normal for the user? If the source is an EC2 IP address, is it associated with an
#       EC2 instance in one of your accounts or is the source IP from an EC2 instance that's not
#       under your control? If it is an authorized EC2 instance, is the activity associated with
#       normal behavior for the instance role or roles? Are there any other alerts or signs of
#       suspicious activity involving this instance?
#     - >-
#       If you suspect the account has been compromised, scope potentially compromised assets by
#       tracking servers, services, and data accessed by the account in the last 24 hours.
#   response:
#     - Initiate the incident response process based on the outcome of the triage.
#     - Disable or limit the account during the investigation and response.
#     - >-
#       Identify the possible impact of the incident and prioritize accordingly; the following
#       actions can help you gain context: identify the account role in the cloud environment;
#       assess the criticality of affected services and servers; work with your IT team to
#       identify and minimize the impact on users; identify if the attacker is moving laterally and
#       compromising other accounts, servers, or services; identify any regulatory or legal
#       ramifications related to this activity.
#     - >-
#       Investigate credential exposure on systems compromised or used by the attacker to ensure
#       all compromised accounts are identified. Reset passwords or delete API keys as needed to
#       revoke the attacker's access to the environment. Work with your IT teams to minimize the
#       impact on business operations during these actions.
#     - Check if unauthorized new users were created, remove unauthorized new accounts, and request password resets for other IAM users.
#     - Consider enabling multi-factor authentication for users.
#     - Review the permissions assigned to the implicated user to ensure that the least privilege principle is being followed.
#     - Implement security best practices outlined by AWS (https://aws.amazon.com/premiumsupport/knowledge-center/security-best-practices/).
#     - Take the actions needed to return affected systems, data, or services to their normal operational levels.
#     - Identify the initial vector abused by the attacker and take action to prevent reinfection via the same vector.
#     - >-
#       Using the incident response data, update logging and audit policies to improve the mean
#       time to detect (MTTD) and the mean time to respond (MTTR).
package tripline.rules.aws.cloudtrail.trail_updated

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName == "UpdateTrail"
	aws.succeeded(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	trail := object.get(aws.params(input), "name", "")
	a := aws.alert(
		input,
		sprintf("%s updated trail %s", [aws.principal_name(input), trail]),
		{
			"resources": array.concat([trail], aws.resource_arns(input)),
			"changes": object.remove(aws.params(input), ["name"]),
		},
	)
}
