/*
 * models/common.h — what every model file under src/cost/models/ uses:
 * the shorthand for filters, quantities and usage keys, the few value maps
 * several services share, and COST_MODEL_LIST, which declares a file's
 * models to the registry (cost_registry.c, assembled at build time from
 * the COST_MODEL_LIST lines of these files; see HACKING.md).
 */
#ifndef CIRCUIT_COST_MODELS_COMMON_H
#define CIRCUIT_COST_MODELS_COMMON_H

#include "../cost_model.h"

#include <stddef.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define HOURS COST_HOURS_PER_MONTH

/* price filters: exact, PCRE2, usagetype (with or without a region prefix) */
#define EQ(k, v) {k, v, PRICE_EXACT}
#define RX(k, v) {k, v, PRICE_REGEX}
#define UT(v) {"usagetype", v, PRICE_USAGETYPE}
#define REGION EQ("locationType", "AWS Region")

/* quantities */
#define Q_CONST(x) {CQ_CONST, NULL, x, NULL}
#define Q_VAR(k, f) {CQ_VAR, k, f, NULL}
#define Q_USAGE(k, f) {CQ_USAGE, k, f, NULL}
#define Q_FN(fn) {CQ_FN, NULL, 0, fn}

/* usage keys */
#define NUM(k, d) {k, CU_NUMBER, d}
#define STR(k, d) {k, CU_STRING, d}
#define BOOL(k, d) {k, CU_BOOL, d}

/* in a model */
#define PARTS(p) .parts = p, .nparts = N(p)
#define VARS(v) .vars = v, .nvars = N(v)
#define USAGE(u) .usage = u, .nusage = N(u)

/* "true" -> "true", "false" -> unset: for COP_SET / COP_UNSET conditions. */
extern const cost_map cost_bool_map[];

/* The models of one file, sorted by type, NULL-terminated:
 *     COST_MODEL_LIST(sqs) = {&model_sqs_queue, NULL};
 * The name must be the file's name (src/cost/models/sqs.c). */
#define COST_MODEL_LIST(name) const cost_model *const cost_models_##name[]

#endif
