/*
 * render.c — the `circuit check` table and the circuit.check/v1 JSON
 * (written with the JSON writer, core/jsonw.h: indented, a finding a line).
 *
 * Both print only what the report holds: rule text, addresses, attribute
 * paths and messages that were built without values.  Column widths come
 * from the content so the table lines up without truncating anything.
 */
#include "risk_render.h"

#include "../core/jsonw.h"
#include "../plan/plan_render.h"

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

/* "source": {"file", "line", "column"} or {"file": null, "note"}; nothing
 * when the report was not located. */
static void json_source(jw *w, bool located, const plan_srcloc *src)
{
    if (!located)
        return;
    jw_kobject(w, "source", JW_SAME);
    jw_kstr(w, "file", src->file);
    if (src->file) {
        jw_kint(w, "line", src->line);
        jw_kint(w, "column", src->column);
    } else {
        jw_kstr(w, "note", src->note);
    }
    jw_end_object(w);
}

static void json_findings(jw *w, const risk_report *rep)
{
    jw_karray(w, "findings", JW_BLOCK);
    for (size_t i = 0; i < rep->nfindings; i++) {
        const risk_finding *f = &rep->findings[i];
        const risk_rule_info *r = f->rule;
        jw_object(w, JW_LINE);
        jw_kstr(w, "rule", r->id);
        jw_kstr(w, "area", r->area);
        jw_kstr(w, "severity", risk_severity_name(r->severity));
        jw_kstr(w, "title", r->title);
        jw_kstr(w, "address", f->address);
        jw_kstr(w, "attribute", f->attribute);
        jw_kstr(w, "message", f->message);
        jw_kstr(w, "remediation", r->remediation);
        jw_kstr(w, "checkov", r->checkov);
        jw_kstr(w, "trivy", r->trivy);
        jw_kstr(w, "plan", f->plan_name);
        if (f->unchanged)   /* only with --scope all; absent means changed */
            jw_kbool(w, "unchanged", true);
        json_source(w, f->located, &f->src);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void json_suppressed(jw *w, const risk_report *rep)
{
    jw_karray(w, "suppressed", JW_BLOCK);
    for (size_t i = 0; i < rep->nsuppressed; i++) {
        const risk_suppression *s = &rep->suppressed[i];
        jw_object(w, JW_LINE);
        jw_kstr(w, "rule", s->rule->id);
        jw_kstr(w, "severity", risk_severity_name(s->rule->severity));
        jw_kstr(w, "address", s->address);
        jw_kstr(w, "attribute", s->attribute);
        jw_kstr(w, "message", s->message);
        jw_kstr(w, "how", s->how);
        jw_kstr(w, "plan", s->plan_name);
        json_source(w, s->located, &s->src);
        jw_end_object(w);
    }
    jw_end_array(w);
}

void risk_render_json(const risk_report *rep, plan *const *plans, size_t nplans, sbuf *out)
{
    size_t by[5] = {0};
    for (size_t i = 0; i < rep->nfindings; i++)
        by[rep->findings[i].rule->severity]++;
    jw w;
    jw_begin_document(&w, out, JW_BLOCK, "circuit.check/v1");
    jw_karray(&w, "plans", JW_LINE);
    for (size_t i = 0; i < nplans; i++)
        jw_str(&w, plans[i]->name);
    jw_end_array(&w);
    json_findings(&w, rep);
    json_suppressed(&w, rep);
    jw_kobject(&w, "counts", JW_LINE);
    jw_kuint(&w, "critical", by[RISK_CRITICAL]);
    jw_kuint(&w, "high", by[RISK_HIGH]);
    jw_kuint(&w, "medium", by[RISK_MEDIUM]);
    jw_kuint(&w, "low", by[RISK_LOW]);
    jw_kuint(&w, "info", by[RISK_INFO]);
    jw_kuint(&w, "total", rep->nfindings);
    jw_kuint(&w, "suppressed", rep->nsuppressed);
    jw_end_object(&w);
    plan_not_reviewed_json(&w, plans, nplans);
    jw_end_document(&w);
}
