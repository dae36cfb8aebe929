# Account password policy rules: a weak policy (short passwords that never
# expire, reuse allowed, no character classes: mostly AWS defaults) beside
# a strong one.  An account has one policy; a plan may still show two.
resource "aws_iam_account_password_policy" "weak" {
  minimum_password_length = 8
}

resource "aws_iam_account_password_policy" "strong" {
  minimum_password_length        = 14
  max_password_age               = 90
  password_reuse_prevention      = 24
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  require_uppercase_characters   = true
  allow_users_to_change_password = true
}
