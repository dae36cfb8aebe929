# Glue (issue 10): an ETL job on ten G.1X workers, a Flex job on G.2X
# workers, a Python shell job by max_capacity, a crawler, a Data Catalog
# database (usage) and a development endpoint billed every hour it exists.
resource "aws_glue_job" "nightly" {
  name              = "nightly"
  role_arn          = "arn:aws:iam::123456789012:role/glue"
  glue_version      = "4.0"
  worker_type       = "G.1X"
  number_of_workers = 10

  command {
    script_location = "s3://example-glue/nightly.py"
  }
}

resource "aws_glue_job" "backfill" {
  name              = "backfill"
  role_arn          = "arn:aws:iam::123456789012:role/glue"
  glue_version      = "4.0"
  worker_type       = "G.2X"
  number_of_workers = 4
  execution_class   = "FLEX"

  command {
    script_location = "s3://example-glue/backfill.py"
  }
}

resource "aws_glue_job" "shell" {
  name         = "shell"
  role_arn     = "arn:aws:iam::123456789012:role/glue"
  max_capacity = 0.0625

  command {
    name            = "pythonshell"
    python_version  = "3.9"
    script_location = "s3://example-glue/shell.py"
  }
}

resource "aws_glue_catalog_database" "lake" {
  name = "lake"
}

resource "aws_glue_crawler" "lake" {
  name          = "lake"
  database_name = aws_glue_catalog_database.lake.name
  role          = "arn:aws:iam::123456789012:role/glue"

  s3_target {
    path = "s3://example-lake/raw/"
  }
}

resource "aws_glue_dev_endpoint" "notebook" {
  name     = "notebook"
  role_arn = "arn:aws:iam::123456789012:role/glue"
}
