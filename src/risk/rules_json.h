/*
 * rules_json.h — private to src/risk/: the rules-file format (schema
 * circuit.rules/v1) to and from rule specs.  See rules_json.c.
 */
#ifndef CIRCUIT_RISK_RULES_JSON_H
#define CIRCUIT_RISK_RULES_JSON_H

#include "rules.h"

/* Strings made while reading a file (joined lists, dumped values); freed
 * together once the specs are compiled. */
typedef struct risk_json_arena {
    char **strings;
    size_t n, cap;
} risk_json_arena;

void risk_json_arena_free(risk_json_arena *a);

/* Reads one rule object into `out`.  Strings borrow from `obj` or `arena`.
 * Fields not given stay NULL.  On a shape error returns CIR_EINPUT with
 * "<label>: field \"<name>\": <what>" and topic = `topic`. */
cir_code risk_spec_from_json(const json_t *obj, const char *topic, const char *label,
                             risk_json_arena *arena, risk_rule_spec *out, cir_err *err);

/* The spec as a rules-file rule object (new reference). */
json_t *risk_spec_to_json(const risk_rule_spec *s);

/* `base` with the fields of `over` laid on top (new reference).  Giving a
 * new "condition" drops the old value, missing, default and check. */
json_t *risk_spec_overlay(const json_t *base, const json_t *over);

/* Condition names <-> ops (ruleset.c). */
bool risk_op_parse(const char *name, risk_op *out);
extern const char risk_op_names[];   /* "equals, not_equals, ..." for messages */

#endif
