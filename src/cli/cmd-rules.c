/*
 * cmd-rules.c — `circuit rules`: every risk rule, built-in and from
 * --rules FILE, as a table (id, area, severity, resource types, what it
 * checks), as Markdown (docs/rules.md, with peer ids and how a
 * missing attribute counts), or as circuit.rules/v1 JSON — the same format
 * a rules file uses, so the listing is a starting point for one.
 */
#include "cli.h"

#include "../core/jsonw.h"
#include "../core/mem.h"
#include "../core/out.h"
#include "../core/sbuf.h"
#include "../risk/risk.h"

#include <stdlib.h>
#include <string.h>

/* "a,b,c,d" -> "a, b +2 more" when long (table only). */
static char *short_types(const char *types)
{
    size_t n = 1;
    for (const char *p = types; *p; p++)
        n += *p == ',';
    if (n <= 2) {
        sbuf b = SBUF_INIT;
        for (const char *p = types; *p; p++)
            sbuf_puts(&b, *p == ',' ? ", " : (char[]){*p, 0});
        return sbuf_detach(&b);
    }
    const char *comma = strchr(types, ',');
    return xasprintf("%.*s +%zu more", (int)(comma - types), types, n - 1);
}

static void render_table(const risk_ruleset *rs, bool with_source, sbuf *out)
{
    const risk_rule_info **rules;
    size_t n = risk_ruleset_rules(rs, &rules);
    size_t wid = 2, warea = 4, wtype = 8;
    char **types = xcalloc(n ? n : 1, sizeof *types);
    for (size_t i = 0; i < n; i++) {
        types[i] = short_types(rules[i]->resource_type);
        wid = strlen(rules[i]->id) > wid ? strlen(rules[i]->id) : wid;
        warea = strlen(rules[i]->area) > warea ? strlen(rules[i]->area) : warea;
        wtype = strlen(types[i]) > wtype ? strlen(types[i]) : wtype;
    }
    sbuf_printf(out, "%-*s  %-*s  %-8s  %-*s  %s%s\n", (int)wid, "ID", (int)warea, "AREA", "SEVERITY", (int)wtype,
                "RESOURCE", "CHECKS", with_source ? "  [SOURCE]" : "");
    for (size_t i = 0; i < n; i++) {
        sbuf_printf(out, "%-*s  %-*s  %-8s  %-*s  %s", (int)wid, rules[i]->id, (int)warea, rules[i]->area,
                    risk_severity_name(rules[i]->severity), (int)wtype, types[i], rules[i]->title);
        if (with_source)
            sbuf_printf(out, "  [%s]", risk_ruleset_rule_origin(rs, i));
        sbuf_putc(out, '\n');
        free(types[i]);
    }
    free(types);
    sbuf_printf(out, "\n%zu rules.\n", n);
}

static void md_types(sbuf *out, const char *types)
{
    for (const char *p = types; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        sbuf_printf(out, "%s`%.*s`", p == types ? "" : ", ", (int)len, p);
        p += len + (comma ? 1 : 0);
    }
}

static void render_markdown(const risk_ruleset *rs, sbuf *out)
{
    const risk_rule_info **rules;
    size_t n = risk_ruleset_rules(rs, &rules);
    sbuf_puts(out, "| id | area | severity | resource | what it checks | checkov | Trivy | missing attribute |\n"
                   "|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < n; i++) {
        const risk_rule_info *r = rules[i];
        sbuf_printf(out, "| %s | %s | %s | ", r->id, r->area, risk_severity_name(r->severity));
        md_types(out, r->resource_type);
        sbuf_puts(out, " | ");
        sbuf_md_cell(out, r->title);
        sbuf_puts(out, " | ");
        sbuf_md_cell(out, r->checkov ? r->checkov : "—");
        sbuf_puts(out, " | ");
        sbuf_md_cell(out, r->trivy ? r->trivy : "—");
        sbuf_puts(out, " | ");
        char *missing = risk_ruleset_rule_missing(rs, i);
        sbuf_md_cell(out, missing);
        free(missing);
        sbuf_puts(out, " |\n");
    }
}

static void render_json(const risk_ruleset *rs, sbuf *out)
{
    const risk_rule_info **rules;
    size_t n = risk_ruleset_rules(rs, &rules);
    jw w;
    jw_begin_document(&w, out, JW_BLOCK, "circuit.rules/v1");
    jw_karray(&w, "rules", JW_BLOCK);
    for (size_t i = 0; i < n; i++) {
        /* The definition as the rules file holds it, one line a rule. */
        json_t *def = risk_ruleset_rule_json(rs, i);
        char *text = json_dumps(def, JSON_INDENT(0) | JSON_PRESERVE_ORDER);
        jw_raw(&w, text);
        free(text);
        json_decref(def);
    }
    jw_end_array(&w);
    jw_end_document(&w);
}

static int rules_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    risk_ruleset *rs;
    if (risk_ruleset_load(o->rules_file, &rs, err))
        return CIR_EXIT_ERROR;
    sbuf doc = SBUF_INIT;
    if (strcmp(o->format, "json") == 0)
        render_json(rs, &doc);
    else if (strcmp(o->format, "markdown") == 0)
        render_markdown(rs, &doc);
    else
        render_table(rs, o->rules_file != NULL, &doc);
    risk_ruleset_free(rs);
    cir_code rc = out_emit(o->output, &doc, err);
    sbuf_free(&doc);
    return rc ? CIR_EXIT_ERROR : CIR_EXIT_OK;
}

const cmd_entry cmd_rules_entry = {
    .name = "rules",
    .summary = "list the risk rules: id, area, severity, resource type, what each checks",
    .help = "Lists every built-in rule and, with --rules FILE, the rules that file adds or\n"
            "changes (marked in a SOURCE column).  --format markdown adds the checkov and\n"
            "Trivy ids and how a missing attribute counts; --format json writes each rule's\n"
            "full definition as circuit.rules/v1, the format --rules FILE reads.",
    .options = OPT_FORMAT | OPT_OUTPUT | OPT_RULES | OPT_QUIET | OPT_OFFLINE,
    .noeffect = OPT_NO_COLOR | OPT_REGION | OPT_USAGE | OPT_CACHE,
    .formats = "table,json,markdown",
    .min_args = 0,
    .max_args = 0,
    .exec = rules_exec,
};
