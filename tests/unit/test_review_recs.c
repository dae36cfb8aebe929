/*
 * test_review_recs.c — priced recommendations, through the real plan
 * reader, cost models and the bundled price snapshot: a saving is claimed
 * only when both the current and the recommended configuration priced.
 */
#include "src/cost/cost.h"
#include "src/plan/plan.h"
#include "src/review/review.h"
#include "src/review/review_int.h"
#include "review_testlib.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct recs_run {
    char path[64];
    price_cache *cache;
    plan *p;
    cost_report *cost;
    review *rv;
} recs_run;

static void run(recs_run *r, const char *resources)
{
    memset(r, 0, sizeof *r);
    snprintf(r->path, sizeof r->path, "/tmp/circuit-review-XXXXXX");
    int fd = mkstemp(r->path);
    cr_assert_geq(fd, 0);
    close(fd);
    unlink(r->path);
    cir_err err;
    cir_err_clear(&err);
    price_open_opts po = {.path = r->path};
    cr_assert_eq(price_cache_open(&po, &r->cache, &err), CIR_OK, "%s", err.msg);
    char *doc = NULL;
    cr_assert_geq(asprintf(&doc, "{\"format_version\":\"1.2\",\"resource_changes\":[%s],"
                                 "\"configuration\":{\"provider_config\":{\"aws\":{\"name\":\"aws\","
                                 "\"expressions\":{\"region\":{\"constant_value\":\"us-east-1\"}}}}}}",
                           resources), 0);
    plan_load_opts lo = {.quiet = true};
    cr_assert_eq(plan_load_buffer("t.json", doc, strlen(doc), &lo, &r->p, &err), CIR_OK, "%s", err.msg);
    free(doc);
    plan *plans[1] = {r->p};
    cr_assert_eq(cost_estimate(plans, 1, r->cache, NULL, &r->cost, &err), CIR_OK, "%s", err.msg);
    review_opts ro = {.cost_threshold = 500, .cache = r->cache, .region = "us-east-1"};
    cr_assert_eq(review_build(plans, 1, r->cost, NULL, &ro, &r->rv, &err), CIR_OK, "%s", err.msg);
    tl_review_plain(r->rv);
}

static void done(recs_run *r)
{
    review_free(r->rv);
    cost_report_free(r->cost);
    plan_free(r->p);
    price_cache_close(r->cache);
    char side[80];
    unlink(r->path);
    snprintf(side, sizeof side, "%s-wal", r->path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", r->path);
    unlink(side);
}

#define INSTANCE(name, type) \
    "{\"address\":\"aws_instance." name "\",\"mode\":\"managed\",\"type\":\"aws_instance\",\"name\":\"" name "\"," \
    "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"]," \
    "\"before\":null,\"after\":{\"instance_type\":\"" type "\"},\"after_unknown\":{}}}"

static const review_rec *find_rec(const review *rv, const char *needle)
{
    for (size_t i = 0; i < rv->nrecs; i++)
        if (strstr(rv->recs[i].text, needle))
            return &rv->recs[i];
    return NULL;
}

Test(review_recs, previous_generation_saving_is_priced)
{
    recs_run r;
    run(&r, INSTANCE("a", "t2.micro") "," INSTANCE("b", "t2.micro"));
    const review_rec *rec = find_rec(r.rv, "t3.micro instead of previous-generation t2.micro");
    cr_assert(rec, "no recommendation; first: %s", r.rv->recs[0].text);
    cr_assert(rec->has_saving);
    /* (0.0116 - 0.0104) * 730 = $0.876 per instance, two instances */
    cr_assert_float_eq(rec->monthly_saving, 1.75, 1e-9);
    cr_assert(strstr(rec->text, "(aws_instance.a, aws_instance.b): saves $1.75/month"), "%s", rec->text);
    done(&r);
}

Test(review_recs, no_saving_claimed_when_the_new_size_has_no_price)
{
    /* m3.medium -> m5.medium: the snapshot has no m5.medium price. */
    recs_run r;
    run(&r, INSTANCE("old", "m3.medium"));
    cr_assert_null(find_rec(r.rv, "m5.medium"));
    cr_assert_eq(r.rv->nrecs, 1);
    cr_assert_str_eq(r.rv->recs[0].text, "No changes recommended");
    cr_assert_not(r.rv->items[REVIEW_RESOURCE_LIMITS].yes, "previous generation still needs adjustment");
    done(&r);
}

Test(review_recs, gp2_volume_moves_to_gp3)
{
    recs_run r;
    run(&r, "{\"address\":\"aws_ebs_volume.v\",\"mode\":\"managed\",\"type\":\"aws_ebs_volume\",\"name\":\"v\","
            "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"],"
            "\"before\":null,\"after\":{\"type\":\"gp2\",\"size\":100,\"availability_zone\":\"us-east-1a\"},"
            "\"after_unknown\":{}}}");
    const review_rec *rec = find_rec(r.rv, "gp2 volumes to gp3");
    cr_assert(rec);
    /* 100 GB: gp2 $0.10 vs gp3 $0.08 per GB-month, baseline IOPS and throughput included */
    cr_assert_float_eq(rec->monthly_saving, 2.00, 1e-9);
    done(&r);
}

Test(review_recs, no_cache_no_saving)
{
    plan_load_opts lo = {.quiet = true};
    const char *doc = "{\"format_version\":\"1.2\",\"resource_changes\":[" INSTANCE("a", "t2.micro") "]}";
    plan *p;
    cir_err err;
    cr_assert_eq(plan_load_buffer("t.json", doc, strlen(doc), &lo, &p, &err), CIR_OK);
    plan *plans[1] = {p};
    review *rv;
    review_opts ro = {.cost_threshold = 500};
    cr_assert_eq(review_build(plans, 1, NULL, NULL, &ro, &rv, &err), CIR_OK);
    cr_assert_null(find_rec(rv, "t3.micro"));
    cr_assert_str_eq(rv->cost_impact, "not estimated");
    review_free(rv);
    plan_free(p);
}
