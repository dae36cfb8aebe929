/*
 * plan_classify.c — what a resource change does: the action class of a
 * `change.actions` list, the replace order, the names used in every output
 * format, and the summary counts of circuit.changes/v1.
 *
 * Classification is by set membership (plan-json.md §4), so a future
 * combination of known actions still lands in the right class:
 * create + (delete or forget) = replace; otherwise delete, forget, create,
 * update, read, no-op in that order of precedence.  A string we do not know
 * is refused by the caller rather than guessed (it could hide a destroy).
 */
#include "plan_internal.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <string.h>

enum { HAS_CREATE = 1, HAS_DELETE = 2, HAS_UPDATE = 4, HAS_READ = 8, HAS_NOOP = 16, HAS_FORGET = 32 };

static const struct {
    const char *name;
    int bit;
} action_words[] = {
    {"create", HAS_CREATE}, {"delete", HAS_DELETE}, {"update", HAS_UPDATE},
    {"read", HAS_READ},     {"no-op", HAS_NOOP},    {"forget", HAS_FORGET},
};

static int action_bit(const char *s)
{
    for (size_t i = 0; i < sizeof action_words / sizeof action_words[0]; i++)
        if (strcmp(s, action_words[i].name) == 0)
            return action_words[i].bit;
    return 0;
}

bool plan_classify_actions(const json_t *actions, plan_action *action,
                           plan_replace_order *order, const char **bad)
{
    *action = PLAN_ACT_UNKNOWN;
    *order = PLAN_ORDER_NONE;
    *bad = NULL;
    if (!json_is_array(actions) || json_array_size(actions) == 0)
        return false;
    int seen = 0;
    size_t create_at = 0, delete_at = 0, i;
    json_t *v;
    json_array_foreach(actions, i, v) {
        const char *s = json_string_value(v);
        if (!s)
            return false;
        int bit = action_bit(s);
        if (!bit) {
            *bad = s;
            return false;
        }
        if (bit == HAS_CREATE && !(seen & HAS_CREATE))
            create_at = i;
        if (bit == HAS_DELETE && !(seen & HAS_DELETE))
            delete_at = i;
        seen |= bit;
    }
    if ((seen & HAS_CREATE) && (seen & HAS_DELETE)) {
        *action = PLAN_ACT_REPLACE;
        *order = delete_at < create_at ? PLAN_ORDER_DELETE_BEFORE_CREATE
                                       : PLAN_ORDER_CREATE_BEFORE_DELETE;
    } else if ((seen & HAS_CREATE) && (seen & HAS_FORGET)) {
        *action = PLAN_ACT_REPLACE;
        *order = PLAN_ORDER_CREATE_THEN_FORGET;
    } else if (seen & HAS_DELETE) {
        *action = PLAN_ACT_DELETE;
    } else if (seen & HAS_FORGET) {
        *action = PLAN_ACT_FORGET;
    } else if (seen & HAS_CREATE) {
        *action = PLAN_ACT_CREATE;
    } else if (seen & HAS_UPDATE) {
        *action = PLAN_ACT_UPDATE;
    } else if (seen & HAS_READ) {
        *action = PLAN_ACT_READ;
    } else {
        *action = PLAN_ACT_NOOP;
    }
    return true;
}

const char *plan_action_name(plan_action a)
{
    switch (a) {
    case PLAN_ACT_NOOP: return "no-op";
    case PLAN_ACT_CREATE: return "create";
    case PLAN_ACT_READ: return "read";
    case PLAN_ACT_UPDATE: return "update";
    case PLAN_ACT_REPLACE: return "replace";
    case PLAN_ACT_DELETE: return "delete";
    case PLAN_ACT_FORGET: return "forget";
    case PLAN_ACT_UNKNOWN: return "unknown";
    }
    return "unknown";
}

const char *plan_replace_order_name(plan_replace_order o)
{
    switch (o) {
    case PLAN_ORDER_NONE: return "";
    case PLAN_ORDER_DELETE_BEFORE_CREATE: return "delete-before-create";
    case PLAN_ORDER_CREATE_BEFORE_DELETE: return "create-before-delete";
    case PLAN_ORDER_CREATE_THEN_FORGET: return "create-then-forget";
    }
    return "";
}

const char *plan_region_source_name(plan_region_source s)
{
    switch (s) {
    case PLAN_REGION_NONE: return "";
    case PLAN_REGION_RESOURCE: return "resource";
    case PLAN_REGION_PROVIDER: return "provider";
    case PLAN_REGION_VARIABLE: return "provider-variable";
    case PLAN_REGION_FLAG: return "flag";
    case PLAN_REGION_ENV_AWS_REGION: return "AWS_REGION";
    case PLAN_REGION_ENV_AWS_DEFAULT_REGION: return "AWS_DEFAULT_REGION";
    case PLAN_REGION_DEFAULT: return "default";
    }
    return "";
}

const char *plan_provider_short(const char *provider_name)
{
    if (!provider_name)
        return "";
    const char *slash = strrchr(provider_name, '/');
    return slash ? slash + 1 : provider_name;
}

char *plan_index_text(const json_t *index)
{
    if (json_is_integer(index))
        return xasprintf("[%lld]", (long long)json_integer_value(index));
    if (json_is_real(index))
        return xasprintf("[%.0f]", json_real_value(index));
    if (json_is_string(index)) {
        sbuf b = SBUF_INIT;
        sbuf_putc(&b, '[');
        sbuf_json_str(&b, json_string_value(index));
        sbuf_putc(&b, ']');
        return sbuf_detach(&b);
    }
    return xstrdup("");
}

void plan_count(const plan *p, plan_counts *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < p->nresources; i++) {
        const plan_resource *r = &p->resources[i];
        switch (r->action) {
        case PLAN_ACT_CREATE: c->create++; break;
        case PLAN_ACT_UPDATE: c->update++; break;
        case PLAN_ACT_DELETE: c->delete_++; break;
        case PLAN_ACT_REPLACE: c->replace++; break;
        case PLAN_ACT_READ: c->read++; break;
        case PLAN_ACT_NOOP: c->no_op++; break;
        case PLAN_ACT_FORGET: c->forget++; break;
        case PLAN_ACT_UNKNOWN: c->unknown++; break;
        }
        if (r->importing)
            c->import++;
        if (r->previous_address)
            c->move++;
    }
}
