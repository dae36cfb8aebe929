# AWS Backup (issue 10), us-west-1 (the one region with AWS Backup's own EFS
# prices in the stored sources): a vault holding EBS, RDS, DynamoDB and EFS
# backups (usage); a vault with no usage.
resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault" "empty" {
  name = "empty"
}
