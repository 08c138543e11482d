package main

# conftest style: deny[msg], warn[msg], helper rules and functions, v0 syntax.

name = input.metadata.name

kind = input.kind

is_deployment {
  kind = "Deployment"
}

containers[c] {
  is_deployment
  c := input.spec.template.spec.containers[_]
}

deny[msg] {
  c := containers[_]
  not c.securityContext.runAsNonRoot
  msg = sprintf("%s: container %s must set securityContext.runAsNonRoot", [name, c.name])
}

deny[msg] {
  c := containers[_]
  endswith(c.image, ":latest")
  msg = sprintf("%s: container %s uses the latest tag", [name, c.name])
}

warn[msg] {
  is_deployment
  replicas := object.get(input.spec, "replicas", 1)
  replicas < 2
  msg = sprintf("%s: %d replica(s) is not highly available", [name, replicas])
}

required_deployment_labels {
  input.metadata.labels["app.kubernetes.io/name"]
  input.metadata.labels["app.kubernetes.io/instance"]
}

deny[msg] {
  is_deployment
  not required_deployment_labels
  msg = sprintf("%s must include Kubernetes recommended labels", [name])
}
