# METADATA
# title: CloudTrail tampering
# custom:
#   id: TL-0002
#   severity: critical
package rules.trail_tampering

tampering := {"StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors"}

alert contains {"message": msg, "severity": sev} if {
	input.eventSource == "cloudtrail.amazonaws.com"
	input.eventName in tampering
	not input.errorCode
	msg := sprintf("%s on %s by %s", [input.eventName, object.get(input.requestParameters, "name", "?"), input.userIdentity.arn])
	sev := severity(input.eventName)
}

severity(name) := "critical" if name in {"StopLogging", "DeleteTrail"}

else := "high"
