package tripline.rules.aws.cloudtrail.first_log_read_test

import data.tripline.rules.aws.cloudtrail.first_log_read as rule
import rego.v1

dev := {
	"type": "IAMUser",
	"principalId": "AIDAEXAMPLEDEVUSER001",
	"arn": "arn:aws:iam::123456789012:user/dev_user",
	"accountId": "123456789012",
	"userName": "dev_user",
}

rec(source, name, time, params) := {
	"eventVersion": "1.09",
	"userIdentity": dev,
	"eventTime": time,
	"eventSource": source,
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "185.143.221.89",
	"userAgent": "aws-cli/2.15.30",
	"requestParameters": params,
	"responseElements": null,
	"eventID": sprintf("%s-%s", [name, time]),
	"recipientAccountId": "123456789012",
}

key := "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/123456789012_CloudTrail_us-east-1_20240314T1600Z.json"

search_user := rec("cloudtrail.amazonaws.com", "LookupEvents", "2024-03-14T21:16:22Z", {"lookupAttributes": [{"attributeKey": "Username", "attributeValue": "admin"}]})

list_logs := rec("s3.amazonaws.com", "ListObjects", "2024-03-14T21:18:30Z", {"bucketName": "company-cloudtrail-logs", "prefix": "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/14/"})

# The developer's normal past: artifacts, functions, resource-scoped lookups.
dev_history := {
	"eventName": ["GetCallerIdentity", "GetObject", "ListFunctions20150331", "LookupEvents", "PutObject"],
	"requestParameters.bucketName": ["company-app-artifacts"],
	"requestParameters.lookupAttributes": [[{"attributeKey": "ResourceName", "attributeValue": "orders-api"}]],
}

batch(records, hist) := {
	"records": records,
	"group": {"userIdentity.arn": dev.arn},
	"window": {"start": records[0].eventTime, "end": records[count(records) - 1].eventTime, "duration": "30s"},
	"history": hist,
}

test_every_record_of_a_principal_takes_part if {
	rule.match with input as search_user
	rule.match with input as rec("sts.amazonaws.com", "GetCallerIdentity", "2024-03-14T21:00:00Z", null)
	not rule.match with input as object.union(search_user, {"userIdentity": {"type": "AWSService", "invokedBy": "config.amazonaws.com"}})
}

test_first_search_fires if {
	some a in rule.alert with input as batch([search_user], dev_history)
	contains(a.message, "first time (Username=admin)")
}

test_first_trail_bucket_read_fires if {
	some a in rule.alert with input as batch([list_logs], dev_history)
	a.resources == ["company-cloudtrail-logs"]
}

test_first_download_fires_with_context_bucket if {
	get := rec("s3.amazonaws.com", "GetObject", "2024-03-14T21:19:15Z", {"bucketName": "company-cloudtrail-logs", "key": key})
	count(rule.alert) == 1 with input as batch([get], dev_history) with data.tripline.context.trail_buckets as ["company-cloudtrail-logs"]
}

test_unknown_principal_quiet if {
	count(rule.alert) == 0 with input as batch([search_user], {})
}

test_searched_before_quiet if {
	hist := object.union(dev_history, {"requestParameters.lookupAttributes": [[{"attributeKey": "EventName", "attributeValue": "ConsoleLogin"}]]})
	count(rule.alert) == 0 with input as batch([search_user], hist)
}

test_bucket_read_before_quiet if {
	hist := object.union(dev_history, {"requestParameters.bucketName": ["company-app-artifacts", "company-cloudtrail-logs"]})
	count(rule.alert) == 0 with input as batch([list_logs], hist)
}

test_second_read_in_batch_quiet if {
	get := rec("s3.amazonaws.com", "GetObject", "2024-03-14T21:18:45Z", {"bucketName": "company-cloudtrail-logs", "key": key})
	count(rule.alert) == 0 with input as batch([list_logs, get], dev_history)
}

test_resource_lookup_quiet if {
	lookup := rec("cloudtrail.amazonaws.com", "LookupEvents", "2024-03-14T21:16:22Z", {"lookupAttributes": [{"attributeKey": "ResourceName", "attributeValue": "orders-api"}]})
	count(rule.alert) == 0 with input as batch([lookup], object.remove(dev_history, ["requestParameters.lookupAttributes"]))
}

test_app_bucket_read_quiet if {
	get := rec("s3.amazonaws.com", "GetObject", "2024-03-14T21:19:15Z", {"bucketName": "company-other-bucket", "key": "builds/app.zip"})
	count(rule.alert) == 0 with input as batch([get], dev_history)
}

test_exception if {
	ex := {"TRL-CT-015": [{"principals": ["arn:aws:iam::123456789012:user/dev_user"]}]}
	count(rule.alert) == 0 with input as batch([search_user], dev_history) with data.tripline.exceptions as ex
}

test_known_log_reader_quiet if {
	count(rule.alert) == 0 with input as batch([search_user], dev_history) with data.tripline.context.log_readers as [dev.arn]
}
