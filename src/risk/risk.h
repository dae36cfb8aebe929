/*
 * risk.h — risk findings for a plan: built-in rules (a table compiled into
 * the binary), rules from --rules FILE, and plan-level risks drawn from the
 * actions themselves (data loss, downtime, blast radius, errored plan, drift).
 *
 * A risk_report owns its findings; it borrows nothing but rule text from the
 * rule set, which must outlive it.  No finding ever carries a sensitive or
 * secret value: messages name where a secret is, never what it is.
 */
#ifndef CIRCUIT_RISK_H
#define CIRCUIT_RISK_H

#include "../core/err.h"
#include "../plan/plan.h"
#include "../plan/plan_source.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum risk_severity {
    RISK_INFO,
    RISK_LOW,
    RISK_MEDIUM,
    RISK_HIGH,
    RISK_CRITICAL
} risk_severity;

typedef struct risk_rule_info {
    const char *id;            /* CIR-SG-001 */
    const char *area;          /* networking, tls, storage, reliability, operations, plan */
    risk_severity severity;
    const char *resource_type; /* "aws_security_group", "*" for plan-level */
    const char *title;         /* one line: what it checks */
    const char *remediation;
    const char *checkov;       /* peer ids, NULL when none */
    const char *trivy;
} risk_rule_info;

typedef struct risk_finding {
    const risk_rule_info *rule;
    char *address;             /* resource address, NULL for plan-wide */
    char *attribute;           /* Terraform path, NULL when not one */
    char *message;             /* never holds a secret value */
    const char *plan_name;
    bool unchanged;            /* the plan leaves the resource as it is
                                  (found only with RISK_RESOURCES_ALL) */
    plan_srcloc src;           /* the .tf block, set by risk_report_locate */
    bool located;              /* risk_report_locate ran: src says where, or why not */
} risk_finding;

typedef struct risk_suppression {
    const risk_rule_info *rule;
    char *address;             /* NULL for plan-wide */
    char *how;                 /* "--skip" or "tag circuit:skip" */
    /* What the finding would have said (added by the risk part). */
    char *attribute;           /* NULL when not one */
    char *message;             /* never holds a secret value */
    const char *plan_name;
    plan_srcloc src;           /* as in risk_finding */
    bool located;
} risk_suppression;

typedef struct risk_ruleset risk_ruleset;

/* Built-in rules plus, when rules_file is not NULL, the rules it adds or
 * overrides.  Returns CIR_EIO/CIR_EPARSE/CIR_EINPUT on a bad rules file. */
cir_code risk_ruleset_load(const char *rules_file, risk_ruleset **out, cir_err *err);
void risk_ruleset_free(risk_ruleset *rs);
size_t risk_ruleset_rules(const risk_ruleset *rs, const risk_rule_info ***out);

/* For listings (`circuit rules`), rule i in risk_ruleset_rules() order:
 * its full definition in the rules-file format (a new JSON object the caller
 * decrefs), where it comes from ("built-in", "rules file", "built-in,
 * changed by rules file"), and how it treats a missing attribute ("default
 * false: fires", "not set: passes", or the check's own words; caller frees). */
json_t *risk_ruleset_rule_json(const risk_ruleset *rs, size_t i);
const char *risk_ruleset_rule_origin(const risk_ruleset *rs, size_t i);
char *risk_ruleset_rule_missing(const risk_ruleset *rs, size_t i);

typedef struct risk_report {
    risk_finding *findings;    /* sorted: severity desc, address, rule id */
    size_t nfindings;
    risk_suppression *suppressed;
    size_t nsuppressed;
} risk_report;

/* Which resources configuration rules look at.  CHANGED: what the plan
 * creates, updates, replaces or imports (the review's view).  ALL: every
 * managed resource in the planned state, unchanged ones too (checkov's
 * view); plan-level rules are the same either way. */
typedef enum risk_resource_scope {
    RISK_RESOURCES_CHANGED,
    RISK_RESOURCES_ALL
} risk_resource_scope;

typedef struct risk_opts {
    const char *const *skip;   /* rule ids to suppress */
    size_t nskip;
    risk_resource_scope scope; /* zero value: CHANGED */
} risk_opts;

/* Checks every plan.  Returns CIR_EUSAGE when a --skip id names no rule.
 * The report borrows rule text from `rs` and plan names from `plans`: both
 * must outlive it. */
cir_code risk_check(plan *const *plans, size_t nplans, const risk_ruleset *rs,
                    const risk_opts *opts, risk_report **out, cir_err *err);
void risk_report_free(risk_report *r);

/* Points every finding and suppression at its resource's .tf block with
 * maps[i], the source map of plans[i] (NULL: that plan has none, and its
 * findings stay unlocated).  The report then borrows from the maps, which
 * must outlive it.  Plan-wide findings get a note instead of a file. */
void risk_report_locate(risk_report *rep, plan *const *plans, plan_srcmap *const *maps, size_t nplans);

const char *risk_severity_name(risk_severity s);   /* "info", "low", ... */
/* Parses "info".."critical"; returns false when unknown. */
bool risk_severity_parse(const char *s, risk_severity *out);
/* Parses "changed" / "all"; returns false when neither. */
bool risk_scope_parse(const char *s, risk_resource_scope *out);
/* Findings on resources the plan leaves unchanged (0 unless the report was
 * made with RISK_RESOURCES_ALL). */
size_t risk_report_unchanged(const risk_report *r);

#endif
