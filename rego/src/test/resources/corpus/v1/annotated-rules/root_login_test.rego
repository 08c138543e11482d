package rules.root_login_test

import data.rules.root_login

login(kind) := {"eventName": "ConsoleLogin", "userIdentity": {"type": kind}, "sourceIPAddress": "203.0.113.9"}

test_root_login_alerts if {
	root_login.alert == {{"id": "TL-0001", "message": "root console login from 203.0.113.9"}} with input as login("Root")
}

test_iam_user_login_is_quiet if {
	count(root_login.alert) == 0 with input as login("IAMUser")
}
