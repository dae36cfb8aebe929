/*
 * plan_validate.c — is this JSON a plan we can read, and the typed reading
 * of each resource_changes / resource_drift entry into a plan_resource.
 *
 * Rules (plan-json.md §1, §7): format_version 0.x and 1.x are read, a major
 * of 2 or more is refused; every field added after 0.1 is optional and
 * unknown keys are ignored; JSON null counts as absent.  A known field of
 * the wrong type is an error naming its JSON path.  Messages name paths and
 * types, never values, so nothing sensitive can reach stderr.
 */
#include "plan_internal.h"

#include "../core/mem.h"
#include "../core/num.h"
#include "../core/sbuf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_STR, T_BOOL, T_ARR, T_OBJ, T_MARK } field_type;

/* Top-level fields circuit reads, with the type they must have. */
static const struct {
    const char *key;
    field_type type;
} top_fields[] = {
    {"format_version", T_STR},   {"terraform_version", T_STR}, {"errored", T_BOOL},
    {"complete", T_BOOL},        {"applyable", T_BOOL},        {"resource_changes", T_ARR},
    {"resource_drift", T_ARR},   {"variables", T_OBJ},         {"configuration", T_OBJ},
    {"planned_values", T_OBJ},   {"prior_state", T_OBJ},       {"output_changes", T_OBJ},
};

static bool type_ok(const json_t *v, field_type t)
{
    if (!v || json_is_null(v))
        return true;
    switch (t) {
    case T_STR: return json_is_string(v);
    case T_BOOL: return json_is_boolean(v);
    case T_ARR: return json_is_array(v);
    case T_OBJ: return json_is_object(v);
    case T_MARK: return json_is_boolean(v) || json_is_object(v) || json_is_array(v);
    }
    return false;
}

static const char *type_word(field_type t)
{
    switch (t) {
    case T_STR: return "a string";
    case T_BOOL: return "a boolean";
    case T_ARR: return "an array";
    case T_OBJ: return "an object";
    case T_MARK: return "a boolean, object or array";
    }
    return "?";
}

/* Major version of "major.minor", or -1 when it is not of that shape. */
static long format_major(const char *v)
{
    if (!isdigit((unsigned char)v[0]))
        return -1;
    char *end;
    long major = strtol(v, &end, 10);
    if (*end != '.' || !isdigit((unsigned char)end[1]))
        return -1;
    for (end++; *end; end++)
        if (!isdigit((unsigned char)*end) && *end != '.')
            return -1;
    return major;
}

cir_code plan_validate_root(const json_t *root, const char *name, plan_warnings *w, cir_err *err)
{
    if (!json_is_object(root))
        return cir_error(err, CIR_EINPUT, name, "not a plan: the JSON is %s, not an object "
                         "(expected the output of `terraform show -json PLANFILE`)",
                         plan_json_kind(root));
    const json_t *fv = json_object_get(root, "format_version");
    bool has_fv = fv && !json_is_null(fv);
    bool has_rc = json_object_get(root, "resource_changes") != NULL;
    bool has_pv = json_object_get(root, "planned_values") != NULL;
    if (!has_fv && json_object_get(root, "plan_format_version"))
        return cir_error(err, CIR_EINPUT, name,
                         "not a plan: this is an HCP Terraform redacted plan (plan_format_version), "
                         "not `terraform show -json` output; run `terraform show -json PLANFILE`");
    if (!has_fv && !has_rc)
        return cir_error(err, CIR_EINPUT, name, has_pv
                         ? "not a plan: planned_values without resource_changes or format_version "
                           "(a fragment? expected the output of `terraform show -json PLANFILE`)"
                         : "not a plan: no resource_changes, planned_values or format_version "
                           "(expected the output of `terraform show -json PLANFILE`)");
    if (has_fv && !has_rc && !has_pv)   /* a state was named by plan_sniff_json() */
        return cir_error(err, CIR_EINPUT, name,
                         "not a plan: format_version but no resource_changes or planned_values");
    for (size_t i = 0; i < sizeof top_fields / sizeof top_fields[0]; i++) {
        const json_t *v = json_object_get(root, top_fields[i].key);
        if (!type_ok(v, top_fields[i].type))
            return cir_error(err, CIR_EINPUT, name, "%s: expected %s, got %s", top_fields[i].key,
                             type_word(top_fields[i].type), plan_json_kind(v));
    }
    if (has_fv) {
        const char *s = json_string_value(fv);
        long major = format_major(s);
        if (major < 0)
            return cir_error(err, CIR_EINPUT, name,
                             "format_version \"%.16s\" is not of the form major.minor", s);
        if (major >= 2)
            return cir_error(err, CIR_EINPUT, name,
                             "unsupported format_version \"%.16s\": circuit reads 0.x and 1.x", s);
    } else {
        plan_warn_add(w, "no format_version: a trimmed plan? reading resource_changes as they are");
    }
    return CIR_OK;
}

/* ---- one entry ------------------------------------------------------- */

typedef struct entry_ctx {
    const char *name, *list;
    size_t i;
    cir_err *err;
} entry_ctx;

static cir_code bad_field(const entry_ctx *c, const char *field, field_type t, const json_t *v)
{
    return cir_error(c->err, CIR_EINPUT, c->name, "%s[%zu].%s: expected %s, got %s", c->list,
                     c->i, field, type_word(t), plan_json_kind(v));
}

/* Reads an optional string field; *out NULL when absent or null. */
static cir_code opt_str(const entry_ctx *c, const json_t *obj, const char *key, const char *path,
                        const char **out)
{
    const json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return CIR_OK;
    if (!json_is_string(v))
        return bad_field(c, path, T_STR, v);
    *out = json_string_value(v);
    return CIR_OK;
}

static const json_t *opt_val(const json_t *obj, const char *key)
{
    const json_t *v = json_object_get(obj, key);
    return v && !json_is_null(v) ? v : NULL;
}

/* Address for trimmed files that omit it: [module.]["data."]type.name[index]. */
static void fill_address(json_t *entry, plan_resource *r)
{
    sbuf b = SBUF_INIT;
    if (r->module_address) {
        sbuf_puts(&b, r->module_address);
        sbuf_putc(&b, '.');
    }
    if (r->is_data)
        sbuf_puts(&b, "data.");
    sbuf_printf(&b, "%s.%s", r->type, r->name);
    char *idx = plan_index_text(r->index);
    sbuf_puts(&b, idx);
    free(idx);
    json_object_set_new(entry, "address", json_string(sbuf_str(&b)));
    sbuf_free(&b);
    r->address = json_string_value(json_object_get(entry, "address"));
}

/* Mode when the entry omits it: "data." right after the module path. */
static bool address_is_data(const char *address, const char *module_address)
{
    if (!address)
        return false;
    size_t skip = module_address ? strlen(module_address) + 1 : 0;
    return strlen(address) > skip && strncmp(address + skip, "data.", 5) == 0;
}

static cir_code read_change(const entry_ctx *c, const json_t *change, plan_resource *r)
{
    if (!json_is_object(change))
        return bad_field(c, "change", T_OBJ, change);
    const json_t *actions = json_object_get(change, "actions");
    const char *bad;
    if (!plan_classify_actions(actions, &r->action, &r->replace_order, &bad)) {
        if (bad)
            return cir_error(c->err, CIR_EINPUT, c->name,
                             "%s[%zu].change.actions: unknown action \"%.32s\" (circuit knows "
                             "create, read, update, delete, no-op, forget)", c->list, c->i, bad);
        return cir_error(c->err, CIR_EINPUT, c->name,
                         "%s[%zu].change.actions: expected a non-empty array of strings, got %s",
                         c->list, c->i, plan_json_kind(actions));
    }
    static const char *const marks[] = {"after_unknown", "before_sensitive", "after_sensitive"};
    const json_t *mv[3];
    for (size_t k = 0; k < 3; k++) {
        mv[k] = opt_val(change, marks[k]);
        if (!type_ok(mv[k], T_MARK)) {
            char path[64];
            snprintf(path, sizeof path, "change.%s", marks[k]);
            return bad_field(c, path, T_MARK, mv[k]);
        }
    }
    r->after_unknown = mv[0];
    r->before_sensitive = mv[1];
    r->after_sensitive = mv[2];
    r->before = opt_val(change, "before");
    r->after = opt_val(change, "after");
    r->replace_paths = opt_val(change, "replace_paths");
    if (!type_ok(r->replace_paths, T_ARR))
        return bad_field(c, "change.replace_paths", T_ARR, r->replace_paths);
    const json_t *imp = opt_val(change, "importing");
    if (imp) {
        if (!json_is_object(imp))
            return bad_field(c, "change.importing", T_OBJ, imp);
        r->importing = true;
        r->import_id = json_string_value(json_object_get(imp, "id"));
    }
    return CIR_OK;
}

cir_code plan_read_entry(json_t *entry, const char *list, size_t i, plan_resource *r,
                         const char *name, cir_err *err)
{
    entry_ctx c = {name, list, i, err};
    memset(r, 0, sizeof *r);
    if (!json_is_object(entry))
        return cir_error(err, CIR_EINPUT, name, "%s[%zu]: expected an object, got %s", list, i,
                         plan_json_kind(entry));
    const char *mode;
    if (opt_str(&c, entry, "address", "address", &r->address) ||
        opt_str(&c, entry, "module_address", "module_address", &r->module_address) ||
        opt_str(&c, entry, "mode", "mode", &mode) ||
        opt_str(&c, entry, "type", "type", &r->type) ||
        opt_str(&c, entry, "name", "name", &r->name) ||
        opt_str(&c, entry, "provider_name", "provider_name", &r->provider_name) ||
        opt_str(&c, entry, "action_reason", "action_reason", &r->action_reason) ||
        opt_str(&c, entry, "previous_address", "previous_address", &r->previous_address) ||
        opt_str(&c, entry, "deposed", "deposed", &r->deposed))
        return err->code;
    if (!r->type || !r->name)
        return cir_error(err, CIR_EINPUT, name, "%s[%zu]: no %s (every resource change names "
                         "its type and name)", list, i, r->type ? "name" : "type");
    r->index = opt_val(entry, "index");
    long long whole;
    if (r->index && !json_is_string(r->index) && !json_is_integer(r->index) &&
        !(json_is_real(r->index) && num_exact_ll(json_real_value(r->index), &whole)))
        return cir_error(err, CIR_EINPUT, name, "%s[%zu].index: expected an integer or a string, "
                         "got %s", list, i, plan_json_kind(r->index));
    if (mode)
        r->mode = mode;
    else
        r->mode = address_is_data(r->address, r->module_address) ? "data" : "managed";
    r->is_data = strcmp(r->mode, "data") == 0;
    if (!r->address)
        fill_address(entry, r);
    if (r->previous_address && strcmp(r->previous_address, r->address) == 0)
        r->previous_address = NULL;
    if (!r->provider_name) {
        /* Terraform's implied provider: the type's prefix (aws_instance -> aws). */
        size_t n = strcspn(r->type, "_");
        json_object_set_new(entry, "provider_name", json_stringn(r->type, n));
        r->provider_name = json_string_value(json_object_get(entry, "provider_name"));
    }
    r->provider = plan_provider_short(r->provider_name);
    r->is_aws = strcmp(r->provider, "aws") == 0;
    return read_change(&c, json_object_get(entry, "change"), r);
}
