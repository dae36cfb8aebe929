/*
 * plan_render_text.c — the human renderings of `circuit changes`: a table
 * grouped by action (Terraform's symbols: + ~ -/+ +/- - <= .) and the same
 * content as Markdown for PR comments.  Unchanged (no-op) entries are only
 * counted, unless they import or move something, which is itself news.
 * Changed attributes come from plan_diff(), already masked.
 */
#include "plan_render.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

#define VALUE_MAX 160   /* longest value shown in full by the human formats */

static const struct group {
    plan_action action;
    const char *title;
} groups[] = {
    {PLAN_ACT_CREATE, "to create"},
    {PLAN_ACT_UPDATE, "to update in place"},
    {PLAN_ACT_REPLACE, "to replace"},
    {PLAN_ACT_DELETE, "to destroy"},
    {PLAN_ACT_FORGET, "to forget (removed from state, not destroyed)"},
    {PLAN_ACT_READ, "to read (data sources)"},
    {PLAN_ACT_NOOP, "unchanged but imported or moved"},
};

const char *plan_action_symbol(const plan_resource *r)
{
    switch (r->action) {
    case PLAN_ACT_CREATE: return "+";
    case PLAN_ACT_UPDATE: return "~";
    case PLAN_ACT_DELETE: return "-";
    case PLAN_ACT_READ: return "<=";
    case PLAN_ACT_FORGET: return ".";
    case PLAN_ACT_NOOP: return " ";
    case PLAN_ACT_UNKNOWN: return "?";
    case PLAN_ACT_REPLACE:
        return r->replace_order == PLAN_ORDER_DELETE_BEFORE_CREATE ? "-/+"
             : r->replace_order == PLAN_ORDER_CREATE_THEN_FORGET ? "+/." : "+/-";
    }
    return "?";
}

static const char *symbol_color(plan_action a)
{
    switch (a) {
    case PLAN_ACT_CREATE: return "\033[32m";
    case PLAN_ACT_UPDATE: return "\033[33m";
    case PLAN_ACT_REPLACE:
    case PLAN_ACT_DELETE: return "\033[31m";
    case PLAN_ACT_READ: return "\033[36m";
    default: return "\033[2m";
    }
}

static bool listed(const plan_resource *r, plan_action a)
{
    if (r->action != a)
        return false;
    return a != PLAN_ACT_NOOP || r->importing || r->previous_address || r->deposed;
}

/* "delete-before-create, replace_because_tainted, moved from x, ..." */
static void notes(sbuf *b, const plan_resource *r)
{
    size_t start = b->len;
#define SEP() (b->len > start ? ", " : "")
    if (r->replace_order != PLAN_ORDER_NONE)
        sbuf_printf(b, "%s%s", SEP(), plan_replace_order_name(r->replace_order));
    if (r->action_reason)
        sbuf_printf(b, "%s%s", SEP(), r->action_reason);
    if (r->previous_address)
        sbuf_printf(b, "%smoved from %s", SEP(), r->previous_address);
    if (r->importing)
        sbuf_printf(b, "%s%s%s", SEP(), r->import_id ? "import id " : "imported",
                    r->import_id ? r->import_id : "");
    if (r->deposed)
        sbuf_printf(b, "%sdeposed object %s", SEP(), r->deposed);
#undef SEP
}

static void region_text(sbuf *b, const plan_resource *r)
{
    if (r->region)
        sbuf_printf(b, "%s (%s)", r->region, plan_region_source_name(r->region_source));
}

/* Value text for humans, cut at VALUE_MAX characters. */
static char *side_text(plan_diff_kind k, const json_t *v)
{
    char *s = plan_diff_text(k, v);
    size_t n = strlen(s);
    if (n > VALUE_MAX) {
        size_t cut = VALUE_MAX;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;   /* do not split a UTF-8 sequence */
        char *t = xasprintf("%.*s... (%zu chars)", (int)cut, s, n);
        free(s);
        s = t;
    }
    return s;
}

static bool forces_replacement(const plan_resource *r, const char *path)
{
    size_t i;
    const json_t *steps;
    json_array_foreach(r->replace_paths, i, steps) {
        char *t = plan_path_text(steps);
        bool hit = strcmp(t, path) == 0;
        free(t);
        if (hit)
            return true;
    }
    return false;
}

static void summary_line(sbuf *b, const plan *p)
{
    plan_counts c;
    plan_count(p, &c);
    sbuf_printf(b, "%zu to create, %zu to update, %zu to replace, %zu to destroy", c.create,
                c.update, c.replace, c.delete_);
    if (c.forget)
        sbuf_printf(b, ", %zu to forget", c.forget);
    if (c.read)
        sbuf_printf(b, ", %zu to read", c.read);
    sbuf_printf(b, "; %zu unchanged", c.no_op);
    if (c.import)
        sbuf_printf(b, "; %zu to import", c.import);
    if (c.move)
        sbuf_printf(b, "; %zu moved", c.move);
}

static void header_facts(sbuf *b, const plan *p)
{
    if (p->terraform_version)
        sbuf_printf(b, "Terraform %s", p->terraform_version);
    else
        sbuf_puts(b, "Terraform version not recorded");
    if (p->format_version)
        sbuf_printf(b, ", plan format %s", p->format_version);
    else
        sbuf_puts(b, ", no format_version");
    if (p->errored)
        sbuf_puts(b, "; PLAN ERRORED: changes are partial");
    else if (!p->complete)
        sbuf_puts(b, "; plan incomplete: more rounds follow");
}

/* ---- table ------------------------------------------------------------------- */

static void table_changed(sbuf *b, const plan_resource *r)
{
    plan_diff_entry *d;
    size_t n = plan_diff(r, &d);
    for (size_t i = 0; i < n; i++) {
        char *bt = side_text(d[i].before_kind, d[i].before);
        char *at = side_text(d[i].after_kind, d[i].after);
        sbuf_printf(b, "         %s: %s -> %s%s\n", d[i].path, bt, at,
                    forces_replacement(r, d[i].path) ? "  # forces replacement" : "");
        free(bt);
        free(at);
    }
    plan_diff_free(d, n);
}

static size_t address_width(const plan *p)
{
    size_t w = 0;
    for (size_t i = 0; i < p->nresources; i++) {
        size_t n = strlen(p->resources[i].address);
        if (n > w && n <= 60)
            w = n;
    }
    return w;
}

static void table_row(sbuf *b, const plan_resource *r, size_t width, bool color)
{
    const char *sym = plan_action_symbol(r);
    if (color)
        sbuf_printf(b, "  %s%-3s\033[0m  ", symbol_color(r->action), sym);
    else
        sbuf_printf(b, "  %-3s  ", sym);
    sbuf_printf(b, "%-*s", (int)width, r->address);
    sbuf sub = SBUF_INIT;
    region_text(&sub, r);
    if (sub.len)
        sbuf_printf(b, "  %s", sbuf_str(&sub));
    sbuf_reset(&sub);
    notes(&sub, r);
    if (sub.len)
        sbuf_printf(b, "  [%s]", sbuf_str(&sub));
    sbuf_free(&sub);
    /* No trailing blanks when the padded address ends the line. */
    while (b->len && b->data[b->len - 1] == ' ')
        b->data[--b->len] = '\0';
    sbuf_putc(b, '\n');
    table_changed(b, r);
}

void plan_render_table(const plan *p, sbuf *b, bool color)
{
    sbuf_printf(b, "Changes in %s (", p->name);
    header_facts(b, p);
    sbuf_puts(b, ")\n");
    size_t width = address_width(p);
    bool any = false;
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        size_t n = 0;
        for (size_t i = 0; i < p->nresources; i++)
            n += listed(&p->resources[i], groups[g].action);
        if (!n)
            continue;
        any = true;
        sbuf_printf(b, "\n%zu %s:\n", n, groups[g].title);
        for (size_t i = 0; i < p->nresources; i++)
            if (listed(&p->resources[i], groups[g].action))
                table_row(b, &p->resources[i], width, color);
    }
    if (!any)
        sbuf_puts(b, "\nNo changes.\n");
    sbuf_puts(b, "\nPlan: ");
    summary_line(b, p);
    sbuf_puts(b, ".\n");
    if (p->ndrift) {
        sbuf_printf(b, "\nDrift: %zu resource%s changed outside Terraform (not part of this plan):\n",
                    p->ndrift, p->ndrift == 1 ? "" : "s");
        for (size_t i = 0; i < p->ndrift; i++)
            sbuf_printf(b, "  %-3s  %s (%s)\n", plan_action_symbol(&p->drift[i]),
                        p->drift[i].address, plan_action_name(p->drift[i].action));
    }
}

/* ---- markdown ------------------------------------------------------------------ */

static void md_code(sbuf *b, const char *s)
{
    if (strchr(s, '`')) {
        sbuf_md_cell(b, s);
        return;
    }
    sbuf_putc(b, '`');
    sbuf_md_cell(b, s);
    sbuf_putc(b, '`');
}

static void md_changed(sbuf *b, const plan_resource *r)
{
    plan_diff_entry *d;
    size_t n = plan_diff(r, &d);
    if (n) {
        sbuf_puts(b, "\n**");
        md_code(b, r->address);
        sbuf_printf(b, "** (%s)\n\n| Attribute | Before | After |\n|---|---|---|\n",
                    plan_action_name(r->action));
        for (size_t i = 0; i < n; i++) {
            char *bt = side_text(d[i].before_kind, d[i].before);
            char *at = side_text(d[i].after_kind, d[i].after);
            sbuf_puts(b, "| ");
            md_code(b, d[i].path);
            if (forces_replacement(r, d[i].path))
                sbuf_puts(b, " (forces replacement)");
            sbuf_puts(b, " | ");
            md_code(b, bt);
            sbuf_puts(b, " | ");
            md_code(b, at);
            sbuf_puts(b, " |\n");
            free(bt);
            free(at);
        }
    }
    plan_diff_free(d, n);
}

void plan_render_markdown(const plan *p, sbuf *b)
{
    sbuf_puts(b, "## Plan changes: ");
    md_code(b, p->name);
    sbuf_puts(b, "\n\n");
    header_facts(b, p);
    sbuf_puts(b, ".\n\n**");
    summary_line(b, p);
    sbuf_puts(b, ".**\n");
    bool any = false;
    for (size_t i = 0; i < p->nresources && !any; i++)
        any = p->resources[i].action != PLAN_ACT_NOOP || listed(&p->resources[i], PLAN_ACT_NOOP);
    if (any) {
        sbuf_puts(b, "\n| | Resource | Action | Region | Notes |\n|---|---|---|---|---|\n");
        for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
            for (size_t i = 0; i < p->nresources; i++) {
                const plan_resource *r = &p->resources[i];
                if (!listed(r, groups[g].action))
                    continue;
                sbuf_puts(b, "| ");
                md_code(b, plan_action_symbol(r));
                sbuf_puts(b, " | ");
                md_code(b, r->address);
                sbuf_printf(b, " | %s | ", plan_action_name(r->action));
                sbuf sub = SBUF_INIT;
                region_text(&sub, r);
                sbuf_md_cell(b, sbuf_str(&sub));
                sbuf_puts(b, " | ");
                sbuf_reset(&sub);
                notes(&sub, r);
                sbuf_md_cell(b, sbuf_str(&sub));
                sbuf_free(&sub);
                sbuf_puts(b, " |\n");
            }
        bool header = false;
        for (size_t i = 0; i < p->nresources; i++) {
            const plan_resource *r = &p->resources[i];
            if (r->action != PLAN_ACT_UPDATE && r->action != PLAN_ACT_REPLACE)
                continue;
            if (!header) {
                sbuf_puts(b, "\n### Changed attributes\n");
                header = true;
            }
            md_changed(b, r);
        }
    } else {
        sbuf_puts(b, "\nNo changes.\n");
    }
    if (p->ndrift) {
        sbuf_printf(b, "\n### Drift\n\n%zu resource%s changed outside Terraform (not part of this plan):\n\n",
                    p->ndrift, p->ndrift == 1 ? "" : "s");
        for (size_t i = 0; i < p->ndrift; i++) {
            sbuf_puts(b, "- ");
            md_code(b, p->drift[i].address);
            sbuf_printf(b, " (%s)\n", plan_action_name(p->drift[i].action));
        }
    }
}
