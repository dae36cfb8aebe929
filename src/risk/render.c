/*
 * render.c — the `circuit check` table and the circuit.check/v1 JSON.
 *
 * Both print only what the report holds: rule text, addresses, attribute
 * paths and messages that were built without values.  Column widths come
 * from the content so the table lines up without truncating anything.
 */
#include "risk_render.h"

#include <string.h>

static const char *or_dash(const char *s)
{
    return s && *s ? s : "-";
}

static const char *sev_color(risk_severity s)
{
    switch (s) {
    case RISK_CRITICAL: return "\033[1;31m";
    case RISK_HIGH: return "\033[31m";
    case RISK_MEDIUM: return "\033[33m";
    case RISK_LOW: return "\033[36m";
    case RISK_INFO: return "\033[2m";
    }
    return "";
}

static size_t max_len(size_t cur, const char *s)
{
    size_t n = strlen(or_dash(s));
    return n > cur ? n : cur;
}

static void pad(sbuf *b, const char *s, size_t width)
{
    s = or_dash(s);
    sbuf_puts(b, s);
    for (size_t n = strlen(s); n < width + 2; n++)
        sbuf_putc(b, ' ');
}

static void counts_line(const risk_report *rep, sbuf *out)
{
    size_t by[5] = {0};
    for (size_t i = 0; i < rep->nfindings; i++)
        by[rep->findings[i].rule->severity]++;
    if (rep->nfindings == 0) {
        sbuf_puts(out, "No findings");
    } else {
        sbuf_printf(out, "%zu finding%s:", rep->nfindings, rep->nfindings == 1 ? "" : "s");
        bool first = true;
        for (int s = RISK_CRITICAL; s >= RISK_INFO; s--)
            if (by[s]) {
                sbuf_printf(out, "%s %zu %s", first ? "" : ",", by[s], risk_severity_name((risk_severity)s));
                first = false;
            }
    }
    size_t unchanged = risk_report_unchanged(rep);
    if (unchanged)
        sbuf_printf(out, " (%zu on unchanged resources)", unchanged);
    if (rep->nsuppressed)
        sbuf_printf(out, " (%zu suppressed)", rep->nsuppressed);
    sbuf_puts(out, ".\n");
}

void risk_render_table(const risk_report *rep, size_t nplans, bool color, sbuf *out)
{
    bool with_plan = nplans > 1;
    size_t wp = 4, wr = 4, wa = 8, wt = 9;
    for (size_t i = 0; i < rep->nfindings; i++) {
        const risk_finding *f = &rep->findings[i];
        wp = max_len(wp, f->plan_name);
        wr = max_len(wr, f->rule->id);
        wa = max_len(wa, f->address);
        wt = max_len(wt, f->attribute);
    }
    if (rep->nfindings) {
        if (with_plan)
            pad(out, "PLAN", wp);
        pad(out, "SEVERITY", 8);
        pad(out, "RULE", wr);
        pad(out, "RESOURCE", wa);
        pad(out, "ATTRIBUTE", wt);
        sbuf_puts(out, "MESSAGE\n");
    }
    for (size_t i = 0; i < rep->nfindings; i++) {
        const risk_finding *f = &rep->findings[i];
        if (with_plan)
            pad(out, f->plan_name, wp);
        const char *sev = risk_severity_name(f->rule->severity);
        if (color) {
            sbuf_printf(out, "%s%s\033[0m", sev_color(f->rule->severity), sev);
            for (size_t n = strlen(sev); n < 10; n++)
                sbuf_putc(out, ' ');
        } else {
            pad(out, sev, 8);
        }
        pad(out, f->rule->id, wr);
        pad(out, f->address, wa);
        pad(out, f->attribute, wt);
        sbuf_printf(out, "%s\n", f->message);
    }
    if (rep->nsuppressed) {
        sbuf_printf(out, "%sSuppressed:\n", rep->nfindings ? "\n" : "");
        for (size_t i = 0; i < rep->nsuppressed; i++) {
            const risk_suppression *s = &rep->suppressed[i];
            sbuf_printf(out, "  %s %s", s->rule->id, or_dash(s->address));
            if (with_plan)
                sbuf_printf(out, " [%s]", s->plan_name);
            sbuf_printf(out, " (%s): %s\n", s->how, s->message);
        }
    }
    if (rep->nfindings || rep->nsuppressed)
        sbuf_putc(out, '\n');
    counts_line(rep, out);
}

static void json_str_or_null(sbuf *b, const char *s)
{
    if (s)
        sbuf_json_str(b, s);
    else
        sbuf_puts(b, "null");
}

/* , "source": {"file", "line", "column"} or {"file": null, "note"}; nothing
 * when the report was not located. */
static void json_source(sbuf *b, bool located, const plan_srcloc *src)
{
    if (!located)
        return;
    if (src->file) {
        sbuf_puts(b, ", \"source\": {\"file\": ");
        sbuf_json_str(b, src->file);
        sbuf_printf(b, ", \"line\": %d, \"column\": %d}", src->line, src->column);
    } else {
        sbuf_puts(b, ", \"source\": {\"file\": null, \"note\": ");
        json_str_or_null(b, src->note);
        sbuf_puts(b, "}");
    }
}

void risk_render_findings_json(const risk_report *rep, sbuf *out)
{
    sbuf_puts(out, "[");
    for (size_t i = 0; i < rep->nfindings; i++) {
        const risk_finding *f = &rep->findings[i];
        const risk_rule_info *r = f->rule;
        sbuf_puts(out, i ? ",\n    {" : "\n    {");
        sbuf_puts(out, "\"rule\": ");
        sbuf_json_str(out, r->id);
        sbuf_puts(out, ", \"area\": ");
        sbuf_json_str(out, r->area);
        sbuf_puts(out, ", \"severity\": ");
        sbuf_json_str(out, risk_severity_name(r->severity));
        sbuf_puts(out, ", \"title\": ");
        sbuf_json_str(out, r->title);
        sbuf_puts(out, ", \"address\": ");
        json_str_or_null(out, f->address);
        sbuf_puts(out, ", \"attribute\": ");
        json_str_or_null(out, f->attribute);
        sbuf_puts(out, ", \"message\": ");
        sbuf_json_str(out, f->message);
        sbuf_puts(out, ", \"remediation\": ");
        sbuf_json_str(out, r->remediation);
        sbuf_puts(out, ", \"checkov\": ");
        json_str_or_null(out, r->checkov);
        sbuf_puts(out, ", \"trivy\": ");
        json_str_or_null(out, r->trivy);
        sbuf_puts(out, ", \"plan\": ");
        json_str_or_null(out, f->plan_name);
        if (f->unchanged)   /* only with --scope all; absent means changed */
            sbuf_puts(out, ", \"unchanged\": true");
        json_source(out, f->located, &f->src);
        sbuf_puts(out, "}");
    }
    sbuf_puts(out, rep->nfindings ? "\n  ]" : "]");
}

void risk_render_suppressed_json(const risk_report *rep, sbuf *out)
{
    sbuf_puts(out, "[");
    for (size_t i = 0; i < rep->nsuppressed; i++) {
        const risk_suppression *s = &rep->suppressed[i];
        sbuf_puts(out, i ? ",\n    {" : "\n    {");
        sbuf_puts(out, "\"rule\": ");
        sbuf_json_str(out, s->rule->id);
        sbuf_puts(out, ", \"severity\": ");
        sbuf_json_str(out, risk_severity_name(s->rule->severity));
        sbuf_puts(out, ", \"address\": ");
        json_str_or_null(out, s->address);
        sbuf_puts(out, ", \"attribute\": ");
        json_str_or_null(out, s->attribute);
        sbuf_puts(out, ", \"message\": ");
        json_str_or_null(out, s->message);
        sbuf_puts(out, ", \"how\": ");
        sbuf_json_str(out, s->how);
        sbuf_puts(out, ", \"plan\": ");
        json_str_or_null(out, s->plan_name);
        json_source(out, s->located, &s->src);
        sbuf_puts(out, "}");
    }
    sbuf_puts(out, rep->nsuppressed ? "\n  ]" : "]");
}

void risk_render_json(const risk_report *rep, plan *const *plans, size_t nplans, sbuf *out)
{
    size_t by[5] = {0};
    for (size_t i = 0; i < rep->nfindings; i++)
        by[rep->findings[i].rule->severity]++;
    sbuf_puts(out, "{\n  \"schema\": \"circuit.check/v1\",\n  \"plans\": [");
    for (size_t i = 0; i < nplans; i++) {
        if (i)
            sbuf_puts(out, ", ");
        sbuf_json_str(out, plans[i]->name);
    }
    sbuf_puts(out, "],\n  \"findings\": ");
    risk_render_findings_json(rep, out);
    sbuf_puts(out, ",\n  \"suppressed\": ");
    risk_render_suppressed_json(rep, out);
    sbuf_printf(out,
                ",\n  \"counts\": {\"critical\": %zu, \"high\": %zu, \"medium\": %zu, \"low\": %zu, "
                "\"info\": %zu, \"total\": %zu, \"suppressed\": %zu}\n}\n",
                by[RISK_CRITICAL], by[RISK_HIGH], by[RISK_MEDIUM], by[RISK_LOW], by[RISK_INFO], rep->nfindings,
                rep->nsuppressed);
}
