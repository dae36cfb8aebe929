# Transit Gateway, VPN and Direct Connect gateway associations (issue 10),
# in eu-west-1: a VPC attachment with data processed (usage), a peering and
# a Connect attachment, a Site-to-Site VPN on the transit gateway, one on a
# virtual private gateway, DX gateway associations with each kind of
# gateway, and a Client VPN endpoint with one subnet association.  Only the
# transit gateway is referenced (its id is known after apply): terraform
# lists several referenced resources in no fixed order, which `scenarios.sh
# check` would see as drift.
resource "aws_ec2_transit_gateway" "hub" {
  description = "hub"
}

resource "aws_ec2_transit_gateway_vpc_attachment" "app" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = "vpc-0123456789abcdef0"
  subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_ec2_transit_gateway_peering_attachment" "us" {
  transit_gateway_id      = aws_ec2_transit_gateway.hub.id
  peer_region             = "us-east-1"
  peer_transit_gateway_id = "tgw-0123456789abcdef0"
  peer_account_id         = "123456789012"
}

resource "aws_ec2_transit_gateway_connect" "sdwan" {
  transport_attachment_id = "tgw-attach-0123456789abcdef0"
  transit_gateway_id      = aws_ec2_transit_gateway.hub.id
}

resource "aws_customer_gateway" "office" {
  bgp_asn    = 65000
  ip_address = "198.51.100.1"
  type       = "ipsec.1"
}

resource "aws_vpn_connection" "office_tgw" {
  customer_gateway_id = "cgw-0123456789abcdef0"
  transit_gateway_id  = aws_ec2_transit_gateway.hub.id
  type                = "ipsec.1"
}

resource "aws_vpn_connection" "office_vgw" {
  customer_gateway_id = "cgw-0123456789abcdef0"
  vpn_gateway_id      = "vgw-0123456789abcdef0"
  type                = "ipsec.1"
}

resource "aws_dx_gateway_association" "tgw" {
  dx_gateway_id         = "0123abcd-4567-89ef-0123-456789abcdef"
  associated_gateway_id = "tgw-0fedcba9876543210"
  allowed_prefixes      = ["10.0.0.0/16"]
}

resource "aws_dx_gateway_association" "vgw" {
  dx_gateway_id         = "0123abcd-4567-89ef-0123-456789abcdef"
  associated_gateway_id = "vgw-0fedcba9876543210"
}

resource "aws_ec2_client_vpn_endpoint" "staff" {
  server_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"
  client_cidr_block      = "10.100.0.0/22"
  authentication_options {
    type                       = "certificate-authentication"
    root_certificate_chain_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"
  }
  connection_log_options {
    enabled = false
  }
}

resource "aws_ec2_client_vpn_network_association" "staff_a" {
  client_vpn_endpoint_id = "cvpn-endpoint-0123456789abcdef0"
  subnet_id              = "subnet-0123456789abcdef0"
}
