/*
 * review_html.c — `circuit review --format html`: the review as one
 * self-contained page, built from the same model as the Markdown and JSON
 * (review_build), every section of the seed's "Review Output Format" in
 * its order, with the Markdown's additions in the same places (Not
 * Reviewed, Unchanged Resources, the price lists, Review Questions, the
 * verdict's evidence).  The verdict is the last heading, as in Markdown;
 * a summary line under the title repeats it for a reader who scans.
 *
 * What HTML adds: the cost charts (before and after by service, change by
 * resource) under Cost Impact, the findings chart (by area and severity)
 * at the head of Concerns, and the evidence of each checklist line.
 * Headings are one level up from the Markdown's (the page's title is its
 * h1).  Long lists keep to a byte budget: past it they are cut with a line
 * saying what was cut and that the JSON output has the whole review.
 */
#include "review_int.h"

#include "../core/html.h"
#include "../core/mem.h"
#include "../cost/cost_render_html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How long lists are laid out: at most `cap` items each, the others cut. */
typedef struct html_layout {
    size_t cap;
    size_t cut_deps, cut_strengths, cut_concerns, cut_recs;
} html_layout;

/* ---- text --------------------------------------------------------------- */

/* Model text: what is marked as code (and balanced backticks from other
 * modules' text) becomes <code>, everything else is escaped. */
static void text(sbuf *b, const char *s)
{
    while (s && *s) {
        if (*s == RV_CODE[0] || (*s == '`' && rv_backtick_end(s))) {
            const char *end = *s == '`' ? rv_backtick_end(s) : strchr(s + 1, RV_END[0]);
            size_t n = end ? (size_t)(end - s - 1) : strlen(s + 1);
            sbuf_puts(b, "<code>");
            html_esc_n(b, s + 1, n);
            sbuf_puts(b, "</code>");
            s += n + 1 + (end ? 1 : 0);
            continue;
        }
        size_t n = strcspn(s, RV_CODE RV_END "`");
        if (n == 0) {
            if (*s == '`')
                sbuf_putc(b, '`');   /* a lone backtick is just a character */
            s++;                     /* a stray end marker is dropped */
            continue;
        }
        html_esc_n(b, s, n);
        s += n;
    }
}

/* ---- the head ------------------------------------------------------------- */

static const char *verdict_class(review_verdict v)
{
    return v == REVIEW_APPROVED ? "v-ok" : v == REVIEW_APPROVED_WITH_CHANGES ? "v-warn" : "v-bad";
}

/* The monthly change as the cost report totals it ("*" when part of it
 * has no price, "unknown" when none of it has). */
static html_fig total_delta(const review *rv)
{
    const cost_totals *t = &rv->cost->totals;
    html_fig f = {t->monthly_delta, 0};
    if (t->delta_partial)
        f.flags = money_round(t->monthly_delta) == 0 ? HTML_FIG_UNKNOWN : HTML_FIG_PARTIAL;
    return f;
}

static void summary(sbuf *b, const review *rv)
{
    sbuf_puts(b, "<ul class=\"cards\" aria-label=\"Summary\">");
    sbuf_printf(b, "<li><span>Verdict</span><b class=\"%s\">%s</b></li>", verdict_class(rv->verdict),
                review_verdict_name(rv->verdict));
    if (rv->cost) {
        html_fig d = total_delta(rv);
        double m = money_round(d.v);
        sbuf_printf(b, "<li><span>Monthly change</span><b%s>",
                    d.flags & HTML_FIG_UNKNOWN ? "" : m > 0 ? " class=\"up\"" : m < 0 ? " class=\"down\"" : "");
        html_fig_html(b, d, HTML_MONEY_DELTA);
        sbuf_puts(b, "</b></li>");
    }
    sbuf_printf(b, "<li><span>Findings on the change</span><b>%zu</b></li>", rv->risk ? rv->risk->nfindings : 0);
    sbuf_printf(b, "<li><span>Resources changed</span><b>%zu</b></li>", rv->nchanged);
    sbuf_puts(b, "</ul>\n");
}

/* ---- Infrastructure Changes --------------------------------------------------- */

static void change_list(sbuf *b, const char *label, const review_change *c, size_t n)
{
    sbuf_printf(b, "<li><strong>%s:</strong> ", label);
    if (!n) {
        sbuf_puts(b, "None</li>\n");
        return;
    }
    review_change_items(b, c, n, text);
    sbuf_puts(b, "</li>\n");
}

static void scope_lines(sbuf *b, const review *rv)
{
    if (rv->not_reviewed_text) {
        sbuf_puts(b, "<li><strong>Not Reviewed:</strong> ");
        text(b, rv->not_reviewed_text);
        sbuf_puts(b, "</li>\n");
    }
    if (!rv->nunchanged)
        return;
    sbuf_printf(b, "<li><strong>Unchanged Resources:</strong> %zu, not judged", rv->nunchanged);
    if (rv->ncontext)
        sbuf_printf(b, " (%zu shown as context where a changed resource depends on them, labelled unchanged)",
                    rv->ncontext);
    if (rv->unchanged_notes.n) {
        sbuf_puts(b, "<ul>");
        for (size_t i = 0; i < rv->unchanged_notes.n; i++) {
            sbuf_puts(b, "<li>");
            text(b, rv->unchanged_notes.items[i]);
            sbuf_puts(b, "</li>");
        }
        sbuf_puts(b, "</ul>");
    }
    sbuf_puts(b, "</li>\n");
}

/* The change chart draws what the review judges: the changed resources. */
static bool in_change(const cost_resource *cr, void *ctx)
{
    return cr->status != COST_SKIPPED && rv_scope_of(ctx, cr->res) == RV_SCOPE_CHANGED;
}

static void infrastructure_changes(sbuf *b, const review *rv)
{
    sbuf_puts(b, "<h3>Infrastructure Changes</h3>\n<ul>\n");
    change_list(b, "New Resources", rv->created, rv->ncreated);
    change_list(b, "Modified Resources", rv->modified, rv->nmodified);
    scope_lines(b, rv);
    sbuf_puts(b, "<li><strong>Cost Impact:</strong> ");
    text(b, rv->cost_impact);
    sbuf_puts(b, " <a href=\"#prices\" aria-label=\"price lists used\">[prices]</a></li>\n</ul>\n");
    if (rv->cost)
        cost_html_charts(rv->cost, in_change, (void *)rv, b);
    sbuf_puts(b, "<p class=\"note\" id=\"prices\">Prices: ");
    text(b, rv->prices_note);
    sbuf_puts(b, ".</p>\n");
}

/* ---- Deployment, Scaling, Reliability ------------------------------------------ */

static void item_line(sbuf *b, const review *rv, review_item_id id)
{
    const review_item *it = &rv->items[id];
    const char *cls = it->unknown ? " unk" : it->not_applicable ? "" : it->yes ? "" : " no";
    /* For Downtime Required "Yes" is the bad word. */
    if (id == REVIEW_DOWNTIME && !it->unknown && !it->not_applicable)
        cls = it->yes ? " no" : "";
    sbuf_printf(b, "<li><strong>%s:</strong> <span class=\"word%s\">", review_items[id].label, cls);
    html_esc(b, review_item_word(id, it));
    sbuf_puts(b, "</span>");
    if (it->reason && *it->reason) {
        sbuf_puts(b, " \xE2\x80\x94 ");
        text(b, it->reason);
    }
    sbuf_puts(b, "</li>\n");
}

static void block(sbuf *b, const review *rv, const char *section)
{
    sbuf_printf(b, "<h3>%s</h3>\n<ul>\n", section);
    for (int i = 0; i < REVIEW_NITEMS; i++)
        if (strcmp(review_items[i].section, section) == 0)
            item_line(b, rv, (review_item_id)i);
    sbuf_puts(b, "</ul>\n");
}

/* ---- Dependencies ----------------------------------------------------------------- */

static void dependencies(sbuf *b, const review *rv, html_layout *lay)
{
    sbuf_puts(b, "<h2>Infrastructure Dependencies</h2>\n");
    html_long_table t = {
        b,
        "<table class=\"deps\"><colgroup><col class=\"c-dres\"><col class=\"c-dtype\"><col class=\"c-dpur\">"
        "<col class=\"c-dcost\"></colgroup>",
        "<tr><th scope=\"col\">Resource</th><th scope=\"col\">Type</th><th scope=\"col\">Purpose</th>"
        "<th scope=\"col\">Cost Impact</th></tr>",
        0,
        0,
    };
    size_t n = rv->ndeps < lay->cap ? rv->ndeps : lay->cap;
    t.total = n;
    lay->cut_deps = rv->ndeps - n;
    for (size_t i = 0; i < n; i++) {
        const review_dep *d = &rv->deps[i];
        /* Thousands of rows on a large plan: no optional end tags. */
        html_long_row(&t);
        sbuf_puts(b, "<tr><td>");
        text(b, d->resource);
        sbuf_puts(b, "<td>");
        text(b, d->service);
        sbuf_puts(b, "<td>");
        text(b, d->purpose);
        bool unpriced = !d->priced && d->cost && strncmp(d->cost, "not priced", 10) == 0;
        sbuf_puts(b, unpriced ? "<td class=\"fig-unk\">" : "<td>");
        text(b, d->cost);
        sbuf_putc(b, '\n');
    }
    if (!rv->ndeps) {
        html_long_row(&t);
        sbuf_puts(b, "<tr><td>None<td>-<td>-<td>No new infrastructure required\n");
    }
    html_long_end(&t);
}

/* ---- Checklist ------------------------------------------------------------------ */

static void checklist(sbuf *b, const review *rv)
{
    sbuf_puts(b, "<h2>Operational Checklist</h2>\n<ul class=\"checklist\">\n");
    for (size_t i = 0; i < REVIEW_NCHECKS; i++) {
        const review_check *c = &rv->checks[i];
        sbuf_printf(b, "<li><span class=\"box%s\" role=\"img\" aria-label=\"%s\">%s</span>",
                    c->checked ? " on" : "", c->checked ? "done" : c->unknown ? "unknown" : "not done",
                    c->checked ? "\xE2\x9C\x93" : c->unknown ? "?" : "&#160;");
        html_esc(b, review_check_items[i]);
        if (c->unknown)
            sbuf_puts(b, " <span class=\"word unk\">unknown until apply</span>");
        if (c->evidence && *c->evidence) {
            sbuf_puts(b, "<span class=\"ev\">");
            text(b, c->evidence);
            sbuf_puts(b, "</span>");
        }
        sbuf_puts(b, "</li>\n");
    }
    sbuf_puts(b, "</ul>\n");
}

/* ---- lists ------------------------------------------------------------------------- */

static void list(sbuf *b, const char *tag, char *const *items, size_t count, const html_layout *lay,
                 size_t *cut)
{
    size_t n = count < lay->cap ? count : lay->cap;
    *cut = count - n;
    if (!n)
        return;
    sbuf_printf(b, "<%s>\n", tag);
    for (size_t i = 0; i < n; i++) {
        sbuf_puts(b, "<li>");
        text(b, items[i]);
        sbuf_puts(b, "</li>\n");
    }
    sbuf_printf(b, "</%s>\n", tag);
}

static void findings_chart(sbuf *b, const review *rv)
{
    static const char *const sev_names[] = {"critical", "high", "medium", "low", "info"};
    static const char *const sev_classes[] = {"sev-critical", "sev-high", "sev-medium", "sev-low", "sev-info"};
    static const risk_severity sev_of[] = {RISK_CRITICAL, RISK_HIGH, RISK_MEDIUM, RISK_LOW, RISK_INFO};
    const risk_report *rr = rv->risk;
    size_t nf = rr ? rr->nfindings : 0;
    /* Severities present, in order, and the areas with their counts. */
    bool present[5] = {false};
    const char **areas = xcalloc(nf + 1, sizeof *areas);
    size_t (*counts)[5] = xcalloc(nf + 1, sizeof *counts);
    size_t nareas = 0;
    for (size_t i = 0; i < nf; i++) {
        const risk_rule_info *rule = rr->findings[i].rule;
        size_t s = 0;
        while (s < 4 && sev_of[s] != rule->severity)
            s++;
        present[s] = true;
        const char *area = rule->area ? rule->area : "other";
        size_t a = 0;
        while (a < nareas && strcmp(areas[a], area) != 0)
            a++;
        if (a == nareas)
            areas[nareas++] = area;
        counts[a][s]++;
    }
    /* Areas by their count of findings, then name. */
    for (size_t i = 1; i < nareas; i++)
        for (size_t j = i; j > 0; j--) {
            size_t tj = 0, tp = 0;
            for (size_t s = 0; s < 5; s++)
                tj += counts[j][s], tp += counts[j - 1][s];
            if (tj < tp || (tj == tp && strcmp(areas[j], areas[j - 1]) > 0))
                break;
            const char *ta = areas[j];
            areas[j] = areas[j - 1];
            areas[j - 1] = ta;
            size_t tc[5];
            memcpy(tc, counts[j], sizeof tc);
            memcpy(counts[j], counts[j - 1], sizeof tc);
            memcpy(counts[j - 1], tc, sizeof tc);
        }
    const char *names[5], *classes[5];
    size_t nseries = 0, col[5];
    for (size_t s = 0; s < 5; s++)
        if (present[s]) {
            col[nseries] = s;
            names[nseries] = sev_names[s];
            classes[nseries++] = sev_classes[s];
        }
    html_chart_row *rows = xcalloc(nareas + 1, sizeof *rows);
    for (size_t a = 0; a < nareas; a++) {
        rows[a].label = areas[a];
        for (size_t k = 0; k < nseries; k++)
            rows[a].fig[k] = (html_fig){(double)counts[a][col[k]], 0};
    }
    sbuf note = SBUF_INIT;
    sbuf_printf(&note, "%zu finding%s on what the plan changes", nf, nf == 1 ? "" : "s");
    size_t unchanged = rv->unchanged_risk ? rv->unchanged_risk->nfindings : 0;
    if (unchanged)
        sbuf_printf(&note, "; %zu on unchanged resources are not counted here (circuit check --scope all)",
                    unchanged);
    if (rr && rr->nsuppressed)
        sbuf_printf(&note, "; %zu suppressed", rr->nsuppressed);
    sbuf_putc(&note, '.');
    html_chart c = {
        .id = "findings",
        .title = "Findings by area and severity",
        .note = sbuf_str(&note),
        .kind = HTML_CHART_STACKED,
        .unit = HTML_COUNT,
        .series = names,
        .series_class = classes,
        .nseries = nseries,
        .label_head = "Area",
        .rows = rows,
        .nrows = nareas,
    };
    html_chart_render(b, &c);
    sbuf_free(&note);
    free(rows);
    free(counts);
    free(areas);
}

static void recommendations(sbuf *b, const review *rv, html_layout *lay)
{
    sbuf_puts(b, "<h2>Recommendations</h2>\n");
    size_t n = rv->nrecs < lay->cap ? rv->nrecs : lay->cap;
    lay->cut_recs = rv->nrecs - n;
    if (!n)
        return;
    sbuf_puts(b, "<ol>\n");
    for (size_t i = 0; i < n; i++) {
        sbuf_puts(b, "<li>");
        text(b, rv->recs[i].text);
        sbuf_puts(b, "</li>\n");
    }
    sbuf_puts(b, "</ol>\n");
}

static void questions(sbuf *b, const review *rv)
{
    sbuf_puts(b, "<h2>Review Questions</h2>\n<ul>\n");
    for (size_t i = 0; i < REVIEW_NQUESTIONS; i++) {
        sbuf_puts(b, "<li><strong>");
        html_esc(b, review_questions[i]);
        sbuf_puts(b, "</strong> ");
        text(b, rv->answers[i]);
        sbuf_puts(b, "</li>\n");
    }
    sbuf_puts(b, "</ul>\n");
}

static void cut_line(sbuf *b, const html_layout *lay)
{
    const struct {
        size_t n;
        const char *one, *many;
    } cuts[] = {
        {lay->cut_deps, "dependency row", "dependency rows"},
        {lay->cut_strengths, "strength", "strengths"},
        {lay->cut_concerns, "concern", "concerns"},
        {lay->cut_recs, "recommendation", "recommendations"},
    };
    sbuf what = SBUF_INIT;
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++)
        if (cuts[i].n)
            sbuf_printf(&what, "%s%zu %s", what.len ? ", " : "", cuts[i].n, cuts[i].n == 1 ? cuts[i].one : cuts[i].many);
    if (what.len) {
        sbuf_puts(b, "<p class=\"cut\"><strong>Shortened to keep the page light:</strong> ");
        html_esc(b, sbuf_str(&what));
        sbuf_puts(b, " not shown. The JSON output (<code>circuit review --format json</code>) has the full "
                     "review.</p>\n");
    }
    sbuf_free(&what);
}

static void verdict(sbuf *b, const review *rv)
{
    sbuf_printf(b, "<h2 id=\"verdict\">Verdict: <span class=\"badge %s\">%s</span></h2>\n", verdict_class(rv->verdict),
                review_verdict_name(rv->verdict));
    if (rv->verdict_note) {
        sbuf_puts(b, "<p>");
        text(b, rv->verdict_note);
        sbuf_puts(b, "</p>\n");
    }
    if (rv->verdict_reasons.n) {
        sbuf_puts(b, "<ul class=\"note\">\n");
        for (size_t i = 0; i < rv->verdict_reasons.n; i++) {
            sbuf_puts(b, "<li>");
            text(b, rv->verdict_reasons.items[i]);
            sbuf_puts(b, "</li>\n");
        }
        sbuf_puts(b, "</ul>\n");
    }
}

static void render(const review *rv, html_layout *lay, sbuf *b)
{
    sbuf title = SBUF_INIT;
    sbuf_puts(&title, "Infrastructure/DevOps Engineer Review");
    for (size_t i = 0; i < rv->nplans; i++)
        sbuf_printf(&title, "%s%s", i ? ", " : ": ", rv->plans[i]->name);
    html_page_begin(b, sbuf_str(&title));
    sbuf_free(&title);
    sbuf_puts(b, "<h1>Infrastructure/DevOps Engineer Review</h1>\n"
                 "<p class=\"meta\"><strong>Reviewer:</strong> Circuit<br>\n"
                 "<strong>Focus Areas:</strong> Deployment, monitoring, scaling, infrastructure</p>\n"
                 "<p class=\"meta mute\">");
    for (size_t i = 0; i < rv->nplans; i++) {
        sbuf_puts(b, i ? ", " : (rv->nplans > 1 ? "Plans: " : "Plan: "));
        sbuf_puts(b, "<code>");
        html_esc(b, rv->plans[i]->name);
        sbuf_puts(b, "</code>");
    }
    sbuf_puts(b, "</p>\n");
    summary(b, rv);
    sbuf_puts(b, "<h2>Assessment</h2>\n");
    infrastructure_changes(b, rv);
    block(b, rv, "Deployment");
    block(b, rv, "Scaling");
    block(b, rv, "Reliability");
    dependencies(b, rv, lay);
    checklist(b, rv);
    sbuf_puts(b, "<h2>Strengths</h2>\n");
    list(b, "ul", rv->strengths.items, rv->strengths.n, lay, &lay->cut_strengths);
    sbuf_puts(b, "<h2>Concerns</h2>\n");
    findings_chart(b, rv);
    list(b, "ul", rv->concerns.items, rv->concerns.n, lay, &lay->cut_concerns);
    recommendations(b, rv, lay);
    questions(b, rv);
    cut_line(b, lay);
    verdict(b, rv);
    html_page_end(b);
}

void review_render_html(const review *rv, size_t budget, sbuf *out)
{
    if (!budget)
        budget = REVIEW_HTML_BUDGET;
    html_layout lay = {(size_t)-1, 0, 0, 0, 0};
    sbuf b = SBUF_INIT;
    render(rv, &lay, &b);
    /* Over the budget: cut the long lists shorter until the page fits,
     * roughly in proportion to the overshoot. */
    size_t longest = rv->ndeps;
    if (rv->concerns.n > longest)
        longest = rv->concerns.n;
    if (rv->strengths.n > longest)
        longest = rv->strengths.n;
    if (rv->nrecs > longest)
        longest = rv->nrecs;
    size_t cap = longest;
    while (b.len > budget && cap > 0) {
        size_t next = (size_t)((double)cap * (double)budget / (double)b.len * 0.9);
        cap = next < cap ? next : cap - 1;
        lay = (html_layout){cap, 0, 0, 0, 0};
        sbuf_reset(&b);
        render(rv, &lay, &b);
    }
    sbuf_add(out, sbuf_str(&b), b.len);
    sbuf_free(&b);
}
