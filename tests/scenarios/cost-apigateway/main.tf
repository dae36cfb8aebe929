# API Gateway (issue 10), in ap-southeast-1: a REST API whose requests cross
# three of AWS's four tiers, a stage with a 6.1 GB cache and one without, an
# HTTP API with 600 KB requests (two 512 KB units each) and a WebSocket API.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.shop.id
  deployment_id         = "abc123"
  stage_name            = "prod"
  cache_cluster_enabled = true
  cache_cluster_size    = "6.1"
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = "abc123"
  stage_name    = "dev"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}
