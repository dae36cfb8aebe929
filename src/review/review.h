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
    bool unknown;              /* decided by values known only after apply */
    bool not_applicable;       /* the plan changes nothing this line judges */
    char *reason;              /* the evidence, one sentence */
} review_item;

/* The word an assessment line shows: the seed's pair, "Unknown until
 * apply" or "Not applicable". */
const char *review_item_word(review_item_id id, const review_item *it);

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
    bool unknown;              /* unticked because a deciding value is known only after apply */
    char *evidence;            /* what ticked it, or why it is not ticked */
} review_check;

typedef struct review_rec {
    char *key;                 /* what it asks and of what: equal keys merge */
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

    /* Scope (review_scope.c): resources changed, unchanged ones shown as
     * context, and every unchanged one (context included). */
    size_t nchanged, ncontext, nunchanged;
    size_t naws_changed;                /* changed resources circuit reviews */
    const risk_report *unchanged_risk;  /* findings on unchanged resources; may be NULL */
    review_list unchanged_notes;        /* one line each: drift on them, findings on them */

    /* Providers other than AWS, not reviewed. */
    plan_provider_count *not_reviewed;
    size_t nnot_reviewed;
    char *not_reviewed_text;            /* NULL when none */
    char *verdict_note;                 /* evidence on the verdict line, NULL when none */

    /* internal: cost line of plans[i]->resources[j], or NULL */
    const cost_resource ***cost_index;
    /* internal: RV_SCOPE_* of plans[i]->resources[j] */
    unsigned char **scope;
} review;

typedef struct review_opts {
    double cost_threshold;     /* USD; REVIEW_DEFAULT_COST_THRESHOLD when unset */
    const risk_report *unchanged_risk; /* review_split_findings' output; may be NULL */
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

/* ---- scope --------------------------------------------------------------- */

/* True when `address` (in the plan named plan_name, any plan when NULL) is
 * a managed resource the plan leaves unchanged: no-op, not imported, not
 * moved.  Plan-wide findings (NULL address) are never unchanged. */
bool review_address_unchanged(plan *const *plans, size_t nplans, const char *plan_name,
                              const char *address);

/* Moves the findings and suppressions about unchanged resources out of
 * `rep` into a new report (owned by the caller, risk_report_free), so the
 * review, its verdict and its gates judge only what the plan changes.
 * `rep` may be NULL (an empty report is returned).  Never fails. */
risk_report *review_split_findings(plan *const *plans, size_t nplans, risk_report *rep);

/* ---- renderers (append the whole document to `out`) ------------------- */

/* The Markdown review within `max_length` characters (0: no limit; the
 * default for a PR comment is REVIEW_DEFAULT_MAX_LENGTH): over it, long
 * lists fold into <details> and then are cut, with a line saying what was
 * cut and that the JSON output has it all.  The verdict stays the last line. */
#define REVIEW_DEFAULT_MAX_LENGTH 60000
#define REVIEW_MIN_MAX_LENGTH 2000
void review_render_markdown(const review *rv, size_t max_length, sbuf *out);
void review_render_json(const review *rv, sbuf *out);
/* The review as one self-contained HTML page with charts, within `budget`
 * bytes (0: REVIEW_HTML_BUDGET): over it, long lists are cut with a line
 * saying what was cut and that the JSON output has it all. */
#define REVIEW_HTML_BUDGET 1500000
void review_render_html(const review *rv, size_t budget, sbuf *out);

#endif
