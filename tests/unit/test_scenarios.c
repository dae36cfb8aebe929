/*
 * test_scenarios.c — the real terraform plans of tests/scenarios/ (committed
 * as fixtures/scenarios/NAME.json) against the code's own tables:
 *
 *   - every line of a scenario's `expect` file holds: "RULE fires ADDRESS"
 *     means the rule reports that resource ("-": a plan-wide finding),
 *     "RULE passes ADDRESS" means the rule applies to the resource (its type
 *     is one the rule checks) and reports nothing;
 *   - every built-in rule fires somewhere and passes somewhere, and every
 *     cost model prices (or prices by usage) a resource somewhere, unless
 *     tests/scenarios/coverage-allow says why an offline plan cannot show
 *     it.  A failure lists every rule and model still missing;
 *   - every plan shape issue 11 names (modules two deep, count, for_each,
 *     provider aliases and regions, moved and removed blocks,
 *     create_before_destroy, sensitive values, update/replace/delete from
 *     prior state, ...) appears in some scenario plan.
 *
 * Adding a rule: add its bad and good resources to a scenario (or a new
 * one), `scripts/scenarios.sh gen NAME`, and two lines to its expect file.
 */
#include "src/core/mem.h"
#include "src/core/sbuf.h"
#include "src/cost/cost.h"
#include "src/cost/cost_model.h"
#include "src/plan/plan.h"
#include "src/risk/risk.h"

#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <dirent.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SCENARIOS "tests/scenarios"
#define PLANS "fixtures/scenarios"
#define ALLOW SCENARIOS "/coverage-allow"

/* ---- scenarios on disk ------------------------------------------------------ */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names of the scenario folders (not _common), sorted. */
static size_t scenario_names(char ***out)
{
    DIR *d = opendir(SCENARIOS);
    cr_assert_not_null(d, "cannot open " SCENARIOS);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || e->d_name[0] == '_')
            continue;
        char *dir = xasprintf(SCENARIOS "/%s", e->d_name);
        DIR *sub = opendir(dir);
        free(dir);
        if (!sub)
            continue;
        closedir(sub);
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    *out = names;
    return n;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static plan *load_scenario(const char *name)
{
    char *path = xasprintf(PLANS "/%s.json", name);
    plan_load_opts o = {.quiet = true};
    plan *p = NULL;
    cir_err err;
    cir_err_clear(&err);
    cir_warn_quiet(1);
    cr_assert_eq(plan_load(path, &o, &p, &err), CIR_OK, "%s: %s (run scripts/scenarios.sh gen %s)", path,
                 err.msg, name);
    free(path);
    return p;
}

/* ---- rules ------------------------------------------------------------------------ */

typedef struct rule_cov {
    const char *id;
    json_t *types;      /* resource_types, globs */
    bool fires, passes;
    const char *allow_fires, *allow_passes;   /* reasons from coverage-allow */
} rule_cov;

typedef struct cov {
    risk_ruleset *rs;
    rule_cov *rules;
    size_t nrules;
    char **allow_lines;  /* owned text the reasons point into */
    size_t nallow, allow_cap;
    sbuf problems;       /* one line per broken expectation */
} cov;

static rule_cov *rule_by_id(cov *c, const char *id)
{
    for (size_t i = 0; i < c->nrules; i++)
        if (strcmp(c->rules[i].id, id) == 0)
            return &c->rules[i];
    return NULL;
}

static bool type_checked(const rule_cov *r, const char *type)
{
    size_t i;
    const json_t *t;
    json_array_foreach(r->types, i, t)
        if (fnmatch(json_string_value(t), type, 0) == 0)
            return true;
    return false;
}

/* Reads coverage-allow: "ID fires|passes|model reason..." lines. */
static void read_allow(cov *c, const cost_model *const *models, size_t nmodels, const char ***model_allow)
{
    FILE *f = fopen(ALLOW, "r");
    cr_assert_not_null(f, "cannot open " ALLOW);
    char line[1024];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char id[128], kind[16];
        int used = 0;
        if (sscanf(line, "%127s %15s %n", id, kind, &used) != 2 || !line[used]) {
            sbuf_printf(&c->problems, ALLOW ":%d: want \"ID fires|passes|model reason\"\n", lineno);
            continue;
        }
        c->allow_lines = xgrow(c->allow_lines, &c->allow_cap, c->nallow + 1, sizeof *c->allow_lines);
        char *reason = xstrdup(line + used);
        c->allow_lines[c->nallow++] = reason;
        if (strcmp(kind, "model") == 0) {
            size_t m = 0;
            while (m < nmodels && strcmp(models[m]->type, id) != 0)
                m++;
            if (m == nmodels)
                sbuf_printf(&c->problems, ALLOW ":%d: %s is no cost model\n", lineno, id);
            else
                (*model_allow)[m] = reason;
            continue;
        }
        rule_cov *r = rule_by_id(c, id);
        if (!r)
            sbuf_printf(&c->problems, ALLOW ":%d: %s is no rule\n", lineno, id);
        else if (strcmp(kind, "fires") == 0)
            r->allow_fires = reason;
        else if (strcmp(kind, "passes") == 0)
            r->allow_passes = reason;
        else
            sbuf_printf(&c->problems, ALLOW ":%d: \"%s\" is not fires, passes or model\n", lineno, kind);
    }
    fclose(f);
}

static void cov_open(cov *c)
{
    memset(c, 0, sizeof *c);
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(risk_ruleset_load(NULL, &c->rs, &err), CIR_OK, "%s", err.msg);
    const risk_rule_info **infos;
    c->nrules = risk_ruleset_rules(c->rs, &infos);
    c->rules = xcalloc(c->nrules, sizeof *c->rules);
    for (size_t i = 0; i < c->nrules; i++) {
        json_t *def = risk_ruleset_rule_json(c->rs, i);
        c->rules[i].id = infos[i]->id;
        c->rules[i].types = json_incref(json_object_get(def, "resource_types"));
        json_decref(def);
    }
}

static void cov_close(cov *c)
{
    for (size_t i = 0; i < c->nrules; i++)
        json_decref(c->rules[i].types);
    free(c->rules);
    for (size_t i = 0; i < c->nallow; i++)
        free(c->allow_lines[i]);
    free(c->allow_lines);
    sbuf_free(&c->problems);
    risk_ruleset_free(c->rs);
}

static bool has_finding(const risk_report *rep, const char *id, const char *address)
{
    for (size_t i = 0; i < rep->nfindings; i++) {
        const risk_finding *f = &rep->findings[i];
        if (strcmp(f->rule->id, id) != 0)
            continue;
        if (address ? (f->address && strcmp(f->address, address) == 0) : !f->address)
            return true;
    }
    return false;
}

static const plan_resource *resource_at(const plan *p, const char *address)
{
    for (size_t i = 0; i < p->nresources; i++)
        if (strcmp(p->resources[i].address, address) == 0)
            return &p->resources[i];
    return NULL;
}

/* Checks one scenario's expect file; marks what holds as covered. */
static void check_expect(cov *c, const char *name)
{
    char *path = xasprintf(SCENARIOS "/%s/expect", name);
    FILE *f = fopen(path, "r");
    if (!f) {
        free(path);
        return;
    }
    plan *p = load_scenario(name);
    risk_report *rep = NULL;
    cir_err err;
    cir_err_clear(&err);
    risk_opts o = {0};
    cr_assert_eq(risk_check(&p, 1, c->rs, &o, &rep, &err), CIR_OK, "%s: %s", name, err.msg);
    char line[1024];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char id[128], verb[16], address[512], extra[8];
        if (sscanf(line, "%127s %15s %511s %7s", id, verb, address, extra) != 3 ||
            (strcmp(verb, "fires") != 0 && strcmp(verb, "passes") != 0)) {
            sbuf_printf(&c->problems, "%s:%d: want \"RULE fires|passes ADDRESS\"\n", path, lineno);
            continue;
        }
        rule_cov *r = rule_by_id(c, id);
        if (!r) {
            sbuf_printf(&c->problems, "%s:%d: %s is no rule\n", path, lineno, id);
            continue;
        }
        bool plan_wide = strcmp(address, "-") == 0;
        const char *addr = plan_wide ? NULL : address;
        if (!plan_wide) {
            const plan_resource *res = resource_at(p, address);
            if (!res) {
                sbuf_printf(&c->problems, "%s:%d: no %s in the plan\n", path, lineno, address);
                continue;
            }
            if (!type_checked(r, res->type)) {
                sbuf_printf(&c->problems, "%s:%d: %s does not check %s\n", path, lineno, id, res->type);
                continue;
            }
        }
        bool found = has_finding(rep, id, addr);
        if (strcmp(verb, "fires") == 0) {
            if (found)
                r->fires = true;
            else
                sbuf_printf(&c->problems, "%s:%d: %s does not fire on %s\n", path, lineno, id, address);
        } else {
            if (!found)
                r->passes = true;
            else
                sbuf_printf(&c->problems, "%s:%d: %s fires on %s\n", path, lineno, id, address);
        }
    }
    fclose(f);
    free(path);
    risk_report_free(rep);
    plan_free(p);
}

/* ---- the tests ----------------------------------------------------------------- */

Test(scenarios, every_folder_is_a_described_planned_scenario)
{
    char **names;
    size_t n = scenario_names(&names);
    cr_assert_geq(n, 40, "only %zu scenarios", n);
    sbuf bad = SBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        char *tf = xasprintf(SCENARIOS "/%s/main.tf", names[i]);
        FILE *f = fopen(tf, "r");
        char first[512] = "";
        if (!f || !fgets(first, sizeof first, f) || strncmp(first, "# ", 2) != 0 || strlen(first) < 20)
            sbuf_printf(&bad, "%s: the first line is not a comment saying what the scenario is for\n", tf);
        if (f)
            fclose(f);
        free(tf);
        char *json = xasprintf(PLANS "/%s.json", names[i]);
        if (access(json, R_OK) != 0)
            sbuf_printf(&bad, "%s: missing (scripts/scenarios.sh gen %s)\n", json, names[i]);
        free(json);
    }
    cr_expect_eq(bad.len, 0, "%s", bad.len ? sbuf_str(&bad) : "");
    sbuf_free(&bad);
    free_names(names, n);
}

Test(scenarios, every_rule_fires_and_passes_somewhere)
{
    cov c;
    cov_open(&c);
    const cost_model *const *models;
    size_t nmodels = cost_models(&models);
    const char **model_allow = xcalloc(nmodels, sizeof *model_allow);
    read_allow(&c, models, nmodels, &model_allow);
    char **names;
    size_t n = scenario_names(&names);
    for (size_t i = 0; i < n; i++)
        check_expect(&c, names[i]);
    sbuf missing = SBUF_INIT;
    size_t fires = 0, passes = 0;
    for (size_t i = 0; i < c.nrules; i++) {
        rule_cov *r = &c.rules[i];
        fires += r->fires;
        passes += r->passes;
        if (!r->fires && !r->allow_fires)
            sbuf_printf(&missing, "  %s: no scenario where it fires\n", r->id);
        if (!r->passes && !r->allow_passes)
            sbuf_printf(&missing, "  %s: no scenario where it passes\n", r->id);
        if (r->fires && r->allow_fires)
            sbuf_printf(&missing, "  %s: fires in a scenario, so " ALLOW " should not excuse it\n", r->id);
        if (r->passes && r->allow_passes)
            sbuf_printf(&missing, "  %s: passes in a scenario, so " ALLOW " should not excuse it\n", r->id);
    }
    cr_log_info("scenario coverage: %zu/%zu rules fire, %zu/%zu pass", fires, c.nrules, passes, c.nrules);
    cr_expect_eq(c.problems.len, 0, "scenario expectations that do not hold:\n%s",
                 c.problems.len ? sbuf_str(&c.problems) : "");
    cr_expect_eq(missing.len, 0,
                 "rules without a scenario (add bad and good resources and expect lines, or a reason "
                 "in " ALLOW "):\n%s",
                 missing.len ? sbuf_str(&missing) : "");
    sbuf_free(&missing);
    free(model_allow);
    free_names(names, n);
    cov_close(&c);
}

Test(scenarios, every_cost_model_prices_something)
{
    cov c;
    cov_open(&c);
    const cost_model *const *models;
    size_t nmodels = cost_models(&models);
    const char **model_allow = xcalloc(nmodels, sizeof *model_allow);
    read_allow(&c, models, nmodels, &model_allow);
    bool *priced = xcalloc(nmodels, sizeof *priced);

    char cache_path[64];
    snprintf(cache_path, sizeof cache_path, "/tmp/circuit-scenarios-XXXXXX");
    int fd = mkstemp(cache_path);
    cr_assert_geq(fd, 0);
    close(fd);
    unlink(cache_path);
    price_open_opts po = {.path = cache_path};
    price_cache *cache = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(price_cache_open(&po, &cache, &err), CIR_OK, "cache: %s", err.msg);

    char **names;
    size_t n = scenario_names(&names);
    for (size_t i = 0; i < n; i++) {
        plan *p = load_scenario(names[i]);
        cost_report *rep = NULL;
        cr_assert_eq(cost_estimate(&p, 1, cache, NULL, &rep, &err), CIR_OK, "%s: %s", names[i], err.msg);
        for (size_t k = 0; k < rep->nresources; k++) {
            const cost_resource *r = &rep->resources[k];
            if (r->status != COST_PRICED && r->status != COST_USAGE_ONLY)
                continue;
            for (size_t m = 0; m < nmodels; m++)
                if (strcmp(models[m]->type, r->res->type) == 0)
                    priced[m] = true;
        }
        cost_report_free(rep);
        plan_free(p);
    }
    sbuf missing = SBUF_INIT;
    size_t covered = 0;
    for (size_t m = 0; m < nmodels; m++) {
        covered += priced[m];
        if (!priced[m] && !model_allow[m])
            sbuf_printf(&missing, "  %s: no scenario plan prices it\n", models[m]->type);
        if (priced[m] && model_allow[m])
            sbuf_printf(&missing, "  %s: priced in a scenario, so " ALLOW " should not excuse it\n",
                        models[m]->type);
    }
    cr_log_info("scenario coverage: %zu/%zu cost models price a resource", covered, nmodels);
    cr_expect_eq(missing.len, 0,
                 "cost models that price nothing in any scenario (add a tests/scenarios/cost-<service> "
                 "scenario with the type in a region the snapshot prices, or a reason in " ALLOW "):\n%s",
                 missing.len ? sbuf_str(&missing) : "");
    sbuf_free(&missing);
    free_names(names, n);
    price_cache_close(cache);
    unlink(cache_path);
    free(priced);
    free(model_allow);
    cov_close(&c);
}

/* ---- plan shapes ------------------------------------------------------------------ */

/* True when `v` (a sensitive marker: true, or an object/array of them)
 * marks anything sensitive. */
static bool marks_sensitive(const json_t *v)
{
    if (json_is_true(v))
        return true;
    size_t i;
    const char *k;
    const json_t *x;
    if (json_is_array(v))
        json_array_foreach(v, i, x) if (marks_sensitive(x)) return true;
    if (json_is_object(v))
        json_object_foreach((json_t *)v, k, x) if (marks_sensitive(x)) return true;
    return false;
}

static bool two_modules_deep(const plan_resource *r)
{
    const char *m = r->module_address;
    return m && strstr(m, "module.") && strstr(strstr(m, "module.") + 7, "module.");
}
static bool by_count(const plan_resource *r) { return json_is_integer(r->index); }
static bool by_for_each(const plan_resource *r) { return json_is_string(r->index); }
static bool renamed_by_moved(const plan_resource *r) { return r->previous_address != NULL; }
static bool forgotten_by_removed(const plan_resource *r) { return r->action == PLAN_ACT_FORGET; }
static bool create_before_destroy(const plan_resource *r)
{
    return r->replace_order == PLAN_ORDER_CREATE_BEFORE_DELETE;
}
static bool sensitive_value(const plan_resource *r)
{
    return marks_sensitive(r->after_sensitive) || marks_sensitive(r->before_sensitive);
}
static bool updated(const plan_resource *r) { return r->action == PLAN_ACT_UPDATE; }
static bool replaced(const plan_resource *r) { return r->action == PLAN_ACT_REPLACE; }
static bool deleted(const plan_resource *r) { return r->action == PLAN_ACT_DELETE; }
static bool unchanged(const plan_resource *r) { return r->action == PLAN_ACT_NOOP && r->before; }
static bool tainted(const plan_resource *r)
{
    return r->action_reason && strcmp(r->action_reason, "replace_because_tainted") == 0;
}
static bool deposed(const plan_resource *r) { return r->deposed != NULL; }
static bool triggered(const plan_resource *r)
{
    return r->action_reason && strcmp(r->action_reason, "replace_by_triggers") == 0;
}
static bool data_read(const plan_resource *r) { return r->action == PLAN_ACT_READ; }

/* A provider block with an alias that some resource uses. */
static bool plan_uses_alias(const plan *p)
{
    for (size_t i = 0; i < p->nresources; i++) {
        const char *key = json_string_value(json_object_get(p->resources[i].config, "provider_config_key"));
        const char *name = key ? strrchr(key, ':') : NULL;
        if (key && strchr(name ? name + 1 : key, '.'))
            return true;
    }
    return false;
}

/* AWS resources in two regions or more. */
static bool plan_two_regions(const plan *p)
{
    const char *first = NULL;
    for (size_t i = 0; i < p->nresources; i++) {
        const char *rg = p->resources[i].region;
        if (!rg)
            continue;
        if (!first)
            first = rg;
        else if (strcmp(first, rg) != 0)
            return true;
    }
    return false;
}

static bool plan_errored(const plan *p) { return p->errored; }

/* The plan shapes issue 11 names (and a few more real plans have): each
 * must appear in some committed scenario plan, so a scenario that goes away
 * with the only one fails here. */
static const struct shape {
    const char *what;
    bool (*resource)(const plan_resource *r);   /* one resource shows it */
    bool (*whole)(const plan *p);               /* or the plan as a whole */
} shapes[] = {
    {"a resource in a module two deep", two_modules_deep, NULL},
    {"count instances", by_count, NULL},
    {"for_each instances", by_for_each, NULL},
    {"a provider alias", NULL, plan_uses_alias},
    {"resources in two regions", NULL, plan_two_regions},
    {"a moved block (previous_address)", renamed_by_moved, NULL},
    {"a removed block (forget)", forgotten_by_removed, NULL},
    {"create_before_destroy (create, then delete)", create_before_destroy, NULL},
    {"a sensitive value", sensitive_value, NULL},
    {"an update from prior state", updated, NULL},
    {"a replacement from prior state", replaced, NULL},
    {"a delete from prior state", deleted, NULL},
    {"an unchanged resource from prior state", unchanged, NULL},
    {"a tainted object replaced", tainted, NULL},
    {"a deposed object", deposed, NULL},
    {"replace_triggered_by", triggered, NULL},
    {"a data source read during apply", data_read, NULL},
    {"an errored plan", NULL, plan_errored},
};

Test(scenarios, every_plan_shape_is_planned)
{
    enum { NSHAPES = sizeof shapes / sizeof shapes[0] };
    char *seen[NSHAPES] = {0};
    char **names;
    size_t n = scenario_names(&names);
    for (size_t i = 0; i < n; i++) {
        plan *p = load_scenario(names[i]);
        for (size_t s = 0; s < NSHAPES; s++) {
            if (seen[s])
                continue;
            bool hit = shapes[s].whole && shapes[s].whole(p);
            for (size_t k = 0; !hit && shapes[s].resource && k < p->nresources; k++)
                hit = shapes[s].resource(&p->resources[k]);
            if (hit)
                seen[s] = names[i];
        }
        plan_free(p);
    }
    sbuf missing = SBUF_INIT;
    for (size_t s = 0; s < NSHAPES; s++) {
        if (seen[s])
            cr_log_info("plan shape: %s in %s", shapes[s].what, seen[s]);
        else
            sbuf_printf(&missing, "  %s\n", shapes[s].what);
    }
    cr_expect_eq(missing.len, 0, "plan shapes no scenario plan shows (add a shape- scenario):\n%s",
                 missing.len ? sbuf_str(&missing) : "");
    sbuf_free(&missing);
    free_names(names, n);
}
