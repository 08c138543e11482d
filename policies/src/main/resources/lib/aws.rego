# METADATA
# title: CloudTrail record helpers
# description: |
#   Functions every rule shares: who made the call, did it succeed or was it denied, did the
#   session use MFA, and the common fields of an alert. Pure Rego: runs unchanged on stock OPA.
package tripline.lib.aws

import rego.v1

# The error codes AWS services write for an authorization failure (per service: S3, IAM and STS
# write AccessDenied; JSON-protocol services AccessDeniedException; EC2 UnauthorizedOperation).
denied_codes := {
	"AccessDenied",
	"AccessDeniedException",
	"UnauthorizedOperation",
	"Client.UnauthorizedOperation",
	"UnauthorizedAccess",
	"AuthorizationError",
	"NotAuthorized",
	"AuthFailure",
}

# succeeded(r): the call succeeded, as Elastic's CloudTrail pipeline sets event.outcome: neither
# errorCode nor errorMessage (and, for a console sign-in, responseElements.ConsoleLogin is Success).
succeeded(r) if {
	not r.errorCode
	not r.errorMessage
	not console_login_failed(r)
}

console_login_failed(r) if {
	r.eventName == "ConsoleLogin"
	r.responseElements.ConsoleLogin != "Success"
}

# denied(r): AWS refused the call for lack of permission.
denied(r) if r.errorCode in denied_codes

denied(r) if {
	r.errorCode
	contains(lower(r.errorCode), "accessdenied")
}

# outcome(r): "success", "denied" or "error".
outcome(r) := "success" if succeeded(r)

outcome(r) := "denied" if denied(r)

outcome(r) := "error" if {
	not succeeded(r)
	not denied(r)
}

# principal_arn(r): the ARN of the caller; for an assumed role the session ARN, for an AWS service
# its service name.
principal_arn(r) := r.userIdentity.arn

principal_arn(r) := r.userIdentity.invokedBy if {
	not r.userIdentity.arn
	r.userIdentity.invokedBy
}

principal_arn(r) := r.userIdentity.principalId if {
	not r.userIdentity.arn
	not r.userIdentity.invokedBy
	r.userIdentity.principalId
}

principal_arn(r) := "unknown" if {
	not r.userIdentity.arn
	not r.userIdentity.invokedBy
	not r.userIdentity.principalId
}

# issuer_arn(r): the role or user behind a session (sessionIssuer.arn), else the caller's ARN.
issuer_arn(r) := r.userIdentity.sessionContext.sessionIssuer.arn

issuer_arn(r) := principal_arn(r) if not r.userIdentity.sessionContext.sessionIssuer.arn

# principal_name(r): a readable name: the user name, role/session for an assumed role, "root".
principal_name(r) := r.userIdentity.userName if {
	r.userIdentity.type != "AssumedRole"
	r.userIdentity.userName
}

principal_name(r) := concat("/", [r.userIdentity.sessionContext.sessionIssuer.userName, session]) if {
	r.userIdentity.type == "AssumedRole"
	session := split(r.userIdentity.arn, "/")[2]
}

principal_name(r) := "root" if {
	r.userIdentity.type == "Root"
	not r.userIdentity.userName
}

principal_name(r) := principal_arn(r) if {
	not r.userIdentity.userName
	not object.get(r.userIdentity, "type", "") in {"AssumedRole", "Root"}
}

principal_name(r) := principal_arn(r) if {
	r.userIdentity.type == "AssumedRole"
	not r.userIdentity.sessionContext.sessionIssuer.userName
}

# principal(r): the caller as alerts carry it.
principal(r) := {
	"arn": principal_arn(r),
	"name": principal_name(r),
	"type": object.get(r.userIdentity, "type", "Unknown"),
	"accountId": object.get(r.userIdentity, "accountId", object.get(r, "recipientAccountId", "")),
}

# mfa_used(r): the session was created with MFA (console sign-ins: MFAUsed).
mfa_used(r) if r.userIdentity.sessionContext.attributes.mfaAuthenticated == "true"

mfa_used(r) if {
	r.eventName == "ConsoleLogin"
	r.additionalEventData.MFAUsed == "Yes"
}

# aws_service(r): the call was made by an AWS service on the account's behalf.
aws_service(r) if r.userIdentity.type == "AWSService"

aws_service(r) if {
	r.userIdentity.invokedBy
	endswith(r.userIdentity.invokedBy, ".amazonaws.com")
	r.userIdentity.invokedBy != "signin.amazonaws.com"
}

# params(r): requestParameters as an object ({} when null or absent).
params(r) := r.requestParameters if is_object(r.requestParameters)

params(r) := {} if not is_object(r.requestParameters)

# response(r): responseElements as an object ({} when null or absent).
response(r) := r.responseElements if is_object(r.responseElements)

response(r) := {} if not is_object(r.responseElements)

# resource_arns(r): the ARNs in resources[], sorted.
resource_arns(r) := sort([a | some x in r.resources; a := x.ARN])

# alert(r, message, extra): the fields every alert carries, with the rule's own on top.
alert(r, message, extra) := object.union(
	{
		"message": message,
		"principal": principal(r),
		"sourceIPAddress": object.get(r, "sourceIPAddress", ""),
		"userAgent": object.get(r, "userAgent", ""),
		"eventSource": r.eventSource,
		"eventName": r.eventName,
		"eventID": object.get(r, "eventID", ""),
		"eventTime": r.eventTime,
		"awsRegion": object.get(r, "awsRegion", ""),
		"outcome": outcome(r),
		"errorCode": object.get(r, "errorCode", null),
	},
	extra,
)

# batch_alert(records, message, extra): an alert for a correlation rule, on its last record, with
# every contributing eventID.
batch_alert(records, message, extra) := object.union(
	alert(records[count(records) - 1], message, {"eventIDs": [id | some x in records; id := x.eventID]}),
	extra,
)
