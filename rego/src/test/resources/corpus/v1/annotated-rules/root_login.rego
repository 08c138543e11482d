# METADATA
# title: Root account console login
# description: The root user signed in to the console.
# custom:
#   id: TL-0001
#   severity: high
#   mitre: [T1078.004]
package rules.root_login

import rego.v1

# METADATA
# title: alert
# description: one alert per root console login
alert contains finding if {
	input.eventName == "ConsoleLogin"
	input.userIdentity.type == "Root"
	meta := rego.metadata.chain()
	finding := {
		"id": meta[count(meta) - 1].annotations.custom.id,
		"message": sprintf("root console login from %s", [input.sourceIPAddress]),
	}
}
