/*
 * cost_yaml.h — (private to src/cost/) the YAML subset of Infracost usage
 * files, parsed into a JSON tree.
 */
#ifndef CIRCUIT_COST_YAML_H
#define CIRCUIT_COST_YAML_H

#include "../core/err.h"

#include <jansson.h>
#include <stddef.h>

/* Parses `text` (mappings and scalars only).  On success *out is a new
 * JSON object the caller owns.  Returns CIR_EPARSE with "line N: ..." in
 * err (topic `name`) otherwise. */
cir_code cost_yaml_parse(const char *name, const char *text, size_t len, json_t **out, cir_err *err);

#endif
