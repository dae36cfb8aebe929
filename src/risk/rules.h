/*
 * rules.h — private to src/risk/: how a rule is written down (a spec, all
 * text, the same fields as the --rules JSON format), how it looks once
 * compiled (a risk_rule), and the small set of named check functions a rule
 * may call where a plain attribute condition cannot say it.
 *
 * The table of built-in specs (rules_builtin.c) is the single place that
 * lists rules; rules files add or override specs by id; rule_compile.c compiles
 * both the same way, so a built-in rule and a file rule are indistinguishable
 * once loaded.
 */
#ifndef CIRCUIT_RISK_RULES_H
#define CIRCUIT_RISK_RULES_H

#include "risk.h"

#include "../core/err.h"
#include "../plan/plan.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>

#define RISK_MAX_WHEN 3

/* ---- specs: text, as written in the table or a rules file ------------- */

/* One condition.  `value` is read according to `op`:
 *   equals, not_equals, contains, not_contains, not_contains_all: JSON text
 *     ("true", "\"HTTPS\"", "[\"api\",\"audit\"]"); an array means "any of";
 *   matches, not_matches: a PCRE2 pattern;  lt, le, gt, ge: a number;
 *   empty, not_empty, present, absent, world: no value.
 * `missing` says how an attribute that is not set counts: "fire" (the
 * condition holds), "pass" (it does not), or NULL with `dflt` = JSON text of
 * the provider's documented default, which is then tested instead. */
typedef struct risk_cond_spec {
    const char *attribute;   /* path; several joined by ',' (each tested) */
    const char *op;
    const char *value;
    const char *missing;
    const char *dflt;
} risk_cond_spec;

typedef struct risk_rule_spec {
    const char *id, *area, *severity;
    const char *types;       /* comma list; "aws_iam_*" globs; "*" = any managed
                                type; "data.aws_iam_policy_document" a data source */
    const char *title;       /* what it checks, one line */
    risk_cond_spec when[RISK_MAX_WHEN]; /* all must hold for the rule to apply */
    risk_cond_spec test;     /* holds = finding; op "check" calls `check` */
    const char *check;       /* named check function (op "check") */
    const char *message;     /* {value} / {attribute} are filled in */
    const char *remediation;
    const char *checkov, *trivy;
} risk_rule_spec;

extern const risk_rule_spec risk_builtin_specs[];
extern const size_t risk_builtin_count;

/* ---- compiled rules ---------------------------------------------------- */

typedef enum risk_op {
    RISK_OP_EQUALS, RISK_OP_NOT_EQUALS, RISK_OP_MATCHES, RISK_OP_NOT_MATCHES,
    RISK_OP_LT, RISK_OP_LE, RISK_OP_GT, RISK_OP_GE,
    RISK_OP_CONTAINS, RISK_OP_NOT_CONTAINS, RISK_OP_NOT_CONTAINS_ALL,
    RISK_OP_EMPTY, RISK_OP_NOT_EMPTY, RISK_OP_PRESENT, RISK_OP_ABSENT,
    RISK_OP_WORLD, RISK_OP_CHECK
} risk_op;

typedef enum risk_missing { RISK_MISSING_PASS, RISK_MISSING_FIRE, RISK_MISSING_DEFAULT } risk_missing;

/* What a check function's `value` parameter is. */
typedef enum risk_param_kind {
    RISK_PARAM_NONE,     /* no value allowed */
    RISK_PARAM_PORTS,    /* "22", "3306,5432", "8000-8100", "all" */
    RISK_PARAM_PATTERN,  /* PCRE2 pattern (compiled into cond.re) */
    RISK_PARAM_NAMES     /* comma list of attribute or key names */
} risk_param_kind;

typedef struct risk_port_range { long lo, hi; } risk_port_range;

typedef struct risk_cond {
    char **paths;
    size_t npaths;
    risk_op op;
    json_t *value;           /* JSON-valued ops */
    pcre2_code *re;          /* matches / not_matches / PATTERN params */
    double num;              /* lt le gt ge */
    risk_missing missing;
    json_t *dflt;            /* RISK_MISSING_DEFAULT */
    /* check parameters, parsed */
    risk_port_range *ports;  /* RISK_PARAM_PORTS; nports 0 with all_ports */
    size_t nports;
    bool all_ports;
    char **names;            /* RISK_PARAM_NAMES */
    size_t nnames;
} risk_cond;

struct risk_check_def;

/* `info` comes first so a risk_rule_info pointer handed out through risk.h
 * is also the rule's address. */
typedef struct risk_rule {
    risk_rule_info info;
    risk_rule_spec spec;     /* every string owned (listing, SARIF, re-serialising) */
    char **types;
    size_t ntypes;
    risk_cond when[RISK_MAX_WHEN];
    size_t nwhen;
    risk_cond test;
    const struct risk_check_def *check;
    bool builtin;            /* false: added by a rules file */
    bool overridden;         /* a built-in a rules file changed */
} risk_rule;

struct risk_ruleset {
    risk_rule **rules;       /* sorted by area (table order), then id */
    size_t nrules;
    const risk_rule_info **infos;
    json_t *by_type;         /* exact type -> [rule index] */
    size_t *glob_rules;      /* rules with a "*" or "prefix*" type */
    size_t nglob;
};

/* ---- compiling rules (rule_compile.c) ------------------------------------ */

/* Validates spec `s` and compiles it into *out (owned by the caller, freed
 * with risk_rule_free; every string copied).  On error returns the code
 * (CIR_EINPUT) with err naming `topic`, the rule and the field; *out NULL. */
cir_code risk_rule_compile(const risk_rule_spec *s, const char *topic, risk_rule **out, cir_err *err);

/* Frees a compiled rule; NULL is fine. */
void risk_rule_free(risk_rule *r);

/* The rank of an area name in the order rules are listed (networking, tls,
 * storage, reliability, operations, iac, plan); the number of areas when
 * the name is none of them. */
size_t risk_area_rank(const char *area);

/* ---- running rules ------------------------------------------------------ */

typedef enum risk_truth { RISK_FALSE, RISK_TRUE, RISK_UNKNOWN } risk_truth;

typedef struct risk_run risk_run;

/* A check function: called for one resource (scope CONFIG or CHANGE) or
 * once per plan with r == NULL (scope PLAN).  It reports through risk_emit. */
typedef void (*risk_check_fn)(risk_run *run, const risk_rule *rule, const plan_resource *r);

typedef enum risk_scope {
    RISK_SCOPE_CONFIG,   /* resources the plan creates, updates or replaces (after side) */
    RISK_SCOPE_CHANGE,   /* every managed resource change, deletes included */
    RISK_SCOPE_PLAN      /* once per plan */
} risk_scope;

typedef struct risk_check_def {
    const char *name;
    risk_scope scope;
    risk_param_kind param;
    bool param_required;
    bool wants_attribute;    /* reads rule->test.paths */
    risk_check_fn fn;
    const char *doc;         /* what it does, for the README and `rules` */
} risk_check_def;

const risk_check_def *risk_check_find(const char *name);
/* NULL-terminated list of every check function. */
extern const risk_check_def *const risk_check_table[];

/* Evaluates one condition on r's after value, path by path.  For each path
 * (with [*] expanded) calls `hit` when the condition holds; returns TRUE if
 * any path held, UNKNOWN if none held but one was unknown, else FALSE.
 * A value known only after apply that p's configuration does not write is
 * defaulted (see risk_attr); p may be NULL to skip that. */
typedef void (*risk_hit_fn)(void *ctx, const char *path, const json_t *value, bool from_default);
risk_truth risk_cond_eval(const risk_cond *c, const plan *p, const plan_resource *r, bool use_after,
                          risk_hit_fn hit, void *ctx);

/* plan_attr on the after side (use_after) or before, except that a value
 * "known after apply" which the configuration does not write at all reads
 * as ABSENT: the provider's default applies, and the rule's `missing`
 * policy judges it.  *defaulted (may be NULL) says that happened.  p may be
 * NULL (plain plan_attr). */
const json_t *risk_attr(const plan *p, const plan_resource *r, bool use_after, const char *path,
                        plan_val_state *state, bool *defaulted);
/* Tests a single value (already looked up) against c; value NULL = absent. */
risk_truth risk_cond_test_value(const risk_cond *c, const json_t *value);

/* Emits a finding (or a suppression) for `rule` on resource r (NULL =
 * plan-wide).  `attribute` may be NULL.  The message must never hold a
 * secret or sensitive value. */
void risk_emit(risk_run *run, const risk_rule *rule, const plan_resource *r,
               const char *attribute, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void risk_emit_text(risk_run *run, const risk_rule *rule, const plan_resource *r,
                    const char *attribute, const char *message);
/* A finding on something that is not a resource change: a module call
 * ("module.vpc") or a provider configuration ("provider.aws.west").  Only
 * --skip suppresses it (there are no tags to read). */
void risk_emit_at(risk_run *run, const risk_rule *rule, const char *address, const char *attribute,
                  const char *message);
/* The scope the run was asked for (--scope). */
risk_resource_scope risk_run_scope(const risk_run *run);

/* The plan being checked and its lookups. */
const plan *risk_run_plan(const risk_run *run);
/* Managed resources of `type` in the plan (all actions). */
size_t risk_run_of_type(risk_run *run, const char *type, const plan_resource ***out);
/* Prints a warning once per run for (resource, text). */
void risk_run_warn(risk_run *run, const plan_resource *r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* container_definitions of r decoded (cached); NULL when unknown, absent or
 * not valid JSON (then warned once). Borrowed. */
const json_t *risk_run_containers(risk_run *run, const plan_resource *r);

/* ---- cross-resource links (refs.c) -------------------------------------- */

typedef enum risk_link { RISK_LINK_NO, RISK_LINK_YES, RISK_LINK_UNKNOWN } risk_link;

/* Does attribute `attr` of `from` point at `to`?  A known value is compared
 * with to's known values of `ids` (comma list, e.g. "id,arn"); an unknown one
 * is resolved through the plan's configuration references (following module
 * variables and outputs).  UNKNOWN when it cannot be told. */
risk_link risk_link_test(risk_run *run, const plan_resource *from, const char *attr,
                         const plan_resource *to, const char *ids);

/* How many resources of `type` (not being deleted) link to `to` through
 * `attr`; *unknown set when some could not be told. */
size_t risk_link_count(risk_run *run, const char *type, const char *attr,
                       const plan_resource *to, const char *ids, bool *unknown);

/* True for actions that leave the object in place after apply. */
bool risk_res_live(const plan_resource *r);

/* Text of a scalar for messages, or NULL when it must not be shown
 * (sensitive, secret-like path, long or structured).  Caller frees. */
char *risk_value_text(const plan_resource *r, bool use_after, const char *path, const json_t *v);

/* Secret-name heuristics shared by the secret checks. */
bool risk_value_is_reference(const char *value);

/* ---- ruleset lookups (ruleset.c) ---------------------------------------- */

const char *risk_op_name(risk_op op);
/* True when one of the rule's types (exact, "prefix*" or "*") is `type`. */
bool risk_rule_types_match(const risk_rule *r, const char *type);
/* The rule with `id`, or NULL. */
const risk_rule *risk_ruleset_find(const risk_ruleset *rs, const char *id);
/* Does `name` name rule r: its id or one of its checkov / Trivy peer ids,
 * case-insensitively, Trivy's "AVD-" prefix optional?  (--skip and the
 * circuit:skip tag accept all of them.) */
bool risk_rule_named(const risk_rule_info *r, const char *name);
/* Does `name` name any rule of rs that way? */
bool risk_ruleset_knows(const risk_ruleset *rs, const char *name);

/* refs.c keeps its per-plan configuration index and link cache in the run. */
void *risk_run_config_slot(risk_run *run, json_t **cache);
void risk_refs_free(void *config, json_t *cache);

#endif
