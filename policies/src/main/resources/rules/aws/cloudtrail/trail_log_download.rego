# METADATA
# title: CloudTrail log files listed or downloaded by a principal that is not a known log reader
# description: >-
#   GetObject or ListObjects (S3 data events) on a trail bucket - named in
#   data.tripline.context.trail_buckets, learned from trail records, or recognised by CloudTrail's
#   key layout AWSLogs/[o-org/]<account>/CloudTrail[-Digest|-Insight]/ - by a principal that is not
#   a known log reader (data.tripline.context.log_readers) or an AWS service. The download step of
#   seed 000 (SOC-2024-219: dev_user listed company-cloudtrail-logs and downloaded two log files),
#   alerted on each call so that every download is accounted for; TRL-CT-010 correlates it with the
#   enumeration before it. Denied reads count. No public rule covers authenticated reads of the
#   trail bucket (gap). Needs S3 data events for the trail bucket.
# custom:
#   id: TRL-CT-021
#   severity: medium
#   risk_score: 68
#   mitre:
#     - {id: T1654, version: "18"}
#     - {id: T1654, version: "19"}
#     - {id: T1530, version: "18"}
#   tags: [AWS, CloudTrail, S3, Log Enumeration, Collection, SOC-2024-219, Public Rule Gap]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       A SIEM forwarder, Athena/Glue crawler role or log archive job not yet listed in
#       data.tripline.context.log_readers: list it there.
#   references:
#     - https://attack.mitre.org/techniques/T1654/
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html
#     - https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
#   investigation:
#     - Which log files (keys) were read, and which period and region do they cover? Digest files too?
#     - Does the principal have a reason to read logs? Check its source IP address, user agent, session (MFA) and earlier CloudTrail enumeration.
#     - Sum additionalEventData.bytesTransferredOut to size what left.
#   response:
#     - Remove s3:GetObject/ListBucket on the trail bucket from the principal; restrict the bucket policy to the log readers.
#     - If unexplained, rotate the principal's keys and revoke its sessions; assess what the downloaded logs reveal.
package tripline.rules.aws.cloudtrail.trail_log_download

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

alert contains a if {
	input.eventName in {"GetObject", "ListObjects", "ListObjectVersions"}
	bucket := context.trail_bucket_call(input)
	not context.log_reader(input)
	not aws.aws_service(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	target := object.get(aws.params(input), "key", object.get(aws.params(input), "prefix", ""))
	a := aws.alert(
		input,
		sprintf("%s %s %s in trail bucket %s, and is not a known log reader", [aws.principal_name(input), verb(input), target, bucket]),
		{
			"resources": [bucket, target],
			"bytesTransferredOut": object.get(object.get(input, "additionalEventData", {}), "bytesTransferredOut", null),
		},
	)
}

verb(r) := "was refused" if not aws.succeeded(r)

verb(r) := "downloaded" if {
	aws.succeeded(r)
	r.eventName == "GetObject"
}

verb(r) := "listed" if {
	aws.succeeded(r)
	r.eventName != "GetObject"
}
