/*
 * cost.h — monthly cost of a plan, before and after, from the price cache.
 *
 * Cost models are data (cost_models.c): per resource type a table of price
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
    double monthly_before, monthly_after, monthly_delta;
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
    double monthly_before, monthly_after, monthly_delta;
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

/* True when `type` is a known free AWS resource type. */
bool cost_type_is_free(const char *type);
/* True when a cost model exists for `type`. */
bool cost_type_is_modelled(const char *type);

#endif
