/*
 * plan.h — the plan reader: a Terraform / OpenTofu `show -json` document
 * turned into a sorted list of resource changes that cost, risk and review
 * all stand on.
 *
 * plan_load() reads a file or stdin, tolerates the quirks real pipelines
 * produce (wrapper lines, BOM, binary plan files), validates the shape and
 * classifies every `resource_changes` entry.  A `plan` owns the parsed JSON;
 * every pointer in a plan_resource borrows from it and lives until
 * plan_free().  Sensitive values stay in the JSON but every accessor that
 * renders a value (plan_diff, plan_diff_text) masks them.
 *
 * Memory: the JSON tree lives in an arena that plan_free() drops whole, so
 * never keep a json_incref'd plan value past plan_free() (copy it instead),
 * and never modify the tree.  `root` holds every top-level key of the
 * document, except that planned_values and prior_state (which repeat the
 * resource values) are validated and then kept only as empty objects.
 */
#ifndef CIRCUIT_PLAN_H
#define CIRCUIT_PLAN_H

#include "../core/err.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum plan_action {
    PLAN_ACT_NOOP,
    PLAN_ACT_CREATE,
    PLAN_ACT_READ,
    PLAN_ACT_UPDATE,
    PLAN_ACT_REPLACE,
    PLAN_ACT_DELETE,
    PLAN_ACT_FORGET,
    PLAN_ACT_UNKNOWN       /* an actions list we do not understand; plan_load
                              refuses such plans, so it never appears there */
} plan_action;

typedef enum plan_replace_order {
    PLAN_ORDER_NONE,
    PLAN_ORDER_DELETE_BEFORE_CREATE,   /* ["delete","create"] */
    PLAN_ORDER_CREATE_BEFORE_DELETE,   /* ["create","delete"] */
    PLAN_ORDER_CREATE_THEN_FORGET      /* ["create","forget"]: old object kept */
} plan_replace_order;

typedef enum plan_region_source {
    PLAN_REGION_NONE,          /* not an AWS resource */
    PLAN_REGION_RESOURCE,      /* change.after.region (AWS provider v6) */
    PLAN_REGION_PROVIDER,      /* provider block constant_value */
    PLAN_REGION_VARIABLE,      /* provider block var.x resolved from variables */
    PLAN_REGION_FLAG,          /* --region */
    PLAN_REGION_ENV_AWS_REGION,
    PLAN_REGION_ENV_AWS_DEFAULT_REGION,
    PLAN_REGION_DEFAULT        /* us-east-1 */
} plan_region_source;

typedef struct plan_resource {
    const char *address;
    const char *module_address;   /* NULL at the root module */
    const char *mode;             /* "managed" or "data" */
    const char *type;
    const char *name;
    const json_t *index;          /* NULL, JSON integer (count) or string (for_each) */
    const char *provider;         /* short name: "aws", "google", ... */
    const char *provider_name;    /* as written: "registry.terraform.io/hashicorp/aws" */
    plan_action action;
    plan_replace_order replace_order;
    const char *action_reason;    /* NULL when absent */
    const json_t *replace_paths;  /* JSON array or NULL */
    const char *previous_address; /* set when a moved block renamed it */
    bool importing;
    const char *import_id;        /* NULL when unknown or absent */
    const char *deposed;          /* deposed object key, or NULL */
    bool is_data;                 /* mode == "data" */
    bool is_aws;
    /* change.* — may be NULL; sensitive markers are JSON true/false/objects. */
    const json_t *before, *after, *after_unknown;
    const json_t *before_sensitive, *after_sensitive;
    const char *region;           /* AWS only; NULL otherwise */
    plan_region_source region_source;
    /* Its block in configuration.root_module (module_calls followed, shared
     * by every instance of a count or for_each); NULL when the plan has none. */
    const json_t *config;
} plan_resource;

typedef struct plan {
    json_t *root;                 /* owns everything below */
    char *name;                   /* as given; "stdin" for "-" */
    const char *format_version;   /* NULL when absent (accepted with a warning) */
    const char *terraform_version;
    bool errored;                 /* planning failed part-way */
    bool complete;                /* false when more rounds are needed */
    plan_resource *resources;     /* sorted by address, then deposed key */
    size_t nresources;
    plan_resource *drift;         /* resource_drift: never a planned change */
    size_t ndrift;
    char **warnings;              /* one line each, already printed to stderr */
    size_t nwarnings;
} plan;

typedef struct plan_load_opts {
    const char *region_flag;      /* --region or NULL */
    bool quiet;                   /* do not print warnings (still recorded) */
    size_t max_stream;            /* bytes read from a pipe or device before
                                     giving up; 0 = PLAN_MAX_STREAM */
    const char *command;          /* "review": names the command in the hint when stdin
                                     is a terminal; NULL for a generic hint */
} plan_load_opts;

/* Regular files are mapped whole; a stream larger than this is refused. */
#define PLAN_MAX_STREAM ((size_t)1 << 30)

/* Reads and classifies a plan.  `path` "-" reads stdin, unless stdin is a
 * terminal: then nobody is piping a plan in, and rather than wait for one
 * it returns CIR_EUSAGE with a hint saying how to pass one.  On success *out is
 * a new plan the caller frees with plan_free().  On failure returns
 * CIR_EIO / CIR_EPARSE / CIR_EINPUT with err->topic = the file name and a
 * message that never quotes plan values. */
cir_code plan_load(const char *path, const plan_load_opts *opts, plan **out, cir_err *err);

/* Same, from a buffer already in memory (tests, the binary-plan path). */
cir_code plan_load_buffer(const char *name, const char *data, size_t len,
                          const plan_load_opts *opts, plan **out, cir_err *err);

void plan_free(plan *p);

/* Names for output: "create", "update", "delete", "replace", "read",
 * "no-op", "forget", "unknown"; "delete-before-create", ...; "resource",
 * "provider", "provider-variable", "flag", "AWS_REGION", ... */
const char *plan_action_name(plan_action a);
const char *plan_replace_order_name(plan_replace_order o);
const char *plan_region_source_name(plan_region_source s);

/* ---- attribute access, for cost models and risk rules ------------------ */

typedef enum plan_val_state {
    PLAN_VAL_ABSENT,    /* not set (null or missing) and not unknown */
    PLAN_VAL_UNKNOWN,   /* known only after apply (after side only) */
    PLAN_VAL_KNOWN
} plan_val_state;

/* Looks up `path` ("instance_type", "root_block_device[0].volume_size",
 * "tags[\"Name\"]", "tags.Name") in the after (use_after) or before value.
 * Returns the JSON value (borrowed) or NULL; *state says which case holds.
 * On the after side, after_unknown is consulted first. */
const json_t *plan_attr(const plan_resource *r, bool use_after, const char *path,
                        plan_val_state *state);

/* True when the value at `path` (or any enclosing value) is marked
 * sensitive on that side. */
bool plan_attr_sensitive(const plan_resource *r, bool use_after, const char *path);

/* ---- what the configuration says (plan_config.c) ------------------------ */

/* A value known only after apply is either unset in the configuration (the
 * provider's or AWS's default applies) or computed by an expression; the
 * plan's `configuration` tells which. */
typedef enum plan_cfg_state {
    PLAN_CFG_UNKNOWN,     /* no configuration for the resource, or the path cannot be
                             followed there (an index beyond the blocks written) */
    PLAN_CFG_UNSET,       /* the resource's block does not set it (nor a block on the
                             path); also a literal null.  Blocks written with `dynamic`
                             are not in the configuration: they read as unset */
    PLAN_CFG_CONSTANT,    /* a literal; *value is it (borrowed from the plan) */
    PLAN_CFG_EXPRESSION,  /* an expression (references, functions); *value is the
                             expression object */
    PLAN_CFG_BLOCK        /* the path names nested blocks: *value is their list (or the
                             one block body, for an indexed path) */
} plan_cfg_state;

/* What the configuration of managed resource `r` says about `path` (same
 * syntax as plan_attr; "a.0.b" and a block written without its index,
 * "root_block_device.volume_type", are accepted too).  `value` may be
 * NULL.  Never fails: anything it cannot follow is PLAN_CFG_UNKNOWN. */
plan_cfg_state plan_attr_configured(const plan *p, const plan_resource *r, const char *path,
                                    const json_t **value);

/* How many nested blocks at `path` the configuration writes: 0 when unset,
 * -1 when it cannot tell (no configuration, or set by an expression). */
long plan_config_block_count(const plan *p, const plan_resource *r, const char *path);

/* The `references` of the expression at `path` ("aws_launch_template.web.id",
 * "aws_launch_template.web", or "aws_launch_configuration.x" with
 * "count.index" for x[count.index]), relative to the resource's module;
 * NULL when the path is not written as an expression with references.
 * Borrowed from the plan. */
const json_t *plan_config_refs(const plan *p, const plan_resource *r, const char *path);

/* ---- changed attributes ------------------------------------------------ */

typedef enum plan_diff_kind {
    PLAN_DIFF_VALUE,      /* a plain JSON value (may be JSON null) */
    PLAN_DIFF_UNKNOWN,    /* "(known after apply)" */
    PLAN_DIFF_SENSITIVE   /* "(sensitive)"; the value is never exposed */
} plan_diff_kind;

typedef struct plan_diff_entry {
    char *path;                   /* Terraform style: a.b[0].c, tags["Name"] */
    plan_diff_kind before_kind, after_kind;
    json_t *before, *after;       /* owned; NULL unless kind is VALUE */
} plan_diff_entry;

/* Deep-compares before and after of an update or replace, leaf by leaf,
 * sorted by path.  Returns the number of entries; *out is owned by the
 * caller and freed with plan_diff_free().  Never fails. */
size_t plan_diff(const plan_resource *r, plan_diff_entry **out);
void plan_diff_free(plan_diff_entry *d, size_t n);

/* Renders a diff side for humans: compact JSON, "(known after apply)",
 * "(sensitive)" or "null".  Caller frees. */
char *plan_diff_text(plan_diff_kind kind, const json_t *v);

/* Formats one replace_paths entry (an array of string / integer steps) in
 * the same path style as plan_diff ("root_block_device[0].volume_size").
 * Caller frees. */
char *plan_path_text(const json_t *steps);

/* Formats a resource index as Terraform does: [0] or ["key"]; "" if none. */
char *plan_index_text(const json_t *index);

/* Summary counts of the schema circuit.changes/v1. */
typedef struct plan_counts {
    size_t create, update, delete_, replace, read, no_op, forget, import, move, unknown;
} plan_counts;
void plan_count(const plan *p, plan_counts *c);

/* ---- coverage: what circuit does not review ----------------------------- */

/* Managed resources of one provider other than AWS: how many the plans
 * hold and how many of them the plans change (any action but no-op and
 * read, or an import or move). */
typedef struct plan_provider_count {
    const char *provider;         /* short name, borrowed from the plan */
    size_t resources, changed;
} plan_provider_count;

/* Counts the managed resources of every provider other than AWS across the
 * plans, sorted by provider name.  Returns how many providers; *out is an
 * array the caller frees with free() (NULL when none).  Never fails. */
size_t plan_not_reviewed(plan *const *plans, size_t nplans, plan_provider_count **out);

/* "3 google resources, 2 random resources (1 changed) not reviewed: circuit
 * reviews AWS resources only", or NULL when n is 0.  Caller frees. */
char *plan_not_reviewed_text(const plan_provider_count *c, size_t n);

#endif
