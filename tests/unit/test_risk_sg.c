/*
 * test_risk_sg.c — the port and CIDR arithmetic behind the "open to the
 * whole internet" rules, in all three security-group styles and both
 * network-ACL styles: IPv4 and IPv6 world ranges, protocol -1, ranges that
 * cover a port, "all ports" counted once, and unknowns that stay silent.
 */
#include "test_risk_util.h"

/* Runs the rules on one resource and returns how often `rule` fired. */
static size_t fires(const char *type, const char *after, const char *unknown, const char *rule)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one(type, after, unknown);
    risk_report *rep = rt_check(rs, p);
    size_t n = rt_count(rep, rule, "*");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
    return n;
}

static char *sg(const char *proto, int from, int to, const char *cidrs, const char *v6)
{
    return xasprintf("{\"ingress\":[{\"protocol\":\"%s\",\"from_port\":%d,\"to_port\":%d,\"cidr_blocks\":%s,"
                     "\"ipv6_cidr_blocks\":%s,\"security_groups\":[],\"self\":false}]}",
                     proto, from, to, cidrs, v6);
}

static size_t SG_FIRES(const char *rule, const char *proto, int from, int to, const char *cidrs, const char *v6)
{
    char *after = sg(proto, from, to, cidrs, v6);
    size_t n = fires("aws_security_group", after, NULL, rule);
    free(after);
    return n;
}

Test(risk_sg, inline_ssh_world_ipv4_and_ipv6)
{
    cr_expect_eq(SG_FIRES("CIR-SG-001", "tcp", 22, 22, "[\"0.0.0.0/0\"]", "[]"), 1);
    cr_expect_eq(SG_FIRES("CIR-SG-001", "tcp", 22, 22, "[]", "[\"::/0\"]"), 1);
    cr_expect_eq(SG_FIRES("CIR-SG-001", "tcp", 22, 22, "[]", "[\"0:0:0:0:0:0:0:0/0\"]"), 1);
    cr_expect_eq(SG_FIRES("CIR-SG-001", "tcp", 22, 22, "[\"10.0.0.0/8\",\"0.0.0.0/0\"]", "[]"), 1);
    cr_expect_eq(SG_FIRES("CIR-SG-001", "tcp", 22, 22, "[\"0.0.0.0/1\"]", "[\"::/1\"]"), 0);
    cr_expect_eq(SG_FIRES("CIR-SG-001", "tcp", 22, 22, "[\"10.0.0.0/8\"]", "[]"), 0);
}

Test(risk_sg, ranges_protocols_and_all_ports)
{
    cr_expect_eq(SG_FIRES("CIR-SG-001", "tcp", 20, 25, "[\"0.0.0.0/0\"]", "[]"), 1);
    cr_expect_eq(SG_FIRES("CIR-SG-001", "tcp", 23, 25, "[\"0.0.0.0/0\"]", "[]"), 0);
    cr_expect_eq(SG_FIRES("CIR-SG-001", "6", 22, 22, "[\"0.0.0.0/0\"]", "[]"), 1);
    cr_expect_eq(SG_FIRES("CIR-SG-002", "udp", 3389, 3389, "[\"0.0.0.0/0\"]", "[]"), 1);
    cr_expect_eq(SG_FIRES("CIR-SG-001", "icmp", -1, -1, "[\"0.0.0.0/0\"]", "[]"), 0);
    cr_expect_eq(SG_FIRES("CIR-SG-001", "50", 22, 22, "[\"0.0.0.0/0\"]", "[]"), 0);
    /* protocol -1, 0-0 (as the risk catalog counts it) and 0-65535: only the all-ports rule */
    const char *all[][3] = {{"-1", "0", "0"}, {"tcp", "0", "0"}, {"tcp", "0", "65535"}, {"tcp", "1", "65535"}};
    for (size_t i = 0; i < 4; i++) {
        int from = atoi(all[i][1]), to = atoi(all[i][2]);
        cr_expect_eq(SG_FIRES("CIR-SG-004", all[i][0], from, to, "[\"0.0.0.0/0\"]", "[]"), 1, "%s %d-%d", all[i][0],
                     from, to);
        cr_expect_eq(SG_FIRES("CIR-SG-001", all[i][0], from, to, "[\"0.0.0.0/0\"]", "[]"), 0);
        cr_expect_eq(SG_FIRES("CIR-SG-003", all[i][0], from, to, "[\"0.0.0.0/0\"]", "[]"), 0);
    }
    cr_expect_eq(SG_FIRES("CIR-SG-004", "-1", 0, 0, "[\"10.0.0.0/8\"]", "[]"), 0);
}

Test(risk_sg, database_ports_and_coverage_message)
{
    risk_ruleset *rs = rt_rules();
    char *a = sg("tcp", 5000, 7000, "[\"0.0.0.0/0\"]", "[\"::/0\"]");
    plan *p = rt_one("aws_security_group", a, NULL);
    risk_report *rep = rt_check(rs, p);
    const risk_finding *f = rt_find(rep, "CIR-SG-003", "aws_security_group.t");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->attribute, "ingress[0]");
    cr_expect_str_eq(f->message, "a database port is reachable from the whole internet "
                                 "(tcp 5000-7000 from 0.0.0.0/0, ::/0; covers 5432, 5439, 6379)");
    risk_report_free(rep);
    plan_free(p);
    free(a);
    risk_ruleset_free(rs);
}

Test(risk_sg, sources_other_than_cidrs_pass)
{
    cr_expect_eq(fires("aws_security_group",
                       "{\"ingress\":[{\"protocol\":\"tcp\",\"from_port\":22,\"to_port\":22,\"cidr_blocks\":[],"
                       "\"security_groups\":[\"sg-1\"],\"prefix_list_ids\":[\"pl-1\"],\"self\":true}]}",
                       NULL, "CIR-SG-001"),
                 0);
    cr_expect_eq(fires("aws_security_group", "{\"ingress\":[]}", NULL, "CIR-SG-004"), 0);
    cr_expect_eq(fires("aws_security_group", "{}", NULL, "CIR-SG-004"), 0);
}

Test(risk_sg, unknowns_stay_silent)
{
    const char *after = "{\"ingress\":[{\"protocol\":\"tcp\",\"from_port\":22,\"to_port\":22,\"cidr_blocks\":[\"0.0.0.0/0\"]}]}";
    cr_expect_eq(fires("aws_security_group", after, NULL, "CIR-SG-001"), 1);
    cr_expect_eq(fires("aws_security_group", after, "{\"ingress\":true}", "CIR-SG-001"), 0);
    cr_expect_eq(fires("aws_security_group", after, "{\"ingress\":[{\"from_port\":true}]}", "CIR-SG-001"), 0);
    cr_expect_eq(fires("aws_security_group", after, "{\"ingress\":[{\"protocol\":true}]}", "CIR-SG-001"), 0);
    cr_expect_eq(fires("aws_security_group",
                       "{\"ingress\":[{\"protocol\":\"tcp\",\"from_port\":22,\"to_port\":22,\"cidr_blocks\":[]}]}",
                       "{\"ingress\":[{\"cidr_blocks\":true}]}", "CIR-SG-001"),
                 0);
}

Test(risk_sg, security_group_rule_style)
{
    const char *base = "{\"type\":\"%s\",\"protocol\":\"tcp\",\"from_port\":3389,\"to_port\":3389,"
                       "\"cidr_blocks\":[\"0.0.0.0/0\"],\"ipv6_cidr_blocks\":null}";
    char *in = xasprintf(base, "ingress"), *out = xasprintf(base, "egress");
    cr_expect_eq(fires("aws_security_group_rule", in, NULL, "CIR-SG-002"), 1);
    cr_expect_eq(fires("aws_security_group_rule", out, NULL, "CIR-SG-002"), 0);
    cr_expect_eq(fires("aws_security_group_rule", in, "{\"type\":true}", "CIR-SG-002"), 0);
    cr_expect_eq(fires("aws_security_group_rule",
                       "{\"type\":\"ingress\",\"protocol\":\"-1\",\"from_port\":0,\"to_port\":0,"
                       "\"ipv6_cidr_blocks\":[\"::/0\"]}",
                       NULL, "CIR-SG-004"),
                 1);
    free(in);
    free(out);
}

Test(risk_sg, vpc_ingress_rule_style)
{
    cr_expect_eq(fires("aws_vpc_security_group_ingress_rule",
                       "{\"ip_protocol\":\"tcp\",\"from_port\":22,\"to_port\":22,\"cidr_ipv4\":\"0.0.0.0/0\"}", NULL,
                       "CIR-SG-001"),
                 1);
    cr_expect_eq(fires("aws_vpc_security_group_ingress_rule",
                       "{\"ip_protocol\":\"tcp\",\"from_port\":22,\"to_port\":22,\"cidr_ipv6\":\"::/0\"}", NULL,
                       "CIR-SG-001"),
                 1);
    cr_expect_eq(fires("aws_vpc_security_group_ingress_rule", "{\"ip_protocol\":\"-1\",\"cidr_ipv4\":\"0.0.0.0/0\"}",
                       NULL, "CIR-SG-004"),
                 1);
    cr_expect_eq(fires("aws_vpc_security_group_ingress_rule", "{\"ip_protocol\":\"-1\",\"cidr_ipv4\":\"0.0.0.0/0\"}",
                       NULL, "CIR-SG-001"),
                 0);
    cr_expect_eq(fires("aws_vpc_security_group_ingress_rule",
                       "{\"ip_protocol\":\"tcp\",\"from_port\":22,\"to_port\":22,"
                       "\"referenced_security_group_id\":\"sg-1\"}",
                       NULL, "CIR-SG-001"),
                 0);
    cr_expect_eq(fires("aws_vpc_security_group_ingress_rule", "{\"ip_protocol\":\"tcp\",\"from_port\":22,\"to_port\":22}",
                       "{\"cidr_ipv4\":true}", "CIR-SG-001"),
                 0);
    /* Egress rules are not ingress, whatever they open. */
    cr_expect_eq(fires("aws_vpc_security_group_egress_rule", "{\"ip_protocol\":\"-1\",\"cidr_ipv4\":\"0.0.0.0/0\"}",
                       NULL, "CIR-SG-004"),
                 0);
}

Test(risk_sg, network_acls)
{
    const char *rule = "{\"rule_action\":\"allow\",\"protocol\":\"6\",\"from_port\":22,\"to_port\":22,"
                       "\"cidr_block\":\"0.0.0.0/0\"%s}";
    char *no_egress = xasprintf(rule, ""), *egress = xasprintf(rule, ",\"egress\":true");
    cr_expect_eq(fires("aws_network_acl_rule", no_egress, NULL, "CIR-NACL-001"), 1);   /* egress defaults false */
    cr_expect_eq(fires("aws_network_acl_rule", egress, NULL, "CIR-NACL-001"), 0);
    cr_expect_eq(fires("aws_network_acl_rule",
                       "{\"rule_action\":\"allow\",\"protocol\":\"tcp\",\"from_port\":3389,\"to_port\":3389,"
                       "\"ipv6_cidr_block\":\"::/0\"}",
                       NULL, "CIR-NACL-001"),
                 1);
    cr_expect_eq(fires("aws_network_acl_rule",
                       "{\"rule_action\":\"allow\",\"protocol\":\"all\",\"cidr_block\":\"0.0.0.0/0\"}", NULL,
                       "CIR-NACL-002"),
                 1);
    cr_expect_eq(fires("aws_network_acl",
                       "{\"ingress\":[{\"action\":\"deny\",\"protocol\":\"-1\",\"from_port\":0,\"to_port\":0,"
                       "\"cidr_block\":\"0.0.0.0/0\"}]}",
                       NULL, "CIR-NACL-002"),
                 0);
    cr_expect_eq(fires("aws_network_acl",
                       "{\"ingress\":[{\"action\":\"allow\",\"protocol\":\"tcp\",\"from_port\":1024,\"to_port\":3400,"
                       "\"cidr_block\":\"0.0.0.0/0\"}]}",
                       NULL, "CIR-NACL-001"),
                 1);
    free(no_egress);
    free(egress);
}
