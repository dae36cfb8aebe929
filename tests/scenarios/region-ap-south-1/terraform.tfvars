region = "ap-south-1"
