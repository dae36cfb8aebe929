/*
 * review.h — the engineer's review: the "Infrastructure/DevOps Engineer
 * Review" of the seed persona, filled from evidence in the plan, the cost
 * report and the risk findings.
 *
 * review_build() turns (plans, cost_report, risk_report) into a `review`
 * model: every sentence the renderers print is decided here, so the
 * Markdown and JSON renderers only lay it out.  The model borrows the
 * plans, the cost report and the risk report (all must outlive it) and owns
 * every string it made.  Nothing in it ever holds a sensitive value: every
 * plan value it quotes goes through review_val(), which refuses sensitive
 * and unknown values.
 *
 * The verdict rules live in verdict.c (review_decide) so `circuit cost` and
 * `circuit check` can gate on a verdict without building a whole review.
 */
#ifndef CIRCUIT_REVIEW_H
#define CIRCUIT_REVIEW_H

#include "../../pricing/pricing.h"
#include "../core/err.h"
#include "../core/sbuf.h"
#include "../cost/cost.h"
#include "../plan/plan.h"
#include "../risk/risk.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define REVIEW_DEFAULT_COST_THRESHOLD 500.0

typedef enum review_verdict {
    REVIEW_APPROVED,
    REVIEW_APPROVED_WITH_CHANGES,
    REVIEW_NEEDS_REVISION
} review_verdict;

/* "APPROVED", "APPROVED WITH CHANGES", "NEEDS REVISION". */
const char *review_verdict_name(review_verdict v);

/* A growable list of owned strings.  With `keep` set, only the first
 * `keep` items are stored and `total` still counts every one added (an
 * evidence sentence names a few and says "and N more"); `keep` 0 stores
 * everything.  `last`/`last_stored` let rv_ev merge evidence about the same
 * resource. */
typedef struct review_list {
    char **items;
    size_t n, cap;
    size_t total;
    size_t keep;
    const void *last;
    bool last_stored;
} review_list;

void review_list_add(review_list *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void review_list_free(review_list *l);

/* ---- verdict ------------------------------------------------------------ */

/* True when a finding reports unprotected data loss: a plan-level finding
 * (area "plan") that a stateful resource is destroyed with no final copy
 * (CIR-PLAN-002, or a rules-file rule whose title says "data loss" or "no
 * final copy"). */
bool review_finding_is_data_loss(const risk_finding *f);

/* The verdict rules (README "Verdict rules"):
 *   NEEDS REVISION        any critical or high finding, or unprotected data loss;
 *   APPROVED WITH CHANGES any medium finding, or a monthly increase above
 *                         `threshold` USD;
 *   APPROVED              otherwise.
 * `risk` and `totals` may be NULL (nothing to say).  When `reasons` is not
 * NULL, one line per rule that fired is appended.  Never fails. */
review_verdict review_decide(const risk_report *risk, const cost_totals *totals, double threshold,
                             review_list *reasons);

/* ---- the model ---------------------------------------------------------- */

typedef enum review_item_id {
    REVIEW_CONTAINER_CHANGES,
    REVIEW_CONFIG_CHANGES,
    REVIEW_DOWNTIME,
    REVIEW_HORIZONTAL_SCALING,
    REVIEW_AUTO_SCALING,
    REVIEW_RESOURCE_LIMITS,
    REVIEW_HEALTH_CHECKS,
    REVIEW_GRACEFUL_DEGRADATION,
    REVIEW_ROLLBACK,
    REVIEW_NITEMS
} review_item_id;

/* Labels of one assessment line: section, label, JSON key and the two words
 * the seed allows ({Yes/No}, {Supported/Not Supported}, ...). */
typedef struct review_item_info {
    const char *section;       /* "Deployment", "Scaling", "Reliability" */
    const char *label;         /* "Container Changes" */
    const char *key;           /* "container_changes" */
    const char *yes_word, *no_word;
} review_item_info;

extern const review_item_info review_items[REVIEW_NITEMS];

typedef struct review_item {
    bool yes;                  /* the first word of the pair applies */
    char *reason;              /* the evidence, one sentence */
} review_item;

typedef struct review_change {
    const plan_resource *res;
    const char *plan_name;
    char *label;               /* address, "plan: address" when several plans */
    char *note;                /* "replaced, delete before create", NULL when plain */
} review_change;

typedef struct review_dep {
    char *resource;            /* label as above */
    const char *service;       /* "Amazon RDS" */
    char *purpose;             /* "MySQL 8.0 database, db.t3.large, Multi-AZ" */
    char *cost;                /* "+$198.56/month", "usage-based: ...", "not priced: ..." */
    bool priced;
    double monthly_delta;      /* 0 unless priced */
} review_dep;

enum { REVIEW_NCHECKS = 7 };
extern const char *const review_check_items[REVIEW_NCHECKS];

typedef struct review_check {
    bool checked;
    char *evidence;            /* what ticked it, or why it is not ticked */
} review_check;

typedef struct review_rec {
    char *text;
    bool has_saving;
    double monthly_saving;     /* priced saving per month, when has_saving */
} review_rec;

enum { REVIEW_NQUESTIONS = 8 };
extern const char *const review_questions[REVIEW_NQUESTIONS];

typedef struct review_price_list {
    char *service, *region, *version, *publication_date, *source;
} review_price_list;

typedef struct review {
    review_verdict verdict;
    review_list verdict_reasons;
    double cost_threshold;

    plan *const *plans;        /* borrowed */
    size_t nplans;
    const cost_report *cost;   /* borrowed, may be NULL */
    const risk_report *risk;   /* borrowed, may be NULL */
    plan_counts counts;        /* summed over the plans */

    review_change *created;    /* create */
    size_t ncreated;
    review_change *modified;   /* update, replace, delete, forget, move, import */
    size_t nmodified;

    char *cost_impact;         /* the Cost Impact sentence */
    char *prices_note;         /* which price lists (and dates) were used */
    review_price_list *prices;
    size_t nprices;
    double delta_percent;      /* NAN when the baseline is $0 */

    review_item items[REVIEW_NITEMS];
    review_dep *deps;
    size_t ndeps;
    review_check checks[REVIEW_NCHECKS];
    review_list strengths, concerns;
    review_rec *recs;
    size_t nrecs;
    char *answers[REVIEW_NQUESTIONS];

    /* internal: cost line of plans[i]->resources[j], or NULL */
    const cost_resource ***cost_index;
} review;

typedef struct review_opts {
    double cost_threshold;     /* USD; REVIEW_DEFAULT_COST_THRESHOLD when unset */
    price_cache *cache;        /* for priced recommendations; may be NULL */
    const char *region;        /* region where the plan does not say */
} review_opts;

/* Builds the review.  `cost` and `risk` may be NULL (the review then says
 * there is no estimate / no findings).  On success *out is owned by the
 * caller (review_free).  Returns CIR_ECACHE only when pricing a
 * recommendation hits a broken cache; everything else is evidence. */
cir_code review_build(plan *const *plans, size_t nplans, const cost_report *cost,
                      const risk_report *risk, const review_opts *opts, review **out,
                      cir_err *err);
void review_free(review *rv);

/* ---- renderers (append the whole document to `out`) ------------------- */

void review_render_markdown(const review *rv, sbuf *out);
void review_render_json(const review *rv, sbuf *out);

#endif
