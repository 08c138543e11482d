package terraform.aws.s3_test

import data.terraform.aws.s3

bucket(address, name, tags) := {
	"address": address,
	"type": "aws_s3_bucket",
	"change": {"actions": ["create"], "after": {"bucket": name, "tags": tags}},
}

acl(name, value) := {
	"address": sprintf("aws_s3_bucket_acl.%s", [name]),
	"type": "aws_s3_bucket_acl",
	"change": {"actions": ["create"], "after": {"bucket": name, "acl": value}},
}

test_private_tagged_bucket_passes if {
	plan := {"resource_changes": [bucket("aws_s3_bucket.logs", "logs", {"owner": "sec"}), acl("logs", "private")]}
	count(s3.deny) == 0 with input as plan
}

test_public_acl_denied if {
	plan := {"resource_changes": [bucket("aws_s3_bucket.www", "www", {"owner": "web"}), acl("www", "public-read")]}
	s3.deny == {`aws_s3_bucket.www: bucket ACL "public-read" makes it public`} with input as plan
}

test_untagged_bucket_denied if {
	plan := {"resource_changes": [bucket("aws_s3_bucket.tmp", "tmp", {})]}
	"aws_s3_bucket.tmp: missing owner tag" in s3.deny with input as plan
}

test_deleted_bucket_ignored if {
	b := json.patch(bucket("aws_s3_bucket.old", "old", {}), [{"op": "replace", "path": "/change/actions", "value": ["delete"]}])
	count(s3.deny) == 0 with input as {"resource_changes": [b]}
}

test_change_limit_from_data if {
	plan := {"resource_changes": [bucket("a", "a", {"owner": "x"}), bucket("b", "b", {"owner": "x"})]}
	s3.too_many_changes with input as plan with data.limits.max_changes as 1
	not s3.too_many_changes with input as plan with data.limits.max_changes as 5
}
