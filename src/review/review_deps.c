/*
 * review_deps.c — the Infrastructure Dependencies table: one row per
 * created or modified resource that has a cost model (priced, usage-based
 * or not priced), naming its AWS service, what it is for (from its type and
 * key attributes) and its monthly cost impact from the cost report.
 *
 * Purposes are a table keyed by resource type (service names are
 * plan_service.c's); a type not listed gets "AWS" and its type name, never
 * a guess.
 */
#include "review_int.h"

#include "../core/mem.h"
#include "../plan/plan_service.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *rv_service_name(const char *type)
{
    return plan_service_name(type);
}

/* ---- purpose ------------------------------------------------------------- */

static const char *engine_name(const char *engine)
{
    static const struct {
        const char *prefix, *name;
    } engines[] = {
        {"aurora-postgresql", "Aurora PostgreSQL"}, {"aurora-mysql", "Aurora MySQL"},
        {"aurora", "Aurora MySQL"}, {"mysql", "MySQL"}, {"postgres", "PostgreSQL"},
        {"mariadb", "MariaDB"}, {"oracle", "Oracle"}, {"sqlserver", "SQL Server"},
        {"redis", "Redis"}, {"valkey", "Valkey"}, {"memcached", "Memcached"},
    };
    for (size_t i = 0; engine && i < sizeof engines / sizeof engines[0]; i++)
        if (strncmp(engine, engines[i].prefix, strlen(engines[i].prefix)) == 0)
            return engines[i].name;
    return engine;
}

/* Appends ", <text>" (or text alone at the start). */
static void part(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void part(sbuf *b, const char *fmt, ...)
{
    if (b->len)
        sbuf_puts(b, ", ");
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

static void purpose_db(const plan_resource *r, sbuf *b)
{
    const char *engine = engine_name(rv_str(r, "engine"));
    const char *version = rv_str(r, "engine_version");
    double gb;
    /* a replica that does not write its engine has the source's (unknown in the plan) */
    bool replica = rv_str(r, "replicate_source_db") || rv_unknown(r, "replicate_source_db");
    const char *what = engine ? engine : replica ? "Read replica" : "Relational";
    part(b, "%s%s%s database", what, version ? " " : "", version ? version : "");
    if (rv_str(r, "instance_class"))
        part(b, "%s", rv_str(r, "instance_class"));
    if (rv_is(r, "aws_db_instance")) {
        if (rv_true(r, "multi_az"))
            part(b, "Multi-AZ");
        else if (rv_false(r, "multi_az"))
            part(b, "Single-AZ");
        if (rv_num(r, "allocated_storage", &gb))
            part(b, "%.0f GB %s", gb, rv_str(r, "storage_type") ? rv_str(r, "storage_type") : "storage");
    }
}

static void purpose_cluster(const plan_resource *r, sbuf *b)
{
    const char *engine = engine_name(rv_str(r, "engine"));
    part(b, "%s cluster", engine ? engine : "Database");
}

static void purpose_instance(const plan_resource *r, sbuf *b)
{
    const char *t = rv_str(r, "instance_type");
    part(b, "EC2 instance%s%s", t ? ", " : "", t ? t : "");
    double gb;
    if (rv_num(r, "root_block_device[0].volume_size", &gb))
        part(b, "%.0f GB root volume", gb);
}

static void purpose_volume(const plan_resource *r, sbuf *b)
{
    const char *t = rv_str(r, "type");
    double gb;
    part(b, "%s block volume", t ? t : "EBS");
    if (rv_num(r, "size", &gb))
        part(b, "%.0f GB", gb);
}

static void purpose_lt(const plan_resource *r, sbuf *b)
{
    const char *t = rv_str(r, "instance_type");
    part(b, "Launch template%s%s", t ? " for " : "", t ? t : "");
}

static void purpose_asg(const plan_resource *r, sbuf *b)
{
    double lo, hi, want;
    part(b, "Auto Scaling group");
    if (rv_num(r, "min_size", &lo) && rv_num(r, "max_size", &hi))
        part(b, "%.0f–%.0f instances", lo, hi);
    if (rv_num(r, "desired_capacity", &want))
        part(b, "desired %.0f", want);
}

static void purpose_lb(const plan_resource *r, sbuf *b)
{
    static const struct {
        const char *kind, *name;
    } kinds[] = {{"application", "Application"}, {"network", "Network"}, {"gateway", "Gateway"}};
    const char *kind = rv_str(r, "load_balancer_type");
    const char *name = rv_is(r, "aws_elb") ? "Classic" : "Application";
    for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kind, kinds[i].kind) == 0)
            name = kinds[i].name;
    part(b, "%s load balancer", name);
    if (rv_true(r, "internal"))
        part(b, "internal");
    else if (rv_false(r, "internal"))
        part(b, "internet-facing");
}

static void purpose_nat(const plan_resource *r, sbuf *b)
{
    const char *c = rv_str(r, "connectivity_type");
    part(b, "NAT gateway%s%s", c ? ", " : "", c ? c : "");
    part(b, "outbound internet for private subnets");
}

static void purpose_eks(const plan_resource *r, sbuf *b)
{
    const char *v = rv_str(r, "version");
    part(b, "Kubernetes control plane%s%s", v ? " " : "", v ? v : "");
}

static void purpose_node_group(const plan_resource *r, sbuf *b)
{
    const char *t = rv_str(r, "instance_types[0]");
    double want;
    part(b, "EKS worker nodes");
    if (rv_num(r, "scaling_config[0].desired_size", &want))
        part(b, "%.0f × %s", want, t ? t : "instance");
    else if (t)
        part(b, "%s", t);
}

static void purpose_ecs_service(const plan_resource *r, sbuf *b)
{
    const char *launch = rv_str(r, "launch_type");
    double n;
    part(b, "ECS service%s%s", launch ? " on " : "", launch ? (strcmp(launch, "FARGATE") == 0 ? "Fargate" : launch) : "");
    if (rv_num(r, "desired_count", &n))
        part(b, "%.0f task%s", n, n == 1 ? "" : "s");
}

static void purpose_cache(const plan_resource *r, sbuf *b)
{
    const char *engine = engine_name(rv_str(r, "engine"));
    const char *node = rv_str(r, "node_type");
    double n;
    part(b, "%s cache", engine ? engine : "In-memory");
    if (node)
        part(b, "%s", node);
    if (rv_num(r, "num_cache_nodes", &n) || rv_num(r, "num_cache_clusters", &n))
        part(b, "%.0f node%s", n, n == 1 ? "" : "s");
}

static void purpose_endpoint(const plan_resource *r, sbuf *b)
{
    const char *kind = rv_str(r, "vpc_endpoint_type");
    const char *svc = rv_str(r, "service_name");
    const char *shortname = svc ? strrchr(svc, '.') : NULL;
    part(b, "%s endpoint%s%s", kind ? kind : "Gateway", shortname ? " for " : "",
         shortname ? shortname + 1 : "");
}

static void purpose_log_group(const plan_resource *r, sbuf *b)
{
    double days;
    part(b, "Log group");
    if (rv_num(r, "retention_in_days", &days) && days > 0)
        part(b, "%.0f-day retention", days);
    else
        part(b, "kept forever");
}

static void purpose_lambda(const plan_resource *r, sbuf *b)
{
    const char *rt = rv_str(r, "runtime");
    double mem;
    part(b, "Lambda function%s%s", rt ? ", " : "", rt ? rt : "");
    if (rv_num(r, "memory_size", &mem))
        part(b, "%.0f MB", mem);
}

static void purpose_dynamodb(const plan_resource *r, sbuf *b)
{
    const char *mode = rv_str(r, "billing_mode");
    part(b, "DynamoDB table%s", mode && strcmp(mode, "PAY_PER_REQUEST") == 0 ? ", on-demand" : ", provisioned");
}

static void purpose_efs(const plan_resource *r, sbuf *b)
{
    const char *mode = rv_str(r, "throughput_mode");
    part(b, "Shared file system");
    if (mode)
        part(b, "%s throughput", mode);
}

static void purpose_alarm(const plan_resource *r, sbuf *b)
{
    const char *metric = rv_str(r, "metric_name");
    part(b, "Alarm%s%s", metric ? " on " : "", metric ? metric : "");
}

typedef void (*purpose_fn)(const plan_resource *r, sbuf *b);

static const struct {
    const char *type;
    purpose_fn fn;
    const char *text;
} purposes[] = {
    {"aws_db_instance", purpose_db, NULL},
    {"aws_rds_cluster", purpose_cluster, NULL},
    {"aws_rds_cluster_instance", purpose_db, NULL},
    {"aws_instance", purpose_instance, NULL},
    {"aws_ebs_volume", purpose_volume, NULL},
    {"aws_launch_template", purpose_lt, NULL},
    {"aws_launch_configuration", purpose_lt, NULL},
    {"aws_autoscaling_group", purpose_asg, NULL},
    {"aws_lb", purpose_lb, NULL},
    {"aws_alb", purpose_lb, NULL},
    {"aws_elb", purpose_lb, NULL},
    {"aws_nat_gateway", purpose_nat, NULL},
    {"aws_eip", NULL, "Elastic IP address (public IPv4)"},
    {"aws_eks_cluster", purpose_eks, NULL},
    {"aws_eks_node_group", purpose_node_group, NULL},
    {"aws_ecs_service", purpose_ecs_service, NULL},
    {"aws_elasticache_cluster", purpose_cache, NULL},
    {"aws_elasticache_replication_group", purpose_cache, NULL},
    {"aws_vpc_endpoint", purpose_endpoint, NULL},
    {"aws_cloudwatch_log_group", purpose_log_group, NULL},
    {"aws_cloudwatch_metric_alarm", purpose_alarm, NULL},
    {"aws_secretsmanager_secret", NULL, "Secret storage"},
    {"aws_kms_key", NULL, "Customer managed encryption key"},
    {"aws_route53_zone", NULL, "DNS hosted zone"},
    {"aws_s3_bucket", NULL, "Object storage"},
    {"aws_lambda_function", purpose_lambda, NULL},
    {"aws_dynamodb_table", purpose_dynamodb, NULL},
    {"aws_efs_file_system", purpose_efs, NULL},
};

static char *purpose_of(const plan_resource *r)
{
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < sizeof purposes / sizeof purposes[0]; i++) {
        if (!rv_is(r, purposes[i].type))
            continue;
        if (purposes[i].fn)
            purposes[i].fn(r, &b);
        else
            sbuf_puts(&b, purposes[i].text);
        break;
    }
    if (!b.len)
        sbuf_printf(&b, RV_CODE "%s" RV_END, r->type);
    return sbuf_detach(&b);
}

/* ---- cost ---------------------------------------------------------------- */

/* A cost note without the lead the cost report gives it ("not priced: ",
 * "depends on usage: "): the review says that itself. */
static const char *bare(const char *note, const char *lead)
{
    size_t n = strlen(lead);
    return note && strncmp(note, lead, n) == 0 ? note + n : note;
}

/* The first note of a usage-based component without usage ("$0.045 per GB
 * processed"), or NULL. */
static const char *usage_note(const cost_side *side)
{
    for (size_t i = 0; i < side->ncomponents; i++)
        if (side->components[i].usage_missing && side->components[i].note)
            return bare(side->components[i].note, "depends on usage: ");
    return NULL;
}

static const char *not_priced_note(const cost_resource *c)
{
    const cost_side *sides[2] = {&c->after, &c->before};
    for (size_t s = 0; s < 2; s++)
        for (size_t i = 0; i < sides[s]->ncomponents; i++) {
            const cost_component *k = &sides[s]->components[i];
            if (!k->priced && !k->usage_missing && k->note)
                return bare(k->note, "not priced: ");
        }
    return "no price";
}

char *rv_cost_text(const cost_resource *c)
{
    char delta[48], from[48], to[48];
    switch (c->status) {
    case COST_USAGE_ONLY: {
        const char *note = usage_note(&c->after);
        return xasprintf("usage-based%s%s", note ? ": " : "", note ? note : "");
    }
    case COST_NOT_PRICED:
        return xasprintf("not priced: %s", not_priced_note(c));
    case COST_PRICED:
        break;
    default:
        return xstrdup("free");
    }
    money_format_delta(delta, sizeof delta, c->monthly_delta);
    sbuf b = SBUF_INIT;
    sbuf_printf(&b, "%s/month", delta);
    if (c->res->action == PLAN_ACT_UPDATE || c->res->action == PLAN_ACT_REPLACE) {
        money_format(from, sizeof from, c->monthly_before);
        money_format(to, sizeof to, c->monthly_after);
        sbuf_printf(&b, " (from %s to %s)", from, to);
    }
    const char *note = usage_note(&c->after);
    if (note)
        sbuf_printf(&b, " + usage (%s)", note);
    return sbuf_detach(&b);
}

void rv_build_dependencies(review *rv)
{
    size_t pi = 0, ri = 0, cap = 0;
    const char *pn;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        bool changed = r->action == PLAN_ACT_CREATE || r->action == PLAN_ACT_UPDATE ||
                       r->action == PLAN_ACT_REPLACE;
        const cost_resource *c = changed && !r->is_data ? rv_cost_of(rv, r) : NULL;
        if (!c || (c->status != COST_PRICED && c->status != COST_USAGE_ONLY &&
                   c->status != COST_NOT_PRICED))
            continue;
        rv->deps = xgrow(rv->deps, &cap, rv->ndeps + 1, sizeof *rv->deps);
        review_dep *d = &rv->deps[rv->ndeps++];
        memset(d, 0, sizeof *d);
        d->resource = rv_label(rv, pn, r);
        d->service = rv_service_name(r->type);
        if (rv_is(r, "aws_ecs_service")) {
            const char *launch = rv_str(r, "launch_type");
            if (launch && strcmp(launch, "FARGATE") == 0)
                d->service = "Amazon ECS (Fargate)";
        }
        d->purpose = purpose_of(r);
        d->cost = rv_cost_text(c);
        d->priced = c->status == COST_PRICED;
        d->monthly_delta = d->priced ? c->monthly_delta : 0;
    }
}
