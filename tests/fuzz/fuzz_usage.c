/*
 * fuzz_usage.c — the usage file, JSON and the YAML subset (cost_usage.c,
 * cost_yaml.c), and the cost models reading its figures.
 *
 * Input: the bytes of a usage file (the seeds hold both syntaxes).  A file
 * that loads prices two fixture plans whose resources read usage keys
 * (direct addresses, [*] wildcards and type defaults), and the cost
 * documents are checked; one that does not must fail with a proper error.
 */
#include "fuzz_common.h"

#include "src/cost/cost.h"
#include "src/cost/cost_render.h"

static const char *const plans[] = {"plans/cost-golden.json", "plans/cost-eu-serverless.json",
                                    "plans/cost-eu-containers.json"};
#define NPLANS (sizeof plans / sizeof plans[0])

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_setup();
    for (size_t i = 0; i < NPLANS; i++)
        fz_fixture_plan(plans[i]);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fz_write_file("usage.yml", data, size);
    cost_usage *u = NULL;
    cir_err err;
    cir_err_clear(&err);
    cir_code rc = cost_usage_load(path, &u, &err);
    fz_check_error("usage file", &err, rc);
    if (rc != CIR_OK)
        return 0;
    plan *ps[NPLANS];
    for (size_t i = 0; i < NPLANS; i++)
        ps[i] = fz_fixture_plan(plans[i]);
    cost_opts co = {.usage = u};
    cost_report *rep = NULL;
    rc = cost_estimate(ps, NPLANS, fz_cache(), &co, &rep, &err);
    fz_check_error("cost estimate with usage", &err, rc);
    if (rc == CIR_OK) {
        const price_offer_info *used = NULL;
        size_t nused = price_cache_used(fz_cache(), &used);
        cost_render_opts ro = {.schema = "circuit.cost/v1", .prices = used, .nprices = nused};
        sbuf doc = SBUF_INIT;
        cost_render_json(rep, &ro, &doc);
        fz_check_doc("cost json", FZ_JSON, &doc);
        sbuf_reset(&doc);
        cost_render_markdown(rep, &ro, &doc);
        fz_check_doc("cost markdown", FZ_MARKDOWN, &doc);
        sbuf_free(&doc);
    }
    cost_report_free(rep);
    cost_usage_free(u);
    fz_cache_done();
    return 0;
}
