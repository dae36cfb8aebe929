/*
 * cost_render_json.c — the cost report as the JSON document circuit.cost/v1
 * (circuit.estimate/v1 for `estimate`, same shape): the price lists used,
 * the totals with null where nothing of a figure was priced and the
 * resources without a price, the census counts, every resource (no-ops
 * too) with its components, money rounded to cents, unit prices as decimal
 * strings, and per-plan totals when there are several plans.
 */
#include "cost_render.h"
#include "cost_render_int.h"

#include <stdlib.h>

static void json_key(sbuf *b, const char *k)
{
    sbuf_json_str(b, k);
    sbuf_putc(b, ':');
}

/* Money, or null when it is unknown and nothing of it was priced. */
static void json_money_or_null(sbuf *b, double v, bool unknown)
{
    if (unknown && money_round(v) == 0)
        sbuf_puts(b, "null");
    else
        sbuf_json_money(b, v);
}

/* Totals: the priced part, null where nothing of a figure was priced;
 * unpriced_count and the resources without a price (one plan's, or every
 * plan's with `plan` when `multi`). */
static void json_totals(sbuf *b, const cost_totals *t, const cost_report *r, size_t from, size_t to, bool multi)
{
    sbuf_puts(b, "{\"monthly_before\":");
    json_money_or_null(b, t->monthly_before, t->before_partial);
    sbuf_puts(b, ",\"monthly_after\":");
    json_money_or_null(b, t->monthly_after, t->after_partial);
    sbuf_puts(b, ",\"monthly_delta\":");
    json_money_or_null(b, t->monthly_delta, t->delta_partial);
    sbuf_printf(b, ",\"unpriced_count\":%zu,\"unpriced\":[", t->unpriced);
    bool first = true;
    for (size_t i = from; i < to; i++) {
        const cost_resource *cr = &r->resources[i];
        if (!cost_status_unpriced(cr->status))
            continue;
        sbuf_puts(b, first ? "{\"address\":" : ",{\"address\":");
        first = false;
        sbuf_json_str(b, cr->res->address);
        if (multi) {
            sbuf_puts(b, ",\"plan\":");
            sbuf_json_str(b, cr->plan_name);
        }
        sbuf_puts(b, ",\"status\":");
        sbuf_json_str(b, cost_status_name(cr->status));
        sbuf_putc(b, '}');
    }
    sbuf_puts(b, "]}");
}

static void json_counts(sbuf *b, const cost_counts *c)
{
    sbuf_printf(b, "{\"priced\":%zu,\"free\":%zu,\"unsupported\":%zu,\"usage_only\":%zu,\"not_priced\":%zu}",
                c->priced, c->free, c->unsupported, c->usage_only, c->not_priced);
}

static void json_component(sbuf *b, const cost_component *c)
{
    sbuf_puts(b, "{\"name\":");
    sbuf_json_str(b, c->name);
    sbuf_puts(b, ",\"unit\":");
    sbuf_json_str(b, c->unit);
    sbuf_puts(b, ",\"quantity\":");
    if (c->priced)
        sbuf_json_num(b, c->quantity);
    else
        sbuf_puts(b, "null");
    sbuf_puts(b, ",\"unit_price\":");
    sbuf_json_str(b, c->unit_price);
    sbuf_puts(b, ",\"monthly\":");
    if (c->priced)
        sbuf_json_money(b, c->monthly);
    else
        sbuf_puts(b, "null");
    sbuf_puts(b, ",\"sku\":");
    sbuf_json_str(b, c->sku);
    sbuf_puts(b, ",\"publication_date\":");
    sbuf_json_str(b, c->publication_date && *c->publication_date ? c->publication_date : NULL);
    sbuf_puts(b, ",\"usage_based\":");
    sbuf_puts(b, c->usage_based ? "true" : "false");
    sbuf_puts(b, ",\"note\":");
    sbuf_json_str(b, c->note);
    if (c->nassumed) {
        sbuf_puts(b, ",\"assumed\":{");
        for (size_t i = 0; i < c->nassumed; i++) {
            const cost_assumption *a = &c->assumed[i];
            if (i)
                sbuf_putc(b, ',');
            sbuf_json_str(b, a->attr);
            sbuf_puts(b, ":{\"value\":");
            sbuf_json_str(b, a->value);
            sbuf_puts(b, ",\"why\":");
            sbuf_json_str(b, a->why);
            sbuf_puts(b, ",\"usage_key\":");
            sbuf_json_str(b, a->usage_key);
            sbuf_putc(b, '}');
        }
        sbuf_putc(b, '}');
    }
    sbuf_putc(b, '}');
}

static void json_components(sbuf *b, const char *key, const cost_side *s)
{
    sbuf_putc(b, ',');
    json_key(b, key);
    sbuf_putc(b, '[');
    for (size_t i = 0; i < s->ncomponents; i++) {
        if (i)
            sbuf_putc(b, ',');
        json_component(b, &s->components[i]);
    }
    sbuf_putc(b, ']');
}

static void json_resource(sbuf *b, const cost_resource *cr, bool multi)
{
    sbuf_puts(b, "{\"address\":");
    sbuf_json_str(b, cr->res->address);
    if (multi) {
        sbuf_puts(b, ",\"plan\":");
        sbuf_json_str(b, cr->plan_name);
    }
    sbuf_puts(b, ",\"type\":");
    sbuf_json_str(b, cr->res->type);
    sbuf_puts(b, ",\"action\":");
    sbuf_json_str(b, plan_action_name(cr->res->action));
    sbuf_puts(b, ",\"region\":");
    sbuf_json_str(b, cr->res->region);
    sbuf_puts(b, ",\"monthly_before\":");
    if (cr->before_unknown)
        sbuf_puts(b, "null");
    else
        sbuf_json_money(b, cr->monthly_before);
    sbuf_puts(b, ",\"monthly_after\":");
    if (cr->after_unknown)
        sbuf_puts(b, "null");
    else
        sbuf_json_money(b, cr->monthly_after);
    sbuf_puts(b, ",\"monthly_delta\":");
    if (cr->delta_unknown)
        sbuf_puts(b, "null");
    else
        sbuf_json_money(b, cr->monthly_delta);
    sbuf_puts(b, ",\"status\":");
    sbuf_json_str(b, cost_status_name(cr->status));
    sbuf_puts(b, ",\"replacement\":");
    sbuf_puts(b, cr->replacement ? "true" : "false");
    json_components(b, "components", cost_shown_side(cr));
    if (cost_has_before_side(cr))
        json_components(b, "components_before", &cr->before);
    sbuf_putc(b, '}');
}

void cost_render_json(const cost_report *r, const cost_render_opts *o, sbuf *out)
{
    sbuf_puts(out, "{\"schema\":");
    sbuf_json_str(out, o->schema ? o->schema : "circuit.cost/v1");
    sbuf_puts(out, ",\"currency\":\"USD\",\"prices\":[");
    const price_offer_info **sorted = cost_sorted_prices(o);
    for (size_t i = 0; i < o->nprices; i++) {
        const price_offer_info *p = sorted[i];
        if (i)
            sbuf_putc(out, ',');
        sbuf_puts(out, "{\"service\":");
        sbuf_json_str(out, p->service);
        sbuf_puts(out, ",\"region\":");
        sbuf_json_str(out, p->region);
        sbuf_puts(out, ",\"version\":");
        sbuf_json_str(out, p->version);
        sbuf_puts(out, ",\"publication_date\":");
        sbuf_json_str(out, p->publication_date);
        sbuf_puts(out, ",\"source\":");
        sbuf_json_str(out, p->source);
        sbuf_putc(out, '}');
    }
    free(sorted);
    bool multi = r->nprojects > 1;
    sbuf_puts(out, "],\"totals\":");
    json_totals(out, &r->totals, r, 0, r->nresources, multi);
    sbuf_puts(out, ",\"counts\":");
    json_counts(out, &r->counts);
    sbuf_puts(out, ",\"unsupported_types\":[");
    for (size_t i = 0; i < r->nunsupported; i++) {
        if (i)
            sbuf_putc(out, ',');
        sbuf_puts(out, "{\"type\":");
        sbuf_json_str(out, r->unsupported[i].type);
        sbuf_printf(out, ",\"count\":%zu}", r->unsupported[i].count);
    }
    sbuf_puts(out, "],\"resources\":[");
    for (size_t i = 0; i < r->nresources; i++) {
        if (i)
            sbuf_putc(out, ',');
        sbuf_puts(out, "\n");
        json_resource(out, &r->resources[i], multi);
    }
    sbuf_puts(out, "]");
    if (multi) {
        sbuf_puts(out, ",\"projects\":[");
        for (size_t p = 0; p < r->nprojects; p++) {
            if (p)
                sbuf_putc(out, ',');
            sbuf_puts(out, "{\"name\":");
            sbuf_json_str(out, r->projects[p].name);
            size_t from, to;
            cost_project_range(r, p, &from, &to);
            sbuf_puts(out, ",\"totals\":");
            json_totals(out, &r->projects[p].totals, r, from, to, false);
            sbuf_puts(out, ",\"counts\":");
            json_counts(out, &r->projects[p].counts);
            sbuf_putc(out, '}');
        }
        sbuf_puts(out, "]");
    }
    sbuf_puts(out, "}\n");
}
