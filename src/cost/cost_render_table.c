/*
 * cost_render_table.c — the cost report as a terminal table: one row per
 * changed resource (action, before, after, delta) with its price
 * components indented under it, the totals (per plan and overall when there
 * are several), the census line and the price lists used.  Colour only when
 * the caller asks for it (a terminal, no NO_COLOR).
 */
#include "cost_render.h"
#include "cost_render_int.h"

#include <stdio.h>
#include <string.h>

#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_DIM "\033[2m"
#define C_OFF "\033[0m"

/* "730 hours x $0.0416" / "depends on usage: ..." / "not priced: ..." */
static void component_detail(sbuf *b, const cost_component *c)
{
    if (c->priced) {
        sbuf_json_num(b, c->quantity);
        sbuf_printf(b, " %s x $%s", c->unit, c->unit_price);
    } else if (c->note) {
        sbuf_puts(b, c->note);
    }
}

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
        cost_money(t->out, c->monthly);
    }
    if (c->nassumed) {
        sbuf_puts(t->out, " (");
        cost_render_assumptions(c, t->out);
        sbuf_puts(t->out, ")");
    }
    if (show_was) {
        const cost_component *old = cost_find_component(before, c->name);
        if (old && old->priced && money_round(old->monthly) != money_round(c->monthly)) {
            sbuf_puts(t->out, " (was ");
            cost_money(t->out, old->monthly);
            sbuf_puts(t->out, ")");
        }
    }
    sbuf_putc(t->out, '\n');
}

static void table_resource(table_ctx *t, const cost_resource *cr)
{
    sbuf_printf(t->out, "%-*s %-8s", t->addr_w, cr->res->address, plan_action_name(cr->res->action));
    const char *st = cost_status_text(cr);
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
    bool was = cost_has_before_side(cr);
    for (size_t i = 0; i < shown->ncomponents; i++)
        table_component(t, &shown->components[i], &cr->before, was);
    if (was)
        for (size_t i = 0; i < cr->before.ncomponents; i++) {
            const cost_component *old = &cr->before.components[i];
            if (!cost_find_component(shown, old->name) && old->priced) {
                sbuf_printf(t->out, "    was: %s: ", old->name);
                cost_money(t->out, old->monthly);
                sbuf_putc(t->out, '\n');
            }
        }
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
        if (cost_render_listed(&r->resources[i], o) && len > t.addr_w)
            t.addr_w = len > 72 ? 72 : len;
    }
    if (t.addr_w < 24)
        t.addr_w = 24;
    bool multi = r->nprojects > 1;
    for (size_t p = 0; p < r->nprojects; p++) {
        size_t from, to;
        cost_project_range(r, p, &from, &to);
        if (multi)
            sbuf_printf(out, "%s== %s\n", p ? "\n" : "", r->projects[p].name);
        sbuf_printf(out, "%-*s %-8s %12s %12s %12s\n", t.addr_w, "RESOURCE", "ACTION", "BEFORE", "AFTER", "DELTA");
        size_t shown = 0;
        for (size_t i = from; i < to; i++) {
            if (!cost_render_listed(&r->resources[i], o))
                continue;
            table_resource(&t, &r->resources[i]);
            shown++;
        }
        if (!shown)
            sbuf_puts(out, "(no changes to price)\n");
        table_totals(&t, multi ? "SUBTOTAL" : "TOTAL", &r->projects[p].totals);
        if (multi)
            cost_render_unchanged(r, out, from, to);
    }
    if (multi) {
        sbuf_putc(out, '\n');
        table_totals(&t, "TOTAL (all plans)", &r->totals);
    }
    if (r->totals.unpriced)
        sbuf_puts(out, COST_UNPRICED_NOTE "\n");
    sbuf_putc(out, '\n');
    cost_render_census(r, out);
    sbuf_putc(out, '\n');
    if (!multi)
        cost_render_unchanged(r, out, 0, r->nresources);
    cost_render_prices(o, out);
    sbuf_putc(out, '\n');
}
