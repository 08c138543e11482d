# METADATA
# title: Access key or console password created for another IAM user
# description: >-
#   iam:CreateAccessKey, CreateLoginProfile or UpdateLoginProfile naming a user
#   (requestParameters.userName) other than the caller: persistence through someone else's
#   credentials (a new key for an existing user, or a console password for a service user).
#   Calls without userName (or with the caller's own) are self-service rotation and stay quiet;
#   a role naming any user is "another user". AWS services are left out. Denied attempts fire too.
# custom:
#   id: TRL-IDN-002
#   severity: medium
#   risk_score: 47
#   mitre:
#     - {id: T1098.001, version: "18"}
#     - {id: T1098.001, version: "19"}
#   tags: [AWS, IAM, Persistence, Account Manipulation]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       An administrator or provisioning pipeline creating credentials for a new user. Except that
#       principal in data.tripline.exceptions["TRL-IDN-002"].
#   references:
#     - https://attack.mitre.org/techniques/T1098/001/
#     - https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
#     - https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html
#   investigation:
#     - Who is the target user, does it usually have keys or a password, and who usually manages it?
#     - Was the user created just before (CreateUser by the same principal)? Was a policy attached (AttachUserPolicy)?
#     - Check where the new key is used (records with its accessKeyId).
#   response:
#     - Deactivate and delete the new key, or delete the login profile, if not planned.
#     - Rotate the caller's credentials and revoke its sessions.
package tripline.rules.aws.iam.credentials_for_other_user

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

credential_calls := {"CreateAccessKey", "CreateLoginProfile", "UpdateLoginProfile"}

target(r) := u if {
	u := aws.params(r).userName
	is_string(u)
	u != ""
}

other_user(r) if target(r) != object.get(r.userIdentity, "userName", null)

alert contains a if {
	input.eventSource == "iam.amazonaws.com"
	input.eventName in credential_calls
	other_user(input)
	not aws.aws_service(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s %s for user %s", [aws.principal_name(input), verb(input), what[input.eventName], target(input)]),
		{"resources": [target(input)]},
	)
}

what := {"CreateAccessKey": "an access key", "CreateLoginProfile": "a console password", "UpdateLoginProfile": "a new console password"}

verb(r) := "created" if aws.succeeded(r)

else := "tried to create"
