/*
 * cost_render_html.h — `circuit cost --format html`: the cost report as one
 * self-contained page (html.h), and the two cost charts the review page
 * shows too: monthly cost before and after by service, and the monthly
 * change by resource (the 15 largest as diverging bars, "other" for the
 * rest).  A figure that rests on something not priced is marked, never
 * drawn as $0.
 */
#ifndef CIRCUIT_COST_RENDER_HTML_H
#define CIRCUIT_COST_RENDER_HTML_H

#include "../core/html.h"
#include "../core/sbuf.h"
#include "cost.h"
#include "cost_render.h"

#include <stdbool.h>
#include <stddef.h>

/* Bytes a page aims to stay under: past it, long tables lose their detail
 * rows first, then rows, with a line saying what was cut and where the
 * whole report is (the JSON output). */
#define COST_HTML_BUDGET 1500000

/* The charts' view of a resource's figures: before, after, delta, each
 * known, partly priced ("*") or unknown, and whether it rests on an
 * assumption. */
html_fig cost_html_before(const cost_resource *cr);
html_fig cost_html_after(const cost_resource *cr);
html_fig cost_html_delta(const cost_resource *cr);

/* Which resources the change chart draws; NULL: every resource the plan
 * changes.  ctx is passed through. */
typedef bool (*cost_html_filter)(const cost_resource *cr, void *ctx);

/* Appends the by-service chart (every resource in `r`, so it sums to the
 * totals) and the change-by-resource chart (the resources `changed`
 * accepts), each with its data table. */
void cost_html_charts(const cost_report *r, cost_html_filter changed, void *ctx, sbuf *out);

typedef struct cost_html_opts {
    const cost_render_opts *render;  /* price lists used; may be NULL */
    const char *not_reviewed;        /* "3 google resources ... not reviewed: ...", or NULL */
    size_t budget;                   /* bytes; 0: COST_HTML_BUDGET */
} cost_html_opts;

/* The whole page.  Never fails. */
void cost_render_html(const cost_report *r, const cost_html_opts *o, sbuf *out);

#endif
