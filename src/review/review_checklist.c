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
                                         "database monitoring in the change");
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
                                      "flow logs in the change");
    review_list_free(&ok);
    review_list_free(&bad);
}

/* ---- resource requirements ------------------------------------------------ */

static bool cost_in_scope(const review *rv, const cost_resource *c)
{
    return rv_scope_of(rv, c->res) == RV_SCOPE_CHANGED;
}

size_t rv_unmodelled_types(const review *rv, review_list *types, size_t *resources)
{
    const cost_report *c = rv->cost;
    size_t ntypes = 0;
    *resources = 0;
    for (size_t t = 0; c && t < c->nunsupported; t++) {
        size_t n = 0;
        for (size_t i = 0; i < c->nresources; i++)
            if (c->resources[i].status == COST_UNSUPPORTED && cost_in_scope(rv, &c->resources[i]) &&
                strcmp(c->resources[i].res->type, c->unsupported[t].type) == 0)
                n++;
        if (!n)
            continue;
        ntypes++;
        *resources += n;
        if (types)
            review_list_add(types, RV_CODE "%s" RV_END " ×%zu", c->unsupported[t].type, n);
    }
    return ntypes;
}

static void resources_estimated(review *rv)
{
    const cost_report *c = rv->cost;
    if (!c) {
        set_check(rv, CK_RESOURCES, false, xstrdup("no cost estimate was made"));
        return;
    }
    size_t not_priced = 0, priced = 0, free_ = 0, usage = 0, unmodelled = 0;
    for (size_t i = 0; i < c->nresources; i++) {
        const cost_resource *cr = &c->resources[i];
        if (!cost_in_scope(rv, cr))
            continue;
        not_priced += cr->status == COST_NOT_PRICED;
        priced += cr->status == COST_PRICED;
        free_ += cr->status == COST_FREE;
        usage += cr->status == COST_USAGE_ONLY;
    }
    rv_unmodelled_types(rv, NULL, &unmodelled);
    if (not_priced || unmodelled) {
        set_check(rv, CK_RESOURCES, false,
                  xasprintf("%zu changed resource%s not priced and %zu without a cost model", not_priced,
                            not_priced == 1 ? "" : "s", unmodelled));
        return;
    }
    if (!priced && !free_ && !usage) {
        set_check(rv, CK_RESOURCES, false, xstrdup("no AWS resource in the change to estimate"));
        return;
    }
    char total[48];
    money_format(total, sizeof total, c->totals.monthly_after);
    set_check(rv, CK_RESOURCES, true,
              xasprintf("%zu priced, %zu free and %zu usage-based changed resources estimated: %s/month "
                        "after the change",
                        priced, free_, usage, total));
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
        decide(rv, CK_SECURITY_GROUPS, &ok, &bad, "no security group in the change");
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
    decide(rv, CK_SECRETS, &ok, &bad, "no secret store or secret reference in the change");
    review_list_free(&ok);
    review_list_free(&bad);
}

/* ---- findings that contradict a tick ------------------------------------- */

/* A statement is never made while a finding of the same review says the
 * opposite: these rules' findings undo the tick (and the positive word of
 * the assessment line behind it). */
static const struct {
    int check;
    const char *ids[8];
} contradictions[] = {
    {CK_MONITORING, {"CIR-ECS-013", NULL}},
    {CK_LOGGING, {"CIR-ECS-012", "CIR-RDS-010", "CIR-EKS-003", "CIR-LB-008", "CIR-VPC-001", NULL}},
    {CK_DEGRADATION, {"CIR-RDS-005", "CIR-RDS-006", "CIR-EC-002", "CIR-ECS-005", NULL}},
    {CK_ROLLBACK, {"CIR-RDS-003", "CIR-RDS-008", "CIR-PLAN-002", "CIR-ECS-003", "CIR-ECS-004",
                   "CIR-PLAN-004", NULL}},
    {CK_SECURITY_GROUPS, {"CIR-SG-001", "CIR-SG-002", "CIR-SG-003", "CIR-SG-004", "CIR-SG-005",
                          "CIR-SG-006", NULL}},
    {CK_SECRETS, {"CIR-ECS-011", "CIR-LAM-001", "CIR-SSM-001", NULL}},
};

static void contradicting_in(const review *rv, const risk_report *rk, bool context, size_t c, review_list *l)
{
    for (size_t i = 0; rk && i < rk->nfindings; i++) {
        const risk_finding *f = &rk->findings[i];
        if (context && !rv_address_in_context(rv, f->plan_name, f->address))
            continue;
        for (size_t k = 0; contradictions[c].ids[k]; k++)
            if (strcmp(f->rule->id, contradictions[c].ids[k]) == 0)
                review_list_add(l, "%s (%s) on " RV_CODE "%s" RV_END "%s: %s", f->rule->id,
                                risk_severity_name(f->rule->severity), f->address ? f->address : "the plan",
                                context ? " (unchanged)" : "", f->rule->title);
    }
}

/* "CIR-RDS-005 (medium) on `aws_db_instance.main`; ..." for the findings
 * that contradict check `id`, or NULL when none does. */
static char *contradicting(const review *rv, int id)
{
    review_list l = RV_EVIDENCE;
    for (size_t c = 0; c < sizeof contradictions / sizeof contradictions[0]; c++) {
        if (contradictions[c].check != id)
            continue;
        contradicting_in(rv, rv->risk, false, c, &l);
        /* The unchanged resources a tick rests on (context) count too. */
        contradicting_in(rv, rv->unchanged_risk, true, c, &l);
    }
    char *s = l.n ? rv_join(&l, "; ", RV_MAX_NAMED) : NULL;
    review_list_free(&l);
    return s;
}

static void contradict_check(review *rv, int id)
{
    if (!rv->checks[id].checked)
        return;
    char *why = contradicting(rv, id);
    if (why)
        set_check(rv, id, false, xasprintf("contradicted by %s", why));
    free(why);
}

static void contradict_item(review *rv, review_item_id item, int id)
{
    if (!rv->items[item].yes)
        return;
    char *why = contradicting(rv, id);
    if (why) {
        rv_item(rv, item, false, xasprintf("%s (though %s)", why, rv->items[item].reason));
    }
    free(why);
}

static void from_item(review *rv, int id, review_item_id item)
{
    const review_item *it = &rv->items[item];
    if (it->not_applicable || it->unknown)
        set_check(rv, id, false, xasprintf("%s: %s", it->unknown ? "unknown until apply" : "not applicable",
                                           it->reason));
    else
        set_check(rv, id, it->yes, xstrdup(it->reason));
    rv->checks[id].unknown = it->unknown;
}

void rv_build_checklist(review *rv)
{
    monitoring(rv);
    logging(rv);
    contradict_item(rv, REVIEW_GRACEFUL_DEGRADATION, CK_DEGRADATION);
    contradict_item(rv, REVIEW_ROLLBACK, CK_ROLLBACK);
    from_item(rv, CK_DEGRADATION, REVIEW_GRACEFUL_DEGRADATION);
    from_item(rv, CK_ROLLBACK, REVIEW_ROLLBACK);
    resources_estimated(rv);
    security_groups(rv);
    secrets(rv);
    for (int i = 0; i < REVIEW_NCHECKS; i++)
        contradict_check(rv, i);
}

/* ---- strengths and concerns ---------------------------------------------- */

/* The resources an evidence sentence names (its code-marked spans, the
 * first three, distinct), so a strength points at the evidence without
 * repeating the assessment's sentence; the sentence itself when it names
 * none.  Caller frees. */
static char *named_in(const char *reason)
{
    review_list l = {0};
    for (const char *p = reason ? strchr(reason, RV_CODE[0]) : NULL; p; p = strchr(p, RV_CODE[0])) {
        const char *end = strchr(p, RV_END[0]);
        if (!end)
            break;
        bool seen = false;
        for (size_t i = 0; i < l.n; i++)
            seen |= strlen(l.items[i]) == (size_t)(end - p + 1) && strncmp(l.items[i], p, (size_t)(end - p + 1)) == 0;
        if (!seen)
            review_list_add(&l, "%.*s", (int)(end - p + 1), p);
        p = end + 1;
    }
    char *s = l.n ? rv_join(&l, ", ", 3) : xstrdup(reason ? reason : "");
    review_list_free(&l);
    return s;
}

static void strengths(review *rv)
{
    static const review_item_id good[] = {REVIEW_HORIZONTAL_SCALING, REVIEW_AUTO_SCALING,
                                          REVIEW_HEALTH_CHECKS, REVIEW_GRACEFUL_DEGRADATION,
                                          REVIEW_ROLLBACK};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        const review_item *it = &rv->items[good[i]];
        if (it->yes && !it->unknown && !it->not_applicable) {
            char *who = named_in(it->reason);
            review_list_add(&rv->strengths, "%s %s: %s", review_items[good[i]].label,
                            review_items[good[i]].yes_word, who);
            free(who);
        }
    }
    static const int checks[] = {CK_MONITORING, CK_LOGGING, CK_SECURITY_GROUPS, CK_SECRETS};
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
        if (rv->checks[checks[i]].checked) {
            char *who = named_in(rv->checks[checks[i]].evidence);
            review_list_add(&rv->strengths, "%s: %s", review_check_items[checks[i]], who);
            free(who);
        }
    if (rv->risk && rv->risk->nfindings == 0 && rv->naws_changed)
        review_list_add(&rv->strengths, "No risk rule fired on the change%s",
                        rv->risk->nsuppressed ? " (suppressed findings are listed under Concerns)" : "");
    if (!rv->strengths.n)
        review_list_add(&rv->strengths, "None found in the change");
}

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

/* Findings of one rule with one message ("56 resources changed outside
 * Terraform") read as one concern with a count and the first addresses, so
 * near-identical findings cannot push the others out of the list. */
static void finding_concerns(review *rv)
{
    enum { MAX_LISTED = 20 };
    const risk_report *rk = rv->risk;
    size_t n = rk ? rk->nfindings : 0, groups = 0, hidden = 0;
    bool *done = xcalloc(n + 1, sizeof *done);
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        const risk_finding *f = &rk->findings[i];
        review_list where = RV_EVIDENCE;
        size_t count = 0;
        for (size_t j = i; j < n; j++) {
            const risk_finding *g = &rk->findings[j];
            if (done[j] || strcmp(g->rule->id, f->rule->id) != 0 || strcmp(g->message, f->message) != 0)
                continue;
            done[j] = true;
            count++;
            review_list_add(&where, "%s%s" RV_CODE "%s" RV_END, rv->nplans > 1 && g->plan_name ? g->plan_name : "",
                            rv->nplans > 1 && g->plan_name ? ": " : "", g->address ? g->address : "plan");
        }
        if (groups++ >= MAX_LISTED) {
            hidden += count;
            review_list_free(&where);
            continue;
        }
        char sev[16];
        snprintf(sev, sizeof sev, "%s", risk_severity_name(f->rule->severity));
        upper(sev);
        if (count == 1) {
            char *addr = rv_join(&where, ", ", 1);
            char *src = f->located && f->src.file ? xasprintf(" (" RV_CODE "%s:%d" RV_END ")", f->src.file, f->src.line)
                                                  : xstrdup("");
            review_list_add(&rv->concerns, "[%s] %s %s%s%s%s%s%s: %s", sev, f->rule->id, f->address ? addr : "plan",
                            f->attribute ? " " : "", f->attribute ? RV_CODE : "", f->attribute ? f->attribute : "",
                            f->attribute ? RV_END : "", src, f->message);
            free(src);
            free(addr);
        } else {
            char *list = rv_join(&where, ", ", RV_MAX_NAMED);
            review_list_add(&rv->concerns, "[%s] %s on %zu resources: %s (%s)", sev, f->rule->id, count,
                            f->message, list);
            free(list);
        }
        review_list_free(&where);
    }
    free(done);
    if (hidden)
        review_list_add(&rv->concerns, "%zu more finding%s (see " RV_CODE "circuit check" RV_END " or the JSON output)", hidden,
                        hidden == 1 ? "" : "s");
}

/* What already exists on unchanged resources: drift (information: this
 * plan does not touch them, so it reverts nothing) and the findings,
 * counted, never concerns of this change. */
static void unchanged_notes(review *rv)
{
    const risk_report *rk = rv->unchanged_risk;
    if (!rk)
        return;
    review_list drift = RV_EVIDENCE;
    size_t others = 0;
    for (size_t i = 0; i < rk->nfindings; i++) {
        const risk_finding *f = &rk->findings[i];
        if (strcmp(f->rule->id, "CIR-PLAN-011") == 0)
            review_list_add(&drift, RV_CODE "%s" RV_END, f->address ? f->address : "plan");
        else
            others++;
    }
    if (drift.total) {
        char *list = rv_join(&drift, ", ", RV_MAX_NAMED);
        review_list_add(&rv->unchanged_notes,
                        "Drift, for information: %zu unchanged resource%s changed outside Terraform since the "
                        "last apply; this plan leaves %s as %s: %s",
                        drift.total, drift.total == 1 ? "" : "s", drift.total == 1 ? "it" : "them",
                        drift.total == 1 ? "it is" : "they are", list);
        free(list);
    }
    if (others)
        review_list_add(&rv->unchanged_notes,
                        "%zu finding%s on unchanged resources: run " RV_CODE "circuit check --scope all" RV_END "", others,
                        others == 1 ? "" : "s");
    review_list_free(&drift);
}

static void cost_concerns(review *rv)
{
    const cost_report *c = rv->cost;
    if (!c)
        return;
    review_list np = RV_EVIDENCE;
    for (size_t i = 0; i < c->nresources; i++) {
        const cost_resource *cr = &c->resources[i];
        if (cr->status != COST_NOT_PRICED || !cost_in_scope(rv, cr))
            continue;
        char *text = rv_cost_text(cr);
        review_list_add(&np, "%s%s" RV_CODE "%s" RV_END " (%s)", rv->nplans > 1 && cr->plan_name ? cr->plan_name : "",
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
    review_list types = {0};
    size_t resources;
    size_t ntypes = rv_unmodelled_types(rv, &types, &resources);
    if (ntypes) {
        char *list = rv_join(&types, ", ", RV_MAX_NAMED);
        review_list_add(&rv->concerns, "No cost model for %zu resource type%s: %s", ntypes,
                        ntypes == 1 ? "" : "s", list);
        free(list);
    }
    review_list_free(&types);
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
    unchanged_notes(rv);
    suppressed_concern(rv);
    if (rv->items[REVIEW_DOWNTIME].yes)
        review_list_add(&rv->concerns, "Downtime: %s", rv->items[REVIEW_DOWNTIME].reason);
    cost_concerns(rv);
    if (!rv->concerns.n)
        review_list_add(&rv->concerns, "None identified");
}
