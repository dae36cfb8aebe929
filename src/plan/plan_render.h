/*
 * plan_render.h — the three renderings of `circuit changes`: a human table
 * grouped by action, Markdown, and JSON (schema circuit.changes/v1, see the
 * README).  They live beside the reader so `review` can reuse them.  Every
 * value shown goes through plan_diff(), so sensitive values are masked the
 * same way in all three.
 */
#ifndef CIRCUIT_PLAN_RENDER_H
#define CIRCUIT_PLAN_RENDER_H

#include "../core/jsonw.h"
#include "../core/sbuf.h"
#include "plan.h"

#include <stdbool.h>

/* Appends the document to `out`.  They cannot fail. */
void plan_render_json(const plan *p, sbuf *out);
void plan_render_table(const plan *p, sbuf *out, bool color);
void plan_render_markdown(const plan *p, sbuf *out);

/* What the plans hold of providers other than AWS (plan_coverage.c), for
 * the `check` and `cost` documents.  plan_not_reviewed_json writes the
 * member "not_reviewed": [{"provider", "resources", "changed"}] into the
 * open JSON object (nothing when there is none); plan_not_reviewed_append
 * appends to a finished table or Markdown document a closing line "3 google
 * resources not reviewed: circuit reviews AWS resources only." (nothing for
 * JSON, whose renderers write the member, or SARIF). */
void plan_not_reviewed_json(jw *w, plan *const *plans, size_t nplans);
void plan_not_reviewed_append(plan *const *plans, size_t nplans, const char *format, sbuf *doc);

/* The symbol Terraform prints for a change: "+", "~", "-/+", "+/-", "-",
 * "<=", "." (forget), "+/." (create then forget), " " (no-op). */
const char *plan_action_symbol(const plan_resource *r);

#endif
