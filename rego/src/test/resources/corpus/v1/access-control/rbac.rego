package app.rbac

default allow := false

allow if "admin" in user_roles

allow if {
	some grant in grants
	input.action == grant.action
	glob.match(grant.resource, ["/"], input.resource)
}

user_roles contains role if some role in data.bindings[input.user]

grants contains grant if {
	some role in user_roles
	some grant in data.roles[role]
}

reasons[input.user] := sprintf("%s may %s %s", [input.user, input.action, input.resource]) if allow

every_grant_scoped if {
	every role, gs in data.roles {
		every g in gs {
			startswith(g.resource, "/")
			role != ""
		}
	}
}
