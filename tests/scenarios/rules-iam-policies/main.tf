# IAM policy rules, bad beside good: administrator and Action "*" policies,
# full IAM (iam:*), credential, privilege-escalation and data-exfiltration
# actions on every resource, policies attached to users, the AdministratorAccess
# managed policy, trust policies open to anyone, and a policy document data
# source read during apply (it depends on a bucket's ARN).

resource "aws_iam_policy" "admin" {
  name = "admin-everything"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_policy" "star_on_role" {
  name = "star-on-one-role"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["*"], Resource = "arn:aws:iam::123456789012:role/admin" }]
  })
}

resource "aws_iam_role_policy" "full_iam" {
  name = "full-iam"
  role = "deployer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:Get*", "iam:*"], Resource = "*" }]
  })
}

resource "aws_iam_group_policy" "credentials" {
  name  = "key-maker"
  group = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["iam:CreateAccessKey", "ec2:GetPasswordData"], Resource = "*" }]
  })
}

resource "aws_iam_policy" "escalation" {
  name = "pass-and-run"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
      { Effect = "Allow", Action = "lambda:CreateFunction", Resource = "*" },
    ]
  })
}

resource "aws_iam_policy" "read_everything" {
  name = "read-all-secrets"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["secretsmanager:GetSecretValue", "s3:GetObject"], Resource = "*" }]
  })
}

# Passes every policy rule: named actions on named resources, and self-service
# key management limited to the caller's own user.
resource "aws_iam_policy" "scoped" {
  name = "scoped-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"] },
      { Effect = "Allow", Action = ["iam:CreateAccessKey", "iam:UpdateAccessKey"], Resource = "arn:aws:iam::*:user/$${aws:username}" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::123456789012:role/app" },
    ]
  })
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "direct" {
  name = "alice-direct"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:ListAllMyBuckets", Resource = "*" }]
  })
}

resource "aws_iam_user_policy_attachment" "direct" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_group" "ops" {
  name = "ops"
}

resource "aws_iam_group_policy_attachment" "admin" {
  group      = aws_iam_group.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_group_policy_attachment" "readonly" {
  group      = aws_iam_group.ops.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role" "anyone" {
  name = "assumable-by-anyone"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "*" } }]
  })
}

resource "aws_iam_role" "service" {
  name = "lambda-exec"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_iam_role" "org_only" {
  name = "assumable-in-org"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "*" }
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
    }]
  })
}

resource "aws_s3_bucket" "data" {
  bucket = "circuit-rules-iam-data"
}

# Read during apply: its resources are the bucket's ARN, known only then.
data "aws_iam_policy_document" "star_on_bucket" {
  statement {
    actions   = ["*"]
    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
  }
}

data "aws_iam_policy_document" "bucket_reader" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
  }
}

resource "aws_iam_policy" "from_documents" {
  name   = "from-documents"
  policy = data.aws_iam_policy_document.star_on_bucket.json
}

resource "aws_iam_policy" "reader_from_document" {
  name   = "reader-from-document"
  policy = data.aws_iam_policy_document.bucket_reader.json
}

# CIR-IAM-004 passes: the attachment names a group only, no user.
resource "aws_iam_policy_attachment" "ops_only" {
  name       = "ops-readonly"
  groups     = [aws_iam_group.ops.name]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
