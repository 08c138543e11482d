# METADATA
# title: Batch evaluation for an OPA server
# description: |
#   OPA's open-source Data API evaluates one input per request. This package evaluates a batch:
#   POST /v1/data/tripline/opa/batch with {"input": {"records": [record, ...]}} returns one
#   verdict per record, in order: {"alerts": {"<rule package>": [alert, ...]}, "matched":
#   ["<correlation rule package>", ...]}. "alerts" holds every rule package's non-empty `alert`
#   set for the record, "matched" the packages whose `match` holds for it. Rule packages are
#   tripline.rules.<provider>.<service>.<name>; packages ending in _test are skipped. Plain Rego:
#   runs unchanged on stock OPA (`opa run --server policies/src/main/resources`).
package tripline.opa

import rego.v1

batch := [verdict |
	some record in input.records
	verdict := record_verdict with input as record
]

# The verdict for input (one record).
record_verdict := {"alerts": alerts, "matched": matched}

alerts[pkg] := found if {
	some provider, service, name
	found := data.tripline.rules[provider][service][name].alert
	not endswith(name, "_test")
	count(found) > 0
	pkg := concat(".", ["tripline.rules", provider, service, name])
}

matched contains pkg if {
	some provider, service, name
	data.tripline.rules[provider][service][name].match == true
	not endswith(name, "_test")
	pkg := concat(".", ["tripline.rules", provider, service, name])
}
