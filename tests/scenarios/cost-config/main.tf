# AWS Config (issue 10), eu-central-1: a rule whose evaluations cross all
# three tiers, organization rules, a daily recorder, conformance packs.
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/config"

  recording_mode {
    recording_frequency = "DAILY"
  }
}

resource "aws_config_configuration_recorder" "continuous" {
  name     = "continuous"
  role_arn = "arn:aws:iam::123456789012:role/config"
}

resource "aws_config_config_rule" "s3_public" {
  name = "s3-bucket-public-read-prohibited"

  source {
    owner             = "AWS"
    source_identifier = "S3_BUCKET_PUBLIC_READ_PROHIBITED"
  }
}

resource "aws_config_organization_managed_rule" "iam_mfa" {
  name            = "iam-user-mfa-enabled"
  rule_identifier = "IAM_USER_MFA_ENABLED"
}

resource "aws_config_organization_custom_rule" "tags" {
  name                = "required-tags"
  lambda_function_arn = "arn:aws:lambda:eu-central-1:123456789012:function:tags"
  trigger_types       = ["ConfigurationItemChangeNotification"]
}

resource "aws_config_organization_custom_policy_rule" "policy" {
  name           = "guard-policy"
  policy_runtime = "guard-2.x.x"
  policy_text    = "rule x { }"
  trigger_types  = ["ConfigurationItemChangeNotification"]
}

resource "aws_config_conformance_pack" "ops" {
  name          = "ops"
  template_body = "Resources: {}"
}

resource "aws_config_organization_conformance_pack" "org_ops" {
  name          = "org-ops"
  template_body = "Resources: {}"
}
