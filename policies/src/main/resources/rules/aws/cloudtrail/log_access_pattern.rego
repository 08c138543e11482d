# METADATA
# title: "Anomalous CloudTrail Log Access: enumeration and log download by one principal"
# description: >-
#   The whole pattern of seed incident SOC-2024-219: one principal that is not a known log reader
#   enumerates CloudTrail (DescribeTrails, GetTrailStatus, ListTrails, GetEventSelectors,
#   LookupEvents) and reads log files from a trail bucket within an hour. Severity is raised
#   above the single-call rules; it rises again when the same session signed in without MFA or
#   comes from an address outside the corporate networks.
# custom:
#   id: TRL-CT-010
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1654, version: "18"}
#     - {id: T1654, version: "19"}
#     - {id: T1530, version: "18"}
#   tags: [AWS, CloudTrail, S3, Log Enumeration, Correlation, SOC-2024-219]
#   outcome: success
#   kind: sequence
#   window: 1h
#   group_by: [userIdentity.arn]
#   threshold: 2
#   false_positives:
#     - >-
#       A new member of the security team, or a SIEM forwarder not yet listed in
#       data.tripline.context.log_readers, does the same. Add them there rather than excepting the rule.
#   references:
#     - https://attack.mitre.org/techniques/T1654/
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
#     - https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
#   investigation:
#     - Confirm the principal has no legitimate need to read CloudTrail logs (is it a developer, a CI role?).
#     - Check the source IP address and its country against the principal's usual ones.
#     - Look at how the session started (ConsoleLogin with or without MFA, access key age).
#     - List every log object the principal downloaded and the time span those files cover.
#     - Search the principal's other activity in the hours before and after (IAM changes, new keys).
#   response:
#     - Rotate the principal's access keys and reset its password; revoke active sessions.
#     - Remove CloudTrail and trail-bucket read access from the principal's policies.
#     - Block the source IP address and enforce MFA for the account.
#     - Assess what the downloaded logs revealed (which activity and principals they describe).
package tripline.rules.aws.cloudtrail.log_access_pattern

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

enumeration_calls := {"DescribeTrails", "GetTrailStatus", "ListTrails", "GetEventSelectors", "LookupEvents", "GetTrail"}

enumeration(r) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName in enumeration_calls
}

download(r) if {
	r.eventName in {"GetObject", "ListObjects"}
	context.trail_bucket_call(r)
}

# A record takes part: a successful enumeration or trail-bucket read by a principal that is not a
# known log reader or administrator, or a console sign-in (to know how the session started).
match if {
	input.eventSource == "cloudtrail.amazonaws.com"
	enumeration(input)
	aws.succeeded(input)
	not context.log_reader(input)
	not context.admin(input)
}

match if {
	input.eventSource == "s3.amazonaws.com"
	download(input)
	aws.succeeded(input)
	not context.log_reader(input)
	not context.admin(input)
}

match if input.eventName == "ConsoleLogin"

# Indexes of the batch's enumeration calls and trail-bucket reads (one pass each, so a long
# window stays linear).
enumerations := [i | some i, r in input.records; enumeration(r)]

reads := [j | some j, r in input.records; download(r)]

# The engine hands the batch over each time a record joins the group, in time order: the sequence
# can only complete on a download, so a batch whose newest record is not one is answered at once
# (a busy principal's hour of enumeration would otherwise be scanned again on every call).
alert contains a if {
	last := input.records[count(input.records) - 1]
	download(last)
	count(enumerations) > 0
	count(reads) > 0
	last_read := max(reads)
	last_read > min(enumerations)
	read := input.records[last_read]
	not exceptions.excepted(rego.metadata.chain(), last)
	involved := [x | some x in input.records; x.eventName != "ConsoleLogin"]
	objects := sort({k | some y in involved; y.eventName == "GetObject"; k := y.requestParameters.key})
	calls := sort({z.eventName | some z in involved})
	a := aws.batch_alert(
		involved,
		sprintf("%s enumerated CloudTrail, then listed or downloaded log files in %s (%d downloaded) within %s%s", [
			aws.principal_name(last), context.trail_bucket_call(read), count(objects), input.window.duration, aggravation_text,
		]),
		{
			"resources": array.concat([context.trail_bucket_call(read)], objects),
			"calls": calls,
			"aggravating": aggravating,
			"severity": severity,
		},
	)
}

# What makes it worse: the session signed in without MFA, or comes from outside the office.
aggravating contains "console sign-in without MFA" if {
	some r in input.records
	r.eventName == "ConsoleLogin"
	aws.succeeded(r)
	not aws.mfa_used(r)
}

aggravating contains "source outside the corporate networks" if {
	context.corporate_networks_known
	some r in input.records
	r.eventName != "ConsoleLogin"
	not context.corporate_ip(object.get(r, "sourceIPAddress", ""))
}

severity := "critical" if count(aggravating) > 0

else := "high"

aggravation_text := "" if count(aggravating) == 0

else := concat("", ["; ", concat(", ", sort(aggravating))])
