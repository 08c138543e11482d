# METADATA
# title: First event-history search or first trail-bucket read by a known principal
# description: >-
#   A principal with a past (its history is not empty) does something with the logs it has never
#   done before: searches the CloudTrail event history by user, key, call or service for the first
#   time (LookupEvents whose lookupAttributes use other keys than ResourceName/ResourceType, or no
#   attributes at all), or reads a trail bucket it has never touched (GetObject, ListObjects on a
#   bucket known as a trail bucket). Design: every record of a principal that is not an AWS
#   service takes part (match; known log readers are left out when alerting), grouped by userIdentity.arn; the new_value
#   paths are eventName (is the principal known?), requestParameters.bucketName (which buckets has
#   it touched?) and requestParameters.lookupAttributes (which searches has it run?). The rule
#   fires when the newest record is such a read, the principal has history, and neither the
#   history nor the earlier records of the batch hold a search of that kind or that bucket.
#   Limits: an earlier unfiltered LookupEvents leaves no lookupAttributes, so it is not
#   remembered as a search; any earlier call naming the bucket (GetBucketAcl ...) counts as touched.
# custom:
#   id: TRL-CT-015
#   severity: medium
#   risk_score: 57
#   mitre:
#     - {id: T1654, version: "18"}
#     - {id: T1654, version: "19"}
#   tags: [AWS, CloudTrail, S3, Log Enumeration, New Value, SOC-2024-219]
#   outcome: any
#   kind: new_value
#   window: 30s
#   group_by: [userIdentity.arn]
#   new_value: [eventName, requestParameters.bucketName, requestParameters.lookupAttributes]
#   false_positives:
#     - A developer investigating an incident for the first time; a new duty of an existing principal. List log readers in data.tripline.context.log_readers.
#   references:
#     - https://attack.mitre.org/techniques/T1654/
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
#     - https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
#   investigation:
#     - Why does this principal start reading logs now? Check its source IP address, user agent and how its session started.
#     - What did it search for, which log files did it read, and what period do they cover?
#   response:
#     - If unexplained, remove the principal's access to event history and the trail bucket, rotate its keys and revoke its sessions.
package tripline.rules.aws.cloudtrail.first_log_read

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import data.tripline.rules.aws.cloudtrail.trail_enumeration
import rego.v1

# Cheap on purpose (every record of a principal takes part): whether the principal is a known log
# reader is asked only when a record carries a new value (in alert).
match if {
	input.userIdentity.arn
	not aws.aws_service(input)
}

# search(r): a LookupEvents that searches the history (not a resource-scoped lookup).
search(r) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName == "LookupEvents"
	not trail_enumeration.resource_lookup(r)
}

# A lookupAttributes value (a list of {attributeKey, attributeValue}) that is a search.
search_attributes(attrs) if {
	some attr in attrs
	not object.get(attr, "attributeKey", "") in trail_enumeration.resource_keys
}

trail_read(r) := bucket if {
	r.eventName in {"GetObject", "ListObjects", "ListObjectVersions"}
	bucket := context.trail_bucket_call(r)
}

history(path) := object.get(object.get(input, "history", {}), path, [])

earlier := array.slice(input.records, 0, count(input.records) - 1)

last := input.records[count(input.records) - 1]

known_principal if count(history("eventName")) > 0

searched_before if {
	some attrs in history("requestParameters.lookupAttributes")
	search_attributes(attrs)
}

searched_before if {
	some r in earlier
	search(r)
}

touched_before(bucket) if bucket in history("requestParameters.bucketName")

touched_before(bucket) if {
	some r in earlier
	object.get(aws.params(r), "bucketName", "") == bucket
}

first_read := sprintf("searched the CloudTrail event history for the first time (%s)", [lookup_text(last)]) if {
	search(last)
	not searched_before
}

first_read := sprintf("read trail bucket %s for the first time (%s)", [bucket, last.eventName]) if {
	bucket := trail_read(last)
	not touched_before(bucket)
}

lookup_text(r) := concat(", ", sort([sprintf("%s=%s", [a.attributeKey, a.attributeValue]) | some a in aws.params(r).lookupAttributes])) if {
	count(object.get(aws.params(r), "lookupAttributes", [])) > 0
} else := "no filter: the whole history"

alert contains a if {
	known_principal
	not context.log_reader(last)
	what := first_read
	not exceptions.excepted(rego.metadata.chain(), last)
	a := aws.batch_alert(
		[last],
		sprintf("%s %s", [aws.principal_name(last), what]),
		{"resources": [b | b := trail_read(last)]},
	)
}
