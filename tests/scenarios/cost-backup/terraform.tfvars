region = "us-west-1"
