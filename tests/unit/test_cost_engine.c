/*
 * test_cost_engine.c — the cost engine end to end on small plans priced
 * from the bundled snapshot (a fresh cache file per test): action
 * semantics, unknown values, missing prices, usage, references, the
 * quantity functions' arithmetic, and the golden figures of
 * reference-prices.md §2.
 */
#include "src/core/sbuf.h"
#include "src/cost/cost.h"
#include "src/cost/cost_render.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct fixture {
    char cache_path[64];
    price_cache *cache;
    plan *plans[2];
    size_t nplans;
    cost_usage *usage;
    cost_report *rep;
} fixture;

static void open_cache(fixture *f)
{
    snprintf(f->cache_path, sizeof f->cache_path, "/tmp/circuit-cost-XXXXXX");
    int fd = mkstemp(f->cache_path);
    cr_assert_geq(fd, 0);
    close(fd);
    unlink(f->cache_path);
    price_open_opts o = {.path = f->cache_path};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(price_cache_open(&o, &f->cache, &err), CIR_OK, "cache: %s", err.msg);
}

static void close_all(fixture *f)
{
    cost_report_free(f->rep);
    for (size_t i = 0; i < f->nplans; i++)
        plan_free(f->plans[i]);
    cost_usage_free(f->usage);
    price_cache_close(f->cache);
    unlink(f->cache_path);
    char wal[96];
    snprintf(wal, sizeof wal, "%s-wal", f->cache_path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", f->cache_path);
    unlink(wal);
}

static void add_plan_text(fixture *f, const char *json, const char *region)
{
    plan_load_opts o = {.region_flag = region, .quiet = true};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(plan_load_buffer("test.json", json, strlen(json), &o, &f->plans[f->nplans], &err), CIR_OK,
                 "plan: %s", err.msg);
    f->nplans++;
}

static void add_plan_file(fixture *f, const char *path)
{
    plan_load_opts o = {.quiet = true};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(plan_load(path, &o, &f->plans[f->nplans], &err), CIR_OK, "plan: %s", err.msg);
    f->nplans++;
}

static void with_usage(fixture *f, const char *path)
{
    cir_err err;
    cir_err_clear(&err);
    cir_warn_quiet(1);
    cr_assert_eq(cost_usage_load(path, &f->usage, &err), CIR_OK, "usage: %s", err.msg);
}

static void run(fixture *f)
{
    cost_opts o = {.usage = f->usage};
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(cost_estimate(f->plans, f->nplans, f->cache, &o, &f->rep, &err), CIR_OK, "estimate: %s",
                 err.msg);
}

static const cost_resource *res(const fixture *f, const char *address)
{
    for (size_t i = 0; i < f->rep->nresources; i++)
        if (strcmp(f->rep->resources[i].res->address, address) == 0)
            return &f->rep->resources[i];
    cr_assert_fail("no resource %s in the report", address);
    return NULL;
}

static const cost_component *comp(const cost_side *s, const char *name)
{
    for (size_t i = 0; i < s->ncomponents; i++)
        if (strcmp(s->components[i].name, name) == 0)
            return &s->components[i];
    cr_assert_fail("no component \"%s\"", name);
    return NULL;
}

/* Money compared to the cent (both sides rounded half-up). */
#define EXPECT_CENTS(got, want, ...) cr_expect_float_eq(money_round(got), money_round(want), 0.0001, __VA_ARGS__)

/* One resource_changes entry; `after`/`before` are JSON text or "null". */
#define RC(addr, type, actions, before, after, unknown)                                                     \
    "{\"address\":\"" addr "\",\"mode\":\"managed\",\"type\":\"" type "\",\"name\":\"x\","              \
    "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":" actions          \
    ",\"before\":" before ",\"after\":" after ",\"after_unknown\":" unknown "}}"
#define PLAN(...) "{\"format_version\":\"1.2\",\"resource_changes\":[" __VA_ARGS__ "]}"

static const char *instance_plan =
    PLAN(RC("aws_instance.created", "aws_instance", "[\"create\"]", "null",
            "{\"instance_type\":\"t3.medium\",\"root_block_device\":[{\"volume_size\":8,\"volume_type\":\"gp2\"}]}",
            "{}") ","
         RC("aws_instance.resized", "aws_instance", "[\"update\"]",
            "{\"instance_type\":\"t3.medium\",\"root_block_device\":[]}",
            "{\"instance_type\":\"m5.large\",\"root_block_device\":[]}", "{}") ","
         RC("aws_instance.gone", "aws_instance", "[\"delete\"]", "{\"instance_type\":\"m5.large\"}", "null",
            "{}") ","
         RC("aws_instance.replaced", "aws_instance", "[\"delete\",\"create\"]",
            "{\"instance_type\":\"t3.medium\"}", "{\"instance_type\":\"t3.large\"}", "{}") ","
         RC("aws_instance.kept", "aws_instance", "[\"no-op\"]", "{\"instance_type\":\"m5.large\"}",
            "{\"instance_type\":\"m5.large\"}", "{}") ","
         RC("aws_instance.later", "aws_instance", "[\"create\"]", "null", "{\"root_block_device\":[]}",
            "{\"instance_type\":true}") ","
         RC("aws_instance.both", "aws_instance", "[\"create\",\"forget\"]", "{\"instance_type\":\"m5.large\"}",
            "{\"instance_type\":\"m5.large\"}", "{}"));

Test(cost_engine, actions_before_after_delta)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_text(&f, instance_plan, NULL);
    run(&f);
    const cost_resource *c = res(&f, "aws_instance.created");
    EXPECT_CENTS(c->monthly_before, 0, "c->monthly_before");
    EXPECT_CENTS(c->monthly_after, 31.17, "c->monthly_after"); /* 30.37 + root 8 GB gp2 0.80 */
    EXPECT_CENTS(c->monthly_delta, 31.17, "c->monthly_delta");
    cr_expect_eq(c->status, COST_PRICED);

    c = res(&f, "aws_instance.resized");
    EXPECT_CENTS(c->monthly_before, 30.37, "c->monthly_before");
    EXPECT_CENTS(c->monthly_after, 70.08, "c->monthly_after");
    EXPECT_CENTS(c->monthly_delta, 39.71, "c->monthly_delta");
    cr_expect(!c->replacement);

    c = res(&f, "aws_instance.gone");
    EXPECT_CENTS(c->monthly_before, 70.08, "c->monthly_before");
    EXPECT_CENTS(c->monthly_after, 0, "c->monthly_after");
    EXPECT_CENTS(c->monthly_delta, -70.08, "c->monthly_delta");
    cr_expect_eq(c->after.ncomponents, 0);

    c = res(&f, "aws_instance.replaced");
    cr_expect(c->replacement);
    EXPECT_CENTS(c->monthly_delta, 60.74 - 30.37, "c->monthly_delta");

    c = res(&f, "aws_instance.kept");
    EXPECT_CENTS(c->monthly_before, 70.08, "c->monthly_before");
    EXPECT_CENTS(c->monthly_after, 70.08, "c->monthly_after");
    cr_expect_eq(c->monthly_delta, 0);

    /* ["create","forget"]: the old object keeps billing next to the new one */
    c = res(&f, "aws_instance.both");
    cr_expect(c->replacement);
    EXPECT_CENTS(c->monthly_after, 140.16, "c->monthly_after");
    EXPECT_CENTS(c->monthly_delta, 70.08, "c->monthly_delta");

    c = res(&f, "aws_instance.later");
    cr_expect_eq(c->status, COST_NOT_PRICED);
    const cost_component *k = &c->after.components[0];
    cr_expect(!k->priced);
    cr_expect_str_eq(k->note, "not priced: instance_type known after apply");
    cr_expect_null(k->unit_price);

    /* totals: no-op counted, its delta is 0 */
    EXPECT_CENTS(f.rep->totals.monthly_delta, 31.17 + 39.71 - 70.08 + 30.37 + 0 + 70.08, "total delta");
    cr_expect_eq(f.rep->counts.priced, 6);
    cr_expect_eq(f.rep->counts.not_priced, 1);
    close_all(&f);
}

Test(cost_engine, missing_region_is_never_zero)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_text(&f,
                  PLAN(RC("aws_nat_gateway.n", "aws_nat_gateway", "[\"create\"]", "null", "{}", "{}")),
                  "ap-east-2"); /* Taipei: no price list in the snapshot */
    run(&f);
    const cost_resource *c = res(&f, "aws_nat_gateway.n");
    cr_expect_eq(c->status, COST_NOT_PRICED);
    const cost_component *k = comp(&c->after, "NAT gateway");
    cr_expect(!k->priced);
    cr_expect_str_eq(k->note, "not priced: no price for NAT gateway in ap-east-2, run "
                              "`circuit pricing sync --region ap-east-2`");
    k = comp(&c->after, "Data processed");
    cr_expect(k->usage_missing);
    cr_expect_eq(f.rep->counts.not_priced, 1);
    close_all(&f);
}

Test(cost_engine, usage_based_without_usage_shows_unit_price)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_text(&f, PLAN(RC("aws_lambda_function.f", "aws_lambda_function", "[\"create\"]", "null",
                              "{\"memory_size\":512}", "{}")),
                  NULL);
    run(&f);
    const cost_resource *c = res(&f, "aws_lambda_function.f");
    cr_expect_eq(c->status, COST_USAGE_ONLY);
    const cost_component *k = comp(&c->after, "Requests");
    cr_expect(k->usage_missing);
    cr_expect_str_eq(k->unit_price, "0.0000002");
    cr_expect_str_eq(k->note, "depends on usage: $0.20 per 1M requests");
    cr_expect_eq(f.rep->counts.usage_only, 1);
    close_all(&f);
}

Test(cost_engine, free_unsupported_skipped)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_text(&f,
                  PLAN(RC("aws_vpc.v", "aws_vpc", "[\"create\"]", "null", "{}", "{}") ","
                       RC("aws_made_up_thing.a", "aws_made_up_thing", "[\"create\"]", "null", "{}", "{}") ","
                       RC("aws_made_up_thing.b", "aws_made_up_thing", "[\"create\"]", "null", "{}", "{}") ","
                       RC("aws_vpc_endpoint.g", "aws_vpc_endpoint", "[\"create\"]", "null", "{}",
                          "{\"vpc_endpoint_type\":true}") ","
                       "{\"address\":\"data.aws_ami.a\",\"mode\":\"data\",\"type\":\"aws_ami\",\"name\":\"a\","
                       "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"read\"],"
                       "\"before\":null,\"after\":{},\"after_unknown\":{}}},"
                       "{\"address\":\"google_storage_bucket.b\",\"mode\":\"managed\",\"type\":\"google_storage_bucket\","
                       "\"name\":\"b\",\"provider_name\":\"registry.terraform.io/hashicorp/google\",\"change\":"
                       "{\"actions\":[\"create\"],\"before\":null,\"after\":{},\"after_unknown\":{}}}"),
                  NULL);
    run(&f);
    cr_expect_eq(f.rep->nresources, 4, "data sources and non-AWS resources are not in the report");
    cr_expect_eq(res(&f, "aws_vpc.v")->status, COST_FREE);
    cr_expect_eq(res(&f, "aws_vpc_endpoint.g")->status, COST_FREE, "unknown type: Gateway, the default");
    cr_expect_eq(res(&f, "aws_made_up_thing.a")->status, COST_UNSUPPORTED);
    cr_expect_eq(f.rep->counts.free, 2);
    cr_expect_eq(f.rep->counts.unsupported, 2);
    cr_assert_eq(f.rep->nunsupported, 1);
    cr_expect_str_eq(f.rep->unsupported[0].type, "aws_made_up_thing");
    cr_expect_eq(f.rep->unsupported[0].count, 2);
    close_all(&f);
}

Test(cost_engine, quantity_rules)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_text(
        &f,
        PLAN(RC("aws_ebs_volume.gp3_base", "aws_ebs_volume", "[\"create\"]", "null",
                "{\"type\":\"gp3\",\"size\":100}", "{\"iops\":true,\"throughput\":true}") ","
             RC("aws_ebs_volume.default", "aws_ebs_volume", "[\"create\"]", "null", "{\"size\":10}",
                "{\"type\":true}") ","
             RC("aws_ebs_volume.io2", "aws_ebs_volume", "[\"create\"]", "null",
                "{\"type\":\"io2\",\"size\":10,\"iops\":40000}", "{}") ","
             RC("aws_db_instance.small_gp3", "aws_db_instance", "[\"create\"]", "null",
                "{\"engine\":\"mysql\",\"instance_class\":\"db.t4g.small\",\"storage_type\":\"gp3\","
                "\"allocated_storage\":100,\"iops\":3500}",
                "{}") ","
             RC("aws_db_instance.defaults", "aws_db_instance", "[\"create\"]", "null",
                "{\"engine\":\"mysql\",\"instance_class\":\"db.t3.micro\",\"allocated_storage\":20}",
                "{\"storage_type\":true,\"license_model\":true,\"multi_az\":true}") ","
             RC("aws_elasticache_replication_group.cluster_mode", "aws_elasticache_replication_group",
                "[\"create\"]", "null",
                "{\"node_type\":\"cache.t3.micro\",\"num_node_groups\":2,\"replicas_per_node_group\":1}",
                "{\"num_cache_clusters\":true}")),
        NULL);
    run(&f);
    /* gp3 IOPS/throughput unknown: AWS's baseline, nothing extra */
    const cost_resource *c = res(&f, "aws_ebs_volume.gp3_base");
    cr_expect_eq(c->after.ncomponents, 1);
    EXPECT_CENTS(c->monthly_after, 8.00, "c->monthly_after");
    /* type unknown: gp2, Terraform's documented default */
    EXPECT_CENTS(res(&f, "aws_ebs_volume.default")->monthly_after, 1.00, "res(&f, \"aws_ebs_volume.default\")->monthly_after");
    /* io2: the first 32,000 IOPS at the tier-1 price, the next 8,000 at
     * tier 2 (us-east-1 0.0455, regional/ebs.csv KDKG2R3W4NMV7CHP) */
    c = res(&f, "aws_ebs_volume.io2");
    const cost_component *k = comp(&c->after, "Provisioned IOPS (io2, up to 32,000)");
    cr_expect_eq(k->quantity, 32000);
    k = comp(&c->after, "Provisioned IOPS (io2, 32,001-64,000)");
    cr_expect(k->priced, "%s", k->note ? k->note : "");
    cr_expect_eq(k->quantity, 8000);
    EXPECT_CENTS(k->monthly, 364.00, "io2 tier 2");
    /* RDS gp3 below 400 GB: 3,000 IOPS included */
    c = res(&f, "aws_db_instance.small_gp3");
    cr_expect_eq(comp(&c->after, "Provisioned IOPS (gp3, above the baseline)")->quantity, 500);
    /* storage type, license and Multi-AZ unknown: gp2, engine default, Single-AZ */
    c = res(&f, "aws_db_instance.defaults");
    cr_expect_eq(c->status, COST_PRICED);
    EXPECT_CENTS(c->monthly_after, 12.41 + 2.30, "c->monthly_after");
    /* ... and, with no configuration to show them unset, each is an assumption on the line */
    k = comp(&c->after, "Database instance (Single-AZ, on-demand, db.t3.micro)");
    cr_assert_eq(k->nassumed, 1, "multi_az (MySQL has no license model to assume)");
    cr_expect_str_eq(k->assumed[0].attr, "multi_az");
    cr_expect_str_eq(k->assumed[0].value, "false");
    cr_expect_str_eq(k->assumed[0].usage_key, "multi_az");
    cr_expect_not_null(strstr(k->assumed[0].why, "Single-AZ"));
    k = comp(&c->after, "Storage (gp2, Single-AZ)");
    cr_assert_eq(k->nassumed, 2);
    cr_expect_str_eq(k->assumed[0].attr, "multi_az", "sorted by attribute");
    cr_expect_str_eq(k->assumed[1].attr, "storage_type");
    cr_expect_str_eq(k->assumed[1].value, "gp2");
    /* cluster mode: 2 groups x (1 replica + 1) nodes */
    c = res(&f, "aws_elasticache_replication_group.cluster_mode");
    cr_expect_eq(comp(&c->after, "ElastiCache (Redis, on-demand, cache.t3.micro)")->quantity, 4 * 730);
    close_all(&f);
}

Test(cost_engine, references_asg_ecs_aurora_and_subnets)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_file(&f, "fixtures/plans/cost-refs.json");
    run(&f);
    const cost_resource *c = res(&f, "aws_autoscaling_group.web");
    /* 3 x t3.micro from the launch template found through configuration */
    const cost_component *k = comp(&c->after, "launch template: Instance usage (Linux, on-demand, t3.micro)");
    cr_expect_eq(k->quantity, 3 * 730);
    k = comp(&c->after, "block_device_mappings[0]: Storage (gp3)");
    cr_expect_eq(k->quantity, 60);
    /* no desired_capacity: min_size */
    c = res(&f, "aws_autoscaling_group.old");
    cr_expect_eq(comp(&c->after, "launch configuration: Instance usage (Linux, on-demand, m5.large)")->quantity,
                 2 * 730);
    /* launch template found by name; desired_capacity unknown: min_size */
    c = res(&f, "aws_autoscaling_group.by_name");
    cr_expect_eq(comp(&c->after, "launch template: Instance usage (Linux, on-demand, m5.large)")->quantity,
                 2 * 730);
    c = res(&f, "aws_autoscaling_group.orphan");
    cr_expect_eq(c->status, COST_NOT_PRICED);
    cr_expect_str_eq(c->after.components[0].note, "not priced: no launch template or launch configuration found");
    c = res(&f, "aws_ecs_service.lost");
    cr_expect_str_eq(c->after.components[0].note, "not priced: task definition not in the plan");
    cr_expect_eq(res(&f, "aws_ecs_service.on_ec2")->status, COST_FREE);
    cr_expect_eq(res(&f, "aws_elasticache_cluster.member")->status, COST_FREE);
    c = res(&f, "aws_eks_node_group.spot");
    cr_expect_str_eq(c->after.components[0].note,
                     "not priced: capacity_type \"SPOT\" is not a value this model prices");
    close_all(&f);
}

Test(cost_engine, sensitive_values_never_shown)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_file(&f, "fixtures/plans/cost-sensitive.json");
    run(&f);
    sbuf doc = SBUF_INIT;
    cost_render_opts ro = {.schema = "circuit.cost/v1"};
    cost_render_json(f.rep, &ro, &doc);
    cost_render_table(f.rep, &ro, &doc);
    cost_render_markdown(f.rep, &ro, &doc);
    cr_expect_null(strstr(sbuf_str(&doc), "m5.xlarge"));
    cr_expect_null(strstr(sbuf_str(&doc), "m5.2xlarge"));
    cr_expect_null(strstr(sbuf_str(&doc), "\"host\""));
    cr_expect_not_null(strstr(sbuf_str(&doc), "(sensitive)"));
    /* still priced: sensitivity hides the value, not the price */
    EXPECT_CENTS(res(&f, "aws_instance.secret")->monthly_after, 140.16, "res(&f, \"aws_instance.secret\")->monthly_after");
    sbuf_free(&doc);
    close_all(&f);
}

Test(cost_engine, multi_plan_projects)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_file(&f, "fixtures/plans/cost-staging.json");
    add_plan_file(&f, "fixtures/plans/cost-prod.json");
    run(&f);
    cr_assert_eq(f.rep->nprojects, 2);
    const cost_project *s = &f.rep->projects[0], *p = &f.rep->projects[1];
    cr_expect_str_eq(s->name, "fixtures/plans/cost-staging.json");
    EXPECT_CENTS(s->totals.monthly_after, 7.59 + 32.85, "s->totals.monthly_after");
    EXPECT_CENTS(p->totals.monthly_before, 70.08 + 73.00, "p->totals.monthly_before");
    EXPECT_CENTS(p->totals.monthly_after, 70.08 + 105.85 + 2.30, "p->totals.monthly_after");
    EXPECT_CENTS(f.rep->totals.monthly_delta, s->totals.monthly_delta + p->totals.monthly_delta, "total");
    cr_expect_eq(f.rep->counts.priced, s->counts.priced + p->counts.priced);
    close_all(&f);
}

/* reference-prices.md §2, from the bundled snapshot alone. */
static const struct golden {
    const char *address, *component;
    double monthly;
} goldens[] = {
    {"aws_instance.t3_medium", "Instance usage (Linux, on-demand, t3.medium)", 30.37},            /* 1 */
    {"aws_instance.t3_medium", "root_block_device[0]: Storage (gp2)", 0.80},                      /* 1 */
    {"aws_instance.m5_large", "Instance usage (Linux, on-demand, m5.large)", 70.08},              /* 2 */
    {"aws_instance.m3_medium", "Instance usage (Linux, on-demand, m3.medium)", 48.91},            /* 3 */
    {"aws_instance.t3_large", "Instance usage (Linux, on-demand, t3.large)", 60.74},              /* 3 */
    {"aws_instance.t2_medium", "Instance usage (Linux, on-demand, t2.medium)", 33.87},            /* 3 */
    {"aws_instance.r3_xlarge", "Instance usage (Linux, on-demand, r3.xlarge)", 243.09},           /* 4 */
    {"aws_instance.r3_xlarge", "EBS-optimized usage (r3.xlarge)", 14.60},                         /* 4 */
    {"aws_instance.credits", "CPU credits (t3)", 73.00},                                          /* 5 */
    {"aws_ebs_volume.gp2", "Storage (gp2)", 1.00},                                                /* 7 */
    {"aws_ebs_volume.gp3", "Storage (gp3)", 3.20},                                                /* 7 */
    {"aws_ebs_volume.gp3", "Provisioned IOPS (gp3, above 3,000)", 5.00},                          /* 7 */
    {"aws_ebs_volume.gp3", "Provisioned throughput (gp3, above 125 MiBps)", 0.20},                /* 7 */
    {"aws_ebs_volume.io1", "Storage (io1)", 3.75},                                                /* 8 */
    {"aws_ebs_volume.io1", "Provisioned IOPS (io1)", 19.50},                                      /* 8 */
    {"aws_ebs_volume.st1", "Storage (st1)", 1.80},                                                /* 8 */
    {"aws_ebs_volume.sc1", "Storage (sc1)", 0.75},                                                /* 8 */
    {"aws_ebs_volume.standard", "Storage (standard)", 1.00},                                      /* 8 */
    {"aws_db_instance.mysql", "Database instance (Single-AZ, on-demand, db.t3.large)", 99.28},    /* 9 */
    {"aws_db_instance.mysql", "Storage (gp2, Single-AZ)", 2.30},                                  /* 9 */
    {"aws_db_instance.mysql_multi_az", "Database instance (Multi-AZ, on-demand, db.t3.large)", 198.56}, /* 10 */
    {"aws_db_instance.mysql_multi_az", "Storage (gp2, Multi-AZ)", 6.90},                          /* 10 */
    {"aws_db_instance.postgres", "Database instance (Single-AZ, on-demand, db.t3.large)", 105.85}, /* 11 */
    {"aws_db_instance.io1", "Storage (io1, Single-AZ)", 12.50},                                   /* 12 */
    {"aws_db_instance.io1", "Provisioned IOPS (io1)", 120.00},                                    /* 12 */
    {"aws_db_instance.io1_low", "Provisioned IOPS (io1)", 100.00},                                /* 12 */
    {"aws_db_instance.gp3", "Database instance (Multi-AZ, on-demand, db.t4g.small)", 47.45},      /* 13 */
    {"aws_db_instance.gp3", "Storage (gp3, Multi-AZ)", 92.00},                                    /* 13 */
    {"aws_db_instance.gp3", "Provisioned IOPS (gp3, above the baseline)", 80.00},                 /* 13 */
    {"aws_nat_gateway.main", "NAT gateway", 32.85},                                               /* 14 */
    {"aws_nat_gateway.main", "Data processed", 4.50},                                             /* 14 */
    {"aws_lb.alb", "Application load balancer", 16.43},                                           /* 15 */
    {"aws_lb.nlb", "Network load balancer", 16.43},                                               /* 15 */
    {"aws_alb.lcu", "Load balancer capacity units", 8.00},                                        /* 16 */
    {"aws_lb.nlb_lcu", "Load balancer capacity units", 6.00},                                     /* 16 */
    {"aws_eks_cluster.main", "EKS cluster", 73.00},                                               /* 17 */
    {"aws_eks_cluster.main", "EKS extended support", 365.00}, /* 17: 1.30 is past standard support */
    {"aws_eks_node_group.default", "Instance usage (Linux, on-demand, t3.medium)", 30.37},        /* 18 */
    {"aws_eks_node_group.default", "disk: Storage (gp2)", 2.00},                                  /* 18 */
    {"aws_ecs_service.app", "task definition: Fargate vCPU", 29.55},                              /* 19 */
    {"aws_ecs_service.app", "task definition: Fargate memory", 6.49},                             /* 19 */
    {"aws_efs_file_system.standard", "Storage (standard)", 69.00},                                /* 20 */
    {"aws_efs_file_system.ia", "Storage (infrequent access)", 2.50},                              /* 20 */
    {"aws_efs_file_system.one_zone", "Storage (one zone)", 36.80},                                /* 20 */
    {"aws_elasticache_cluster.memcached", "ElastiCache (Memcached, on-demand, cache.m4.large)", 227.76}, /* 21 */
    {"aws_elasticache_cluster.redis", "ElastiCache (Redis, on-demand, cache.m6g.12xlarge)", 2596.61},    /* 22 */
    {"aws_vpc_endpoint.one", "Endpoint (Interface, per subnet)", 7.30},                           /* 23 */
    {"aws_vpc_endpoint.two", "Endpoint (Interface, per subnet)", 14.60},                          /* 23 */
    {"aws_vpc_endpoint.one", "Data processed", 10.00},                                            /* 23 */
    {"aws_lambda_function.api", "Requests", 0.02},                                                /* 24 */
    {"aws_lambda_function.api", "Duration", 0.07},                                                /* 24 */
    {"aws_s3_bucket.data", "Standard storage", 230.00},                                           /* 25 */
    {"aws_eip.nat", "Public IPv4 address", 3.65},                                                 /* 26 */
    {"aws_secretsmanager_secret.db", "Secret", 0.40},                                             /* 26 */
    {"aws_kms_key.main", "Customer managed key", 1.00},                                           /* 26 */
    {"aws_route53_zone.main", "Hosted zone", 0.50},                                               /* 26 */
    {"aws_db_instance.micro", "Database instance (Single-AZ, on-demand, db.t3.micro)", 12.41},    /* 27 */
    /* §1 rows beyond the numbered figures */
    {"aws_instance.windows", "Instance usage (Windows, on-demand, t3.medium)", 43.80},
    {"aws_instance.dedicated", "Instance usage (Linux, on-demand, m3.medium)", 54.02},
    {"aws_instance.monitored", "EC2 detailed monitoring", 2.10},
    {"aws_elb.classic", "Classic load balancer", 18.25},
    {"aws_rds_cluster_instance.aurora", "Database instance (on-demand, db.t3.large)", 119.72},
    {"aws_db_instance.oracle", "Database instance (Single-AZ, on-demand, db.t3.large)", 219.00},
    {"aws_db_instance.sqlserver_web", "Database instance (Single-AZ, on-demand, db.t3.large)", 169.36},
    {"aws_db_instance.sqlserver_ex", "Database instance (Single-AZ, on-demand, db.t3.large)", 118.26},
    {"aws_cloudwatch_metric_alarm.cpu", "Alarm metrics (standard resolution)", 0.10},
    {"aws_cloudwatch_metric_alarm.fast", "Alarm metrics (high resolution)", 0.30},
    {"aws_elasticache_replication_group.valkey", "ElastiCache (Valkey, on-demand, cache.t3.micro)", 19.86},
    {"aws_ebs_volume.standard", "I/O requests (magnetic)", 0.05},
    {"aws_db_instance.backups", "Additional backup storage", 9.50},
    {"aws_db_instance.magnetic", "Storage (standard, Single-AZ)", 10.00},
    {"aws_db_instance.magnetic", "I/O requests (magnetic)", 0.10},
    {"aws_rds_cluster.aurora", "Storage (Aurora PostgreSQL)", 10.00},
    {"aws_rds_cluster.aurora", "I/O requests", 10.51},
    {"aws_rds_cluster.aurora", "Backup storage", 12.60},
    {"aws_efs_file_system.provisioned", "Provisioned throughput", 60.00},
    {"aws_lambda_function.arm", "Requests", 0.20},
    {"aws_lambda_function.arm", "Duration", 1.33},
    {"aws_lambda_function.arm", "Ephemeral storage", 0.03},
    {"aws_s3_bucket.data", "PUT, COPY, POST, LIST requests", 0.50},
    {"aws_s3_bucket.data", "GET, SELECT and other requests", 0.40},
    {"aws_s3_bucket.archive", "Standard-IA storage", 1.25},
    {"aws_s3_bucket.archive", "One Zone-IA storage", 1.00},
    {"aws_s3_bucket.archive", "Glacier Flexible Retrieval storage", 3.60},
    {"aws_s3_bucket.archive", "Glacier Deep Archive storage", 0.99},
    {"aws_cloudwatch_log_group.app", "Data ingested", 5.00},
    {"aws_cloudwatch_log_group.app", "Archival storage", 3.00},
    {"aws_cloudwatch_log_group.app", "Insights queries data scanned", 0.10},
    {"aws_secretsmanager_secret.db", "API requests", 0.50},
    {"aws_kms_key.main", "Requests", 0.30},
    {"aws_dynamodb_table.provisioned", "Write capacity units", 2.37},
    {"aws_dynamodb_table.provisioned", "Read capacity units", 0.95},
    /* AWS's prices since 2024-11-01: $0.625 / $0.125 per million (the
     * infracost golden's $1.25 / $0.25 predate the cut) */
    {"aws_dynamodb_table.on_demand", "Write request units", 0.63},
    {"aws_dynamodb_table.on_demand", "Read request units", 0.50},
    {"aws_dynamodb_table.on_demand", "Data storage", 2.50},
    {"aws_dynamodb_table.pitr", "Point-in-time recovery backup storage", 20.00},
};

Test(cost_golden, reference_figures_to_the_cent)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_file(&f, "fixtures/plans/cost-golden.json");
    with_usage(&f, "fixtures/usage/cost-golden.json");
    run(&f);
    for (size_t i = 0; i < sizeof goldens / sizeof goldens[0]; i++) {
        const cost_resource *c = res(&f, goldens[i].address);
        const cost_component *k = comp(&c->after, goldens[i].component);
        cr_expect(k->priced, "%s: %s not priced: %s", goldens[i].address, goldens[i].component,
                  k->note ? k->note : "");
        EXPECT_CENTS(k->monthly, goldens[i].monthly, "%s: %s = %.4f, want %.2f", goldens[i].address,
                     goldens[i].component, k->monthly, goldens[i].monthly);
        cr_expect_not_null(k->sku);
        cr_expect_not_null(k->publication_date);
    }
    cr_expect_eq(f.rep->counts.not_priced, 0, "the golden plan prices completely");
    close_all(&f);
}

Test(cost_golden, yaml_usage_gives_the_same_figures)
{
    fixture f = {0};
    open_cache(&f);
    add_plan_file(&f, "fixtures/plans/cost-golden.json");
    with_usage(&f, "fixtures/usage/cost-golden.yml");
    run(&f);
    EXPECT_CENTS(comp(&res(&f, "aws_nat_gateway.main")->after, "Data processed")->monthly, 4.50, "comp(&res(&f, \"aws_nat_gateway.main\")->after, \"Data processed\")->monthly");
    EXPECT_CENTS(comp(&res(&f, "aws_lambda_function.api")->after, "Duration")->monthly, 0.07, "comp(&res(&f, \"aws_lambda_function.api\")->after, \"Duration\")->monthly");
    EXPECT_CENTS(comp(&res(&f, "aws_s3_bucket.data")->after, "Standard storage")->monthly, 230.00, "comp(&res(&f, \"aws_s3_bucket.data\")->after, \"Standard storage\")->monthly");
    EXPECT_CENTS(res(&f, "aws_instance.windows")->after.components[0].monthly, 43.80, "res(&f, \"aws_instance.windows\")->after.components[0].monthly");
    close_all(&f);
}
