/*
 * cost.h — monthly cost of a plan, before and after, from the price cache.
 *
 * Cost models are data (src/cost/models/ files): per resource type a table of price
 * components, each naming how to select its price and how to get its
 * quantity.  cost_estimate() walks the plan, evaluates the model of every
 * managed resource on its before and after values, and sums.
 *
 * A cost_report owns everything in it; free it with cost_report_free().
 * It borrows the plan (resource pointers) and the cache (price strings):
 * both must outlive it.
 */
#ifndef CIRCUIT_COST_H
#define CIRCUIT_COST_H

#include "../../pricing/pricing.h"
#include "../core/err.h"
#include "../plan/plan.h"

#include <stdbool.h>
#include <stddef.h>

#define COST_HOURS_PER_MONTH 730.0

typedef enum cost_status {
    COST_PRICED,        /* at least one component priced, none missing */
    COST_FREE,          /* a type AWS does not bill */
    COST_UNSUPPORTED,   /* no model for the type */
    COST_USAGE_ONLY,    /* only usage-based components, no usage given */
    COST_NOT_PRICED,    /* a component could not be priced (see its note) */
    COST_SKIPPED        /* data source or non-AWS: never priced */
} cost_status;

/* Beyond these a component is not priced but called implausible: a
 * negative or astronomically large quantity is a typo in the plan or the
 * usage file, and no single AWS charge runs to a billion dollars a month. */
#define COST_MAX_QUANTITY 1e15   /* units a month (hours, GB, requests, ...) */
#define COST_MAX_MONTHLY 1e9     /* USD a month, per component */

/* A value a price rests on that the plan does not give: what was assumed
 * for which attribute, why, and the usage key that overrides it. */
typedef struct cost_assumption {
    char *attr;               /* "root_block_device[0].volume_size" */
    char *value;              /* "8" */
    char *why;                /* "the AMI's default root volume; ..." */
    char *usage_key;          /* "root_block_device.volume_size", or NULL */
} cost_assumption;

typedef struct cost_component {
    char *name;               /* "Instance usage (Linux/UNIX, on-demand, t3.medium)" */
    char *unit;               /* "hours", "GB", "IOPS" ... */
    double quantity;          /* per month */
    char *unit_price;         /* decimal text, NULL when not priced */
    double unit_price_value;
    double monthly;           /* 0 when not priced or usage-only */
    char *sku;                /* NULL when not priced */
    char *publication_date;   /* of the price list used */
    char *note;               /* why not priced / "depends on usage: $0.045 per GB" */
    bool priced;
    bool usage_based;         /* quantity comes from the usage file */
    bool usage_missing;       /* usage-based and no usage given */
    cost_assumption *assumed; /* what the price assumes, in the order first used */
    size_t nassumed;
} cost_component;

typedef struct cost_side {
    cost_component *components;
    size_t ncomponents;
    double monthly;
    bool not_priced;          /* some component could not be priced */
} cost_side;

typedef struct cost_resource {
    const plan_resource *res; /* borrowed from the plan */
    const char *plan_name;    /* which plan (multi-plan runs) */
    cost_status status;
    double monthly_before, monthly_after, monthly_delta;   /* the priced part */
    /* A figure that rests on something not priced (a component without a
     * price, or a type without a model) is unknown: JSON null, "unknown"
     * in text; the numbers above then hold only the priced part. */
    bool before_unknown, after_unknown, delta_unknown;
    cost_side before, after;
    bool replacement;         /* replace: priced as after - before */
} cost_resource;

typedef struct cost_counts {
    size_t priced, free, unsupported, usage_only, not_priced;
} cost_counts;

typedef struct cost_type_count {
    char *type;
    size_t count;
} cost_type_count;

typedef struct cost_totals {
    double monthly_before, monthly_after, monthly_delta;   /* sums of the priced parts */
    size_t unpriced;          /* resources without a price: not_priced or unsupported */
    /* some resource's figure in the sum is unknown (so the sum is a lower
     * bound, and a gate on it cannot decide without --allow-unpriced) */
    bool before_partial, after_partial, delta_partial;
} cost_totals;

typedef struct cost_project {
    char *name;               /* plan file name */
    cost_totals totals;
    cost_counts counts;
} cost_project;

typedef struct cost_report {
    cost_resource *resources; /* every managed AWS resource, sorted by plan then address */
    size_t nresources;
    cost_totals totals;
    cost_counts counts;
    cost_type_count *unsupported;   /* by type, sorted */
    size_t nunsupported;
    cost_project *projects;   /* one per plan */
    size_t nprojects;
} cost_report;

/* Usage figures (Infracost usage-file keys). */
typedef struct cost_usage cost_usage;

/* Reads a usage file (JSON or Infracost YAML subset).  Unknown keys are
 * warned about by name.  Returns CIR_EIO/CIR_EPARSE/CIR_EINPUT on error. */
cir_code cost_usage_load(const char *path, cost_usage **out, cir_err *err);
void cost_usage_free(cost_usage *u);

/* Warns once for each resource_usage entry (address or `[*]` pattern) that
 * matches no resource of `plans`, naming the closest address when one is
 * close.  Entries for types without a cost model were warned about on load
 * and are skipped.  `only_type` (may be NULL) checks only that type's
 * entries: `estimate` prices one resource, and entries for other types
 * are not meant for it.  A NULL `u` does nothing. */
void cost_usage_check_plans(const cost_usage *u, plan *const *plans, size_t nplans,
                            const char *only_type);

typedef struct cost_opts {
    const cost_usage *usage;  /* may be NULL */
} cost_opts;

/* Prices every plan in `plans` (n >= 1) against `cache`.  On success *out
 * is a new report.  Missing prices are not errors (they are marked in the
 * report); returns CIR_ECACHE only when the cache itself fails. */
cir_code cost_estimate(plan *const *plans, size_t nplans, price_cache *cache,
                       const cost_opts *opts, cost_report **out, cir_err *err);
void cost_report_free(cost_report *r);

const char *cost_status_name(cost_status s);

/* True when a resource has no price: not_priced or unsupported. */
bool cost_status_unpriced(cost_status s);

/* True when a price on the side a resource is shown by rests on an
 * assumption (a component with `assumed` entries). */
bool cost_resource_assumes(const cost_resource *cr);

/* The monthly change as a percent of the monthly cost before, from the
 * figures as shown (rounded to cents), rounded half-up to one decimal:
 * the one rule the review, the JSON and the gate messages share.  Returns
 * false (no percent) when the cost before rounds to $0.00. */
bool cost_delta_percent(const cost_totals *t, double *pct);

/* True when `type` is a known free AWS resource type. */
bool cost_type_is_free(const char *type);
/* True when a cost model exists for `type`. */
bool cost_type_is_modelled(const char *type);

/* ---- the reference the model tables document (cost_docs.c) ------------- */

struct sbuf;

/* The AWS offers the models read, sorted, NULL-terminated (static); *n
 * (may be NULL) gets the count.  `circuit pricing sync` fetches these. */
const char *const *cost_model_offers(size_t *n);
/* The priced types, their usage keys, assumptions and offers, and the free
 * types: "markdown" (the README's reference), "json"
 * (circuit.cost-types/v1), else a table with the count. */
void cost_doc_types(const char *format, struct sbuf *out);
/* The priced types for `circuit help cost`, with their count. */
void cost_doc_help(struct sbuf *out);

/* For `circuit estimate`: the example arguments of the model of `type`
 * ("instance_type=t3.medium"), shown when a value it never guesses is
 * missing; NULL when it has none.  Static. */
const char *cost_model_example(const char *type);

#endif
