/*
 * cost_estimate.c — prices every managed AWS resource of one or more plans:
 * picks the sides each action needs (create: after; delete: before;
 * update, replace, no-op: both), evaluates the type's model on them
 * (cost_eval.c), and turns the sides into before / after / delta, a status
 * and the report's totals, counts and per-plan subtotals.
 *
 * Data sources and non-AWS resources are never priced and do not appear.
 */
#include "cost_eval.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *cost_status_name(cost_status s)
{
    switch (s) {
    case COST_PRICED: return "priced";
    case COST_FREE: return "free";
    case COST_UNSUPPORTED: return "unsupported";
    case COST_USAGE_ONLY: return "usage_only";
    case COST_NOT_PRICED: return "not_priced";
    case COST_SKIPPED: return "skipped";
    }
    return "unknown";
}

bool cost_status_unpriced(cost_status s)
{
    return s == COST_NOT_PRICED || s == COST_UNSUPPORTED;
}

static bool side_assumes(const cost_side *s)
{
    for (size_t i = 0; i < s->ncomponents; i++)
        if (s->components[i].nassumed)
            return true;
    return false;
}

bool cost_resource_assumes(const cost_resource *cr)
{
    plan_action a = cr->res->action;
    if (a == PLAN_ACT_DELETE || a == PLAN_ACT_FORGET)
        return side_assumes(&cr->before);
    return side_assumes(&cr->after);
}

bool cost_delta_percent(const cost_totals *t, double *pct)
{
    double before = money_round(t->monthly_before), delta = money_round(t->monthly_delta);
    if (before <= 0)
        return false;
    /* half-up to one decimal, robust to binary noise like money_round */
    double scaled = delta / before * 1000.0;
    double eps = 1e-9 * (fabs(scaled) > 1.0 ? fabs(scaled) : 1.0);
    double r = scaled >= 0 ? floor(scaled + 0.5 + eps) : -floor(-scaled + 0.5 + eps);
    *pct = (r == 0 ? 0 : r) / 10.0;
    return true;
}

const char *cost_model_example(const char *type)
{
    const cost_model *m = cost_model_find(type);
    return m ? m->example : NULL;
}

/* ---- which sides an action prices ----------------------------------------- */

typedef struct sides {
    bool before, after;
} sides;

static sides sides_for(const plan_resource *r)
{
    switch (r->action) {
    case PLAN_ACT_CREATE:
        return (sides){false, true};
    case PLAN_ACT_DELETE:
    case PLAN_ACT_FORGET:
        return (sides){true, false};
    case PLAN_ACT_UPDATE:
    case PLAN_ACT_REPLACE:
    case PLAN_ACT_NOOP:
    case PLAN_ACT_UNKNOWN:
    case PLAN_ACT_READ:
        break;
    }
    return (sides){r->before != NULL, r->after != NULL};
}

/* ---- status -------------------------------------------------------------------- */

static void scan_side(const cost_side *s, bool *any_priced, bool *any_missing, bool *any_usage)
{
    for (size_t i = 0; i < s->ncomponents; i++) {
        const cost_component *c = &s->components[i];
        if (c->priced)
            *any_priced = true;
        else if (c->usage_missing)
            *any_usage = true;
        else
            *any_missing = true;
    }
}

static cost_status status_of(const cost_resource *cr)
{
    bool priced = false, missing = false, usage = false;
    scan_side(&cr->before, &priced, &missing, &usage);
    scan_side(&cr->after, &priced, &missing, &usage);
    if (missing)
        return COST_NOT_PRICED;
    if (priced)
        return COST_PRICED;
    if (usage)
        return COST_USAGE_ONLY;
    return COST_FREE;
}

/* ---- money per action --------------------------------------------------------- */

static void set_money(cost_resource *cr)
{
    const plan_resource *r = cr->res;
    double b = cr->before.monthly, a = cr->after.monthly;
    switch (r->action) {
    case PLAN_ACT_CREATE:
        cr->monthly_before = 0;
        cr->monthly_after = a;
        break;
    case PLAN_ACT_DELETE:
        cr->monthly_before = b;
        cr->monthly_after = 0;
        break;
    case PLAN_ACT_FORGET:
        /* no longer managed, still running: the bill does not change */
        cr->monthly_before = b;
        cr->monthly_after = b;
        break;
    case PLAN_ACT_NOOP:
        cr->monthly_before = cr->monthly_after = a;
        break;
    case PLAN_ACT_REPLACE:
        cr->replacement = true;
        cr->monthly_before = b;
        /* ["create","forget"]: the old object keeps running (and billing) */
        cr->monthly_after = r->replace_order == PLAN_ORDER_CREATE_THEN_FORGET ? b + a : a;
        break;
    default:
        cr->monthly_before = b;
        cr->monthly_after = a;
        break;
    }
    cr->monthly_delta = r->action == PLAN_ACT_NOOP ? 0 : cr->monthly_after - cr->monthly_before;
}

/* Which figures rest on something not priced.  A type without a model has
 * no known figure on the sides its action reads; a side with a component
 * that could not be priced is unknown.  A no-op or a forget does not
 * change the bill, so its delta is known (0) whatever its price. */
static void set_unknown(cost_resource *cr)
{
    const plan_resource *r = cr->res;
    bool unsup = cr->status == COST_UNSUPPORTED;
    bool b = unsup || cr->before.not_priced, a = unsup || cr->after.not_priced;
    switch (r->action) {
    case PLAN_ACT_CREATE:
        cr->after_unknown = a;
        break;
    case PLAN_ACT_DELETE:
        cr->before_unknown = b;
        break;
    case PLAN_ACT_FORGET:
        cr->before_unknown = cr->after_unknown = b;
        break;
    case PLAN_ACT_NOOP:
        cr->before_unknown = cr->after_unknown = a;
        break;
    case PLAN_ACT_REPLACE:
        cr->before_unknown = b;
        cr->after_unknown = r->replace_order == PLAN_ORDER_CREATE_THEN_FORGET ? a || b : a;
        break;
    default:
        cr->before_unknown = b;
        cr->after_unknown = a;
        break;
    }
    bool no_change = r->action == PLAN_ACT_NOOP || r->action == PLAN_ACT_FORGET;
    cr->delta_unknown = !no_change && (cr->before_unknown || cr->after_unknown);
}

/* ---- one resource ----------------------------------------------------------------- */

static cir_code price_resource(const plan *p, const plan_resource *r, price_cache *cache,
                               cost_memo *memo, const cost_opts *opts, cost_resource *cr, cir_err *err)
{
    memset(cr, 0, sizeof *cr);
    cr->res = r;
    cr->plan_name = p->name;
    if (cost_type_is_free(r->type)) {
        cr->status = COST_FREE;
        cr->replacement = r->action == PLAN_ACT_REPLACE;
        return CIR_OK;
    }
    const cost_model *m = cost_model_find(r->type);
    if (!m) {
        cr->status = COST_UNSUPPORTED;
        cr->replacement = r->action == PLAN_ACT_REPLACE;
        set_unknown(cr);
        return CIR_OK;
    }
    cost_usage_view view;
    cost_usage_view_for(opts ? opts->usage : NULL, r->address, r->type, &view);
    cost_eval_in in = {p, r, m, &view, cache, memo};
    sides s = sides_for(r);
    bool free_b = false, free_a = false;
    char *note_b = NULL, *note_a = NULL;
    cir_code rc = CIR_OK;
    if (s.before)
        rc = cost_eval_side(&in, false, &cr->before, &free_b, &note_b, err);
    if (rc == CIR_OK && s.after)
        rc = cost_eval_side(&in, true, &cr->after, &free_a, &note_a, err);
    free(note_b);
    free(note_a);
    if (rc != CIR_OK) {
        cost_side_clear(&cr->before);
        cost_side_clear(&cr->after);
        return rc;
    }
    set_money(cr);
    cr->status = status_of(cr);
    set_unknown(cr);
    return CIR_OK;
}

/* ---- the report --------------------------------------------------------------------- */

static void count_status(cost_counts *c, cost_status s)
{
    switch (s) {
    case COST_PRICED: c->priced++; break;
    case COST_FREE: c->free++; break;
    case COST_UNSUPPORTED: c->unsupported++; break;
    case COST_USAGE_ONLY: c->usage_only++; break;
    case COST_NOT_PRICED: c->not_priced++; break;
    case COST_SKIPPED: break;
    }
}

static void add_totals(cost_totals *t, const cost_resource *cr)
{
    t->monthly_before += cr->monthly_before;
    t->monthly_after += cr->monthly_after;
    t->monthly_delta += cr->monthly_delta;
    t->unpriced += cost_status_unpriced(cr->status);
    t->before_partial |= cr->before_unknown;
    t->after_partial |= cr->after_unknown;
    t->delta_partial |= cr->delta_unknown;
}

static int cmp_type_count(const void *a, const void *b)
{
    return strcmp(((const cost_type_count *)a)->type, ((const cost_type_count *)b)->type);
}

static void note_unsupported(cost_report *rep, size_t *cap, const char *type)
{
    for (size_t i = 0; i < rep->nunsupported; i++)
        if (strcmp(rep->unsupported[i].type, type) == 0) {
            rep->unsupported[i].count++;
            return;
        }
    rep->unsupported = xgrow(rep->unsupported, cap, rep->nunsupported + 1, sizeof *rep->unsupported);
    rep->unsupported[rep->nunsupported++] = (cost_type_count){xstrdup(type), 1};
}

static bool priced_here(const plan_resource *r)
{
    return r->is_aws && !r->is_data && r->action != PLAN_ACT_READ;
}

cir_code cost_estimate(plan *const *plans, size_t nplans, price_cache *cache, const cost_opts *opts,
                       cost_report **out, cir_err *err)
{
    assert(nplans >= 1);
    cost_report *rep = xcalloc(1, sizeof *rep);
    size_t total = 0, cap_unsup = 0;
    for (size_t i = 0; i < nplans; i++)
        for (size_t k = 0; k < plans[i]->nresources; k++)
            total += priced_here(&plans[i]->resources[k]);
    rep->resources = xcalloc(total ? total : 1, sizeof *rep->resources);
    rep->projects = xcalloc(nplans, sizeof *rep->projects);
    rep->nprojects = nplans;
    cost_memo *memo = cost_memo_new();
    for (size_t i = 0; i < nplans; i++) {
        const plan *p = plans[i];
        cost_project *proj = &rep->projects[i];
        proj->name = xstrdup(p->name ? p->name : "plan");
        for (size_t k = 0; k < p->nresources; k++) {
            const plan_resource *r = &p->resources[k];
            if (!priced_here(r))
                continue;
            cost_resource *cr = &rep->resources[rep->nresources];
            cir_code rc = price_resource(p, r, cache, memo, opts, cr, err);
            if (rc != CIR_OK) {
                cost_memo_free(memo);
                cost_report_free(rep);
                return rc;
            }
            rep->nresources++;
            count_status(&rep->counts, cr->status);
            count_status(&proj->counts, cr->status);
            add_totals(&rep->totals, cr);
            add_totals(&proj->totals, cr);
            if (cr->status == COST_UNSUPPORTED)
                note_unsupported(rep, &cap_unsup, r->type);
        }
    }
    cost_memo_free(memo);
    if (rep->nunsupported)
        qsort(rep->unsupported, rep->nunsupported, sizeof *rep->unsupported, cmp_type_count);
    *out = rep;
    return CIR_OK;
}

void cost_report_free(cost_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nresources; i++) {
        cost_side_clear(&r->resources[i].before);
        cost_side_clear(&r->resources[i].after);
    }
    free(r->resources);
    for (size_t i = 0; i < r->nunsupported; i++)
        free(r->unsupported[i].type);
    free(r->unsupported);
    for (size_t i = 0; i < r->nprojects; i++)
        free(r->projects[i].name);
    free(r->projects);
    free(r);
}
