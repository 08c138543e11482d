# METADATA
# title: Denied burst
# description: Five or more AccessDenied by one principal within ten minutes.
# custom:
#   id: T-THR-1
#   severity: medium
#   risk_score: 50
#   mitre: [{id: T1580, version: "18"}]
#   tags: [test]
#   outcome: denied
#   kind: threshold
#   window: 10m
#   group_by: [userIdentity.arn]
#   threshold: 5
#   false_positives: []
#   references: []
#   investigation: []
#   response: []
package tripline.rules.test.engine.burst

import rego.v1

match if input.errorCode == "AccessDenied"

alert contains {"message": sprintf("%d denied calls", [count(input.records)]), "first": input.records[0].eventID} if {
	count(input.records) >= 5
}
