# METADATA
# title: Console sign-in without MFA from outside the corporate networks
# description: >-
#   A successful ConsoleLogin (signin.amazonaws.com) of an IAM user or the root user with
#   additionalEventData.MFAUsed "No", from an address outside data.tripline.context.corporate_cidrs
#   (when the context names no corporate networks, every successful sign-in without MFA). Seed 000
#   (SOC-2024-219) began this way: dev_user's phished password used from Bulgaria. Federated
#   sign-ins (AssumedRole, FederatedUser) are left out: their MFA happens at the identity
#   provider and CloudTrail writes MFAUsed "No" for them. Failed sign-ins are a separate matter.
# custom:
#   id: TRL-SIGN-001
#   severity: medium
#   risk_score: 47
#   mitre:
#     - {id: T1078.004, version: "18"}
#     - {id: T1078.004, version: "19"}
#   tags: [AWS, Sign-in, Initial Access, Valid Accounts, MFA, SOC-2024-219]
#   outcome: success
#   kind: record
#   false_positives:
#     - >-
#       Users who have not enrolled MFA yet, signing in from home. The answer is enforcing MFA;
#       meanwhile except them by principal in data.tripline.exceptions["TRL-SIGN-001"].
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
#     - https://attack.mitre.org/techniques/T1078/004/
#   investigation:
#     - Is the address (country, ASN) one the user uses? Did the user sign in from elsewhere shortly before?
#     - Does the user have an MFA device (iam list-mfa-devices)? Root without MFA is critical.
#     - List what the session did next (records with the same userIdentity.arn and sessionCredentialFromConsole).
#   response:
#     - Contact the user; if not them, reset the password, delete the login profile's sessions and rotate access keys.
#     - Enforce MFA with an IAM policy (aws:MultiFactorAuthPresent) and enrol a device.
package tripline.rules.aws.signin.console_login_without_mfa

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

outside(ip) if not context.corporate_networks_known

outside(ip) if {
	context.corporate_networks_known
	not context.corporate_ip(ip)
}

alert contains a if {
	input.eventSource == "signin.amazonaws.com"
	input.eventName == "ConsoleLogin"
	input.userIdentity.type in {"IAMUser", "Root"}
	aws.succeeded(input)
	input.additionalEventData.MFAUsed == "No"
	ip := object.get(input, "sourceIPAddress", "")
	outside(ip)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s signed in to the console without MFA from %s%s", [aws.principal_name(input), ip, where]),
		{
			"resources": [aws.principal_arn(input)],
			"severity": severity,
		},
	)
}

where := " (outside the corporate networks)" if context.corporate_networks_known

else := ""

severity := "high" if input.userIdentity.type == "Root"

else := "medium"
