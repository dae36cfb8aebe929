/*
 * review.c — review_build(): runs the section builders in order over the
 * plans, the cost report and the findings, and owns the parts every
 * section shares: the New/Modified lists, the Cost Impact sentence, the
 * price lists used, and the verdict.
 */
#include "review_int.h"

#include "../core/mem.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const review_item_info review_items[REVIEW_NITEMS] = {
    [REVIEW_CONTAINER_CHANGES] = {"Deployment", "Container Changes", "container_changes", "Yes", "No"},
    [REVIEW_CONFIG_CHANGES] = {"Deployment", "Configuration Changes", "configuration_changes", "Yes", "No"},
    [REVIEW_DOWNTIME] = {"Deployment", "Downtime Required", "downtime_required", "Yes", "No"},
    [REVIEW_HORIZONTAL_SCALING] = {"Scaling", "Horizontal Scaling", "horizontal_scaling", "Supported",
                                   "Not Supported"},
    [REVIEW_AUTO_SCALING] = {"Scaling", "Auto-scaling", "auto_scaling", "Configured", "Not Configured"},
    [REVIEW_RESOURCE_LIMITS] = {"Scaling", "Resource Limits", "resource_limits", "Appropriate",
                                "Needs Adjustment"},
    [REVIEW_HEALTH_CHECKS] = {"Reliability", "Health Checks", "health_checks", "Configured",
                              "Not Configured"},
    [REVIEW_GRACEFUL_DEGRADATION] = {"Reliability", "Graceful Degradation", "graceful_degradation",
                                     "Implemented", "Not Implemented"},
    [REVIEW_ROLLBACK] = {"Reliability", "Rollback Strategy", "rollback_strategy", "Defined",
                         "Not Defined"},
};

/* ---- the cost line of each resource ------------------------------------ */

static void index_costs(review *rv)
{
    if (!rv->cost)
        return;
    rv->cost_index = xcalloc(rv->nplans, sizeof *rv->cost_index);
    for (size_t pi = 0; pi < rv->nplans; pi++)
        rv->cost_index[pi] = xcalloc(rv->plans[pi]->nresources + 1, sizeof **rv->cost_index);
    for (size_t i = 0; i < rv->cost->nresources; i++) {
        const cost_resource *c = &rv->cost->resources[i];
        for (size_t pi = 0; pi < rv->nplans; pi++) {
            const plan *p = rv->plans[pi];
            if (p->nresources && c->res >= p->resources && c->res < p->resources + p->nresources) {
                rv->cost_index[pi][c->res - p->resources] = c;
                break;
            }
        }
    }
}

/* ---- New / Modified ------------------------------------------------------ */

static void replace_paths_text(const plan_resource *r, sbuf *b)
{
    size_t i;
    const json_t *path;
    size_t n = 0;
    json_array_foreach(r->replace_paths, i, path) {
        const json_t *first = json_array_get(path, 0);
        if (!json_is_string(first))
            continue;
        sbuf_printf(b, "%s%s", n++ ? ", " : "; forced by ", json_string_value(first));
    }
}

static char *change_note(const plan_resource *r)
{
    sbuf b = SBUF_INIT;
    switch (r->action) {
    case PLAN_ACT_UPDATE:
        sbuf_puts(&b, "updated in place");
        break;
    case PLAN_ACT_REPLACE:
        sbuf_puts(&b, r->replace_order == PLAN_ORDER_CREATE_BEFORE_DELETE ? "replaced, create before destroy"
                      : r->replace_order == PLAN_ORDER_CREATE_THEN_FORGET
                          ? "replaced, old object kept outside Terraform"
                          : "replaced, destroy before create");
        if (r->action_reason && strcmp(r->action_reason, "replace_because_tainted") == 0)
            sbuf_puts(&b, "; tainted");
        replace_paths_text(r, &b);
        break;
    case PLAN_ACT_DELETE:
        sbuf_puts(&b, r->deposed ? "deposed object destroyed" : "destroyed");
        if (r->action_reason && (strcmp(r->action_reason, "delete_because_count_index") == 0 ||
                                 strcmp(r->action_reason, "delete_because_each_key") == 0))
            sbuf_puts(&b, "; index no longer in configuration");
        break;
    case PLAN_ACT_FORGET:
        sbuf_puts(&b, "removed from state, keeps running");
        break;
    default:
        break;
    }
    if (r->previous_address)
        sbuf_printf(&b, "%smoved from %s", b.len ? "; " : "", r->previous_address);
    if (r->importing)
        sbuf_printf(&b, "%simported", b.len ? "; " : "");
    if (b.len)
        return sbuf_detach(&b);
    sbuf_free(&b);
    return NULL;
}

static void add_change(review_change **list, size_t *n, size_t *cap, const review *rv,
                       const char *pn, const plan_resource *r)
{
    *list = xgrow(*list, cap, *n + 1, sizeof **list);
    review_change *c = &(*list)[(*n)++];
    c->res = r;
    c->plan_name = pn;
    c->label = rv_label(rv, pn, r);
    c->note = change_note(r);
}

static void changes(review *rv)
{
    size_t ccap = 0, mcap = 0, pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    /* Every change is listed, of any provider: what the plan does. */
    while ((r = rv_next_all(rv, &pi, &ri, &pn))) {
        if (r->is_data)
            continue;
        bool moved_or_imported = r->previous_address || r->importing;
        switch (r->action) {
        case PLAN_ACT_CREATE:
            add_change(&rv->created, &rv->ncreated, &ccap, rv, pn, r);
            break;
        case PLAN_ACT_UPDATE:
        case PLAN_ACT_REPLACE:
        case PLAN_ACT_DELETE:
        case PLAN_ACT_FORGET:
            add_change(&rv->modified, &rv->nmodified, &mcap, rv, pn, r);
            break;
        default:
            if (moved_or_imported)
                add_change(&rv->modified, &rv->nmodified, &mcap, rv, pn, r);
        }
    }
    memset(&rv->counts, 0, sizeof rv->counts);
    for (size_t i = 0; i < rv->nplans; i++) {
        plan_counts c;
        plan_count(rv->plans[i], &c);
        rv->counts.create += c.create;
        rv->counts.update += c.update;
        rv->counts.delete_ += c.delete_;
        rv->counts.replace += c.replace;
        rv->counts.read += c.read;
        rv->counts.no_op += c.no_op;
        rv->counts.forget += c.forget;
        rv->counts.import += c.import;
        rv->counts.move += c.move;
        rv->counts.unknown += c.unknown;
    }
}

/* ---- Cost Impact --------------------------------------------------------- */

void review_change_items(sbuf *b, const review_change *c, size_t n,
                         void (*text)(sbuf *b, const char *s))
{
    sbuf_printf(b, "%zu \xE2\x80\x94 ", n);
    /* one more than the limit reads better named than as "and 1 more" */
    size_t shown = n <= REVIEW_MAX_LISTED + 1 ? n : REVIEW_MAX_LISTED;
    for (size_t i = 0; i < shown; i++) {
        if (i)
            sbuf_puts(b, ", ");
        text(b, c[i].label);
        if (c[i].note) {
            sbuf_puts(b, " (");
            text(b, c[i].note);
            sbuf_putc(b, ')');
        }
    }
    if (shown < n)
        sbuf_printf(b, " and %zu more", n - shown);
}

static void cost_impact(review *rv)
{
    const cost_report *c = rv->cost;
    rv->delta_percent = NAN;
    if (!c) {
        rv->cost_impact = xstrdup("not estimated");
        return;
    }
    /* Never a bare $0.00 for what was not priced: "unknown" when nothing of
     * the change was priced, "for what is priced" when only part was. */
    const cost_totals *t = &c->totals;
    char d[48], from[48], to[48];
    money_format_delta(d, sizeof d, t->monthly_delta);
    money_format(from, sizeof from, t->monthly_before);
    money_format(to, sizeof to, t->monthly_after);
    sbuf b = SBUF_INIT;
    bool none = t->delta_partial && money_round(t->monthly_delta) == 0;
    if (none) {
        sbuf_puts(&b, "unknown (no price for what changes)");
    } else {
        sbuf_printf(&b, "%s/month%s (", d, t->delta_partial ? " for what is priced" : "");
        /* A percentage says something only of a meaningful base: at least a
         * dollar, and not dwarfed by the change (+4135% of $8.23 says less
         * than the amounts), and only when both figures are whole; it is
         * rounded as the gate rounds it (cost_delta_percent). */
        double pct, before = money_round(t->monthly_before);
        if (!t->before_partial && !t->delta_partial && before >= 1.0 && money_round(t->monthly_delta) != 0 &&
            fabs(t->monthly_delta) <= 10.0 * before && cost_delta_percent(t, &pct)) {
            rv->delta_percent = pct;
            sbuf_printf(&b, "%+.1f%%, ", pct);
        }
        sbuf_printf(&b, "from %s to %s)", t->before_partial && money_round(t->monthly_before) == 0 ? "unknown" : from,
                    t->after_partial && money_round(t->monthly_after) == 0 ? "unknown" : to);
    }
    for (size_t i = 0; c->nprojects > 1 && i < c->nprojects; i++) {
        const cost_totals *pt = &c->projects[i].totals;
        if (pt->delta_partial && money_round(pt->monthly_delta) == 0)
            snprintf(d, sizeof d, "unknown");
        else
            money_format_delta(d, sizeof d, pt->monthly_delta);
        sbuf_printf(&b, "%s%s %s", i ? ", " : "; per plan: ", c->projects[i].name, d);
    }
    review_list np = {NULL, 0, 0, 0, 4, NULL, false};
    for (size_t i = 0; i < c->nresources; i++)
        if (c->resources[i].status == COST_NOT_PRICED && rv_scope_of(rv, c->resources[i].res) == RV_SCOPE_CHANGED)
            review_list_add(&np, "%s%s" RV_CODE "%s" RV_END, rv->nplans > 1 ? c->resources[i].plan_name : "",
                            rv->nplans > 1 ? ": " : "", c->resources[i].res->address);
    if (np.total) {
        char *list = rv_join(&np, ", ", 3);
        sbuf_printf(&b, "; %zu resource%s not priced: %s", np.total, np.total == 1 ? "" : "s", list);
        free(list);
    }
    review_list_free(&np);
    review_list as = {NULL, 0, 0, 0, 4, NULL, false};
    for (size_t i = 0; i < c->nresources; i++)
        if (rv_scope_of(rv, c->resources[i].res) == RV_SCOPE_CHANGED && cost_resource_assumes(&c->resources[i]))
            review_list_add(&as, "%s%s" RV_CODE "%s" RV_END, rv->nplans > 1 ? c->resources[i].plan_name : "",
                            rv->nplans > 1 ? ": " : "", c->resources[i].res->address);
    if (as.total) {
        char *list = rv_join(&as, ", ", 3);
        sbuf_printf(&b, "; %zu resource%s priced on stated assumptions (`circuit cost` shows them): %s", as.total,
                    as.total == 1 ? "" : "s", list);
        free(list);
    }
    review_list_free(&as);
    size_t usage = 0;
    for (size_t i = 0; i < c->nresources; i++)
        usage += c->resources[i].status == COST_USAGE_ONLY &&
                 rv_scope_of(rv, c->resources[i].res) == RV_SCOPE_CHANGED;
    if (usage)
        sbuf_printf(&b, "; %zu usage-based resource%s not counted (no usage figures)", usage,
                    usage == 1 ? "" : "s");
    size_t total;
    size_t ntypes = rv_unmodelled_types(rv, NULL, &total);
    if (ntypes)
        sbuf_printf(&b, "; %zu resource%s of %zu type%s without a cost model", total, total == 1 ? "" : "s",
                    ntypes, ntypes == 1 ? "" : "s");
    rv->cost_impact = sbuf_detach(&b);
}

/* ---- price lists used ------------------------------------------------------ */

static void prices_used(review *rv, const review_opts *opts)
{
    const price_offer_info *used = NULL;
    size_t n = opts && opts->cache ? price_cache_used(opts->cache, &used) : 0;
    rv->prices = n ? xcalloc(n, sizeof *rv->prices) : NULL;
    rv->nprices = n;
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        review_price_list *p = &rv->prices[i];
        p->service = xstrdup(used[i].service);
        p->region = xstrdup(used[i].region);
        p->version = xstrdup(used[i].version);
        p->publication_date = xstrdup(used[i].publication_date);
        p->source = xstrdup(used[i].source);
        sbuf_printf(&b, "%s%s %s, published %.10s (%s)", i ? "; " : "", p->service, p->region,
                    p->publication_date,
                    strcmp(p->source, "snapshot") == 0 ? "bundled snapshot" : p->source);
    }
    if (!n)
        sbuf_puts(&b, rv->cost ? "no AWS price list was needed" : "no price cache was used");
    rv->prices_note = sbuf_detach(&b);
}

/* ---- nothing to judge -------------------------------------------------------- */

/* A plan that changes no managed resource leaves nothing for the
 * assessment to judge: each line says so rather than a wrong "no". */
static void not_applicable(review *rv)
{
    const char *why = rv->nchanged ? "the plan changes no AWS resource"
                      : rv->nunchanged ? "the plan changes no resource (every resource is unchanged)"
                                       : "the plan changes no resource";
    for (int i = 0; i < REVIEW_NITEMS; i++) {
        if (i == REVIEW_CONTAINER_CHANGES || i == REVIEW_CONFIG_CHANGES || i == REVIEW_DOWNTIME)
            continue; /* "No" is the evidence-backed answer for these */
        rv_item(rv, (review_item_id)i, false, xstrdup(why));
        rv->items[i].not_applicable = true;
    }
}

/* The evidence on the verdict line when the review could not judge all of
 * the change: what it left out, and whether anything was reviewed at all. */
static void verdict_note(review *rv)
{
    size_t other = 0;
    sbuf which = SBUF_INIT;
    for (size_t i = 0; i < rv->nnot_reviewed; i++) {
        other += rv->not_reviewed[i].changed;
        if (rv->not_reviewed[i].changed)
            sbuf_printf(&which, "%s%zu %s", which.len ? ", " : "", rv->not_reviewed[i].changed,
                        rv->not_reviewed[i].provider);
    }
    if (!rv->nchanged)
        rv->verdict_note = xstrdup(rv->nunchanged ? "nothing to judge: the plan changes no resource"
                                                  : "nothing to judge: the plan holds no resource change");
    else if (other && !rv->naws_changed)
        rv->verdict_note = xasprintf("nothing reviewed: the plan changes only resources of providers "
                                     "circuit does not review (%s)", sbuf_str(&which));
    else if (other)
        rv->verdict_note = xasprintf("AWS changes only: %zu changed resource%s of other providers not "
                                     "reviewed (%s)", other, other == 1 ? "" : "s", sbuf_str(&which));
    sbuf_free(&which);
    if (rv->verdict_note)
        review_list_add(&rv->verdict_reasons, "%s", rv->verdict_note);
}

void rv_build_coverage(review *rv)
{
    rv->nnot_reviewed = plan_not_reviewed(rv->plans, rv->nplans, &rv->not_reviewed);
    if (!rv->nnot_reviewed)
        return;
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < rv->nnot_reviewed; i++) {
        const plan_provider_count *c = &rv->not_reviewed[i];
        sbuf_printf(&b, "%s%zu %s resource%s", i ? ", " : "", c->resources, c->provider, c->resources == 1 ? "" : "s");
        if (c->changed != c->resources)
            sbuf_printf(&b, " (%zu changed)", c->changed);
    }
    sbuf_puts(&b, " — circuit reviews AWS resources only");
    rv->not_reviewed_text = sbuf_detach(&b);
}

/* ---- build ----------------------------------------------------------------- */

cir_code review_build(plan *const *plans, size_t nplans, const cost_report *cost,
                      const risk_report *risk, const review_opts *opts, review **out, cir_err *err)
{
    assert(plans && nplans && out);
    review *rv = xcalloc(1, sizeof *rv);
    rv->plans = plans;
    rv->nplans = nplans;
    rv->cost = cost;
    rv->risk = risk;
    rv->cost_threshold = opts ? opts->cost_threshold : REVIEW_DEFAULT_COST_THRESHOLD;
    rv->unchanged_risk = opts ? opts->unchanged_risk : NULL;
    index_costs(rv);
    rv_build_scope(rv);
    changes(rv);
    cost_impact(rv);
    rv_build_deployment(rv);
    rv_build_scaling(rv);
    rv_build_reliability(rv);
    if (!rv->naws_changed)
        not_applicable(rv);
    rv_build_coverage(rv);
    rv_build_dependencies(rv);
    rv_build_checklist(rv);
    cir_code rc = rv_build_recommendations(rv, opts, err);
    if (rc) {
        review_free(rv);
        return rc;
    }
    rv_build_notes(rv);
    rv->verdict = review_decide(risk, cost ? &cost->totals : NULL, rv->cost_threshold,
                                &rv->verdict_reasons);
    verdict_note(rv);
    rv_build_questions(rv);
    prices_used(rv, opts);
    *out = rv;
    return CIR_OK;
}

static void free_changes(review_change *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].label);
        free(c[i].note);
    }
    free(c);
}

void review_free(review *rv)
{
    if (!rv)
        return;
    review_list_free(&rv->verdict_reasons);
    free_changes(rv->created, rv->ncreated);
    free_changes(rv->modified, rv->nmodified);
    free(rv->cost_impact);
    free(rv->prices_note);
    for (size_t i = 0; i < rv->nprices; i++) {
        free(rv->prices[i].service);
        free(rv->prices[i].region);
        free(rv->prices[i].version);
        free(rv->prices[i].publication_date);
        free(rv->prices[i].source);
    }
    free(rv->prices);
    for (size_t i = 0; i < REVIEW_NITEMS; i++)
        free(rv->items[i].reason);
    for (size_t i = 0; i < rv->ndeps; i++) {
        free(rv->deps[i].resource);
        free(rv->deps[i].purpose);
        free(rv->deps[i].cost);
    }
    free(rv->deps);
    for (size_t i = 0; i < REVIEW_NCHECKS; i++)
        free(rv->checks[i].evidence);
    review_list_free(&rv->strengths);
    review_list_free(&rv->concerns);
    for (size_t i = 0; i < rv->nrecs; i++) {
        free(rv->recs[i].text);
        free(rv->recs[i].key);
    }
    free(rv->recs);
    for (size_t i = 0; i < REVIEW_NQUESTIONS; i++)
        free(rv->answers[i]);
    if (rv->cost_index)
        for (size_t i = 0; i < rv->nplans; i++)
            free(rv->cost_index[i]);
    free(rv->cost_index);
    if (rv->scope)
        for (size_t i = 0; i < rv->nplans; i++)
            free(rv->scope[i]);
    free(rv->scope);
    review_list_free(&rv->unchanged_notes);
    free(rv->not_reviewed);
    free(rv->not_reviewed_text);
    free(rv->verdict_note);
    free(rv);
}
