package lib.helpers

test_severity_chain {
  severity(9.5) == "critical"
  severity(7) == "high"
  severity(1) == "low"
}

test_has_key {
  has_key({"a": null}, "a")
  not has_key({"a": 1}, "b")
}

test_truthy_bodies {
  truthy(true)
  truthy("true")
  not truthy("yes")
}

test_any_and_all {
  any_public([{"public": false}, {"public": true}])
  not all_encrypted([{"encrypted": true}, {"encrypted": false}])
  all_encrypted([])
}

test_set_helpers {
  unexpected_ports([22, 80, 443], [80, 443]) == {22}
}

test_internal_ip {
  internal_ip("10.20.30.40")
  not internal_ip("192.168.1.1")
}

test_admins {
  admins == {{"name": "ann", "roles": ["admin"]}} with input as {"users": [
    {"name": "ann", "roles": ["admin"]},
    {"name": "bo", "roles": ["dev"]},
  ]}
}
