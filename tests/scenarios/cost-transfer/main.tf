# Transfer Family: a server with the default protocol (SFTP) and one with
# SFTP and FTPS (two protocols, two hourly charges); data from usage.
resource "aws_transfer_server" "default" {
}

resource "aws_transfer_server" "two" {
  protocols              = ["SFTP", "FTPS"]
  certificate            = "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef"
  endpoint_type          = "VPC"
  identity_provider_type = "API_GATEWAY"
  url                    = "https://example.execute-api.us-east-1.amazonaws.com/prod"
  invocation_role        = "arn:aws:iam::123456789012:role/transfer"
  endpoint_details {
    vpc_id     = "vpc-0123456789abcdef0"
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}
