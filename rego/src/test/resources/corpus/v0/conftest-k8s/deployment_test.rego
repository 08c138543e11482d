package main

deployment(containers, replicas) = d {
  d := {
    "kind": "Deployment",
    "metadata": {"name": "web", "labels": {"app.kubernetes.io/name": "web", "app.kubernetes.io/instance": "web-1"}},
    "spec": {"replicas": replicas, "template": {"spec": {"containers": containers}}},
  }
}

safe = {"name": "app", "image": "nginx:1.25", "securityContext": {"runAsNonRoot": true}}

test_safe_deployment_passes {
  no_violations with input as deployment([safe], 3)
}

no_violations {
  count(deny) == 0
  count(warn) == 0
}

test_root_container_denied {
  deny["web: container app must set securityContext.runAsNonRoot"] with input as deployment([{"name": "app", "image": "nginx:1.25"}], 3)
}

test_latest_tag_denied {
  c := object.union(safe, {"image": "nginx:latest"})
  deny["web: container app uses the latest tag"] with input as deployment([c], 3)
}

test_single_replica_warns {
  warn["web: 1 replica(s) is not highly available"] with input as deployment([safe], 1)
}

test_missing_labels_denied {
  d := json.remove(deployment([safe], 2), ["metadata/labels"])
  deny["web must include Kubernetes recommended labels"] with input as d
}

test_other_kinds_ignored {
  count(deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "cfg"}}
}
