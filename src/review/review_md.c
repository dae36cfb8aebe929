/*
 * review_md.c — the Markdown review, in exactly the shape of the seed's
 * "Review Output Format": every heading, table and checklist in its order,
 * each {placeholder} replaced by what review_build() decided.
 *
 * Two additions, both placed so every seed heading keeps its order and the
 * verdict stays the last line:
 *   - the price lists used are a GitHub footnote ([^prices]) referenced
 *     from Cost Impact and defined right under the Infrastructure Changes
 *     list (GitHub renders footnotes at the bottom);
 *   - "### Review Questions" (the seed's questions, answered) comes after
 *     Recommendations and before the Verdict.
 */
#include "review_int.h"

#include <string.h>

/* How many resources the New/Modified lines name before "and N more"
 * (the JSON output lists them all). */
#define MD_MAX_LISTED 15

/* Inline text: newlines folded so a value cannot break the layout. */
static void inline_text(sbuf *b, const char *s)
{
    for (; s && *s; s++)
        sbuf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void change_list(sbuf *b, const char *label, const review_change *c, size_t n)
{
    sbuf_printf(b, "- **%s:** ", label);
    if (!n) {
        sbuf_puts(b, "None\n");
        return;
    }
    sbuf_printf(b, "%zu — ", n);
    size_t shown = n <= MD_MAX_LISTED + 1 ? n : MD_MAX_LISTED;
    for (size_t i = 0; i < shown; i++) {
        if (i)
            sbuf_puts(b, ", ");
        inline_text(b, c[i].label);
        if (c[i].note) {
            sbuf_puts(b, " (");
            inline_text(b, c[i].note);
            sbuf_putc(b, ')');
        }
    }
    if (shown < n)
        sbuf_printf(b, " and %zu more", n - shown);
    sbuf_putc(b, '\n');
}

static void item_line(sbuf *b, const review *rv, review_item_id id)
{
    const review_item_info *info = &review_items[id];
    const review_item *it = &rv->items[id];
    sbuf_printf(b, "- **%s:** %s", info->label, it->yes ? info->yes_word : info->no_word);
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

static void dependencies(sbuf *b, const review *rv)
{
    sbuf_puts(b, "### Infrastructure Dependencies\n\n"
                 "| Resource | Type | Purpose | Cost Impact |\n"
                 "|----------|------|---------|-------------|\n");
    for (size_t i = 0; i < rv->ndeps; i++) {
        const review_dep *d = &rv->deps[i];
        sbuf_puts(b, "| ");
        sbuf_md_cell(b, d->resource);
        sbuf_puts(b, " | ");
        sbuf_md_cell(b, d->service);
        sbuf_puts(b, " | ");
        sbuf_md_cell(b, d->purpose);
        sbuf_puts(b, " | ");
        sbuf_md_cell(b, d->cost);
        sbuf_puts(b, " |\n");
    }
    if (!rv->ndeps)
        sbuf_puts(b, "| None | - | - | No new infrastructure required |\n");
    sbuf_putc(b, '\n');
}

static void bullets(sbuf *b, const char *heading, const review_list *l)
{
    sbuf_printf(b, "### %s\n", heading);
    for (size_t i = 0; i < l->n; i++) {
        sbuf_puts(b, "- ");
        inline_text(b, l->items[i]);
        sbuf_putc(b, '\n');
    }
    sbuf_putc(b, '\n');
}

void review_render_markdown(const review *rv, sbuf *b)
{
    sbuf_puts(b, "## Infrastructure/DevOps Engineer Review\n\n"
                 "**Reviewer:** Circuit\n"
                 "**Focus Areas:** Deployment, monitoring, scaling, infrastructure\n\n"
                 "### Assessment\n\n"
                 "#### Infrastructure Changes\n");
    change_list(b, "New Resources", rv->created, rv->ncreated);
    change_list(b, "Modified Resources", rv->modified, rv->nmodified);
    sbuf_puts(b, "- **Cost Impact:** ");
    inline_text(b, rv->cost_impact);
    sbuf_puts(b, " [^prices]\n\n[^prices]: Prices: ");
    inline_text(b, rv->prices_note);
    sbuf_puts(b, ".\n\n");
    block(b, rv, "Deployment");
    block(b, rv, "Scaling");
    block(b, rv, "Reliability");
    dependencies(b, rv);
    sbuf_puts(b, "### Operational Checklist\n\n");
    for (size_t i = 0; i < REVIEW_NCHECKS; i++)
        sbuf_printf(b, "- [%c] %s\n", rv->checks[i].checked ? 'x' : ' ', review_check_items[i]);
    sbuf_putc(b, '\n');
    bullets(b, "Strengths", &rv->strengths);
    bullets(b, "Concerns", &rv->concerns);
    sbuf_puts(b, "### Recommendations\n");
    for (size_t i = 0; i < rv->nrecs; i++) {
        sbuf_printf(b, "%zu. ", i + 1);
        inline_text(b, rv->recs[i].text);
        sbuf_putc(b, '\n');
    }
    sbuf_puts(b, "\n### Review Questions\n");
    for (size_t i = 0; i < REVIEW_NQUESTIONS; i++) {
        sbuf_printf(b, "- **%s** ", review_questions[i]);
        inline_text(b, rv->answers[i]);
        sbuf_putc(b, '\n');
    }
    sbuf_printf(b, "\n### Verdict: %s\n", review_verdict_name(rv->verdict));
}
