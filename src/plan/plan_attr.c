/*
 * plan_attr.c — reading one attribute of a resource change by path, for
 * cost models and risk rules: "instance_type", "root_block_device[0].size",
 * "tags[\"Name\"]" or "tags.Name".  On the after side after_unknown is
 * consulted at every step first, so a value known only after apply is
 * reported as unknown rather than read as "not set" (plan-json.md §5).
 */
#include "plan_internal.h"

#include "../core/mem.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void plan_path_free(plan_path_step *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(s[i].key);
    free(s);
}

/* Parses a quoted key starting at *p == '"'; advances past the quote. */
static char *parse_quoted(const char **p)
{
    const char *s = *p + 1;
    size_t cap = 16, n = 0;
    char *out = xmalloc(cap);
    while (*s && *s != '"') {
        if (*s == '\\' && s[1])
            s++;
        out = xgrow(out, &cap, n + 2, 1);
        out[n++] = *s++;
    }
    if (*s != '"') {
        free(out);
        return NULL;
    }
    out[n] = '\0';
    *p = s + 1;
    return out;
}

bool plan_path_parse(const char *path, plan_path_step **out, size_t *nout)
{
    plan_path_step *steps = NULL;
    size_t n = 0, cap = 0;
    const char *p = path;
    bool want_name = true;
    while (*p) {
        steps = xgrow(steps, &cap, n + 1, sizeof *steps);
        plan_path_step *st = &steps[n];
        memset(st, 0, sizeof *st);
        if (*p == '[') {
            p++;
            if (*p == '"') {
                if (!(st->key = parse_quoted(&p)))
                    goto bad;
            } else if (isdigit((unsigned char)*p)) {
                char *end;
                st->index = strtoull(p, &end, 10);
                st->is_index = true;
                p = end;
            } else {
                goto bad;
            }
            if (*p++ != ']')
                goto bad;
            n++;
            want_name = false;
            continue;
        }
        if (*p == '.' && !want_name)
            p++;
        else if (!want_name || *p == '.')
            goto bad;
        size_t len = strcspn(p, ".[");
        if (len == 0)
            goto bad;
        st->key = xstrndup(p, len);
        p += len;
        n++;
        want_name = false;
    }
    if (n == 0)
        goto bad;
    *out = steps;
    *nout = n;
    return true;
bad:
    plan_path_free(steps, n);
    return false;
}

static const json_t *child(const json_t *v, const plan_path_step *st)
{
    if (!v)
        return NULL;
    if (st->is_index)
        return json_is_array(v) ? json_array_get(v, st->index) : NULL;
    return json_is_object(v) ? json_object_get(v, st->key) : NULL;
}

const json_t *plan_attr(const plan_resource *r, bool use_after, const char *path,
                        plan_val_state *state)
{
    plan_val_state dummy;
    if (!state)
        state = &dummy;
    *state = PLAN_VAL_ABSENT;
    plan_path_step *steps;
    size_t n;
    if (!r || !path || !plan_path_parse(path, &steps, &n))
        return NULL;
    const json_t *v = use_after ? r->after : r->before;
    const json_t *u = use_after ? r->after_unknown : NULL;
    for (size_t i = 0; i < n && !json_is_true(u); i++) {
        v = child(v, &steps[i]);
        u = child(u, &steps[i]);
    }
    plan_path_free(steps, n);
    if (json_is_true(u)) {
        *state = PLAN_VAL_UNKNOWN;
        return NULL;
    }
    if (!v || json_is_null(v))
        return NULL;
    *state = PLAN_VAL_KNOWN;
    return v;
}

/* True when a sensitivity mark holds `true` anywhere. */
static bool mark_has_true(const json_t *m, int depth)
{
    if (json_is_true(m))
        return true;
    if (depth > 256)
        return true;   /* absurdly deep: assume sensitive rather than risk it */
    size_t i;
    const char *k;
    json_t *v;
    if (json_is_array(m)) {
        json_array_foreach(m, i, v)
            if (mark_has_true(v, depth + 1))
                return true;
    } else if (json_is_object(m)) {
        json_object_foreach((json_t *)m, k, v)
            if (mark_has_true(v, depth + 1))
                return true;
    }
    return false;
}

bool plan_mark_has_sensitive(const json_t *mark)
{
    return mark_has_true(mark, 0);
}

bool plan_attr_sensitive(const plan_resource *r, bool use_after, const char *path)
{
    plan_path_step *steps;
    size_t n;
    const json_t *m = use_after ? r->after_sensitive : r->before_sensitive;
    if (json_is_true(m))
        return true;
    if (!path || !plan_path_parse(path, &steps, &n))
        return mark_has_true(m, 0);   /* cannot tell which part: be safe */
    for (size_t i = 0; i < n && m && !json_is_true(m); i++)
        m = child(m, &steps[i]);
    plan_path_free(steps, n);
    return mark_has_true(m, 0);
}
