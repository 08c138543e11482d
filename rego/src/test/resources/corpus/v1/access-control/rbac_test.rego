package app.rbac_test

import data.app.rbac

bindings := {"ann": ["admin"], "bo": ["reader"], "cy": []}

roles := {"reader": [{"action": "read", "resource": "/docs/*"}], "admin": []}

test_admin_may_do_anything if {
	rbac.allow with input as {"user": "ann", "action": "delete", "resource": "/x"}
		with data.bindings as bindings
		with data.roles as roles
}

test_reader_reads_docs if {
	rbac.allow with input as {"user": "bo", "action": "read", "resource": "/docs/a"}
		with data.bindings as bindings
		with data.roles as roles
}

test_reader_cannot_write if {
	not rbac.allow with input as {"user": "bo", "action": "write", "resource": "/docs/a"}
		with data.bindings as bindings
		with data.roles as roles
}

test_glob_stops_at_separator if {
	not rbac.allow with input as {"user": "bo", "action": "read", "resource": "/docs/a/b"}
		with data.bindings as bindings
		with data.roles as roles
}

test_reason_names_the_user if {
	rbac.reasons.bo == "bo may read /docs/a" with input as {"user": "bo", "action": "read", "resource": "/docs/a"}
		with data.bindings as bindings
		with data.roles as roles
}

test_unknown_user_denied if {
	not rbac.allow with input as {"user": "zed", "action": "read", "resource": "/docs/a"}
		with data.bindings as bindings
		with data.roles as roles
}

test_grants_are_scoped if {
	rbac.every_grant_scoped with data.roles as roles
}

decisions := {
	"admin deletes anything": {"user": "ann", "action": "delete", "resource": "/x", "want": true},
	"reader reads docs": {"user": "bo", "action": "read", "resource": "/docs/a", "want": true},
	"reader cannot delete": {"user": "bo", "action": "delete", "resource": "/docs/a", "want": false},
	"no roles, no access": {"user": "cy", "action": "read", "resource": "/docs/a", "want": false},
}

test_decisions[note] if {
	some note, tc in decisions
	got := rbac.allow with input as object.remove(tc, ["want"])
		with data.bindings as bindings
		with data.roles as roles
	got == tc.want
}
