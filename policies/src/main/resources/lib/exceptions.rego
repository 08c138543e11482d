# METADATA
# title: Rule exceptions
# description: |
#   Exceptions are data, never edits to a rule: data.tripline.exceptions["<rule id>"] is a list of
#   entries; an entry names principals (ARN globs, also matched against the session issuer),
#   source_ips (addresses or CIDRs), user_agents (globs) and accounts, and excepts a record that
#   matches every field it names (as Elastic's exception lists combine conditions). An entry that
#   names none of these fields excepts nothing.
package tripline.lib.exceptions

import data.tripline.lib.aws
import data.tripline.lib.context
import rego.v1

known_fields := {"principals", "source_ips", "user_agents", "accounts"}

# excepted(chain, r): r matches an exception of the rule whose metadata chain is given
# (call it as excepted(rego.metadata.chain(), input) from the rule).
excepted(chain, r) if {
	some link in chain
	id := link.annotations.custom.id
	some e in data.tripline.exceptions[id]
	matches(e, r)
}

matches(e, r) if {
	count(known_fields & {k | some k, _ in e}) > 0
	field_ok(e, "principals", r)
	field_ok(e, "source_ips", r)
	field_ok(e, "user_agents", r)
	field_ok(e, "accounts", r)
}

field_ok(e, field, _) if not e[field]

field_ok(e, "principals", r) if context.arn_listed(r, e.principals)

field_ok(e, "source_ips", r) if {
	some cidr in e.source_ips
	ip_in(cidr, object.get(r, "sourceIPAddress", ""))
}

field_ok(e, "user_agents", r) if {
	some p in e.user_agents
	glob.match(p, null, object.get(r, "userAgent", ""))
}

field_ok(e, "accounts", r) if {
	object.get(r, "recipientAccountId", object.get(r.userIdentity, "accountId", "")) in e.accounts
}

ip_in(cidr, ip) if cidr == ip

ip_in(cidr, ip) if {
	contains(cidr, "/")
	net.cidr_contains(cidr, ip)
}
