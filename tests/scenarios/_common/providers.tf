# Copied into every scenario that has no providers.tf of its own
# (scripts/scenarios.sh).  The skip_* flags let the AWS provider plan with no
# network; scenarios.sh gives it mock credentials through the environment, so
# no plan carries a hard-coded key (a scenario that tests that rule writes its
# own providers.tf).  The version is pinned so regenerated plans match the
# committed ones.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

provider "aws" {
  region                      = var.region
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
