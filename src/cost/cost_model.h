/*
 * cost_model.h — (private to src/cost/) the shape of a cost model.
 *
 * A model is data: per resource type, the variables it reads (attributes of
 * the resource or of a resource it references, usage-file keys, constants),
 * and the price components it bills, each naming
 *   - when it applies (conditions on variables),
 *   - how to select its price (offer, product family, attribute filters
 *     whose values are templates over the variables),
 *   - the unit shown and how to get the monthly quantity (a constant such
 *     as 730 hours, a variable, a usage key, or a small named function where
 *     arithmetic is unavoidable).
 * cost_eval.c interprets these tables; src/cost/models/ files hold them, one
 * file per service, and cost_registry.c finds them; the named quantity
 * functions live in cost_qty.c.  Adding a resource type is a table entry,
 * its price rows and an end-to-end case (HACKING.md).
 */
#ifndef CIRCUIT_COST_MODEL_H
#define CIRCUIT_COST_MODEL_H

#include "cost.h"

#include <stdbool.h>
#include <stddef.h>

struct cost_eval;

/* value -> price-list value; `from` ending in '*' matches a prefix; `from` "*.x"
 * matches a suffix, and `to` "*.y" then swaps it for ".y", keeping the rest. */
typedef struct cost_map {
    const char *from, *to;
} cost_map;

/* Where a resource referenced by another one is looked for: the attribute
 * holding the reference (Terraform path on the referring resource), the
 * referenced type, and the attribute of the referenced resource the value
 * must equal ("id", "name", "arn", ...).  When the value is unknown the
 * plan's configuration references are followed instead. */
typedef struct cost_ref {
    const char *path;
    const char *type;
    const char *match;
} cost_ref;

#define COST_MAX_REFS 6

/* A list of places a resource may reference another; NULL path ends it. */
typedef struct cost_source {
    const char *what;            /* "launch template", for notes */
    cost_ref refs[COST_MAX_REFS];
} cost_source;

typedef enum cost_var_flags {
    CVF_NONE = 0,
    CVF_NUMBER = 1u << 0,        /* must parse as a number (checked on use) */
    CVF_UNKNOWN_DEFAULT = 1u << 1,/* known only after apply and not shown unset by the
                                    configuration: price with the default anyway, as an
                                    assumption stated on the line (needs why and usage) */
    CVF_SELF = 1u << 2,          /* in a part: read the priced resource, not the part's */
    CVF_ASSUME = 1u << 3,        /* AWS picks the value from outside the plan (the AMI's
                                    root volume): whenever the attribute is not known, the
                                    default is an assumption stated on the line, even when
                                    the configuration leaves it unset (needs why and usage) */
    CVF_REQUIRED = 1u << 4       /* never guessed: unset is "not priced: <attr> is not set"
                                    (instance types, classes, engines, sizes) */
} cost_var_flags;

/* A named value the templates, conditions and quantities use.  Resolution
 * order: usage key (if any and given), attribute (if any and known), the
 * fallback variable (if any and set), then the default.
 *
 * An attribute known only after apply: when the plan's configuration shows
 * it unset, the fallback and default apply (the provider's default: no
 * assumption).  Otherwise, with CVF_UNKNOWN_DEFAULT, they apply as an
 * assumption the component states ("assumed ...", `why`, and the usage key
 * that overrides it); without, the variable is unknown and every component
 * that needs it is "not priced: <attr> known after apply".  CVF_ASSUME
 * makes every use of the default an assumption (AWS decides from something
 * outside the plan).  The map is applied to whatever value was found (a
 * fallback's value is in the fallback's own mapped form); a value mapped
 * to "" is unset. */
typedef struct cost_var {
    const char *name;
    const char *attr;            /* Terraform path, relative to the part's element */
    const char *usage;           /* usage-file key that overrides the attribute */
    const char *fallback;        /* another variable used when this one is unset */
    const char *dflt;            /* default value, or NULL */
    const cost_map *map;         /* translate the value; NULL = as is */
    const cost_source *from;     /* read `attr` from a referenced resource */
    unsigned flags;
    const char *why;             /* why the default is what AWS or the provider uses:
                                    stated with an assumption, listed in the docs */
} cost_var;

typedef enum cost_op {
    COP_NONE = 0,
    COP_EQ,        /* value equals one of "a|b|c" */
    COP_NE,        /* value equals none of "a|b|c" */
    COP_GT,        /* numeric > */
    COP_GE,        /* numeric >= */
    COP_SET,       /* set, and not "", "false", "0" */
    COP_UNSET      /* unset, "", "false" or "0" */
} cost_op;

typedef struct cost_cond {
    const char *var;
    cost_op op;
    const char *value;
} cost_cond;

#define COST_MAX_CONDS 3
#define COST_MAX_FILTERS 7

typedef struct cost_filter_spec {
    const char *key;             /* price-list attribute key */
    const char *value;           /* template: "{type}", "BoxUsage:{type}", literal */
    price_match_kind match;
} cost_filter_spec;

typedef enum cost_qty_kind {
    CQ_CONST,      /* factor */
    CQ_VAR,        /* numeric variable `key` x factor */
    CQ_USAGE,      /* usage key `key` x factor: usage-based */
    CQ_FN          /* fn(); usage-based when the component says so */
} cost_qty_kind;

typedef enum cost_qty_rc {
    CQR_OK,
    CQR_UNKNOWN,       /* *why = the attribute known after apply */
    CQR_MISSING,       /* *why = a required attribute that is not set */
    CQR_NO_USAGE,      /* usage-based and no usage given */
    CQR_INVALID,       /* *why = what is wrong (not a number, ...) */
    CQR_SKIP           /* the component does not apply */
} cost_qty_rc;

typedef cost_qty_rc (*cost_qty_fn)(const struct cost_eval *e, double *qty, const char **why);

typedef struct cost_qty_spec {
    cost_qty_kind kind;
    const char *key;
    double factor;
    cost_qty_fn fn;
} cost_qty_spec;

typedef enum cost_comp_flags {
    CF_NONE = 0,
    CF_USAGE = 1u << 0,          /* quantity comes from usage (set for CQ_USAGE too) */
    CF_TIERED = 1u << 1,         /* AWS's tiers (StartingRange/EndingRange of the rows)
                                    apply in order: one line per tier the quantity reaches */
    CF_OPTIONAL = 1u << 2,       /* a surcharge that may not exist: omit when no price */
    CF_OMIT_ZERO = 1u << 3,      /* omit when the quantity is 0 */
    CF_IF_USAGE = 1u << 4        /* shown only when its usage is given */
} cost_comp_flags;

typedef struct cost_comp_spec {
    const char *name;            /* template */
    cost_cond when[COST_MAX_CONDS];
    const char *service;         /* offer code */
    const char *family;          /* productFamily template, NULL = any */
    const char *region;          /* fixed price-list region ("global"), NULL = the resource's */
    cost_filter_spec filters[COST_MAX_FILTERS];
    const char *unit;            /* unit of the quantity shown */
    const char *per;             /* "$0.045 per <per>"; NULL = unit */
    double per_scale;            /* shown unit price = AWS price x per_scale (0 = 1) */
    cost_qty_spec qty;
    unsigned flags;
} cost_comp_spec;

/* A group of components over one resource: the resource itself or one it
 * references (`source`), once or for each element of a list (`each`). */
typedef struct cost_part {
    const char *label;           /* prefix for component names, or NULL */
    const cost_source *source;   /* read from a referenced resource */
    const char *each;            /* list attribute to iterate, or NULL */
    cost_cond when[COST_MAX_CONDS];   /* on model variables */
    bool counted;                /* quantities x the model's count */
    bool each_unknown_empty;     /* a list unknown as a whole, that the configuration
                                    does not write either, counts as empty */
    unsigned each_default;       /* elements assumed when the list is unknown and the
                                    configuration writes none (an instance's root
                                    volume: 1); their variables state the assumption */
    const cost_var *vars;
    size_t nvars;
    const cost_comp_spec *comps;
    size_t ncomps;
} cost_part;

typedef enum cost_usage_type {
    CU_NUMBER,
    CU_STRING,
    CU_BOOL
} cost_usage_type;

typedef struct cost_usage_key {
    const char *key;             /* "monthly_data_processed_gb", "standard.storage_gb" */
    cost_usage_type type;
    const char *doc;             /* one line for the README */
} cost_usage_key;

typedef struct cost_model {
    const char *type;
    const char *doc;             /* what is priced, for the README */
    const cost_var *vars;        /* read from the resource itself */
    size_t nvars;
    const char *count;           /* variable multiplying counted parts, or NULL */
    cost_cond free_when[COST_MAX_CONDS];  /* whole resource free (e.g. gateway endpoint) */
    const char *free_note;
    const char *missing_note;    /* "not priced: ..." when no part produced anything */
    const char *example;         /* attributes for `circuit estimate`'s example when a
                                    required one is missing: "instance_type=t3.medium" */
    const cost_part *parts;
    size_t nparts;
    const cost_usage_key *usage;
    size_t nusage;
} cost_model;

/* A Kubernetes minor version and its end of standard support on EKS. */
typedef struct cost_k8s_version {
    int major, minor;
    const char *standard_end;    /* YYYY-MM-DD */
} cost_k8s_version;

extern const cost_k8s_version cost_eks_versions[];   /* ascending */
extern const size_t cost_eks_nversions;

/* True when EKS version `version` ("1.30") is past its end of standard
 * support on `today` (YYYY-MM-DD).  False for an unparsable version. */
bool cost_eks_extended(const char *version, const char *today);

/* The day prices are evaluated for, YYYY-MM-DD: CIRCUIT_DATE when it is a
 * valid date (tests pin it), else today in UTC.  Static storage. */
const char *cost_today(void);

/* The model table (cost_registry.c), sorted by type: every model of every
 * file under src/cost/models/. */
const cost_model *cost_model_find(const char *type);
size_t cost_models(const cost_model *const **out);
/* The per-file lists the table is merged from (each NULL-terminated and
 * sorted), for the tests that check them. */
size_t cost_model_lists(const cost_model *const *const **out);

/* The free-type catalogue, sorted. */
size_t cost_free_types(const char *const **out);

/* ---- evaluation context (cost_eval.c) ----------------------------------- */

typedef struct cost_val cost_val;

/* The assumed variables one component used (cost_eval.c collects them). */
typedef struct cost_track {
    const cost_val *vals[16];
    size_t n;
} cost_track;

typedef struct cost_eval {
    const plan *plan;                 /* may be NULL (no references then) */
    const plan_resource *res;         /* the resource priced */
    const plan_resource *part_res;    /* resource the current part reads */
    bool after;                       /* which side */
    const char *elem;                 /* "root_block_device[0]" or NULL */
    const cost_model *model;
    const cost_part *part;
    const struct cost_usage_view *usage;
    cost_val *model_vals;             /* one per model var */
    cost_val *part_vals;              /* one per part var */
    cost_track *track;                /* collects assumed values used, or NULL */
} cost_eval;

/* Numeric value of variable `name` for quantity functions.  Returns
 * CQR_OK, CQR_UNKNOWN (*why = attribute), CQR_SKIP when unset (and no
 * default), CQR_INVALID when not a number. */
cost_qty_rc cost_eval_num(const cost_eval *e, const char *name, double *v, const char **why);
/* String value, or NULL when unset/unknown. */
const char *cost_eval_str(const cost_eval *e, const char *name);
/* Usage number for the resource, true when given. */
bool cost_eval_usage(const cost_eval *e, const char *key, double *v);
/* Raw attribute of the part's resource (relative to the element). */
const json_t *cost_eval_attr(const cost_eval *e, const char *path, plan_val_state *st);

/* ---- references (cost_refs.c) ------------------------------------------ */

/* Finds the resource `src` points at from `r` on one side.  Returns NULL
 * and sets *why ("launch template not in the plan", ...) when it cannot. */
const plan_resource *cost_resolve(const plan *p, const plan_resource *r, bool after,
                                  const cost_source *src, const char **why);

/* Counts the resources the configuration expression at `path` of `r`
 * references (for lists of IDs unknown until apply).  Returns -1 when the
 * configuration does not say. */
long cost_config_ref_count(const plan *p, const plan_resource *r, const char *path);

/* ---- usage (cost_usage.c) ------------------------------------------------ */

typedef struct cost_usage_view {
    const json_t *exact, *type;       /* borrowed from the usage file, may be NULL */
    const json_t *wild[8];            /* matching `[*]` entries, most specific first */
    size_t nwild;
} cost_usage_view;

/* Collects the usage entries that apply to `address` of `type`. */
void cost_usage_view_for(const cost_usage *u, const char *address, const char *type,
                         cost_usage_view *v);
/* Looks `key` ("a.b" walks nested objects) up: address, [*], type default. */
const json_t *cost_usage_get(const cost_usage_view *v, const char *key);

/* ---- quantity helpers (cost_qty.c) ------------------------------------- */

cost_qty_rc cq_ebs_gp3_iops(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_eks_extended(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_ebs_gp3_tput(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_io2_tier1(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_io2_tier2(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_io2_tier3(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_rds_storage(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_rds_io1_iops(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_rds_gp3_iops(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_lb_lcu(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_lambda_gb_seconds(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_lambda_storage_gb_seconds(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_fargate_vcpu_hours(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_fargate_gb_hours(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_vpce_hours(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_cpu_credits(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_alarm_metrics_standard(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_alarm_metrics_high(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_cache_nodes_hours(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_cache_backup_gb(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_efs_tput(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_aurora_io(const cost_eval *e, double *q, const char **why);
cost_qty_rc cq_aurora_backup_gb(const cost_eval *e, double *q, const char **why);

#endif
