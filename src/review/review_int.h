/*
 * review_int.h — private to src/review: the attribute helpers every section
 * of the review reads the plan through, and the section builders review.c
 * calls in order.
 *
 * The helpers are the one place plan values enter the review.  They return
 * NULL / false for values that are sensitive on that side or unknown until
 * apply, so a section can quote what they return without a second thought.
 */
#ifndef CIRCUIT_REVIEW_INT_H
#define CIRCUIT_REVIEW_INT_H

#include "review.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* How many items an evidence sentence names before "and N more". */
#define RV_MAX_NAMED 5

/* An evidence list: stores what a sentence can name, counts the rest. */
#define RV_EVIDENCE {NULL, 0, 0, 0, RV_MAX_NAMED + 1, NULL, false}

/* ---- walking the plans -------------------------------------------------- */

/* Scope of a resource (review_scope.c). */
enum { RV_SCOPE_OUT, RV_SCOPE_CHANGED, RV_SCOPE_CONTEXT };
void rv_build_scope(review *rv);
int rv_scope_of(const review *rv, const plan_resource *r);
/* The resource at `address` is unchanged and shown as context. */
bool rv_address_in_context(const review *rv, const char *plan_name, const char *address);

/* Iterates the AWS resources of every plan the review judges (changed ones
 * and their unchanged context); *pi and *ri start at 0.  Returns NULL at the
 * end.  *plan_name receives the plan's name. */
const plan_resource *rv_next(const review *rv, size_t *pi, size_t *ri, const char **plan_name);
/* Same over every resource, in scope or not: for facts about the stack a
 * change lands in that only rule out a wrong "no" (a scaling policy that
 * already exists for the group being changed). */
const plan_resource *rv_next_all(const review *rv, size_t *pi, size_t *ri, const char **plan_name);

/* Text markers: the renderers show what is between them as code (a code
 * span in Markdown, plain in JSON).  Addresses and plan values are marked.
 * The two bytes never occur in UTF-8, so no plan text can forge a marker or
 * lose a character to one (a for_each key may hold \x01 or \x02). */
#define RV_CODE "\xFE"
#define RV_END "\xFF"
/* RV_CODE s RV_END; caller frees. */
char *rv_code(const char *s);
/* Other modules' text (cost notes, remediations) quotes commands in
 * backticks.  For the backtick at `s`: the one that closes it as a code
 * span, or NULL when none follows before a marker.  A plan value with a
 * backtick of its own (an engine "`x") must not open a span that swallows
 * the markers of the next address: they would reach the output as bytes
 * that are not UTF-8. */
const char *rv_backtick_end(const char *s);

/* Label for a resource: its address, or "plan: address" with several plans.
 * Caller frees. */
char *rv_label(const review *rv, const char *plan_name, const plan_resource *r);

/* The resource exists after apply (managed; create, update, replace, no-op). */
bool rv_live(const plan_resource *r);
/* The plan changes the resource (create, update, replace, delete, forget). */
bool rv_touched(const plan_resource *r);
/* The resource is of `type`.  Inline and cheap on a mismatch (types
 * differ within their first five bytes nearly always), because every
 * section asks it of every resource. */
static inline bool rv_is(const plan_resource *r, const char *type)
{
    const char *a = r->type;
    if (!a)
        return false;
    for (int i = 0; i < 5; i++) {
        if (a[i] != type[i])
            return false;
        if (!a[i])
            return true;
    }
    return strcmp(a + 5, type + 5) == 0;
}
/* Type is one of the NULL-terminated `types`. */
bool rv_is_any(const plan_resource *r, const char *const *types);

/* ---- values (never sensitive, never unknown) ---------------------------- */

/* The value at `path` on the side that describes the resource: after, or
 * before for a delete/forget.  NULL when absent, unknown or sensitive. */
const json_t *rv_get(const plan_resource *r, const char *path);
const json_t *rv_get_side(const plan_resource *r, bool after, const char *path);
const char *rv_str(const plan_resource *r, const char *path);
bool rv_num(const plan_resource *r, const char *path, double *out);
/* True only when the value is known and JSON true. */
bool rv_true(const plan_resource *r, const char *path);
/* True only when the value is known and JSON false. */
bool rv_false(const plan_resource *r, const char *path);
/* Array length at path (0 when absent, unknown or not an array). */
size_t rv_len(const plan_resource *r, const char *path);
/* The after value is unknown until apply. */
bool rv_unknown(const plan_resource *r, const char *path);
/* Known only after apply, and the plan's configuration does not write it:
 * the provider's default applies (real plans call an unset Optional+Computed
 * attribute unknown).  False when the plan carries no configuration. */
bool rv_unknown_unwritten(const review *rv, const plan_resource *r, const char *path);
/* The value at path differs between before and after (update/replace),
 * or is unknown after; create and delete count as changed. */
bool rv_changed(const plan_resource *r, const char *path);

/* True when anything at or below top-level key `top_key` (the whole value
 * when NULL) is marked sensitive on the describing side. */
bool rv_tree_sensitive(const plan_resource *r, const char *top_key);
/* The whole value under top-level `top_key` (the whole object when NULL)
 * on the describing side, or NULL when absent or when anything in it is
 * sensitive.  Unknown leaves are simply absent or null in it. */
const json_t *rv_subtree(const plan_resource *r, const char *top_key);

/* container_definitions of an ECS task definition, parsed (a new reference
 * the caller decrefs), or NULL when absent, unknown, sensitive or invalid. */
json_t *rv_containers(const plan_resource *r, bool after);

/* A name-ordered "a, b, c and 4 more" sentence of a list; caller frees. */
char *rv_join(const review_list *l, const char *sep, size_t max_named);

/* Appends "<label>: <text>" for resource r to an evidence list. */
void rv_ev(review_list *l, const review *rv, const char *plan_name, const plan_resource *r,
           const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Sets an assessment line: yes/no and the reason (ownership taken). */
void rv_item(review *rv, review_item_id id, bool yes, char *reason);
/* Decides an assessment line from its evidence: "no" when there is any
 * against it, "yes" when there is some for it (naming what is unknown
 * too), "unknown until apply" when all there is depends on values known
 * only after apply, else "not applicable" with `none` as the reason (the
 * change holds nothing the line judges).  `unk` may be NULL. */
void rv_decide(review *rv, review_item_id id, const review_list *ok, const review_list *bad,
               const review_list *unk, const char *none);

/* "<lead>: a; b; c; and 2 more" — the list alone when lead is NULL, the
 * lead alone when the list is empty; caller frees. */
char *rv_reason(const char *lead, const review_list *ev);
/* The attribute holding a resource's size (instance type, instance class,
 * node type), or NULL for types that have none. */
const char *rv_size_attr(const plan_resource *r);
/* Sets item `id` from evidence: "yes" with the evidence as reason when
 * there is any, else "no" with `none` as reason.  Frees `ev`. */
void rv_item_evidence(review *rv, review_item_id id, review_list *ev, const char *none);

/* ---- section builders (each fills its part of rv) ----------------------- */

void rv_build_deployment(review *rv);
void rv_build_scaling(review *rv);
void rv_build_reliability(review *rv);
void rv_build_coverage(review *rv);
void rv_build_dependencies(review *rv);
void rv_build_checklist(review *rv);
void rv_build_notes(review *rv);
cir_code rv_build_recommendations(review *rv, const review_opts *opts, cir_err *err);
void rv_build_questions(review *rv);

/* The Cost Impact cell of one resource ("+$30.37/month", "usage-based:
 * $0.045 per GB processed", "not priced: ..."); caller frees. */
char *rv_cost_text(const cost_resource *c);

/* Changed resources without a cost model: adds "`type` ×n" per type to
 * `types` (may be NULL), sets *resources, returns how many types.  Only
 * changed resources count: an unchanged one's estimate is not the change's
 * concern. */
size_t rv_unmodelled_types(const review *rv, review_list *types, size_t *resources);

/* Service name for a resource type ("Amazon RDS"); never NULL. */
const char *rv_service_name(const char *type);

/* Shared facts some sections reuse. */
/* The type serves traffic (risk catalogue §7 downtime list). */
bool rv_is_serving(const plan_resource *r);
bool rv_ecs_circuit_breaker_rollback(const plan_resource *r);
/* An ECS service with the DAEMON scheduling strategy (one task per node). */
bool rv_ecs_daemon(const plan_resource *r);
/* Number of distinct subnets/AZs an ASG, ECS service, LB or node group
 * spreads over (0 when unknown). */
size_t rv_spread(const plan_resource *r);

/* The current-generation equivalent of a previous-generation size
 * ("t2.medium" -> "t3.medium", "db.m4.large" -> "db.m5.large") into out;
 * false when `size` is not previous generation or the name does not fit. */
bool rv_current_generation(const char *size, char *out, size_t outsz);

/* The cost line of one resource in the report, or NULL. */
const cost_resource *rv_cost_of(const review *rv, const plan_resource *r);

/* How many changed resources a list names before "and N more": the
 * Markdown and HTML reports list the same ones. */
#define REVIEW_MAX_LISTED 15

/* Appends "N — a (note), b, ... and K more" for a list of changes, each label
 * and note written through `text` (the writer's escaping).  Cannot fail. */
void review_change_items(sbuf *b, const review_change *c, size_t n,
                         void (*text)(sbuf *b, const char *s));

#endif
