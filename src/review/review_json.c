/*
 * review_json.c — `circuit review --format json`, schema circuit.review/v1
 * (documented in the README).  Written with a small indenting writer over
 * sbuf so money comes out as numbers rounded to cents (jansson would print
 * 16.43 as 16.429999999999999).
 */
#include "review_int.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct jw {
    sbuf *b;
    int depth;
    bool first[64];
} jw;

static void newline(jw *w)
{
    sbuf_putc(w->b, '\n');
    for (int i = 0; i < w->depth; i++)
        sbuf_puts(w->b, "  ");
}

/* Before a value in an array or a key in an object. */
static void next(jw *w)
{
    if (!w->first[w->depth])
        sbuf_putc(w->b, ',');
    w->first[w->depth] = false;
    newline(w);
}

static void open_(jw *w, char c)
{
    sbuf_putc(w->b, c);
    w->depth++;
    w->first[w->depth] = true;
}

static void close_(jw *w, char c)
{
    bool empty = w->first[w->depth];
    w->depth--;
    if (!empty)
        newline(w);
    sbuf_putc(w->b, c);
}

static void key(jw *w, const char *k)
{
    next(w);
    sbuf_json_str(w->b, k);
    sbuf_puts(w->b, ": ");
}

/* A JSON string of model text: the code markers are for Markdown only. */
static void plain_str(sbuf *b, const char *v)
{
    if (!v || !strpbrk(v, RV_CODE RV_END)) {
        sbuf_json_str(b, v);
        return;
    }
    char *plain = malloc(strlen(v) + 1);
    size_t n = 0;
    for (const char *p = v; *p; p++)
        if (*p != RV_CODE[0] && *p != RV_END[0])
            plain[n++] = *p;
    plain[n] = '\0';
    sbuf_json_str(b, plain);
    free(plain);
}

static void kstr(jw *w, const char *k, const char *v)
{
    key(w, k);
    plain_str(w->b, v);
}

static void kmoney(jw *w, const char *k, double v)
{
    key(w, k);
    sbuf_json_money(w->b, v);
}

static void kmoney_or_null(jw *w, const char *k, double v, bool unknown)
{
    key(w, k);
    if (unknown && money_round(v) == 0)
        sbuf_puts(w->b, "null");
    else
        sbuf_json_money(w->b, v);
}

static void kbool(jw *w, const char *k, bool v)
{
    key(w, k);
    sbuf_puts(w->b, v ? "true" : "false");
}

static void kuint(jw *w, const char *k, size_t v)
{
    key(w, k);
    sbuf_printf(w->b, "%zu", v);
}

static void str_array(jw *w, const char *k, const review_list *l)
{
    key(w, k);
    open_(w, '[');
    for (size_t i = 0; i < l->n; i++) {
        next(w);
        plain_str(w->b, l->items[i]);
    }
    close_(w, ']');
}

/* ---- sections ------------------------------------------------------------- */

static void change_entries(jw *w, const char *k, const review_change *c, size_t n, bool multi)
{
    key(w, k);
    open_(w, '[');
    for (size_t i = 0; i < n; i++) {
        const plan_resource *r = c[i].res;
        next(w);
        open_(w, '{');
        kstr(w, "address", r->address);
        if (multi)
            kstr(w, "plan", c[i].plan_name);
        kstr(w, "type", r->type);
        kstr(w, "action", plan_action_name(r->action));
        kbool(w, "replacement", r->action == PLAN_ACT_REPLACE);
        if (r->action == PLAN_ACT_REPLACE)
            kstr(w, "replace_order", plan_replace_order_name(r->replace_order));
        kstr(w, "previous_address", r->previous_address);
        kbool(w, "importing", r->importing);
        kstr(w, "note", c[i].note);
        close_(w, '}');
    }
    close_(w, ']');
}

static void changes(jw *w, const review *rv)
{
    const plan_counts *c = &rv->counts;
    key(w, "changes");
    open_(w, '{');
    kuint(w, "create", c->create);
    kuint(w, "update", c->update);
    kuint(w, "replace", c->replace);
    kuint(w, "delete", c->delete_);
    kuint(w, "read", c->read);
    kuint(w, "no_op", c->no_op);
    kuint(w, "forget", c->forget);
    kuint(w, "import", c->import);
    kuint(w, "move", c->move);
    kuint(w, "unknown", c->unknown);
    change_entries(w, "new", rv->created, rv->ncreated, rv->nplans > 1);
    change_entries(w, "modified", rv->modified, rv->nmodified, rv->nplans > 1);
    close_(w, '}');
}

static void cost(jw *w, const review *rv)
{
    const cost_report *c = rv->cost;
    key(w, "cost");
    if (!c) {
        sbuf_puts(w->b, "null");
        return;
    }
    open_(w, '{');
    kstr(w, "currency", "USD");
    /* null, never 0, for a figure nothing of which was priced */
    const cost_totals *t = &c->totals;
    kmoney_or_null(w, "monthly_before", t->monthly_before, t->before_partial);
    kmoney_or_null(w, "monthly_after", t->monthly_after, t->after_partial);
    kmoney_or_null(w, "monthly_delta", t->monthly_delta, t->delta_partial);
    key(w, "delta_percent");
    if (isnan(rv->delta_percent))
        sbuf_puts(w->b, "null");
    else
        sbuf_printf(w->b, "%.1f", rv->delta_percent);
    kmoney(w, "threshold", rv->cost_threshold);
    kstr(w, "summary", rv->cost_impact);
    key(w, "counts");
    open_(w, '{');
    kuint(w, "priced", c->counts.priced);
    kuint(w, "free", c->counts.free);
    kuint(w, "unsupported", c->counts.unsupported);
    kuint(w, "usage_only", c->counts.usage_only);
    kuint(w, "not_priced", c->counts.not_priced);
    close_(w, '}');
    kuint(w, "unpriced_count", t->unpriced);
    size_t unmodelled;
    rv_unmodelled_types(rv, NULL, &unmodelled);
    kuint(w, "changed_without_model", unmodelled);
    /* The changed resources not priced: what the review's statements rest on. */
    key(w, "not_priced");
    open_(w, '[');
    for (size_t i = 0; i < c->nresources; i++) {
        const cost_resource *cr = &c->resources[i];
        if (cr->status != COST_NOT_PRICED || rv_scope_of(rv, cr->res) != RV_SCOPE_CHANGED)
            continue;
        char *text = rv_cost_text(cr);
        next(w);
        open_(w, '{');
        kstr(w, "address", cr->res->address);
        kstr(w, "reason", text + strlen("not priced: "));
        close_(w, '}');
        free(text);
    }
    close_(w, ']');
    key(w, "prices");
    open_(w, '[');
    for (size_t i = 0; i < rv->nprices; i++) {
        const review_price_list *p = &rv->prices[i];
        next(w);
        open_(w, '{');
        kstr(w, "service", p->service);
        kstr(w, "region", p->region);
        kstr(w, "version", p->version);
        kstr(w, "publication_date", p->publication_date);
        kstr(w, "source", p->source);
        close_(w, '}');
    }
    close_(w, ']');
    kstr(w, "prices_note", rv->prices_note);
    close_(w, '}');
}

static void assessment(jw *w, const review *rv)
{
    static const char *const sections[] = {"Deployment", "Scaling", "Reliability"};
    key(w, "assessment");
    open_(w, '{');
    for (size_t s = 0; s < 3; s++) {
        char lower[32];
        snprintf(lower, sizeof lower, "%s", sections[s]);
        lower[0] = (char)(lower[0] | 0x20);
        key(w, lower);
        open_(w, '{');
        for (int i = 0; i < REVIEW_NITEMS; i++) {
            const review_item_info *info = &review_items[i];
            if (strcmp(info->section, sections[s]) != 0)
                continue;
            key(w, info->key);
            open_(w, '{');
            kstr(w, "value", review_item_word((review_item_id)i, &rv->items[i]));
            kstr(w, "reason", rv->items[i].reason);
            close_(w, '}');
        }
        close_(w, '}');
    }
    close_(w, '}');
}

static void dependencies(jw *w, const review *rv)
{
    key(w, "dependencies");
    open_(w, '[');
    for (size_t i = 0; i < rv->ndeps; i++) {
        const review_dep *d = &rv->deps[i];
        next(w);
        open_(w, '{');
        kstr(w, "resource", d->resource);
        kstr(w, "service", d->service);
        kstr(w, "purpose", d->purpose);
        kstr(w, "cost_impact", d->cost);
        key(w, "monthly_delta");
        if (d->priced)
            sbuf_json_money(w->b, d->monthly_delta);
        else
            sbuf_puts(w->b, "null");
        close_(w, '}');
    }
    close_(w, ']');
}

static void findings(jw *w, const review *rv)
{
    key(w, "findings");
    open_(w, '[');
    for (size_t i = 0; rv->risk && i < rv->risk->nfindings; i++) {
        const risk_finding *f = &rv->risk->findings[i];
        next(w);
        open_(w, '{');
        kstr(w, "rule", f->rule->id);
        kstr(w, "area", f->rule->area);
        kstr(w, "severity", risk_severity_name(f->rule->severity));
        kstr(w, "address", f->address);
        kstr(w, "attribute", f->attribute);
        kstr(w, "message", f->message);
        kstr(w, "remediation", f->rule->remediation);
        if (rv->nplans > 1)
            kstr(w, "plan", f->plan_name);
        if (f->located) {   /* --source-dir: where the resource is written */
            key(w, "source");
            open_(w, '{');
            kstr(w, "file", f->src.file);
            if (f->src.file) {
                kuint(w, "line", (size_t)f->src.line);
                kuint(w, "column", (size_t)f->src.column);
            } else {
                kstr(w, "note", f->src.note);
            }
            close_(w, '}');
        }
        close_(w, '}');
    }
    close_(w, ']');
    key(w, "suppressed");
    open_(w, '[');
    for (size_t i = 0; rv->risk && i < rv->risk->nsuppressed; i++) {
        const risk_suppression *s = &rv->risk->suppressed[i];
        next(w);
        open_(w, '{');
        kstr(w, "rule", s->rule->id);
        kstr(w, "address", s->address);
        kstr(w, "how", s->how);
        close_(w, '}');
    }
    close_(w, ']');
}

static void checklist(jw *w, const review *rv)
{
    key(w, "checklist");
    open_(w, '[');
    for (size_t i = 0; i < REVIEW_NCHECKS; i++) {
        next(w);
        open_(w, '{');
        kstr(w, "item", review_check_items[i]);
        kbool(w, "checked", rv->checks[i].checked);
        kbool(w, "unknown", rv->checks[i].unknown);
        kstr(w, "evidence", rv->checks[i].evidence);
        close_(w, '}');
    }
    close_(w, ']');
}

static void recommendations(jw *w, const review *rv)
{
    key(w, "recommendations");
    open_(w, '[');
    for (size_t i = 0; i < rv->nrecs; i++) {
        next(w);
        open_(w, '{');
        kstr(w, "text", rv->recs[i].text);
        key(w, "monthly_saving");
        if (rv->recs[i].has_saving)
            sbuf_json_money(w->b, rv->recs[i].monthly_saving);
        else
            sbuf_puts(w->b, "null");
        close_(w, '}');
    }
    close_(w, ']');
}

static void questions(jw *w, const review *rv)
{
    key(w, "questions");
    open_(w, '[');
    for (size_t i = 0; i < REVIEW_NQUESTIONS; i++) {
        next(w);
        open_(w, '{');
        kstr(w, "question", review_questions[i]);
        kstr(w, "answer", rv->answers[i]);
        close_(w, '}');
    }
    close_(w, ']');
}

/* What the review judged and what it left out: the scope counts, what
 * exists on unchanged resources, and providers it does not review. */
static void coverage(jw *w, const review *rv)
{
    key(w, "scope");
    open_(w, '{');
    kuint(w, "changed", rv->nchanged);
    kuint(w, "unchanged", rv->nunchanged);
    kuint(w, "context", rv->ncontext);
    size_t drift = 0, other = 0;
    for (size_t i = 0; rv->unchanged_risk && i < rv->unchanged_risk->nfindings; i++) {
        if (strcmp(rv->unchanged_risk->findings[i].rule->id, "CIR-PLAN-011") == 0)
            drift++;
        else
            other++;
    }
    kuint(w, "findings_on_unchanged", other);
    kuint(w, "drift_on_unchanged", drift);
    str_array(w, "notes", &rv->unchanged_notes);
    close_(w, '}');
    key(w, "not_reviewed");
    open_(w, '[');
    for (size_t i = 0; i < rv->nnot_reviewed; i++) {
        next(w);
        open_(w, '{');
        kstr(w, "provider", rv->not_reviewed[i].provider);
        kuint(w, "resources", rv->not_reviewed[i].resources);
        kuint(w, "changed", rv->not_reviewed[i].changed);
        close_(w, '}');
    }
    close_(w, ']');
}

void review_render_json(const review *rv, sbuf *b)
{
    jw w;
    memset(&w, 0, sizeof w);
    w.b = b;
    open_(&w, '{');
    kstr(&w, "schema", "circuit.review/v1");
    kstr(&w, "verdict", review_verdict_name(rv->verdict));
    str_array(&w, "verdict_reasons", &rv->verdict_reasons);
    key(&w, "plans");
    open_(&w, '[');
    for (size_t i = 0; i < rv->nplans; i++) {
        next(&w);
        sbuf_json_str(b, rv->plans[i]->name);
    }
    close_(&w, ']');
    kstr(&w, "verdict_note", rv->verdict_note);
    changes(&w, rv);
    coverage(&w, rv);
    cost(&w, rv);
    assessment(&w, rv);
    dependencies(&w, rv);
    findings(&w, rv);
    checklist(&w, rv);
    str_array(&w, "strengths", &rv->strengths);
    str_array(&w, "concerns", &rv->concerns);
    recommendations(&w, rv);
    questions(&w, rv);
    close_(&w, '}');
    sbuf_putc(b, '\n');
}
