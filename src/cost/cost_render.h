/*
 * cost_render.h — a cost_report as a terminal table (cost_render_table.c),
 * a Markdown PR comment (cost_render_md.c) or the JSON document
 * circuit.cost/v1 (cost_render_json.c; circuit.estimate/v1 for `estimate`,
 * same shape); the HTML page is cost_render_html.h.  Renderers append to an
 * sbuf and never fail; the caller emits the finished document with
 * out_emit().
 */
#ifndef CIRCUIT_COST_RENDER_H
#define CIRCUIT_COST_RENDER_H

#include "../core/jsonw.h"
#include "../core/sbuf.h"
#include "cost.h"

#include <stdbool.h>
#include <stddef.h>

/* The footnote under a figure marked "*". */
#define COST_UNPRICED_NOTE \
    "* the priced part only: resources or components without a price are left out (see their notes)"

typedef struct cost_render_opts {
    const char *schema;                 /* "circuit.cost/v1" */
    const price_offer_info *prices;     /* price lists used (price_cache_used) */
    size_t nprices;
    bool color;                         /* ANSI colour in the table */
    bool all_resources;                 /* table/markdown: list no-op resources too */
    plan *const *plans;                 /* JSON: "not_reviewed" counts their other providers' */
    size_t nplans;                      /*   resources (NULL: none) */
} cost_render_opts;

/* By format name: "json", "markdown", else the table. */
void cost_render(const cost_report *r, const char *format, const cost_render_opts *o, sbuf *out);

void cost_render_json(const cost_report *r, const cost_render_opts *o, sbuf *out);
void cost_render_table(const cost_report *r, const cost_render_opts *o, sbuf *out);
void cost_render_markdown(const cost_report *r, const cost_render_opts *o, sbuf *out);

/* "12 resources: 5 priced, 4 free, 1 not supported (aws_foo: 1), 1 usage-based,
 * 1 not priced" (no newline). */
void cost_render_census(const cost_report *r, sbuf *out);
/* "Prices: AmazonEC2 us-east-1 (version ..., published ..., snapshot); ..." */
void cost_render_prices(const cost_render_opts *o, sbuf *out);

/* A money figure as text and Markdown show it: "$12.00" / "+$3.00", with a
 * "*" when it rests on something not priced, "unknown" when nothing of it
 * was priced (never a bare $0.00).  `out` needs 64 bytes. */
void cost_money_text(char *out, size_t size, double v, bool unknown, bool delta);

/* The three figures of `t` as members "monthly_before", "monthly_after" and
 * "monthly_delta" of the open JSON object: money, null (never 0) for one
 * nothing of which was priced.  The cost and review documents share them. */
void cost_json_totals_figures(jw *w, const cost_totals *t);
/* The census as the member "counts": {"priced", "free", "unsupported",
 * "usage_only", "not_priced"}. */
void cost_json_counts(jw *w, const cost_counts *c);

/* "assumed volume_size 8, volume_type gp2: <why>" for a component that
 * rests on assumptions (nothing when it has none). */
void cost_render_assumptions(const cost_component *c, sbuf *out);

/* The side whose components describe a resource: before for deletes and
 * forgets, after otherwise. */
const cost_side *cost_shown_side(const cost_resource *cr);

#endif
