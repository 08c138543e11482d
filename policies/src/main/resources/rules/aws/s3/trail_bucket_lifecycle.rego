# METADATA
# title: Short expiration lifecycle rule put on a trail bucket
# description: >-
#   PutBucketLifecycle (CloudTrail's eventName for the PutBucketLifecycleConfiguration API) on a
#   trail bucket with an Enabled rule that expires log files in less than a year (Expiration.Days,
#   or an Expiration.Date less than a year after the call) or deletes noncurrent versions within
#   30 days (NoncurrentVersionExpiration.NoncurrentDays), so CloudTrail logs silently disappear
#   (Stratus aws.defense-evasion.cloudtrail-lifecycle-rule). Rule is an object or a list;
#   the filter prefix is reported and a rule scoped to a prefix outside CloudTrail's layout
#   lowers the alert's severity. Panther only looks below 7 days and recognises trail buckets by
#   name; Elastic fires on any expiration on any bucket. Fires on denied attempts too.
# custom:
#   id: TRL-S3-002
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1562.008, version: "18"}
#     - {id: T1685.002, version: "19"}
#     - {id: T1485, version: "18"}
#     - {id: T1485, version: "19"}
#   tags: [AWS, S3, CloudTrail, Log Tampering, Lifecycle, Defense Evasion]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       A storage-cost change that shortens log retention on purpose. The retention of audit
#       logs is a compliance decision: confirm it with the owner, then except the change.
#   references:
#     - https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html
#     - https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-lifecycle-rule/
#     - https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
#   investigation:
#     - Read the rule(s) in changes (expiration days or date, noncurrent-version expiration, the filter prefix).
#     - Check who made the call, from where, and whether a change ticket covers it.
#     - Check whether log files already expired (the next lifecycle run deletes them within a day).
#     - Look for other trail tampering by the same principal (StopLogging, UpdateTrail, bucket policy).
#   response:
#     - Restore the previous lifecycle configuration (or delete the rule) at once.
#     - If versioning is on, recover expired objects from their noncurrent versions.
#     - Restrict s3:PutLifecycleConfiguration on the trail bucket to the logging administrators (SCP or bucket policy).
package tripline.rules.aws.s3.trail_bucket_lifecycle

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

max_days := 365

max_noncurrent_days := 30

# rules: the lifecycle rules of the request (Rule is an object for one rule, a list for several).
rules contains rule if {
	rule := aws.params(input).LifecycleConfiguration.Rule
	is_object(rule)
}

rules contains rule if {
	some rule in aws.params(input).LifecycleConfiguration.Rule
	is_object(rule)
}

prefix(rule) := p if {
	p := rule.Filter.Prefix
} else := p if {
	p := rule.Filter.And.Prefix
} else := p if {
	p := rule.Prefix
} else := ""

findings contains sprintf("rule %s expires objects after %d day(s)", [id(rule), days]) if {
	some rule in rules
	rule.Status == "Enabled"
	days := to_number(rule.Expiration.Days)
	days < max_days
}

findings contains sprintf("rule %s expires objects on %s", [id(rule), rule.Expiration.Date]) if {
	some rule in rules
	rule.Status == "Enabled"
	expires := time.parse_rfc3339_ns(rule.Expiration.Date)
	expires < time.parse_rfc3339_ns(input.eventTime) + ((max_days * 24) * 3600) * 1000000000
}

findings contains sprintf("rule %s deletes noncurrent versions after %d day(s)", [id(rule), days]) if {
	some rule in rules
	rule.Status == "Enabled"
	days := to_number(rule.NoncurrentVersionExpiration.NoncurrentDays)
	days < max_noncurrent_days
}

id(rule) := object.get(rule, "ID", "(no id)")

# A rule scoped to a prefix that cannot hold CloudTrail's files (AWSLogs/ after an optional
# trail prefix) is less likely to touch the logs.
log_scope if {
	some rule in rules
	rule.Status == "Enabled"
	p := prefix(rule)
	could_hold_logs(p)
}

could_hold_logs(p) if p == ""

could_hold_logs(p) if contains(p, "AWSLogs")

could_hold_logs(p) if startswith("AWSLogs/", p)

could_hold_logs(p) if not contains(p, "/")

severity := "high" if log_scope

else := "medium"

alert contains a if {
	input.eventSource == "s3.amazonaws.com"
	input.eventName == "PutBucketLifecycle"
	bucket := context.trail_bucket_call(input)
	count(findings) > 0
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s a lifecycle configuration on trail bucket %s: %s", [
			aws.principal_name(input), verb, bucket, concat("; ", sort(findings)),
		]),
		{
			"resources": [bucket],
			"changes": {"rules": [r | some r in rules], "findings": sorted_findings, "prefixes": sort({prefix(r) | some r in rules})},
			"severity": severity,
		},
	)
}

sorted_findings := sort(findings)

verb := "put" if aws.succeeded(input)

else := "attempted to put"
