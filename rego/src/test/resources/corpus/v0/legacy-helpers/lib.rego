package lib.helpers

import future.keywords.in

# A v0 helper library mixing the idioms older libraries use: else chains, functions with
# several bodies, builtins kept for v0 (any, all, cast_set, set_diff, net.cidr_overlap),
# and one future keyword imported on its own.

severity(score) = "critical" {
  score >= 9
} else = "high" {
  score >= 7
} else = "low" {
  true
}

has_key(obj, k) { _ = obj[k] }

truthy(x) { x == true }
truthy(x) { x == "true" }

any_public(buckets) {
  any([b.public | b := buckets[_]])
}

all_encrypted(buckets) {
  all([b.encrypted | b := buckets[_]])
}

unexpected_ports(open, allowed) = extra {
  extra := set_diff(cast_set(open), cast_set(allowed))
}

internal_ip(ip) {
  net.cidr_overlap("10.0.0.0/8", ip)
}

admins[u] {
  u := input.users[_]
  "admin" in u.roles
}
