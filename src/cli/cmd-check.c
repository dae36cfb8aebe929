/*
 * cmd-check.c — `circuit check [PLAN...]`: risk findings only, as a table
 * (default), circuit.check/v1 JSON or SARIF 2.1.0.  The rules and the
 * engine live in src/risk/; this file loads the plans and the rule set,
 * runs the check and hands the report to a renderer.  Findings alone never
 * fail the command: exit 0 unless something went wrong (2).
 */
#include "cli.h"
#include "gates.h"

#include "../core/mem.h"
#include "../core/out.h"
#include "../plan/plan.h"
#include "../plan/plan_render.h"
#include "../plan/plan_source.h"
#include "../risk/risk.h"
#include "../risk/risk_render.h"

#include <stdlib.h>
#include <string.h>

static cir_code load_plans(cli_opts *o, plan ***out, size_t *n, cir_err *err)
{
    size_t count = cli_plan_count(o), stdin_uses = 0;
    plan_load_opts lo = {.region_flag = o->regions.n ? o->regions.items[o->regions.n - 1] : NULL,
                         .quiet = o->quiet, .command = o->command};
    plan **plans = xcalloc(count, sizeof *plans);
    *out = plans;
    *n = 0;
    for (size_t i = 0; i < count; i++)
        if (strcmp(cli_plan_arg(o, i), "-") == 0 && ++stdin_uses > 1)
            return cir_error(err, CIR_EUSAGE, "check", "stdin (-) can be given only once");
    for (size_t i = 0; i < count; i++) {
        if (plan_load(cli_plan_arg(o, i), &lo, &plans[i], err))
            return err->code;
        *n = i + 1;
    }
    return CIR_OK;
}

static int check_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    risk_ruleset *rs = NULL;
    risk_report *rep = NULL;
    plan **plans = NULL;
    size_t nplans = 0;
    plan_srcmap **maps = NULL;
    sbuf doc = SBUF_INIT;
    int rc = CIR_EXIT_ERROR;
    risk_opts ro = {.skip = o->skip.items, .nskip = o->skip.n};
    if (o->scope && !risk_scope_parse(o->scope, &ro.scope)) {
        cir_error(err, CIR_EUSAGE, "--scope", "\"%.64s\" is not a scope: use changed or all", o->scope);
        goto out;
    }
    if (risk_ruleset_load(o->rules_file, &rs, err) || load_plans(o, &plans, &nplans, err))
        goto out;
    if (risk_check(plans, nplans, rs, &ro, &rep, err))
        goto out;
    if (cli_source_maps(o, plans, nplans, strcmp(o->format, "sarif") == 0, &maps, err))
        goto out;
    risk_report_locate(rep, plans, maps, nplans);
    cli_gate_run gates;
    if (cli_gates_prepare(o, plans, nplans, NULL, rep, &gates, err))
        goto out;
    if (strcmp(o->format, "json") == 0) {
        risk_render_json(rep, plans, nplans, &doc);
    } else if (strcmp(o->format, "sarif") == 0) {
        const char **paths = xcalloc(nplans, sizeof *paths);
        char **uris = xcalloc(nplans, sizeof *uris);
        for (size_t i = 0; i < nplans; i++) {
            paths[i] = cli_plan_arg(o, i);
            uris[i] = maps && maps[i] ? plan_srcmap_relative(maps[i], paths[i]) : plan_path_relative(paths[i]);
        }
        risk_render_sarif(rep, plans, paths, (const char *const *)uris, nplans, cli_version, &doc);
        for (size_t i = 0; i < nplans; i++)
            free(uris[i]);
        free(uris);
        free(paths);
    } else if (strcmp(o->format, "junit") == 0) {
        risk_severity threshold = RISK_INFO;
        if (o->fail_on_severity)
            risk_severity_parse(o->fail_on_severity, &threshold);
        risk_render_junit(rep, rs, plans, nplans, threshold, &doc);
    } else {
        risk_render_table(rep, nplans, !o->output && out_color(o->no_color), &doc);
    }
    plan_not_reviewed_append(plans, nplans, o->format, &doc);
    if (out_emit(o->output, &doc, err) == CIR_OK)
        rc = cli_gates_finish(&gates, err);
    cli_gates_discard(&gates);
out:
    sbuf_free(&doc);
    risk_report_free(rep);
    cli_source_maps_free(maps, nplans);
    for (size_t i = 0; i < nplans; i++)
        plan_free(plans[i]);
    free(plans);
    risk_ruleset_free(rs);
    return rc;
}

const cmd_entry cmd_check_entry = {
    .name = "check",
    .args_usage = "[PLAN...]",
    .summary = "risk findings for one or more plans (table, JSON, SARIF or JUnit)",
    .help = "Runs every risk rule (see 'circuit rules') over the plans: configuration\n"
            "rules on what the plan creates, updates or replaces, plan-level rules on the\n"
            "actions themselves (deletes of data, destroy-before-create, IAM and security\n"
            "group changes, errored plans, drift).  `-` or no argument reads stdin.\n"
            "--scope all runs the configuration rules on every resource in the planned\n"
            "state, unchanged ones too (as checkov does); the default, changed, looks\n"
            "only at what the plan creates, updates, replaces or imports.\n"
            "--rules FILE adds or overrides rules (JSON, circuit.rules/v1); --skip ID and\n"
            "a resource tag circuit:skip = \"ID,ID\" suppress findings, which are still\n"
            "listed as suppressed.  --format json writes circuit.check/v1; --format sarif\n"
            "writes SARIF 2.1.0 for GitHub code scanning, pointing at the .tf blocks\n"
            "(--source-dir DIR, default the plan's folder when it holds .tf files);\n"
            "--format junit writes JUnit XML, one testcase per rule and resource, findings\n"
            "at or above --fail-on-severity (any, without it) failing, suppressed ones\n"
            "skipped.  Findings never print a secret or sensitive value.  Exit 0 with or\n"
            "without findings (unlike checkov, which exits 1 on any): to fail a CI job on\n"
            "findings add --fail-on-severity, e.g.\n"
            "`circuit check plan.json --fail-on-severity high`.  2 on errors.\n"
            "Gate flags (see 'circuit help review') exit 1 when they fail; the cost gates\n"
            "and --fail-on price the plans (--cache, --usage) only for the gate.",
    .options = OPT_FORMAT | OPT_OUTPUT | OPT_RULES | OPT_SKIP | OPT_SCOPE | OPT_NO_COLOR | OPT_QUIET | OPT_GATES |
               OPT_COST_THRESHOLD | OPT_CACHE | OPT_USAGE | OPT_SOURCE_DIR | OPT_REGION | OPT_OFFLINE,
    .formats = "table,json,sarif,junit",
    .min_args = 0,
    .max_args = -1,
    .exec = check_exec,
};
