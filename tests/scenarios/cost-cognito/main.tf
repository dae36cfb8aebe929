# Cognito (issue 10), ap-southeast-2: a Lite pool whose MAUs cross the first
# two tiers, with advanced security; an Essentials pool; a Plus pool (no
# stored price).
resource "aws_cognito_user_pool" "lite" {
  name           = "lite"
  user_pool_tier = "LITE"

  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}

resource "aws_cognito_user_pool" "essentials" {
  name           = "essentials"
  user_pool_tier = "ESSENTIALS"
}

resource "aws_cognito_user_pool" "plus" {
  name           = "plus"
  user_pool_tier = "PLUS"
}
