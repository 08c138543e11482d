# METADATA
# title: New IAM user given administrator permissions
# description: >-
#   The same principal creates an IAM user (iam:CreateUser) and, within an hour, gives that user
#   administrator permissions: AttachUserPolicy with the AWS managed AdministratorAccess or
#   IAMFullAccess policy, or PutUserPolicy with an inline statement that allows every action ("*")
#   on every resource. A backdoor administrator (Stratus aws.persistence.iam-create-admin-user,
#   scenario phished-console-to-persistence). Denied grants count.
# custom:
#   id: TRL-IDN-003
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1136.003, version: "18"}
#     - {id: T1136.003, version: "19"}
#     - {id: T1098.003, version: "18"}
#   tags: [AWS, IAM, Persistence, Privilege Escalation, Correlation]
#   outcome: any
#   kind: sequence
#   window: 1h
#   group_by: [userIdentity.arn]
#   threshold: 2
#   false_positives:
#     - Onboarding a new administrator by hand; break-glass user creation. Prefer roles for administrators; except the identity team's principal in data.tripline.exceptions["TRL-IDN-003"].
#   references:
#     - https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.iam-create-admin-user/
#     - https://attack.mitre.org/techniques/T1136/003/
#     - https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html
#   investigation:
#     - Who is the new user, and was its creation planned? Did it get an access key or a console password (CreateAccessKey, CreateLoginProfile)?
#     - Where is the new user's key used?
#   response:
#     - Delete the user's keys and login profile, detach its policies and delete it if not planned.
#     - Rotate the creator's credentials and revoke its sessions.
package tripline.rules.aws.iam.new_admin_user

import data.tripline.lib.aws
import data.tripline.lib.exceptions
import rego.v1

admin_policies := {"AdministratorAccess", "IAMFullAccess"}

created(r) := u if {
	r.eventSource == "iam.amazonaws.com"
	r.eventName == "CreateUser"
	aws.succeeded(r)
	u := aws.params(r).userName
}

# admin_grant(r): the user a record gives administrator permissions to, and how.
admin_grant(r) := [u, p] if {
	r.eventSource == "iam.amazonaws.com"
	r.eventName == "AttachUserPolicy"
	u := aws.params(r).userName
	arn := aws.params(r).policyArn
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/`, arn)
	p := split(arn, "/")[count(split(arn, "/")) - 1]
	p in admin_policies
}

admin_grant(r) := [u, sprintf("inline policy %s allowing * on *", [object.get(aws.params(r), "policyName", "")])] if {
	r.eventSource == "iam.amazonaws.com"
	r.eventName == "PutUserPolicy"
	u := aws.params(r).userName
	doc := json.unmarshal(aws.params(r).policyDocument)
	some st in as_array(doc.Statement)
	st.Effect == "Allow"
	"*" in as_array(st.Action)
	"*" in as_array(st.Resource)
}

as_array(x) := x if is_array(x)

else := [x]

match if created(input)

match if admin_grant(input)

alert contains a if {
	some i, create in input.records
	user := created(create)
	some j, grant in input.records
	j > i
	admin_grant(grant)[0] == user
	last := input.records[count(input.records) - 1]
	not exceptions.excepted(rego.metadata.chain(), last)
	a := aws.batch_alert(
		[create, grant],
		sprintf("%s created IAM user %s and %s it %s", [aws.principal_name(create), user, verb(grant), admin_grant(grant)[1]]),
		{"resources": [user]},
	)
}

verb(r) := "gave" if aws.succeeded(r)

else := "tried to give"
