/*
 * fuzz_plan.c — the plan reader, and behind it everything a plan reaches:
 * the cost estimate, the risk rules, the review, and every renderer of
 * `changes`, `cost`, `check` and `review`.
 *
 * Input: the bytes of a plan file, as `circuit review FILE` would read
 * them.  A plan that loads goes through the whole pipeline and each
 * document is checked (fuzz_common.h); one that does not must fail with a
 * proper one-line error.
 */
#include "fuzz_common.h"

#include "src/cost/cost.h"
#include "src/cost/cost_render.h"
#include "src/plan/plan_render.h"
#include "src/review/review.h"
#include "src/risk/risk.h"
#include "src/risk/risk_render.h"

#include <stdlib.h>

static risk_ruleset *rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_setup();
    cir_err err;
    if (risk_ruleset_load(NULL, &rules, &err) != CIR_OK)
        fz_fail("built-in rules", "%s", err.msg);
    return 0;
}

static void render(const char *what, fz_kind kind, sbuf *doc)
{
    fz_check_doc(what, kind, doc);
    sbuf_reset(doc);
}

static void changes(const plan *p, sbuf *doc)
{
    plan_render_json(p, doc);
    render("changes json", FZ_JSON, doc);
    plan_render_markdown(p, doc);
    render("changes markdown", FZ_MARKDOWN, doc);
    plan_render_table(p, doc, false);
    render("changes table", FZ_TEXT, doc);
}

static void cost(const cost_report *rep, sbuf *doc)
{
    const price_offer_info *used = NULL;
    size_t nused = price_cache_used(fz_cache(), &used);
    cost_render_opts ro = {.schema = "circuit.cost/v1", .prices = used, .nprices = nused};
    cost_render_json(rep, &ro, doc);
    render("cost json", FZ_JSON, doc);
    cost_render_markdown(rep, &ro, doc);
    render("cost markdown", FZ_MARKDOWN, doc);
    cost_render_table(rep, &ro, doc);
    render("cost table", FZ_TEXT, doc);
    ro.all_resources = true;
    cost_render_markdown(rep, &ro, doc);
    render("cost markdown (all resources)", FZ_MARKDOWN, doc);
}

static void check(const risk_report *risk, plan *p, sbuf *doc)
{
    plan *plans[1] = {p};
    const char *paths[1] = {"plan.json"};
    risk_render_json(risk, plans, 1, doc);
    render("check json", FZ_JSON, doc);
    risk_render_sarif(risk, plans, paths, NULL, 1, "fuzz", doc);
    render("check sarif", FZ_SARIF, doc);
    risk_render_table(risk, 1, false, doc);
    render("check table", FZ_TEXT, doc);
    risk_render_junit(risk, rules, plans, 1, RISK_MEDIUM, doc);
    render("check junit", FZ_XML, doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    plan_load_opts lo = {.quiet = true};
    plan *p = NULL;
    cir_err err;
    cir_err_clear(&err);
    cir_code rc = plan_load_buffer("plan.json", (const char *)data, size, &lo, &p, &err);
    fz_check_error("plan reader", &err, rc);
    if (rc != CIR_OK)
        return 0;
    sbuf doc = SBUF_INIT;
    changes(p, &doc);

    plan *plans[1] = {p};
    cost_report *rep = NULL;
    rc = cost_estimate(plans, 1, fz_cache(), NULL, &rep, &err);
    fz_check_error("cost estimate", &err, rc);
    if (rc == CIR_OK)
        cost(rep, &doc);

    risk_report *risk = NULL;
    rc = risk_check(plans, 1, rules, NULL, &risk, &err);
    fz_check_error("risk check", &err, rc);
    if (rc == CIR_OK)
        check(risk, p, &doc);

    review *rv = NULL;
    review_opts ro = {.cost_threshold = 500, .cache = fz_cache(), .region = NULL};
    rc = review_build(plans, 1, rep, risk, &ro, &rv, &err);
    fz_check_error("review", &err, rc);
    if (rc == CIR_OK) {
        review_render_json(rv, &doc);
        render("review json", FZ_JSON, &doc);
        review_render_markdown(rv, REVIEW_DEFAULT_MAX_LENGTH, &doc);
        render("review markdown", FZ_MARKDOWN, &doc);
        /* the smallest comment size: everything that folds and cuts */
        review_render_markdown(rv, REVIEW_MIN_MAX_LENGTH, &doc);
        size_t chars = 0;
        for (size_t i = 0; i < doc.len; i++)
            chars += ((unsigned char)doc.data[i] & 0xC0) != 0x80;
        if (chars > REVIEW_MIN_MAX_LENGTH)
            fz_fail("review markdown (cut)", "%zu characters, more than the %d asked for", chars,
                    REVIEW_MIN_MAX_LENGTH);
        render("review markdown (cut)", FZ_MARKDOWN, &doc);
    }
    review_free(rv);
    risk_report_free(risk);
    cost_report_free(rep);
    sbuf_free(&doc);
    plan_free(p);
    fz_cache_done();
    return 0;
}
