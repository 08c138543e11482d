package rules.trail_tampering_test

import data.rules.trail_tampering

event(name, extra) := object.union({
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": name,
	"requestParameters": {"name": "main"},
	"userIdentity": {"arn": "arn:aws:iam::111122223333:user/mallory"},
}, extra)

test_stop_logging_is_critical if {
	some a in trail_tampering.alert with input as event("StopLogging", {})
	a.severity == "critical"
	a.message == "StopLogging on main by arn:aws:iam::111122223333:user/mallory"
}

test_update_is_high if {
	alerts := trail_tampering.alert with input as event("UpdateTrail", {})
	{a.severity | some a in alerts} == {"high"}
}

test_denied_call_is_quiet if {
	count(trail_tampering.alert) == 0 with input as event("DeleteTrail", {"errorCode": "AccessDenied"})
}

test_reads_are_quiet if {
	count(trail_tampering.alert) == 0 with input as event("DescribeTrails", {})
}
