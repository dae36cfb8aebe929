/*
 * plan_coverage.c — what circuit does not review: the managed resources of
 * providers other than AWS, counted by provider, so `review`, `check` and
 * `cost` can each say what they left out instead of passing it in silence.
 */
#include "plan.h"
#include "plan_render.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <stdlib.h>
#include <string.h>

static bool changes(const plan_resource *r)
{
    switch (r->action) {
    case PLAN_ACT_NOOP:
    case PLAN_ACT_READ:
        return r->importing || r->previous_address;
    default:
        return true;
    }
}

static int by_provider(const void *a, const void *b)
{
    return strcmp(((const plan_provider_count *)a)->provider, ((const plan_provider_count *)b)->provider);
}

size_t plan_not_reviewed(plan *const *plans, size_t nplans, plan_provider_count **out)
{
    plan_provider_count *c = NULL;
    size_t n = 0, cap = 0;
    for (size_t pi = 0; pi < nplans; pi++) {
        for (size_t i = 0; i < plans[pi]->nresources; i++) {
            const plan_resource *r = &plans[pi]->resources[i];
            if (r->is_data || r->is_aws || !r->provider)
                continue;
            size_t k = 0;
            while (k < n && strcmp(c[k].provider, r->provider) != 0)
                k++;
            if (k == n) {
                c = xgrow(c, &cap, n + 1, sizeof *c);
                c[n++] = (plan_provider_count){r->provider, 0, 0};
            }
            c[k].resources++;
            c[k].changed += changes(r);
        }
    }
    if (n > 1)
        qsort(c, n, sizeof *c, by_provider);
    *out = c;
    return n;
}

char *plan_not_reviewed_text(const plan_provider_count *c, size_t n)
{
    if (!n)
        return NULL;
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        sbuf_printf(&b, "%s%zu %s resource%s", i ? ", " : "", c[i].resources, c[i].provider,
                    c[i].resources == 1 ? "" : "s");
        if (c[i].changed != c[i].resources)
            sbuf_printf(&b, " (%zu changed)", c[i].changed);
    }
    sbuf_puts(&b, " not reviewed: circuit reviews AWS resources only");
    return sbuf_detach(&b);
}

void plan_not_reviewed_json(jw *w, plan *const *plans, size_t nplans)
{
    plan_provider_count *c = NULL;
    size_t n = plan_not_reviewed(plans, nplans, &c);
    if (n) {
        jw_karray(w, "not_reviewed", JW_LINE);
        for (size_t i = 0; i < n; i++) {
            jw_object(w, JW_LINE);
            jw_kstr(w, "provider", c[i].provider);
            jw_kuint(w, "resources", c[i].resources);
            jw_kuint(w, "changed", c[i].changed);
            jw_end_object(w);
        }
        jw_end_array(w);
    }
    free(c);
}

void plan_not_reviewed_append(plan *const *plans, size_t nplans, const char *format, sbuf *doc)
{
    if (!format || strcmp(format, "sarif") == 0 || strcmp(format, "json") == 0)
        return;
    plan_provider_count *c = NULL;
    size_t n = plan_not_reviewed(plans, nplans, &c);
    if (n) {
        char *text = plan_not_reviewed_text(c, n);
        sbuf_printf(doc, "\n%s%s.\n", strcmp(format, "markdown") == 0 ? "**Not reviewed:** " : "", text);
        free(text);
    }
    free(c);
}
