# METADATA
# title: CloudTrail trail updated
# description: A trail's settings were changed, which can stop or redirect logging.
# custom:
#   id: TL-TEST-0001
#   severity: medium
#   risk_score: 47
#   mitre:
#     techniques: [T1562.008]
package tripline.rules.trail_updated

alert contains {"message": msg} if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName == "UpdateTrail"
	not admin
	msg := sprintf("trail %s updated by %s", [input.requestParameters.name, input.userIdentity.arn])
}

admin if {
	some role in data.tripline.exceptions.admin_roles
	endswith(input.userIdentity.arn, role)
}

severity := rego.metadata.chain()[1].annotations.custom.severity
