/*
 * plan_render_json.c — `circuit changes --format json`, schema
 * circuit.changes/v1.  Written with the JSON writer (core/jsonw.h), no
 * intermediate jansson tree, because a 10,000-resource plan must render in
 * a fraction of its parse time.  Field order is fixed and documented in the
 * README.
 */
#include "plan_render.h"

#include "../core/jsonw.h"
#include "../core/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A jansson real as its shortest of 15..17 significant digits that reads
 * back exactly, always with a '.' or an exponent so it stays a real. */
static void put_real(jw *w, double v)
{
    if (!isfinite(v)) {
        jw_null(w);
        return;
    }
    char buf[48];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    if (!strpbrk(buf, ".eE"))
        strcat(buf, ".0");
    jw_raw(w, buf);
}

/* A plan value, compact; numbers keep their precision. */
static void put_value(jw *w, const json_t *v)
{
    size_t i;
    const char *k;
    json_t *c;
    if (!v) {
        jw_null(w);
        return;
    }
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        jw_object(w, JW_COMPACT);
        json_object_foreach((json_t *)v, k, c) {
            jw_key(w, k);
            put_value(w, c);
        }
        jw_end_object(w);
        break;
    case JSON_ARRAY:
        jw_array(w, JW_COMPACT);
        json_array_foreach(v, i, c)
            put_value(w, c);
        jw_end_array(w);
        break;
    case JSON_STRING: jw_str(w, json_string_value(v)); break;
    case JSON_INTEGER: jw_int(w, (long long)json_integer_value(v)); break;
    case JSON_REAL: put_real(w, json_real_value(v)); break;
    case JSON_TRUE: jw_bool(w, true); break;
    case JSON_FALSE: jw_bool(w, false); break;
    case JSON_NULL: jw_null(w); break;
    }
}

static void put_side(jw *w, plan_diff_kind kind, const json_t *v)
{
    if (kind == PLAN_DIFF_UNKNOWN)
        jw_str(w, "(known after apply)");
    else if (kind == PLAN_DIFF_SENSITIVE)
        jw_str(w, "(sensitive)");
    else
        put_value(w, v);
}

static void put_changed(jw *w, const plan_resource *r)
{
    plan_diff_entry *d;
    size_t n = plan_diff(r, &d);
    jw_karray(w, "changed", JW_BLOCK);
    for (size_t i = 0; i < n; i++) {
        jw_object(w, JW_LINE);
        jw_kstr(w, "path", d[i].path);
        jw_key(w, "before");
        put_side(w, d[i].before_kind, d[i].before);
        jw_key(w, "after");
        put_side(w, d[i].after_kind, d[i].after);
        jw_end_object(w);
    }
    jw_end_array(w);
    plan_diff_free(d, n);
}

static void put_resource(jw *w, const plan_resource *r)
{
    jw_object(w, JW_BLOCK);
    jw_kstr_nonempty(w, "address", r->address);
    jw_kstr_nonempty(w, "module_address", r->module_address);
    jw_kstr_nonempty(w, "mode", r->mode);
    jw_kstr_nonempty(w, "type", r->type);
    jw_kstr_nonempty(w, "name", r->name);
    jw_key(w, "index");
    if (json_is_real(r->index))
        jw_fixed(w, json_real_value(r->index), 0);
    else
        put_value(w, r->index);
    jw_kstr_nonempty(w, "provider", r->provider);
    jw_kstr_nonempty(w, "action", plan_action_name(r->action));
    jw_kstr_nonempty(w, "replace_order", plan_replace_order_name(r->replace_order));
    jw_kstr_nonempty(w, "action_reason", r->action_reason);
    jw_key(w, "replace_paths");
    if (r->replace_paths)
        put_value(w, r->replace_paths);
    else
        jw_raw(w, "[]");          /* always an array, never null */
    jw_kstr_nonempty(w, "previous_address", r->previous_address);
    jw_kbool(w, "importing", r->importing);
    jw_kstr_nonempty(w, "deposed", r->deposed);
    jw_kstr_nonempty(w, "region", r->region);
    jw_kstr_nonempty(w, "region_source", plan_region_source_name(r->region_source));
    put_changed(w, r);
    jw_end_object(w);
}

static void put_list(jw *w, const char *key, const plan_resource *rs, size_t n)
{
    jw_karray(w, key, JW_BLOCK);
    for (size_t i = 0; i < n; i++)
        put_resource(w, &rs[i]);
    jw_end_array(w);
}

void plan_render_json(const plan *p, sbuf *o)
{
    plan_counts c;
    plan_count(p, &c);
    jw w;
    jw_begin_document(&w, o, JW_BLOCK, "circuit.changes/v1");
    jw_kobject(&w, "plan", JW_BLOCK);
    jw_kstr(&w, "format_version", p->format_version);
    jw_kstr(&w, "terraform_version", p->terraform_version);
    jw_kbool(&w, "errored", p->errored);
    jw_kbool(&w, "complete", p->complete);
    jw_end_object(&w);
    jw_kobject(&w, "summary", JW_LINE);
    jw_kuint(&w, "create", c.create);
    jw_kuint(&w, "update", c.update);
    jw_kuint(&w, "delete", c.delete_);
    jw_kuint(&w, "replace", c.replace);
    jw_kuint(&w, "read", c.read);
    jw_kuint(&w, "no_op", c.no_op);
    jw_kuint(&w, "forget", c.forget);
    jw_kuint(&w, "import", c.import);
    jw_kuint(&w, "move", c.move);
    jw_end_object(&w);
    put_list(&w, "resources", p->resources, p->nresources);
    put_list(&w, "drift", p->drift, p->ndrift);
    jw_end_document(&w);
}
