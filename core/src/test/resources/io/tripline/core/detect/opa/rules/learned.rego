# METADATA
# title: Learned bucket read
# description: GetObject on a bucket the engine learned from trail records.
# custom:
#   id: T-LRN-1
#   severity: medium
#   risk_score: 40
#   mitre: [{id: T1654, version: "18"}]
#   tags: [test]
#   outcome: success
#   kind: record
#   false_positives: []
#   references: []
#   investigation: []
#   response: []
package tripline.rules.test.engine.learned

import rego.v1

alert contains {"message": "read of a learned trail bucket", "country": object.get(input, ["tripline", "source", "country"], "")} if {
	input.eventName == "GetObject"
	input.requestParameters.bucketName in input.tripline.learned.trail_buckets
}
