# KMS (issue 10): a key with imported material, multi-Region replicas of a
# key and of an external key (each replica is a key-month).
resource "aws_kms_external_key" "imported" {
  description = "imported"
}

resource "aws_kms_replica_key" "replica" {
  description     = "replica"
  primary_key_arn = "arn:aws:kms:us-west-2:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"
}

resource "aws_kms_replica_external_key" "replica_imported" {
  description     = "replica of imported"
  primary_key_arn = "arn:aws:kms:us-west-2:123456789012:key/mrk-abcd1234ab12cd34ef561234567890cd"
}
