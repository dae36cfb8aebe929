/*
 * cost_render.c — the three faces of a cost report.
 *
 * Table: one row per changed resource (action, before, after, delta) with
 * its price components indented under it, the totals, the census line and
 * the price lists used.  Markdown: the same as a PR comment, components in
 * a <details> block.  JSON: every resource (no-ops too) with its
 * components, money rounded to cents, unit prices as decimal strings.
 */
#include "cost_render.h"

#include "../core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNPRICED_NOTE "* the priced part only: resources or components without a price are left out (see their notes)"

#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_OFF "\033[0m"

const cost_side *cost_shown_side(const cost_resource *cr)
{
    plan_action a = cr->res->action;
    return a == PLAN_ACT_DELETE || a == PLAN_ACT_FORGET ? &cr->before : &cr->after;
}

static const char *action_text(const cost_resource *cr)
{
    return plan_action_name(cr->res->action);
}

static bool has_side_before(const cost_resource *cr)
{
    plan_action a = cr->res->action;
    return a == PLAN_ACT_UPDATE || a == PLAN_ACT_REPLACE || a == PLAN_ACT_UNKNOWN;
}

/* ---- shared lines ------------------------------------------------------ */

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

/* The price lists in a stable order (service, region), whatever order
 * the lookups first touched them in.  Caller frees. */
static const price_offer_info **sorted_prices(const cost_render_opts *o)
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
    const price_offer_info **sorted = sorted_prices(o);
    for (size_t i = 0; i < o->nprices; i++) {
        const price_offer_info *p = sorted[i];
        char date[16];
        snprintf(date, sizeof date, "%.10s", p->publication_date);
        sbuf_printf(out, "%s%s %s (version %s, published %s, %s)", i ? "; " : "", p->service, p->region,
                    p->version[0] ? p->version : "?", date[0] ? date : "?", p->source[0] ? p->source : "?");
    }
    free(sorted);
}

static void money(sbuf *b, double v)
{
    char s[48];
    money_format(s, sizeof s, v);
    sbuf_puts(b, s);
}

static void quantity(sbuf *b, double q)
{
    sbuf_json_num(b, q);
}

/* "730 hours x $0.0416" / "depends on usage: ..." / "not priced: ..." */
static void component_detail(sbuf *b, const cost_component *c)
{
    if (c->priced) {
        quantity(b, c->quantity);
        sbuf_printf(b, " %s x $%s", c->unit, c->unit_price);
    } else if (c->note) {
        sbuf_puts(b, c->note);
    }
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

static const cost_component *find_component(const cost_side *s, const char *name)
{
    for (size_t i = 0; i < s->ncomponents; i++)
        if (strcmp(s->components[i].name, name) == 0)
            return &s->components[i];
    return NULL;
}

/* ---- table -------------------------------------------------------------- */

typedef struct table_ctx {
    sbuf *out;
    bool color;
    int addr_w;
} table_ctx;

static void colored(table_ctx *t, const char *color, const char *text)
{
    if (t->color && color)
        sbuf_printf(t->out, "%s%s%s", color, text, C_OFF);
    else
        sbuf_puts(t->out, text);
}

static const char *status_text(const cost_resource *cr)
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

static void table_money_cols(table_ctx *t, const cost_resource *cr)
{
    char b[64], a[64], d[64];
    bool before = cr->res->action != PLAN_ACT_CREATE;
    bool after = cr->res->action != PLAN_ACT_DELETE;
    if (before)
        cost_money_text(b, sizeof b, cr->monthly_before, cr->before_unknown, false);
    else
        snprintf(b, sizeof b, "-");
    if (after)
        cost_money_text(a, sizeof a, cr->monthly_after, cr->after_unknown, false);
    else
        snprintf(a, sizeof a, "-");
    cost_money_text(d, sizeof d, cr->monthly_delta, cr->delta_unknown, true);
    sbuf_printf(t->out, " %12s %12s ", b, a);
    const char *color = money_round(cr->monthly_delta) > 0 ? C_RED : money_round(cr->monthly_delta) < 0 ? C_GREEN : NULL;
    char padded[64];
    snprintf(padded, sizeof padded, "%12s", d);
    colored(t, color, padded);
}

static void table_component(table_ctx *t, const cost_component *c, const cost_side *before, bool show_was)
{
    sbuf_printf(t->out, "    %s: ", c->name);
    sbuf line = SBUF_INIT;
    component_detail(&line, c);
    const char *color = !c->priced && !c->usage_missing ? C_YELLOW : c->usage_missing ? C_DIM : NULL;
    colored(t, color, sbuf_str(&line));
    sbuf_free(&line);
    if (c->priced) {
        sbuf_puts(t->out, " = ");
        money(t->out, c->monthly);
    }
    if (c->nassumed) {
        sbuf_puts(t->out, " (");
        cost_render_assumptions(c, t->out);
        sbuf_puts(t->out, ")");
    }
    if (show_was) {
        const cost_component *old = find_component(before, c->name);
        if (old && old->priced && money_round(old->monthly) != money_round(c->monthly)) {
            sbuf_puts(t->out, " (was ");
            money(t->out, old->monthly);
            sbuf_puts(t->out, ")");
        }
    }
    sbuf_putc(t->out, '\n');
}

static void table_resource(table_ctx *t, const cost_resource *cr)
{
    sbuf_printf(t->out, "%-*s %-8s", t->addr_w, cr->res->address, action_text(cr));
    const char *st = status_text(cr);
    if (cr->status == COST_FREE || cr->status == COST_UNSUPPORTED) {
        sbuf_puts(t->out, "  ");
        colored(t, cr->status == COST_UNSUPPORTED ? C_YELLOW : C_DIM, st);
        sbuf_putc(t->out, '\n');
        return;
    }
    table_money_cols(t, cr);
    if (cr->replacement)
        sbuf_puts(t->out, "  (replacement)");
    if (st) {
        sbuf_puts(t->out, "  ");
        colored(t, cr->status == COST_NOT_PRICED ? C_YELLOW : C_DIM, st);
    }
    sbuf_putc(t->out, '\n');
    const cost_side *shown = cost_shown_side(cr);
    bool was = has_side_before(cr);
    for (size_t i = 0; i < shown->ncomponents; i++)
        table_component(t, &shown->components[i], &cr->before, was);
    if (was)
        for (size_t i = 0; i < cr->before.ncomponents; i++) {
            const cost_component *old = &cr->before.components[i];
            if (!find_component(shown, old->name) && old->priced) {
                sbuf_printf(t->out, "    was: %s: ", old->name);
                money(t->out, old->monthly);
                sbuf_putc(t->out, '\n');
            }
        }
}

static bool listed(const cost_resource *cr, const cost_render_opts *o)
{
    return o->all_resources || cr->res->action != PLAN_ACT_NOOP;
}

static size_t project_size(const cost_project *p)
{
    const cost_counts *c = &p->counts;
    return c->priced + c->free + c->unsupported + c->usage_only + c->not_priced;
}

/* Resources of one plan are contiguous, in plan order. */
static void project_range(const cost_report *r, size_t p, size_t *from, size_t *to)
{
    size_t start = 0;
    for (size_t i = 0; i < p; i++)
        start += project_size(&r->projects[i]);
    *from = start;
    *to = start + project_size(&r->projects[p]);
    if (*to > r->nresources)
        *to = r->nresources;
}

static void unchanged_line(const cost_report *r, sbuf *out, size_t from, size_t to)
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

static void table_totals(table_ctx *t, const char *label, const cost_totals *tot)
{
    char b[64], a[64];
    cost_money_text(b, sizeof b, tot->monthly_before, tot->before_partial, false);
    cost_money_text(a, sizeof a, tot->monthly_after, tot->after_partial, false);
    sbuf_printf(t->out, "%-*s %-8s %12s %12s ", t->addr_w, label, "", b, a);
    char d[64], padded[80];
    cost_money_text(d, sizeof d, tot->monthly_delta, tot->delta_partial, true);
    snprintf(padded, sizeof padded, "%12s", d);
    double rd = money_round(tot->monthly_delta);
    colored(t, rd > 0 ? C_RED : rd < 0 ? C_GREEN : NULL, padded);
    sbuf_putc(t->out, '\n');
}

void cost_render_table(const cost_report *r, const cost_render_opts *o, sbuf *out)
{
    table_ctx t = {out, o->color, 8};
    for (size_t i = 0; i < r->nresources; i++) {
        int len = (int)strlen(r->resources[i].res->address);
        if (listed(&r->resources[i], o) && len > t.addr_w)
            t.addr_w = len > 72 ? 72 : len;
    }
    if (t.addr_w < 24)
        t.addr_w = 24;
    bool multi = r->nprojects > 1;
    for (size_t p = 0; p < r->nprojects; p++) {
        size_t from, to;
        project_range(r, p, &from, &to);
        if (multi)
            sbuf_printf(out, "%s== %s\n", p ? "\n" : "", r->projects[p].name);
        sbuf_printf(out, "%-*s %-8s %12s %12s %12s\n", t.addr_w, "RESOURCE", "ACTION", "BEFORE", "AFTER", "DELTA");
        size_t shown = 0;
        for (size_t i = from; i < to; i++) {
            if (!listed(&r->resources[i], o))
                continue;
            table_resource(&t, &r->resources[i]);
            shown++;
        }
        if (!shown)
            sbuf_puts(out, "(no changes to price)\n");
        table_totals(&t, multi ? "SUBTOTAL" : "TOTAL", &r->projects[p].totals);
        if (multi)
            unchanged_line(r, out, from, to);
    }
    if (multi) {
        sbuf_putc(out, '\n');
        table_totals(&t, "TOTAL (all plans)", &r->totals);
    }
    if (r->totals.unpriced)
        sbuf_puts(out, UNPRICED_NOTE "\n");
    sbuf_putc(out, '\n');
    cost_render_census(r, out);
    sbuf_putc(out, '\n');
    if (!multi)
        unchanged_line(r, out, 0, r->nresources);
    cost_render_prices(o, out);
    sbuf_putc(out, '\n');
}

/* ---- markdown -------------------------------------------------------------- */

/* Markdown text with "*" escaped (a footnote mark, not emphasis). */
static void md_text(sbuf *out, const char *text)
{
    sbuf tmp = SBUF_INIT;
    sbuf_md_cell(&tmp, text);
    for (const char *p = sbuf_str(&tmp); *p; p++) {
        if (*p == '*')
            sbuf_putc(out, '\\');
        sbuf_putc(out, *p);
    }
    sbuf_free(&tmp);
}

static void md_money(sbuf *out, double v, bool unknown, bool is_delta)
{
    char cell[64];
    cost_money_text(cell, sizeof cell, v, unknown, is_delta);
    md_text(out, cell);
}

static void md_resource_row(sbuf *b, const cost_resource *cr)
{
    sbuf_puts(b, "| `");
    sbuf_md_cell(b, cr->res->address);
    sbuf_puts(b, "` | ");
    sbuf_puts(b, action_text(cr));
    if (cr->replacement)
        sbuf_puts(b, " (replacement)");
    sbuf_puts(b, " | ");
    const char *st = status_text(cr);
    if (cr->status == COST_FREE || cr->status == COST_UNSUPPORTED) {
        sbuf_printf(b, "%s | | |\n", st);
        return;
    }
    if (cr->res->action != PLAN_ACT_CREATE)
        md_money(b, cr->monthly_before, cr->before_unknown, false);
    else
        sbuf_puts(b, "–");
    sbuf_puts(b, " | ");
    if (cr->res->action != PLAN_ACT_DELETE)
        md_money(b, cr->monthly_after, cr->after_unknown, false);
    else
        sbuf_puts(b, "–");
    sbuf_puts(b, " | ");
    md_money(b, cr->monthly_delta, cr->delta_unknown, true);
    if (cr->status == COST_NOT_PRICED)
        sbuf_puts(b, " (not priced)");
    else if (cr->status == COST_USAGE_ONLY)
        sbuf_puts(b, " (usage-based)");
    sbuf_puts(b, " |\n");
}

static void md_components(sbuf *b, const cost_report *r, const cost_render_opts *o)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nresources; i++)
        if (listed(&r->resources[i], o))
            n += cost_shown_side(&r->resources[i])->ncomponents;
    if (!n)
        return;
    sbuf_puts(b, "\n<details><summary>Price components</summary>\n\n");
    sbuf_puts(b, "| Resource | Component | Quantity | Unit price | Monthly |\n|---|---|--:|--:|--:|\n");
    for (size_t i = 0; i < r->nresources; i++) {
        const cost_resource *cr = &r->resources[i];
        if (!listed(cr, o))
            continue;
        const cost_side *s = cost_shown_side(cr);
        for (size_t k = 0; k < s->ncomponents; k++) {
            const cost_component *c = &s->components[k];
            sbuf_puts(b, "| `");
            sbuf_md_cell(b, cr->res->address);
            sbuf_puts(b, "` | ");
            sbuf_md_cell(b, c->name);
            if (c->nassumed) {
                sbuf line = SBUF_INIT;
                sbuf_puts(&line, " (");
                cost_render_assumptions(c, &line);
                sbuf_puts(&line, ")");
                sbuf_md_cell(b, sbuf_str(&line));
                sbuf_free(&line);
            }
            sbuf_puts(b, " | ");
            if (c->priced) {
                quantity(b, c->quantity);
                sbuf_printf(b, " %s | $%s | ", c->unit, c->unit_price);
                money(b, c->monthly);
            } else {
                sbuf_md_cell(b, c->note ? c->note : "");
                sbuf_puts(b, " | | –");
            }
            sbuf_puts(b, " |\n");
        }
    }
    sbuf_puts(b, "\n</details>\n");
}

void cost_render_markdown(const cost_report *r, const cost_render_opts *o, sbuf *out)
{
    const cost_totals *t = &r->totals;
    sbuf_puts(out, "### Monthly cost: ");
    md_money(out, t->monthly_delta, t->delta_partial, true);
    sbuf_puts(out, " (");
    md_money(out, t->monthly_before, t->before_partial, false);
    sbuf_puts(out, " → ");
    md_money(out, t->monthly_after, t->after_partial, false);
    sbuf_puts(out, ")\n\n");
    if (r->nprojects > 1) {
        sbuf_puts(out, "| Plan | Before | After | Delta |\n|---|--:|--:|--:|\n");
        for (size_t p = 0; p < r->nprojects; p++) {
            const cost_project *pr = &r->projects[p];
            sbuf_puts(out, "| ");
            sbuf_md_cell(out, pr->name);
            sbuf_puts(out, " | ");
            md_money(out, pr->totals.monthly_before, pr->totals.before_partial, false);
            sbuf_puts(out, " | ");
            md_money(out, pr->totals.monthly_after, pr->totals.after_partial, false);
            sbuf_puts(out, " | ");
            md_money(out, pr->totals.monthly_delta, pr->totals.delta_partial, true);
            sbuf_puts(out, " |\n");
        }
        sbuf_puts(out, "| **Total** | **");
        md_money(out, t->monthly_before, t->before_partial, false);
        sbuf_puts(out, "** | **");
        md_money(out, t->monthly_after, t->after_partial, false);
        sbuf_puts(out, "** | **");
        md_money(out, t->monthly_delta, t->delta_partial, true);
        sbuf_puts(out, "** |\n\n");
    }
    size_t listed_n = 0;
    for (size_t i = 0; i < r->nresources; i++)
        listed_n += listed(&r->resources[i], o);
    if (listed_n) {
        sbuf_puts(out, "| Resource | Action | Before | After | Delta |\n|---|---|--:|--:|--:|\n");
        for (size_t i = 0; i < r->nresources; i++)
            if (listed(&r->resources[i], o))
                md_resource_row(out, &r->resources[i]);
    } else {
        sbuf_puts(out, "No changes to price.\n");
    }
    if (r->totals.unpriced) {
        sbuf_putc(out, '\n');
        md_text(out, UNPRICED_NOTE);
        sbuf_putc(out, '\n');
    }
    md_components(out, r, o);
    sbuf_putc(out, '\n');
    cost_render_census(r, out);
    sbuf_puts(out, "\n\n");
    sbuf line = SBUF_INIT;
    unchanged_line(r, &line, 0, r->nresources);
    if (line.len) {
        sbuf_puts(out, sbuf_str(&line));
        sbuf_putc(out, '\n');
    }
    sbuf_free(&line);
    sbuf_puts(out, "<sub>");
    sbuf prices = SBUF_INIT;
    cost_render_prices(o, &prices);
    sbuf_md_cell(out, sbuf_str(&prices));
    sbuf_free(&prices);
    sbuf_puts(out, "</sub>\n");
}

/* ---- JSON -------------------------------------------------------------------- */

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
    if (has_side_before(cr))
        json_components(b, "components_before", &cr->before);
    sbuf_putc(b, '}');
}

void cost_render_json(const cost_report *r, const cost_render_opts *o, sbuf *out)
{
    sbuf_puts(out, "{\"schema\":");
    sbuf_json_str(out, o->schema ? o->schema : "circuit.cost/v1");
    sbuf_puts(out, ",\"currency\":\"USD\",\"prices\":[");
    const price_offer_info **sorted = sorted_prices(o);
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
            project_range(r, p, &from, &to);
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

void cost_render(const cost_report *r, const char *format, const cost_render_opts *o, sbuf *out)
{
    if (strcmp(format, "json") == 0)
        cost_render_json(r, o, out);
    else if (strcmp(format, "markdown") == 0)
        cost_render_markdown(r, o, out);
    else
        cost_render_table(r, o, out);
}
