# METADATA
# title: CloudTrail Lake queried or inventoried by a principal that is not a known log reader
# description: >-
#   CloudTrail Lake used to read the account's activity instead of downloading log files:
#   StartQuery, GetQueryResults, DescribeQuery, ListQueries, GenerateQuery (natural-language to
#   SQL), and the inventory calls ListEventDataStores and GetEventDataStore, by a principal that
#   is not a known log reader (data.tripline.context.log_readers), an administrator or an AWS
#   service. Denied calls count. The SQL of StartQuery is carried in `changes`. No public rule
#   covers Lake (gap).
# custom:
#   id: TRL-CT-011
#   severity: medium
#   risk_score: 68
#   mitre:
#     - {id: T1654, version: "18"}
#     - {id: T1654, version: "19"}
#   tags: [AWS, CloudTrail, CloudTrail Lake, Discovery, Log Enumeration, Public Rule Gap]
#   outcome: any
#   kind: record
#   false_positives:
#     - A data or security analyst not yet in data.tripline.context.log_readers; list them there.
#     - Dashboards (CloudTrail Lake dashboards, QuickSight) querying under their own role; list that role as a log reader.
#   references:
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartQuery.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GenerateQuery.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_ListEventDataStores.html
#     - https://attack.mitre.org/techniques/T1654/
#   investigation:
#     - Read the query (`changes.queryStatement`) - which principals, calls or sources did it look for?
#     - Does the principal usually use CloudTrail Lake? Check its source IP address, user agent and session.
#     - Look for tampering that follows (StopLogging, PutEventSelectors, UpdateEventDataStore).
#   response:
#     - Remove cloudtrail:StartQuery/GetQueryResults/GenerateQuery from principals that do not need them.
#     - If unexplained, rotate the principal's keys and revoke its sessions.
package tripline.rules.aws.cloudtrail.lake_query

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

lake_reads := {
	"StartQuery", "GetQueryResults", "DescribeQuery", "ListQueries", "GenerateQuery",
	"ListEventDataStores", "GetEventDataStore",
}

# lake_read(r): a CloudTrail Lake query or inventory call.
lake_read(r) if {
	r.eventSource == "cloudtrail.amazonaws.com"
	r.eventName in lake_reads
}

alert contains a if {
	input.eventSource == "cloudtrail.amazonaws.com"
	lake_read(input)
	not context.log_reader(input)
	not context.admin(input)
	not aws.aws_service(input)
	not exceptions.excepted(rego.metadata.chain(), input)
	a := aws.alert(
		input,
		sprintf("%s %s CloudTrail Lake %s, and is not a known log reader", [aws.principal_name(input), verb(input), input.eventName]),
		{
			"resources": array.concat(stores(input), aws.resource_arns(input)),
			"changes": object.filter(aws.params(input), ["queryStatement", "prompt", "queryId", "eventDataStore"]),
		},
	)
}

stores(r) := [s |
	s := aws.params(r).eventDataStore
	is_string(s)
]

verb(r) := "called" if aws.succeeded(r)

else := "was refused"
