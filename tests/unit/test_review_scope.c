/*
 * test_review_scope.c — what the review judges and what it only counts:
 * changed resources, unchanged ones wired to them (context, labelled),
 * findings on unchanged resources split off, drift on them as information,
 * providers other than AWS, values known only after apply, ticks undone by
 * contradicting findings, and the Markdown's escaping and size budget.
 * Plans go through the real plan reader (plan_load_buffer) so the
 * configuration's references are read as they would be.
 */
#include "review_testlib.h"
#include "src/core/mem.h"
#include "src/plan/plan_render.h"
#include "src/review/review_int.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static plan *load(const char *json)
{
    plan_load_opts lo = {.region_flag = NULL, .quiet = true};
    plan *p = NULL;
    cir_err err;
    cr_assert_eq(plan_load_buffer("plan.json", json, strlen(json), &lo, &p, &err), CIR_OK, "%s", err.msg);
    return p;
}

static review *build(plan *p, const risk_report *risk, const risk_report *unchanged)
{
    plan *plans[1] = {p};
    review_opts o = {.cost_threshold = 500, .unchanged_risk = unchanged};
    review *rv = NULL;
    cir_err err;
    cr_assert_eq(review_build(plans, 1, NULL, risk, &o, &rv, &err), CIR_OK, "%s", err.msg);
    return rv;
}

static char *markdown(const review *rv, size_t max)
{
    sbuf b = SBUF_INIT;
    review_render_markdown(rv, max, &b);
    return sbuf_detach(&b);
}

#define AWS "\"provider_name\":\"registry.terraform.io/hashicorp/aws\""

/* One new scaling policy for an existing group, beside an unrelated bucket
 * and an existing single-AZ database, all unchanged. */
static const char *const stack =
    "{\"format_version\":\"1.2\",\"resource_changes\":["
    "{\"address\":\"aws_autoscaling_group.web\",\"mode\":\"managed\",\"type\":\"aws_autoscaling_group\",\"name\":\"web\"," AWS ","
    " \"change\":{\"actions\":[\"no-op\"],\"before\":{\"name\":\"web\",\"min_size\":2,\"max_size\":6},"
    "  \"after\":{\"name\":\"web\",\"min_size\":2,\"max_size\":6},\"after_unknown\":{}}},"
    "{\"address\":\"aws_autoscaling_policy.cpu\",\"mode\":\"managed\",\"type\":\"aws_autoscaling_policy\",\"name\":\"cpu\"," AWS ","
    " \"change\":{\"actions\":[\"create\"],\"before\":null,"
    "  \"after\":{\"autoscaling_group_name\":\"web\",\"policy_type\":\"TargetTrackingScaling\"},\"after_unknown\":{}}},"
    "{\"address\":\"aws_db_instance.old\",\"mode\":\"managed\",\"type\":\"aws_db_instance\",\"name\":\"old\"," AWS ","
    " \"change\":{\"actions\":[\"no-op\"],\"before\":{\"multi_az\":false,\"backup_retention_period\":0},"
    "  \"after\":{\"multi_az\":false,\"backup_retention_period\":0},\"after_unknown\":{}}},"
    "{\"address\":\"aws_s3_bucket.logs\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"logs\"," AWS ","
    " \"change\":{\"actions\":[\"no-op\"],\"before\":{},\"after\":{},\"after_unknown\":{}}}],"
    "\"configuration\":{\"root_module\":{\"resources\":["
    " {\"address\":\"aws_autoscaling_group.web\",\"type\":\"aws_autoscaling_group\",\"name\":\"web\",\"expressions\":{}},"
    " {\"address\":\"aws_autoscaling_policy.cpu\",\"type\":\"aws_autoscaling_policy\",\"name\":\"cpu\",\"expressions\":"
    "   {\"autoscaling_group_name\":{\"references\":[\"aws_autoscaling_group.web.name\",\"aws_autoscaling_group.web\"]}}},"
    " {\"address\":\"aws_db_instance.old\",\"type\":\"aws_db_instance\",\"name\":\"old\",\"expressions\":{}},"
    " {\"address\":\"aws_s3_bucket.logs\",\"type\":\"aws_s3_bucket\",\"name\":\"logs\",\"expressions\":{}}]}}}";

Test(review_scope, unchanged_resources_are_context_only_where_a_change_depends_on_them)
{
    plan *p = load(stack);
    review *rv = build(p, NULL, NULL);
    cr_assert_eq(rv->nchanged, 1);
    cr_assert_eq(rv->nunchanged, 3);
    cr_assert_eq(rv->ncontext, 1, "the group the policy scales, nothing else");
    tl_review_plain(rv);
    /* The group is judged as context, labelled; the database is not judged at all. */
    cr_assert_str_eq(rv->items[REVIEW_HORIZONTAL_SCALING].reason,
                     "aws_autoscaling_group.web (unchanged): Auto Scaling group of 2–6 instances");
    cr_assert(rv->items[REVIEW_HORIZONTAL_SCALING].yes);
    cr_assert_null(strstr(rv->items[REVIEW_GRACEFUL_DEGRADATION].reason, "aws_db_instance.old"));
    cr_assert(rv->items[REVIEW_ROLLBACK].not_applicable, "a create-only change: %s", rv->items[REVIEW_ROLLBACK].reason);
    review_free(rv);
    plan_free(p);
}

Test(review_scope, findings_on_unchanged_resources_are_split_off_and_counted)
{
    static const risk_rule_info rds = {"CIR-RDS-003", "storage", RISK_HIGH, "aws_db_instance", "Automated backups disabled",
                                       "Set backup_retention_period.", NULL, NULL};
    static const risk_rule_info wide = {"CIR-PLAN-009", "plan", RISK_HIGH, "*", "Plan errored", "Fix it.", NULL, NULL};
    plan *p = load(stack);
    risk_report *risk = tl_risk();
    tl_risk_add(risk, &rds, "aws_db_instance.old", "backup_retention_period", "backups off");
    tl_risk_add(risk, &wide, NULL, NULL, "planning failed part-way");
    for (size_t i = 0; i < risk->nfindings; i++)
        risk->findings[i].plan_name = p->name;
    plan *plans[1] = {p};
    risk_report *unchanged = review_split_findings(plans, 1, risk);
    cr_assert_eq(unchanged->nfindings, 1);
    cr_assert_str_eq(unchanged->findings[0].address, "aws_db_instance.old");
    cr_assert_eq(risk->nfindings, 1, "a plan-wide finding is never about an unchanged resource");
    review *rv = build(p, risk, unchanged);
    tl_review_plain(rv);
    cr_assert_eq(rv->unchanged_notes.n, 1);
    cr_assert_str_eq(rv->unchanged_notes.items[0], "1 finding on unchanged resources: run circuit check --scope all");
    for (size_t i = 0; i < rv->concerns.n; i++)
        cr_assert_null(strstr(rv->concerns.items[i], "aws_db_instance.old"), "%s", rv->concerns.items[i]);
    review_free(rv);
    tl_risk_free(unchanged);
    tl_risk_free(risk);
    plan_free(p);
}

static const risk_rule_info drift_rule = {"CIR-PLAN-011", "plan", RISK_MEDIUM, "*", "Drift",
                                          "Find out who changed it.", NULL, NULL};

Test(review_scope, drift_on_an_unchanged_resource_is_information_not_a_verdict)
{
    plan *p = load(stack);
    risk_report *risk = tl_risk();
    tl_risk_add(risk, &drift_rule, "aws_s3_bucket.logs", NULL,
                "changed outside Terraform since the last apply; this plan may revert that change");
    risk->findings[0].plan_name = p->name;
    plan *plans[1] = {p};
    risk_report *unchanged = review_split_findings(plans, 1, risk);
    review *rv = build(p, risk, unchanged);
    tl_review_plain(rv);
    cr_assert_eq(rv->verdict, REVIEW_APPROVED);
    cr_assert_eq(rv->unchanged_notes.n, 1);
    cr_assert(strstr(rv->unchanged_notes.items[0], "Drift, for information: 1 unchanged resource changed outside "
                                                   "Terraform since the last apply; this plan leaves it as it is: "
                                                   "aws_s3_bucket.logs"), "%s", rv->unchanged_notes.items[0]);
    for (size_t i = 0; i < rv->concerns.n; i++)
        cr_assert_null(strstr(rv->concerns.items[i], "may revert"), "%s", rv->concerns.items[i]);
    review_free(rv);
    tl_risk_free(unchanged);
    tl_risk_free(risk);
    plan_free(p);
}

Test(review_scope, drift_findings_of_one_kind_are_one_concern)
{
    plan *p = tl_plan("plan.json",
                      "[{\"address\":\"aws_s3_bucket.a\",\"type\":\"aws_s3_bucket\",\"action\":\"update\",\"before\":{},\"after\":{}},"
                      " {\"address\":\"aws_s3_bucket.b\",\"type\":\"aws_s3_bucket\",\"action\":\"update\",\"before\":{},\"after\":{}},"
                      " {\"address\":\"aws_s3_bucket.c\",\"type\":\"aws_s3_bucket\",\"action\":\"update\",\"before\":{},\"after\":{}}]");
    risk_report *risk = tl_risk();
    const char *msg = "changed outside Terraform since the last apply; this plan may revert that change";
    tl_risk_add(risk, &drift_rule, "aws_s3_bucket.a", NULL, msg);
    tl_risk_add(risk, &drift_rule, "aws_s3_bucket.b", NULL, msg);
    tl_risk_add(risk, &drift_rule, "aws_s3_bucket.c", NULL, msg);
    review *rv = build(p, risk, NULL);
    tl_review_plain(rv);
    cr_assert_str_eq(rv->concerns.items[0],
                     "[MEDIUM] CIR-PLAN-011 on 3 resources: changed outside Terraform since the last apply; this "
                     "plan may revert that change (aws_s3_bucket.a, aws_s3_bucket.b, aws_s3_bucket.c)");
    cr_assert_eq(rv->verdict, REVIEW_APPROVED_WITH_CHANGES, "the plan updates them: it may revert the drift");
    review_free(rv);
    tl_risk_free(risk);
    tl_plan_free(p);
}

Test(review_scope, an_unknown_backup_retention_is_never_a_no)
{
    plan *p = tl_plan("plan.json",
                      "[{\"address\":\"aws_db_instance.orders\",\"type\":\"aws_db_instance\",\"action\":\"create\","
                      "  \"after\":{\"multi_az\":true,\"instance_class\":\"db.t4g.medium\"},"
                      "  \"after_unknown\":{\"backup_retention_period\":true}}]");
    review *rv = build(p, NULL, NULL);
    tl_review_plain(rv);
    const review_item *rb = &rv->items[REVIEW_ROLLBACK];
    cr_assert(rb->unknown, "%s", rb->reason);
    cr_assert_str_eq(review_item_word(REVIEW_ROLLBACK, rb), "Unknown until apply");
    cr_assert_str_eq(rb->reason, "aws_db_instance.orders: backup retention known only after apply");
    cr_assert_not(rv->checks[3].checked);
    cr_assert(rv->checks[3].unknown);
    cr_assert_str_eq(rv->answers[2], "aws_db_instance.orders: backup retention unknown until apply");
    review_free(rv);
    tl_plan_free(p);
}

Test(review_scope, a_finding_that_contradicts_a_tick_undoes_it)
{
    static const risk_rule_info sg = {"CIR-SG-001", "networking", RISK_HIGH, "aws_vpc_security_group_ingress_rule",
                                      "SSH (22) open to the whole internet", "Close it.", NULL, NULL};
    static const risk_rule_info ecs = {"CIR-ECS-003", "reliability", RISK_MEDIUM, "aws_ecs_service",
                                       "ECS deployment circuit breaker off", "Turn it on.", NULL, NULL};
    plan *p = tl_plan("plan.json",
                      "[{\"address\":\"aws_security_group.web\",\"type\":\"aws_security_group\",\"action\":\"create\",\"after\":{}},"
                      " {\"address\":\"aws_vpc_security_group_ingress_rule.ssh\",\"type\":\"aws_vpc_security_group_ingress_rule\","
                      "  \"action\":\"create\",\"after\":{\"from_port\":22,\"to_port\":22,\"ip_protocol\":\"tcp\",\"cidr_ipv4\":\"0.0.0.0/0\"}},"
                      " {\"address\":\"aws_db_instance.d\",\"type\":\"aws_db_instance\",\"action\":\"create\","
                      "  \"after\":{\"backup_retention_period\":7,\"multi_az\":true}}]");
    risk_report *risk = tl_risk();
    /* Filed on a rule type the old check did not recognise as a security group. */
    tl_risk_add(risk, &sg, "aws_vpc_security_group_ingress_rule.ssh", "cidr_ipv4", "22/tcp open to 0.0.0.0/0");
    tl_risk_add(risk, &ecs, "aws_ecs_service.other", NULL, "no circuit breaker");
    review *rv = build(p, risk, NULL);
    tl_review_plain(rv);
    cr_assert_not(rv->checks[5].checked, "Security groups ticked: %s", rv->checks[5].evidence);
    cr_assert_not(rv->items[REVIEW_ROLLBACK].yes, "%s", rv->items[REVIEW_ROLLBACK].reason);
    cr_assert(strstr(rv->items[REVIEW_ROLLBACK].reason, "CIR-ECS-003 (medium) on aws_ecs_service.other"),
              "%s", rv->items[REVIEW_ROLLBACK].reason);
    cr_assert_not(rv->checks[3].checked);
    review_free(rv);
    tl_risk_free(risk);
    tl_plan_free(p);
}

Test(review_scope, other_providers_are_counted_and_said_on_the_verdict_line)
{
    plan *p = load("{\"format_version\":\"1.2\",\"resource_changes\":["
                   "{\"address\":\"google_compute_instance.vm\",\"mode\":\"managed\",\"type\":\"google_compute_instance\","
                   " \"name\":\"vm\",\"provider_name\":\"registry.terraform.io/hashicorp/google\","
                   " \"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":{},\"after_unknown\":{}}},"
                   "{\"address\":\"random_pet.p\",\"mode\":\"managed\",\"type\":\"random_pet\",\"name\":\"p\","
                   " \"provider_name\":\"registry.terraform.io/hashicorp/random\","
                   " \"change\":{\"actions\":[\"no-op\"],\"before\":{},\"after\":{},\"after_unknown\":{}}}]}");
    plan *plans[1] = {p};
    plan_provider_count *c;
    size_t n = plan_not_reviewed(plans, 1, &c);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(c[0].provider, "google");
    cr_assert_eq(c[0].resources, 1);
    cr_assert_eq(c[0].changed, 1);
    cr_assert_str_eq(c[1].provider, "random");
    cr_assert_eq(c[1].changed, 0);
    free(c);
    review *rv = build(p, NULL, NULL);
    cr_assert_eq(rv->verdict, REVIEW_APPROVED);
    cr_assert_str_eq(rv->verdict_note,
                     "nothing reviewed: the plan changes only resources of providers circuit does not review (1 google)");
    cr_assert(rv->items[REVIEW_HORIZONTAL_SCALING].not_applicable);
    char *md = markdown(rv, 0);
    cr_assert(strstr(md, "- **Not Reviewed:** 1 google resource, 1 random resource (0 changed) — circuit reviews AWS "
                         "resources only\n"), "%s", md);
    cr_assert(strstr(md, "\n### Verdict: APPROVED — nothing reviewed: the plan changes only resources of providers "
                         "circuit does not review (1 google)\n"), "%s", md);
    free(md);
    sbuf doc = SBUF_INIT;
    jw w;
    jw_init(&w, &doc);
    jw_object(&w, JW_BLOCK);
    jw_kint(&w, "a", 1);
    plan_not_reviewed_json(&w, plans, 1);
    jw_end_object(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "{\n  \"a\": 1,\n  \"not_reviewed\": [{\"provider\": \"google\", \"resources\": 1, "
                                     "\"changed\": 1}, {\"provider\": \"random\", \"resources\": 1, \"changed\": 0}]\n}\n");
    sbuf_free(&doc);
    review_free(rv);
    plan_free(p);
}

Test(review_md, prose_is_escaped_and_marked_text_is_code)
{
    static const risk_rule_info rule = {"TEAM-1", "storage", RISK_LOW, "aws_s3_bucket", "t",
                                        "Use <region> | a *b* _c_ \\ d `cmd`", NULL, NULL};
    plan *p = tl_plan("plan.json", "[{\"address\":\"aws_s3_bucket.a_b\",\"type\":\"aws_s3_bucket\",\"action\":\"create\",\"after\":{}}]");
    risk_report *risk = tl_risk();
    tl_risk_add(risk, &rule, "aws_s3_bucket.a_b", "x|y", "m");
    review *rv = build(p, risk, NULL);
    char *md = markdown(rv, 0);
    cr_assert(strstr(md, "1. Use &lt;region&gt; \\| a \\*b\\* \\_c\\_ \\\\ d `cmd` — TEAM-1 (low) on `aws_s3_bucket.a_b`\n"),
              "%s", md);
    cr_assert(strstr(md, "- [LOW] TEAM-1 `aws_s3_bucket.a_b` `x|y`: m\n"), "%s", md);
    free(md);
    review_free(rv);
    tl_risk_free(risk);
    tl_plan_free(p);
}

Test(review_md, a_lone_backtick_in_a_value_never_swallows_a_marker)
{
    /* A plan value quoted in a cost note ("`ostgres") must not pair with a
     * backtick after the next address: the span would carry its marker
     * bytes, which are not UTF-8, into the Markdown. */
    cr_assert_null(rv_backtick_end("`ostgres\" is not priced); " RV_CODE "aws_db.b" RV_END " run `sync`"));
    const char *cmd = "`circuit pricing sync` now";
    cr_assert_eq(rv_backtick_end(cmd), cmd + 21, "a balanced pair still closes");
    cr_assert_null(rv_backtick_end("`unclosed"));
}

Test(review_md, duplicate_recommendations_merge)
{
    static const risk_rule_info a = {"CIR-A", "storage", RISK_LOW, "aws_s3_bucket", "t", "Turn on versioning.", NULL, NULL};
    static const risk_rule_info b = {"CIR-B", "storage", RISK_LOW, "aws_s3_bucket", "t", "Turn on versioning.", NULL, NULL};
    plan *p = tl_plan("plan.json", "[{\"address\":\"aws_s3_bucket.x\",\"type\":\"aws_s3_bucket\",\"action\":\"create\",\"after\":{}}]");
    risk_report *risk = tl_risk();
    tl_risk_add(risk, &a, "aws_s3_bucket.x", NULL, "m");
    tl_risk_add(risk, &b, "aws_s3_bucket.x", NULL, "n");
    review *rv = build(p, risk, NULL);
    tl_review_plain(rv);
    cr_assert_eq(rv->nrecs, 1);
    cr_assert_str_eq(rv->recs[0].text, "Turn on versioning — CIR-A, CIR-B (low) on aws_s3_bucket.x");
    review_free(rv);
    tl_risk_free(risk);
    tl_plan_free(p);
}

Test(review_md, the_size_budget_folds_then_cuts_and_keeps_the_verdict_last)
{
    sbuf doc = SBUF_INIT;
    sbuf_putc(&doc, '[');
    for (int i = 0; i < 400; i++)
        sbuf_printf(&doc, "%s{\"address\":\"aws_instance.i%03d\",\"type\":\"aws_instance\",\"action\":\"create\","
                    "\"after\":{\"instance_type\":\"t3.micro\"}}", i ? "," : "", i);
    sbuf_putc(&doc, ']');
    plan *p = tl_plan("plan.json", sbuf_str(&doc));
    sbuf_free(&doc);
    cost_report *cost = tl_cost();
    for (size_t i = 0; i < p->nresources; i++)
        tl_cost_add(cost, p, p->resources[i].address, COST_PRICED, 0, 7.59, NULL);
    plan *plans[1] = {p};
    review_opts o = {.cost_threshold = 500};
    review *rv;
    cir_err err;
    cr_assert_eq(review_build(plans, 1, cost, NULL, &o, &rv, &err), CIR_OK);
    char *full = markdown(rv, 0);
    cr_assert_gt(strlen(full), 20000);
    cr_assert_null(strstr(full, "<details>"));
    char *cut = markdown(rv, 20000);
    cr_assert_leq(strlen(cut), 20000);
    cr_assert(strstr(cut, "\n<details><summary>"), "long lists fold");
    cr_assert(strstr(cut, " dependency rows not shown. The JSON output (`circuit review --format json`) has the "
                          "full review.\n"), "%s", cut + strlen(cut) - 400);
    const char *verdict = strstr(cut, "\n### Verdict: ");
    cr_assert(verdict && strchr(verdict + 1, '\n') == cut + strlen(cut) - 1, "the verdict is the last line");
    char *tiny = markdown(rv, 3000);
    cr_assert_leq(strlen(tiny), 3000);
    cr_assert(strstr(tiny, "\n### Verdict: "), "%s", tiny);
    free(full);
    free(cut);
    free(tiny);
    review_free(rv);
    tl_cost_free(cost);
    tl_plan_free(p);
}

Test(review_scope, findings_marked_unchanged_never_weigh_on_the_verdict)
{
    static const risk_rule_info high = {"CIR-SG-001", "networking", RISK_HIGH, "aws_security_group", "SSH open",
                                        "Close it.", NULL, NULL};
    risk_report *risk = tl_risk();
    tl_risk_add(risk, &high, "aws_security_group.old", NULL, "22/tcp open to 0.0.0.0/0");
    risk->findings[0].unchanged = true;   /* as check --scope all marks it */
    cr_assert_eq(review_decide(risk, NULL, 500, NULL), REVIEW_APPROVED);
    risk->findings[0].unchanged = false;
    cr_assert_eq(review_decide(risk, NULL, 500, NULL), REVIEW_NEEDS_REVISION);
    tl_risk_free(risk);
}

Test(review_scope, a_contradicting_finding_on_a_context_resource_undoes_the_tick)
{
    static const risk_rule_info sg = {"CIR-SG-001", "networking", RISK_HIGH, "aws_security_group",
                                      "SSH (22) open to the whole internet", "Close it.", NULL, NULL};
    plan *p = load("{\"format_version\":\"1.2\",\"resource_changes\":["
                   "{\"address\":\"aws_security_group.web\",\"mode\":\"managed\",\"type\":\"aws_security_group\",\"name\":\"web\"," AWS ","
                   " \"change\":{\"actions\":[\"no-op\"],\"before\":{},\"after\":{},\"after_unknown\":{}}},"
                   "{\"address\":\"aws_security_group_rule.https\",\"mode\":\"managed\",\"type\":\"aws_security_group_rule\","
                   " \"name\":\"https\"," AWS ",\"change\":{\"actions\":[\"create\"],\"before\":null,"
                   "  \"after\":{\"type\":\"ingress\",\"from_port\":443,\"to_port\":443,\"protocol\":\"tcp\","
                   "   \"cidr_blocks\":[\"10.0.0.0/8\"]},\"after_unknown\":{}}}],"
                   "\"configuration\":{\"root_module\":{\"resources\":["
                   " {\"address\":\"aws_security_group_rule.https\",\"expressions\":"
                   "   {\"security_group_id\":{\"references\":[\"aws_security_group.web.id\",\"aws_security_group.web\"]}}}]}}}");
    risk_report *risk = tl_risk();
    tl_risk_add(risk, &sg, "aws_security_group.web", "ingress[0]", "22/tcp open to 0.0.0.0/0");
    risk->findings[0].plan_name = p->name;
    plan *plans[1] = {p};
    risk_report *unchanged = review_split_findings(plans, 1, risk);
    review *rv = build(p, risk, unchanged);
    tl_review_plain(rv);
    cr_assert_eq(rv->ncontext, 1);
    cr_assert_not(rv->checks[5].checked, "%s", rv->checks[5].evidence);
    cr_assert(strstr(rv->checks[5].evidence, "CIR-SG-001 (high) on aws_security_group.web (unchanged)"), "%s",
              rv->checks[5].evidence);
    cr_assert_eq(rv->verdict, REVIEW_APPROVED, "a finding on an unchanged resource is not the change's");
    review_free(rv);
    tl_risk_free(unchanged);
    tl_risk_free(risk);
    plan_free(p);
}
