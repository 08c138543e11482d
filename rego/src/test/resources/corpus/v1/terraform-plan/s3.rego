package terraform.aws.s3

# Checks over `terraform show -json` plan output (resource_changes), v1 syntax.

buckets contains rc if {
	some rc in input.resource_changes
	rc.type == "aws_s3_bucket"
	not "delete" in rc.change.actions
}

acls := {rc.change.after.bucket: rc.change.after.acl |
	some rc in input.resource_changes
	rc.type == "aws_s3_bucket_acl"
}

public_acls := {"public-read", "public-read-write", "authenticated-read"}

deny contains msg if {
	some b in buckets
	acl := acls[b.change.after.bucket]
	acl in public_acls
	msg := sprintf("%s: bucket ACL %q makes it public", [b.address, acl])
}

deny contains msg if {
	some b in buckets
	not b.change.after.tags.owner
	msg := sprintf("%s: missing owner tag", [b.address])
}

changed_count := count([rc | some rc in input.resource_changes; rc.change.actions != ["no-op"]])

default too_many_changes := false

too_many_changes if changed_count > data.limits.max_changes
