/*
 * plan_internal.h — what the plan_*.c files share and nobody else sees.
 *
 * plan_load.c turns bytes into a JSON tree, plan_validate.c checks its shape
 * and fills plan_resource records, plan_classify.c names actions,
 * plan_region.c resolves regions, plan_diff.c / plan_attr.c read values.
 * The string map here is the one index the reader builds (configuration
 * resources by module path and name), so lookups stay O(1) per resource.
 */
#ifndef CIRCUIT_PLAN_INTERNAL_H
#define CIRCUIT_PLAN_INTERNAL_H

#include "plan.h"

#include <stdarg.h>

/* ---- a small open-addressing string map (keys copied, values borrowed) */
typedef struct pmap_slot {
    char *key;          /* NULL = empty */
    size_t hash;
    const void *value;
} pmap_slot;

typedef struct pmap {
    pmap_slot *slots;
    size_t cap, n;      /* cap is a power of two or 0 */
} pmap;

void pmap_put(pmap *m, const char *key, const void *value);   /* replaces */
const void *pmap_get(const pmap *m, const char *key);         /* NULL if absent */
void pmap_free(pmap *m);

/* ---- warnings collected while loading, printed once on success ------ */
typedef struct plan_warnings {
    char **items;
    size_t n, cap;
} plan_warnings;

void plan_warn_add(plan_warnings *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void plan_warn_free(plan_warnings *w);

/* ---- validation and record building (plan_validate.c) --------------- */

/* Checks the top level of `root` (an object) is a plan circuit can read:
 * format_version 0.x/1.x, not an HCP redacted plan, not a fragment, known
 * fields of the right type.  Adds a warning when format_version is absent. */
cir_code plan_validate_root(const json_t *root, const char *name, plan_warnings *w, cir_err *err);

/* Fills `r` from resource_changes[i] (list = "resource_changes") or
 * resource_drift[i].  Pointers borrow from `entry`.  On a wrong type
 * returns CIR_EINPUT naming the JSON path; never quotes values. */
cir_code plan_read_entry(json_t *entry, const char *list, size_t i, plan_resource *r,
                         const char *name, cir_err *err);

/* ---- classification (plan_classify.c) ------------------------------- */

/* Classifies a change.actions array.  Returns false (and sets *bad to the
 * offending string, or NULL when the list is empty / not strings) when
 * the list holds something circuit does not know. */
bool plan_classify_actions(const json_t *actions, plan_action *action,
                           plan_replace_order *order, const char **bad);

/* Short provider name: last path segment of provider_name ("aws"). */
const char *plan_provider_short(const char *provider_name);

/* ---- module addresses ------------------------------------------------ */

/* "module.a[\"x\"].module.b[0]" -> "module.a.module.b" (instance keys
 * dropped).  "" for NULL.  Caller frees.  Returns NULL if malformed. */
char *plan_module_path(const char *module_address);

/* ---- regions (plan_region.c) ------------------------------------------ */
void plan_resolve_regions(plan *p, const plan_load_opts *opts, plan_warnings *w);

/* ---- text encodings (plan_sniff.c) ------------------------------------ */

/* "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" (iconv's names) when the
 * bytes are JSON text in that encoding (by byte order mark, or by the NUL
 * pattern ASCII leaves in it); NULL otherwise. */
const char *plan_foreign_encoding(const char *data, size_t len);

/* ---- binary plans (plan_binary.c) ------------------------------------- */

/* True when `data` starts like a zip archive (a saved binary plan). */
bool plan_is_zip(const char *data, size_t len);

/* Runs `terraform show -json PATH` (or tofu) and returns its stdout in
 * *out / *outlen (caller frees).  When neither tool is on PATH, or the tool
 * fails, returns CIR_EINPUT with a message naming the command to run. */
cir_code plan_binary_show(const char *path, const char *name, char **out, size_t *outlen,
                          cir_err *err);

/* ---- inputs that are not plans (plan_sniff.c) -------------------------- */

/* CIR_EINPUT naming what the first bytes show (compressed, a Terraform
 * 0.11 binary plan, UTF-16, binary data) and what to run; CIR_OK when the
 * input may be JSON. */
cir_code plan_sniff_bytes(const char *name, const char *data, size_t len, cir_err *err);
/* CIR_EINPUT when the parsed JSON is a state (terraform.tfstate, or
 * `terraform show -json` without a plan) or the log of `terraform plan
 * -json`; CIR_OK otherwise (NULL or non-object roots included). */
cir_code plan_sniff_json(const json_t *root, const char *name, cir_err *err);
/* After a parse or validation error in *err: when the input is the text
 * `terraform plan` prints, replaces *err with a message saying so.
 * Returns err->code either way. */
cir_code plan_sniff_text(const char *name, const char *data, size_t len, cir_err *err);

/* ---- the top-level scanner (plan_scan.c) ----------------------------- */

/* Parses the JSON object at the start of `text` (after white space) into
 * *out, keeping every top-level key but planned_values and prior_state,
 * which are validated and kept as empty objects.  *consumed = bytes read.
 * Errors (CIR_EPARSE) give line and column, counting `line_shift` lines
 * skipped before `text`. */
cir_code plan_parse_object(const char *name, const char *text, size_t len, size_t line_shift,
                           plan_warnings *w, json_t **out, size_t *consumed, cir_err *err);

/* ---- the arena a plan's JSON lives in (plan_arena.c) ----------------- */
typedef struct plan_arena plan_arena;

/* Starts routing jansson allocations into a new arena (one at a time). */
plan_arena *plan_arena_begin(void);
/* Stops routing; the arena's values stay valid until plan_arena_free. */
void plan_arena_end(plan_arena *a);
/* Releases every block (NULL is fine); values in it must be unreachable. */
void plan_arena_free(plan_arena *a);

/* A plan as allocated by the loader: the public struct plus its arena. */
typedef struct plan_owned {
    plan pub;
    plan_arena *arena;
} plan_owned;

/* ---- attribute paths (plan_attr.c) -------------------------------------- */

/* One step of "a.b[0][\"k\"]": a key or a list index. */
typedef struct plan_path_step {
    bool is_index;
    size_t index;
    char *key;
} plan_path_step;

/* Splits a path into steps (caller frees with plan_path_free); returns
 * false when the path is malformed. */
bool plan_path_parse(const char *path, plan_path_step **out, size_t *nout);
void plan_path_free(plan_path_step *steps, size_t n);

/* ---- configuration (plan_config.c) --------------------------------------- */

/* Sets `config` of every resource change and drift entry to its block in
 * configuration.root_module (module_calls followed), when there is one. */
void plan_link_config(plan *p);

/* ---- JSON helpers ---------------------------------------------------- */

/* True when a before_sensitive/after_sensitive mark holds `true` anywhere
 * (plan_attr.c). */
bool plan_mark_has_sensitive(const json_t *mark);

/* "an object", "a string", ... for error messages. */
const char *plan_json_kind(const json_t *v);

#endif
