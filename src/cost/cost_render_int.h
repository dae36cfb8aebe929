/*
 * cost_render_int.h — what the cost report's faces (cost_render_*.c) share
 * and nothing else includes.  None of these fail; none allocate unless
 * said.
 */
#ifndef CIRCUIT_COST_RENDER_INT_H
#define CIRCUIT_COST_RENDER_INT_H

#include "../core/sbuf.h"
#include "cost.h"
#include "cost_render.h"

#include <stdbool.h>
#include <stddef.h>

/* True when a resource's action reads a side before (update, replace, an
 * unknown action): its old components are shown beside the new. */
bool cost_has_before_side(const cost_resource *cr);

/* The price lists in a stable order (service, region), whatever order
 * the lookups first touched them in.  The caller frees the array (not the
 * entries, which are o->prices). */
const price_offer_info **cost_sorted_prices(const cost_render_opts *o);

/* "$1,234.56" appended to b. */
void cost_money(sbuf *b, double v);

/* The component of `s` called `name`, or NULL (borrowed). */
const cost_component *cost_find_component(const cost_side *s, const char *name);

/* "free", "not supported", "usage-based", "not priced", or NULL for a
 * priced or skipped resource (static). */
const char *cost_status_text(const cost_resource *cr);

/* Whether the table and Markdown list a resource: a change, or any
 * resource with o->all_resources. */
bool cost_render_listed(const cost_resource *cr, const cost_render_opts *o);

/* Resources of plan p are r->resources[*from, *to): contiguous, in plan
 * order. */
void cost_project_range(const cost_report *r, size_t p, size_t *from, size_t *to);

/* "N unchanged resources: $X/month (in the totals...)" and a newline for
 * the no-op resources in [from, to); nothing when there are none. */
void cost_render_unchanged(const cost_report *r, sbuf *out, size_t from, size_t to);

#endif
