# METADATA
# title: Account context
# description: |
#   What rules know about the account from data (data.tripline.context, see tripline-data.yaml)
#   and from what the engine learned in the logs (input.tripline.learned): trail buckets, known
#   log readers, administrator and break-glass roles, corporate networks, change tickets. Every
#   function behaves sensibly when the context is empty.
package tripline.lib.context

import data.tripline.lib.aws
import rego.v1

default ctx := {}

ctx := data.tripline.context

# log_key(key): an S3 key (or prefix) inside CloudTrail's delivery layout:
# [prefix/]AWSLogs/[o-org/]<account>/CloudTrail|CloudTrail-Digest|CloudTrail-Insight/...
log_key(key) if regex.match(`(^|/)AWSLogs/(o-[a-z0-9]{10,32}/)?[0-9]{12}/CloudTrail(-Digest|-Insight)?/`, key)

# trail_bucket(r, bucket): the bucket is a trail bucket: named in context, learned from trail
# records, or the call's key/prefix is in CloudTrail's layout.
trail_bucket(r, bucket) if bucket in object.get(ctx, "trail_buckets", [])

trail_bucket(r, bucket) if bucket in object.get(r, ["tripline", "learned", "trail_buckets"], [])

trail_bucket(r, _) if log_key(object.get(r.requestParameters, "key", ""))

trail_bucket(r, _) if log_key(object.get(r.requestParameters, "prefix", ""))

# trail_bucket_call(r): an S3 call on a trail bucket; its bucket name.
trail_bucket_call(r) := bucket if {
	r.eventSource == "s3.amazonaws.com"
	bucket := r.requestParameters.bucketName
	trail_bucket(r, bucket)
}

# arn_listed(r, patterns): the caller's ARN or its session issuer's ARN matches a glob of the list
# (`*` matches any characters).
arn_listed(r, patterns) if {
	some p in patterns
	glob.match(p, null, aws.principal_arn(r))
}

arn_listed(r, patterns) if {
	some p in patterns
	glob.match(p, null, aws.issuer_arn(r))
}

# log_reader(r): a principal whose job is reading logs (context.log_readers).
log_reader(r) if arn_listed(r, object.get(ctx, "log_readers", []))

# admin(r): an administrator or break-glass principal (context.admin_roles, break_glass_roles).
admin(r) if arn_listed(r, object.get(ctx, "admin_roles", []))

admin(r) if break_glass(r)

break_glass(r) if arn_listed(r, object.get(ctx, "break_glass_roles", []))

# corporate_ip(ip): the address is in one of context.corporate_cidrs.
corporate_ip(ip) if {
	some cidr in object.get(ctx, "corporate_cidrs", [])
	net.cidr_contains(cidr, ip)
}

# corporate_networks_known: the context names corporate networks at all.
corporate_networks_known if count(object.get(ctx, "corporate_cidrs", [])) > 0

# change_ticket(r): the call carries a change ticket: the user agent or session name contains a
# pattern from context.change_ticket_patterns (RE2, e.g. "CHG-[0-9]+").
change_ticket(r) if {
	some p in object.get(ctx, "change_ticket_patterns", [])
	regex.match(p, object.get(r, "userAgent", ""))
}

change_ticket(r) if {
	some p in object.get(ctx, "change_ticket_patterns", [])
	regex.match(p, aws.principal_arn(r))
}

# country(r): the source IP's country (ISO code) when the engine enriched the record.
country(r) := r.tripline.source.country
