package tripline.rules.aws.s3.trail_bucket_policy_test

import data.tripline.rules.aws.s3.trail_bucket_policy
import rego.v1

ctx := {"trail_buckets": ["company-cloudtrail-logs"], "accounts": ["123456789012"]}

# CloudTrail's required statements, as AWS documents them (create-s3-bucket-policy-for-cloudtrail.html).
acl_check := {
	"Sid": "AWSCloudTrailAclCheck20150319",
	"Effect": "Allow",
	"Principal": {"Service": "cloudtrail.amazonaws.com"},
	"Action": "s3:GetBucketAcl",
	"Resource": "arn:aws:s3:::company-cloudtrail-logs",
	"Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail"}},
}

write := {
	"Sid": "AWSCloudTrailWrite20150319",
	"Effect": "Allow",
	"Principal": {"Service": "cloudtrail.amazonaws.com"},
	"Action": "s3:PutObject",
	"Resource": "arn:aws:s3:::company-cloudtrail-logs/AWSLogs/123456789012/*",
	"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:123456789012:trail/company-trail"}},
}

auditor_read := {
	"Sid": "AuditorRead",
	"Effect": "Allow",
	"Principal": {"AWS": "arn:aws:iam::123456789012:role/SecurityAudit"},
	"Action": ["s3:GetObject", "s3:ListBucket"],
	"Resource": ["arn:aws:s3:::company-cloudtrail-logs", "arn:aws:s3:::company-cloudtrail-logs/*"],
}

# Scenario cloudtrail-bucket-policy-deny, as the simulator writes it.
deny_policy := {
	"eventVersion": "1.10",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:00:45Z",
	"eventSource": "s3.amazonaws.com",
	"eventName": "PutBucketPolicy",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "[aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/s3api.put-bucket-policy]",
	"requestParameters": {
		"bucketPolicy": {"Version": "2012-10-17", "Statement": [{
			"Sid": "DenyCloudTrailWrites",
			"Effect": "Deny",
			"Principal": {"Service": "cloudtrail.amazonaws.com"},
			"Action": "s3:PutObject",
			"Resource": "arn:aws:s3:::company-cloudtrail-logs/*",
		}]},
		"bucketName": "company-cloudtrail-logs",
		"Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com",
		"policy": "",
	},
	"responseElements": null,
	"requestID": "4F2A9C1B7E3D5A60",
	"eventID": "b3c1d2e4-5f60-4a7b-8c9d-0e1f2a3b4c5d",
	"readOnly": false,
	"resources": [{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::company-cloudtrail-logs"}],
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

with_statements(sts) := object.union(object.remove(deny_policy, ["requestParameters"]), {"requestParameters": {
	"bucketPolicy": {"Version": "2012-10-17", "Statement": sts},
	"bucketName": "company-cloudtrail-logs",
	"Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com",
	"policy": "",
}})

test_deny_cloudtrail_fires if {
	some a in trail_bucket_policy.alert with input as deny_policy with data.tripline.context as ctx
	a.resources == ["company-cloudtrail-logs"]
	"statement \"DenyCloudTrailWrites\" denies CloudTrail s3:putobject" in a.changes.findings
	"no statement allows cloudtrail.amazonaws.com s3:PutObject any more" in a.changes.findings
}

test_deny_inserted_before_allow_fires if {
	deny := {"Sid": "Stop", "Effect": "Deny", "Principal": {"Service": ["cloudtrail.amazonaws.com"]}, "Action": "s3:*", "Resource": "*"}
	some a in trail_bucket_policy.alert with input as with_statements([acl_check, write, deny]) with data.tripline.context as ctx
	a.changes.findings == ["statement \"Stop\" denies CloudTrail s3:getbucketacl", "statement \"Stop\" denies CloudTrail s3:putobject"]
}

test_write_allow_removed_fires if {
	some a in trail_bucket_policy.alert with input as with_statements([acl_check, auditor_read]) with data.tripline.context as ctx
	a.changes.findings == ["no statement allows cloudtrail.amazonaws.com s3:PutObject any more"]
}

test_foreign_account_read_fires if {
	foreign := {"Sid": "Share", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::company-cloudtrail-logs/*"}
	some a in trail_bucket_policy.alert with input as with_statements([acl_check, write, foreign]) with data.tripline.context as ctx
	a.changes.findings == ["statement \"Share\" grants s3:getobject to account 999988887777"]
}

test_public_read_fires if {
	public := {"Effect": "Allow", "Principal": "*", "Action": "s3:Get*", "Resource": "arn:aws:s3:::company-cloudtrail-logs/*"}
	count(trail_bucket_policy.alert) == 1 with input as with_statements([acl_check, write, public]) with data.tripline.context as ctx
}

# The policy as a JSON string (some SDK paths log it so).
test_policy_as_string_fires if {
	r := object.union(object.remove(deny_policy, ["requestParameters"]), {"requestParameters": {
		"bucketName": "company-cloudtrail-logs",
		"bucketPolicy": json.marshal(deny_policy.requestParameters.bucketPolicy),
	}})
	count(trail_bucket_policy.alert) == 1 with input as r with data.tripline.context as ctx
}

test_delete_bucket_policy_fires if {
	r := object.union(object.remove(deny_policy, ["requestParameters"]), {
		"eventName": "DeleteBucketPolicy",
		"requestParameters": {"bucketName": "company-cloudtrail-logs", "Host": "company-cloudtrail-logs.s3.us-east-1.amazonaws.com", "policy": ""},
	})
	some a in trail_bucket_policy.alert with input as r with data.tripline.context as ctx
	a.changes.findings == ["the bucket policy was deleted: CloudTrail can no longer write"]
}

test_denied_attempt_fires if {
	denied := object.union(deny_policy, {"errorCode": "AccessDenied", "errorMessage": "Access Denied"})
	some a in trail_bucket_policy.alert with input as denied with data.tripline.context as ctx
	contains(a.message, "attempted PutBucketPolicy")
}

# The benign change: CloudTrail's statements kept, an auditor role of the account given read.
test_auditor_read_added_quiet if {
	count(trail_bucket_policy.alert) == 0 with input as with_statements([acl_check, write, auditor_read]) with data.tripline.context as ctx
}

# The common TLS-only deny applies to everyone but only under a condition.
test_secure_transport_deny_quiet if {
	tls := {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::company-cloudtrail-logs", "arn:aws:s3:::company-cloudtrail-logs/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
	count(trail_bucket_policy.alert) == 0 with input as with_statements([acl_check, write, tls]) with data.tripline.context as ctx
}

# A public website bucket: public read, nothing about CloudTrail, not a trail bucket.
test_other_bucket_quiet if {
	public := {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::company-website/*"}
	r := object.union(with_statements([public]), {"requestParameters": {"bucketName": "company-website"}})
	count(trail_bucket_policy.alert) == 0 with input as r with data.tripline.context as ctx
	del := object.union(r, {"eventName": "DeleteBucketPolicy"})
	count(trail_bucket_policy.alert) == 0 with input as del with data.tripline.context as ctx
}

# No context at all: the policy itself shows a CloudTrail bucket (a statement for the CloudTrail
# service, or a Resource in CloudTrail's key layout).
test_trail_bucket_recognised_from_policy if {
	count(trail_bucket_policy.alert) == 1 with input as deny_policy
	foreign := {"Sid": "Share", "Effect": "Allow", "Principal": {"AWS": "999988887777"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::company-cloudtrail-logs/AWSLogs/123456789012/CloudTrail/*"}
	r := object.union(with_statements([foreign]), {"requestParameters": {"bucketName": "logs-archive-7"}})
	some a in trail_bucket_policy.alert with input as r
	a.resources == ["logs-archive-7"]
}

test_exception if {
	exc := {"TRL-S3-003": [{"principals": ["arn:aws:iam::123456789012:user/admin"], "source_ips": ["198.51.100.0/24"]}]}
	count(trail_bucket_policy.alert) == 0 with input as deny_policy with data.tripline.context as ctx with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for PutBucketPolicy was found in the S3 user guide's CloudTrail
# examples (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html);
# the statements above are AWS's documented CloudTrail bucket policy
# (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html).

# Without recipientAccountId the caller's account is still the bucket owner's.
test_own_account_read_without_recipient_quiet if {
	own := {"Sid": "OwnAccount", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::company-cloudtrail-logs/*"}
	r := object.remove(with_statements([acl_check, write, own]), ["recipientAccountId"])
	count(trail_bucket_policy.alert) == 0 with input as r with data.tripline.context as {"trail_buckets": ["company-cloudtrail-logs"]}
}
