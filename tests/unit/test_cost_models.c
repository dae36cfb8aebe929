/*
 * test_cost_models.c — invariants of the cost-model tables: sorted and
 * unique types, no type both free and modelled, every variable a template,
 * condition, quantity or fallback names exists in scope, and every usage
 * key a model reads is declared (so the README documents it and unknown
 * keys can be named in warnings).
 */
#include "src/cost/cost_model.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

/* Usage keys each named quantity function reads. */
static const struct {
    cost_qty_fn fn;
    const char *keys[4];
} fn_usage[] = {
    {cq_lb_lcu, {"new_connections", "active_connections", "processed_bytes_gb", "rule_evaluations"}},
    {cq_lambda_gb_seconds, {"monthly_requests", "request_duration_ms"}},
    {cq_lambda_storage_gb_seconds, {"monthly_requests", "request_duration_ms"}},
    {cq_cpu_credits, {"monthly_cpu_credit_hrs", "vcpu_count"}},
    {cq_cache_backup_gb, {"snapshot_storage_size_gb"}},
    {cq_efs_tput, {"storage_gb"}},
    {cq_aurora_io, {"write_requests_per_sec", "read_requests_per_sec"}},
    {cq_aurora_backup_gb, {"backup_snapshot_size_gb"}},
};

static bool declared(const cost_model *m, const char *key)
{
    for (size_t i = 0; i < m->nusage; i++)
        if (strcmp(m->usage[i].key, key) == 0)
            return true;
    return false;
}

static const cost_var *find(const cost_var *vars, size_t n, const char *name)
{
    for (size_t i = 0; vars && i < n; i++)
        if (strcmp(vars[i].name, name) == 0)
            return &vars[i];
    return NULL;
}

static void check_name(const cost_model *m, const cost_part *p, const char *name, const char *where)
{
    bool ok = find(m->vars, m->nvars, name) || (p && find(p->vars, p->nvars, name));
    cr_expect(ok, "%s: %s names undefined variable \"%s\"", m->type, where, name);
}

static void check_template(const cost_model *m, const cost_part *p, const char *tmpl, const char *where)
{
    for (const char *s = tmpl; s && (s = strchr(s, '{'));) {
        const char *close = strchr(s, '}');
        cr_assert_not_null(close, "%s: unbalanced template %s", m->type, tmpl);
        char name[64];
        size_t n = (size_t)(close - s - 1);
        cr_assert_lt(n, sizeof name);
        memcpy(name, s + 1, n);
        name[n] = '\0';
        check_name(m, p, name, where);
        s = close + 1;
    }
}

static void check_conds(const cost_model *m, const cost_part *p, const cost_cond *c, const char *where)
{
    for (size_t i = 0; i < COST_MAX_CONDS && c[i].var; i++) {
        check_name(m, p, c[i].var, where);
        cr_expect_neq(c[i].op, COP_NONE, "%s: %s: condition without an operator", m->type, where);
    }
}

static void check_vars(const cost_model *m, const cost_part *p, const cost_var *vars, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const cost_var *v = &vars[i];
        if (v->fallback)
            check_name(m, p, v->fallback, v->name);
        if (v->usage)
            cr_expect(declared(m, v->usage), "%s: variable %s reads undeclared usage key %s", m->type,
                      v->name, v->usage);
        cr_expect(!(v->attr == NULL && v->from), "%s: %s has a source but no attribute", m->type, v->name);
        for (size_t k = i + 1; k < n; k++)
            cr_expect_str_neq(v->name, vars[k].name, "%s: variable %s defined twice", m->type, v->name);
    }
}

static void check_component(const cost_model *m, const cost_part *p, const cost_comp_spec *c)
{
    cr_expect_not_null(c->name, "%s: a component without a name", m->type);
    cr_expect_not_null(c->service, "%s: %s has no offer code", m->type, c->name);
    cr_expect_not_null(c->unit, "%s: %s has no unit", m->type, c->name);
    check_template(m, p, c->name, c->name);
    check_template(m, p, c->family, c->name);
    check_conds(m, p, c->when, c->name);
    for (size_t i = 0; i < COST_MAX_FILTERS && c->filters[i].key; i++)
        check_template(m, p, c->filters[i].value, c->name);
    if (c->qty.kind == CQ_VAR)
        check_name(m, p, c->qty.key, c->name);
    if (c->qty.kind == CQ_USAGE)
        cr_expect(declared(m, c->qty.key), "%s: %s reads undeclared usage key %s", m->type, c->name, c->qty.key);
    if (c->qty.kind == CQ_FN) {
        cr_expect_not_null(c->qty.fn, "%s: %s has no quantity function", m->type, c->name);
        for (size_t f = 0; f < sizeof fn_usage / sizeof fn_usage[0]; f++)
            if (fn_usage[f].fn == c->qty.fn)
                for (size_t k = 0; k < 4 && fn_usage[f].keys[k]; k++)
                    cr_expect(declared(m, fn_usage[f].keys[k]), "%s: %s reads undeclared usage key %s",
                              m->type, c->name, fn_usage[f].keys[k]);
    }
    if (c->flags & CF_IF_USAGE)
        cr_expect_eq(c->qty.kind, CQ_USAGE, "%s: %s is shown only with usage, so needs a usage key", m->type,
                     c->name);
}

Test(cost_models, sorted_unique_and_found)
{
    const cost_model *const *models;
    size_t n = cost_models(&models);
    cr_assert_gt(n, 20);
    for (size_t i = 0; i < n; i++) {
        if (i)
            cr_expect_lt(strcmp(models[i - 1]->type, models[i]->type), 0, "%s is out of order", models[i]->type);
        cr_expect_eq(cost_model_find(models[i]->type), models[i]);
        cr_expect(cost_type_is_modelled(models[i]->type));
        cr_expect(!cost_type_is_free(models[i]->type), "%s is both free and modelled", models[i]->type);
        cr_expect_not_null(models[i]->doc, "%s has no doc line", models[i]->type);
    }
    cr_expect_null(cost_model_find("aws_made_up_thing"));
    cr_expect_null(cost_model_find(""));
    cr_expect_null(cost_model_find(NULL));
}

/* Each file under src/cost/models/ lists its models sorted; together they
 * are the table, each type once. */
Test(cost_models, per_file_lists_are_sorted_and_disjoint)
{
    const cost_model *const *const *lists;
    size_t nl = cost_model_lists(&lists), total = 0;
    cr_assert_gt(nl, 5);
    for (size_t l = 0; l < nl; l++)
        for (const cost_model *const *m = lists[l]; *m; m++) {
            total++;
            if (m != lists[l])
                cr_expect_lt(strcmp(m[-1]->type, m[0]->type), 0, "%s is out of order in its file", m[0]->type);
            cr_expect_eq(cost_model_find((*m)->type), *m, "%s is defined in two files", (*m)->type);
        }
    const cost_model *const *models;
    cr_expect_eq(cost_models(&models), total, "a type is defined twice");
}

Test(cost_models, issue_types_are_all_covered)
{
    static const char *const want[] = {
        "aws_instance", "aws_ebs_volume", "aws_autoscaling_group", "aws_db_instance", "aws_rds_cluster",
        "aws_rds_cluster_instance", "aws_nat_gateway", "aws_eip", "aws_lb", "aws_alb", "aws_elb",
        "aws_eks_cluster", "aws_eks_node_group", "aws_ecs_service", "aws_efs_file_system",
        "aws_elasticache_cluster", "aws_elasticache_replication_group", "aws_vpc_endpoint",
        "aws_cloudwatch_log_group", "aws_cloudwatch_metric_alarm", "aws_secretsmanager_secret", "aws_kms_key",
        "aws_route53_zone", "aws_s3_bucket", "aws_lambda_function", "aws_dynamodb_table"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        cr_expect(cost_type_is_modelled(want[i]), "%s has no model", want[i]);
    /* priced through the group / service that uses them */
    cr_expect(cost_type_is_free("aws_launch_template"));
    cr_expect(cost_type_is_free("aws_ecs_task_definition"));
}

Test(cost_models, every_name_is_defined_and_every_usage_key_declared)
{
    const cost_model *const *models;
    size_t n = cost_models(&models);
    for (size_t i = 0; i < n; i++) {
        const cost_model *m = models[i];
        check_vars(m, NULL, m->vars, m->nvars);
        check_conds(m, NULL, m->free_when, "free_when");
        if (m->count)
            cr_expect(find(m->vars, m->nvars, m->count), "%s: count variable %s undefined", m->type, m->count);
        if (m->free_when[0].var)
            cr_expect_not_null(m->free_note, "%s: free_when without a note", m->type);
        cr_expect_gt(m->nparts, 0, "%s has no parts", m->type);
        for (size_t p = 0; p < m->nparts; p++) {
            const cost_part *part = &m->parts[p];
            check_vars(m, part, part->vars, part->nvars);
            for (size_t k = 0; k < COST_MAX_CONDS && part->when[k].var; k++)
                cr_expect(find(m->vars, m->nvars, part->when[k].var), "%s: part condition on %s must be a model variable",
                          m->type, part->when[k].var);
            if (part->counted)
                cr_expect_not_null(m->count, "%s: counted part without a count", m->type);
            cr_expect_gt(part->ncomps, 0);
            for (size_t c = 0; c < part->ncomps; c++)
                check_component(m, part, &part->comps[c]);
        }
        for (size_t k = 0; k < m->nusage; k++) {
            cr_expect_not_null(m->usage[k].doc, "%s: usage key %s has no doc", m->type, m->usage[k].key);
            for (size_t j = k + 1; j < m->nusage; j++)
                cr_expect_str_neq(m->usage[k].key, m->usage[j].key, "%s: %s declared twice", m->type,
                                  m->usage[k].key);
        }
    }
}

Test(cost_free, sorted_unique_aws)
{
    const char *const *types;
    size_t n = cost_free_types(&types);
    cr_assert_gt(n, 100);
    for (size_t i = 0; i < n; i++) {
        cr_expect_eq(strncmp(types[i], "aws_", 4), 0, "%s is not an AWS type", types[i]);
        if (i)
            cr_expect_lt(strcmp(types[i - 1], types[i]), 0, "%s is out of order", types[i]);
        cr_expect(cost_type_is_free(types[i]));
    }
    cr_expect(cost_type_is_free("aws_vpc"));
    cr_expect(cost_type_is_free("aws_iam_role"));
    cr_expect(cost_type_is_free("aws_security_group"));
    cr_expect(!cost_type_is_free("aws_made_up_thing"));
    cr_expect(!cost_type_is_free(NULL));
    cr_expect(!cost_type_is_free("aws_vp"));
}

Test(cost_status, names_match_the_json_counts)
{
    cr_expect_str_eq(cost_status_name(COST_PRICED), "priced");
    cr_expect_str_eq(cost_status_name(COST_FREE), "free");
    cr_expect_str_eq(cost_status_name(COST_UNSUPPORTED), "unsupported");
    cr_expect_str_eq(cost_status_name(COST_USAGE_ONLY), "usage_only");
    cr_expect_str_eq(cost_status_name(COST_NOT_PRICED), "not_priced");
    cr_expect_str_eq(cost_status_name(COST_SKIPPED), "skipped");
}

/* EKS extended support: past the end of standard support on the day
 * priced; the end date itself is still standard; versions older than the
 * calendar were upgraded to an extended one; newer ones are standard. */
Test(cost_models, eks_extended_support_follows_the_calendar)
{
    cr_assert(!cost_eks_extended("1.34", "2026-12-02"));
    cr_assert(cost_eks_extended("1.34", "2026-12-03"));
    cr_assert(cost_eks_extended("1.30", "2026-11-27"));
    cr_assert(cost_eks_extended("1.21", "2026-11-27"));
    cr_assert(!cost_eks_extended("1.40", "2026-11-27"));
    cr_assert(!cost_eks_extended("latest", "2026-11-27"));
    cr_assert(!cost_eks_extended(NULL, "2026-11-27"));
    for (size_t i = 1; i < cost_eks_nversions; i++)
        cr_assert_gt(strcmp(cost_eks_versions[i].standard_end, cost_eks_versions[i - 1].standard_end), 0,
                     "calendar sorted at %zu", i);
}

Test(cost_models, today_honours_a_valid_circuit_date_only)
{
    setenv("CIRCUIT_DATE", "2026-01-02", 1);
    cr_assert_str_eq(cost_today(), "2026-01-02");
    setenv("CIRCUIT_DATE", "yesterday", 1);
    cr_assert_eq(strlen(cost_today()), 10);
    cr_assert_str_neq(cost_today(), "yesterday");
    unsetenv("CIRCUIT_DATE");
}

/* ---- assumptions are data, stated and overridable ---------------------- */

static bool never_guessed(const char *attr)
{
    static const char *const keys[] = {"instance_type", "instance_types", "instance_class", "engine", "node_type"};
    if (!attr)
        return false;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        size_t n = strlen(keys[i]);
        if (strncmp(attr, keys[i], n) == 0 && (attr[n] == '\0' || attr[n] == '['))
            return true;
    }
    return false;
}

static void check_assumptions(const cost_model *m, const cost_var *vars, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const cost_var *v = &vars[i];
        if (v->flags & (CVF_UNKNOWN_DEFAULT | CVF_ASSUME)) {
            cr_expect_not_null(v->why, "%s: %s may be assumed but says not why", m->type, v->name);
            cr_expect_not_null(v->usage, "%s: %s may be assumed but no usage key overrides it", m->type, v->name);
            cr_expect(v->dflt || v->fallback, "%s: %s may be assumed but has nothing to assume", m->type, v->name);
        }
        cr_expect(!(never_guessed(v->attr) && (v->flags & (CVF_UNKNOWN_DEFAULT | CVF_ASSUME))),
                  "%s: %s (%s) is an instance type, class or engine: never assumed", m->type, v->name, v->attr);
        cr_expect(!((v->flags & CVF_REQUIRED) && v->dflt), "%s: %s is required and has a default", m->type,
                  v->name);
    }
}

Test(cost_models, every_assumption_says_why_and_has_a_usage_key)
{
    const cost_model *const *models;
    size_t n = cost_models(&models);
    for (size_t i = 0; i < n; i++) {
        const cost_model *m = models[i];
        check_assumptions(m, m->vars, m->nvars);
        for (size_t p = 0; p < m->nparts; p++)
            check_assumptions(m, m->parts[p].vars, m->parts[p].nvars);
        /* `circuit estimate` shows an example when a required value is missing */
        for (size_t k = 0; k < m->nvars; k++)
            if ((m->vars[k].flags & CVF_REQUIRED) && !m->vars[k].from)
                cr_expect_not_null(m->example, "%s requires %s but has no example for estimate", m->type,
                                   m->vars[k].attr);
    }
}

Test(cost_models, the_offers_are_the_ones_the_components_read)
{
    size_t n;
    const char *const *offers = cost_model_offers(&n);
    cr_assert_gt(n, 10);
    cr_expect_null(offers[n]);
    for (size_t i = 1; i < n; i++)
        cr_expect_lt(strcmp(offers[i - 1], offers[i]), 0, "%s sorted and once", offers[i]);
    const cost_model *const *models;
    size_t nm = cost_models(&models);
    for (size_t i = 0; i < nm; i++)
        for (size_t p = 0; p < models[i]->nparts; p++)
            for (size_t c = 0; c < models[i]->parts[p].ncomps; c++) {
                const char *svc = models[i]->parts[p].comps[c].service;
                bool found = false;
                for (size_t k = 0; k < n && !found; k++)
                    found = strcmp(offers[k], svc) == 0;
                cr_expect(found, "%s reads %s, which pricing sync would not fetch", models[i]->type, svc);
            }
}
