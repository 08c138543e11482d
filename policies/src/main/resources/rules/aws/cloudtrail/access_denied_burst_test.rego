package tripline.rules.aws.cloudtrail.access_denied_burst_test

import data.tripline.rules.aws.cloudtrail.access_denied_burst as rule
import rego.v1

# AWS publishes no AccessDenied record for these calls; the error fields follow the user guide's
# "Error code and message log example" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html#error-code-and-error-message).
leaked := {
	"type": "IAMUser",
	"principalId": "AIDAEXAMPLECIDEPLOYR1",
	"arn": "arn:aws:iam::123456789012:user/ci-deployer",
	"accountId": "123456789012",
	"accessKeyId": "AKIAEXAMPLECIDEPLOY1",
	"userName": "ci-deployer",
}

denied(source, name, code, second) := {
	"eventVersion": "1.09",
	"userIdentity": leaked,
	"eventTime": sprintf("2024-03-15T03:00:%02dZ", [second]),
	"eventSource": source,
	"eventName": name,
	"awsRegion": "us-east-1",
	"sourceIPAddress": "45.134.26.11",
	"userAgent": "Boto3/1.34.60 md/Botocore#1.34.60",
	"errorCode": code,
	"errorMessage": sprintf("User: arn:aws:iam::123456789012:user/ci-deployer is not authorized to perform: %s", [name]),
	"requestParameters": null,
	"responseElements": null,
	"eventID": sprintf("%s-%d", [name, second]),
	"readOnly": true,
	"eventType": "AwsApiCall",
	"recipientAccountId": "123456789012",
}

storm := [
	denied("iam.amazonaws.com", "ListUsers", "AccessDenied", 2),
	denied("iam.amazonaws.com", "ListRoles", "AccessDenied", 3),
	denied("iam.amazonaws.com", "GetAccountAuthorizationDetails", "AccessDenied", 4),
	denied("s3.amazonaws.com", "ListBuckets", "AccessDenied", 5),
	denied("ec2.amazonaws.com", "DescribeInstances", "Client.UnauthorizedOperation", 6),
]

batch(records) := {
	"records": records,
	"group": {"userIdentity.arn": leaked.arn},
	"window": {"start": records[0].eventTime, "end": records[count(records) - 1].eventTime, "duration": "10m"},
}

test_denied_calls_take_part if {
	rule.match with input as storm[0]
	rule.match with input as storm[4]
	not rule.match with input as object.remove(storm[0], ["errorCode", "errorMessage"])
	not rule.match with input as object.union(storm[0], {"errorCode": "ThrottlingException"})
}

test_storm_fires if {
	some a in rule.alert with input as batch(storm)
	a.services == ["ec2.amazonaws.com", "iam.amazonaws.com", "s3.amazonaws.com"]
	a.severity == "high"
	count(a.eventIDs) == 5
}

test_two_services_quiet if {
	two := [denied("iam.amazonaws.com", "ListUsers", "AccessDenied", s) | some s in [1, 2, 3, 4, 5]]
	count(rule.alert) == 0 with input as batch(array.concat(two, [denied("s3.amazonaws.com", "ListBuckets", "AccessDenied", 9)]))
}

test_four_refusals_quiet if {
	count(rule.alert) == 0 with input as batch(array.slice(storm, 0, 4))
}

test_aws_service_does_not_take_part if {
	svc := object.union(object.remove(storm[0], ["userIdentity"]), {"userIdentity": {"type": "AWSService", "invokedBy": "config.amazonaws.com"}})
	not rule.match with input as svc
}

test_non_security_services_medium if {
	recs := [
		denied("s3.amazonaws.com", "ListBuckets", "AccessDenied", 1),
		denied("ec2.amazonaws.com", "DescribeInstances", "Client.UnauthorizedOperation", 2),
		denied("lambda.amazonaws.com", "ListFunctions20150331", "AccessDeniedException", 3),
		denied("s3.amazonaws.com", "GetBucketPolicy", "AccessDenied", 4),
		denied("ec2.amazonaws.com", "DescribeRegions", "Client.UnauthorizedOperation", 5),
	]
	some a in rule.alert with input as batch(recs)
	a.severity == "medium"
}

test_exception if {
	ex := {"TRL-CT-019": [{"principals": ["arn:aws:iam::123456789012:user/ci-deployer"]}]}
	count(rule.alert) == 0 with input as batch(storm) with data.tripline.exceptions as ex
}
