/*
 * review_checklist.c — the Operational Checklist (seven items, ticked only
 * on evidence from the plan), and the Strengths and Concerns lists drawn
 * from the assessment, the checklist, the findings and the cost report.
 */
#include "review_int.h"

#include "../core/mem.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const review_check_items[REVIEW_NCHECKS] = {
    "Monitoring/alerting considered",
    "Logging sufficient for debugging",
    "Graceful degradation planned",
    "Rollback strategy defined",
    "Resource requirements estimated",
    "Security groups properly configured",
    "Secrets properly managed",
};

enum { CK_MONITORING, CK_LOGGING, CK_DEGRADATION, CK_ROLLBACK, CK_RESOURCES, CK_SECURITY_GROUPS,
       CK_SECRETS };

static void set_check(review *rv, int id, bool checked, char *evidence)
{
    free(rv->checks[id].evidence);
    rv->checks[id].checked = checked;
    rv->checks[id].evidence = evidence;
}

/* Decides a check from positive and negative evidence. */
static void decide(review *rv, int id, const review_list *ok, const review_list *bad,
                   const char *nothing)
{
    if (bad->n)
        set_check(rv, id, false, rv_reason(NULL, bad));
    else if (ok->n)
        set_check(rv, id, true, rv_reason(NULL, ok));
    else
        set_check(rv, id, false, xstrdup(nothing));
}

/* ---- monitoring ---------------------------------------------------------- */

static bool container_insights(const plan_resource *r)
{
    const json_t *settings = rv_get(r, "setting");
    size_t i;
    const json_t *s;
    json_array_foreach(settings, i, s) {
        const char *name = json_string_value(json_object_get(s, "name"));
        const char *value = json_string_value(json_object_get(s, "value"));
        if (name && value && strcmp(name, "containerInsights") == 0 && strcmp(value, "disabled") != 0)
            return true;
    }
    return false;
}

static void monitoring(review *rv)
{
    review_list ok = RV_EVIDENCE, bad = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    double v;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        if (rv_is(r, "aws_cloudwatch_metric_alarm") || rv_is(r, "aws_cloudwatch_composite_alarm")) {
            const char *metric = rv_str(r, "metric_name");
            rv_ev(&ok, rv, pn, r, "alarm%s%s", metric ? " on " : "", metric ? metric : "");
        } else if (rv_is(r, "aws_cloudwatch_dashboard")) {
            rv_ev(&ok, rv, pn, r, "dashboard");
        } else if (rv_is(r, "aws_ecs_cluster") && container_insights(r)) {
            rv_ev(&ok, rv, pn, r, "Container Insights");
        } else if (rv_is(r, "aws_instance") && rv_true(r, "monitoring")) {
            rv_ev(&ok, rv, pn, r, "detailed monitoring");
        } else if (rv_is(r, "aws_db_instance") && (rv_true(r, "performance_insights_enabled") ||
                                                   (rv_num(r, "monitoring_interval", &v) && v > 0))) {
            rv_ev(&ok, rv, pn, r, "Performance Insights / Enhanced Monitoring");
        } else if (rv_is(r, "aws_route53_health_check")) {
            rv_ev(&ok, rv, pn, r, "Route 53 health check");
        }
    }
    decide(rv, CK_MONITORING, &ok, &bad, "no CloudWatch alarm, dashboard, Container Insights or "
                                         "database monitoring in the plan");
    review_list_free(&ok);
    review_list_free(&bad);
}

/* ---- logging ------------------------------------------------------------- */

static void container_logging(const review *rv, const char *pn, const plan_resource *r,
                              review_list *ok, review_list *bad)
{
    json_t *defs = rv_containers(r, true);
    if (!defs)
        return;
    size_t i, without = 0;
    const json_t *c;
    const char *first = NULL;
    json_array_foreach(defs, i, c) {
        if (!json_is_object(json_object_get(c, "logConfiguration")) && !without++)
            first = json_string_value(json_object_get(c, "name"));
    }
    if (without)
        rv_ev(bad, rv, pn, r, "container %s has no log configuration", first ? first : "(unnamed)");
    else if (json_array_size(defs))
        rv_ev(ok, rv, pn, r, "container logs shipped (logConfiguration)");
    json_decref(defs);
}

static void logging(review *rv)
{
    review_list ok = RV_EVIDENCE, bad = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    double days;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        if (rv_is(r, "aws_cloudwatch_log_group")) {
            if (rv_num(r, "retention_in_days", &days) && days > 0)
                rv_ev(&ok, rv, pn, r, "log group kept %.0f days", days);
            else
                rv_ev(&ok, rv, pn, r, "log group");
        } else if (rv_is(r, "aws_ecs_task_definition")) {
            container_logging(rv, pn, r, &ok, &bad);
        } else if ((rv_is(r, "aws_lb") || rv_is(r, "aws_alb")) && rv_true(r, "access_logs[0].enabled")) {
            rv_ev(&ok, rv, pn, r, "access logs");
        } else if (rv_is(r, "aws_flow_log")) {
            rv_ev(&ok, rv, pn, r, "VPC flow logs");
        } else if (rv_is(r, "aws_eks_cluster") && rv_len(r, "enabled_cluster_log_types")) {
            rv_ev(&ok, rv, pn, r, "control plane logs");
        } else if ((rv_is(r, "aws_db_instance") || rv_is(r, "aws_rds_cluster")) &&
                   rv_len(r, "enabled_cloudwatch_logs_exports")) {
            rv_ev(&ok, rv, pn, r, "database logs exported");
        } else if (rv_is(r, "aws_cloudtrail")) {
            rv_ev(&ok, rv, pn, r, "CloudTrail");
        } else if (rv_is(r, "aws_s3_bucket_logging")) {
            rv_ev(&ok, rv, pn, r, "S3 access logging");
        }
    }
    decide(rv, CK_LOGGING, &ok, &bad, "no log group, container log configuration, access logs or "
                                      "flow logs in the plan");
    review_list_free(&ok);
    review_list_free(&bad);
}

/* ---- resource requirements ------------------------------------------------ */

static void resources_estimated(review *rv)
{
    const cost_report *c = rv->cost;
    if (!c) {
        set_check(rv, CK_RESOURCES, false, xstrdup("no cost estimate was made"));
        return;
    }
    if (c->counts.not_priced || c->counts.unsupported) {
        set_check(rv, CK_RESOURCES, false,
                  xasprintf("%zu resource%s not priced and %zu without a cost model",
                            c->counts.not_priced, c->counts.not_priced == 1 ? "" : "s",
                            c->counts.unsupported));
        return;
    }
    char total[48];
    money_format(total, sizeof total, c->totals.monthly_after);
    set_check(rv, CK_RESOURCES, true,
              xasprintf("%zu priced, %zu free and %zu usage-based resources estimated: %s/month after "
                        "the change",
                        c->counts.priced, c->counts.free, c->counts.usage_only, total));
}

/* ---- security groups -------------------------------------------------------- */

static bool is_sg_type(const char *type)
{
    return type && (strstr(type, "aws_security_group") || strstr(type, "aws_vpc_security_group") ||
                    strcmp(type, "aws_default_security_group") == 0);
}

static bool finding_on_sg(const risk_finding *f)
{
    return is_sg_type(f->rule->resource_type) || (f->address && strstr(f->address, "security_group"));
}

static void security_groups(review *rv)
{
    review_list ok = RV_EVIDENCE, bad = RV_EVIDENCE;
    size_t groups = 0, rules = 0;
    size_t pi = 0, ri = 0;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, NULL))) {
        if (!rv_live(r) || !is_sg_type(r->type))
            continue;
        if (rv_is(r, "aws_security_group") || rv_is(r, "aws_default_security_group"))
            groups++;
        else
            rules++;
    }
    for (size_t i = 0; rv->risk && i < rv->risk->nfindings; i++) {
        const risk_finding *f = &rv->risk->findings[i];
        if (strcmp(f->rule->area, "networking") == 0 && finding_on_sg(f))
            review_list_add(&bad, "%s (%s) on %s", f->rule->id, risk_severity_name(f->rule->severity),
                            f->address ? f->address : "the plan");
    }
    if (groups + rules) {
        sbuf b = SBUF_INIT;
        if (groups)
            sbuf_printf(&b, "%zu security group%s", groups, groups == 1 ? "" : "s");
        if (rules)
            sbuf_printf(&b, "%s%zu security group rule%s", groups ? " and " : "", rules, rules == 1 ? "" : "s");
        review_list_add(&ok, "%s with no networking finding", sbuf_str(&b));
        sbuf_free(&b);
    }
    if (!rv->risk && !bad.n && ok.n) {
        set_check(rv, CK_SECURITY_GROUPS, false, xstrdup("risk rules were not run"));
    } else {
        decide(rv, CK_SECURITY_GROUPS, &ok, &bad, "no security group in the plan");
    }
    review_list_free(&ok);
    review_list_free(&bad);
}

/* ---- secrets ------------------------------------------------------------- */

static bool mentions_secret(const char *s)
{
    for (; s && *s; s++)
        if (strncasecmp(s, "secret", 6) == 0 || strncasecmp(s, "password", 8) == 0 ||
            strncasecmp(s, "credential", 10) == 0 || strncasecmp(s, "plaintext", 9) == 0)
            return true;
    return false;
}

/* A finding about a mishandled secret (plain text in an environment or a
 * parameter): medium or worse and its rule names a secret.  Low ones
 * (rotation, customer keys) are hygiene, not mismanagement. */
static bool finding_on_secret(const risk_finding *f)
{
    return f->rule->severity >= RISK_MEDIUM && (mentions_secret(f->rule->title) || mentions_secret(f->rule->id));
}

static void container_secrets(const review *rv, const char *pn, const plan_resource *r,
                              review_list *ok)
{
    json_t *defs = rv_containers(r, true);
    size_t i, with = 0;
    const json_t *c;
    json_array_foreach(defs, i, c)
        if (json_array_size(json_object_get(c, "secrets")))
            with++;
    if (with)
        rv_ev(ok, rv, pn, r, "%zu container%s read secrets by reference (secrets/valueFrom)", with,
              with == 1 ? "" : "s");
    json_decref(defs);
}

static void secrets(review *rv)
{
    review_list ok = RV_EVIDENCE, bad = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        if (rv_is(r, "aws_secretsmanager_secret")) {
            rv_ev(&ok, rv, pn, r, "Secrets Manager secret");
        } else if (rv_is(r, "aws_ssm_parameter")) {
            const char *type = rv_str(r, "type");
            if (type && strcmp(type, "SecureString") == 0)
                rv_ev(&ok, rv, pn, r, "SecureString parameter");
        } else if ((rv_is(r, "aws_db_instance") || rv_is(r, "aws_rds_cluster")) &&
                   rv_true(r, "manage_master_user_password")) {
            rv_ev(&ok, rv, pn, r, "master password managed in Secrets Manager");
        } else if (rv_is(r, "aws_ecs_task_definition")) {
            container_secrets(rv, pn, r, &ok);
        }
    }
    for (size_t i = 0; rv->risk && i < rv->risk->nfindings; i++) {
        const risk_finding *f = &rv->risk->findings[i];
        if (finding_on_secret(f))
            review_list_add(&bad, "%s (%s) on %s", f->rule->id, risk_severity_name(f->rule->severity),
                            f->address ? f->address : "the plan");
    }
    decide(rv, CK_SECRETS, &ok, &bad, "no secret store or secret reference in the plan");
    review_list_free(&ok);
    review_list_free(&bad);
}

void rv_build_checklist(review *rv)
{
    monitoring(rv);
    logging(rv);
    set_check(rv, CK_DEGRADATION, rv->items[REVIEW_GRACEFUL_DEGRADATION].yes,
              xstrdup(rv->items[REVIEW_GRACEFUL_DEGRADATION].reason));
    set_check(rv, CK_ROLLBACK, rv->items[REVIEW_ROLLBACK].yes,
              xstrdup(rv->items[REVIEW_ROLLBACK].reason));
    resources_estimated(rv);
    security_groups(rv);
    secrets(rv);
}

/* ---- strengths and concerns ---------------------------------------------- */

static void strengths(review *rv)
{
    static const review_item_id good[] = {REVIEW_HORIZONTAL_SCALING, REVIEW_AUTO_SCALING,
                                          REVIEW_HEALTH_CHECKS, REVIEW_GRACEFUL_DEGRADATION,
                                          REVIEW_ROLLBACK};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        const review_item *it = &rv->items[good[i]];
        if (it->yes)
            review_list_add(&rv->strengths, "%s %s: %s", review_items[good[i]].label,
                            review_items[good[i]].yes_word, it->reason);
    }
    static const int checks[] = {CK_MONITORING, CK_LOGGING, CK_SECURITY_GROUPS, CK_SECRETS};
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
        if (rv->checks[checks[i]].checked)
            review_list_add(&rv->strengths, "%s: %s", review_check_items[checks[i]],
                            rv->checks[checks[i]].evidence);
    if (rv->risk && rv->risk->nfindings == 0)
        review_list_add(&rv->strengths, "No risk rule fired on this plan%s",
                        rv->risk->nsuppressed ? " (suppressed findings are listed under Concerns)" : "");
    if (!rv->strengths.n)
        review_list_add(&rv->strengths, "None found in the plan");
}

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

static void finding_concerns(review *rv)
{
    enum { MAX_LISTED = 20 };
    const risk_report *rk = rv->risk;
    size_t n = rk ? rk->nfindings : 0;
    for (size_t i = 0; i < n && i < MAX_LISTED; i++) {
        const risk_finding *f = &rk->findings[i];
        char sev[16];
        snprintf(sev, sizeof sev, "%s", risk_severity_name(f->rule->severity));
        upper(sev);
        char *where = f->address ? xasprintf("%s%s%s%s%s", rv->nplans > 1 && f->plan_name ? f->plan_name : "",
                                             rv->nplans > 1 && f->plan_name ? ": " : "", f->address,
                                             f->attribute ? " " : "", f->attribute ? f->attribute : "")
                                 : xstrdup("plan");
        char *src = f->located && f->src.file ? xasprintf(" (`%s:%d`)", f->src.file, f->src.line) : xstrdup("");
        review_list_add(&rv->concerns, "[%s] %s %s%s: %s", sev, f->rule->id, where, src, f->message);
        free(src);
        free(where);
    }
    if (n > MAX_LISTED)
        review_list_add(&rv->concerns, "%zu more finding%s (see `circuit check` or the JSON output)",
                        n - MAX_LISTED, n - MAX_LISTED == 1 ? "" : "s");
}

static void cost_concerns(review *rv)
{
    const cost_report *c = rv->cost;
    if (!c)
        return;
    review_list np = RV_EVIDENCE;
    for (size_t i = 0; i < c->nresources; i++) {
        const cost_resource *cr = &c->resources[i];
        if (cr->status != COST_NOT_PRICED)
            continue;
        char *text = rv_cost_text(cr);
        review_list_add(&np, "%s%s%s (%s)", rv->nplans > 1 && cr->plan_name ? cr->plan_name : "",
                        rv->nplans > 1 && cr->plan_name ? ": " : "", cr->res->address, text);
        free(text);
    }
    if (np.n) {
        char *list = rv_join(&np, "; ", RV_MAX_NAMED);
        review_list_add(&rv->concerns, "%zu resource%s not priced, so the estimate is low: %s", np.total,
                        np.total == 1 ? "" : "s", list);
        free(list);
    }
    review_list_free(&np);
    if (c->nunsupported) {
        review_list types = {0};
        for (size_t i = 0; i < c->nunsupported; i++)
            review_list_add(&types, "%s ×%zu", c->unsupported[i].type, c->unsupported[i].count);
        char *list = rv_join(&types, ", ", RV_MAX_NAMED);
        review_list_add(&rv->concerns, "No cost model for %zu resource type%s: %s", c->nunsupported,
                        c->nunsupported == 1 ? "" : "s", list);
        free(list);
        review_list_free(&types);
    }
    if (c->totals.monthly_delta > rv->cost_threshold) {
        char d[48], t[48];
        money_format_delta(d, sizeof d, c->totals.monthly_delta);
        money_format(t, sizeof t, rv->cost_threshold);
        review_list_add(&rv->concerns, "Monthly cost rises by %s, above the %s review threshold", d, t);
    }
}

/* Suppressions are never silent: one line naming each (the first few). */
static void suppressed_concern(review *rv)
{
    if (!rv->risk || !rv->risk->nsuppressed)
        return;
    review_list l = RV_EVIDENCE;
    for (size_t i = 0; i < rv->risk->nsuppressed; i++) {
        const risk_suppression *s = &rv->risk->suppressed[i];
        review_list_add(&l, "%s on %s (%s)", s->rule->id, s->address ? s->address : "the plan", s->how);
    }
    char *list = rv_join(&l, ", ", RV_MAX_NAMED);
    review_list_add(&rv->concerns, "%zu finding%s suppressed: %s", l.total, l.total == 1 ? "" : "s", list);
    free(list);
    review_list_free(&l);
}

void rv_build_notes(review *rv)
{
    strengths(rv);
    finding_concerns(rv);
    suppressed_concern(rv);
    if (rv->items[REVIEW_DOWNTIME].yes)
        review_list_add(&rv->concerns, "Downtime: %s", rv->items[REVIEW_DOWNTIME].reason);
    cost_concerns(rv);
    if (!rv->concerns.n)
        review_list_add(&rv->concerns, "None identified");
}
