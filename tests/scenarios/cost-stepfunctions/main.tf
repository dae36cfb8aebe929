# Step Functions (issue 10): a standard workflow's state transitions; an
# express workflow's requests, and its duration, which has no stored price.
# The definitions name a role created in the same plan, so they are known
# only after apply (the provider validates a known definition with AWS,
# which an offline plan cannot reach).
resource "aws_iam_role" "sfn" {
  name = "sfn"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "states.amazonaws.com" } }]
  })
}

resource "aws_sfn_state_machine" "orders" {
  name     = "orders"
  role_arn = aws_iam_role.sfn.arn
  definition = jsonencode({
    Comment = aws_iam_role.sfn.arn
    StartAt = "Done"
    States  = { Done = { Type = "Succeed" } }
  })
}

resource "aws_sfn_state_machine" "clicks" {
  name     = "clicks"
  type     = "EXPRESS"
  role_arn = aws_iam_role.sfn.arn
  definition = jsonencode({
    Comment = aws_iam_role.sfn.arn
    StartAt = "Done"
    States  = { Done = { Type = "Succeed" } }
  })
}
