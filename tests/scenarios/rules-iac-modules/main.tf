# Infrastructure-as-code rules on module sources, planned by real terraform.
# Offline, init cannot fetch a git, registry or HTTP module: the modules are
# pre-installed in .terraform/modules (modules.json records each call's
# source and, for the registry, the version installed), which init accepts
# without downloading as long as the source matches.  All calls load the
# same small module.

# CIR-IAC-001 fires: git without a ref follows the default branch.
module "git_no_ref" {
  source = "git::https://example.com/org/queue.git"
  name   = "git-no-ref"
}

# CIR-IAC-002 fires: a ref that names a branch moves.
module "git_branch" {
  source = "git::https://example.com/org/queue.git?ref=main"
  name   = "git-branch"
}

# Passes 001 and 002: a tag.
module "git_tag" {
  source = "git::https://example.com/org/queue.git?ref=v1.2.0"
  name   = "git-tag"
}

# CIR-IAC-003 fires: a registry module without a version constraint.
module "unversioned" {
  source = "terraform-aws-modules/sqs/aws"
  name   = "unversioned"
}

# Passes 003.
module "pinned" {
  source  = "terraform-aws-modules/sqs/aws"
  version = "~> 4.2"
  name    = "pinned"
}

# CIR-IAC-005 fires: an archive over plain HTTP.
module "http_archive" {
  source = "http://example.com/modules/queue.zip"
  name   = "http-archive"
}

# Passes 005.
module "https_archive" {
  source = "https://example.com/modules/queue.zip"
  name   = "https-archive"
}
