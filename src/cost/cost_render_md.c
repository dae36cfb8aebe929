/*
 * cost_render_md.c — the cost report as a Markdown PR comment: the monthly
 * change in the heading, per-plan totals when there are several, one table
 * row per changed resource, the price components in a <details> block, the
 * census line and the price lists used.  Every cell goes through
 * sbuf_md_cell; a "*" footnote mark is escaped so it is not emphasis.
 */
#include "cost_render.h"
#include "cost_render_int.h"

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
    sbuf_puts(b, plan_action_name(cr->res->action));
    if (cr->replacement)
        sbuf_puts(b, " (replacement)");
    sbuf_puts(b, " | ");
    const char *st = cost_status_text(cr);
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
        if (cost_render_listed(&r->resources[i], o))
            n += cost_shown_side(&r->resources[i])->ncomponents;
    if (!n)
        return;
    sbuf_puts(b, "\n<details><summary>Price components</summary>\n\n");
    sbuf_puts(b, "| Resource | Component | Quantity | Unit price | Monthly |\n|---|---|--:|--:|--:|\n");
    for (size_t i = 0; i < r->nresources; i++) {
        const cost_resource *cr = &r->resources[i];
        if (!cost_render_listed(cr, o))
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
                sbuf_json_num(b, c->quantity);
                sbuf_printf(b, " %s | $%s | ", c->unit, c->unit_price);
                cost_money(b, c->monthly);
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
        listed_n += cost_render_listed(&r->resources[i], o);
    if (listed_n) {
        sbuf_puts(out, "| Resource | Action | Before | After | Delta |\n|---|---|--:|--:|--:|\n");
        for (size_t i = 0; i < r->nresources; i++)
            if (cost_render_listed(&r->resources[i], o))
                md_resource_row(out, &r->resources[i]);
    } else {
        sbuf_puts(out, "No changes to price.\n");
    }
    if (r->totals.unpriced) {
        sbuf_putc(out, '\n');
        md_text(out, COST_UNPRICED_NOTE);
        sbuf_putc(out, '\n');
    }
    md_components(out, r, o);
    sbuf_putc(out, '\n');
    cost_render_census(r, out);
    sbuf_puts(out, "\n\n");
    sbuf line = SBUF_INIT;
    cost_render_unchanged(r, &line, 0, r->nresources);
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
