/*
 * plan_diff.c — the changed attributes of an update or replace: a deep,
 * leaf-by-leaf comparison of change.before and change.after giving
 * Terraform-style paths (root_block_device[0].volume_size, tags["Name"]).
 *
 * Masking happens here, once, for every renderer: a side marked sensitive
 * (a `true` in before_sensitive / after_sensitive at that node or above,
 * including a whole-object `true`) becomes PLAN_DIFF_SENSITIVE and its
 * value is never copied; a value that is a container with sensitive parts
 * is copied with those parts replaced by "(sensitive)".  An after value
 * marked in after_unknown becomes PLAN_DIFF_UNKNOWN.
 *
 * Path style: object keys that look like schema attribute names
 * ([a-z_][a-z0-9_]*) are written .name; other keys, and every key inside a
 * well-known map attribute (tags, labels, ...), are written ["key"], since
 * the JSON alone cannot tell a map from a nested object.
 */
#include "plan_internal.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 128

static const char *const map_attrs[] = {
    "tags", "tags_all", "labels", "variables", "environment", "environment_variables",
    "parameters", "triggers", "annotations", "metadata", "default_tags", "context",
};

typedef struct diff_ctx {
    plan_diff_entry *e;
    size_t n, cap;
    sbuf path;
} diff_ctx;

static bool eq(const json_t *a, const json_t *b)
{
    if (!a || json_is_null(a))
        return !b || json_is_null(b);
    if (!b)
        return false;
    return json_equal(a, b);
}

static bool is_attr_name(const char *k)
{
    if (!((*k >= 'a' && *k <= 'z') || *k == '_'))
        return false;
    for (; *k; k++)
        if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_'))
            return false;
    return true;
}

static bool is_map_attr(const char *k)
{
    for (size_t i = 0; i < sizeof map_attrs / sizeof map_attrs[0]; i++)
        if (k && strcmp(k, map_attrs[i]) == 0)
            return true;
    return false;
}

/* A copy of `v` with sensitive and unknown parts replaced by markers. */
static json_t *masked(const json_t *v, const json_t *sens, const json_t *unk, int depth)
{
    if (json_is_true(sens) || depth > MAX_DEPTH)
        return json_string("(sensitive)");
    if (json_is_true(unk))
        return json_string("(known after apply)");
    if (!v)
        return json_null();
    /* Copies, never references: a diff may outlive its plan's arena. */
    if (!plan_mark_has_sensitive(sens) && !plan_mark_has_sensitive(unk))
        return json_deep_copy(v);
    if (json_is_array(v)) {
        json_t *out = json_array();
        for (size_t i = 0; i < json_array_size(v); i++)
            json_array_append_new(out, masked(json_array_get(v, i), json_array_get(sens, i),
                                              json_array_get(unk, i), depth + 1));
        return out;
    }
    if (json_is_object(v) || json_is_object(unk)) {
        json_t *out = json_object();
        const char *k;
        json_t *c;
        json_object_foreach((json_t *)v, k, c)
            json_object_set_new(out, k, masked(c, json_object_get(sens, k),
                                               json_object_get(unk, k), depth + 1));
        json_object_foreach((json_t *)unk, k, c)
            if (json_is_true(c) && !json_object_get(v, k))
                json_object_set_new(out, k, json_string("(known after apply)"));
        return out;
    }
    return json_deep_copy(v);
}

static void emit(diff_ctx *x, const json_t *b, const json_t *a, const json_t *au,
                 const json_t *bs, const json_t *as)
{
    x->e = xgrow(x->e, &x->cap, x->n + 1, sizeof *x->e);
    plan_diff_entry *d = &x->e[x->n++];
    memset(d, 0, sizeof *d);
    d->path = xstrdup(x->path.len ? sbuf_str(&x->path) : "(all attributes)");
    if (json_is_true(bs)) {
        d->before_kind = PLAN_DIFF_SENSITIVE;
    } else {
        d->before_kind = PLAN_DIFF_VALUE;
        d->before = masked(b, bs, NULL, 0);
    }
    if (json_is_true(as)) {
        d->after_kind = PLAN_DIFF_SENSITIVE;
    } else if (json_is_true(au)) {
        d->after_kind = PLAN_DIFF_UNKNOWN;
    } else {
        d->after_kind = PLAN_DIFF_VALUE;
        d->after = masked(a, as, au, 0);
    }
}

typedef enum { K_NONE, K_SCALAR, K_OBJECT, K_ARRAY } node_kind;

static node_kind kind_of(const json_t *v)
{
    if (!v || json_is_null(v))
        return K_NONE;
    return json_is_object(v) ? K_OBJECT : json_is_array(v) ? K_ARRAY : K_SCALAR;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void walk(diff_ctx *x, const json_t *b, const json_t *a, const json_t *au,
                 const json_t *bs, const json_t *as, const char *attr, int depth);

static void walk_object(diff_ctx *x, const json_t *b, const json_t *a, const json_t *au,
                        const json_t *bs, const json_t *as, const char *attr, int depth)
{
    size_t cap = json_object_size(b) + json_object_size(a) + json_object_size(au);
    const char **keys = xmalloc((cap ? cap : 1) * sizeof *keys);
    size_t n = 0;
    const json_t *srcs[3] = {b, a, au};
    for (size_t s = 0; s < 3; s++) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)srcs[s], k, v)
            keys[n++] = k;
    }
    qsort(keys, n, sizeof *keys, cmp_str);
    size_t base = x->path.len;
    bool in_map = is_map_attr(attr);
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(keys[i], keys[i - 1]) == 0)
            continue;
        const char *k = keys[i];
        if (base == 0 && !in_map) {
            sbuf_puts(&x->path, k);
        } else if (!in_map && is_attr_name(k)) {
            sbuf_putc(&x->path, '.');
            sbuf_puts(&x->path, k);
        } else {
            sbuf_putc(&x->path, '[');
            sbuf_json_str(&x->path, k);
            sbuf_putc(&x->path, ']');
        }
        walk(x, json_object_get(b, k), json_object_get(a, k), json_object_get(au, k),
             json_object_get(bs, k), json_object_get(as, k), k, depth + 1);
        x->path.len = base;
        if (x->path.data)
            x->path.data[base] = '\0';
    }
    free(keys);
}

/* ---- arrays: elements matched by value, then by likeness -------------------
 *
 * Sets (security group rules, NACL entries, block device sets) come in the
 * provider's hash order, so an added or changed element moves the others:
 * comparing by position would report every shifted element as changed.
 * Elements equal on both sides are matched first, wherever they sit; each
 * element left over is paired with the left-over element that shares most
 * of its fields (the same one when it sits at the same index, so an
 * in-place edit of a list keeps its index), and what is still left is
 * reported as removed (before index) or added (after index). */

typedef struct arr_op {
    size_t key;      /* index shown: before index for removals, after index otherwise */
    int order;       /* removals sort before the pair or addition at that index */
    long bi, ai;     /* -1 when absent on that side */
} arr_op;

static bool has_unknown(const json_t *au)
{
    return plan_mark_has_sensitive(au);   /* "any true inside" */
}

/* Top-level fields equal in two objects; 0 for anything else. */
static size_t likeness(const json_t *b, const json_t *a)
{
    if (!json_is_object(b) || !json_is_object(a))
        return 0;
    size_t same = 0;
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)b, k, v)
        if (eq(v, json_object_get(a, k)))
            same++;
    return same;
}

static int cmp_op(const void *p, const void *q)
{
    const arr_op *x = p, *y = q;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->order - y->order;
}

static void walk_array(diff_ctx *x, const json_t *b, const json_t *a, const json_t *au,
                       const json_t *bs, const json_t *as, int depth)
{
    size_t nb = json_array_size(b), na = json_array_size(a);
    if (json_array_size(au) > na)
        na = json_array_size(au);
    long *pair_of_b = xmalloc((nb ? nb : 1) * sizeof *pair_of_b);
    bool *used_a = xcalloc(na ? na : 1, sizeof *used_a);
    for (size_t i = 0; i < nb; i++)
        pair_of_b[i] = -1;
    /* 1. equal elements, at the same index first, then anywhere */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < nb; i++) {
            if (pair_of_b[i] >= 0)
                continue;
            for (size_t j = pass ? 0 : i; j < (pass ? na : (i < na ? i + 1 : 0)); j++) {
                const json_t *aj = json_array_get(a, j);
                if (!used_a[j] && aj && !has_unknown(json_array_get(au, j)) &&
                    eq(json_array_get(b, i), aj)) {
                    pair_of_b[i] = (long)j;
                    used_a[j] = true;
                    break;
                }
            }
        }
    /* 2. the rest: the same index, or the most alike object */
    for (size_t i = 0; i < nb; i++) {
        if (pair_of_b[i] >= 0)
            continue;
        const json_t *bi = json_array_get(b, i);
        long best = -1;
        size_t best_score = 0;
        for (size_t j = 0; j < na; j++) {
            if (used_a[j])
                continue;
            size_t score = likeness(bi, json_array_get(a, j));
            if (score > best_score || (j == i && score >= best_score)) {
                best = (long)j;
                best_score = score;
            }
        }
        bool same_index = best == (long)i;
        bool alike = json_is_object(bi) && best_score * 2 > json_object_size(bi);
        if (best >= 0 && (same_index || alike)) {
            pair_of_b[i] = best;
            used_a[best] = true;
        }
    }
    arr_op *ops = xmalloc((nb + na + 1) * sizeof *ops);
    size_t nops = 0;
    for (size_t i = 0; i < nb; i++)
        if (pair_of_b[i] < 0)
            ops[nops++] = (arr_op){i, 0, (long)i, -1};
        else
            ops[nops++] = (arr_op){(size_t)pair_of_b[i], 1, (long)i, pair_of_b[i]};
    for (size_t j = 0; j < na; j++)
        if (!used_a[j])
            ops[nops++] = (arr_op){j, 1, -1, (long)j};
    qsort(ops, nops, sizeof *ops, cmp_op);
    size_t base = x->path.len;
    for (size_t k = 0; k < nops; k++) {
        const arr_op *op = &ops[k];
        const json_t *bv = op->bi >= 0 ? json_array_get(b, (size_t)op->bi) : NULL;
        const json_t *bsv = op->bi >= 0 ? json_array_get(bs, (size_t)op->bi) : NULL;
        const json_t *av = op->ai >= 0 ? json_array_get(a, (size_t)op->ai) : NULL;
        const json_t *auv = op->ai >= 0 ? json_array_get(au, (size_t)op->ai) : NULL;
        const json_t *asv = op->ai >= 0 ? json_array_get(as, (size_t)op->ai) : NULL;
        sbuf_printf(&x->path, "[%zu]", op->key);
        walk(x, bv, av, auv, bsv, asv, NULL, depth + 1);
        x->path.len = base;
        x->path.data[base] = '\0';
    }
    free(ops);
    free(used_a);
    free(pair_of_b);
}

static void walk(diff_ctx *x, const json_t *b, const json_t *a, const json_t *au,
                 const json_t *bs, const json_t *as, const char *attr, int depth)
{
    if (json_is_true(bs) || json_is_true(as)) {
        if (json_is_true(au) || !eq(b, a))
            emit(x, b, a, au, bs, as);
        return;
    }
    if (json_is_true(au)) {
        emit(x, b, a, au, bs, as);
        return;
    }
    node_kind kb = kind_of(b), ka = kind_of(a);
    if (ka == K_NONE && (json_is_object(au) || json_is_array(au)))
        ka = json_is_object(au) ? K_OBJECT : K_ARRAY;
    node_kind k = kb == K_NONE ? ka : kb;
    bool nested = (k == K_OBJECT || k == K_ARRAY) && (kb == ka || kb == K_NONE || ka == K_NONE);
    if (nested && depth < MAX_DEPTH) {
        const json_t *present = kb == K_NONE ? (a ? a : au) : b;
        bool empty = json_is_object(present) ? json_object_size(present) == 0
                                             : json_array_size(present) == 0;
        if ((kb == K_NONE || ka == K_NONE) && empty && json_object_size(au) == 0 &&
            json_array_size(au) == 0) {
            if (!eq(b, a))
                emit(x, b, a, au, bs, as);
            return;
        }
        if (k == K_OBJECT)
            walk_object(x, b, a, au, bs, as, attr, depth);
        else
            walk_array(x, b, a, au, bs, as, depth);
        return;
    }
    if (!eq(b, a))
        emit(x, b, a, au, bs, as);
}

size_t plan_diff(const plan_resource *r, plan_diff_entry **out)
{
    *out = NULL;
    if (!r || (r->action != PLAN_ACT_UPDATE && r->action != PLAN_ACT_REPLACE))
        return 0;
    diff_ctx x;
    memset(&x, 0, sizeof x);
    walk(&x, r->before, r->after, r->after_unknown, r->before_sensitive, r->after_sensitive,
         NULL, 0);
    sbuf_free(&x.path);
    *out = x.e;
    return x.n;
}

void plan_diff_free(plan_diff_entry *d, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(d[i].path);
        json_decref(d[i].before);
        json_decref(d[i].after);
    }
    free(d);
}

char *plan_diff_text(plan_diff_kind kind, const json_t *v)
{
    if (kind == PLAN_DIFF_UNKNOWN)
        return xstrdup("(known after apply)");
    if (kind == PLAN_DIFF_SENSITIVE)
        return xstrdup("(sensitive)");
    if (!v || json_is_null(v))
        return xstrdup("null");
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!s)
        return xstrdup("(unprintable)");
    char *out = xstrdup(s);
    free(s);
    return out;
}

char *plan_path_text(const json_t *steps)
{
    sbuf b = SBUF_INIT;
    const char *prev = NULL;
    size_t i;
    const json_t *st;
    json_array_foreach(steps, i, st) {
        if (json_is_integer(st)) {
            sbuf_printf(&b, "[%lld]", (long long)json_integer_value(st));
            prev = NULL;
            continue;
        }
        const char *k = json_string_value(st);
        if (!k)
            k = "?";
        if (i == 0) {
            sbuf_puts(&b, k);
        } else if (!is_map_attr(prev) && is_attr_name(k)) {
            sbuf_putc(&b, '.');
            sbuf_puts(&b, k);
        } else {
            sbuf_putc(&b, '[');
            sbuf_json_str(&b, k);
            sbuf_putc(&b, ']');
        }
        prev = k;
    }
    return sbuf_detach(&b);
}
