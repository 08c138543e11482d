package k8sblocknodeport

test_block_node_port {
  input := {"review": {"kind": {"kind": "Service"}, "object": {"spec": {"type": "NodePort"}}}}
  results := violation with input as input
  count(results) == 1
}

test_allow_cluster_ip {
  inp := {"review": {"kind": {"kind": "Service"}, "object": {"spec": {"type": "ClusterIP"}}}}
  count(violation) == 0 with input as inp
}
