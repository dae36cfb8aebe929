# App Runner in eu-west-1: an image service at 1 vCPU / 2 GB (the defaults)
# and a source-code service at 2 vCPU / 4 GB with automatic deployments.
# Active hours and build minutes come from usage/cost-apprunner.json.
resource "aws_apprunner_service" "web" {
  service_name = "web"
  source_configuration {
    auto_deployments_enabled = false
    image_repository {
      image_identifier      = "public.ecr.aws/aws-containers/hello-app-runner:latest"
      image_repository_type = "ECR_PUBLIC"
      image_configuration {
        port = "8000"
      }
    }
  }
}

resource "aws_apprunner_service" "api" {
  service_name = "api"
  instance_configuration {
    cpu    = "2 vCPU"
    memory = "4 GB"
  }
  source_configuration {
    auto_deployments_enabled = true
    authentication_configuration {
      connection_arn = "arn:aws:apprunner:eu-west-1:123456789012:connection/gh/0123456789abcdef"
    }
    code_repository {
      repository_url = "https://github.com/example/api"
      source_code_version {
        type  = "BRANCH"
        value = "main"
      }
      code_configuration {
        configuration_source = "API"
        code_configuration_values {
          runtime       = "PYTHON_3"
          build_command = "pip install -r requirements.txt"
          start_command = "python app.py"
          port          = "8000"
        }
      }
    }
  }
}
