# METADATA
# title: Principal purpose (IAM checks library)
# description: >-
#   Whether the principal of an effective-access document is a designated log reader or
#   administrator: listed by ARN in data.tripline.iam.log_readers / data.tripline.iam.admins, or
#   tagged tripline:purpose = log-audit / admin. Shared by the checks in tripline.iam.checks.
package tripline.iam.lib.purpose

log_reader if input.principal.arn in data.tripline.iam.log_readers

log_reader if input.principal.tags["tripline:purpose"] == "log-audit"

admin if input.principal.arn in data.tripline.iam.admins

admin if input.principal.tags["tripline:purpose"] == "admin"

# The statements of a list of grants, each once.
statements(grants) := {s | some g in grants; some s in g.statements}

# The actions of a list of grants, each once, sorted.
actions(grants) := sort({g.action | some g in grants})
