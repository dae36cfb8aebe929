/*
 * models/route53.c — cost models: Route 53 hosted zones, record queries,
 * health checks, Resolver endpoints and the Resolver DNS Firewall.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

#include <string.h>

/* Elements of a list attribute, or -1 with *why when the plan does not know them. */
static long list_len(const cost_eval *e, const char *attr, const char **why)
{
    plan_val_state st;
    const json_t *j = cost_eval_attr(e, attr, &st);
    if (st == PLAN_VAL_KNOWN && json_is_array(j))
        return (long)json_array_size(j);
    if (st == PLAN_VAL_UNKNOWN) {
        *why = attr;
        return -1;
    }
    return 0;
}

/* ---- hosted zones and record queries ---------------------------------------- */

/* Route 53 prices are global; the first 25 zones cost the first-tier price. */
static const cost_comp_spec zone_comps[] = {
    {.name = "Hosted zone",
     .service = "AmazonRoute53", .family = "DNS Zone", .region = "global",
     .filters = {UT("HostedZone")},
     .unit = "zone-months", .per = "zone-month", .qty = Q_CONST(1), .flags = CF_TIERED},
};
static const cost_part zone_parts[] = {{.comps = zone_comps, .ncomps = N(zone_comps)}};

/* Queries are billed per routing type; the first billion a month at the first-tier price. */
static const cost_comp_spec record_comps[] = {
    {.name = "Standard queries",
     .service = "AmazonRoute53", .family = "DNS Query", .region = "global",
     .filters = {UT("DNS-Queries")},
     .unit = "queries", .per = "1M queries", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_standard_queries", 1), .flags = CF_TIERED},
    {.name = "Latency-based routing queries",
     .service = "AmazonRoute53", .family = "DNS Query", .region = "global",
     .filters = {UT("LBR-Queries")},
     .unit = "queries", .per = "1M queries", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_latency_based_queries", 1), .flags = CF_TIERED | CF_IF_USAGE},
    {.name = "Geo DNS queries",
     .service = "AmazonRoute53", .family = "DNS Query", .region = "global",
     .filters = {UT("Geo-Queries")},
     .unit = "queries", .per = "1M queries", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_geo_queries", 1), .flags = CF_TIERED | CF_IF_USAGE},
};
static const cost_part record_parts[] = {{.comps = record_comps, .ncomps = N(record_comps)}};

/* An alias record (the alias block's required evaluate_target_health says
 * there is one, even when its target is known only after apply). */
static const cost_map any_map[] = {{"*", "yes"}, {NULL, NULL}};
static const cost_var record_vars[] = {
    {.name = "alias", .attr = "alias[0].evaluate_target_health", .map = any_map},
};
static const cost_usage_key record_usage[] = {
    NUM("monthly_standard_queries", "standard queries per month"),
    NUM("monthly_latency_based_queries", "latency-based routing queries per month"),
    NUM("monthly_geo_queries", "geolocation and geoproximity queries per month"),
};

/* A traffic policy instance is a policy record: billed monthly. */
static const cost_comp_spec policy_comps[] = {
    {.name = "Traffic policy record",
     .service = "AmazonRoute53", .family = "DNS Traffic Flow", .region = "global",
     .filters = {UT("PolicyRecord")},
     .unit = "months", .per = "month", .qty = Q_CONST(1)},
};
static const cost_part policy_parts[] = {{.comps = policy_comps, .ncomps = N(policy_comps)}};

/* ---- health checks ------------------------------------------------------------ */

static const cost_map hc_endpoint_map[] = {
    {"aws", "AWS"}, {"non_aws", "Non-AWS"}, {NULL, NULL}};

static const cost_var hc_vars[] = {
    {.name = "endpoint", .usage = "endpoint_type", .dflt = "aws", .map = hc_endpoint_map,
     .flags = CVF_ASSUME,
     .why = "the plan cannot tell whether the endpoint is an AWS resource; AWS charges less when it is"},
};

/* Optional features AWS bills each per month: HTTPS, string matching, fast
 * interval (10 s), latency measurement. */
static cost_qty_rc cq_hc_features(const cost_eval *e, double *q, const char **why)
{
    plan_val_state st;
    double n = 0;
    const json_t *type = cost_eval_attr(e, "type", &st);
    if (st == PLAN_VAL_UNKNOWN) {
        *why = "type";
        return CQR_UNKNOWN;
    }
    const char *t = json_is_string(type) ? json_string_value(type) : "";
    if (strncmp(t, "HTTPS", 5) == 0)
        n++;
    if (strstr(t, "STR_MATCH"))
        n++;
    const json_t *iv = cost_eval_attr(e, "request_interval", &st);
    if (st == PLAN_VAL_UNKNOWN) {
        *why = "request_interval";
        return CQR_UNKNOWN;
    }
    if (json_is_number(iv) && json_number_value(iv) < 30)
        n++;
    const json_t *lat = cost_eval_attr(e, "measure_latency", &st);
    if (st == PLAN_VAL_UNKNOWN) {
        *why = "measure_latency";
        return CQR_UNKNOWN;
    }
    if (json_is_true(lat))
        n++;
    *q = n;
    return CQR_OK;
}

static const cost_comp_spec hc_comps[] = {
    {.name = "Health check ({endpoint} endpoint)",
     .service = "AmazonRoute53", .family = "DNS Health Check", .region = "global",
     .filters = {UT("Health-Check-{endpoint}")},
     .unit = "checks", .per = "check-month", .qty = Q_CONST(1), .flags = CF_TIERED},
    {.name = "Optional features ({endpoint} endpoint)",
     .service = "AmazonRoute53", .family = "DNS Health Check", .region = "global",
     .filters = {RX("usagetype", "^Health-Check-Option-{endpoint}$")},
     .unit = "features", .per = "feature-month", .qty = Q_FN(cq_hc_features),
     .flags = CF_OMIT_ZERO},
};
static const cost_part hc_parts[] = {{.comps = hc_comps, .ncomps = N(hc_comps)}};
static const cost_usage_key hc_usage[] = {
    STR("endpoint_type", "aws or non_aws: whether the checked endpoint is an AWS resource"),
};

/* ---- Resolver endpoints and DNS Firewall ---------------------------------------- */

/* One elastic network interface per ip_address block (AWS requires two or more). */
static cost_qty_rc cq_resolver_eni_hours(const cost_eval *e, double *q, const char **why)
{
    long n = list_len(e, "ip_address", why);
    if (n < 0)
        return CQR_UNKNOWN;
    *q = (double)(n > 2 ? n : 2) * HOURS;
    return CQR_OK;
}

static const cost_comp_spec resolver_comps[] = {
    {.name = "Endpoint ENIs",
     .service = "AmazonRoute53", .family = "DNS Query",
     .filters = {UT("ResolverNetworkInterface")},
     .unit = "ENI-hours", .per = "ENI-hour", .qty = Q_FN(cq_resolver_eni_hours)},
    {.name = "DNS queries",
     .service = "AmazonRoute53", .family = "DNS Query",
     .filters = {UT("Resolver-DNS-Queries")},
     .unit = "queries", .per = "1M queries", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_queries", 1), .flags = CF_TIERED},
};
static const cost_part resolver_parts[] = {{.comps = resolver_comps, .ncomps = N(resolver_comps)}};
static const cost_usage_key queries_usage[] = {
    NUM("monthly_queries", "DNS queries per month"),
};

static cost_qty_rc cq_firewall_domains(const cost_eval *e, double *q, const char **why)
{
    double v;
    if (cost_eval_usage(e, "domain_count", &v)) {
        *q = v;
        return CQR_OK;
    }
    long n = list_len(e, "domains", why);
    if (n < 0)
        return CQR_UNKNOWN;
    *q = (double)n;
    return CQR_OK;
}

static const cost_comp_spec fw_domains_comps[] = {
    {.name = "Domains",
     .service = "AmazonRoute53", .family = "DNS Firewall",
     .filters = {UT("DNS-Firewall-DomainNames")},
     .unit = "domain-months", .per = "domain-month", .qty = Q_FN(cq_firewall_domains)},
};
static const cost_part fw_domains_parts[] = {{.comps = fw_domains_comps, .ncomps = N(fw_domains_comps)}};
static const cost_usage_key fw_domains_usage[] = {
    NUM("domain_count", "domains in the list (when imported from a file rather than listed in domains)"),
};

static const cost_comp_spec fw_assoc_comps[] = {
    {.name = "DNS Firewall queries",
     .service = "AmazonRoute53", .family = "DNS Firewall",
     .filters = {UT("DNS-Firewall-Queries")},
     .unit = "queries", .per = "1M queries", .per_scale = 1e6,
     .qty = Q_USAGE("monthly_queries", 1), .flags = CF_TIERED},
};
static const cost_part fw_assoc_parts[] = {{.comps = fw_assoc_comps, .ncomps = N(fw_assoc_comps)}};

/* ---- the models ---- */

static const cost_model model_health_check = {
    .type = "aws_route53_health_check",
    .doc = "health check months by endpoint type (first 50 AWS-endpoint checks free), optional features",
    VARS(hc_vars), PARTS(hc_parts), USAGE(hc_usage)};
static const cost_model model_record = {
    .type = "aws_route53_record",
    .doc = "queries by routing type (usage); records themselves are free, and so are queries to alias records",
    VARS(record_vars), .free_when = {{"alias", COP_SET, NULL}},
    .free_note = "queries to alias records that point at AWS resources are free",
    PARTS(record_parts), USAGE(record_usage)};
static const cost_model model_resolver_endpoint = {
    .type = "aws_route53_resolver_endpoint", .doc = "ENI hours (one per IP address, at least 2), queries (usage)",
    PARTS(resolver_parts), USAGE(queries_usage)};
static const cost_model model_fw_domains = {
    .type = "aws_route53_resolver_firewall_domain_list", .doc = "domains stored per month",
    PARTS(fw_domains_parts), USAGE(fw_domains_usage)};
static const cost_model model_fw_assoc = {
    .type = "aws_route53_resolver_firewall_rule_group_association",
    .doc = "queries inspected by DNS Firewall (usage)", PARTS(fw_assoc_parts), USAGE(queries_usage)};
static const cost_model model_policy = {
    .type = "aws_route53_traffic_policy_instance", .doc = "policy record months", PARTS(policy_parts)};
static const cost_model model_zone = {
    .type = "aws_route53_zone", .doc = "hosted zone months", PARTS(zone_parts)};

COST_MODEL_LIST(route53) = {&model_health_check, &model_record, &model_resolver_endpoint,
                            &model_fw_domains, &model_fw_assoc, &model_policy, &model_zone, NULL};
