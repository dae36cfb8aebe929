# Firehose: a Direct PUT stream whose usage crosses the first ingestion tier
# (500 TB), and a stream reading a Kinesis data stream with Parquet
# conversion.  Volumes in usage/cost-firehose.json.
resource "aws_kinesis_firehose_delivery_stream" "direct" {
  name        = "direct"
  destination = "extended_s3"
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::circuit-firehose"
  }
}

resource "aws_kinesis_firehose_delivery_stream" "from_stream" {
  name        = "from-stream"
  destination = "extended_s3"
  kinesis_source_configuration {
    kinesis_stream_arn = "arn:aws:kinesis:us-east-1:123456789012:stream/events"
    role_arn           = "arn:aws:iam::123456789012:role/firehose"
  }
  extended_s3_configuration {
    role_arn    = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn  = "arn:aws:s3:::circuit-firehose"
    buffering_size = 64
    data_format_conversion_configuration {
      input_format_configuration {
        deserializer {
          open_x_json_ser_de {}
        }
      }
      output_format_configuration {
        serializer {
          parquet_ser_de {}
        }
      }
      schema_configuration {
        database_name = "events"
        table_name    = "events"
        role_arn      = "arn:aws:iam::123456789012:role/firehose"
      }
    }
  }
}
