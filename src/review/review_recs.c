/*
 * review_recs.c — numbered Recommendations: one per rule that fired (its
 * remediation, on the resources it fired on), then cost savings that were
 * actually priced.
 *
 * A saving is priced the same way the estimate is: the candidate change
 * (previous-generation size -> current generation, gp2 -> gp3) is written
 * as an "update" in a small synthetic plan, one resource per distinct
 * configuration, and cost_estimate() prices before and after with the same
 * models and price cache.  Only a saving whose both sides priced is
 * claimed; anything else is left out rather than guessed.
 */
#include "review_int.h"

#include "../core/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- previous generation -> current generation --------------------------- */

static const struct {
    const char *old, *cur;
} generations[] = {
    {"t2", "t3"}, {"m3", "m5"}, {"m4", "m5"}, {"c3", "c5"}, {"c4", "c5"},
    {"r3", "r5"}, {"r4", "r5"}, {"i2", "i3"}, {"d2", "d3"},
};

bool rv_current_generation(const char *size, char *out, size_t outsz)
{
    static const char *const prefixes[] = {"", "db.", "cache."};
    for (size_t p = 0; size && p < sizeof prefixes / sizeof prefixes[0]; p++) {
        size_t pl = strlen(prefixes[p]);
        if (strncmp(size, prefixes[p], pl) != 0)
            continue;
        const char *fam = size + pl;
        const char *dot = strchr(fam, '.');
        if (!dot)
            continue;
        for (size_t g = 0; g < sizeof generations / sizeof generations[0]; g++) {
            size_t gl = strlen(generations[g].old);
            if ((size_t)(dot - fam) == gl && strncmp(fam, generations[g].old, gl) == 0) {
                /* A size too long to hold is no real type: suggest nothing
                 * rather than half a name (cut mid-character, even). */
                int n = snprintf(out, outsz, "%s%s%s", prefixes[p], generations[g].cur, dot);
                return n >= 0 && (size_t)n < outsz;
            }
        }
    }
    return false;
}

/* ---- candidates: distinct configurations to price ------------------------ */

typedef struct cand {
    char *key;                 /* type + region + before + after, for dedup */
    char *type, *region;
    json_t *before, *after;    /* minimal, price-relevant attributes only */
    bool priced;
    double saving;             /* before - after, monthly */
} cand;

typedef struct use {
    size_t cand;
    double times;              /* instances / nodes this configuration runs */
} use;

typedef struct group {
    char *text_key;            /* kind|from|to */
    int kind;
    char *from, *to;
    review_list who;
    use *uses;
    size_t nuses, cap;
    bool per_instance;         /* count unknown: saving per running instance */
} group;

enum { G_GENERATION, G_GP2 };

typedef struct recs {
    cand *cands;
    size_t ncands, ccap;
    group *groups;
    size_t ngroups, gcap;
} recs;

static size_t add_cand(recs *s, const char *type, const char *region, json_t *before, json_t *after)
{
    char *b = json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS);
    char *a = json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS);
    char *key = xasprintf("%s|%s|%s|%s", type, region, b, a);
    free(b);
    free(a);
    for (size_t i = 0; i < s->ncands; i++)
        if (strcmp(s->cands[i].key, key) == 0) {
            free(key);
            json_decref(before);
            json_decref(after);
            return i;
        }
    s->cands = xgrow(s->cands, &s->ccap, s->ncands + 1, sizeof *s->cands);
    cand *c = &s->cands[s->ncands];
    memset(c, 0, sizeof *c);
    c->key = key;
    c->type = xstrdup(type);
    c->region = xstrdup(region);
    c->before = before;
    c->after = after;
    return s->ncands++;
}

static group *find_group(recs *s, int kind, const char *from, const char *to)
{
    char *key = xasprintf("%d|%s|%s", kind, from, to);
    for (size_t i = 0; i < s->ngroups; i++)
        if (strcmp(s->groups[i].text_key, key) == 0) {
            free(key);
            return &s->groups[i];
        }
    s->groups = xgrow(s->groups, &s->gcap, s->ngroups + 1, sizeof *s->groups);
    group *g = &s->groups[s->ngroups++];
    memset(g, 0, sizeof *g);
    g->who.keep = RV_MAX_NAMED + 1;
    g->text_key = key;
    g->kind = kind;
    g->from = xstrdup(from);
    g->to = xstrdup(to);
    return g;
}

static void add_use(group *g, size_t cand_index, double times, char *label)
{
    g->uses = xgrow(g->uses, &g->cap, g->nuses + 1, sizeof *g->uses);
    g->uses[g->nuses++] = (use){cand_index, times};
    review_list_add(&g->who, "%s", label);
    free(label);
}

static const char *region_of(const plan_resource *r, const review_opts *o)
{
    if (r->region)
        return r->region;
    return o && o->region ? o->region : "us-east-1";
}

/* Copies the known, non-sensitive attributes `keys` of r into a new object. */
static json_t *pick(const plan_resource *r, const char *const *keys)
{
    json_t *o = json_object();
    for (size_t i = 0; keys[i]; i++) {
        const json_t *v = rv_get(r, keys[i]);
        if (v)
            json_object_set_new(o, keys[i], json_deep_copy(v));
    }
    return o;
}

/* A resource sized by `attr`: its current-generation twin, priced on the
 * same type (or as a bare EC2 instance for launch templates / node groups). */
static void generation_candidate(recs *s, const review *rv, const char *pn, const plan_resource *r,
                                 const review_opts *o)
{
    static const struct {
        const char *type, *attr, *price_as;
        const char *keep[5];
    } sized[] = {
        {"aws_instance", "instance_type", "aws_instance", {"tenancy", NULL}},
        {"aws_db_instance", "instance_class", "aws_db_instance", {"engine", "multi_az", "license_model", NULL}},
        {"aws_rds_cluster_instance", "instance_class", "aws_rds_cluster_instance", {"engine", NULL}},
        {"aws_elasticache_cluster", "node_type", "aws_elasticache_cluster", {"engine", NULL}},
        {"aws_elasticache_replication_group", "node_type", "aws_elasticache_cluster", {"engine", NULL}},
        {"aws_launch_template", "instance_type", "aws_instance", {NULL}},
        {"aws_launch_configuration", "instance_type", "aws_instance", {NULL}},
        {"aws_eks_node_group", "instance_types[0]", "aws_instance", {NULL}},
    };
    for (size_t i = 0; i < sizeof sized / sizeof sized[0]; i++) {
        if (!rv_is(r, sized[i].type))
            continue;
        const char *size = rv_str(r, sized[i].attr);
        char next[64];
        if (!size || !rv_current_generation(size, next, sizeof next))
            return;
        const char *size_key = strcmp(sized[i].price_as, "aws_instance") == 0 ? "instance_type"
                               : strcmp(sized[i].price_as, "aws_elasticache_cluster") == 0 ? "node_type"
                                                                                          : "instance_class";
        json_t *before = pick(r, sized[i].keep), *after;
        json_object_set_new(before, size_key, json_string(size));
        if (strcmp(sized[i].price_as, "aws_elasticache_cluster") == 0)
            json_object_set_new(before, "num_cache_nodes", json_integer(1));
        after = json_deep_copy(before);
        json_object_set_new(after, size_key, json_string(next));
        size_t ci = add_cand(s, sized[i].price_as, region_of(r, o), before, after);
        double times = 1;
        bool per_instance = false;
        if (rv_is(r, "aws_elasticache_cluster"))
            rv_num(r, "num_cache_nodes", &times);
        else if (rv_is(r, "aws_elasticache_replication_group"))
            rv_num(r, "num_cache_clusters", &times);
        else if (rv_is(r, "aws_eks_node_group"))
            per_instance = !rv_num(r, "scaling_config[0].desired_size", &times);
        else if (rv_is(r, "aws_launch_template") || rv_is(r, "aws_launch_configuration"))
            per_instance = true;
        group *g = find_group(s, G_GENERATION, size, next);
        g->per_instance |= per_instance;
        add_use(g, ci, times, rv_label(rv, pn, r));
        return;
    }
}

/* gp2 -> gp3 with at least gp2's baseline: 3 IOPS per GB (gp3 includes
 * 3,000; gp2 tops out at 16,000) and 250 MB/s from 334 GB, where gp2
 * reaches its maximum throughput (gp3 includes 125 MB/s). */
static size_t gp3_candidate(recs *s, const char *region, double gb)
{
    json_t *before = json_pack("{s:s, s:f}", "type", "gp2", "size", gb);
    double iops = fmin(fmax(3000, 3 * gb), 16000);
    json_t *after = json_pack("{s:s, s:f, s:f, s:f}", "type", "gp3", "size", gb, "iops", iops,
                              "throughput", gb >= 334 ? 250.0 : 125.0);
    return add_cand(s, "aws_ebs_volume", region, before, after);
}

static void gp2_candidate(recs *s, const review *rv, const char *pn, const plan_resource *r,
                          const review_opts *o)
{
    double gb;
    const char *t;
    if (rv_is(r, "aws_ebs_volume")) {
        t = rv_str(r, "type");
        if (t && strcmp(t, "gp2") == 0 && rv_num(r, "size", &gb))
            add_use(find_group(s, G_GP2, "gp2", "gp3"), gp3_candidate(s, region_of(r, o), gb), 1,
                    rv_label(rv, pn, r));
    } else if (rv_is(r, "aws_instance")) {
        t = rv_str(r, "root_block_device[0].volume_type");
        if (t && strcmp(t, "gp2") == 0 && rv_num(r, "root_block_device[0].volume_size", &gb)) {
            char *label = rv_label(rv, pn, r);
            char *root = xasprintf("%s root volume", label);
            free(label);
            add_use(find_group(s, G_GP2, "gp2", "gp3"), gp3_candidate(s, region_of(r, o), gb), 1, root);
        }
    }
}

/* ---- pricing the candidates ------------------------------------------------ */

static char *synthetic_plan(const recs *s)
{
    json_t *changes = json_array();
    for (size_t i = 0; i < s->ncands; i++) {
        const cand *c = &s->cands[i];
        char name[32], address[160];
        snprintf(name, sizeof name, "candidate_%zu", i);
        snprintf(address, sizeof address, "%s.%s", c->type, name);
        json_t *before = json_deep_copy(c->before), *after = json_deep_copy(c->after);
        json_object_set_new(before, "region", json_string(c->region));
        json_object_set_new(after, "region", json_string(c->region));
        json_array_append_new(changes, json_pack(
            "{s:s, s:s, s:s, s:s, s:s, s:{s:[s], s:o, s:o, s:{}, s:{}, s:{}}}",
            "address", address, "mode", "managed", "type", c->type, "name", name,
            "provider_name", "registry.terraform.io/hashicorp/aws",
            "change", "actions", "update", "before", before, "after", after,
            "after_unknown", "before_sensitive", "after_sensitive"));
    }
    json_t *doc = json_pack("{s:s, s:o}", "format_version", "1.2", "resource_changes", changes);
    char *text = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return text;
}

static cir_code price_cands(recs *s, const review_opts *o, cir_err *err)
{
    if (!s->ncands || !o || !o->cache)
        return CIR_OK;
    char *text = synthetic_plan(s);
    plan_load_opts lo = {.region_flag = NULL, .quiet = true};
    plan *p = NULL;
    cir_code rc = plan_load_buffer("recommendations", text, strlen(text), &lo, &p, err);
    free(text);
    if (rc)
        return cir_error_prefix(err, CIR_EINTERNAL, "review", "cannot price recommendations");
    cost_report *rep = NULL;
    plan *plans[1] = {p};
    rc = cost_estimate(plans, 1, o->cache, NULL, &rep, err);
    if (rc == CIR_OK) {
        for (size_t i = 0; i < rep->nresources; i++) {
            const cost_resource *cr = &rep->resources[i];
            size_t idx;
            if (cr->status != COST_PRICED || cr->before.not_priced || cr->after.not_priced ||
                sscanf(cr->res->name, "candidate_%zu", &idx) != 1 || idx >= s->ncands)
                continue;
            s->cands[idx].priced = true;
            s->cands[idx].saving = cr->monthly_before - cr->monthly_after;
        }
        cost_report_free(rep);
    }
    plan_free(p);
    return rc;
}

/* ---- recommendations --------------------------------------------------------- */

/* Adds a recommendation; one with the same key (same action on the same
 * targets) already there absorbs it instead. */
static void add_rec(review *rv, size_t *cap, bool has_saving, double saving, char *key, char *text)
{
    for (size_t i = 0; key && i < rv->nrecs; i++)
        if (rv->recs[i].key && strcmp(rv->recs[i].key, key) == 0) {
            free(key);
            free(text);
            return;
        }
    rv->recs = xgrow(rv->recs, cap, rv->nrecs + 1, sizeof *rv->recs);
    rv->recs[rv->nrecs++] = (review_rec){key, text, has_saving, has_saving ? money_round(saving) : 0};
}

static bool rec_has_rule(const review *rv, const char *id)
{
    for (size_t i = 0; rv->risk && i < rv->risk->nfindings; i++)
        if (strcmp(rv->risk->findings[i].rule->id, id) == 0)
            return true;
    return false;
}

/* One recommendation per action: findings whose rules ask the same thing
 * (the same remediation) merge, naming every rule and address once. */
static void finding_recs(review *rv, size_t *cap)
{
    const risk_report *rk = rv->risk;
    if (!rk)
        return;
    bool *done = xcalloc(rk->nfindings + 1, sizeof *done);
    for (size_t i = 0; i < rk->nfindings; i++) {
        if (done[i])
            continue;
        const risk_rule_info *rule = rk->findings[i].rule;
        const char *what = rule->remediation ? rule->remediation : rule->title;
        review_list where = RV_EVIDENCE, rules = {0};
        json_t *seen_at = json_object();
        for (size_t j = i; j < rk->nfindings; j++) {
            const risk_finding *f = &rk->findings[j];
            const char *other = f->rule->remediation ? f->rule->remediation : f->rule->title;
            if (done[j] || strcmp(other, what) != 0)
                continue;
            done[j] = true;
            const char *at = f->address ? f->address : "";
            bool seen = json_object_get(seen_at, at) != NULL;
            if (!seen) {
                json_object_set_new(seen_at, at, json_true());
                if (f->address)
                    review_list_add(&where, RV_CODE "%s" RV_END, f->address);
                else
                    review_list_add(&where, "%s", "the plan");
            }
            seen = false;
            for (size_t k = 0; k < rules.n; k++)
                seen |= strcmp(rules.items[k], f->rule->id) == 0;
            if (!seen)
                review_list_add(&rules, "%s", f->rule->id);
        }
        char *list = rv_join(&where, ", ", RV_MAX_NAMED);
        char *ids = rv_join(&rules, ", ", RV_MAX_NAMED);
        size_t len = strlen(what);
        while (len && (what[len - 1] == '.' || what[len - 1] == ' '))
            len--;
        add_rec(rv, cap, false, 0, xasprintf("%.*s", (int)len, what),
                xasprintf("%.*s — %s (%s) on %s", (int)len, what, ids,
                          risk_severity_name(rule->severity), list));
        free(list);
        free(ids);
        review_list_free(&where);
        review_list_free(&rules);
        json_decref(seen_at);
    }
    free(done);
}

static void saving_recs(review *rv, const recs *s, size_t *cap)
{
    for (size_t i = 0; i < s->ngroups; i++) {
        const group *g = &s->groups[i];
        double total = 0;
        bool priced = true;
        for (size_t u = 0; u < g->nuses; u++) {
            const cand *c = &s->cands[g->uses[u].cand];
            priced &= c->priced;
            total += c->saving * g->uses[u].times;
        }
        if (!priced || money_round(total) <= 0)
            continue;
        char amount[48];
        money_format(amount, sizeof amount, total);
        char *who = rv_join(&g->who, ", ", RV_MAX_NAMED);
        char *text;
        if (g->kind == G_GP2)
            text = xasprintf("Switch gp2 volumes to gp3 at the same baseline IOPS and throughput (%s): "
                             "saves %s/month", who, amount);
        else if (g->per_instance)
            text = xasprintf("Use current-generation " RV_CODE "%s" RV_END " instead of previous-generation "
                             RV_CODE "%s" RV_END " (%s): saves %s/month per running instance", g->to, g->from,
                             who, amount);
        else
            text = xasprintf("Use current-generation " RV_CODE "%s" RV_END " instead of previous-generation "
                             RV_CODE "%s" RV_END " (%s): saves %s/month", g->to, g->from, who, amount);
        add_rec(rv, cap, !g->per_instance, total, xasprintf("%d|%s|%s", g->kind, g->from, g->to), text);
        free(who);
    }
}

/* NAT gateways: gateway endpoints for S3/DynamoDB, and one NAT per AZ. */
static void nat_recs(review *rv, size_t *cap)
{
    size_t nat = 0;
    bool s3 = false, dynamodb = false;
    double hourly = 0;
    const char *data_price = NULL;
    size_t pi = 0, ri = 0;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, NULL))) {
        if (!rv_live(r))
            continue;
        if (rv_is(r, "aws_vpc_endpoint")) {
            const char *svc = rv_str(r, "service_name"), *kind = rv_str(r, "vpc_endpoint_type");
            const char *tail = svc ? strrchr(svc, '.') : NULL;
            if (tail && (!kind || strcmp(kind, "Gateway") == 0)) {
                s3 |= strcmp(tail, ".s3") == 0;
                dynamodb |= strcmp(tail, ".dynamodb") == 0;
            }
        } else if (rv_is(r, "aws_nat_gateway") && r->action == PLAN_ACT_CREATE) {
            nat++;
            const cost_resource *c = rv_cost_of(rv, r);
            for (size_t i = 0; c && i < c->after.ncomponents; i++) {
                const cost_component *k = &c->after.components[i];
                if (k->priced && !k->usage_based && nat == 1)
                    hourly += k->monthly;
                if (k->usage_missing && k->note && !data_price)
                    data_price = strncmp(k->note, "depends on usage: ", 18) == 0 ? k->note + 18 : k->note;
            }
        }
    }
    /* CIR-VPC-003 already asks for the S3 endpoint: say it once. */
    s3 |= rec_has_rule(rv, "CIR-VPC-003");
    if (nat && (!s3 || !dynamodb))
        add_rec(rv, cap, false, 0, xstrdup("gateway endpoints"),
                xasprintf("Add gateway VPC endpoints for %s (free of hourly and data charges) so that "
                          "traffic skips the NAT gateway%s data processing charge%s%s%s",
                          !s3 && !dynamodb ? "S3 and DynamoDB" : !s3 ? "S3" : "DynamoDB",
                          nat == 1 ? "'s" : "s'", data_price ? " (" : "", data_price ? data_price : "",
                          data_price ? ")" : ""));
    if (nat >= 2 && hourly > 0) {
        char each[48], save[48];
        money_format(each, sizeof each, hourly);
        money_format(save, sizeof save, hourly * (double)(nat - 1));
        add_rec(rv, cap, true, hourly * (double)(nat - 1), xstrdup("share one NAT gateway"),
                xasprintf("%zu new NAT gateways cost %s/month each before data; where one AZ's outage "
                          "may take egress down (non-production), one shared NAT gateway saves %s/month",
                          nat, each, save));
    }
}

static void recs_free(recs *s)
{
    for (size_t i = 0; i < s->ncands; i++) {
        free(s->cands[i].key);
        free(s->cands[i].type);
        free(s->cands[i].region);
        json_decref(s->cands[i].before);
        json_decref(s->cands[i].after);
    }
    for (size_t i = 0; i < s->ngroups; i++) {
        free(s->groups[i].text_key);
        free(s->groups[i].from);
        free(s->groups[i].to);
        free(s->groups[i].uses);
        review_list_free(&s->groups[i].who);
    }
    free(s->cands);
    free(s->groups);
}

cir_code rv_build_recommendations(review *rv, const review_opts *opts, cir_err *err)
{
    size_t cap = 0;
    finding_recs(rv, &cap);
    recs s;
    memset(&s, 0, sizeof s);
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r) || r->action == PLAN_ACT_NOOP)
            continue;
        generation_candidate(&s, rv, pn, r, opts);
        gp2_candidate(&s, rv, pn, r, opts);
    }
    cir_code rc = price_cands(&s, opts, err);
    if (rc == CIR_OK) {
        saving_recs(rv, &s, &cap);
        nat_recs(rv, &cap);
        if (!rv->nrecs)
            add_rec(rv, &cap, false, 0, NULL, xstrdup("No changes recommended"));
    }
    recs_free(&s);
    return rc;
}
