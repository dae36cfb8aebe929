/*
 * cost_render_html.c — the cost report as an HTML page: the totals as
 * cards, the chart of monthly cost before and after by service, the chart
 * of the monthly change by resource, the table of changed resources with
 * their price components folded under each, the census and the price
 * lists used.  The review page reuses the two charts (cost_html_charts).
 *
 * Figures follow the other renderers' rule: a figure that rests on a
 * component not priced, or on a type with no model, is unknown; it shows
 * as "unknown" when nothing of it was priced and as the priced part with
 * "*" otherwise, and a chart never draws it as a bar.
 */
#include "cost_render_html.h"
#include "cost_render_int.h"

#include "../core/mem.h"
#include "../plan/plan_service.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bars the change chart draws before "other". */
#define TOP_CHANGES 15
/* Services the by-service chart names before "other services". */
#define TOP_SERVICES 12
/* Resources not priced named one by one in the change chart; more are one row. */
#define UNKNOWN_NAMED 5

/* ---- figures ------------------------------------------------------------ */

/* A figure as cost_estimate() decided it: unknown when it rests on a
 * component not priced or a type with no model; "unknown" when nothing of
 * it was priced, else the priced part and "*".  `assumed`: the side it is
 * read from rests on a value the plan does not give (the text outputs say
 * "assumed ..." on the component line; the page marks the figure "≈" too). */
static html_fig fig_of(double v, bool unknown, bool assumed)
{
    html_fig f = {v, 0};
    if (unknown)
        f.flags = money_round(v) == 0 ? HTML_FIG_UNKNOWN : HTML_FIG_PARTIAL;
    if (assumed && !(f.flags & HTML_FIG_UNKNOWN))
        f.flags |= HTML_FIG_ASSUMED;
    return f;
}

static html_fig fig(double v, bool unknown)
{
    return fig_of(v, unknown, false);
}

static bool side_assumes(const cost_side *s)
{
    for (size_t i = 0; i < s->ncomponents; i++)
        if (s->components[i].nassumed)
            return true;
    return false;
}

html_fig cost_html_before(const cost_resource *cr)
{
    return fig_of(cr->monthly_before, cr->before_unknown, side_assumes(&cr->before));
}

html_fig cost_html_after(const cost_resource *cr)
{
    return fig_of(cr->monthly_after, cr->after_unknown, side_assumes(&cr->after));
}

html_fig cost_html_delta(const cost_resource *cr)
{
    plan_action a = cr->res->action;
    bool assumed = (a != PLAN_ACT_CREATE && side_assumes(&cr->before)) ||
                   (a != PLAN_ACT_DELETE && side_assumes(&cr->after));
    return fig_of(cr->monthly_delta, cr->delta_unknown, assumed);
}

/* A sum of figures: the known parts add up; any unknown part makes the sum
 * partial, or unknown when nothing known adds to it. */
typedef struct fig_sum {
    double v;
    size_t unknown;
    bool assumed;
} fig_sum;

static void sum_add(fig_sum *s, html_fig f)
{
    if (f.flags & (HTML_FIG_UNKNOWN | HTML_FIG_PARTIAL))
        s->unknown++;
    if (!(f.flags & HTML_FIG_UNKNOWN))
        s->v += f.v;
    s->assumed |= (f.flags & HTML_FIG_ASSUMED) != 0;
}

static html_fig sum_fig(const fig_sum *s)
{
    html_fig f = fig(s->v, s->unknown > 0);
    if (s->assumed)
        f.flags |= HTML_FIG_ASSUMED;
    return f;
}

static bool priced_at_all(const cost_resource *cr)
{
    return cr->status != COST_SKIPPED;
}

static bool changed(const cost_resource *cr)
{
    return cr->res->action != PLAN_ACT_NOOP && priced_at_all(cr);
}

static char *resource_label(const cost_report *r, const cost_resource *cr)
{
    sbuf b = SBUF_INIT;
    if (r->nprojects > 1 && cr->plan_name)
        sbuf_printf(&b, "%s: ", cr->plan_name);
    sbuf_puts(&b, cr->res->address);
    return sbuf_detach(&b);
}

/* ---- chart: by service ---------------------------------------------------- */

typedef struct service_sum {
    const char *name;
    fig_sum before, after;
    double size;                 /* larger of the known figures: the order */
} service_sum;

static int cmp_service(const void *pa, const void *pb)
{
    const service_sum *a = pa, *b = pb;
    if (a->size != b->size)
        return a->size < b->size ? 1 : -1;
    return strcmp(a->name, b->name);
}

static bool sum_empty(const fig_sum *s)
{
    return money_round(s->v) == 0 && !s->unknown;
}

static void chart_services(const cost_report *r, sbuf *out)
{
    service_sum *sv = xcalloc(r->nresources + 1, sizeof *sv);
    size_t n = 0;
    for (size_t i = 0; i < r->nresources; i++) {
        const cost_resource *cr = &r->resources[i];
        if (!priced_at_all(cr))
            continue;
        const char *name = plan_service_name(cr->res->type);
        size_t k = 0;
        while (k < n && strcmp(sv[k].name, name) != 0)
            k++;
        if (k == n)
            sv[n++].name = name;
        sum_add(&sv[k].before, cost_html_before(cr));
        sum_add(&sv[k].after, cost_html_after(cr));
    }
    /* Services that cost nothing either side add nothing to the picture. */
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) {
        if (sum_empty(&sv[k].before) && sum_empty(&sv[k].after))
            continue;
        sv[k].size = fmax(fabs(sv[k].before.v), fabs(sv[k].after.v));
        sv[kept++] = sv[k];
    }
    qsort(sv, kept, sizeof *sv, cmp_service);
    size_t shown = kept <= TOP_SERVICES + 1 ? kept : TOP_SERVICES;
    html_chart_row *rows = xcalloc(shown + 2, sizeof *rows);
    for (size_t k = 0; k < shown; k++) {
        rows[k].label = sv[k].name;
        rows[k].fig[0] = sum_fig(&sv[k].before);
        rows[k].fig[1] = sum_fig(&sv[k].after);
    }
    size_t nrows = shown;
    char other[64];
    if (kept > shown) {
        fig_sum ob = {0, 0, false}, oa = {0, 0, false};
        for (size_t k = shown; k < kept; k++) {
            sum_add(&ob, sum_fig(&sv[k].before));
            sum_add(&oa, sum_fig(&sv[k].after));
        }
        snprintf(other, sizeof other, "other services (%zu)", kept - shown);
        rows[nrows].label = other;
        rows[nrows].fig[0] = sum_fig(&ob);
        rows[nrows].fig[1] = sum_fig(&oa);
        nrows++;
    }
    static const char *const series[] = {"before", "after"};
    static const char *const classes[] = {"s-before", "s-after"};
    html_chart c = {
        .id = "cost-by-service",
        .title = "Monthly cost before and after, by service",
        .note = "Every resource of the plan counts, unchanged ones too, so the bars add up to the totals. "
                "Services that cost nothing either side are left out.",
        .kind = HTML_CHART_GROUPED,
        .unit = HTML_MONEY,
        .series = series,
        .series_class = classes,
        .nseries = 2,
        .label_head = "Service",
        .rows = rows,
        .nrows = nrows,
    };
    html_chart_render(out, &c);
    free(rows);
    free(sv);
}

/* ---- chart: change by resource --------------------------------------------- */

typedef struct change {
    const cost_resource *cr;
    html_fig delta;
} change;

static int cmp_change(const void *pa, const void *pb)
{
    const change *a = pa, *b = pb;
    double x = fabs(money_round(a->delta.v)), y = fabs(money_round(b->delta.v));
    if (x != y)
        return x < y ? 1 : -1;
    int c = strcmp(a->cr->plan_name ? a->cr->plan_name : "", b->cr->plan_name ? b->cr->plan_name : "");
    return c ? c : strcmp(a->cr->res->address, b->cr->res->address);
}

static void chart_changes(const cost_report *r, cost_html_filter keep, void *ctx, sbuf *out)
{
    change *known = xcalloc(r->nresources + 1, sizeof *known);
    const cost_resource **unknown = xcalloc(r->nresources + 1, sizeof *unknown);
    size_t nknown = 0, nunknown = 0, nsame = 0, nchanged = 0;
    for (size_t i = 0; i < r->nresources; i++) {
        const cost_resource *cr = &r->resources[i];
        if (keep ? !keep(cr, ctx) : !changed(cr))
            continue;
        nchanged++;
        html_fig d = cost_html_delta(cr);
        if (d.flags & HTML_FIG_UNKNOWN)
            unknown[nunknown++] = cr;
        else if (money_round(d.v) == 0 && !(d.flags & HTML_FIG_PARTIAL))
            nsame++;
        else
            known[nknown++] = (change){cr, d};
    }
    qsort(known, nknown, sizeof *known, cmp_change);
    size_t shown = nknown <= TOP_CHANGES + 1 ? nknown : TOP_CHANGES;
    html_chart_row *rows = xcalloc(shown + UNKNOWN_NAMED + 3, sizeof *rows);
    char **labels = xcalloc(shown + UNKNOWN_NAMED + 3, sizeof *labels);
    size_t nrows = 0;
    for (size_t i = 0; i < shown; i++, nrows++) {
        labels[nrows] = resource_label(r, known[i].cr);
        rows[nrows].label = labels[nrows];
        rows[nrows].fig[0] = known[i].delta;
    }
    if (nknown > shown) {
        fig_sum rest = {0, 0, false};
        for (size_t i = shown; i < nknown; i++)
            sum_add(&rest, known[i].delta);
        sbuf l = SBUF_INIT;
        sbuf_printf(&l, "other (%zu resources)", nknown - shown);
        labels[nrows] = sbuf_detach(&l);
        rows[nrows].label = labels[nrows];
        rows[nrows].fig[0] = sum_fig(&rest);
        nrows++;
    }
    if (nunknown && nunknown <= UNKNOWN_NAMED) {
        for (size_t i = 0; i < nunknown; i++, nrows++) {
            labels[nrows] = resource_label(r, unknown[i]);
            rows[nrows].label = labels[nrows];
            rows[nrows].fig[0] = (html_fig){0, HTML_FIG_UNKNOWN};
        }
    } else if (nunknown) {
        sbuf l = SBUF_INIT;
        sbuf_printf(&l, "not priced (%zu resources)", nunknown);
        labels[nrows] = sbuf_detach(&l);
        rows[nrows].label = labels[nrows];
        rows[nrows].fig[0] = (html_fig){0, HTML_FIG_UNKNOWN};
        nrows++;
    }
    sbuf note = SBUF_INIT;
    sbuf_printf(&note, "%zu changed resource%s: ", nchanged, nchanged == 1 ? "" : "s");
    if (nknown > shown)
        sbuf_printf(&note, "the %zu largest monthly changes, \"other\" sums the next %zu", shown, nknown - shown);
    else
        sbuf_printf(&note, "%zu with a monthly change", nknown);
    if (nunknown)
        sbuf_printf(&note, ", %zu not priced (unknown, not drawn)", nunknown);
    if (nsame)
        sbuf_printf(&note, ", %zu whose monthly cost does not change", nsame);
    sbuf_putc(&note, '.');
    static const char *const series[] = {"monthly change"};
    static const char *const classes[] = {"up"};
    html_chart c = {
        .id = "cost-by-resource",
        .title = "Monthly change by resource",
        .note = sbuf_str(&note),
        .kind = HTML_CHART_DIVERGING,
        .unit = HTML_MONEY_DELTA,
        .series = series,
        .series_class = classes,
        .nseries = 1,
        .label_head = "Resource",
        .code_labels = true,
        .rows = rows,
        .nrows = nrows,
    };
    html_chart_render(out, &c);
    sbuf_free(&note);
    for (size_t i = 0; i < nrows; i++)
        free(labels[i]);
    free(labels);
    free(rows);
    free(unknown);
    free(known);
}

void cost_html_charts(const cost_report *r, cost_html_filter keep, void *ctx, sbuf *out)
{
    chart_services(r, out);
    chart_changes(r, keep, ctx, out);
}

/* ---- the page ------------------------------------------------------------------ */

typedef struct totals_figs {
    html_fig before, after, delta;
} totals_figs;

/* The report's totals (one plan's, or all plans' for NULL), as the other
 * renderers print them; marked assumed when a resource in them is priced
 * on an assumption. */
static totals_figs totals_of(const cost_report *r, const char *plan_name)
{
    const cost_totals *t = &r->totals;
    for (size_t p = 0; plan_name && p < r->nprojects; p++)
        if (strcmp(r->projects[p].name, plan_name) == 0)
            t = &r->projects[p].totals;
    bool ab = false, aa = false, ad = false;
    for (size_t i = 0; i < r->nresources; i++) {
        const cost_resource *cr = &r->resources[i];
        if (!priced_at_all(cr) || (plan_name && (!cr->plan_name || strcmp(cr->plan_name, plan_name) != 0)))
            continue;
        ab |= (cost_html_before(cr).flags & HTML_FIG_ASSUMED) != 0;
        aa |= (cost_html_after(cr).flags & HTML_FIG_ASSUMED) != 0;
        ad |= (cost_html_delta(cr).flags & HTML_FIG_ASSUMED) != 0;
    }
    return (totals_figs){fig_of(t->monthly_before, t->before_partial, ab),
                         fig_of(t->monthly_after, t->after_partial, aa),
                         fig_of(t->monthly_delta, t->delta_partial, ad)};
}

/* " up" / " down" for a delta that is known to grow / shrink the bill. */
static const char *delta_word(html_fig d)
{
    if (d.flags & HTML_FIG_UNKNOWN)
        return "";
    double v = money_round(d.v);
    return v > 0 ? " up" : v < 0 ? " down" : "";
}

static const char *delta_class(html_fig d)
{
    const char *w = delta_word(d);
    return !*w ? "" : strcmp(w, " up") == 0 ? " class=\"up\"" : " class=\"down\"";
}

static void card(sbuf *b, const char *label, html_fig f, html_unit unit, const char *cls)
{
    sbuf_printf(b, "<li><span>%s</span><b%s>", label, cls);
    html_fig_html(b, f, unit);
    sbuf_puts(b, "</b></li>");
}

static void cards(sbuf *b, const cost_report *r)
{
    totals_figs t = totals_of(r, NULL);
    sbuf_puts(b, "<ul class=\"cards\">");
    card(b, "Before, per month", t.before, HTML_MONEY, "");
    card(b, "After, per month", t.after, HTML_MONEY, "");
    card(b, "Change, per month", t.delta, HTML_MONEY_DELTA, delta_class(t.delta));
    size_t nchanged = 0, nunpriced = 0;
    for (size_t i = 0; i < r->nresources; i++) {
        nchanged += changed(&r->resources[i]);
        nunpriced += changed(&r->resources[i]) && (cost_html_delta(&r->resources[i]).flags &
                                                    (HTML_FIG_UNKNOWN | HTML_FIG_PARTIAL));
    }
    sbuf_printf(b, "<li><span>Changed resources</span><b>%zu</b></li>", nchanged);
    if (nunpriced)
        sbuf_printf(b, "<li><span>Changes not fully priced</span><b class=\"fig-unk\">%zu</b></li>", nunpriced);
    sbuf_puts(b, "</ul>\n");
}

static void projects_table(sbuf *b, const cost_report *r)
{
    if (r->nprojects < 2)
        return;
    sbuf_puts(b, "<h2>Plans</h2>\n<table><thead><tr><th scope=\"col\">Plan</th><th scope=\"col\" class=\"n\">"
                 "Before</th><th scope=\"col\" class=\"n\">After</th><th scope=\"col\" class=\"n\">Change</th>"
                 "</tr></thead>\n<tbody>\n");
    for (size_t p = 0; p <= r->nprojects; p++) {
        bool total = p == r->nprojects;
        totals_figs t = totals_of(r, total ? NULL : r->projects[p].name);
        sbuf_puts(b, total ? "<tr><th scope=\"row\">Total</th>" : "<tr><th scope=\"row\">");
        if (!total) {
            html_esc(b, r->projects[p].name);
            sbuf_puts(b, "</th>");
        }
        sbuf_puts(b, "<td class=\"n\">");
        html_fig_html(b, t.before, HTML_MONEY);
        sbuf_puts(b, "</td><td class=\"n\">");
        html_fig_html(b, t.after, HTML_MONEY);
        sbuf_printf(b, "</td><td class=\"n\"><span%s>", delta_class(t.delta));
        html_fig_html(b, t.delta, HTML_MONEY_DELTA);
        sbuf_puts(b, "</span></td></tr>\n");
    }
    sbuf_puts(b, "</tbody></table>\n");
}

/* The table's words, and "priced" where the table leaves the column empty. */
static const char *status_word(const cost_resource *cr)
{
    const char *w = cost_status_text(cr);
    return w ? w : cr->status == COST_SKIPPED ? "skipped" : "priced";
}

static void component_item(sbuf *b, const cost_component *c, const cost_side *before, bool was)
{
    sbuf_puts(b, "<li>");
    html_esc(b, c->name);
    sbuf_puts(b, ": ");
    if (c->priced) {
        sbuf q = SBUF_INIT;
        sbuf_json_num(&q, c->quantity);
        html_escf(b, "%s %s \xC3\x97 $%s = ", sbuf_str(&q), c->unit ? c->unit : "", c->unit_price ? c->unit_price : "?");
        sbuf_free(&q);
        cost_money(b, c->monthly);
    } else {
        sbuf_printf(b, "<span class=\"%s\">", c->usage_missing ? "mute" : "fig-unk");
        html_esc(b, c->note ? c->note : "not priced");
        sbuf_puts(b, "</span>");
    }
    if (c->nassumed) {
        sbuf a = SBUF_INIT;
        cost_render_assumptions(c, &a);
        sbuf_puts(b, " (");
        html_esc(b, sbuf_str(&a));
        sbuf_puts(b, ")");
        sbuf_free(&a);
    }
    if (was) {
        const cost_component *old = cost_find_component(before, c->name);
        if (old && old->priced && money_round(old->monthly) != money_round(c->monthly)) {
            sbuf_puts(b, " (was ");
            cost_money(b, old->monthly);
            sbuf_puts(b, ")");
        }
    }
    sbuf_puts(b, "</li>");
}

static void components(sbuf *b, const cost_resource *cr)
{
    const cost_side *s = cost_shown_side(cr);
    bool was = cost_has_before_side(cr);
    size_t gone = 0;
    if (was)
        for (size_t i = 0; i < cr->before.ncomponents; i++)
            gone += cr->before.components[i].priced && !cost_find_component(s, cr->before.components[i].name);
    if (!s->ncomponents && !gone)
        return;
    sbuf_printf(b, "<details><summary>%zu price component%s</summary><ul>", s->ncomponents + gone,
                s->ncomponents + gone == 1 ? "" : "s");
    for (size_t i = 0; i < s->ncomponents; i++)
        component_item(b, &s->components[i], &cr->before, was);
    for (size_t i = 0; was && i < cr->before.ncomponents; i++) {
        const cost_component *old = &cr->before.components[i];
        if (!old->priced || cost_find_component(s, old->name))
            continue;
        sbuf_puts(b, "<li>was: ");
        html_esc(b, old->name);
        sbuf_puts(b, ": ");
        cost_money(b, old->monthly);
        sbuf_puts(b, "</li>");
    }
    sbuf_puts(b, "</ul></details>");
}

/* One row per changed resource.  The table can hold thousands of rows,
 * so a row is lean: no optional end tags, the address styled by its
 * column instead of a <code> element, the delta's colour on its cell. */
static void resource_row(sbuf *b, const cost_report *r, const cost_resource *cr, bool detail)
{
    sbuf_puts(b, "<tr><td class=\"a\">");
    if (r->nprojects > 1 && cr->plan_name) {
        html_esc(b, cr->plan_name);
        sbuf_puts(b, ": ");
    }
    html_esc(b, cr->res->address);
    if (detail)
        components(b, cr);
    sbuf_puts(b, "<td>");
    html_esc(b, plan_action_name(cr->res->action));
    if (cr->replacement)
        sbuf_puts(b, " (replacement)");
    sbuf_puts(b, "<td class=\"n\">");
    if (cr->res->action == PLAN_ACT_CREATE)
        sbuf_puts(b, "\xE2\x80\x93");
    else
        html_fig_html(b, cost_html_before(cr), HTML_MONEY);
    sbuf_puts(b, "<td class=\"n\">");
    if (cr->res->action == PLAN_ACT_DELETE)
        sbuf_puts(b, "\xE2\x80\x93");
    else
        html_fig_html(b, cost_html_after(cr), HTML_MONEY);
    html_fig d = cost_html_delta(cr);
    sbuf_printf(b, "<td class=\"n%s\">", delta_word(d));
    html_fig_html(b, d, HTML_MONEY_DELTA);
    sbuf_printf(b, "<td>%s\n", status_word(cr));
}

/* How much of the resource table a page shows. */
typedef struct cost_layout {
    size_t detail;     /* rows with their components */
    size_t rows;       /* rows at all */
} cost_layout;

static size_t count_changed(const cost_report *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nresources; i++)
        n += changed(&r->resources[i]);
    return n;
}

static void resource_table(sbuf *b, const cost_report *r, const cost_layout *lay)
{
    sbuf_puts(b, "<h2 id=\"resources\">Changed resources</h2>\n");
    size_t n = count_changed(r);
    if (!n) {
        sbuf_puts(b, "<p>No changes to price.</p>\n");
        return;
    }
    html_long_table t = {
        b,
        "<table class=\"res\"><colgroup><col class=\"c-res\"><col class=\"c-act\"><col class=\"c-fig\">"
        "<col class=\"c-fig\"><col class=\"c-fig\"><col class=\"c-st\"></colgroup>",
        "<tr><th scope=\"col\">Resource</th><th scope=\"col\">Action</th><th scope=\"col\" class=\"n\">Before</th>"
        "<th scope=\"col\" class=\"n\">After</th><th scope=\"col\" class=\"n\">Change</th>"
        "<th scope=\"col\">Price</th></tr>",
        0,
        n < lay->rows ? n : lay->rows,
    };
    size_t k = 0;
    for (size_t i = 0; i < r->nresources && k < lay->rows; i++) {
        const cost_resource *cr = &r->resources[i];
        if (!changed(cr))
            continue;
        html_long_row(&t);
        resource_row(b, r, cr, k < lay->detail);
        k++;
    }
    html_long_end(&t);
    if (lay->rows < n || lay->detail < n) {
        sbuf_puts(b, "<p class=\"cut\"><strong>Shortened to keep the page light:</strong> ");
        if (lay->rows < n)
            sbuf_printf(b, "%zu of %zu rows not shown", n - lay->rows, n);
        if (lay->detail < (lay->rows < n ? lay->rows : n))
            sbuf_printf(b, "%sthe price components of %zu rows not shown", lay->rows < n ? "; " : "",
                        (lay->rows < n ? lay->rows : n) - lay->detail);
        sbuf_puts(b, ". The JSON output (<code>circuit cost --format json</code>) has every resource and "
                     "component.</p>\n");
    }
}

static size_t unchanged_count(const cost_report *r, double *monthly, bool *unknown)
{
    size_t n = 0;
    *monthly = 0;
    *unknown = false;
    for (size_t i = 0; i < r->nresources; i++) {
        const cost_resource *cr = &r->resources[i];
        if (cr->res->action != PLAN_ACT_NOOP || !priced_at_all(cr))
            continue;
        n++;
        html_fig a = cost_html_after(cr);
        *monthly += (a.flags & HTML_FIG_UNKNOWN) ? 0 : a.v;
        *unknown |= (a.flags & (HTML_FIG_UNKNOWN | HTML_FIG_PARTIAL)) != 0;
    }
    return n;
}

static void footer(sbuf *b, const cost_report *r, const cost_html_opts *o)
{
    sbuf census = SBUF_INIT;
    cost_render_census(r, &census);
    sbuf_puts(b, "<h2>Coverage</h2>\n<p>");
    html_esc(b, sbuf_str(&census));
    sbuf_puts(b, ".</p>\n");
    sbuf_free(&census);
    double monthly;
    bool unknown;
    size_t n = unchanged_count(r, &monthly, &unknown);
    if (n) {
        sbuf_printf(b, "<p>%zu unchanged resource%s: ", n, n == 1 ? "" : "s");
        html_fig_html(b, fig(monthly, unknown), HTML_MONEY);
        sbuf_puts(b, " per month, in the totals.</p>\n");
    }
    if (o && o->not_reviewed) {
        sbuf_puts(b, "<p><strong>Not reviewed:</strong> ");
        html_esc(b, o->not_reviewed);
        sbuf_puts(b, ".</p>\n");
    }
    sbuf_puts(b, "<p class=\"note\">");
    html_esc(b, COST_UNPRICED_NOTE);
    sbuf_puts(b, "; \"unknown\": nothing of the figure has a price, never counted as $0. "
                 "\xE2\x89\x88 the figure rests on a value the plan does not give, stated as \"assumed\" on its "
                 "price component.</p>\n");
    sbuf prices = SBUF_INIT;
    if (o && o->render)
        cost_render_prices(o->render, &prices);
    else
        sbuf_puts(&prices, "Prices: none used");
    sbuf_puts(b, "<p class=\"note\" id=\"prices\">");
    html_esc(b, sbuf_str(&prices));
    sbuf_puts(b, ".</p>\n");
    sbuf_free(&prices);
}

static void page(const cost_report *r, const cost_html_opts *o, const cost_layout *lay, sbuf *b)
{
    sbuf title = SBUF_INIT;
    sbuf_puts(&title, "Monthly cost");
    for (size_t p = 0; p < r->nprojects; p++)
        sbuf_printf(&title, "%s%s", p ? ", " : ": ", r->projects[p].name);
    html_page_begin(b, sbuf_str(&title));
    sbuf_free(&title);
    sbuf_puts(b, "<h1>Monthly cost</h1>\n<p class=\"meta mute\">");
    for (size_t p = 0; p < r->nprojects; p++) {
        sbuf_puts(b, p ? ", " : (r->nprojects > 1 ? "Plans: " : "Plan: "));
        sbuf_puts(b, "<code>");
        html_esc(b, r->projects[p].name);
        sbuf_puts(b, "</code>");
    }
    sbuf_puts(b, "</p>\n");
    cards(b, r);
    projects_table(b, r);
    cost_html_charts(r, NULL, NULL, b);
    resource_table(b, r, lay);
    footer(b, r, o);
    html_page_end(b);
}

void cost_render_html(const cost_report *r, const cost_html_opts *o, sbuf *out)
{
    size_t budget = o && o->budget ? o->budget : COST_HTML_BUDGET;
    size_t n = count_changed(r);
    cost_layout lay = {n, n};
    sbuf b = SBUF_INIT;
    page(r, o, &lay, &b);
    /* Over the budget: fewer rows keep their components, then fewer rows,
     * each step roughly in proportion to the overshoot. */
    while (b.len > budget && lay.rows > 0) {
        size_t *cap = lay.detail > 0 ? &lay.detail : &lay.rows;
        size_t next = (size_t)((double)*cap * (double)budget / (double)b.len * 0.9);
        *cap = next < *cap ? next : *cap - 1;
        if (lay.detail > lay.rows)
            lay.detail = lay.rows;
        sbuf_reset(&b);
        page(r, o, &lay, &b);
    }
    sbuf_add(out, sbuf_str(&b), b.len);
    sbuf_free(&b);
}
