# METADATA
# title: Known log reader reading logs from outside the corporate networks
# description: >-
#   A principal listed as a log reader (data.tripline.context.log_readers, e.g. the security
#   team's SecurityAudit role) reads the account's logs - CloudTrail enumeration or event history
#   (LookupEvents), CloudTrail Lake queries and inventory, or trail-bucket GetObject/ListObjects -
#   from an address outside data.tripline.context.corporate_cidrs. Log readers are exactly the
#   principals the other T1654 rules trust, so their credentials used from elsewhere are the way
#   around them (scenario cloudtrail-lake-query-enumeration). Only active when the context names
#   corporate networks; AWS-service source addresses are ignored. Any outcome.
# custom:
#   id: TRL-CT-014
#   severity: high
#   risk_score: 73
#   mitre:
#     - {id: T1654, version: "18"}
#     - {id: T1654, version: "19"}
#     - {id: T1078.004, version: "18"}
#   tags: [AWS, CloudTrail, CloudTrail Lake, S3, Log Enumeration, Valid Accounts]
#   outcome: any
#   kind: record
#   false_positives:
#     - >-
#       An analyst working from home or travelling without the VPN, or a SIEM forwarder moved to a
#       new egress address: add the address range to corporate_cidrs, or except the reader and
#       range in data.tripline.exceptions["TRL-CT-014"].
#   references:
#     - https://attack.mitre.org/techniques/T1654/
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartQuery.html
#     - https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
#   investigation:
#     - Who used the log-reader role (session name, source identity, the AssumeRole record that created the session)?
#     - Where does the address come from (country, ASN, hosting provider)? Has this reader used it before?
#     - What was read - queries, searched attributes, downloaded log files and the time they cover.
#   response:
#     - Revoke the role's active sessions (aws:TokenIssueTime condition) and rotate the credentials that assumed it.
#     - Restrict the log-reader role with aws:SourceIp / aws:SourceVpce conditions.
package tripline.rules.aws.cloudtrail.log_reader_outside_network

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import data.tripline.rules.aws.cloudtrail.lake_query
import data.tripline.rules.aws.cloudtrail.trail_enumeration
import rego.v1

# log_read(r): a call that reads logs: what it read.
log_read(r) := "CloudTrail" if {
	trail_enumeration.enumeration(r)
	r.eventName != "LookupEvents"
}

log_read(r) := "CloudTrail event history" if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName == "LookupEvents"
}

log_read(r) := "CloudTrail Lake" if lake_query.lake_read(r)

log_read(r) := sprintf("trail bucket %s", [context.trail_bucket_call(r)]) if {
	r.eventName in {"GetObject", "ListObjects", "ListObjectVersions"}
}

# ip_address(s): s is an IPv4 or IPv6 address (not an AWS service name such as config.amazonaws.com).
ip_address(s) if regex.match(`^[0-9]{1,3}(\.[0-9]{1,3}){3}$`, s)

ip_address(s) if {
	contains(s, ":")
	regex.match(`^[0-9a-fA-F:.]+$`, s)
}

alert contains a if {
	input.eventSource in {"cloudtrail.amazonaws.com", "s3.amazonaws.com"}
	context.log_reader(input)
	context.corporate_networks_known
	ip := object.get(input, "sourceIPAddress", "")
	ip_address(ip)
	not context.corporate_ip(ip)
	not aws.aws_service(input)
	what := log_read(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("log reader %s read %s (%s) from %s, outside the corporate networks", [aws.principal_name(input), what, input.eventName, ip]),
		{"resources": resources(input)},
	)
}

resources(r) := array.concat([b], keys) if {
	b := context.trail_bucket_call(r)
	keys := [k | k := aws.params(r).key]
} else := aws.resource_arns(r)
