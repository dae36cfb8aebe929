/*
 * plan_render_json.c — `circuit changes --format json`, schema
 * circuit.changes/v1.  Written straight into an sbuf (no intermediate
 * jansson tree) because a 10,000-resource plan must render in a fraction
 * of its parse time.  Field order is fixed and documented in the README.
 */
#include "plan_render.h"

#include "../core/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_real(sbuf *out, double v)
{
    if (!isfinite(v)) {
        sbuf_puts(out, "null");
        return;
    }
    char buf[40];
    /* Shortest of 15..17 significant digits that reads back exactly. */
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    sbuf_puts(out, buf);
    if (!strpbrk(buf, ".eE"))
        sbuf_puts(out, ".0");
}

void plan_json_put(sbuf *out, const json_t *v)
{
    size_t i;
    const char *k;
    json_t *c;
    if (!v) {
        sbuf_puts(out, "null");
        return;
    }
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        sbuf_putc(out, '{');
        i = 0;
        json_object_foreach((json_t *)v, k, c) {
            if (i++)
                sbuf_putc(out, ',');
            sbuf_json_str(out, k);
            sbuf_putc(out, ':');
            plan_json_put(out, c);
        }
        sbuf_putc(out, '}');
        break;
    case JSON_ARRAY:
        sbuf_putc(out, '[');
        json_array_foreach(v, i, c) {
            if (i)
                sbuf_putc(out, ',');
            plan_json_put(out, c);
        }
        sbuf_putc(out, ']');
        break;
    case JSON_STRING:
        sbuf_json_str(out, json_string_value(v));
        break;
    case JSON_INTEGER:
        sbuf_printf(out, "%lld", (long long)json_integer_value(v));
        break;
    case JSON_REAL:
        put_real(out, json_real_value(v));
        break;
    case JSON_TRUE: sbuf_puts(out, "true"); break;
    case JSON_FALSE: sbuf_puts(out, "false"); break;
    case JSON_NULL: sbuf_puts(out, "null"); break;
    }
}

static void field_str(sbuf *o, const char *key, const char *v, bool last)
{
    sbuf_puts(o, "      \"");
    sbuf_puts(o, key);
    sbuf_puts(o, "\": ");
    sbuf_json_str(o, v && *v ? v : NULL);
    sbuf_puts(o, last ? "\n" : ",\n");
}

static void put_side(sbuf *o, plan_diff_kind kind, const json_t *v)
{
    if (kind == PLAN_DIFF_UNKNOWN)
        sbuf_puts(o, "\"(known after apply)\"");
    else if (kind == PLAN_DIFF_SENSITIVE)
        sbuf_puts(o, "\"(sensitive)\"");
    else
        plan_json_put(o, v);
}

static void put_changed(sbuf *o, const plan_resource *r)
{
    plan_diff_entry *d;
    size_t n = plan_diff(r, &d);
    if (!n) {
        sbuf_puts(o, "      \"changed\": []\n");
        return;
    }
    sbuf_puts(o, "      \"changed\": [\n");
    for (size_t i = 0; i < n; i++) {
        sbuf_puts(o, "        {\"path\": ");
        sbuf_json_str(o, d[i].path);
        sbuf_puts(o, ", \"before\": ");
        put_side(o, d[i].before_kind, d[i].before);
        sbuf_puts(o, ", \"after\": ");
        put_side(o, d[i].after_kind, d[i].after);
        sbuf_puts(o, i + 1 < n ? "},\n" : "}\n");
    }
    sbuf_puts(o, "      ]\n");
    plan_diff_free(d, n);
}

static void put_index(sbuf *o, const json_t *index)
{
    if (json_is_real(index))
        sbuf_printf(o, "%.0f", json_real_value(index));
    else
        plan_json_put(o, index);
}

static void put_resource(sbuf *o, const plan_resource *r, bool last)
{
    sbuf_puts(o, "    {\n");
    field_str(o, "address", r->address, false);
    field_str(o, "module_address", r->module_address, false);
    field_str(o, "mode", r->mode, false);
    field_str(o, "type", r->type, false);
    field_str(o, "name", r->name, false);
    sbuf_puts(o, "      \"index\": ");
    put_index(o, r->index);
    sbuf_puts(o, ",\n");
    field_str(o, "provider", r->provider, false);
    field_str(o, "action", plan_action_name(r->action), false);
    field_str(o, "replace_order", plan_replace_order_name(r->replace_order), false);
    field_str(o, "action_reason", r->action_reason, false);
    sbuf_puts(o, "      \"replace_paths\": ");
    if (r->replace_paths)
        plan_json_put(o, r->replace_paths);
    else
        sbuf_puts(o, "[]");          /* always an array, never null */
    sbuf_puts(o, ",\n");
    field_str(o, "previous_address", r->previous_address, false);
    sbuf_printf(o, "      \"importing\": %s,\n", r->importing ? "true" : "false");
    field_str(o, "deposed", r->deposed, false);
    field_str(o, "region", r->region, false);
    field_str(o, "region_source", plan_region_source_name(r->region_source), false);
    put_changed(o, r);
    sbuf_puts(o, last ? "    }\n" : "    },\n");
}

static void put_list(sbuf *o, const char *key, const plan_resource *rs, size_t n, bool last)
{
    sbuf_printf(o, "  \"%s\": [", key);
    if (!n) {
        sbuf_puts(o, last ? "]\n" : "],\n");
        return;
    }
    sbuf_putc(o, '\n');
    for (size_t i = 0; i < n; i++)
        put_resource(o, &rs[i], i + 1 == n);
    sbuf_puts(o, last ? "  ]\n" : "  ],\n");
}

void plan_render_json(const plan *p, sbuf *o)
{
    plan_counts c;
    plan_count(p, &c);
    sbuf_puts(o, "{\n  \"schema\": \"circuit.changes/v1\",\n  \"plan\": {\n    \"format_version\": ");
    sbuf_json_str(o, p->format_version);
    sbuf_puts(o, ",\n    \"terraform_version\": ");
    sbuf_json_str(o, p->terraform_version);
    sbuf_printf(o, ",\n    \"errored\": %s,\n    \"complete\": %s\n  },\n",
                p->errored ? "true" : "false", p->complete ? "true" : "false");
    sbuf_printf(o, "  \"summary\": {\"create\": %zu, \"update\": %zu, \"delete\": %zu, "
                "\"replace\": %zu, \"read\": %zu, \"no_op\": %zu, \"forget\": %zu, "
                "\"import\": %zu, \"move\": %zu},\n",
                c.create, c.update, c.delete_, c.replace, c.read, c.no_op, c.forget, c.import,
                c.move);
    put_list(o, "resources", p->resources, p->nresources, false);
    put_list(o, "drift", p->drift, p->ndrift, true);
    sbuf_puts(o, "}\n");
}
