/*
 * models/common.c — value maps shared by model files (see common.h).
 */
#include "common.h"

const cost_map cost_bool_map[] = {{"true", "true"}, {"false", ""}, {NULL, NULL}};
