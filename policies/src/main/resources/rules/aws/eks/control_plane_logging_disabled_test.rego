package tripline.rules.aws.eks.control_plane_logging_disabled_test

import data.tripline.rules.aws.eks.control_plane_logging_disabled
import rego.v1

disable := {
	"eventVersion": "1.08",
	"userIdentity": {"type": "IAMUser", "principalId": "AIDAQVCHOMI4PODP5T4P5", "arn": "arn:aws:iam::123456789012:user/admin", "accountId": "123456789012", "accessKeyId": "AKIAKW2OTOV4VZWXCXBN", "userName": "admin"},
	"eventTime": "2024-03-14T14:08:00Z",
	"eventSource": "eks.amazonaws.com",
	"eventName": "UpdateClusterConfig",
	"awsRegion": "us-east-1",
	"sourceIPAddress": "198.51.100.23",
	"userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/eks.update-cluster-config",
	"requestParameters": {"name": "prod", "logging": {"clusterLogging": [{"types": ["api", "audit", "authenticator"], "enabled": false}]}},
	"responseElements": {"update": {"id": "b5f0ba18-9a87-4450-b5a0-825e6e84496f", "status": "InProgress", "type": "LoggingUpdate"}},
	"requestID": "6a7b8c9d-0e1f-4a2b-3c4d-5e6f7a8b9c0d",
	"eventID": "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a",
	"readOnly": false,
	"eventType": "AwsApiCall",
	"managementEvent": true,
	"recipientAccountId": "123456789012",
	"eventCategory": "Management",
}

with_logging(entries) := object.union(object.remove(disable, ["requestParameters"]), {"requestParameters": {"name": "prod", "logging": {"clusterLogging": entries}}})

test_audit_off_fires_high if {
	some a in control_plane_logging_disabled.alert with input as disable
	a.severity == "high"
	a.changes.disabledLogTypes == ["api", "audit", "authenticator"]
}

test_scheduler_off_fires_medium if {
	r := with_logging([{"types": ["api", "audit"], "enabled": true}, {"types": ["scheduler"], "enabled": false}])
	some a in control_plane_logging_disabled.alert with input as r
	a.severity == "medium"
	a.changes.disabledLogTypes == ["scheduler"]
}

test_denied_attempt_fires if {
	count(control_plane_logging_disabled.alert) == 1 with input as object.union(disable, {"errorCode": "AccessDeniedException"})
}

test_enable_logging_quiet if {
	count(control_plane_logging_disabled.alert) == 0 with input as with_logging([{"types": ["api", "audit"], "enabled": true}])
}

test_other_config_update_quiet if {
	r := object.union(object.remove(disable, ["requestParameters"]), {"requestParameters": {"name": "prod", "resourcesVpcConfig": {"endpointPublicAccess": false}}})
	count(control_plane_logging_disabled.alert) == 0 with input as r
}

test_exception if {
	exc := {"TRL-EKS-001": [{"principals": ["arn:aws:iam::123456789012:user/admin"]}]}
	count(control_plane_logging_disabled.alert) == 0 with input as disable with data.tripline.exceptions as exc
}

# No AWS-published CloudTrail record for UpdateClusterConfig is known to these tests (the service's CloudTrail
# page was not searched exhaustively).
