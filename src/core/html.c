/*
 * html.c — escaping, the page frame and the SVG bar charts of the HTML
 * reports (html.h).
 *
 * The page carries no script and fetches nothing: its CSP is
 * default-src 'none' with inline styles allowed, and the charts are SVG
 * written here.  Chart geometry is in percent of the chart's width for x
 * and in CSS pixels for y and text, so the same SVG fits a phone and a
 * laptop with text at its normal size: each row is a label line with the
 * bars under it and each bar's figure just past its end, inside the
 * room the scale leaves on the right (see MAX_*).
 */
#include "html.h"

#include "mem.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- escaping ----------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 when invalid:
 * overlong forms, surrogates and code points past U+10FFFF are invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

void html_esc_n(sbuf *b, const char *s, size_t n)
{
    if (!s)
        return;
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0, i = 0;
    while (i < n) {
        unsigned char c = u[i];
        const char *rep = NULL;
        size_t adv = 1;
        if (c < 0x80) {
            switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
                    rep = " ";
            }
        } else if (!(adv = utf8_seq(u + i, n - i))) {
            rep = "\xEF\xBF\xBD";
            adv = 1;
        }
        if (rep) {
            sbuf_add(b, s + run, i - run);
            sbuf_puts(b, rep);
            run = i + adv;
        }
        i += adv;
    }
    sbuf_add(b, s + run, n - run);
}

void html_esc(sbuf *b, const char *s)
{
    if (s)
        html_esc_n(b, s, strlen(s));
}

void html_escf(sbuf *b, const char *fmt, ...)
{
    sbuf tmp = SBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(&tmp, fmt, ap);
    va_end(ap);
    html_esc_n(b, sbuf_str(&tmp), tmp.len);
    sbuf_free(&tmp);
}

/* ---- the page ------------------------------------------------------------ */

/* Colours are CSS variables so dark mode and print only swap the values. */
static const char page_css[] =
    ":root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--mute:#59636e;--line:#d1d9e0;--card:#f6f8fa;"
    "--before:#8c959f;--after:#0969da;--up:#cf222e;--down:#1a7f37;--warn:#9a6700;--crit:#82071e;"
    "--high:#cf222e;--med:#bc4c00;--low:#bf8700;--info:#818b98;--ok:#1a7f37}\n"
    "@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--mute:#9198a1;--line:#3d444d;"
    "--card:#151b23;--before:#6e7681;--after:#4493f8;--up:#f85149;--down:#3fb950;--warn:#d29922;"
    "--crit:#ff9492;--high:#f85149;--med:#db6d28;--low:#d29922;--info:#9198a1;--ok:#3fb950}}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--fg);"
    "font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif}\n"
    "main{max-width:64rem;margin:0 auto;padding:1rem 1.25rem 2rem}\n"
    "h1,h2,h3{line-height:1.25;margin:1.6rem 0 .6rem}h1{font-size:1.6rem;margin-top:.5rem}"
    "h2{font-size:1.3rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}h3{font-size:1.05rem}\n"
    "p,li,dd,dt,figcaption,summary{overflow-wrap:anywhere}td,th{overflow-wrap:break-word}"
    "td code,th code{overflow-wrap:anywhere}\n"
    "ul,ol{padding-left:1.4rem}li{margin:.2rem 0}\n"
    "code{font:.86em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,\"DejaVu Sans Mono\",monospace;"
    "background:var(--card);border-radius:4px;padding:0 .25em}\n"
    "a{color:var(--after)}.mute,.note{color:var(--mute)}.note{font-size:.875rem}\n"
    ".meta{margin:.2rem 0}\n"
    ".cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0;padding:0;list-style:none}"
    ".cards li{flex:1 1 9rem;margin:0;background:var(--card);border:1px solid var(--line);"
    "border-radius:8px;padding:.5rem .75rem}.cards b{display:block;font-size:1.2rem;"
    "font-variant-numeric:tabular-nums}.cards li>span{font-size:.8rem;color:var(--mute)}\n"
    ".badge{display:inline-block;border-radius:1rem;padding:.05rem .6rem;font-weight:600;"
    "border:1px solid currentColor}"
    ".v-ok{color:var(--ok)}.v-warn{color:var(--med)}.v-bad{color:var(--up)}\n"
    ".up{color:var(--up)}.down{color:var(--down)}\n"
    ".fig-unk{color:var(--warn);font-style:italic}.fig-part,.fig-asm{text-decoration:underline dotted}\n"
    ".word{font-weight:600}.word.no{color:var(--med)}.word.unk{color:var(--warn)}\n"
    ".checklist{list-style:none;padding-left:0}.checklist li{padding-left:1.7rem;text-indent:-1.7rem}"
    ".box{display:inline-block;width:1.1rem;text-indent:0;text-align:center;margin-right:.6rem;"
    "border:1px solid var(--mute);border-radius:3px;line-height:1.05rem;font-size:.85rem}"
    ".box.on{background:var(--ok);border-color:var(--ok);color:var(--bg)}\n"
    ".ev{display:block;text-indent:0;font-size:.85rem;color:var(--mute)}\n"
    ".sev{display:inline-block;min-width:4.2rem;font-size:.75rem;font-weight:600;text-transform:uppercase}"
    ".sev-critical{color:var(--crit)}.sev-high{color:var(--high)}.sev-medium{color:var(--med)}"
    ".sev-low{color:var(--low)}.sev-info{color:var(--info)}\n"
    "table{border-collapse:collapse;width:100%;font-size:.875rem;margin:.5rem 0}\n"
    "th,td{border-bottom:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}"
    "thead th{font-weight:600;background:var(--card)}tbody th{font-weight:400}\n"
    ".n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "figure{margin:1.2rem 0;padding:.75rem;border:1px solid var(--line);border-radius:8px}"
    "figcaption{font-weight:600;margin-bottom:.3rem}\n"
    ".legend{list-style:none;padding:0;margin:.2rem 0 .5rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem;"
    "font-size:.8rem;color:var(--mute)}.legend li{margin:0}"
    ".sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;"
    "vertical-align:-.1rem}\n"
    ".sw.s-before{background:var(--before)}.sw.s-after{background:var(--after)}"
    ".sw.up{background:var(--up)}.sw.down{background:var(--down)}"
    ".sw.sev-critical{background:var(--crit)}.sw.sev-high{background:var(--high)}"
    ".sw.sev-medium{background:var(--med)}.sw.sev-low{background:var(--low)}"
    ".sw.sev-info{background:var(--info)}"
    ".sw.unk{background:repeating-linear-gradient(45deg,var(--warn) 0 2px,transparent 2px 5px);"
    "border:1px solid var(--warn)}\n"
    "svg.chart{display:block;width:100%;margin:.3rem 0}\n"
    "svg.chart text{font:12px system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif;"
    "fill:var(--fg)}svg.chart text.val{fill:var(--mute);font-variant-numeric:tabular-nums}"
    "svg.chart text.val-unk{fill:var(--warn);font-style:italic}svg.chart .narrow{display:none}\n"
    "svg.chart .axis{stroke:var(--mute);stroke-width:1}"
    ".bar.s-before{fill:var(--before)}.bar.s-after{fill:var(--after)}.bar.up{fill:var(--up)}"
    ".bar.down{fill:var(--down)}.bar.sev-critical{fill:var(--crit)}.bar.sev-high{fill:var(--high)}"
    ".bar.sev-medium{fill:var(--med)}.bar.sev-low{fill:var(--low)}.bar.sev-info{fill:var(--info)}"
    ".bar.assumed{fill-opacity:.45;stroke:var(--fg);stroke-width:1;stroke-dasharray:3 2}"
    ".hatch-bg{fill:var(--bg)}.hatch-line{stroke:var(--warn);stroke-width:2}"
    ".unk-box,.tail{stroke:var(--warn);stroke-width:1}\n"
    /* The long tables lay out from their column widths alone (thousands of
     * rows on a large plan). */
    "table.res,table.deps{table-layout:fixed}.c-act{width:7.5rem}.c-fig{width:7.2rem}.c-st{width:6.5rem}"
    ".c-dres{width:28%}.c-dtype{width:16%}.c-dpur{width:30%}.c-dcost{width:26%}"
    ".res td.a{font:.8rem/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,\"DejaVu Sans Mono\",monospace;"
    "overflow-wrap:anywhere}\n"
    ".lazy{content-visibility:auto;contain-intrinsic-size:auto calc(var(--rows) * 2.1rem)}.chunk table{margin:0}"
    "thead.again{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}\n"
    "table.data{font-size:.8rem}table.data caption{text-align:left;color:var(--mute);padding:.2rem 0}\n"
    ".cut{border-left:3px solid var(--warn);padding:.3rem .6rem;background:var(--card)}\n"
    "details summary{cursor:pointer;color:var(--mute)}\n"
    "@media (max-width:40rem){body{font-size:14px}main{padding:.6rem .75rem 1.5rem}"
    "h1{font-size:1.35rem}th,td{padding:.25rem .3rem}figure{padding:.5rem}"
    "svg.chart .wide{display:none}svg.chart .narrow{display:inline}"
    /* Wide tables become one block per row: the first cell on its own line,
     * the figures under it named by what their column heading said. */
    ".lazy{contain-intrinsic-size:auto calc(var(--rows) * 3.9rem)}"
    ".res,.deps{table-layout:auto}.res colgroup,.deps colgroup{display:none}"
    ".res thead,.deps thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}"
    ".res tr,.deps tr{display:flex;flex-wrap:wrap;gap:0 .9rem;border-bottom:1px solid var(--line);"
    "padding:.35rem 0}.res td,.deps td{display:block;border:0;padding:0}"
    ".res td:first-child,.deps td:first-child,.deps td:nth-child(3){flex-basis:100%}"
    ".deps td:nth-child(3){order:3}"
    ".res td:nth-child(3)::before{content:\"before \"}.res td:nth-child(4)::before{content:\"after \"}"
    ".res td:nth-child(5)::before{content:\"change \"}"
    ".res td::before{color:var(--mute)}}\n"
    "@media print{:root{--bg:#fff;--fg:#000;--mute:#444;--line:#bbb;--card:#f3f3f3;--before:#888;"
    "--after:#1f5fbf;--up:#b3261e;--down:#1a7f37;--warn:#8a5a00;--crit:#7a0019;--high:#b3261e;"
    "--med:#b04a00;--low:#8a6d00;--info:#666;--ok:#1a7f37}body{font-size:11pt}main{max-width:none;"
    "padding:0}figure,tr,li{break-inside:avoid}h2,h3{break-after:avoid}"
    "details::details-content{content-visibility:visible;display:contents}summary{display:none}"
    "a{color:inherit;text-decoration:none}}\n";

void html_page_begin(sbuf *b, const char *title)
{
    sbuf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
                 "<meta name=\"referrer\" content=\"no-referrer\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"color-scheme\" content=\"light dark\">\n"
                 "<meta name=\"generator\" content=\"circuit\">\n<title>");
    html_esc(b, title);
    sbuf_puts(b, "</title>\n<style>\n");
    sbuf_puts(b, page_css);
    sbuf_puts(b, "</style>\n</head>\n<body>\n<main>\n");
}

void html_page_end(sbuf *b)
{
    sbuf_puts(b, "</main>\n</body>\n</html>\n");
}

/* ---- long tables ---------------------------------------------------------- */

void html_long_row(html_long_table *t)
{
    if (t->rows % HTML_CHUNK_ROWS == 0) {
        if (t->rows)
            sbuf_puts(t->b, "</tbody></table></div>\n");
        /* The first chunk is laid out as usual; the later ones only when
         * they come into view, standing in meanwhile for their rows'
         * estimated height (--rows). */
        size_t left = t->total > t->rows ? t->total - t->rows : 0;
        size_t rows = left < HTML_CHUNK_ROWS ? left : HTML_CHUNK_ROWS;
        if (t->rows)
            sbuf_printf(t->b, "<div class=\"chunk lazy\" style=\"--rows:%zu\">%s\n<thead class=\"again\">%s"
                        "</thead>\n<tbody>\n", rows ? rows : 1, t->open, t->head);
        else
            sbuf_printf(t->b, "<div class=\"chunk\">%s\n<thead>%s</thead>\n<tbody>\n", t->open, t->head);
    }
    t->rows++;
}

void html_long_end(html_long_table *t)
{
    if (t->rows)
        sbuf_puts(t->b, "</tbody></table></div>\n");
}

/* ---- figures ---------------------------------------------------------------- */

void html_fig_text(sbuf *b, html_fig f, html_unit unit)
{
    if (f.flags & HTML_FIG_UNKNOWN) {
        sbuf_puts(b, "unknown");   /* as the text outputs say it */
        return;
    }
    if (f.flags & HTML_FIG_ASSUMED)
        sbuf_puts(b, "\xE2\x89\x88");   /* ≈ */
    char s[64];
    if (unit == HTML_COUNT)
        snprintf(s, sizeof s, "%.0f", f.v);
    else if (unit == HTML_MONEY_DELTA)
        money_format_delta(s, sizeof s, f.v);
    else
        money_format(s, sizeof s, f.v);
    sbuf_puts(b, s);
    if (f.flags & HTML_FIG_PARTIAL)
        sbuf_putc(b, '*');
}

void html_fig_html(sbuf *b, html_fig f, html_unit unit)
{
    const char *cls = NULL, *why = NULL;
    if (f.flags & HTML_FIG_UNKNOWN) {
        cls = "fig-unk";
        why = "no price was found: the figure is unknown, not $0";
    } else if ((f.flags & HTML_FIG_PARTIAL) && (f.flags & HTML_FIG_ASSUMED)) {
        cls = "fig-part fig-asm";
        why = "leaves out figures not priced, and rests on assumed values";
    } else if (f.flags & HTML_FIG_PARTIAL) {
        cls = "fig-part";
        why = "leaves out figures not priced";
    } else if (f.flags & HTML_FIG_ASSUMED) {
        cls = "fig-asm";
        why = "rests on assumed values";
    }
    sbuf text = SBUF_INIT;
    html_fig_text(&text, f, unit);
    if (cls) {
        sbuf_printf(b, "<span class=\"%s\" title=\"%s\">", cls, why);
        html_esc(b, sbuf_str(&text));
        sbuf_puts(b, "</span>");
    } else {
        html_esc(b, sbuf_str(&text));
    }
    sbuf_free(&text);
}

/* ---- charts -------------------------------------------------------------------- */

/* Row geometry in px: a label line, then bars of BAR_H spaced by BAR_STEP. */
#define LABEL_H 17
#define BAR_H 11
#define BAR_STEP 14
#define ROW_GAP 11
/* The widest bar in percent of the chart: the rest holds its figure,
 * written just past the bar's end (grouped and stacked charts). */
#define MAX_BAR 64.0
/* Diverging charts write the figure at the end of the label line, so the
 * bars can take nearly all of each side of the axis. */
#define MAX_HALF 46.0
#define UNK_W 22                /* the hatched "not priced" box, px */
#define TAIL_W 7                /* the hatched end of a partial sum, px */
/* Characters of a label the chart shows (the table has it whole); on a
 * phone a label that shares its line with a figure is cut shorter (the
 * page's CSS shows one of the two). */
#define LABEL_CHARS 44
#define LABEL_CHARS_NARROW 22

static bool fig_drawn(html_fig f)
{
    return !(f.flags & HTML_FIG_UNKNOWN);
}

static double row_extent(const html_chart *c, const html_chart_row *r)
{
    double m = 0;
    for (size_t k = 0; k < c->nseries; k++) {
        if (!fig_drawn(r->fig[k]))
            continue;
        double v = fabs(r->fig[k].v);
        if (c->kind == HTML_CHART_STACKED)
            m += v;
        else if (v > m)
            m = v;
    }
    return m;
}

static size_t row_height(const html_chart *c)
{
    size_t bars = c->kind == HTML_CHART_GROUPED ? c->nseries : 1;
    return LABEL_H + bars * BAR_STEP + ROW_GAP - (BAR_STEP - BAR_H);
}

/* The label shortened to its last `max` characters ("…" first): an
 * address says most at its end. */
static void short_label(sbuf *b, const char *s, size_t max)
{
    size_t chars = 0;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    if (chars <= max) {
        html_esc(b, s);
        return;
    }
    size_t skip = chars - (max - 1);
    const char *p = s;
    while (*p && skip) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
        skip--;
    }
    sbuf_puts(b, "\xE2\x80\xA6");   /* … */
    html_esc(b, p);
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void data_value(sbuf *b, const html_chart *c, double v)
{
    sbuf_printf(b, c->unit == HTML_COUNT ? "%.0f" : "%.2f", c->unit == HTML_COUNT ? v : money_round(v));
}

static void bar_attrs(sbuf *b, const html_chart *c, const html_chart_row *r, size_t k)
{
    sbuf_puts(b, " data-label=\"");
    html_esc(b, r->label);
    sbuf_puts(b, "\" data-series=\"");
    html_esc(b, c->series[k]);
    sbuf_puts(b, "\" data-value=\"");
    data_value(b, c, r->fig[k].v);
    sbuf_putc(b, '"');
}

static void fig_svg_text(sbuf *b, html_fig f, html_unit unit)
{
    sbuf t = SBUF_INIT;
    html_fig_text(&t, f, unit);
    html_esc(b, sbuf_str(&t));
    sbuf_free(&t);
}

/* The hatched box and "not priced" where a bar would be: x is the start in
 * percent, y the bar's top. */
static void unknown_mark(sbuf *b, const html_chart *c, double x, int y, const char *series)
{
    sbuf_printf(b, "<rect class=\"unk-box\" x=\"%.2f%%\" y=\"%d\" width=\"%d\" height=\"%d\" "
                "fill=\"url(#%s-hatch)\" data-series=\"", x, y, UNK_W, BAR_H, c->id);
    html_esc(b, series);
    sbuf_printf(b, "\"/><text class=\"val val-unk\" x=\"%.2f%%\" dx=\"%d\" y=\"%d\">not priced</text>", x,
                UNK_W + 4, y + BAR_H - 2);
}

/* One bar from x0 to x0 + w (percent) at y, its figure after its end. */
static void bar(sbuf *b, const html_chart *c, const html_chart_row *r, size_t k, const char *cls,
                double x0, double w, int y, bool leftward)
{
    html_fig f = r->fig[k];
    sbuf_printf(b, "<rect class=\"bar %s%s\" x=\"%.2f%%\" y=\"%d\" width=\"%.2f%%\" height=\"%d\"", cls,
                f.flags & HTML_FIG_ASSUMED ? " assumed" : "", x0, y, w, BAR_H);
    bar_attrs(b, c, r, k);
    sbuf_puts(b, "/>");
    int pad = 4;
    if (f.flags & HTML_FIG_PARTIAL) {
        /* A hatched end: the sum goes on past what is drawn. */
        if (leftward)
            sbuf_printf(b, "<rect class=\"tail\" x=\"%.2f%%\" y=\"%d\" width=\"%d\" height=\"%d\" "
                        "transform=\"translate(-%d 0)\" fill=\"url(#%s-hatch)\"/>",
                        x0, y, TAIL_W, BAR_H, TAIL_W, c->id);
        else
            sbuf_printf(b, "<rect class=\"tail\" x=\"%.2f%%\" y=\"%d\" width=\"%d\" height=\"%d\" "
                        "fill=\"url(#%s-hatch)\"/>", x0 + w, y, TAIL_W, BAR_H, c->id);
        pad += TAIL_W;
    }
    if (c->kind != HTML_CHART_GROUPED)
        return;
    sbuf_printf(b, "<text class=\"val\" x=\"%.2f%%\" dx=\"%d\" y=\"%d\">", x0 + w, pad, y + BAR_H - 2);
    fig_svg_text(b, f, c->unit);
    sbuf_puts(b, "</text>");
}

static void row_title(sbuf *b, const html_chart *c, const html_chart_row *r)
{
    sbuf_puts(b, "<title>");
    html_esc(b, r->label);
    for (size_t k = 0; k < c->nseries; k++) {
        sbuf_puts(b, k ? ", " : ": ");
        if (c->nseries > 1) {
            html_esc(b, c->series[k]);
            sbuf_putc(b, ' ');
        }
        fig_svg_text(b, r->fig[k], c->unit);
    }
    sbuf_puts(b, "</title>");
}

static void chart_row(sbuf *b, const html_chart *c, const html_chart_row *r, int y0, double scale)
{
    sbuf_puts(b, "<g class=\"row\">");
    row_title(b, c, r);
    if (c->kind == HTML_CHART_DIVERGING && utf8_chars(r->label) > LABEL_CHARS_NARROW) {
        /* The figure shares the line: a phone gets the shorter label. */
        sbuf_printf(b, "<text class=\"lbl wide\" x=\"0\" y=\"%d\">", y0 + 12);
        short_label(b, r->label, LABEL_CHARS);
        sbuf_printf(b, "</text><text class=\"lbl narrow\" x=\"0\" y=\"%d\">", y0 + 12);
        short_label(b, r->label, LABEL_CHARS_NARROW);
    } else {
        sbuf_printf(b, "<text class=\"lbl\" x=\"0\" y=\"%d\">", y0 + 12);
        short_label(b, r->label, LABEL_CHARS);
    }
    sbuf_puts(b, "</text>");
    if (c->kind == HTML_CHART_DIVERGING && fig_drawn(r->fig[0])) {
        sbuf_printf(b, "<text class=\"val\" x=\"100%%\" y=\"%d\" text-anchor=\"end\">", y0 + 12);
        fig_svg_text(b, r->fig[0], c->unit);
        sbuf_puts(b, "</text>");
    }
    int y = y0 + LABEL_H;
    switch (c->kind) {
    case HTML_CHART_GROUPED:
        for (size_t k = 0; k < c->nseries; k++, y += BAR_STEP) {
            if (!fig_drawn(r->fig[k]))
                unknown_mark(b, c, 0, y, c->series[k]);
            else
                bar(b, c, r, k, c->series_class[k], 0, fabs(r->fig[k].v) * scale, y, false);
        }
        break;
    case HTML_CHART_DIVERGING: {
        html_fig f = r->fig[0];
        if (!fig_drawn(f))
            unknown_mark(b, c, 50, y, c->series[0]);
        else if (f.v < 0)
            bar(b, c, r, 0, "down", 50 - fabs(f.v) * scale, fabs(f.v) * scale, y, true);
        else
            bar(b, c, r, 0, "up", 50, f.v * scale, y, false);
        break;
    }
    case HTML_CHART_STACKED: {
        double x = 0, total = 0;
        unsigned flags = 0;
        for (size_t k = 0; k < c->nseries; k++) {
            html_fig f = r->fig[k];
            if (!fig_drawn(f) || f.v == 0)
                continue;
            double w = fabs(f.v) * scale;
            bar(b, c, r, k, c->series_class[k], x, w, y, false);
            x += w;
            total += f.v;
            flags |= f.flags;
        }
        sbuf_printf(b, "<text class=\"val\" x=\"%.2f%%\" dx=\"4\" y=\"%d\">", x, y + BAR_H - 2);
        fig_svg_text(b, (html_fig){total, flags}, c->unit);
        sbuf_puts(b, "</text>");
        break;
    }
    }
    sbuf_puts(b, "</g>\n");
}

static unsigned chart_flags(const html_chart *c)
{
    unsigned flags = 0;
    for (size_t i = 0; i < c->nrows; i++)
        for (size_t k = 0; k < c->nseries; k++)
            flags |= c->rows[i].fig[k].flags;
    return flags;
}

static void legend(sbuf *b, const html_chart *c)
{
    unsigned flags = chart_flags(c);
    sbuf_puts(b, "<ul class=\"legend\">");
    if (c->kind == HTML_CHART_DIVERGING) {
        sbuf_puts(b, "<li><span class=\"sw up\"></span>costs more</li>"
                     "<li><span class=\"sw down\"></span>costs less</li>");
    } else {
        for (size_t k = 0; k < c->nseries; k++) {
            sbuf_printf(b, "<li><span class=\"sw %s\"></span>", c->series_class[k]);
            html_esc(b, c->series[k]);
            sbuf_puts(b, "</li>");
        }
    }
    if (flags & HTML_FIG_UNKNOWN)
        sbuf_puts(b, "<li><span class=\"sw unk\"></span>not priced: unknown, not drawn</li>");
    if (flags & HTML_FIG_PARTIAL)
        sbuf_puts(b, "<li>* leaves out figures not priced (hatched end)</li>");
    if (flags & HTML_FIG_ASSUMED)
        sbuf_puts(b, "<li>\xE2\x89\x88 rests on assumed values (dashed)</li>");
    sbuf_puts(b, "</ul>\n");
}

static void svg(sbuf *b, const html_chart *c)
{
    double extent = 0;
    for (size_t i = 0; i < c->nrows; i++) {
        double e = row_extent(c, &c->rows[i]);
        if (e > extent)
            extent = e;
    }
    double room = c->kind == HTML_CHART_DIVERGING ? MAX_HALF : MAX_BAR;
    double scale = extent > 0 ? room / extent : 0;
    size_t rh = row_height(c);
    size_t height = c->nrows * rh;
    sbuf_printf(b, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%%\" height=\"%zu\" "
                "role=\"img\" aria-labelledby=\"%s-cap\" aria-describedby=\"%s-table\">\n", height, c->id, c->id);
    sbuf_printf(b, "<defs><pattern id=\"%s-hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" "
                "patternTransform=\"rotate(45)\"><rect class=\"hatch-bg\" width=\"5\" height=\"5\"/>"
                "<line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\"/></pattern></defs>\n", c->id);
    if (c->kind == HTML_CHART_DIVERGING)
        sbuf_printf(b, "<line class=\"axis\" x1=\"50%%\" x2=\"50%%\" y1=\"%d\" y2=\"%zu\"/>\n", LABEL_H - 2,
                    height ? height - ROW_GAP + 2 : 0);
    for (size_t i = 0; i < c->nrows; i++)
        chart_row(b, c, &c->rows[i], (int)(i * rh), scale);
    sbuf_puts(b, "</svg>\n");
}

static void table(sbuf *b, const html_chart *c)
{
    sbuf_printf(b, "<table class=\"data\" id=\"%s-table\"><caption>", c->id);
    html_esc(b, c->title);
    sbuf_puts(b, " (figures)</caption>\n<thead><tr><th scope=\"col\">");
    html_esc(b, c->label_head);
    sbuf_puts(b, "</th>");
    for (size_t k = 0; k < c->nseries; k++) {
        sbuf_puts(b, "<th scope=\"col\" class=\"n\">");
        html_esc(b, c->series[k]);
        sbuf_puts(b, "</th>");
    }
    if (c->kind == HTML_CHART_STACKED)
        sbuf_puts(b, "<th scope=\"col\" class=\"n\">total</th>");
    sbuf_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < c->nrows; i++) {
        const html_chart_row *r = &c->rows[i];
        sbuf_puts(b, "<tr><th scope=\"row\">");
        if (c->code_labels)
            sbuf_puts(b, "<code>");
        html_esc(b, r->label);
        if (c->code_labels)
            sbuf_puts(b, "</code>");
        sbuf_puts(b, "</th>");
        double total = 0;
        unsigned flags = 0;
        for (size_t k = 0; k < c->nseries; k++) {
            sbuf_puts(b, "<td class=\"n\">");
            html_fig_html(b, r->fig[k], c->unit);
            sbuf_puts(b, "</td>");
            total += r->fig[k].v;
            flags |= r->fig[k].flags;
        }
        if (c->kind == HTML_CHART_STACKED) {
            sbuf_puts(b, "<td class=\"n\">");
            html_fig_html(b, (html_fig){total, flags}, c->unit);
            sbuf_puts(b, "</td>");
        }
        sbuf_puts(b, "</tr>\n");
    }
    sbuf_puts(b, "</tbody></table>\n");
}

void html_chart_render(sbuf *b, const html_chart *c)
{
    sbuf_printf(b, "<figure class=\"chart-fig\" id=\"%s\" data-chart=\"%s\">\n<figcaption id=\"%s-cap\">", c->id,
                c->id, c->id);
    html_esc(b, c->title);
    sbuf_puts(b, "</figcaption>\n");
    if (!c->nrows) {
        sbuf_puts(b, "<p class=\"note\">Nothing to show.</p>\n");
    } else {
        legend(b, c);
        svg(b, c);
    }
    if (c->note) {
        sbuf_puts(b, "<p class=\"note\">");
        html_esc(b, c->note);
        sbuf_puts(b, "</p>\n");
    }
    if (c->nrows)
        table(b, c);
    sbuf_puts(b, "</figure>\n");
}
