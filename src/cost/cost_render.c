/*
 * cost_render.c — what the cost report's faces share: the census line, the
 * price lists used, the assumptions a component rests on, money as text,
 * the side a resource is described by, and cost_render(), which picks the
 * face by format name.  Each face has its own file: the terminal table
 * (cost_render_table.c), the Markdown PR comment (cost_render_md.c), the
 * JSON document (cost_render_json.c) and the HTML page
 * (cost_render_html.c).
 */
#include "cost_render.h"
#include "cost_render_int.h"

#include "../core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const cost_side *cost_shown_side(const cost_resource *cr)
{
    plan_action a = cr->res->action;
    return a == PLAN_ACT_DELETE || a == PLAN_ACT_FORGET ? &cr->before : &cr->after;
}

bool cost_has_before_side(const cost_resource *cr)
{
    plan_action a = cr->res->action;
    return a == PLAN_ACT_UPDATE || a == PLAN_ACT_REPLACE || a == PLAN_ACT_UNKNOWN;
}

void cost_render_census(const cost_report *r, sbuf *out)
{
    const cost_counts *c = &r->counts;
    size_t n = c->priced + c->free + c->unsupported + c->usage_only + c->not_priced;
    sbuf_printf(out, "%zu resource%s: %zu priced, %zu free, %zu not supported", n, n == 1 ? "" : "s",
                c->priced, c->free, c->unsupported);
    if (r->nunsupported) {
        sbuf_puts(out, " (");
        for (size_t i = 0; i < r->nunsupported; i++)
            sbuf_printf(out, "%s%s: %zu", i ? ", " : "", r->unsupported[i].type, r->unsupported[i].count);
        sbuf_puts(out, ")");
    }
    sbuf_printf(out, ", %zu usage-based, %zu not priced", c->usage_only, c->not_priced);
}

const price_offer_info **cost_sorted_prices(const cost_render_opts *o)
{
    const price_offer_info **v = xcalloc(o->nprices ? o->nprices : 1, sizeof *v);
    for (size_t i = 0; i < o->nprices; i++) {
        const price_offer_info *p = &o->prices[i];
        size_t at = i;
        while (at > 0) {
            int c = strcmp(v[at - 1]->service, p->service);
            if (c < 0 || (c == 0 && strcmp(v[at - 1]->region, p->region) <= 0))
                break;
            v[at] = v[at - 1];
            at--;
        }
        v[at] = p;
    }
    return v;
}

void cost_render_prices(const cost_render_opts *o, sbuf *out)
{
    sbuf_puts(out, "Prices: ");
    if (!o->nprices) {
        sbuf_puts(out, "none used");
        return;
    }
    const price_offer_info **sorted = cost_sorted_prices(o);
    for (size_t i = 0; i < o->nprices; i++) {
        const price_offer_info *p = sorted[i];
        char date[16];
        snprintf(date, sizeof date, "%.10s", p->publication_date);
        sbuf_printf(out, "%s%s %s (version %s, published %s, %s)", i ? "; " : "", p->service, p->region,
                    p->version[0] ? p->version : "?", date[0] ? date : "?", p->source[0] ? p->source : "?");
    }
    free(sorted);
}

void cost_money(sbuf *b, double v)
{
    char s[48];
    money_format(s, sizeof s, v);
    sbuf_puts(b, s);
}

/* An attribute as the component line shows it: relative to the element
 * the component's name starts with ("root_block_device[0]: ..."). */
static const char *attr_shown(const cost_component *c, const char *attr)
{
    const char *colon = strstr(c->name, ": ");
    size_t n = colon ? (size_t)(colon - c->name) : 0;
    if (n && strncmp(attr, c->name, n) == 0 && attr[n] == '.')
        return attr + n + 1;
    return attr;
}

void cost_render_assumptions(const cost_component *c, sbuf *out)
{
    bool *done = c->nassumed ? calloc(c->nassumed, sizeof *done) : NULL;
    for (size_t i = 0; i < c->nassumed; i++) {
        if (done[i])
            continue;
        sbuf_puts(out, i ? "; assumed " : "assumed ");
        const char *why = c->assumed[i].why;
        for (size_t k = i, first = 1; k < c->nassumed; k++) {
            if (done[k] || strcmp(c->assumed[k].why, why) != 0)
                continue;
            done[k] = true;
            sbuf_printf(out, "%s%s %s", first ? "" : ", ", attr_shown(c, c->assumed[k].attr), c->assumed[k].value);
            first = 0;
        }
        sbuf_printf(out, ": %s", why);
    }
    free(done);
}

const cost_component *cost_find_component(const cost_side *s, const char *name)
{
    for (size_t i = 0; i < s->ncomponents; i++)
        if (strcmp(s->components[i].name, name) == 0)
            return &s->components[i];
    return NULL;
}

const char *cost_status_text(const cost_resource *cr)
{
    switch (cr->status) {
    case COST_FREE: return "free";
    case COST_UNSUPPORTED: return "not supported";
    case COST_USAGE_ONLY: return "usage-based";
    case COST_NOT_PRICED: return "not priced";
    default: return NULL;
    }
}

/* A figure that rests on something not priced shows its priced part with
 * a "*" (footnoted), or "unknown" when nothing in it was priced: never a
 * bare $0 that would read as "free". */
void cost_money_text(char *out, size_t size, double v, bool unknown, bool delta)
{
    if (unknown && money_round(v) == 0) {
        snprintf(out, size, "unknown");
        return;
    }
    char m[48];
    if (delta)
        money_format_delta(m, sizeof m, v);
    else
        money_format(m, sizeof m, v);
    snprintf(out, size, "%s%s", m, unknown ? "*" : "");
}

bool cost_render_listed(const cost_resource *cr, const cost_render_opts *o)
{
    return o->all_resources || cr->res->action != PLAN_ACT_NOOP;
}

static size_t project_size(const cost_project *p)
{
    const cost_counts *c = &p->counts;
    return c->priced + c->free + c->unsupported + c->usage_only + c->not_priced;
}

void cost_project_range(const cost_report *r, size_t p, size_t *from, size_t *to)
{
    size_t start = 0;
    for (size_t i = 0; i < p; i++)
        start += project_size(&r->projects[i]);
    *from = start;
    *to = start + project_size(&r->projects[p]);
    if (*to > r->nresources)
        *to = r->nresources;
}

void cost_render_unchanged(const cost_report *r, sbuf *out, size_t from, size_t to)
{
    size_t n = 0, unpriced = 0;
    double monthly = 0;
    for (size_t i = from; i < to; i++) {
        const cost_resource *cr = &r->resources[i];
        if (cr->res->action != PLAN_ACT_NOOP)
            continue;
        n++;
        monthly += cr->monthly_after;
        unpriced += cr->after_unknown;
    }
    if (!n)
        return;
    char m[64];
    cost_money_text(m, sizeof m, monthly, unpriced > 0, false);
    sbuf_printf(out, "%zu unchanged resource%s: %s%s (in the totals", n, n == 1 ? "" : "s", m,
                strcmp(m, "unknown") == 0 ? "" : "/month");
    if (unpriced)
        sbuf_printf(out, "; %zu of them without a price", unpriced);
    sbuf_puts(out, ")\n");
}

void cost_render(const cost_report *r, const char *format, const cost_render_opts *o, sbuf *out)
{
    if (strcmp(format, "json") == 0)
        cost_render_json(r, o, out);
    else if (strcmp(format, "markdown") == 0)
        cost_render_markdown(r, o, out);
    else
        cost_render_table(r, o, out);
}
