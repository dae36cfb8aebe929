/*
 * cost_docs.c — the reference the model tables document about themselves:
 * the priced types and what each prices, their usage keys, the values
 * they assume and why, the AWS offers they read, the free types.
 *
 * `circuit cost --list-types` prints it (table, Markdown, JSON),
 * docs/cost-types.md is the Markdown (scripts/gen-docs.py writes it, the
 * e2e case docs-generated fails when it is stale) and `circuit help cost`
 * lists the types; `circuit pricing sync` fetches cost_model_offers() by
 * default.  Nothing here is written by hand: a new model documents itself.
 */
#include "cost_model.h"

#include "../core/jsonw.h"
#include "../core/mem.h"
#include "../core/sbuf.h"

#include <stdlib.h>
#include <string.h>

/* ---- offers ----------------------------------------------------------------- */

#define MAX_OFFERS 128

static const char *offers[MAX_OFFERS + 1];
static size_t noffers;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void add_offer(const char *s)
{
    for (size_t i = 0; i < noffers; i++)
        if (strcmp(offers[i], s) == 0)
            return;
    if (noffers < MAX_OFFERS)
        offers[noffers++] = s;
}

const char *const *cost_model_offers(size_t *n)
{
    if (!noffers) {
        const cost_model *const *models;
        size_t nm = cost_models(&models);
        for (size_t i = 0; i < nm; i++)
            for (size_t p = 0; p < models[i]->nparts; p++)
                for (size_t c = 0; c < models[i]->parts[p].ncomps; c++)
                    add_offer(models[i]->parts[p].comps[c].service);
        qsort(offers, noffers, sizeof offers[0], cmp_str);
        offers[noffers] = NULL;
    }
    if (n)
        *n = noffers;
    return offers;
}

/* ---- assumptions ---------------------------------------------------------- */

typedef struct assumption_row {
    char *attr;          /* as the plan names it, relative to the resource */
    const cost_var *var;
} assumption_row;

typedef struct row_list {
    assumption_row *items;
    size_t n, cap;
} row_list;

static void add_row(row_list *l, const char *prefix, const cost_var *v)
{
    char *attr = prefix ? xasprintf("%s%s", prefix, v->attr) : xstrdup(v->attr);
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].attr, attr) == 0) {
            free(attr);
            return;
        }
    l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n++] = (assumption_row){attr, v};
}

static bool assumes(const cost_var *v)
{
    return v->attr && (v->flags & (CVF_UNKNOWN_DEFAULT | CVF_ASSUME));
}

static void model_assumptions(const cost_model *m, row_list *out)
{
    for (size_t i = 0; i < m->nvars; i++)
        if (assumes(&m->vars[i])) {
            char prefix[160] = "";
            if (m->vars[i].from)
                snprintf(prefix, sizeof prefix, "%s's ", m->vars[i].from->what);
            add_row(out, *prefix ? prefix : NULL, &m->vars[i]);
        }
    for (size_t p = 0; p < m->nparts; p++) {
        const cost_part *part = &m->parts[p];
        for (size_t i = 0; i < part->nvars; i++) {
            const cost_var *v = &part->vars[i];
            if (!assumes(v))
                continue;
            const cost_source *src = v->from ? v->from : (v->flags & CVF_SELF) ? NULL : part->source;
            char prefix[160] = "";
            if (src)
                snprintf(prefix, sizeof prefix, "%s's ", src->what);
            if (part->each && !(v->flags & CVF_SELF))
                snprintf(prefix + strlen(prefix), sizeof prefix - strlen(prefix), "%s[*].", part->each);
            add_row(out, *prefix ? prefix : NULL, v);
        }
    }
}

static void rows_free(row_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].attr);
    free(l->items);
}

static const char *assumed_value(const cost_var *v)
{
    return v->dflt ? v->dflt : v->fallback ? "(see why)" : "";
}

static const char *assumed_when(const cost_var *v)
{
    return (v->flags & CVF_ASSUME) ? "not known from the plan" : "known after apply, not shown unset";
}

/* ---- usage key types ------------------------------------------------------ */

static const char *usage_type_name(cost_usage_type t)
{
    switch (t) {
    case CU_NUMBER: return "number";
    case CU_STRING: return "string";
    case CU_BOOL: return "true/false";
    }
    return "?";
}

/* ---- Markdown ------------------------------------------------------------- */

static void md_code_list(sbuf *b, const cost_model *m)
{
    if (!m->nusage) {
        sbuf_puts(b, "—");
        return;
    }
    for (size_t k = 0; k < m->nusage; k++)
        sbuf_printf(b, "%s`%s`", k ? ", " : "", m->usage[k].key);
}

static void markdown(sbuf *b)
{
    const cost_model *const *models;
    size_t nm = cost_models(&models);
    const char *const *free_types;
    size_t nf = cost_free_types(&free_types);

    sbuf_printf(b, "## Priced types (%zu)\n\n| type | what is priced | usage keys |\n|---|---|---|\n", nm);
    for (size_t i = 0; i < nm; i++) {
        sbuf_printf(b, "| `%s` | ", models[i]->type);
        sbuf_md_cell(b, models[i]->doc);
        sbuf_puts(b, " | ");
        md_code_list(b, models[i]);
        sbuf_puts(b, " |\n");
    }

    sbuf_puts(b, "\n## Usage keys\n\n| type | key | value | meaning |\n|---|---|---|---|\n");
    for (size_t i = 0; i < nm; i++)
        for (size_t k = 0; k < models[i]->nusage; k++) {
            const cost_usage_key *u = &models[i]->usage[k];
            sbuf_printf(b, "| `%s` | `%s` | %s | ", models[i]->type, u->key, usage_type_name(u->type));
            sbuf_md_cell(b, u->doc);
            sbuf_puts(b, " |\n");
        }

    sbuf_puts(b, "\n## Assumptions\n\n"
                 "A value that decides a price and that the plan does not give is priced as AWS or the "
                 "provider would set it, and the line says so (`assumed ...`; JSON `assumed` on the "
                 "component). \"known after apply, not shown unset\": the plan knows the value only after "
                 "apply and its `configuration` does not show the attribute unset (unset, the provider's "
                 "default applies and nothing is assumed). \"not known from the plan\": AWS decides from "
                 "something outside the plan, so the value is assumed whenever the plan does not give it. "
                 "A usage key overrides each one. Instance types, classes, engines and sizes are never "
                 "assumed: they stay not priced, with the reason.\n\n"
                 "| type | attribute | assumed | when | why | usage key |\n|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < nm; i++) {
        row_list rows = {0};
        model_assumptions(models[i], &rows);
        for (size_t r = 0; r < rows.n; r++) {
            const cost_var *v = rows.items[r].var;
            sbuf_printf(b, "| `%s` | `", models[i]->type);
            sbuf_md_cell(b, rows.items[r].attr);
            sbuf_printf(b, "` | %s%s%s | %s | ", v->dflt ? "`" : "", assumed_value(v), v->dflt ? "`" : "",
                        assumed_when(v));
            sbuf_md_cell(b, v->why ? v->why : "");
            sbuf_printf(b, " | `%s` |\n", v->usage ? v->usage : "");
        }
        rows_free(&rows);
    }

    size_t no;
    const char *const *off = cost_model_offers(&no);
    sbuf_printf(b, "\n## Offers\n\nThe %zu AWS price lists the models read, which `circuit pricing sync` "
                   "fetches when no `--service` is given: ",
                no);
    for (size_t i = 0; i < no; i++)
        sbuf_printf(b, "%s`%s`", i ? ", " : "", off[i]);
    sbuf_puts(b, ".\n");

    sbuf_printf(b, "\n## Free types (%zu)\n\nShown as `free`, never as \"not supported\": ", nf);
    for (size_t i = 0; i < nf; i++)
        sbuf_printf(b, "%s`%s`", i ? ", " : "", free_types[i]);
    sbuf_puts(b, ".\n");
}

/* ---- table ------------------------------------------------------------------ */

static void table(sbuf *b)
{
    const cost_model *const *models;
    size_t nm = cost_models(&models);
    const char *const *free_types;
    size_t nf = cost_free_types(&free_types);
    size_t w = 4;
    for (size_t i = 0; i < nm; i++)
        if (strlen(models[i]->type) > w)
            w = strlen(models[i]->type);
    sbuf_printf(b, "%zu priced AWS resource types (%zu more are free); usage keys and assumptions: "
                   "--format markdown or json\n\n",
                nm, nf);
    sbuf_printf(b, "%-*s  %s\n", (int)w, "TYPE", "WHAT IS PRICED");
    for (size_t i = 0; i < nm; i++)
        sbuf_printf(b, "%-*s  %s\n", (int)w, models[i]->type, models[i]->doc);
}

/* ---- JSON --------------------------------------------------------------------- */

static void json_model(jw *w, const cost_model *m)
{
    jw_object(w, JW_SAME);
    jw_kstr(w, "type", m->type);
    jw_kstr(w, "doc", m->doc);
    jw_karray(w, "usage_keys", JW_SAME);
    for (size_t k = 0; k < m->nusage; k++) {
        jw_object(w, JW_SAME);
        jw_kstr(w, "key", m->usage[k].key);
        jw_kstr(w, "type", usage_type_name(m->usage[k].type));
        jw_kstr(w, "doc", m->usage[k].doc);
        jw_end_object(w);
    }
    jw_end_array(w);
    jw_karray(w, "assumptions", JW_SAME);
    row_list rows = {0};
    model_assumptions(m, &rows);
    for (size_t r = 0; r < rows.n; r++) {
        const cost_var *v = rows.items[r].var;
        jw_object(w, JW_SAME);
        jw_kstr(w, "attribute", rows.items[r].attr);
        jw_kstr(w, "assumed", v->dflt);
        jw_kstr(w, "when", assumed_when(v));
        jw_kstr(w, "why", v->why);
        jw_kstr(w, "usage_key", v->usage);
        jw_end_object(w);
    }
    rows_free(&rows);
    jw_end_array(w);
    jw_end_object(w);
}

static void json_strings(jw *w, const char *key, const char *const *v, size_t n)
{
    jw_karray(w, key, JW_SAME);
    for (size_t i = 0; i < n; i++)
        jw_str(w, v[i]);
    jw_end_array(w);
}

/* circuit.cost-types/v1: compact, a priced type a line. */
static void json(sbuf *b)
{
    const cost_model *const *models;
    size_t nm = cost_models(&models);
    const char *const *free_types;
    size_t nf = cost_free_types(&free_types);
    jw w;
    jw_begin_document(&w, b, JW_COMPACT, "circuit.cost-types/v1");
    jw_kuint(&w, "priced_count", nm);
    jw_kuint(&w, "free_count", nf);
    jw_karray(&w, "priced", JW_ROWS);
    for (size_t i = 0; i < nm; i++)
        json_model(&w, models[i]);
    jw_end_array(&w);
    size_t no;
    const char *const *off = cost_model_offers(&no);
    json_strings(&w, "offers", off, no);
    json_strings(&w, "free", free_types, nf);
    jw_end_document(&w);
}

void cost_doc_types(const char *format, sbuf *out)
{
    if (format && strcmp(format, "json") == 0)
        json(out);
    else if (format && strcmp(format, "markdown") == 0)
        markdown(out);
    else
        table(out);
}

void cost_doc_help(sbuf *out)
{
    const cost_model *const *models;
    size_t nm = cost_models(&models);
    sbuf_printf(out, "Priced types (%zu; 'circuit cost --list-types' shows what each prices, its usage\n"
                     "keys and the values it assumes):\n ",
                nm);
    size_t col = 1;
    for (size_t i = 0; i < nm; i++) {
        size_t len = strlen(models[i]->type) + 2;
        if (col + len > 100) {
            sbuf_puts(out, "\n ");
            col = 1;
        }
        sbuf_printf(out, " %s%s", models[i]->type, i + 1 < nm ? "," : "");
        col += len;
    }
    sbuf_putc(out, '\n');
}
