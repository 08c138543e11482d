# METADATA
# title: CloudTrail log files read from the trail bucket by a principal that is not a log reader
# description: >-
#   The single-call half of seed incident SOC-2024-219 ("Anomalous CloudTrail Log Access"): an S3
#   data event (eventCategory Data) listing or downloading objects of a trail bucket
#   (ListObjects, ListObjectVersions, GetObject) by a principal that is not in
#   data.tripline.context.log_readers. Trail buckets come from context, from trail records the
#   engine learned, or from CloudTrail's key layout (AWSLogs/<account>/CloudTrail/). AWS services
#   (CloudTrail delivering, Config, GuardDuty reading) stay quiet; a read through Athena still
#   counts, the user is behind it. Fires on denied reads too: an attacker probing the bucket is
#   evidence. No public rule covers authenticated reads of the trail bucket (gap).
# custom:
#   id: TRL-S3-001
#   severity: medium
#   risk_score: 68
#   mitre:
#     - {id: T1654, version: "18"}
#     - {id: T1654, version: "19"}
#     - {id: T1530, version: "18"}
#     - {id: T1530, version: "19"}
#   tags: [AWS, S3, CloudTrail, Log Enumeration, Data Event, SOC-2024-219]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       A security engineer, SIEM forwarder or log-shipping role not yet listed in
#       data.tripline.context.log_readers. Add it there rather than excepting the rule.
#     - An auditor downloading a log file once during an approved review.
#   references:
#     - https://attack.mitre.org/techniques/T1654/
#     - https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html
#   investigation:
#     - Confirm whether the principal has any reason to read CloudTrail logs (developer, CI role?).
#     - Check the source IP address and its country against the principal's usual ones; look at how the session started (ConsoleLogin with or without MFA).
#     - List every object the principal listed or downloaded and the time span those files cover (key dates, bytesTransferredOut).
#     - Look for CloudTrail enumeration (DescribeTrails, GetTrailStatus, LookupEvents) by the same principal around the reads (TRL-CT-010).
#   response:
#     - Remove trail-bucket read access from the principal; add a bucket policy that allows reads only to the log readers.
#     - If the principal is compromised, rotate its keys, reset its password and revoke its sessions.
#     - Assess what the downloaded logs revealed (which activity and principals they describe).
package tripline.rules.aws.s3.trail_bucket_read

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

read_calls := {"GetObject", "ListObjects", "ListObjectsV2", "ListObjectVersions"}

# Services that deliver to or inspect the trail bucket on the account's behalf.
log_services := {"cloudtrail.amazonaws.com", "config.amazonaws.com", "guardduty.amazonaws.com", "macie.amazonaws.com", "access-analyzer.amazonaws.com"}

service_call if input.userIdentity.type == "AWSService"

service_call if input.userIdentity.invokedBy in log_services

alert contains a if {
	input.eventSource == "s3.amazonaws.com"
	input.eventName in read_calls
	bucket := context.trail_bucket_call(input)
	not service_call
	not context.log_reader(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	p := aws.params(input)
	target := object.get(p, "key", object.get(p, "prefix", ""))
	a := aws.alert(
		input,
		sprintf("%s %s %s on trail bucket %s (%s)%s", [
			aws.principal_name(input), verb, input.eventName, bucket, target, via,
		]),
		{
			"resources": [x | some x in [bucket, target]; x != ""],
			"bytesTransferredOut": object.get(input, ["additionalEventData", "bytesTransferredOut"], 0),
			"eventCategory": object.get(input, "eventCategory", ""),
		},
	)
}

verb := "called" if aws.succeeded(input)

else := "attempted"

via := sprintf(" via %s", [input.userIdentity.invokedBy]) if input.userIdentity.invokedBy

else := ""
