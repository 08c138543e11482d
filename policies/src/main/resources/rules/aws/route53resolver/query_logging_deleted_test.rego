package tripline.rules.aws.route53resolver.query_logging_deleted_test

import data.tripline.rules.aws.route53resolver.query_logging_deleted
import rego.v1

delete := {
	"eventVersion": "1.08",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:06:00Z",
	"eventSource": "route53resolver.amazonaws.com",
	"eventName": "DeleteResolverQueryLogConfig",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/route53resolver.delete-resolver-query-log-config",
	"requestParameters": {"resolverQueryLogConfigId": "rqlc-8ca61fe7c055415a"},
	"responseElements": {"resolverQueryLogConfig": {"id": "rqlc-8ca61fe7c055415a", "status": "DELETING", "name": "vpc-dns-logs"}},
	"requestID": "4e5f6a7b-8c9d-4e0f-1a2b-3c4d5e6f7a8b",
	"eventID": "9b0c1d2e-3f4a-4b5c-6d7e-8f9a0b1c2d3e",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

test_delete_fires if {
	some a in query_logging_deleted.alert with input as delete
	a.message == "admin deleted Resolver query log config rqlc-8ca61fe7c055415a"
}

test_disassociate_fires if {
	r := object.union(delete, {"eventName": "DisassociateResolverQueryLogConfig", "requestParameters": {"resourceId": "vpc-0a1b2c3d4e5f60718"}})
	some a in query_logging_deleted.alert with input as r
	a.resources == ["rqlc-8ca61fe7c055415a", "vpc-0a1b2c3d4e5f60718"]
}

test_denied_attempt_fires if {
	count(query_logging_deleted.alert) == 1 with input as object.union(delete, {"errorCode": "AccessDeniedException"})
}

test_create_and_associate_quiet if {
	count(query_logging_deleted.alert) == 0 with input as object.union(delete, {"eventName": "CreateResolverQueryLogConfig"})
	count(query_logging_deleted.alert) == 0 with input as object.union(delete, {"eventName": "AssociateResolverQueryLogConfig"})
}

# Route 53 (public DNS) query logging is another service and call.
test_route53_query_logging_quiet if {
	count(query_logging_deleted.alert) == 0 with input as object.union(delete, {"eventSource": "route53.amazonaws.com", "eventName": "DeleteQueryLoggingConfig"})
}

test_exception if {
	exc := {"TRL-R53-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(query_logging_deleted.alert) == 0 with input as delete with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for these calls was found; the record follows the API
# reference's request and response (API_route53resolver_DeleteResolverQueryLogConfig.html).
