# Redshift (issue 10): a two-node ra3.xlplus cluster, a single-node dc2
# cluster (number_of_nodes unset: one node), and a Serverless workgroup of
# 32 RPUs (RPU-hours from usage; its namespace's managed storage has no
# stored price, so the namespace stays unsupported).
resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  cluster_type        = "multi-node"
  number_of_nodes     = 2
  database_name       = "analytics"
  master_username     = "admin"
  master_password     = "NotARealPassword1"
  skip_final_snapshot = true
}

resource "aws_redshift_cluster" "sandbox" {
  cluster_identifier  = "sandbox"
  node_type           = "dc2.large"
  cluster_type        = "single-node"
  database_name       = "sandbox"
  master_username     = "admin"
  master_password     = "NotARealPassword2"
  skip_final_snapshot = true
}

resource "aws_redshiftserverless_namespace" "adhoc" {
  namespace_name = "adhoc"
}

resource "aws_redshiftserverless_workgroup" "adhoc" {
  namespace_name = aws_redshiftserverless_namespace.adhoc.namespace_name
  workgroup_name = "adhoc"
  base_capacity  = 32
}
