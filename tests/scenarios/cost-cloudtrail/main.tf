# CloudTrail (issue 10), eu-west-2: a second trail's management events, data
# events and Insights; a Lake event data store on one-year extendable
# retention and one on seven-year fixed retention whose ingestion crosses
# the 5 TB tier.
resource "aws_cloudtrail" "org" {
  name           = "org"
  s3_bucket_name = "org-trail-logs"

  insight_selector {
    insight_type = "ApiCallRateInsight"
  }
}

resource "aws_cloudtrail_event_data_store" "audit" {
  name             = "audit"
  retention_period = 730
}

resource "aws_cloudtrail_event_data_store" "archive" {
  name         = "archive"
  billing_mode = "FIXED_RETENTION_PRICING"
}
