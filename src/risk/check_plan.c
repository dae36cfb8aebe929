/*
 * check_plan.c — risks in the plan's actions rather than in configuration:
 * data-holding resources deleted or replaced (and whether anything keeps a
 * copy or stops the delete), destroy-before-create outages, create-before-
 * destroy name collisions, changes to existing IAM and network rules, count
 * and for_each index shifts, unknown actions, restarts of databases, objects
 * left running outside Terraform, and plan-wide errors, incompleteness and
 * drift.
 *
 * These look at the before side (what exists) and at resources being
 * deleted, which configuration rules never do.
 */
#include "checks.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <stdlib.h>
#include <string.h>

/* Attributes that make AWS refuse a delete. */
static const char *const protection_attrs[] = {
    "deletion_protection", "enable_deletion_protection", "deletion_protection_enabled", NULL,
};

static bool destroys(const plan_resource *r)
{
    if (r->is_data || r->deposed)
        return false;
    return r->action == PLAN_ACT_DELETE ||
           (r->action == PLAN_ACT_REPLACE && r->replace_order != PLAN_ORDER_CREATE_THEN_FORGET);
}

static bool before_true(const plan_resource *r, const char *attr)
{
    plan_val_state st;
    const json_t *v = plan_attr(r, false, attr, &st);
    return st == PLAN_VAL_KNOWN && json_is_true(v);
}

static const char *protected_by(const plan_resource *r)
{
    for (size_t i = 0; protection_attrs[i]; i++)
        if (before_true(r, protection_attrs[i]))
            return protection_attrs[i];
    return NULL;
}

/* "deleted", "replaced (destroy first; forced by engine)", ... */
static char *action_phrase(const plan_resource *r)
{
    sbuf b = SBUF_INIT;
    if (r->action != PLAN_ACT_REPLACE) {
        sbuf_puts(&b, r->action == PLAN_ACT_DELETE ? "deleted" : plan_action_name(r->action));
        return sbuf_detach(&b);
    }
    sbuf_puts(&b, "replaced");
    bool open = false;
    if (r->replace_order == PLAN_ORDER_DELETE_BEFORE_CREATE) {
        sbuf_puts(&b, " (destroyed first");
        open = true;
    }
    size_t n = json_array_size(r->replace_paths);
    for (size_t i = 0; i < n && i < 3; i++) {
        const json_t *path = json_array_get(r->replace_paths, i);
        sbuf_puts(&b, i ? ", " : open ? "; forced by " : " (forced by ");
        open = true;
        char *text = plan_path_text(path);
        sbuf_puts(&b, text);
        free(text);
    }
    if (n > 3)
        sbuf_printf(&b, " and %zu more", n - 3);
    if (open)
        sbuf_putc(&b, ')');
    return sbuf_detach(&b);
}

static void emit_phrased(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *attr,
                         const char *extra)
{
    char *phrase = action_phrase(r);
    risk_emit(run, rule, r, attr, "%s%s: %s", phrase, extra ? extra : "", rule->spec.message);
    free(phrase);
}

void risk_check_stateful_delete(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (!destroys(r) || protected_by(r))
        return;
    plan_val_state st;
    const json_t *skip = plan_attr(r, false, "skip_final_snapshot", &st);
    bool snapshot = st == PLAN_VAL_KNOWN && json_is_false(skip);
    char *phrase = action_phrase(r);
    risk_emit(run, rule, r, NULL, "%s: %s%s", phrase, rule->spec.message,
              snapshot ? " (a final snapshot is taken first)" : "");
    free(phrase);
}

void risk_check_data_loss_unprotected(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (!destroys(r) || protected_by(r))
        return;
    for (size_t i = 0; i < rule->test.nnames; i++)
        if (before_true(r, rule->test.names[i])) {
            char *extra = xasprintf(" with %s = true", rule->test.names[i]);
            emit_phrased(run, rule, r, rule->test.names[i], extra);
            free(extra);
            return;
        }
}

void risk_check_delete_protected(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (!destroys(r))
        return;
    for (size_t i = 0; i < rule->test.nnames; i++)
        if (before_true(r, rule->test.names[i])) {
            char *extra = xasprintf(" while %s = true", rule->test.names[i]);
            emit_phrased(run, rule, r, rule->test.names[i], extra);
            free(extra);
            return;
        }
}

void risk_check_replace_downtime(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (!r->deposed && r->action == PLAN_ACT_REPLACE && r->replace_order == PLAN_ORDER_DELETE_BEFORE_CREATE)
        emit_phrased(run, rule, r, NULL, NULL);
}

void risk_check_replace_name_collision(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (r->deposed || r->action != PLAN_ACT_REPLACE || r->replace_order != PLAN_ORDER_CREATE_BEFORE_DELETE)
        return;
    for (size_t i = 0; i < rule->test.nnames; i++) {
        plan_val_state sb, sa;
        const json_t *before = plan_attr(r, false, rule->test.names[i], &sb);
        const json_t *after = plan_attr(r, true, rule->test.names[i], &sa);
        if (sb == PLAN_VAL_KNOWN && sa == PLAN_VAL_KNOWN && json_is_string(before) && json_is_string(after) &&
            !strcmp(json_string_value(before), json_string_value(after))) {
            risk_emit(run, rule, r, rule->test.names[i], "replaced with create_before_destroy but %s stays the same: %s",
                      rule->test.names[i], rule->spec.message);
            return;
        }
    }
}

static bool is_tag_map(const char *name)
{
    return !strcmp(name, "tags") || !strcmp(name, "tags_all");
}

/* "updated (ingress, tags)": the distinct top-level names of what changes
 * (plan_diff sorts paths, so equal names are adjacent), at most 4 shown.
 * NULL when only tags change, which moves no permission or port. */
static char *update_phrase(const plan_resource *r)
{
    plan_diff_entry *d;
    size_t n = plan_diff(r, &d), distinct = 0;
    bool beyond_tags = false;
    sbuf b = SBUF_INIT;
    sbuf_puts(&b, "updated");
    const char *prev = NULL;
    size_t prev_len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strcspn(d[i].path, ".[");
        if (prev && len == prev_len && !strncmp(prev, d[i].path, len))
            continue;
        prev = d[i].path;
        prev_len = len;
        char *name = xstrndup(d[i].path, len);
        beyond_tags |= !is_tag_map(name);
        if (distinct < 4)
            sbuf_printf(&b, "%s%s", distinct ? ", " : " (", name);
        distinct++;
        free(name);
    }
    if (distinct > 4)
        sbuf_puts(&b, ", ...");
    if (distinct)
        sbuf_putc(&b, ')');
    plan_diff_free(d, n);
    if (distinct && !beyond_tags) {
        sbuf_free(&b);
        return NULL;
    }
    return sbuf_detach(&b);
}

void risk_check_existing_changed(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (r->deposed)
        return;
    if (r->action == PLAN_ACT_UPDATE) {
        char *phrase = update_phrase(r);
        if (phrase)
            risk_emit(run, rule, r, NULL, "%s: %s", phrase, rule->spec.message);
        free(phrase);
    } else if (r->action == PLAN_ACT_REPLACE || r->action == PLAN_ACT_DELETE) {
        emit_phrased(run, rule, r, NULL, NULL);
    }
}

void risk_check_index_shift(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    const char *why = r->action_reason;
    if (!why)
        return;
    if (!strcmp(why, "delete_because_count_index"))
        risk_emit(run, rule, r, NULL, "count index gone: %s", rule->spec.message);
    else if (!strcmp(why, "delete_because_each_key"))
        risk_emit(run, rule, r, NULL, "for_each key gone: %s", rule->spec.message);
}

void risk_check_unknown_action(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (r->action == PLAN_ACT_UNKNOWN)
        risk_emit_text(run, rule, r, NULL, rule->spec.message);
}

void risk_check_rds_restart(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (r->deposed || r->action != PLAN_ACT_UPDATE)
        return;
    sbuf changed = SBUF_INIT;
    const char *first = NULL;
    for (size_t i = 0; i < rule->test.nnames; i++) {
        plan_val_state sb, sa;
        const json_t *before = plan_attr(r, false, rule->test.names[i], &sb);
        const json_t *after = plan_attr(r, true, rule->test.names[i], &sa);
        if (sa != PLAN_VAL_KNOWN || sb != PLAN_VAL_KNOWN || json_equal((json_t *)before, (json_t *)after))
            continue;
        sbuf_printf(&changed, "%s%s", first ? ", " : "", rule->test.names[i]);
        if (!first)
            first = rule->test.names[i];
    }
    if (first) {
        plan_val_state st;
        const json_t *now = plan_attr(r, true, "apply_immediately", &st);
        bool immediately = st == PLAN_VAL_KNOWN && json_is_true(now);
        risk_emit(run, rule, r, first, "%s changes: %s %s", sbuf_str(&changed), rule->spec.message,
                  immediately ? "during the apply (apply_immediately = true)" : "in the next maintenance window");
    }
    sbuf_free(&changed);
}

void risk_check_forgotten(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (r->deposed)
        return;
    if (r->action == PLAN_ACT_FORGET)
        risk_emit(run, rule, r, NULL, "removed from state: %s", rule->spec.message);
    else if (r->action == PLAN_ACT_REPLACE && r->replace_order == PLAN_ORDER_CREATE_THEN_FORGET)
        risk_emit(run, rule, r, NULL, "replaced, old object forgotten: %s", rule->spec.message);
}

/* Named switches true before and not true after (known false, or no
 * longer set) on an object the plan keeps or replaces; a delete of the
 * whole object counts when `whole_delete` (the setting goes with it). */
static void switches_turned_off(risk_run *run, const risk_rule *rule, const plan_resource *r, bool whole_delete)
{
    if (r->deposed)
        return;
    if (r->action == PLAN_ACT_DELETE) {
        if (!whole_delete)
            return;
        for (size_t i = 0; i < rule->test.nnames; i++)
            if (before_true(r, rule->test.names[i])) {
                risk_emit(run, rule, r, NULL, "deleted: %s", rule->spec.message);
                return;
            }
        return;
    }
    if (r->action != PLAN_ACT_UPDATE && r->action != PLAN_ACT_REPLACE)
        return;
    sbuf off = SBUF_INIT;
    const char *first = NULL;
    for (size_t i = 0; i < rule->test.nnames; i++) {
        plan_val_state st;
        const json_t *after = plan_attr(r, true, rule->test.names[i], &st);
        if (!before_true(r, rule->test.names[i]) || st == PLAN_VAL_UNKNOWN || (st == PLAN_VAL_KNOWN && json_is_true(after)))
            continue;
        sbuf_printf(&off, "%s%s", first ? ", " : "", rule->test.names[i]);
        if (!first)
            first = rule->test.names[i];
    }
    if (first)
        risk_emit(run, rule, r, first, "%s turned off: %s", sbuf_str(&off), rule->spec.message);
    sbuf_free(&off);
}

void risk_check_protection_removed(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    switches_turned_off(run, rule, r, true);
}

void risk_check_protection_off(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    switches_turned_off(run, rule, r, false);
}

/* ---- plan-wide ---------------------------------------------------------- */

void risk_check_plan_errored(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    (void)r;
    if (risk_run_plan(run)->errored)
        risk_emit_text(run, rule, NULL, NULL, rule->spec.message);
}

void risk_check_plan_incomplete(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    (void)r;
    const plan *p = risk_run_plan(run);
    /* An errored plan is also incomplete; CIR-PLAN-009 already says so. */
    if (!p->complete && !p->errored)
        risk_emit_text(run, rule, NULL, NULL, rule->spec.message);
}

/* Terraform (1.2+) lists in relevant_attributes the drifted attributes that
 * matter to this plan and shows only those; so do we.  A plan without the
 * list (older Terraform) reports every drifted resource, and an object
 * deleted outside Terraform is always reported. */
static bool drift_relevant(const plan *p, const plan_resource *d)
{
    const json_t *relevant = json_object_get(p->root, "relevant_attributes");
    if (!json_is_array(relevant) || d->action == PLAN_ACT_DELETE)
        return true;
    size_t i;
    json_t *e;
    json_array_foreach(relevant, i, e) {
        const char *addr = json_string_value(json_object_get(e, "resource"));
        if (addr && d->address && !strcmp(addr, d->address))
            return true;
    }
    return false;
}

void risk_check_plan_drift(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    (void)r;
    const plan *p = risk_run_plan(run);
    for (size_t i = 0; i < p->ndrift; i++) {
        const plan_resource *d = &p->drift[i];
        if (d->is_data || d->action == PLAN_ACT_NOOP || d->action == PLAN_ACT_READ || !drift_relevant(p, d))
            continue;
        if (d->action == PLAN_ACT_DELETE)
            risk_emit_text(run, rule, d, NULL,
                           "deleted outside Terraform since the last apply; find out why before this plan re-creates "
                           "or forgets it");
        else
            risk_emit_text(run, rule, d, NULL, rule->spec.message);
    }
}
