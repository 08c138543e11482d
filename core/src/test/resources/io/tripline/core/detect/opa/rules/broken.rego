# METADATA
# title: Broken rule
# description: Fails on some records (two values for one complete rule), to compare how engines report errors.
# custom:
#   id: T-ERR-1
#   severity: low
#   risk_score: 10
#   mitre: [{id: T1562.008, version: "18"}]
#   tags: [test]
#   outcome: any
#   kind: record
#   false_positives: []
#   references: []
#   investigation: []
#   response: []
package tripline.rules.test.engine.broken

import rego.v1

label := "instances" if input.eventName == "DescribeInstances"

label := "address" if input.sourceIPAddress == "198.51.100.3"

alert contains {"message": label} if input.eventName == "DescribeInstances"
