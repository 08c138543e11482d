# METADATA
# title: Trail bucket policy changed to stop CloudTrail or expose the logs
# description: >-
#   PutBucketPolicy on a trail bucket whose new policy denies the cloudtrail.amazonaws.com
#   service principal (or everyone, unconditionally) s3:PutObject or s3:GetBucketAcl, no longer
#   allows CloudTrail to write (the AWSCloudTrailWrite statement is gone), or grants read access
#   to everyone or to another account; and DeleteBucketPolicy on a trail bucket, which also
#   stops delivery. A trail bucket is one named in context or learned, or one whose new policy
#   has a statement for cloudtrail.amazonaws.com or a Resource in CloudTrail's key layout (so an
#   unlisted trail bucket is still recognised; never by its name). The policy is read statement by statement (Statement object or list,
#   Principal "*" / AWS / Service, wildcard actions); a deny or a "*" grant with a Condition
#   (aws:SecureTransport, aws:SourceArn, aws:PrincipalOrgID) is not counted. Public rules are
#   not trail-bucket-aware (Panther AWS.S3.BucketPolicyModified fires on any policy change;
#   Elastic has separate external-account / public-access rules). Fires on denied attempts too.
# custom:
#   id: TRL-S3-003
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#     - {id: T1537, version: "18"}
#     - {id: T1537, version: "19"}
#   tags: [AWS, S3, CloudTrail, Log Tampering, Bucket Policy, Defense Evasion, Exfiltration]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       A migration that moves the trail to another bucket and retires the old bucket's policy;
#       a planned log-archive account given read access (list that account in
#       data.tripline.context.accounts).
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#     - https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
#     - https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketPolicy.html
#   investigation:
#     - Compare the new policy (changes.policy) with the previous one; the findings say which statement is the problem.
#     - Check GetTrailStatus for LatestDeliveryError (AccessDenied) after the change.
#     - For a grant, identify the foreign account or public exposure and look for reads by it (GetObject data events).
#     - Check who made the call, from where, and whether a change ticket covers it.
#   response:
#     - Restore CloudTrail's bucket policy (AWSCloudTrailAclCheck and AWSCloudTrailWrite statements) at once.
#     - Remove the foreign or public grant; block public access on the bucket.
#     - Restrict s3:PutBucketPolicy and s3:DeleteBucketPolicy on the trail bucket to the logging administrators.
package tripline.rules.aws.s3.trail_bucket_policy

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

cloudtrail := "cloudtrail.amazonaws.com"

read_actions := {"s3:getobject", "s3:listbucket", "s3:getobjectversion"}

policy := p if {
	p := aws.params(input).bucketPolicy
	is_object(p)
} else := p if {
	s := aws.params(input).bucketPolicy
	is_string(s)
	json.is_valid(s)
	p := json.unmarshal(s)
} else := {}

statements := [policy.Statement] if is_object(policy.Statement)

else := [st | some st in policy.Statement] if is_array(policy.Statement)

else := []

values(x) := {x} if is_string(x)

values(x) := {v | some v in x} if is_array(x)

principals(st, kind) := values(st.Principal[kind]) if is_object(st.Principal)

else := set()

everyone(st) if st.Principal == "*"

everyone(st) if "*" in principals(st, "AWS")

actions(st) := {lower(a) | some a in values(st.Action)}

covers(st, action) if {
	some pattern in actions(st)
	glob.match(pattern, [], action)
}

conditional(st) if count(object.get(st, "Condition", {})) > 0

names_cloudtrail(st) if cloudtrail in principals(st, "Service")

own_accounts := {a | some a in array.concat(
	[object.get(input, "recipientAccountId", object.get(input.userIdentity, "accountId", ""))],
	object.get(context.ctx, "accounts", []),
)}

account_of(p) := p if regex.match(`^[0-9]{12}$`, p)

account_of(p) := split(p, ":")[4] if startswith(p, "arn:")

findings contains sprintf("statement %s denies CloudTrail %s", [sid(st), action]) if {
	some st in statements
	st.Effect == "Deny"
	not conditional(st)
	names_cloudtrail_or_everyone(st)
	some action in ["s3:putobject", "s3:getbucketacl"]
	covers(st, action)
}

names_cloudtrail_or_everyone(st) if names_cloudtrail(st)

names_cloudtrail_or_everyone(st) if everyone(st)

findings contains "no statement allows cloudtrail.amazonaws.com s3:PutObject any more" if {
	policy != {}
	not cloudtrail_write_allowed
}

cloudtrail_write_allowed if {
	some st in statements
	st.Effect == "Allow"
	names_cloudtrail(st)
	covers(st, "s3:putobject")
}

findings contains sprintf("statement %s grants %s to everyone", [sid(st), concat(", ", sort(actions(st)))]) if {
	some st in statements
	st.Effect == "Allow"
	everyone(st)
	not conditional(st)
	some action in read_actions
	covers(st, action)
}

findings contains sprintf("statement %s grants %s to account %s", [sid(st), concat(", ", sort(actions(st))), account]) if {
	some st in statements
	st.Effect == "Allow"
	some p in principals(st, "AWS")
	account := account_of(p)
	not account in own_accounts
	some action in read_actions
	covers(st, action)
}

findings contains "the bucket policy was deleted: CloudTrail can no longer write" if input.eventName == "DeleteBucketPolicy"

sid(st) := sprintf("%q", [st.Sid]) if st.Sid

else := "(no Sid)"

# bucket: the call's bucket when it is a trail bucket: known from context or learned, or the new
# policy itself shows it (a statement for cloudtrail.amazonaws.com, or a Resource in CloudTrail's
# key layout), which is how a bucket nobody listed is still recognised.
bucket := b if {
	b := context.trail_bucket_call(input)
} else := b if {
	input.eventSource == "s3.amazonaws.com"
	some st in statements
	names_cloudtrail(st)
	b := aws.params(input).bucketName
} else := b if {
	input.eventSource == "s3.amazonaws.com"
	some st in statements
	some res in values(st.Resource)
	context.log_key(concat("/", array.slice(split(res, "/"), 1, count(split(res, "/")))))
	b := aws.params(input).bucketName
}

alert contains a if {
	input.eventSource == "s3.amazonaws.com"
	input.eventName in {"PutBucketPolicy", "DeleteBucketPolicy"}
	bucket
	count(findings) > 0
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s %s on trail bucket %s: %s", [
			aws.principal_name(input), verb, input.eventName, bucket, concat("; ", sort(findings)),
		]),
		{
			"resources": [bucket],
			"changes": {"policy": policy, "findings": sort(findings)},
		},
	)
}

verb := "called" if aws.succeeded(input)

else := "attempted"
