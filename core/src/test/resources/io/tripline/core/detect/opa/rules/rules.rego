# METADATA
# title: Trail stopped
# description: A test rule firing on StopLogging.
# custom:
#   id: T-REC-1
#   severity: high
#   risk_score: 70
#   mitre: [{id: T1562.008, version: "18"}]
#   tags: [test]
#   outcome: any
#   kind: record
#   false_positives: []
#   references: []
#   investigation: []
#   response: []
package tripline.rules.test.engine.stop

import rego.v1

alert contains {"message": sprintf("%s stopped %s", [input.userIdentity.arn, input.requestParameters.name]), "trail": input.requestParameters.name} if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName == "StopLogging"
}
