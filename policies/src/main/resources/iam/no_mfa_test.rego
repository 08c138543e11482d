package tripline.iam.checks.no_mfa_test

import data.tripline.iam.checks.no_mfa

grant(mfa, no_mfa) := {"category": "logRead", "action": "cloudtrail:LookupEvents", "resource": "*", "withMfa": mfa, "withoutMfa": no_mfa,
	"statements": [{"policyType": "identity", "policy": "P", "sid": "S", "statementIndex": 0}]}

doc(grants, tags) := {"principal": {"arn": "arn:aws:iam::123456789012:user/dev_user", "tags": tags, "serviceLinked": false}, "access": grants}

test_log_read_without_mfa_is_reported if {
	some f in no_mfa.finding with input as doc([grant(true, true)], {})
	f.actions == ["cloudtrail:LookupEvents"]
	contains(f.message, "without MFA")
}

test_designated_reader_without_mfa_is_still_reported if {
	count(no_mfa.finding) == 1 with input as doc([grant(true, true)], {"tripline:purpose": "log-audit"})
}

test_mfa_required_is_quiet if {
	count(no_mfa.finding) == 0 with input as doc([grant(true, false)], {})
}

test_escalation_without_mfa_is_not_this_check if {
	g := object.union(grant(true, true), {"category": "privilegeEscalation"})
	count(no_mfa.finding) == 0 with input as doc([g], {})
}
