package tripline.rules.trail_updated_test

import data.tripline.rules.trail_updated

update := {
	"eventSource": "cloudtrail.amazonaws.com",
	"eventName": "UpdateTrail",
	"requestParameters": {"name": "org-trail"},
	"userIdentity": {"arn": "arn:aws:iam::111122223333:user/dev"},
}

test_alert_on_update_trail if {
	count(trail_updated.alert) == 1 with input as update
}

test_quiet_for_admins if {
	admin := object.union(update, {"userIdentity": {"arn": "arn:aws:sts::111122223333:assumed-role/security-admin"}})
	count(trail_updated.alert) == 0 with input as admin
}

test_severity_from_metadata if {
	trail_updated.severity == "medium"
}

test_expects_the_wrong_message if {
	some a in trail_updated.alert with input as update
	print("got", a.message)
	a.message == "trail deleted"
}

conflicting := 1 if true

conflicting := 2 if true

test_conflicting_values if {
	conflicting == 1
}

todo_test_stop_logging if {
	false
}
