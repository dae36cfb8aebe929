# Three AWS providers: the default from a variable, two aliases with literal regions, and default tags.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "home_region" {
  type    = string
  default = "eu-west-1"
}

provider "aws" {
  region                      = var.home_region
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  default_tags {
    tags = { managed-by = "terraform", stack = "global-edge" }
  }
}

provider "aws" {
  alias                       = "virginia"
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

provider "aws" {
  alias                       = "sydney"
  region                      = "ap-southeast-2"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
