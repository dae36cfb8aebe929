/*
 * plan_config.h — what the plan's `configuration` section says about a
 * resource: is an attribute written in its configuration block at all?
 *
 * A plan shows an Optional+Computed attribute the configuration leaves out
 * as "known after apply", exactly like one set from another resource's id.
 * Only `configuration` tells the two apart: when the attribute is not
 * written, the provider's (or AWS's) default applies and can be judged;
 * when it is written, the value is truly unknown until apply.
 *
 * Everything returned borrows from the plan and lives until plan_free().
 */
#ifndef CIRCUIT_PLAN_CONFIG_H
#define CIRCUIT_PLAN_CONFIG_H

#include "plan.h"

typedef enum plan_cfg_state {
    PLAN_CFG_UNSET,     /* not written (or written as null): the default applies */
    PLAN_CFG_SET,       /* written: a constant or an expression */
    PLAN_CFG_UNKNOWN    /* cannot tell: the plan has no configuration for the
                           resource, the path is malformed, or it reaches inside
                           an expression that is not a constant */
} plan_cfg_state;

/* The configuration entry (an element of some module's `resources`) of
 * r's resource block, or NULL when the plan carries none (no
 * `configuration`, an older or filtered plan, a module it does not show). */
const json_t *plan_config_resource(const plan *p, const plan_resource *r);

/* Is `path` (plan_attr syntax: "vpc_config[0].public_access_cidrs",
 * "versioning", "tags[\"Name\"]") written in r's configuration?  Nested
 * blocks are followed by index; a block written by a `dynamic` block is
 * invisible in the plan (Terraform leaves it out of `configuration`), so it
 * reads as UNSET.  Never fails: anything it cannot read is UNKNOWN. */
plan_cfg_state plan_config_attr(const plan *p, const plan_resource *r, const char *path);

/* The module object ("resources", "module_calls", ...) at `module_address`
 * ("module.a[\"x\"].module.b", NULL = root) in the plan's configuration, or
 * NULL when the plan does not carry it. */
const json_t *plan_config_module(const plan *p, const char *module_address);

#endif
