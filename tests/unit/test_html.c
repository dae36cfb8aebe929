/*
 * test_html.c — the HTML reports: one escaping function for every value,
 * the page frame (no script, nothing fetched), the SVG charts (figures not
 * priced are marked and never drawn as bars; partial sums and assumptions
 * marked), long tables in chunks, the cost page and the review page built
 * from the same model as the Markdown, with their size budgets.
 */
#include "review_testlib.h"
#include "src/core/html.h"
#include "src/core/mem.h"
#include "src/cost/cost_render_html.h"
#include "src/review/review_int.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* ---- escaping --------------------------------------------------------------- */

Test(html_esc, markup_characters_become_entities)
{
    sbuf b = SBUF_INIT;
    html_esc(&b, "<script>alert('x') & \"y\"</script>");
    cr_assert_str_eq(sbuf_str(&b), "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    sbuf_free(&b);
}

Test(html_esc, controls_become_spaces_and_tab_newline_stay)
{
    sbuf b = SBUF_INIT;
    html_esc_n(&b, "a\x01" "b\tc\nd\re\x7f" "f\0g", 12);
    cr_assert_eq(b.len, 12);
    cr_assert_eq(memcmp(sbuf_str(&b), "a b\tc\nd e f g", 12), 0, "%s", sbuf_str(&b));
    sbuf_free(&b);
}

Test(html_esc, invalid_utf8_becomes_the_replacement_character)
{
    sbuf b = SBUF_INIT;
    /* valid é, a lone continuation byte, an overlong '/', a surrogate, a truncated sequence */
    html_esc(&b, "\xC3\xA9|\x80|\xC0\xAF|\xED\xA0\x80|\xE2\x82");
    cr_assert_str_eq(sbuf_str(&b), "\xC3\xA9|\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"
                                   "\xEF\xBF\xBD\xEF\xBF\xBD");
    sbuf_reset(&b);
    html_esc(&b, "\xF0\x9F\x92\xB8 \xE2\x89\x88");   /* 4- and 3-byte characters pass */
    cr_assert_str_eq(sbuf_str(&b), "\xF0\x9F\x92\xB8 \xE2\x89\x88");
    sbuf_reset(&b);
    html_esc(&b, NULL);
    cr_assert_eq(b.len, 0);
    html_escf(&b, "%s=%d", "<a>", 3);
    cr_assert_str_eq(sbuf_str(&b), "&lt;a&gt;=3");
    sbuf_free(&b);
}

/* ---- page --------------------------------------------------------------------- */

Test(html_page, forbids_scripts_and_fetches_nothing)
{
    sbuf b = SBUF_INIT;
    html_page_begin(&b, "plan <x>.json");
    html_page_end(&b);
    const char *s = sbuf_str(&b);
    cr_assert(strstr(s, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"));
    cr_assert(strstr(s, "<title>plan &lt;x&gt;.json</title>"));
    cr_assert(strstr(s, "@media (prefers-color-scheme:dark)"));
    cr_assert(strstr(s, "@media print"));
    cr_assert(strstr(s, "name=\"viewport\""));
    cr_assert_null(strstr(s, "<script"));
    cr_assert_null(strstr(s, "http:"), "nothing from the network");
    cr_assert_null(strstr(s, "https:"));
    cr_assert_null(strstr(s, "@import"));
    cr_assert_null(strstr(s, "url("), "no fonts or images fetched by the style sheet");
    sbuf_free(&b);
}

/* ---- figures ----------------------------------------------------------------- */

Test(html_fig, unknown_partial_and_assumed_are_marked)
{
    sbuf b = SBUF_INIT;
    html_fig_text(&b, (html_fig){0, HTML_FIG_UNKNOWN}, HTML_MONEY);
    cr_assert_str_eq(sbuf_str(&b), "unknown", "as the text outputs say it, never $0.00");
    sbuf_reset(&b);
    html_fig_text(&b, (html_fig){12.5, HTML_FIG_PARTIAL}, HTML_MONEY_DELTA);
    cr_assert_str_eq(sbuf_str(&b), "+$12.50*");
    sbuf_reset(&b);
    html_fig_text(&b, (html_fig){8, HTML_FIG_ASSUMED}, HTML_MONEY);
    cr_assert_str_eq(sbuf_str(&b), "\xE2\x89\x88$8.00");
    sbuf_reset(&b);
    html_fig_text(&b, (html_fig){-3, 0}, HTML_MONEY_DELTA);
    cr_assert_str_eq(sbuf_str(&b), "-$3.00");
    sbuf_reset(&b);
    html_fig_html(&b, (html_fig){0, HTML_FIG_UNKNOWN}, HTML_MONEY);
    cr_assert_str_eq(sbuf_str(&b), "<span class=\"fig-unk\" title=\"no price was found: the figure is unknown, not "
                                   "$0\">unknown</span>");
    sbuf_free(&b);
}

/* ---- charts ------------------------------------------------------------------- */

static const char *const two[] = {"before", "after"};
static const char *const two_classes[] = {"s-before", "s-after"};

static char *chart(html_chart_kind kind, html_unit unit, const html_chart_row *rows, size_t n, size_t nseries)
{
    html_chart c = {.id = "t", .title = "T", .kind = kind, .unit = unit, .series = two,
                    .series_class = two_classes, .nseries = nseries, .label_head = "L", .rows = rows, .nrows = n};
    sbuf b = SBUF_INIT;
    html_chart_render(&b, &c);
    return sbuf_detach(&b);
}

Test(html_chart, a_figure_not_priced_is_never_a_bar)
{
    html_chart_row rows[] = {
        {"Amazon EC2", {{10, 0}, {0, HTML_FIG_UNKNOWN}}},
        {"Amazon RDS", {{0, 0}, {20, 0}}},
    };
    char *s = chart(HTML_CHART_GROUPED, HTML_MONEY, rows, 2, 2);
    cr_assert_eq(count(s, "<rect class=\"bar "), 3, "%s", s);
    cr_assert_eq(count(s, "class=\"unk-box\""), 1);
    cr_assert(strstr(s, "data-label=\"Amazon EC2\" data-series=\"before\" data-value=\"10.00\""));
    cr_assert_null(strstr(s, "data-label=\"Amazon EC2\" data-series=\"after\""), "no bar for the unknown figure");
    cr_assert(strstr(s, ">not priced</text>"));
    cr_assert(strstr(s, "<td class=\"n\"><span class=\"fig-unk\""), "the table says so too");
    cr_assert(strstr(s, "not priced: unknown, not drawn"), "the legend explains the mark");
    /* the largest figure takes the widest bar */
    cr_assert(strstr(s, "data-label=\"Amazon RDS\" data-series=\"after\"") &&
              strstr(s, "width=\"64.00%\" height=\"11\" data-label=\"Amazon RDS\" data-series=\"after\""), "%s", s);
    free(s);
}

Test(html_chart, partial_sums_get_a_hatched_end_and_assumptions_a_dashed_bar)
{
    html_chart_row rows[] = {
        {"a", {{5, HTML_FIG_PARTIAL}, {0, 0}}},
        {"b", {{7, HTML_FIG_ASSUMED}, {0, 0}}},
    };
    char *s = chart(HTML_CHART_GROUPED, HTML_MONEY, rows, 2, 2);
    cr_assert_eq(count(s, "class=\"tail\""), 1);
    cr_assert(strstr(s, ">$5.00*</text>"));
    cr_assert(strstr(s, "<rect class=\"bar s-before assumed\""));
    cr_assert(strstr(s, ">\xE2\x89\x88$7.00</text>"));
    cr_assert(strstr(s, "* leaves out figures not priced"));
    cr_assert(strstr(s, "rests on assumed values"));
    free(s);
}

Test(html_chart, diverging_bars_sit_on_the_side_of_their_sign)
{
    html_chart_row rows[] = {{"up", {{30, 0}}}, {"down", {{-15, 0}}}, {"gone", {{0, HTML_FIG_UNKNOWN}}}};
    char *s = chart(HTML_CHART_DIVERGING, HTML_MONEY_DELTA, rows, 3, 1);
    cr_assert(strstr(s, "<rect class=\"bar up\" x=\"50.00%\""), "%s", s);
    cr_assert(strstr(s, "<rect class=\"bar down\" x=\"27.00%\" y=\"56\" width=\"23.00%\""), "%s", s);
    cr_assert(strstr(s, ">+$30.00</text>") && strstr(s, ">-$15.00</text>"));
    cr_assert_eq(count(s, "<rect class=\"bar "), 2);
    cr_assert_eq(count(s, "class=\"unk-box\""), 1);
    free(s);
}

Test(html_chart, labels_are_escaped_and_long_ones_keep_their_end)
{
    const char *lbl = "module.very_long_module_name[\"<b>\"].aws_db_instance.the_main_database";
    html_chart_row rows[] = {{lbl, {{1, 0}}}};
    char *s = chart(HTML_CHART_DIVERGING, HTML_MONEY_DELTA, rows, 1, 1);
    cr_assert_null(strstr(s, "<b>"), "%s", s);
    cr_assert(strstr(s, "data-label=\"module.very_long_module_name[&quot;&lt;b&gt;&quot;].aws_db_instance."
                        "the_main_database\""));
    cr_assert(strstr(s, "<text class=\"lbl narrow\" x=\"0\" y=\"12\">\xE2\x80\xA6nce.the_main_database</text>"),
              "phone label: %s", s);
    cr_assert(strstr(s, "<text class=\"lbl wide\" x=\"0\" y=\"12\">\xE2\x80\xA6me[&quot;&lt;b&gt;&quot;]."
                        "aws_db_instance.the_main_database</text>"), "laptop label: %s", s);
    cr_assert(strstr(s, "<th scope=\"row\">module.very_long_module_name[&quot;&lt;b&gt;&quot;].aws_db_instance."),
              "the table has it whole");
    free(s);
}

Test(html_chart, stacked_segments_skip_zero_and_an_empty_chart_says_so)
{
    html_chart_row rows[] = {{"networking", {{2, 0}, {0, 0}}}};
    char *s = chart(HTML_CHART_STACKED, HTML_COUNT, rows, 1, 2);
    cr_assert_eq(count(s, "<rect class=\"bar "), 1);
    cr_assert(strstr(s, "data-value=\"2\""));
    cr_assert(strstr(s, "<td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">2</td>"), "%s", s);
    free(s);
    s = chart(HTML_CHART_STACKED, HTML_COUNT, rows, 0, 2);
    cr_assert(strstr(s, "Nothing to show."));
    cr_assert_null(strstr(s, "<svg"));
    free(s);
}

/* ---- long tables -------------------------------------------------------------- */

Test(html_long, chunks_after_the_first_are_laid_out_lazily)
{
    sbuf b = SBUF_INIT;
    html_long_table t = {&b, "<table>", "<tr><th>h</th></tr>", 0, HTML_CHUNK_ROWS + 1};
    for (size_t i = 0; i < HTML_CHUNK_ROWS + 1; i++) {
        html_long_row(&t);
        sbuf_puts(&b, "<tr><td>x\n");
    }
    html_long_end(&t);
    const char *s = sbuf_str(&b);
    cr_assert_eq(count(s, "<table>"), 2);
    cr_assert_eq(count(s, "</tbody></table></div>"), 2);
    const char *first = "<div class=\"chunk\"><table>\n<thead><tr><th>h</th></tr></thead>";
    cr_assert(strncmp(s, first, strlen(first)) == 0, "%s", s);
    cr_assert(strstr(s, "<div class=\"chunk lazy\" style=\"--rows:1\"><table>\n<thead class=\"again\">"));
    sbuf_reset(&b);
    html_long_table none = {&b, "<table>", "<tr><th>h</th></tr>", 0, 0};
    html_long_end(&none);
    cr_assert_eq(b.len, 0);
    sbuf_free(&b);
}

/* ---- the cost page -------------------------------------------------------------- */

static const char *const three =
    "[{\"address\":\"aws_instance.web\",\"type\":\"aws_instance\",\"action\":\"create\",\"after\":{}},"
    " {\"address\":\"aws_instance.x<y>\",\"type\":\"aws_instance\",\"action\":\"create\",\"after\":{}},"
    " {\"address\":\"aws_nat_gateway.old\",\"type\":\"aws_nat_gateway\",\"action\":\"delete\",\"before\":{}}]";

static char *cost_page(const cost_report *c, size_t budget)
{
    cost_html_opts o = {.render = NULL, .not_reviewed = "1 google resource not reviewed", .budget = budget};
    sbuf b = SBUF_INIT;
    cost_render_html(c, &o, &b);
    return sbuf_detach(&b);
}

Test(cost_html, unpriced_changes_are_marked_and_never_drawn)
{
    plan *p = tl_plan("plan.json", three);
    cost_report *c = tl_cost();
    tl_cost_add(c, p, "aws_instance.web", COST_PRICED, 0, 30.37, NULL);
    tl_cost_add(c, p, "aws_instance.x<y>", COST_NOT_PRICED, 0, 0, "not priced: instance_type known after apply");
    tl_cost_add(c, p, "aws_nat_gateway.old", COST_PRICED, 32.85, 0, NULL);
    char *s = cost_page(c, 0);
    const char *chart = strstr(s, "id=\"cost-by-resource\"");
    cr_assert(chart);
    cr_assert(strstr(chart, "<rect class=\"bar up\" x=\"50.00%\" y=\"56\" width=\"42.53%\" height=\"11\" "
                            "data-label=\"aws_instance.web\" data-series=\"monthly change\" data-value=\"30.37\"/>"),
              "%s", chart);
    cr_assert(strstr(chart, "data-label=\"aws_nat_gateway.old\" data-series=\"monthly change\" data-value=\"-32.85\""));
    cr_assert_null(strstr(s, "data-label=\"aws_instance.x&lt;y&gt;\""), "the unpriced change has no bar");
    cr_assert(strstr(chart, "<code>aws_instance.x&lt;y&gt;</code></th><td class=\"n\"><span class=\"fig-unk\""));
    cr_assert(strstr(s, "<tr><td class=\"a\">aws_instance.x&lt;y&gt;"), "the table row is escaped");
    cr_assert(strstr(s, "1 not priced (unknown, not drawn)"));
    /* the totals say what they leave out */
    cr_assert(strstr(s, "<span>After, per month</span><b><span class=\"fig-part\""), "%s", s);
    cr_assert(strstr(s, "<strong>Not reviewed:</strong> 1 google resource not reviewed."));
    cr_assert_null(strstr(s, "<script"));
    cr_assert_null(strstr(s, "Shortened"));
    free(s);
    tl_cost_free(c);
    tl_plan_free(p);
}

Test(cost_html, over_the_budget_the_table_is_cut_and_says_so)
{
    sbuf doc = SBUF_INIT;
    sbuf_putc(&doc, '[');
    for (int i = 0; i < 600; i++)
        sbuf_printf(&doc, "%s{\"address\":\"aws_instance.i%03d\",\"type\":\"aws_instance\",\"action\":\"create\","
                    "\"after\":{}}", i ? "," : "", i);
    sbuf_putc(&doc, ']');
    plan *p = tl_plan("plan.json", sbuf_str(&doc));
    sbuf_free(&doc);
    cost_report *c = tl_cost();
    for (size_t i = 0; i < p->nresources; i++)
        tl_cost_add(c, p, p->resources[i].address, COST_PRICED, 0, 7.59 + (double)i, NULL);
    char *full = cost_page(c, 0);
    cr_assert_eq(count(full, "<tr><td class=\"a\">"), 600);
    cr_assert_eq(count(full, "<div class=\"chunk lazy\""), 2, "600 rows in chunks of %d", HTML_CHUNK_ROWS);
    /* top 15 and "other" */
    const char *chart = strstr(full, "id=\"cost-by-resource\"");
    cr_assert_eq(count(chart, "<rect class=\"bar "), 16);
    cr_assert(strstr(chart, "data-label=\"aws_instance.i599\""), "the largest change first");
    cr_assert(strstr(chart, "data-label=\"other (585 resources)\""));
    char *cut = cost_page(c, 60000);
    cr_assert_lt(strlen(cut), strlen(full));
    cr_assert_leq(strlen(cut), 60000);
    cr_assert(strstr(cut, "<strong>Shortened to keep the page light:</strong> "), "%s", cut + strlen(cut) - 800);
    cr_assert(strstr(cut, "rows not shown. The JSON output (<code>circuit cost --format json</code>) has every "
                          "resource and component.</p>"));
    cr_assert(strstr(cut, "</html>\n"), "the page is whole");
    free(full);
    free(cut);
    tl_cost_free(c);
    tl_plan_free(p);
}

/* ---- the review page ------------------------------------------------------------ */

static char *review_page(const review *rv, size_t budget)
{
    sbuf b = SBUF_INIT;
    review_render_html(rv, budget, &b);
    return sbuf_detach(&b);
}

Test(review_html, the_seed_sections_in_order_and_the_verdict_last)
{
    static const risk_rule_info rule = {"TEAM-1", "storage", RISK_MEDIUM, "aws_s3_bucket", "t",
                                        "Use <region> | a *b* `cmd`", NULL, NULL};
    plan *p = tl_plan("plan.json", "[{\"address\":\"aws_s3_bucket.a<b>\",\"type\":\"aws_s3_bucket\","
                                   "\"action\":\"create\",\"after\":{}}]");
    risk_report *risk = tl_risk();
    tl_risk_add(risk, &rule, "aws_s3_bucket.a<b>", "x", "<img src=x onerror=alert(1)>");
    cost_report *cost = tl_cost();
    tl_cost_add(cost, p, "aws_s3_bucket.a<b>", COST_USAGE_ONLY, 0, 0, "depends on usage: $0.023 per GB");
    plan *plans[1] = {p};
    review_opts o = {.cost_threshold = 500};
    review *rv;
    cir_err err;
    cr_assert_eq(review_build(plans, 1, cost, risk, &o, &rv, &err), CIR_OK);
    char *s = review_page(rv, 0);
    static const char *const order[] = {
        "<h1>Infrastructure/DevOps Engineer Review</h1>", "<strong>Reviewer:</strong> Circuit",
        "<strong>Focus Areas:</strong> Deployment, monitoring, scaling, infrastructure", "<h2>Assessment</h2>",
        "<h3>Infrastructure Changes</h3>", "<strong>New Resources:</strong>", "<strong>Modified Resources:</strong>",
        "<strong>Cost Impact:</strong>", "id=\"cost-by-service\"", "id=\"cost-by-resource\"", "id=\"prices\"",
        "<h3>Deployment</h3>", "<strong>Container Changes:</strong>", "<strong>Configuration Changes:</strong>",
        "<strong>Downtime Required:</strong>", "<h3>Scaling</h3>", "<strong>Horizontal Scaling:</strong>",
        "<strong>Auto-scaling:</strong>", "<strong>Resource Limits:</strong>", "<h3>Reliability</h3>",
        "<strong>Health Checks:</strong>", "<strong>Graceful Degradation:</strong>",
        "<strong>Rollback Strategy:</strong>", "<h2>Infrastructure Dependencies</h2>",
        ("<th scope=\"col\">Resource</th><th scope=\"col\">Type</th><th scope=\"col\">Purpose</th>"
         "<th scope=\"col\">Cost Impact</th>"),   /* one element: clang asks for the parentheses */
        "<h2>Operational Checklist</h2>", "Monitoring/alerting considered", "Logging sufficient for debugging",
        "Graceful degradation planned", "Rollback strategy defined", "Resource requirements estimated",
        "Security groups properly configured", "Secrets properly managed", "<h2>Strengths</h2>",
        "<h2>Concerns</h2>", "id=\"findings\"", "<h2>Recommendations</h2>", "<h2>Review Questions</h2>",
        "<h2 id=\"verdict\">Verdict: <span class=\"badge v-warn\">APPROVED WITH CHANGES</span></h2>",
    };
    const char *at = s;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *hit = strstr(at, order[i]);
        cr_assert(hit, "\"%s\" missing or out of order", order[i]);
        at = hit + strlen(order[i]);
    }
    cr_assert_null(strstr(at, "<h2"), "the verdict is the last heading");
    cr_assert_null(strstr(at, "<h3"));
    /* every value escaped, marked text as code */
    cr_assert_null(strstr(s, "<img"), "a finding's message is text");
    cr_assert_null(strstr(s, "a<b>"));
    cr_assert(strstr(s, "&lt;img src=x onerror=alert(1)&gt;"));
    cr_assert(strstr(s, "<li>Use &lt;region&gt; | a *b* <code>cmd</code> \xE2\x80\x94 TEAM-1 (medium) on "
                        "<code>aws_s3_bucket.a&lt;b&gt;</code></li>"), "%s", strstr(s, "<h2>Recommendations"));
    cr_assert_null(strstr(s, "\x01"));
    cr_assert_null(strstr(s, "\x02"));
    /* the findings chart: one storage/medium segment */
    const char *f = strstr(s, "id=\"findings\"");
    cr_assert_eq(count(f, "<rect class=\"bar "), 1);
    cr_assert(strstr(f, "data-label=\"storage\" data-series=\"medium\" data-value=\"1\""));
    cr_assert_null(strstr(s, "<script"));
    free(s);
    review_free(rv);
    tl_cost_free(cost);
    tl_risk_free(risk);
    tl_plan_free(p);
}

Test(review_html, over_the_budget_long_lists_are_cut_and_it_says_so)
{
    sbuf doc = SBUF_INIT;
    sbuf_putc(&doc, '[');
    for (int i = 0; i < 400; i++)
        sbuf_printf(&doc, "%s{\"address\":\"aws_instance.i%03d\",\"type\":\"aws_instance\",\"action\":\"create\","
                    "\"after\":{\"instance_type\":\"t3.micro\"}}", i ? "," : "", i);
    sbuf_putc(&doc, ']');
    plan *p = tl_plan("plan.json", sbuf_str(&doc));
    sbuf_free(&doc);
    cost_report *cost = tl_cost();
    for (size_t i = 0; i < p->nresources; i++)
        tl_cost_add(cost, p, p->resources[i].address, COST_PRICED, 0, 7.59, NULL);
    plan *plans[1] = {p};
    review_opts o = {.cost_threshold = 500};
    review *rv;
    cir_err err;
    cr_assert_eq(review_build(plans, 1, cost, NULL, &o, &rv, &err), CIR_OK);
    char *full = review_page(rv, 0);
    cr_assert_null(strstr(full, "Shortened"));
    cr_assert_eq(count(full, "<tr><td><code>aws_instance.i"), 400);
    char *cut = review_page(rv, 60000);
    cr_assert_leq(strlen(cut), 60000);
    cr_assert(strstr(cut, " dependency rows not shown. The JSON output (<code>circuit review --format json</code>) "
                          "has the full review.</p>"), "%s", cut + strlen(cut) - 600);
    cr_assert(strstr(cut, "<h2 id=\"verdict\">Verdict: "), "the verdict stays");
    free(full);
    free(cut);
    review_free(rv);
    tl_cost_free(cost);
    tl_plan_free(p);
}
