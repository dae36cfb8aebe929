/*
 * cost_render_json.c — the cost report as the JSON document circuit.cost/v1
 * (circuit.estimate/v1 for `estimate`, same shape): the price lists used,
 * the totals with null where nothing of a figure was priced and the
 * resources without a price, the census counts, every resource (no-ops
 * too) with its components, money rounded to cents, unit prices as decimal
 * strings, and per-plan totals when there are several plans.  Compact, one
 * resource a line, written with the JSON writer (core/jsonw.h).
 */
#include "cost_render.h"
#include "cost_render_int.h"

#include "../plan/plan_render.h"

#include <stdlib.h>

/* Null, never 0, when the figure is partial and nothing of it was priced. */
static void money_figure(jw *w, const char *k, double v, bool partial)
{
    jw_kmoney_or_null(w, k, v, partial && money_round(v) == 0);
}

void cost_json_totals_figures(jw *w, const cost_totals *t)
{
    money_figure(w, "monthly_before", t->monthly_before, t->before_partial);
    money_figure(w, "monthly_after", t->monthly_after, t->after_partial);
    money_figure(w, "monthly_delta", t->monthly_delta, t->delta_partial);
}

/* Totals: the priced part, null where nothing of a figure was priced;
 * unpriced_count and the resources without a price (one plan's, or every
 * plan's with `plan` when `multi`). */
static void json_totals(jw *w, const cost_totals *t, const cost_report *r, size_t from, size_t to, bool multi)
{
    jw_kobject(w, "totals", JW_SAME);
    cost_json_totals_figures(w, t);
    jw_kuint(w, "unpriced_count", t->unpriced);
    jw_karray(w, "unpriced", JW_SAME);
    for (size_t i = from; i < to; i++) {
        const cost_resource *cr = &r->resources[i];
        if (!cost_status_unpriced(cr->status))
            continue;
        jw_object(w, JW_SAME);
        jw_kstr(w, "address", cr->res->address);
        if (multi)
            jw_kstr(w, "plan", cr->plan_name);
        jw_kstr(w, "status", cost_status_name(cr->status));
        jw_end_object(w);
    }
    jw_end_array(w);
    jw_end_object(w);
}

void cost_json_counts(jw *w, const cost_counts *c)
{
    jw_kobject(w, "counts", JW_SAME);
    jw_kuint(w, "priced", c->priced);
    jw_kuint(w, "free", c->free);
    jw_kuint(w, "unsupported", c->unsupported);
    jw_kuint(w, "usage_only", c->usage_only);
    jw_kuint(w, "not_priced", c->not_priced);
    jw_end_object(w);
}

static void json_component(jw *w, const cost_component *c)
{
    jw_object(w, JW_SAME);
    jw_kstr(w, "name", c->name);
    jw_kstr(w, "unit", c->unit);
    jw_key(w, "quantity");
    if (c->priced)
        jw_num(w, c->quantity);
    else
        jw_null(w);
    jw_kstr(w, "unit_price", c->unit_price);
    jw_kmoney_or_null(w, "monthly", c->monthly, !c->priced);
    jw_kstr(w, "sku", c->sku);
    jw_kstr_nonempty(w, "publication_date", c->publication_date);
    jw_kbool(w, "usage_based", c->usage_based);
    jw_kstr(w, "note", c->note);
    if (c->nassumed) {
        jw_kobject(w, "assumed", JW_SAME);
        for (size_t i = 0; i < c->nassumed; i++) {
            const cost_assumption *a = &c->assumed[i];
            jw_kobject(w, a->attr, JW_SAME);
            jw_kstr(w, "value", a->value);
            jw_kstr(w, "why", a->why);
            jw_kstr(w, "usage_key", a->usage_key);
            jw_end_object(w);
        }
        jw_end_object(w);
    }
    jw_end_object(w);
}

static void json_components(jw *w, const char *key, const cost_side *s)
{
    jw_karray(w, key, JW_SAME);
    for (size_t i = 0; i < s->ncomponents; i++)
        json_component(w, &s->components[i]);
    jw_end_array(w);
}

static void json_resource(jw *w, const cost_resource *cr, bool multi)
{
    jw_object(w, JW_SAME);
    jw_kstr(w, "address", cr->res->address);
    if (multi)
        jw_kstr(w, "plan", cr->plan_name);
    jw_kstr(w, "type", cr->res->type);
    jw_kstr(w, "action", plan_action_name(cr->res->action));
    jw_kstr(w, "region", cr->res->region);
    jw_kmoney_or_null(w, "monthly_before", cr->monthly_before, cr->before_unknown);
    jw_kmoney_or_null(w, "monthly_after", cr->monthly_after, cr->after_unknown);
    jw_kmoney_or_null(w, "monthly_delta", cr->monthly_delta, cr->delta_unknown);
    jw_kstr(w, "status", cost_status_name(cr->status));
    jw_kbool(w, "replacement", cr->replacement);
    json_components(w, "components", cost_shown_side(cr));
    if (cost_has_before_side(cr))
        json_components(w, "components_before", &cr->before);
    jw_end_object(w);
}

static void json_prices(jw *w, const cost_render_opts *o)
{
    jw_karray(w, "prices", JW_SAME);
    const price_offer_info **sorted = cost_sorted_prices(o);
    for (size_t i = 0; i < o->nprices; i++) {
        const price_offer_info *p = sorted[i];
        jw_object(w, JW_SAME);
        jw_kstr(w, "service", p->service);
        jw_kstr(w, "region", p->region);
        jw_kstr(w, "version", p->version);
        jw_kstr(w, "publication_date", p->publication_date);
        jw_kstr(w, "source", p->source);
        jw_end_object(w);
    }
    free(sorted);
    jw_end_array(w);
}

void cost_render_json(const cost_report *r, const cost_render_opts *o, sbuf *out)
{
    jw w;
    jw_begin_document(&w, out, JW_COMPACT, o->schema ? o->schema : "circuit.cost/v1");
    jw_kstr(&w, "currency", "USD");
    json_prices(&w, o);
    bool multi = r->nprojects > 1;
    json_totals(&w, &r->totals, r, 0, r->nresources, multi);
    cost_json_counts(&w, &r->counts);
    jw_karray(&w, "unsupported_types", JW_SAME);
    for (size_t i = 0; i < r->nunsupported; i++) {
        jw_object(&w, JW_SAME);
        jw_kstr(&w, "type", r->unsupported[i].type);
        jw_kuint(&w, "count", r->unsupported[i].count);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_karray(&w, "resources", JW_ROWS);
    for (size_t i = 0; i < r->nresources; i++)
        json_resource(&w, &r->resources[i], multi);
    jw_end_array(&w);
    if (multi) {
        jw_karray(&w, "projects", JW_SAME);
        for (size_t p = 0; p < r->nprojects; p++) {
            jw_object(&w, JW_SAME);
            jw_kstr(&w, "name", r->projects[p].name);
            size_t from, to;
            cost_project_range(r, p, &from, &to);
            json_totals(&w, &r->projects[p].totals, r, from, to, false);
            cost_json_counts(&w, &r->projects[p].counts);
            jw_end_object(&w);
        }
        jw_end_array(&w);
    }
    plan_not_reviewed_json(&w, o->plans, o->nplans);
    jw_end_document(&w);
}
