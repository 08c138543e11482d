# METADATA
# title: IAM account discovery by a principal that is not an administrator
# description: >-
#   IAM enumeration calls (iam.amazonaws.com) - ListUsers, ListRoles, ListGroups, ListPolicies,
#   GetAccountAuthorizationDetails, ListAttachedUser/Role/GroupPolicies, ListUser/Role/GroupPolicies,
#   ListGroupsForUser, ListAccessKeys, ListMFADevices, GetAccountSummary, credential reports and
#   similar - by a principal that is not an administrator (data.tripline.context.admin_roles,
#   break_glass_roles) or an AWS service. Denied calls count: leaked keys probing IAM are mostly
#   refused. Elastic's "AWS Account Discovery By Rare User" needs a history; this rule needs the
#   context instead.
# custom:
#   id: TRL-IDN-001
#   severity: low
#   risk_score: 35
#   mitre:
#     - {id: T1087.004, version: "18"}
#     - {id: T1087.004, version: "19"}
#   tags: [AWS, IAM, Discovery, Account Discovery]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       Security and compliance tools (Prowler, ScoutSuite, CSPM) and IAM administrators not listed
#       in admin_roles: list them there, or except them in data.tripline.exceptions["TRL-IDN-001"].
#     - Users browsing the IAM console pages, which call several of these.
#   references:
#     - https://attack.mitre.org/techniques/T1087/004/
#     - https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
#     - https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
#   investigation:
#     - Does the principal administer IAM? Check its usual calls, source IP address, user agent and session (MFA).
#     - Look for other discovery (CloudTrail, S3, EC2) and for IAM writes that follow (CreateUser, CreateAccessKey, AttachUserPolicy).
#   response:
#     - If unexplained, rotate the principal's keys and revoke its sessions; remove iam:List*/Get* it does not need.
package tripline.rules.aws.iam.account_discovery

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

discovery_calls := {
	"ListUsers", "ListRoles", "ListGroups", "ListPolicies", "GetAccountAuthorizationDetails",
	"ListAttachedUserPolicies", "ListAttachedRolePolicies", "ListAttachedGroupPolicies",
	"ListUserPolicies", "ListRolePolicies", "ListGroupPolicies", "ListGroupsForUser",
	"ListAccessKeys", "ListMFADevices", "ListVirtualMFADevices", "ListSSHPublicKeys",
	"ListSigningCertificates", "ListServiceSpecificCredentials", "ListInstanceProfiles",
	"ListEntitiesForPolicy", "ListAccountAliases", "GetAccountSummary",
	"GetAccountPasswordPolicy", "GenerateCredentialReport", "GetCredentialReport",
	"ListSAMLProviders", "ListOpenIDConnectProviders",
}

# discovery(r): an IAM enumeration call.
discovery(r) if {
	r.eventSource == "iam.amazonaws.com"
	r.eventName in discovery_calls
}

alert contains a if {
	input.eventSource == "iam.amazonaws.com"
	discovery(input)
	not context.admin(input)
	not aws.aws_service(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s iam:%s, and is not an administrator", [aws.principal_name(input), verb(input), input.eventName]),
		{"resources": [t | t := aws.params(input)[k]; k in {"userName", "roleName", "groupName", "policyArn"}]},
	)
}

verb(r) := "called" if aws.succeeded(r)

else := "was refused"
