/*
 * review_md.c — the Markdown review, in exactly the shape of the seed's
 * "Review Output Format": every heading, table and checklist in its order,
 * each {placeholder} replaced by what review_build() decided.
 *
 * Additions, all placed so every seed heading keeps its order and the
 * verdict stays the last line:
 *   - the price lists used are a GitHub footnote ([^prices]) referenced
 *     from Cost Impact and defined right under the Infrastructure Changes
 *     list (GitHub renders footnotes at the bottom);
 *   - "Not Reviewed" (resources of other providers) and "Unchanged
 *     Resources" (context only, with what already exists on them) lines in
 *     Infrastructure Changes;
 *   - "### Review Questions" (the seed's questions, answered) comes after
 *     Recommendations and before the Verdict; the verdict line carries its
 *     evidence when the review could not judge all of the change.
 *
 * Text is written for GitHub: <, >, |, *, _, ` and \ in prose are escaped,
 * and what the model marks as code (addresses, values) becomes a code span.
 * The document keeps to a size budget (a PR comment over 65,536 characters
 * is refused): long lists fold into <details>, then are cut with a line
 * that says what was cut and where the whole review is.
 */
#include "review_int.h"

#include "../core/mem.h"

#include <stdio.h>
#include <string.h>

/* Items of a long list shown before the rest folds into <details>. */
#define MD_FOLD 10

/* How long lists are laid out: `fold` items shown, the rest in <details>,
 * at most `cap` in all (the others cut and counted in `cut`). */
typedef struct md_layout {
    size_t fold, cap;
    size_t cut_deps, cut_concerns, cut_recs, cut_strengths;
} md_layout;

/* ---- text --------------------------------------------------------------- */

/* A code span of s[0..n): backticks fenced by a longer run, | escaped in
 * tables (GitHub splits cells on it even inside code, and reads "\\|" as
 * an escaped backslash before a pipe that ends the cell). */
static void code_span(sbuf *b, const char *s, size_t n, bool cell)
{
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    size_t fence = longest + 1;
    for (size_t i = 0; i < fence; i++)
        sbuf_putc(b, '`');
    if (longest)
        sbuf_putc(b, ' ');
    if (cell) {
        /* The cell rules (pipes escaped, backslashes before one doubled)
         * are sbuf_md_cell's. */
        char *text = xstrndup(s, n);
        sbuf_md_cell(b, text);
        free(text);
    } else {
        for (size_t i = 0; i < n; i++)
            sbuf_putc(b, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    }
    if (longest)
        sbuf_putc(b, ' ');
    for (size_t i = 0; i < fence; i++)
        sbuf_putc(b, '`');
}

/* Prose with its marked code: escapes what GitHub would read as markup. */
static void md_text(sbuf *b, const char *s, bool cell)
{
    for (; s && *s; s++) {
        if (*s == RV_CODE[0]) {
            const char *end = strchr(s + 1, RV_END[0]);
            size_t n = end ? (size_t)(end - s - 1) : strlen(s + 1);
            code_span(b, s + 1, n, cell);
            s += n + (end ? 1 : 0);
            continue;
        }
        const char *end = *s == '`' ? rv_backtick_end(s) : NULL;
        if (end) {
            /* a balanced pair in other modules' text stays a code span */
            code_span(b, s + 1, (size_t)(end - s - 1), cell);
            s = end;
            continue;
        }
        switch (*s) {
        case '<':
            sbuf_puts(b, "&lt;");
            break;
        case '>':
            sbuf_puts(b, "&gt;");
            break;
        case '|':
        case '*':
        case '_':
        case '`':
        case '\\':
            sbuf_putc(b, '\\');
            sbuf_putc(b, *s);
            break;
        case '\n':
        case '\r':
            sbuf_putc(b, ' ');
            break;
        default:
            if (*s != RV_END[0])
                sbuf_putc(b, *s);
        }
    }
}

static void inline_text(sbuf *b, const char *s)
{
    md_text(b, s, false);
}

/* ---- sections ------------------------------------------------------------- */

static void change_list(sbuf *b, const char *label, const review_change *c, size_t n)
{
    sbuf_printf(b, "- **%s:** ", label);
    if (!n) {
        sbuf_puts(b, "None\n");
        return;
    }
    review_change_items(b, c, n, inline_text);
    sbuf_putc(b, '\n');
}

static void scope_lines(sbuf *b, const review *rv)
{
    if (rv->not_reviewed_text) {
        sbuf_puts(b, "- **Not Reviewed:** ");
        inline_text(b, rv->not_reviewed_text);
        sbuf_putc(b, '\n');
    }
    if (!rv->nunchanged)
        return;
    sbuf_printf(b, "- **Unchanged Resources:** %zu, not judged", rv->nunchanged);
    if (rv->ncontext)
        sbuf_printf(b, " (%zu shown as context where a changed resource depends on them, labelled "
                    "unchanged)", rv->ncontext);
    sbuf_putc(b, '\n');
    for (size_t i = 0; i < rv->unchanged_notes.n; i++) {
        sbuf_puts(b, "  - ");
        inline_text(b, rv->unchanged_notes.items[i]);
        sbuf_putc(b, '\n');
    }
}

static void item_line(sbuf *b, const review *rv, review_item_id id)
{
    const review_item *it = &rv->items[id];
    sbuf_printf(b, "- **%s:** %s", review_items[id].label, review_item_word(id, it));
    if (it->reason && *it->reason) {
        sbuf_puts(b, " — ");
        inline_text(b, it->reason);
    }
    sbuf_putc(b, '\n');
}

static void block(sbuf *b, const review *rv, const char *section)
{
    sbuf_printf(b, "#### %s\n", section);
    for (int i = 0; i < REVIEW_NITEMS; i++)
        if (strcmp(review_items[i].section, section) == 0)
            item_line(b, rv, (review_item_id)i);
    sbuf_putc(b, '\n');
}

static void table_head(sbuf *b)
{
    sbuf_puts(b, "| Resource | Type | Purpose | Cost Impact |\n"
                 "|----------|------|---------|-------------|\n");
}

static void dep_row(sbuf *b, const review_dep *d)
{
    sbuf_puts(b, "| ");
    md_text(b, d->resource, true);
    sbuf_puts(b, " | ");
    md_text(b, d->service, true);
    sbuf_puts(b, " | ");
    md_text(b, d->purpose, true);
    sbuf_puts(b, " | ");
    md_text(b, d->cost, true);
    sbuf_puts(b, " |\n");
}

static void details_open(sbuf *b, size_t n, const char *what)
{
    sbuf_printf(b, "\n<details><summary>%zu more %s</summary>\n\n", n, what);
}

static void details_close(sbuf *b)
{
    sbuf_puts(b, "\n</details>\n");
}

static void dependencies(sbuf *b, const review *rv, md_layout *lay)
{
    sbuf_puts(b, "### Infrastructure Dependencies\n\n");
    table_head(b);
    size_t n = rv->ndeps < lay->cap ? rv->ndeps : lay->cap;
    lay->cut_deps = rv->ndeps - n;
    for (size_t i = 0; i < n && i < lay->fold; i++)
        dep_row(b, &rv->deps[i]);
    if (!rv->ndeps)
        sbuf_puts(b, "| None | - | - | No new infrastructure required |\n");
    if (n > lay->fold) {
        details_open(b, n - lay->fold, "dependencies");
        table_head(b);
        for (size_t i = lay->fold; i < n; i++)
            dep_row(b, &rv->deps[i]);
        details_close(b);
    }
    sbuf_putc(b, '\n');
}

/* A bullet (or numbered) list of `n` texts with the fold and the cap. */
static void list(sbuf *b, char *const *items, size_t count, bool numbered, const char *what,
                 const md_layout *lay, size_t *cut)
{
    size_t n = count < lay->cap ? count : lay->cap;
    *cut = count - n;
    for (size_t i = 0; i < n; i++) {
        if (i == lay->fold)
            details_open(b, n - lay->fold, what);
        if (numbered)
            sbuf_printf(b, "%zu. ", i + 1);
        else
            sbuf_puts(b, "- ");
        inline_text(b, items[i]);
        sbuf_putc(b, '\n');
    }
    if (n > lay->fold)
        details_close(b);
}

static void bullets(sbuf *b, const char *heading, const review_list *l, const char *what,
                    const md_layout *lay, size_t *cut)
{
    sbuf_printf(b, "### %s\n", heading);
    list(b, l->items, l->n, false, what, lay, cut);
    sbuf_putc(b, '\n');
}

static void recommendations(sbuf *b, const review *rv, md_layout *lay)
{
    sbuf_puts(b, "### Recommendations\n");
    char **texts = xcalloc(rv->nrecs + 1, sizeof *texts);
    for (size_t i = 0; i < rv->nrecs; i++)
        texts[i] = rv->recs[i].text;
    list(b, texts, rv->nrecs, true, "recommendations", lay, &lay->cut_recs);
    free(texts);
}

/* "… not shown: 9,950 dependency rows, 3 concerns" line, or nothing. */
static void cut_line(sbuf *b, const md_layout *lay, size_t max_length)
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
    if (what.len)
        sbuf_printf(b, "\n**Cut to fit %zu characters:** %s not shown. The JSON output "
                    "(`circuit review --format json`) has the full review.\n",
                    max_length, sbuf_str(&what));
    sbuf_free(&what);
}

static void verdict_line(sbuf *b, const review *rv)
{
    sbuf_printf(b, "\n### Verdict: %s", review_verdict_name(rv->verdict));
    if (rv->verdict_note) {
        sbuf_puts(b, " — ");
        inline_text(b, rv->verdict_note);
    }
    sbuf_putc(b, '\n');
}

static void render(const review *rv, md_layout *lay, size_t max_length, sbuf *b)
{
    sbuf_puts(b, "## Infrastructure/DevOps Engineer Review\n\n"
                 "**Reviewer:** Circuit\n"
                 "**Focus Areas:** Deployment, monitoring, scaling, infrastructure\n\n"
                 "### Assessment\n\n"
                 "#### Infrastructure Changes\n");
    change_list(b, "New Resources", rv->created, rv->ncreated);
    change_list(b, "Modified Resources", rv->modified, rv->nmodified);
    scope_lines(b, rv);
    sbuf_puts(b, "- **Cost Impact:** ");
    inline_text(b, rv->cost_impact);
    sbuf_puts(b, " [^prices]\n\n[^prices]: Prices: ");
    inline_text(b, rv->prices_note);
    sbuf_puts(b, ".\n\n");
    block(b, rv, "Deployment");
    block(b, rv, "Scaling");
    block(b, rv, "Reliability");
    dependencies(b, rv, lay);
    sbuf_puts(b, "### Operational Checklist\n\n");
    for (size_t i = 0; i < REVIEW_NCHECKS; i++)
        sbuf_printf(b, "- [%c] %s\n", rv->checks[i].checked ? 'x' : ' ', review_check_items[i]);
    sbuf_putc(b, '\n');
    bullets(b, "Strengths", &rv->strengths, "strengths", lay, &lay->cut_strengths);
    bullets(b, "Concerns", &rv->concerns, "concerns", lay, &lay->cut_concerns);
    recommendations(b, rv, lay);
    sbuf_puts(b, "\n### Review Questions\n");
    for (size_t i = 0; i < REVIEW_NQUESTIONS; i++) {
        sbuf_printf(b, "- **%s** ", review_questions[i]);
        inline_text(b, rv->answers[i]);
        sbuf_putc(b, '\n');
    }
    cut_line(b, lay, max_length);
    verdict_line(b, rv);
}

/* Last resort: the text up to a line that leaves room for the cut notice
 * and the verdict, which always ends the document. */
static void hard_cut(const review *rv, const sbuf *full, size_t max_length, sbuf *b)
{
    sbuf tail = SBUF_INIT;
    sbuf_printf(&tail, "\n**Cut to fit %zu characters:** the rest of the review is not shown. The JSON "
                "output (`circuit review --format json`) has the full review.\n", max_length);
    verdict_line(&tail, rv);
    size_t room = max_length > tail.len ? max_length - tail.len : 0;
    const char *s = sbuf_str(full);
    size_t end = room < full->len ? room : full->len;
    while (end && s[end - 1] != '\n')
        end--;
    sbuf_add(b, s, end);
    sbuf_add(b, sbuf_str(&tail), tail.len);
    sbuf_free(&tail);
}

void review_render_markdown(const review *rv, size_t max_length, sbuf *out)
{
    md_layout lay = {(size_t)-1, (size_t)-1, 0, 0, 0, 0};
    sbuf b = SBUF_INIT;
    render(rv, &lay, max_length, &b);
    if (max_length && b.len > max_length) {
        /* Fold long lists, then cut them shorter until the whole fits. */
        size_t cap = (size_t)-1;
        for (;;) {
            sbuf_reset(&b);
            lay = (md_layout){MD_FOLD, cap, 0, 0, 0, 0};
            render(rv, &lay, max_length, &b);
            if (b.len <= max_length || cap == 0)
                break;
            size_t longest = rv->ndeps;
            if (rv->concerns.n > longest)
                longest = rv->concerns.n;
            if (rv->nrecs > longest)
                longest = rv->nrecs;
            if (cap > longest)
                cap = longest;
            /* Roughly proportional to the overshoot, at least one item less. */
            size_t next = (size_t)((double)cap * (double)max_length / (double)b.len * 0.95);
            cap = next < cap ? next : cap - 1;
        }
        if (b.len > max_length) {
            sbuf whole = b;
            b = (sbuf)SBUF_INIT;
            hard_cut(rv, &whole, max_length, &b);
            sbuf_free(&whole);
        }
    }
    sbuf_add(out, sbuf_str(&b), b.len);
    sbuf_free(&b);
}
