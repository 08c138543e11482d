package tripline.iam.checks.admin_equivalent_test

import data.tripline.iam.checks.admin_equivalent

admin := {"principal": {"arn": "arn:aws:iam::123456789012:user/admin", "tags": {}}, "adminEquivalent": true,
	"wildcardGrants": [{"policy": "arn:aws:iam::aws:policy/AdministratorAccess", "statementIndex": 0, "actions": ["*"], "notAction": false}]}

test_admin_user_is_reported if {
	some f in admin_equivalent.finding with input as admin
	f.principal == "arn:aws:iam::123456789012:user/admin"
	f.statements == {{"policy": "arn:aws:iam::aws:policy/AdministratorAccess", "sid": null, "statementIndex": 0}}
}

test_designated_admin_role_is_quiet if {
	count(admin_equivalent.finding) == 0 with input as object.union(admin, {"principal": {"tags": {"tripline:purpose": "admin"}}})
}

test_not_admin_is_quiet if {
	count(admin_equivalent.finding) == 0 with input as object.union(admin, {"adminEquivalent": false})
}
