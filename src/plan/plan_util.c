/*
 * plan_util.c — small pieces the plan reader shares: the string map used to
 * index configuration resources, the warning list, module-address parsing
 * and the JSON type names used in error messages.
 */
#include "plan_internal.h"

#include "../core/mem.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a: short keys, no adversary worth a keyed hash here. */
static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

static pmap_slot *find_slot(pmap_slot *slots, size_t cap, const char *key, size_t h)
{
    size_t mask = cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (!slots[i].key || (slots[i].hash == h && strcmp(slots[i].key, key) == 0))
            return &slots[i];
    }
}

static void pmap_grow(pmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    pmap_slot *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        *find_slot(slots, cap, m->slots[i].key, m->slots[i].hash) = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void pmap_put(pmap *m, const char *key, const void *value)
{
    if ((m->n + 1) * 2 > m->cap)
        pmap_grow(m);
    size_t h = hash_str(key);
    pmap_slot *s = find_slot(m->slots, m->cap, key, h);
    if (!s->key) {
        s->key = xstrdup(key);
        s->hash = h;
        m->n++;
    }
    s->value = value;
}

const void *pmap_get(const pmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    pmap_slot *s = find_slot(m->slots, m->cap, key, hash_str(key));
    return s->key ? s->value : NULL;
}

void pmap_free(pmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

void plan_warn_add(plan_warnings *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0) {
        va_end(ap);
        s = xstrdup("(warning text lost: out of memory)");
    } else {
        va_end(ap);
    }
    w->items = xgrow(w->items, &w->cap, w->n + 1, sizeof *w->items);
    w->items[w->n++] = s;
}

void plan_warn_free(plan_warnings *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->items[i]);
    free(w->items);
    memset(w, 0, sizeof *w);
}

/* Skips a bracketed instance key starting at s[0] == '['; returns the
 * character after the closing ']' or NULL when it never closes. */
static const char *skip_key(const char *s)
{
    assert(*s == '[');
    s++;
    if (*s == '"') {
        for (s++; *s && *s != '"'; s++)
            if (*s == '\\' && s[1])
                s++;
        if (*s != '"')
            return NULL;
        s++;
    } else {
        while (*s && *s != ']')
            s++;
    }
    return *s == ']' ? s + 1 : NULL;
}

char *plan_module_path(const char *module_address)
{
    if (!module_address)
        return xstrdup("");
    size_t len = strlen(module_address);
    char *out = xmalloc(len + 1);
    size_t o = 0;
    const char *s = module_address;
    while (*s) {
        if (strncmp(s, "module.", 7) != 0)
            goto bad;
        if (o)
            out[o++] = '.';
        memcpy(out + o, s, 7);
        o += 7;
        s += 7;
        size_t n = strcspn(s, ".[");
        if (n == 0)
            goto bad;
        memcpy(out + o, s, n);
        o += n;
        s += n;
        if (*s == '[' && !(s = skip_key(s)))
            goto bad;
        if (*s == '.')
            s++;
        else if (*s)
            goto bad;
    }
    out[o] = '\0';
    return out;
bad:
    free(out);
    return NULL;
}

const char *plan_json_kind(const json_t *v)
{
    if (!v)
        return "nothing";
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "an unknown value";
}
