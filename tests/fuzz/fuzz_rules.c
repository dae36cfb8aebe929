/*
 * fuzz_rules.c — the rules file (ruleset.c, rules_json.c, cond.c): a team's
 * rules added to or overriding the built-in ones, compiled, run over
 * fixture plans, listed back in the rules-file format, and rendered.
 *
 * Input: the bytes of a rules file.  One that loads is run over plans that
 * reach most rule shapes (security groups, storage, TLS, links); the
 * findings are rendered as JSON and SARIF, and every rule's definition
 * must list back as JSON.  One that does not load must fail with a proper
 * error.
 */
#include "fuzz_common.h"

#include "src/risk/risk.h"
#include "src/risk/risk_render.h"

#include <jansson.h>
#include <stdlib.h>

static const char *const plans[] = {"plans/check-networking.json", "plans/check-storage.json",
                                    "plans/check-tls.json", "plans/check-links.json"};
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
    const char *path = fz_write_file("rules.json", data, size);
    risk_ruleset *rs = NULL;
    cir_err err;
    cir_err_clear(&err);
    cir_code rc = risk_ruleset_load(path, &rs, &err);
    fz_check_error("rules file", &err, rc);
    if (rc != CIR_OK)
        return 0;
    const risk_rule_info **infos;
    size_t n = risk_ruleset_rules(rs, &infos);
    for (size_t i = 0; i < n; i++) {
        json_t *def = risk_ruleset_rule_json(rs, i);
        if (!json_is_object(def))
            fz_fail("rule listing", "rule %zu has no JSON definition", i);
        char *text = json_dumps(def, JSON_COMPACT);
        if (!text)
            fz_fail("rule listing", "rule %zu's definition cannot be written as JSON", i);
        sbuf doc = SBUF_INIT;
        sbuf_puts(&doc, text);
        fz_check_doc("rule listing", FZ_JSON, &doc);
        sbuf_free(&doc);
        free(text);
        json_decref(def);
        free(risk_ruleset_rule_missing(rs, i));
    }
    plan *ps[NPLANS];
    const char *paths[NPLANS];
    for (size_t i = 0; i < NPLANS; i++) {
        ps[i] = fz_fixture_plan(plans[i]);
        paths[i] = plans[i];
    }
    risk_report *rep = NULL;
    rc = risk_check(ps, NPLANS, rs, NULL, &rep, &err);
    fz_check_error("risk check", &err, rc);
    if (rc == CIR_OK) {
        sbuf doc = SBUF_INIT;
        risk_render_json(rep, ps, NPLANS, &doc);
        fz_check_doc("check json", FZ_JSON, &doc);
        sbuf_reset(&doc);
        risk_render_sarif(rep, ps, paths, NULL, NPLANS, "fuzz", &doc);
        fz_check_doc("check sarif", FZ_SARIF, &doc);
        sbuf_reset(&doc);
        risk_render_table(rep, NPLANS, false, &doc);
        fz_check_doc("check table", FZ_TEXT, &doc);
        sbuf_reset(&doc);
        risk_render_junit(rep, rs, ps, NPLANS, RISK_LOW, &doc);
        fz_check_doc("check junit", FZ_XML, &doc);
        sbuf_free(&doc);
    }
    risk_report_free(rep);
    risk_ruleset_free(rs);
    return 0;
}
