/*
 * test_cost_refs.c — references followed between resources in real plans
 * (tests/scenarios/cost-count-index-refs): x[count.index] and x[each.key]
 * name the instance with the referring one's own key, and an unwritten
 * attribute the plan calls unknown is not a reference at all; a read
 * replica's engine and storage are its source's (stack-rds-postgres,
 * stack-multi-region-dr).
 */
#include "src/cost/cost.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct priced {
    char cache_path[64];
    price_cache *cache;
    plan *plan;
    cost_report *rep;
} priced;

static void price_file(priced *f, const char *path)
{
    snprintf(f->cache_path, sizeof f->cache_path, "/tmp/circuit-refs-XXXXXX");
    int fd = mkstemp(f->cache_path);
    cr_assert_geq(fd, 0);
    close(fd);
    unlink(f->cache_path);
    price_open_opts o = {.path = f->cache_path};
    cir_err err;
    cir_err_clear(&err);
    cir_warn_quiet(1);
    cr_assert_eq(price_cache_open(&o, &f->cache, &err), CIR_OK, "cache: %s", err.msg);
    plan_load_opts po = {.quiet = true};
    cr_assert_eq(plan_load(path, &po, &f->plan, &err), CIR_OK, "plan: %s", err.msg);
    cr_assert_eq(cost_estimate(&f->plan, 1, f->cache, NULL, &f->rep, &err), CIR_OK, "estimate: %s", err.msg);
}

static void done(priced *f)
{
    cost_report_free(f->rep);
    plan_free(f->plan);
    price_cache_close(f->cache);
    unlink(f->cache_path);
}

static const cost_resource *res(const priced *f, const char *address)
{
    for (size_t i = 0; i < f->rep->nresources; i++)
        if (strcmp(f->rep->resources[i].res->address, address) == 0)
            return &f->rep->resources[i];
    cr_assert_fail("no resource %s", address);
    return NULL;
}

/* True when a component of the after side is named `name`. */
static bool has_comp(const cost_resource *c, const char *name)
{
    for (size_t i = 0; i < c->after.ncomponents; i++)
        if (strcmp(c->after.components[i].name, name) == 0)
            return true;
    return false;
}

Test(cost_refs, count_index_picks_the_same_instance)
{
    priced f = {0};
    price_file(&f, "fixtures/scenarios/cost-count-index-refs.json");
    cr_expect(has_comp(res(&f, "aws_autoscaling_group.by_count[0]"),
                       "launch configuration: Instance usage (Linux, on-demand, t3.small)"));
    cr_expect(has_comp(res(&f, "aws_autoscaling_group.by_count[1]"),
                       "launch configuration: Instance usage (Linux, on-demand, m5.large)"),
              "by_count[1] uses tier[1], not the first instance");
    done(&f);
}

Test(cost_refs, each_key_picks_the_same_instance)
{
    priced f = {0};
    price_file(&f, "fixtures/scenarios/cost-count-index-refs.json");
    const cost_resource *w = res(&f, "aws_ecs_service.svc[\"worker\"]");
    cr_assert_eq(w->status, COST_PRICED);
    /* the worker task definition: 1 vCPU, 2 GB, one task */
    cr_expect_eq(w->after.components[0].quantity, 730.0);
    cr_expect_eq(w->after.components[1].quantity, 2 * 730.0);
    const cost_resource *a = res(&f, "aws_ecs_service.svc[\"api\"]");
    cr_expect_eq(a->after.components[0].quantity, 2 * 0.25 * 730.0);
    done(&f);
}

Test(cost_refs, unwritten_unknown_attribute_is_not_a_reference)
{
    priced f = {0};
    price_file(&f, "fixtures/scenarios/cost-count-index-refs.json");
    /* launch_template is unknown on an ASG that uses a launch configuration */
    const cost_resource *c = res(&f, "aws_autoscaling_group.by_count[0]");
    for (size_t i = 0; i < c->after.ncomponents; i++)
        cr_expect(strncmp(c->after.components[i].name, "launch template", 15) != 0, "%s",
                  c->after.components[i].name);
    cr_expect_eq(c->status, COST_PRICED);
    done(&f);
}

/* A replica that does not write engine or allocated_storage: real plans
 * call both known after apply; AWS copies them from the source. */
Test(cost_refs, read_replica_takes_engine_and_storage_from_its_source)
{
    priced f = {0};
    price_file(&f, "fixtures/scenarios/stack-rds-postgres.json");
    const cost_resource *r = res(&f, "aws_db_instance.orders_replica");
    cr_expect_eq(r->status, COST_PRICED, "engine and storage by identifier");
    cr_expect(has_comp(r, "Database instance (Single-AZ, on-demand, db.r6g.large)"));
    cr_expect(has_comp(r, "Storage (gp3, Single-AZ)"));
    for (size_t i = 0; i < r->after.ncomponents; i++)
        if (strncmp(r->after.components[i].name, "Storage", 7) == 0)
            cr_expect_eq(r->after.components[i].quantity, 200.0, "the source's 200 GB");
    done(&f);
    price_file(&f, "fixtures/scenarios/stack-multi-region-dr.json");
    r = res(&f, "aws_db_instance.billing_dr");
    cr_expect_eq(r->status, COST_PRICED, "a cross-region replica by ARN");
    cr_expect(has_comp(r, "Database instance (Single-AZ, on-demand, db.m6g.large)"));
    done(&f);
}
