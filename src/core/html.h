/*
 * html.h — the pieces every HTML report shares: one escaping function that
 * every value goes through, the page frame (a Content-Security-Policy that
 * forbids scripts and anything fetched, inline CSS for screen, phone, print,
 * light and dark), and bar charts drawn as inline SVG with a data table
 * beneath each for screen readers.
 *
 * Like every renderer, these append to an sbuf and never fail.  A chart
 * draws only figures that are known: an unpriced figure reads "unknown" (as
 * in the text outputs) and its bar is a hatched "not priced" mark, never a
 * $0 bar; a sum that leaves something out is marked "*", one that rests on
 * an assumed value "≈".
 */
#ifndef CIRCUIT_HTML_H
#define CIRCUIT_HTML_H

#include "sbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* Text or attribute value: & < > " ' become entities, control characters
 * (other than tab and newline) spaces, and a byte that is not part of valid
 * UTF-8 becomes U+FFFD.  NULL appends nothing. */
void html_esc(sbuf *b, const char *s);
void html_esc_n(sbuf *b, const char *s, size_t n);
/* printf, then html_esc of the result. */
void html_escf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "<!DOCTYPE html>…<body><main>" with `title` (escaped) and the shared
 * style sheet; html_page_end() closes what it opened. */
void html_page_begin(sbuf *b, const char *title);
void html_page_end(sbuf *b);

/* ---- long tables ------------------------------------------------------------ */

/* A table that may hold thousands of rows is written in chunks of
 * HTML_CHUNK_ROWS rows, each its own table in a block the browser lays out
 * only when it comes into view (CSS content-visibility), so a large plan's
 * page shows at once.  Every chunk repeats the head: the first shows it,
 * the others keep it for screen readers only. */
#define HTML_CHUNK_ROWS 250

typedef struct html_long_table {
    sbuf *b;
    const char *open;      /* "<table class=…><colgroup>…</colgroup>" */
    const char *head;      /* "<tr><th>…</th></tr>": the head row */
    size_t rows;           /* rows written so far */
    size_t total;          /* rows there will be: sizes the chunks not laid out yet */
} html_long_table;

/* Before each row: opens a new chunk when one is due. */
void html_long_row(html_long_table *t);
/* After the last row (nothing when there was none). */
void html_long_end(html_long_table *t);

/* ---- figures ------------------------------------------------------------- */

enum {
    HTML_FIG_UNKNOWN = 1,  /* not priced: shown as such, never drawn */
    HTML_FIG_PARTIAL = 2,  /* a sum that leaves out figures not priced ("*") */
    HTML_FIG_ASSUMED = 4   /* rests on an assumed value ("≈") */
};

typedef struct html_fig {
    double v;
    unsigned flags;        /* HTML_FIG_* */
} html_fig;

typedef enum html_unit {
    HTML_MONEY,            /* "$1,234.56" */
    HTML_MONEY_DELTA,      /* "+$12.00" */
    HTML_COUNT             /* "12" */
} html_unit;

/* A figure as text: "$12.00", "+$3.00*", "≈$8.00", "not priced". */
void html_fig_text(sbuf *b, html_fig f, html_unit unit);
/* The same as a table cell or span: the text, escaped, in a <span> whose
 * class marks unknown/partial/assumed figures and whose title says why. */
void html_fig_html(sbuf *b, html_fig f, html_unit unit);

/* ---- charts ------------------------------------------------------------------ */

#define HTML_CHART_MAXSERIES 5

typedef enum html_chart_kind {
    HTML_CHART_GROUPED,    /* one bar per series in each row (before, after) */
    HTML_CHART_DIVERGING,  /* one signed bar per row around a zero axis */
    HTML_CHART_STACKED     /* the series' segments end to end in each row */
} html_chart_kind;

typedef struct html_chart_row {
    const char *label;     /* shown whole in the table, shortened in the chart */
    html_fig fig[HTML_CHART_MAXSERIES];
} html_chart_row;

typedef struct html_chart {
    const char *id;        /* unique in the page: element ids and test hooks */
    const char *title;     /* the caption */
    const char *note;      /* a line under the chart, or NULL */
    html_chart_kind kind;
    html_unit unit;
    const char *const *series;      /* names, nseries of them */
    const char *const *series_class;/* CSS class of each series' bars */
    size_t nseries;
    const char *label_head;/* the table's first column heading */
    bool code_labels;      /* labels are addresses: <code> in the table */
    const html_chart_row *rows;
    size_t nrows;
} html_chart;

/* <figure> with the legend, the SVG (every drawn bar a <rect class="bar …">
 * with data-label, data-series and data-value) and the data table.  A chart
 * with no rows says "nothing to show" instead. */
void html_chart_render(sbuf *b, const html_chart *c);

#endif
