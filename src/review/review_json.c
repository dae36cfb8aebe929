/*
 * review_json.c — `circuit review --format json`, schema circuit.review/v1
 * (documented in the README), written with the JSON writer (core/jsonw.h)
 * indented throughout, so money comes out as numbers rounded to cents.
 */
#include "review_int.h"

#include "../core/jsonw.h"
#include "../cost/cost_render.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A JSON string of model text: the code markers are for Markdown only. */
static void plain(jw *w, const char *v)
{
    if (!v || !strpbrk(v, RV_CODE RV_END)) {
        jw_str(w, v);
        return;
    }
    char *plain = malloc(strlen(v) + 1);
    size_t n = 0;
    for (const char *p = v; *p; p++)
        if (*p != RV_CODE[0] && *p != RV_END[0])
            plain[n++] = *p;
    plain[n] = '\0';
    jw_str(w, plain);
    free(plain);
}

static void kplain(jw *w, const char *k, const char *v)
{
    jw_key(w, k);
    plain(w, v);
}

static void str_array(jw *w, const char *k, const review_list *l)
{
    jw_karray(w, k, JW_SAME);
    for (size_t i = 0; i < l->n; i++)
        plain(w, l->items[i]);
    jw_end_array(w);
}

/* ---- sections ------------------------------------------------------------- */

static void change_entries(jw *w, const char *k, const review_change *c, size_t n, bool multi)
{
    jw_karray(w, k, JW_SAME);
    for (size_t i = 0; i < n; i++) {
        const plan_resource *r = c[i].res;
        jw_object(w, JW_SAME);
        kplain(w, "address", r->address);
        if (multi)
            kplain(w, "plan", c[i].plan_name);
        kplain(w, "type", r->type);
        kplain(w, "action", plan_action_name(r->action));
        jw_kbool(w, "replacement", r->action == PLAN_ACT_REPLACE);
        if (r->action == PLAN_ACT_REPLACE)
            kplain(w, "replace_order", plan_replace_order_name(r->replace_order));
        kplain(w, "previous_address", r->previous_address);
        jw_kbool(w, "importing", r->importing);
        kplain(w, "note", c[i].note);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void changes(jw *w, const review *rv)
{
    const plan_counts *c = &rv->counts;
    jw_kobject(w, "changes", JW_SAME);
    jw_kuint(w, "create", c->create);
    jw_kuint(w, "update", c->update);
    jw_kuint(w, "replace", c->replace);
    jw_kuint(w, "delete", c->delete_);
    jw_kuint(w, "read", c->read);
    jw_kuint(w, "no_op", c->no_op);
    jw_kuint(w, "forget", c->forget);
    jw_kuint(w, "import", c->import);
    jw_kuint(w, "move", c->move);
    jw_kuint(w, "unknown", c->unknown);
    change_entries(w, "new", rv->created, rv->ncreated, rv->nplans > 1);
    change_entries(w, "modified", rv->modified, rv->nmodified, rv->nplans > 1);
    jw_end_object(w);
}

static void cost(jw *w, const review *rv)
{
    const cost_report *c = rv->cost;
    if (!c) {
        jw_knull(w, "cost");
        return;
    }
    jw_kobject(w, "cost", JW_SAME);
    kplain(w, "currency", "USD");
    /* null, never 0, for a figure nothing of which was priced */
    const cost_totals *t = &c->totals;
    cost_json_totals_figures(w, t);
    jw_kfixed(w, "delta_percent", rv->delta_percent, 1);   /* NaN: null */
    jw_kmoney(w, "threshold", rv->cost_threshold);
    kplain(w, "summary", rv->cost_impact);
    cost_json_counts(w, &c->counts);
    jw_kuint(w, "unpriced_count", t->unpriced);
    size_t unmodelled;
    rv_unmodelled_types(rv, NULL, &unmodelled);
    jw_kuint(w, "changed_without_model", unmodelled);
    /* The changed resources not priced: what the review's statements rest on. */
    jw_karray(w, "not_priced", JW_SAME);
    for (size_t i = 0; i < c->nresources; i++) {
        const cost_resource *cr = &c->resources[i];
        if (cr->status != COST_NOT_PRICED || rv_scope_of(rv, cr->res) != RV_SCOPE_CHANGED)
            continue;
        char *text = rv_cost_text(cr);
        jw_object(w, JW_SAME);
        kplain(w, "address", cr->res->address);
        kplain(w, "reason", text + strlen("not priced: "));
        jw_end_object(w);
        free(text);
    }
    jw_end_array(w);
    jw_karray(w, "prices", JW_SAME);
    for (size_t i = 0; i < rv->nprices; i++) {
        const review_price_list *p = &rv->prices[i];
        jw_object(w, JW_SAME);
        kplain(w, "service", p->service);
        kplain(w, "region", p->region);
        kplain(w, "version", p->version);
        kplain(w, "publication_date", p->publication_date);
        kplain(w, "source", p->source);
        jw_end_object(w);
    }
    jw_end_array(w);
    kplain(w, "prices_note", rv->prices_note);
    jw_end_object(w);
}

static void assessment(jw *w, const review *rv)
{
    static const char *const sections[] = {"Deployment", "Scaling", "Reliability"};
    jw_kobject(w, "assessment", JW_SAME);
    for (size_t s = 0; s < 3; s++) {
        char lower[32];
        snprintf(lower, sizeof lower, "%s", sections[s]);
        lower[0] = (char)(lower[0] | 0x20);
        jw_kobject(w, lower, JW_SAME);
        for (int i = 0; i < REVIEW_NITEMS; i++) {
            const review_item_info *info = &review_items[i];
            if (strcmp(info->section, sections[s]) != 0)
                continue;
            jw_kobject(w, info->key, JW_SAME);
            kplain(w, "value", review_item_word((review_item_id)i, &rv->items[i]));
            kplain(w, "reason", rv->items[i].reason);
            jw_end_object(w);
        }
        jw_end_object(w);
    }
    jw_end_object(w);
}

static void dependencies(jw *w, const review *rv)
{
    jw_karray(w, "dependencies", JW_SAME);
    for (size_t i = 0; i < rv->ndeps; i++) {
        const review_dep *d = &rv->deps[i];
        jw_object(w, JW_SAME);
        kplain(w, "resource", d->resource);
        kplain(w, "service", d->service);
        kplain(w, "purpose", d->purpose);
        kplain(w, "cost_impact", d->cost);
        jw_kmoney_or_null(w, "monthly_delta", d->monthly_delta, !d->priced);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void findings(jw *w, const review *rv)
{
    jw_karray(w, "findings", JW_SAME);
    for (size_t i = 0; rv->risk && i < rv->risk->nfindings; i++) {
        const risk_finding *f = &rv->risk->findings[i];
        jw_object(w, JW_SAME);
        kplain(w, "rule", f->rule->id);
        kplain(w, "area", f->rule->area);
        kplain(w, "severity", risk_severity_name(f->rule->severity));
        kplain(w, "address", f->address);
        kplain(w, "attribute", f->attribute);
        kplain(w, "message", f->message);
        kplain(w, "remediation", f->rule->remediation);
        if (rv->nplans > 1)
            kplain(w, "plan", f->plan_name);
        if (f->located) {   /* --source-dir: where the resource is written */
            jw_kobject(w, "source", JW_SAME);
            kplain(w, "file", f->src.file);
            if (f->src.file) {
                jw_kuint(w, "line", (size_t)f->src.line);
                jw_kuint(w, "column", (size_t)f->src.column);
            } else {
                kplain(w, "note", f->src.note);
            }
            jw_end_object(w);
        }
        jw_end_object(w);
    }
    jw_end_array(w);
    jw_karray(w, "suppressed", JW_SAME);
    for (size_t i = 0; rv->risk && i < rv->risk->nsuppressed; i++) {
        const risk_suppression *s = &rv->risk->suppressed[i];
        jw_object(w, JW_SAME);
        kplain(w, "rule", s->rule->id);
        kplain(w, "address", s->address);
        kplain(w, "how", s->how);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void checklist(jw *w, const review *rv)
{
    jw_karray(w, "checklist", JW_SAME);
    for (size_t i = 0; i < REVIEW_NCHECKS; i++) {
        jw_object(w, JW_SAME);
        kplain(w, "item", review_check_items[i]);
        jw_kbool(w, "checked", rv->checks[i].checked);
        jw_kbool(w, "unknown", rv->checks[i].unknown);
        kplain(w, "evidence", rv->checks[i].evidence);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void recommendations(jw *w, const review *rv)
{
    jw_karray(w, "recommendations", JW_SAME);
    for (size_t i = 0; i < rv->nrecs; i++) {
        jw_object(w, JW_SAME);
        kplain(w, "text", rv->recs[i].text);
        jw_kmoney_or_null(w, "monthly_saving", rv->recs[i].monthly_saving, !rv->recs[i].has_saving);
        jw_end_object(w);
    }
    jw_end_array(w);
}

static void questions(jw *w, const review *rv)
{
    jw_karray(w, "questions", JW_SAME);
    for (size_t i = 0; i < REVIEW_NQUESTIONS; i++) {
        jw_object(w, JW_SAME);
        kplain(w, "question", review_questions[i]);
        kplain(w, "answer", rv->answers[i]);
        jw_end_object(w);
    }
    jw_end_array(w);
}

/* What the review judged and what it left out: the scope counts, what
 * exists on unchanged resources, and providers it does not review. */
static void coverage(jw *w, const review *rv)
{
    jw_kobject(w, "scope", JW_SAME);
    jw_kuint(w, "changed", rv->nchanged);
    jw_kuint(w, "unchanged", rv->nunchanged);
    jw_kuint(w, "context", rv->ncontext);
    size_t drift = 0, other = 0;
    for (size_t i = 0; rv->unchanged_risk && i < rv->unchanged_risk->nfindings; i++) {
        if (strcmp(rv->unchanged_risk->findings[i].rule->id, "CIR-PLAN-011") == 0)
            drift++;
        else
            other++;
    }
    jw_kuint(w, "findings_on_unchanged", other);
    jw_kuint(w, "drift_on_unchanged", drift);
    str_array(w, "notes", &rv->unchanged_notes);
    jw_end_object(w);
    jw_karray(w, "not_reviewed", JW_SAME);
    for (size_t i = 0; i < rv->nnot_reviewed; i++) {
        jw_object(w, JW_SAME);
        kplain(w, "provider", rv->not_reviewed[i].provider);
        jw_kuint(w, "resources", rv->not_reviewed[i].resources);
        jw_kuint(w, "changed", rv->not_reviewed[i].changed);
        jw_end_object(w);
    }
    jw_end_array(w);
}

void review_render_json(const review *rv, sbuf *b)
{
    jw w;
    jw_begin_document(&w, b, JW_BLOCK, "circuit.review/v1");
    kplain(&w, "verdict", review_verdict_name(rv->verdict));
    str_array(&w, "verdict_reasons", &rv->verdict_reasons);
    jw_karray(&w, "plans", JW_SAME);
    for (size_t i = 0; i < rv->nplans; i++)
        jw_str(&w, rv->plans[i]->name);
    jw_end_array(&w);
    kplain(&w, "verdict_note", rv->verdict_note);
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
    jw_end_document(&w);
}
