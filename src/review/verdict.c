/*
 * verdict.c — the verdict rules, in one place so `review`, `cost` and
 * `check` (gates) all decide the same way:
 *
 *   NEEDS REVISION         any unsuppressed critical or high finding, or
 *                          unprotected data loss (a plan-level finding that a
 *                          stateful resource is destroyed with no final copy,
 *                          CIR-PLAN-002, whatever severity a rules file gave it);
 *   APPROVED WITH CHANGES  any medium finding, or a monthly cost increase
 *                          above the threshold (--cost-threshold, default 500);
 *   APPROVED               otherwise (low and info findings do not count).
 *
 * Suppressed findings never count: they are not in risk_report.findings;
 * nor do findings on unchanged resources (risk_finding.unchanged).
 */
#include "review.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *review_verdict_name(review_verdict v)
{
    switch (v) {
    case REVIEW_APPROVED:
        return "APPROVED";
    case REVIEW_APPROVED_WITH_CHANGES:
        return "APPROVED WITH CHANGES";
    case REVIEW_NEEDS_REVISION:
        return "NEEDS REVISION";
    }
    return "NEEDS REVISION";
}

static bool has_word(const char *s, const char *word)
{
    return s && strcasestr(s, word) != NULL;
}

bool review_finding_is_data_loss(const risk_finding *f)
{
    if (!f || !f->rule || !f->rule->area || strcmp(f->rule->area, "plan") != 0)
        return false;
    /* CIR-PLAN-002 is the built-in "Data deleted with no final copy"; a rule
     * of area "plan" from a rules file counts when its title says so. */
    return (f->rule->id && strcmp(f->rule->id, "CIR-PLAN-002") == 0) ||
           has_word(f->rule->title, "data loss") || has_word(f->rule->title, "no final copy");
}

/* "CIR-SG-001 on aws_security_group.web, CIR-RDS-002 on ..." for findings
 * matching `want`, at most a few named. */
static char *name_findings(const risk_report *risk, bool (*want)(const risk_finding *), size_t *count)
{
    review_list l = {NULL, 0, 0, 0, 6, NULL, false};
    for (size_t i = 0; i < risk->nfindings; i++)
        if (want(&risk->findings[i]))
            review_list_add(&l, "%s on %s", risk->findings[i].rule->id,
                            risk->findings[i].address ? risk->findings[i].address : "the plan");
    *count = l.total;
    sbuf b = SBUF_INIT;
    size_t shown = l.total <= 6 ? l.total : 5;
    for (size_t i = 0; i < shown; i++)
        sbuf_printf(&b, "%s%s", i ? ", " : "", l.items[i]);
    if (shown < l.total)
        sbuf_printf(&b, " and %zu more", l.total - shown);
    review_list_free(&l);
    return sbuf_detach(&b);
}

/* A finding on a resource the plan leaves unchanged (`check --scope all`
 * marks them) is not about the change: it never weighs on the verdict. */
static bool is_high(const risk_finding *f)
{
    return !f->unchanged && f->rule->severity >= RISK_HIGH;
}

static bool is_medium(const risk_finding *f)
{
    return !f->unchanged && f->rule->severity == RISK_MEDIUM;
}

static bool is_unprotected_loss(const risk_finding *f)
{
    return !f->unchanged && review_finding_is_data_loss(f) && f->rule->severity < RISK_HIGH;
}

review_verdict review_decide(const risk_report *risk, const cost_totals *totals, double threshold,
                             review_list *reasons)
{
    review_verdict v = REVIEW_APPROVED;
    size_t n;
    char *names;
    if (risk) {
        names = name_findings(risk, is_high, &n);
        if (n) {
            v = REVIEW_NEEDS_REVISION;
            if (reasons)
                review_list_add(reasons, "%zu critical or high finding%s: %s", n, n == 1 ? "" : "s", names);
        }
        free(names);
        /* Data-loss findings rated below high still block (high ones are
         * already named above). */
        names = name_findings(risk, is_unprotected_loss, &n);
        if (n) {
            v = REVIEW_NEEDS_REVISION;
            if (reasons)
                review_list_add(reasons, "unprotected data loss: %s", names);
        }
        free(names);
        names = name_findings(risk, is_medium, &n);
        if (n) {
            if (v == REVIEW_APPROVED)
                v = REVIEW_APPROVED_WITH_CHANGES;
            if (reasons)
                review_list_add(reasons, "%zu medium finding%s: %s", n, n == 1 ? "" : "s", names);
        }
        free(names);
    }
    if (totals && money_round(totals->monthly_delta) > money_round(threshold)) {
        if (v == REVIEW_APPROVED)
            v = REVIEW_APPROVED_WITH_CHANGES;
        if (reasons) {
            char d[48], t[48];
            money_format_delta(d, sizeof d, totals->monthly_delta);
            money_format(t, sizeof t, threshold);
            review_list_add(reasons, "monthly cost increase %s is above the %s threshold", d, t);
        }
    }
    if (v == REVIEW_APPROVED && reasons) {
        char t[48];
        money_format(t, sizeof t, threshold);
        review_list_add(reasons, "no critical, high or medium finding and no monthly increase above %s", t);
    }
    return v;
}
