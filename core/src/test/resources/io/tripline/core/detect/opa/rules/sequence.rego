# METADATA
# title: Stop then create user
# description: StopLogging followed by CreateUser by the same principal within 15 minutes.
# custom:
#   id: T-SEQ-1
#   severity: critical
#   risk_score: 90
#   mitre: [{id: T1562.008, version: "18"}]
#   tags: [test]
#   outcome: success
#   kind: sequence
#   window: 15m
#   group_by: [userIdentity.arn]
#   threshold: 2
#   false_positives: []
#   references: []
#   investigation: []
#   response: []
package tripline.rules.test.engine.sequence

import rego.v1

match if input.eventName in {"StopLogging", "CreateUser"}

alert contains {"message": "stop then create", "eventIDs": [input.records[i].eventID, input.records[j].eventID]} if {
	some i, j
	input.records[i].eventName == "StopLogging"
	input.records[j].eventName == "CreateUser"
	i < j
}
