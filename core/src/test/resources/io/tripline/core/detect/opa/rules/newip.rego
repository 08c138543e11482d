# METADATA
# title: New source IP
# description: A principal uses a source address it never used before.
# custom:
#   id: T-NEW-1
#   severity: low
#   risk_score: 20
#   mitre: [{id: T1078.004, version: "18"}]
#   tags: [test]
#   outcome: any
#   kind: new_value
#   window: 1h
#   group_by: [userIdentity.arn]
#   new_value: [sourceIPAddress]
#   false_positives: []
#   references: []
#   investigation: []
#   response: []
package tripline.rules.test.engine.newip

import rego.v1

match if input.sourceIPAddress

alert contains {"message": sprintf("new address %s", [last.sourceIPAddress])} if {
	last := input.records[count(input.records) - 1]
	count(input.history.sourceIPAddress) > 0
	not last.sourceIPAddress in input.history.sourceIPAddress
}
