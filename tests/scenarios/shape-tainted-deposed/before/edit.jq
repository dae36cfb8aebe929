# The api instance failed its provisioning (tainted); a create_before_destroy
# replacement of the worker was interrupted and left the old object deposed.
.resources |= map(
  if .type == "aws_instance" and .name == "api" then .instances[0].status = "tainted"
  elif .type == "aws_instance" and .name == "worker" then
    .instances += [.instances[0]
      | .deposed = "7d3c9a01"
      | .attributes.id = "i-0de905ed0000000001"
      | .attributes.instance_type = "c5.xlarge"]
  else . end)
