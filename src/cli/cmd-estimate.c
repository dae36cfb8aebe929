/*
 * cmd-estimate.c — `circuit estimate TYPE [attr=value...]`: the monthly
 * price of one resource without writing Terraform.  The arguments become a
 * one-resource plan (a create of TYPE.estimate with those attributes) that
 * goes through the same plan reader and cost engine as `circuit cost`.
 *
 *   circuit estimate aws_db_instance instance_class=db.r6g.large engine=postgres \
 *       multi_az=true allocated_storage=100 --region eu-west-1
 *
 * Nested attributes are dotted paths with list indices
 * (root_block_device.0.volume_size=50); numbers and true/false are typed,
 * a value starting with [ { or " is read as JSON, anything else is a string.
 */
#include "cli.h"

#include "../core/mem.h"
#include "../core/out.h"
#include "../core/sbuf.h"
#include "../core/utf8.h"
#include "../cost/cost.h"
#include "../cost/cost_render.h"
#include "../plan/plan.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOPIC "estimate"

static bool is_index(const char *s, size_t len)
{
    if (!len || len > 6)
        return false;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static bool looks_numeric(const char *v)
{
    const char *p = v;
    if (*p == '-')
        p++;
    if (*p < '0' || *p > '9')
        return false;
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

/* The JSON value of one argument's right-hand side (new reference). */
static json_t *parse_value(const char *arg, const char *v, cir_err *err)
{
    if (strcmp(v, "true") == 0)
        return json_true();
    if (strcmp(v, "false") == 0)
        return json_false();
    if (strcmp(v, "null") == 0)
        return json_null();
    if (looks_numeric(v)) {
        json_error_t je;
        json_t *n = json_loads(v, JSON_DECODE_ANY, &je);
        if (n)
            return n;
    }
    if (*v == '[' || *v == '{' || *v == '"') {
        json_error_t je;
        json_t *j = json_loads(v, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &je);
        if (!j)
            cir_error(err, CIR_EUSAGE, TOPIC, "%s: the value is not valid JSON: %s", arg, je.text);
        return j;
    }
    return json_string(v);
}

/* Sets `value` (stolen) at the dotted `path` under `root`. */
static cir_code set_path(json_t *root, const char *arg, const char *path, size_t plen, json_t *value,
                         cir_err *err)
{
    json_t *cur = root;
    const char *p = path, *end = path + plen;
    while (p < end) {
        const char *dot = memchr(p, '.', (size_t)(end - p));
        size_t len = dot ? (size_t)(dot - p) : (size_t)(end - p);
        bool last = !dot;
        if (len == 0) {
            json_decref(value);
            return cir_error(err, CIR_EUSAGE, TOPIC, "%s: empty name in the attribute path", arg);
        }
        char *seg = xstrndup(p, len);
        const char *next = dot ? dot + 1 : end;
        bool next_index = !last && is_index(next, strcspn(next, "."));
        json_t *child;
        cir_code rc = CIR_OK;
        if (json_is_array(cur)) {
            size_t idx = is_index(seg, len) ? strtoul(seg, NULL, 10) : (size_t)-1;
            if (idx == (size_t)-1 || idx > json_array_size(cur)) {
                rc = cir_error(err, CIR_EUSAGE, TOPIC,
                               "%s: list index \"%s\" must be the next free index (%zu)", arg, seg,
                               json_array_size(cur));
            } else if (last) {
                if (idx < json_array_size(cur))
                    rc = cir_error(err, CIR_EUSAGE, TOPIC, "%s: given twice", arg);
                else
                    json_array_append(cur, value);
            } else {
                child = json_array_get(cur, idx);
                if (!child) {
                    child = next_index ? json_array() : json_object();
                    json_array_append_new(cur, child);
                }
                cur = child;
            }
        } else {
            child = json_object_get(cur, seg);
            if (last) {
                if (child)
                    rc = cir_error(err, CIR_EUSAGE, TOPIC, "%s: \"%s\" is given twice", arg, seg);
                else if (json_object_set(cur, seg, value) != 0)
                    rc = cir_error(err, CIR_EUSAGE, TOPIC, "%s: not a valid attribute name", arg);
            } else if (!child) {
                /* set_new frees `child` when it fails: test before using it. */
                child = next_index ? json_array() : json_object();
                if (json_object_set_new(cur, seg, child) != 0)
                    rc = cir_error(err, CIR_EUSAGE, TOPIC, "%s: not a valid attribute name", arg);
                else
                    cur = child;
            } else {
                cur = child;
            }
        }
        free(seg);
        if (rc == CIR_OK && !last && !json_is_object(cur) && !json_is_array(cur))
            rc = cir_error(err, CIR_EUSAGE, TOPIC, "%s: a value is already set at a part of this path", arg);
        if (rc == CIR_OK && !last && next_index != json_is_array(cur))
            rc = cir_error(err, CIR_EUSAGE, TOPIC, "%s: conflicts with an earlier attribute", arg);
        if (rc != CIR_OK) {
            json_decref(value);
            return rc;
        }
        p = next;
    }
    json_decref(value);
    return CIR_OK;
}

static cir_code build_after(const cli_opts *o, json_t **out, cir_err *err)
{
    json_t *after = json_object();
    for (size_t i = 1; i < o->args.n; i++) {
        const char *arg = o->args.items[i];
        if (!utf8_valid(arg, strlen(arg), NULL)) {
            json_decref(after);
            return cir_error(err, CIR_EUSAGE, TOPIC, "argument %zu is not valid UTF-8 text", i + 1);
        }
        const char *eq = strchr(arg, '=');
        if (!eq || eq == arg) {
            json_decref(after);
            return cir_error(err, CIR_EUSAGE, TOPIC, "\"%s\": want attr=value", arg);
        }
        json_t *v = parse_value(arg, eq + 1, err);
        if (!v) {
            json_decref(after);
            return err->code;
        }
        if (set_path(after, arg, arg, (size_t)(eq - arg), v, err) != CIR_OK) {
            json_decref(after);
            return err->code;
        }
    }
    *out = after;
    return CIR_OK;
}

static cir_code check_type(const char *type, cir_err *err)
{
    if (strncmp(type, "aws_", 4) != 0)
        return cir_error(err, CIR_EUSAGE, TOPIC, "\"%s\" is not an AWS resource type", type);
    for (const char *p = type; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return cir_error(err, CIR_EUSAGE, TOPIC, "\"%s\" is not a resource type name", type);
    if (!cost_type_is_modelled(type) && !cost_type_is_free(type))
        return cir_error(err, CIR_EUSAGE, TOPIC,
                         "no cost model for %s (see docs/cost.md for the supported types)",
                         type);
    return CIR_OK;
}

/* A one-resource plan document creating TYPE.estimate. */
static char *plan_text(const char *type, json_t *after)
{
    json_t *change = json_object();
    json_object_set_new(change, "actions", json_pack("[s]", "create"));
    json_object_set_new(change, "before", json_null());
    json_object_set_new(change, "after", after);
    json_object_set_new(change, "after_unknown", json_object());
    json_object_set_new(change, "before_sensitive", json_false());
    json_object_set_new(change, "after_sensitive", json_object());
    char *address = xasprintf("%s.estimate", type);
    json_t *rc = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o}", "address", address, "mode", "managed", "type",
                           type, "name", "estimate", "provider_name", "registry.terraform.io/hashicorp/aws",
                           "change", change);
    free(address);
    json_t *doc = json_pack("{s:s, s:s, s:[o]}", "format_version", "1.2", "terraform_version", "estimate",
                            "resource_changes", rc);
    char *text = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return text;
}

/* A resource that could not be priced is an error here, as a price query
 * that matches nothing is: one line, the first reason, exit 2. */
static cir_code check_priced(const cost_report *rep, cir_err *err)
{
    if (!rep->nresources || rep->resources[0].status != COST_NOT_PRICED)
        return CIR_OK;
    const cost_resource *cr = &rep->resources[0];
    const cost_side *s = &cr->after;
    size_t n = 0;
    const char *first = NULL;
    for (size_t i = 0; i < s->ncomponents; i++)
        if (!s->components[i].priced && !s->components[i].usage_missing) {
            if (!first)
                first = s->components[i].note;
            n++;
        }
    /* a value never guessed (an instance type, a class, an engine, a size)
     * is missing: ask for it, with an example */
    char attr[128];
    const char *type = cr->res->type;
    if (first && sscanf(first, "not priced: %127s is not set", attr) == 1 &&
        strcmp(first + strlen("not priced: ") + strlen(attr), " is not set") == 0) {
        const char *example = cost_model_example(type);
        if (example)
            return cir_error(err, CIR_EUSAGE, TOPIC, "%s needs %s to be priced, e.g. `circuit estimate %s %s`",
                             type, attr, type, example);
        return cir_error(err, CIR_EUSAGE, TOPIC, "%s needs %s to be priced (give it as %s=VALUE)", type, attr,
                         attr);
    }
    return cir_error(err, CIR_ENOPRICE, TOPIC, "%s %s%s", cr->res->address, first ? first : "not priced",
                     n > 1 ? " (and more lines not priced: see `circuit cost` on a plan)" : "");
}

static int estimate_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    const char *type = o->args.items[0];
    cost_usage *usage = NULL;
    json_t *after = NULL;
    plan *p = NULL;
    price_cache *cache = NULL;
    cost_report *rep = NULL;
    sbuf doc = SBUF_INIT;
    cir_code rc = check_type(type, err);
    if (rc == CIR_OK)
        rc = build_after(o, &after, err);
    if (rc == CIR_OK && o->usage_file)
        rc = cost_usage_load(o->usage_file, &usage, err);
    if (rc == CIR_OK) {
        char *text = plan_text(type, after);
        after = NULL; /* stolen */
        plan_load_opts lo = {.region_flag = o->regions.n ? o->regions.items[o->regions.n - 1] : NULL,
                             .quiet = true};
        rc = plan_load_buffer(TOPIC, text, strlen(text), &lo, &p, err);
        free(text);
        if (rc == CIR_OK)
            cost_usage_check_plans(usage, &p, 1, type);
    }
    if (rc == CIR_OK) {
        price_open_opts po = {.path = o->cache, .reading = true, .temp_fallback = true};
        rc = price_cache_open(&po, &cache, err);
    }
    if (rc == CIR_OK) {
        cost_opts co = {.usage = usage};
        rc = cost_estimate(&p, 1, cache, &co, &rep, err);
    }
    if (rc == CIR_OK)
        rc = check_priced(rep, err);
    if (rc == CIR_OK) {
        const price_offer_info *used = NULL;
        size_t nused = price_cache_used(cache, &used);
        cost_render_opts ro = {.schema = "circuit.estimate/v1", .prices = used, .nprices = nused,
                               .color = strcmp(o->format, "table") == 0 && !o->output && out_color(o->no_color)};
        cost_render(rep, o->format, &ro, &doc);
        rc = out_emit(o->output, &doc, err);
    }
    json_decref(after);
    sbuf_free(&doc);
    cost_report_free(rep);
    price_cache_close(cache);
    plan_free(p);
    cost_usage_free(usage);
    return rc == CIR_OK ? CIR_EXIT_OK : CIR_EXIT_ERROR;
}

const cmd_entry cmd_estimate_entry = {
    .name = "estimate",
    .args_usage = "TYPE [attr=value...]",
    .summary = "monthly price of one resource, without writing Terraform",
    .help = "Builds a one-resource plan creating TYPE.estimate with the given attributes and\n"
            "prices it with the same cost models as 'circuit cost'.  Nested attributes are\n"
            "dotted paths with list indices: root_block_device.0.volume_size=50.  Numbers and\n"
            "true/false are typed; a value starting with [ { or \" is JSON; anything else is a\n"
            "string.  Example:\n"
            "  circuit estimate aws_db_instance instance_class=db.r6g.large engine=postgres \\\n"
            "      multi_az=true allocated_storage=100 --region eu-west-1\n"
            "An attribute that decides the price and is never guessed (an instance type,\n"
            "class, engine or size) must be given.  A resource that cannot be priced (no\n"
            "price in the region, a value the model does not price) is an error, as with\n"
            "'circuit pricing query': one line saying why, exit 2.",
    .options = OPT_FORMAT | OPT_OUTPUT | OPT_REGION | OPT_USAGE | OPT_CACHE | OPT_OFFLINE | OPT_NO_COLOR |
               OPT_QUIET,
    .noeffect = OPT_RULES,
    .formats = "table,json",
    .min_args = 1,
    .max_args = -1,
    .exec = estimate_exec,
};
