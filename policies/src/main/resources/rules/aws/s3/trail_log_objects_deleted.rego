# METADATA
# title: CloudTrail log files deleted from a trail bucket
# description: >-
#   DeleteObject, DeleteObjects or DeleteObjectVersion (S3 data events) on CloudTrail log files:
#   keys in CloudTrail's layout (AWSLogs/[o-org/]<account>/CloudTrail[-Digest|-Insight]/),
#   object ARNs in resources[] in that layout, or any key of a trail bucket named in context or
#   learned. Deleting log files removes the evidence (indicator removal); deleting versions makes
#   it permanent. Fires on denied attempts too. Panther's AWS.S3.DeleteObject needs 50 deletes
#   of any bucket; nothing public looks at the trail bucket's keys.
# custom:
#   id: TRL-S3-005
#   severity: high
#   risk_score: 79
#   mitre:
#     - {id: T1070, version: "18"}
#     - {id: T1070, version: "19"}
#     - {id: T1485, version: "18"}
#     - {id: T1485, version: "19"}
#   tags: [AWS, S3, CloudTrail, Log Tampering, Indicator Removal, Data Event]
#   outcome: any
#   kind: record
#   false_positives:
#     - A retention job that deletes expired log files with its own role instead of a lifecycle rule; except that role.
#   references:
#     - https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
#     - https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
#     - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
#   investigation:
#     - List every log key the principal deleted and the time span those files cover (the activity they hid).
#     - Check whether versioning was on (deleted objects may survive as noncurrent versions) and whether versioning was suspended first (TRL-S3-006).
#     - Run CloudTrail log file validation for the span; digest files show which files are missing.
#   response:
#     - Restore the deleted versions (remove the delete markers) or copy the files from a replica.
#     - Revoke the principal's access to the bucket; enable Object Lock or MFA delete on the log bucket.
package tripline.rules.aws.s3.trail_log_objects_deleted

import data.tripline.lib.aws
import data.tripline.lib.context
import data.tripline.lib.exceptions
import rego.v1

delete_calls := {"DeleteObject", "DeleteObjects", "DeleteObjectVersion"}

# keys: the object keys of the call: requestParameters.key and the object ARNs in resources[].
keys contains k if {
	k := aws.params(input).key
	is_string(k)
}

keys contains k if {
	some res in input.resources
	res.type == "AWS::S3::Object"
	k := concat("/", array.slice(split(res.ARN, "/"), 1, count(split(res.ARN, "/"))))
}

log_keys := {k | some k in keys; context.log_key(k)}

bucket := b if {
	b := context.trail_bucket_call(input)
} else := b if {
	count(log_keys) > 0
	b := aws.params(input).bucketName
}

alert contains a if {
	input.eventSource == "s3.amazonaws.com"
	input.eventName in delete_calls
	input.userIdentity.type != "AWSService"
	b := bucket
	not exceptions.excepted(rego.metadata.chain(), input)
	shown := sort(keys)
	a := aws.alert(
		input,
		sprintf("%s %s %s on trail bucket %s (%s)", [aws.principal_name(input), verb, input.eventName, b, concat(", ", shown)]),
		{
			"resources": array.concat([b], shown),
			"versionId": object.get(aws.params(input), "versionId", null),
		},
	)
}

verb := "called" if aws.succeeded(input)

else := "attempted"
