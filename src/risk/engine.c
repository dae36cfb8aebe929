/*
 * engine.c — risk_check(): runs every rule over every plan and collects
 * findings and suppressions.
 *
 * Per plan: plan-wide checks once; then per managed resource the rules for
 * its type.  Configuration rules (attribute conditions and CONFIG checks)
 * look at what the plan changes and leaves in place — creates, updates,
 * replaces, imports — on the after side; with RISK_RESOURCES_ALL also at
 * the resources it leaves unchanged (the whole planned state).  A resource
 * being deleted is judged only by the plan-level rules.  Every finding passes through risk_emit, which
 * decides whether --skip or the resource's `circuit:skip` tag suppresses it;
 * a suppression is recorded, never dropped.
 */
#include "rules.h"

#include "../core/mem.h"
#include "../core/sbuf.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct risk_run {
    const risk_ruleset *rs;
    const plan *p;
    const risk_opts *opts;
    risk_report *rep;
    size_t cap_findings, cap_suppressed;
    const plan_resource **typed; /* managed resources sorted by type, built on first use */
    size_t ntyped;
    json_t *warned;          /* "address\x1ftext" -> true */
    json_t *link_cache;      /* refs.c */
    void *config;            /* refs.c: configuration index */
    const plan_resource *cd_res;
    json_t *cd_json;
};

const plan *risk_run_plan(const risk_run *run)
{
    return run->p;
}

void *risk_run_config_slot(risk_run *run, json_t **cache)
{
    if (!run->link_cache)
        run->link_cache = json_object();
    *cache = run->link_cache;
    return &run->config;
}

static int by_type_order(const void *a, const void *b)
{
    const plan_resource *x = *(const plan_resource *const *)a, *y = *(const plan_resource *const *)b;
    int c = strcmp(x->type, y->type);
    return c ? c : strcmp(x->address, y->address);
}

size_t risk_run_of_type(risk_run *run, const char *type, const plan_resource ***out)
{
    if (!run->typed) {
        run->typed = xcalloc(run->p->nresources + 1, sizeof *run->typed);
        for (size_t i = 0; i < run->p->nresources; i++) {
            const plan_resource *r = &run->p->resources[i];
            if (!r->is_data && r->type)
                run->typed[run->ntyped++] = r;
        }
        qsort(run->typed, run->ntyped, sizeof *run->typed, by_type_order);
    }
    size_t lo = 0, hi = run->ntyped;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(run->typed[mid]->type, type) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < run->ntyped && strcmp(run->typed[end]->type, type) == 0)
        end++;
    *out = run->typed + lo;
    return end - lo;
}

void risk_run_warn(risk_run *run, const plan_resource *r, const char *fmt, ...)
{
    char text[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    char *key = xasprintf("%s\x1f%s", r ? r->address : "", text);
    if (!json_object_get(run->warned, key)) {
        json_object_set_new(run->warned, key, json_true());
        cir_warn(r ? r->address : run->p->name, "%s", text);
    }
    free(key);
}

const json_t *risk_run_containers(risk_run *run, const plan_resource *r)
{
    if (run->cd_res == r)
        return run->cd_json;
    json_decref(run->cd_json);
    run->cd_res = r;
    run->cd_json = NULL;
    plan_val_state st;
    const json_t *v = plan_attr(r, true, "container_definitions", &st);
    if (st != PLAN_VAL_KNOWN || !json_is_string(v))
        return NULL;
    json_t *doc = json_loads(json_string_value(v), 0, NULL);
    if (!json_is_array(doc)) {
        json_decref(doc);
        risk_run_warn(run, r, "container_definitions is not a JSON list of containers; container checks skipped");
        return NULL;
    }
    run->cd_json = doc;
    return doc;
}

/* A managed resource the plan neither changes nor imports. */
static bool unchanged(const plan_resource *r)
{
    return !r->is_data && r->action == PLAN_ACT_NOOP && !r->importing;
}

/* ---- suppression -------------------------------------------------------- */

static bool in_skip_list(const risk_opts *o, const risk_rule_info *rule)
{
    for (size_t i = 0; o && i < o->nskip; i++)
        if (risk_rule_named(rule, o->skip[i]))
            return true;
    return false;
}

static const char *skip_tag(const plan_resource *r)
{
    const json_t *side = r->after && json_is_object(r->after) ? r->after : r->before;
    static const char *const maps[] = {"tags", "tags_all"};
    for (size_t i = 0; i < 2; i++) {
        const json_t *v = json_object_get(json_object_get(side, maps[i]), "circuit:skip");
        if (json_is_string(v))
            return json_string_value(v);
    }
    return NULL;
}

/* Does the comma list `tag` name `rule` (by id or peer id)?  Warns once
 * about names that are no rule at all, so a typo is not a silent no-op. */
static bool tag_names(risk_run *run, const plan_resource *r, const char *tag, const risk_rule_info *rule)
{
    bool hit = false;
    for (const char *p = tag;;) {
        const char *comma = strchr(p, ',');
        const char *end = comma ? comma : p + strlen(p);
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        const char *e = end;
        while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        size_t n = (size_t)(e - p);
        if (n) {
            char *name = xstrndup(p, n);
            if (risk_rule_named(rule, name))
                hit = true;
            else if (!risk_ruleset_knows(run->rs, name))
                risk_run_warn(run, r, "tag circuit:skip names \"%.64s\", which is no rule", name);
            free(name);
        }
        if (!comma)
            return hit;
        p = comma + 1;
    }
}

static void emit(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *address,
                 const char *attribute, const char *message)
{
    risk_report *rep = run->rep;
    const char *how = NULL;
    const char *tag = r ? skip_tag(r) : NULL;
    if (in_skip_list(run->opts, &rule->info))
        how = "--skip";
    else if (tag && tag_names(run, r, tag, &rule->info))
        how = "tag circuit:skip";
    if (how) {
        rep->suppressed = xgrow(rep->suppressed, &run->cap_suppressed, rep->nsuppressed + 1,
                                sizeof *rep->suppressed);
        rep->suppressed[rep->nsuppressed++] = (risk_suppression){
            .rule = &rule->info, .address = address ? xstrdup(address) : NULL, .how = xstrdup(how),
            .attribute = attribute ? xstrdup(attribute) : NULL, .message = xstrdup(message),
            .plan_name = run->p->name};
        return;
    }
    rep->findings = xgrow(rep->findings, &run->cap_findings, rep->nfindings + 1, sizeof *rep->findings);
    rep->findings[rep->nfindings++] = (risk_finding){
        .rule = &rule->info, .address = address ? xstrdup(address) : NULL,
        .attribute = attribute ? xstrdup(attribute) : NULL, .message = xstrdup(message),
        .plan_name = run->p->name, .unchanged = r && unchanged(r)};
}

void risk_emit_text(risk_run *run, const risk_rule *rule, const plan_resource *r,
                    const char *attribute, const char *message)
{
    emit(run, rule, r, r ? r->address : NULL, attribute, message);
}

void risk_emit_at(risk_run *run, const risk_rule *rule, const char *address, const char *attribute,
                  const char *message)
{
    emit(run, rule, NULL, address, attribute, message);
}

risk_resource_scope risk_run_scope(const risk_run *run)
{
    return run->opts ? run->opts->scope : RISK_RESOURCES_CHANGED;
}

void risk_emit(risk_run *run, const risk_rule *rule, const plan_resource *r, const char *attribute,
               const char *fmt, ...)
{
    sbuf b = SBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    risk_emit_text(run, rule, r, attribute, sbuf_str(&b));
    sbuf_free(&b);
}

/* ---- attribute rules ---------------------------------------------------- */

typedef struct hit_ctx {
    risk_run *run;
    const risk_rule *rule;
    const plan_resource *r;
} hit_ctx;

/* Fills {value} and {attribute} in the rule's message. */
static char *render_message(const risk_rule *rule, const plan_resource *r, const char *path,
                            const json_t *value, bool from_default)
{
    sbuf b = SBUF_INIT;
    for (const char *p = rule->spec.message; *p;) {
        if (strncmp(p, "{value}", 7) == 0) {
            char *text = risk_value_text(r, true, path, value);
            if (!value)
                sbuf_puts(&b, "(not set)");
            else
                sbuf_puts(&b, text ? text : "(not shown)");
            if (from_default)
                sbuf_puts(&b, " (default)");
            free(text);
            p += 7;
        } else if (strncmp(p, "{attribute}", 11) == 0) {
            sbuf_puts(&b, path);
            p += 11;
        } else {
            sbuf_putc(&b, *p++);
        }
    }
    return sbuf_detach(&b);
}

static void on_hit(void *vctx, const char *path, const json_t *value, bool from_default)
{
    hit_ctx *h = vctx;
    char *msg = render_message(h->rule, h->r, path, value, from_default);
    risk_emit_text(h->run, h->rule, h->r, path, msg);
    free(msg);
}

static bool when_holds(const risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    for (size_t i = 0; i < rule->nwhen; i++)
        if (risk_cond_eval(&rule->when[i], run->p, r, true, NULL, NULL) != RISK_TRUE)
            return false;
    return true;
}

/* Resources whose configuration the plan changes and leaves in place, plus
 * with scope ALL the unchanged ones (the rest of the planned state).  A
 * data source is judged when the plan reads it (its result is then in
 * `after`, as far as it is known): only rules typed data.TYPE see it. */
static bool configured(const risk_run *run, const plan_resource *r)
{
    if (r->is_data)
        return r->action == PLAN_ACT_READ && json_is_object(r->after);
    if (r->deposed || !json_is_object(r->after))
        return false;
    switch (r->action) {
    case PLAN_ACT_CREATE:
    case PLAN_ACT_UPDATE:
    case PLAN_ACT_REPLACE:
        return true;
    case PLAN_ACT_NOOP:
        return r->importing || (run->opts && run->opts->scope == RISK_RESOURCES_ALL);
    default:
        return false;
    }
}

static void run_rule(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    if (rule->check && rule->check->scope == RISK_SCOPE_PLAN)
        return;
    if (rule->check && rule->check->scope == RISK_SCOPE_CHANGE) {
        if (!r->is_data)
            rule->check->fn(run, rule, r);
        return;
    }
    if (!configured(run, r) || !when_holds(run, rule, r))
        return;
    if (rule->check) {
        rule->check->fn(run, rule, r);
        return;
    }
    hit_ctx h = {run, rule, r};
    risk_cond_eval(&rule->test, run->p, r, true, on_hit, &h);
}

static void run_resource(risk_run *run, const plan_resource *r)
{
    const risk_ruleset *rs = run->rs;
    if (!r->type)
        return;
    /* A rule sits either in by_type (exact types only) or in the glob list
     * (any type with a '*'), never both, so it runs once per resource.
     * Data sources are keyed "data.TYPE" and only exact types match them. */
    size_t i;
    json_t *v;
    char *key = r->is_data ? xasprintf("data.%s", r->type) : NULL;
    json_array_foreach(json_object_get(rs->by_type, key ? key : r->type), i, v)
        run_rule(run, rs->rules[json_integer_value(v)], r);
    free(key);
    if (r->is_data)
        return;
    for (size_t g = 0; g < rs->nglob; g++) {
        const risk_rule *rule = rs->rules[rs->glob_rules[g]];
        if (risk_rule_types_match(rule, r->type))
            run_rule(run, rule, r);
    }
}

static void run_plan(risk_run *run)
{
    for (size_t i = 0; i < run->rs->nrules; i++) {
        const risk_rule *rule = run->rs->rules[i];
        if (rule->check && rule->check->scope == RISK_SCOPE_PLAN)
            rule->check->fn(run, rule, NULL);
    }
    for (size_t i = 0; i < run->p->nresources; i++)
        run_resource(run, &run->p->resources[i]);
}

/* ---- ordering ----------------------------------------------------------- */

static int cmp_opt(const char *a, const char *b)
{
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;   /* plan-wide (NULL) first */
    return strcmp(a, b);
}

static int finding_order(const void *va, const void *vb)
{
    const risk_finding *a = va, *b = vb;
    int c;
    if (a->rule->severity != b->rule->severity)
        return a->rule->severity > b->rule->severity ? -1 : 1;
    if ((c = cmp_opt(a->address, b->address)) || (c = strcmp(a->rule->id, b->rule->id)) ||
        (c = cmp_opt(a->attribute, b->attribute)) || (c = cmp_opt(a->plan_name, b->plan_name)))
        return c;
    return strcmp(a->message, b->message);
}

static int suppression_order(const void *va, const void *vb)
{
    const risk_suppression *a = va, *b = vb;
    int c;
    if ((c = strcmp(a->rule->id, b->rule->id)) || (c = cmp_opt(a->address, b->address)) ||
        (c = cmp_opt(a->attribute, b->attribute)) || (c = cmp_opt(a->plan_name, b->plan_name)))
        return c;
    return strcmp(a->message, b->message);
}

static bool same_finding(const risk_finding *a, const risk_finding *b)
{
    return finding_order(a, b) == 0;
}

static void finding_free(risk_finding *f)
{
    free(f->address);
    free(f->attribute);
    free(f->message);
}

static void suppression_free(risk_suppression *s)
{
    free(s->address);
    free(s->attribute);
    free(s->message);
    free(s->how);
}

/* Sorts and drops exact duplicates (one plan given twice, two paths of one
 * rule naming the same thing). */
static void tidy(risk_report *rep)
{
    if (rep->nfindings > 1)
        qsort(rep->findings, rep->nfindings, sizeof *rep->findings, finding_order);
    size_t out = 0;
    for (size_t i = 0; i < rep->nfindings; i++) {
        if (out && same_finding(&rep->findings[out - 1], &rep->findings[i]))
            finding_free(&rep->findings[i]);
        else
            rep->findings[out++] = rep->findings[i];
    }
    rep->nfindings = out;
    if (rep->nsuppressed > 1)
        qsort(rep->suppressed, rep->nsuppressed, sizeof *rep->suppressed, suppression_order);
    out = 0;
    for (size_t i = 0; i < rep->nsuppressed; i++) {
        if (out && suppression_order(&rep->suppressed[out - 1], &rep->suppressed[i]) == 0)
            suppression_free(&rep->suppressed[i]);
        else
            rep->suppressed[out++] = rep->suppressed[i];
    }
    rep->nsuppressed = out;
}

/* ---- entry points ------------------------------------------------------- */

cir_code risk_check(plan *const *plans, size_t nplans, const risk_ruleset *rs, const risk_opts *opts,
                    risk_report **out, cir_err *err)
{
    *out = NULL;
    for (size_t i = 0; opts && i < opts->nskip; i++)
        if (!risk_ruleset_knows(rs, opts->skip[i]))
            return cir_error(err, CIR_EUSAGE, "--skip",
                             "no rule has the id or checkov/Trivy id \"%.64s\" (see 'circuit rules')", opts->skip[i]);
    risk_report *rep = xcalloc(1, sizeof *rep);
    risk_run run = {.rs = rs, .opts = opts, .rep = rep};
    for (size_t i = 0; i < nplans; i++) {
        assert(plans[i]);
        run.p = plans[i];
        run.warned = json_object();
        run_plan(&run);
        json_decref(run.warned);
        json_decref(run.cd_json);
        free(run.typed);
        risk_refs_free(run.config, run.link_cache);
        run.warned = run.cd_json = run.link_cache = NULL;
        run.typed = NULL;
        run.ntyped = 0;
        run.config = NULL;
        run.cd_res = NULL;
    }
    tidy(rep);
    *out = rep;
    return CIR_OK;
}

size_t risk_report_unchanged(const risk_report *r)
{
    size_t n = 0;
    for (size_t i = 0; r && i < r->nfindings; i++)
        n += r->findings[i].unchanged;
    return n;
}

void risk_report_free(risk_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nfindings; i++)
        finding_free(&r->findings[i]);
    for (size_t i = 0; i < r->nsuppressed; i++)
        suppression_free(&r->suppressed[i]);
    free(r->findings);
    free(r->suppressed);
    free(r);
}
