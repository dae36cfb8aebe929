/*
 * test_review_build.c — the review model and its renderers on hand-built
 * plans, cost reports and findings: each assessment line, the checklist,
 * the dependencies table, the seed's shape, JSON and sensitive values.
 */
#include "review_testlib.h"
#include "src/review/review_int.h"

#include "src/core/mem.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An ECS service on Fargate behind an ALB, a Multi-AZ MySQL database and
 * alarms: the well-built stack. */
static const char *const ecs_stack =
    "[{\"address\":\"aws_ecs_task_definition.app\",\"type\":\"aws_ecs_task_definition\",\"action\":\"replace\","
    "  \"before\":{\"family\":\"app\",\"cpu\":\"512\",\"memory\":\"1024\",\"container_definitions\":"
    "   \"[{\\\"name\\\":\\\"app\\\",\\\"image\\\":\\\"app:1.4\\\",\\\"memory\\\":1024,\\\"environment\\\":[{\\\"name\\\":\\\"MODE\\\",\\\"value\\\":\\\"a\\\"}]}]\"},"
    "  \"after\":{\"family\":\"app\",\"cpu\":\"512\",\"memory\":\"1024\",\"container_definitions\":"
    "   \"[{\\\"name\\\":\\\"app\\\",\\\"image\\\":\\\"app:1.5\\\",\\\"memory\\\":1024,\\\"environment\\\":[{\\\"name\\\":\\\"MODE\\\",\\\"value\\\":\\\"a\\\"}],"
    "      \\\"secrets\\\":[{\\\"name\\\":\\\"DB_PASSWORD\\\",\\\"valueFrom\\\":\\\"arn:aws:secretsmanager:x\\\"}],"
    "      \\\"logConfiguration\\\":{\\\"logDriver\\\":\\\"awslogs\\\"},"
    "      \\\"healthCheck\\\":{\\\"command\\\":[\\\"CMD\\\",\\\"true\\\"]}}]\"}},"
    " {\"address\":\"aws_ecs_service.app\",\"type\":\"aws_ecs_service\",\"action\":\"update\","
    "  \"before\":{\"name\":\"app\",\"desired_count\":2,\"task_definition\":\"app:7\",\"launch_type\":\"FARGATE\","
    "   \"deployment_circuit_breaker\":[{\"enable\":true,\"rollback\":true}],\"network_configuration\":[{\"subnets\":[\"s-1\",\"s-2\"]}],"
    "   \"load_balancer\":[{\"container_name\":\"app\"}]},"
    "  \"after\":{\"name\":\"app\",\"desired_count\":2,\"task_definition\":null,\"launch_type\":\"FARGATE\","
    "   \"deployment_circuit_breaker\":[{\"enable\":true,\"rollback\":true}],\"network_configuration\":[{\"subnets\":[\"s-1\",\"s-2\"]}],"
    "   \"load_balancer\":[{\"container_name\":\"app\"}]},"
    "  \"after_unknown\":{\"task_definition\":true}},"
    " {\"address\":\"aws_appautoscaling_target.app\",\"type\":\"aws_appautoscaling_target\",\"action\":\"create\","
    "  \"after\":{\"service_namespace\":\"ecs\",\"resource_id\":\"service/main/app\",\"scalable_dimension\":\"ecs:service:DesiredCount\","
    "   \"min_capacity\":2,\"max_capacity\":10}},"
    " {\"address\":\"aws_appautoscaling_policy.cpu\",\"type\":\"aws_appautoscaling_policy\",\"action\":\"create\","
    "  \"after\":{\"policy_type\":\"TargetTrackingScaling\"}},"
    " {\"address\":\"aws_lb.web\",\"type\":\"aws_lb\",\"action\":\"create\","
    "  \"after\":{\"load_balancer_type\":\"application\",\"internal\":false,\"subnets\":[\"s-1\",\"s-2\"]}},"
    " {\"address\":\"aws_lb_target_group.app\",\"type\":\"aws_lb_target_group\",\"action\":\"create\","
    "  \"after\":{\"target_type\":\"ip\",\"health_check\":[{\"enabled\":true,\"protocol\":\"HTTP\",\"path\":\"/health\",\"interval\":30}]}},"
    " {\"address\":\"aws_db_instance.main\",\"type\":\"aws_db_instance\",\"action\":\"create\","
    "  \"after\":{\"engine\":\"mysql\",\"engine_version\":\"8.0\",\"instance_class\":\"db.t3.large\",\"multi_az\":true,"
    "   \"allocated_storage\":100,\"storage_type\":\"gp3\",\"backup_retention_period\":7,\"deletion_protection\":true,"
    "   \"password\":\"Sup3rS3cretDbPassw0rd\",\"skip_final_snapshot\":false},"
    "  \"after_sensitive\":{\"password\":true}},"
    " {\"address\":\"aws_cloudwatch_metric_alarm.cpu\",\"type\":\"aws_cloudwatch_metric_alarm\",\"action\":\"create\","
    "  \"after\":{\"metric_name\":\"CPUUtilization\"}},"
    " {\"address\":\"aws_cloudwatch_log_group.app\",\"type\":\"aws_cloudwatch_log_group\",\"action\":\"create\","
    "  \"after\":{\"retention_in_days\":30}},"
    " {\"address\":\"aws_security_group.web\",\"type\":\"aws_security_group\",\"action\":\"create\","
    "  \"after\":{\"ingress\":[{\"from_port\":443,\"to_port\":443,\"protocol\":\"tcp\",\"cidr_blocks\":[\"0.0.0.0/0\"]}],"
    "   \"egress\":[{\"from_port\":0,\"to_port\":0,\"protocol\":\"-1\",\"cidr_blocks\":[\"0.0.0.0/0\"]}]}}]";

typedef struct fixture {
    plan *p;
    cost_report *cost;
    risk_report *risk;
    review *rv;
    char *md, *json;
} fixture;

static void build(fixture *f, const char *resources)
{
    f->p = tl_plan("plan.json", resources);
    if (!f->cost)
        f->cost = tl_cost();
    if (!f->risk)
        f->risk = tl_risk();
    plan *plans[1] = {f->p};
    review_opts o = {.cost_threshold = 500, .cache = NULL, .region = "us-east-1"};
    cir_err err;
    cr_assert_eq(review_build(plans, 1, f->cost, f->risk, &o, &f->rv, &err), CIR_OK, "%s", err.msg);
    f->md = tl_markdown(f->rv);
    tl_review_plain(f->rv);
    f->json = tl_json(f->rv);
}

static void done(fixture *f)
{
    free(f->md);
    free(f->json);
    review_free(f->rv);
    tl_cost_free(f->cost);
    tl_risk_free(f->risk);
    tl_plan_free(f->p);
}

/* Builds the ECS stack with cost lines attached to the plan review uses. */
static void build_ecs(fixture *f)
{
    memset(f, 0, sizeof *f);
    f->p = tl_plan("plan.json", ecs_stack);
    f->cost = tl_cost();
    tl_cost_add(f->cost, f->p, "aws_db_instance.main", COST_PRICED, 0, 198.56, NULL);
    tl_cost_add(f->cost, f->p, "aws_lb.web", COST_PRICED, 0, 16.43, NULL);
    tl_cost_add(f->cost, f->p, "aws_ecs_service.app", COST_PRICED, 72.08, 72.08, NULL);
    tl_cost_add(f->cost, f->p, "aws_cloudwatch_log_group.app", COST_USAGE_ONLY, 0, 0, "depends on usage: $0.50 per GB ingested");
    f->risk = tl_risk();
    plan *plans[1] = {f->p};
    review_opts o = {.cost_threshold = 500};
    cir_err err;
    cr_assert_eq(review_build(plans, 1, f->cost, f->risk, &o, &f->rv, &err), CIR_OK);
    f->md = tl_markdown(f->rv);
    tl_review_plain(f->rv);
    f->json = tl_json(f->rv);
}

static const review_item *item(const fixture *f, review_item_id id)
{
    return &f->rv->items[id];
}

Test(review, ecs_stack_assessment)
{
    fixture f;
    build_ecs(&f);
    cr_assert(item(&f, REVIEW_CONTAINER_CHANGES)->yes);
    cr_assert(strstr(item(&f, REVIEW_CONTAINER_CHANGES)->reason, "app image app:1.4 → app:1.5"),
              "%s", item(&f, REVIEW_CONTAINER_CHANGES)->reason);
    cr_assert(strstr(item(&f, REVIEW_CONTAINER_CHANGES)->reason, "aws_ecs_service.app: deploys a new task definition"));
    cr_assert(item(&f, REVIEW_CONFIG_CHANGES)->yes);
    cr_assert(strstr(item(&f, REVIEW_CONFIG_CHANGES)->reason, "container settings change"),
              "%s", item(&f, REVIEW_CONFIG_CHANGES)->reason);
    cr_assert(item(&f, REVIEW_DOWNTIME)->yes == false, "%s", item(&f, REVIEW_DOWNTIME)->reason);
    cr_assert(item(&f, REVIEW_HORIZONTAL_SCALING)->yes);
    cr_assert(item(&f, REVIEW_AUTO_SCALING)->yes);
    cr_assert(strstr(item(&f, REVIEW_AUTO_SCALING)->reason, "TargetTrackingScaling policy"));
    cr_assert(item(&f, REVIEW_RESOURCE_LIMITS)->yes, "%s", item(&f, REVIEW_RESOURCE_LIMITS)->reason);
    cr_assert(item(&f, REVIEW_HEALTH_CHECKS)->yes);
    cr_assert(strstr(item(&f, REVIEW_HEALTH_CHECKS)->reason, "HTTP /health every 30 s"));
    cr_assert(item(&f, REVIEW_GRACEFUL_DEGRADATION)->yes, "%s", item(&f, REVIEW_GRACEFUL_DEGRADATION)->reason);
    cr_assert(item(&f, REVIEW_ROLLBACK)->yes, "%s", item(&f, REVIEW_ROLLBACK)->reason);
    cr_assert_eq(f.rv->verdict, REVIEW_APPROVED);
    if (getenv("REVIEW_DUMP")) {
        FILE *o = fopen(getenv("REVIEW_DUMP"), "w");
        fprintf(o, "%s\n----\n%s", f.md, f.json);
        fclose(o);
    }
    done(&f);
}

Test(review, ecs_stack_checklist_ticked_on_evidence)
{
    fixture f;
    build_ecs(&f);
    for (size_t i = 0; i < REVIEW_NCHECKS; i++)
        cr_assert(f.rv->checks[i].checked, "%s: %s", review_check_items[i], f.rv->checks[i].evidence);
    cr_assert(strstr(f.rv->checks[0].evidence, "aws_cloudwatch_metric_alarm.cpu: alarm on CPUUtilization"));
    cr_assert(strstr(f.rv->checks[6].evidence, "read secrets by reference"));
    done(&f);
}

Test(review, dependencies_are_priced_created_or_modified_resources)
{
    fixture f;
    build_ecs(&f);
    cr_assert_eq(f.rv->ndeps, 4);
    const review_dep *db = NULL;
    for (size_t i = 0; i < f.rv->ndeps; i++)
        if (strcmp(f.rv->deps[i].resource, "aws_db_instance.main") == 0)
            db = &f.rv->deps[i];
    cr_assert(db);
    cr_assert_str_eq(db->service, "Amazon RDS");
    cr_assert_str_eq(db->purpose, "MySQL 8.0 database, db.t3.large, Multi-AZ, 100 GB gp3");
    cr_assert_str_eq(db->cost, "+$198.56/month");
    cr_assert(strstr(f.md, "| `aws_ecs_service.app` | Amazon ECS (Fargate) | ECS service on Fargate, 2 tasks | "
                           "$0.00/month (from $72.08 to $72.08) |"));
    cr_assert(strstr(f.md, "| `aws_cloudwatch_log_group.app` | Amazon CloudWatch Logs | Log group, 30-day retention | "
                           "usage-based: $0.50 per GB ingested |"));
    cr_assert_null(strstr(f.md, "No new infrastructure required"));
    done(&f);
}

Test(review, cost_impact_sentence)
{
    fixture f;
    build_ecs(&f);
    cr_assert_str_eq(f.rv->cost_impact, "+$214.99/month (+298.3%, from $72.08 to $287.07); "
                                        "1 usage-based resource not counted (no usage figures)");
    done(&f);
}

/* Every heading, table header and checklist line of the seed's "Review
 * Output Format", in order, in the Markdown. */
Test(review, markdown_has_the_seed_shape_in_order)
{
    FILE *fp = fopen("fixtures/external/seed/review-persona.md", "r");
    cr_assert(fp, "the seed is at fixtures/external/seed/review-persona.md");
    fixture f;
    build_ecs(&f);
    char line[512];
    bool in_format = false;
    const char *at = f.md;
    size_t checked = 0;
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "```markdown", 11) == 0) {
            in_format = true;
            continue;
        }
        if (!in_format)
            continue;
        if (strncmp(line, "```", 3) == 0)
            break;
        char want[512];
        if (line[0] == '#' || strncmp(line, "**", 2) == 0 || strncmp(line, "- [ ]", 5) == 0 ||
            strncmp(line, "|---", 4) == 0 || strncmp(line, "| Resource", 10) == 0) {
            snprintf(want, sizeof want, "%s", line);
            char *brace = strchr(want, '{');
            if (brace)
                *brace = '\0'; /* "### Verdict: {…}" -> "### Verdict: " */
            if (strncmp(want, "- [ ]", 5) == 0)
                memmove(want, want + 6, strlen(want + 6) + 1); /* the item text, ticked or not */
        } else if (strncmp(line, "- **", 4) == 0) {
            snprintf(want, sizeof want, "%.*s", (int)(strstr(line, ":**") + 3 - line), line);
        } else {
            continue;
        }
        const char *hit = strstr(at, want);
        cr_assert(hit, "seed line \"%s\" missing or out of order", want);
        at = hit + strlen(want);
        checked++;
    }
    fclose(fp);
    cr_assert_geq(checked, 30);
    cr_assert(strstr(f.md, "### Review Questions\n") < strstr(f.md, "### Verdict: "));
    cr_assert_null(strchr(f.md, '{'), "no placeholder left");
    size_t len = strlen(f.md);
    cr_assert(len > 22 && strcmp(f.md + len - 22, "### Verdict: APPROVED\n") == 0, "the verdict is last");
    done(&f);
}

Test(review, json_is_valid_and_complete)
{
    fixture f;
    build_ecs(&f);
    json_error_t e;
    json_t *doc = json_loads(f.json, 0, &e);
    cr_assert(doc, "invalid JSON: %s at %d", e.text, e.line);
    cr_assert_str_eq(json_string_value(json_object_get(doc, "schema")), "circuit.review/v1");
    cr_assert_str_eq(json_string_value(json_object_get(doc, "verdict")), "APPROVED");
    static const char *const keys[] = {"verdict_reasons", "plans", "changes", "cost", "assessment",
                                       "dependencies", "findings", "suppressed", "checklist", "strengths",
                                       "concerns", "recommendations", "questions"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        cr_assert(json_object_get(doc, keys[i]), "missing %s", keys[i]);
    json_t *cost = json_object_get(doc, "cost");
    cr_assert_float_eq(json_number_value(json_object_get(cost, "monthly_delta")), 214.99, 1e-9);
    cr_assert(strstr(f.json, "\"monthly_after\": 287.07"));
    json_t *check = json_array_get(json_object_get(doc, "checklist"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(check, "item")), "Monitoring/alerting considered");
    cr_assert(json_is_true(json_object_get(check, "checked")));
    json_t *dl = json_object_get(json_object_get(json_object_get(doc, "assessment"), "deployment"),
                                 "downtime_required");
    cr_assert_str_eq(json_string_value(json_object_get(dl, "value")), "No");
    cr_assert_eq(json_array_size(json_object_get(doc, "questions")), REVIEW_NQUESTIONS);
    json_decref(doc);
    done(&f);
}

Test(review, sensitive_values_never_rendered)
{
    fixture f;
    memset(&f, 0, sizeof f);
    build(&f,
          "[{\"address\":\"aws_db_instance.db\",\"type\":\"aws_db_instance\",\"action\":\"update\","
          "  \"before\":{\"engine\":\"postgres\",\"instance_class\":\"db.t3.large\",\"password\":\"OldPassw0rdZZQ\"},"
          "  \"after\":{\"engine\":\"Zq9SensitiveEngine\",\"instance_class\":\"db.t3.large\",\"password\":\"NewPassw0rdZZQ\"},"
          "  \"before_sensitive\":{\"password\":true,\"engine\":true},"
          "  \"after_sensitive\":{\"password\":true,\"engine\":true}},"
          " {\"address\":\"aws_security_group.x\",\"type\":\"aws_security_group\",\"action\":\"create\","
          "  \"after\":{\"ingress\":[{\"from_port\":22,\"to_port\":22,\"protocol\":\"tcp\",\"cidr_blocks\":[\"203.0.113.77/32\"]}]},"
          "  \"after_sensitive\":{\"ingress\":[{\"cidr_blocks\":[true]}]}},"
          " {\"address\":\"aws_ecs_task_definition.t\",\"type\":\"aws_ecs_task_definition\",\"action\":\"create\","
          "  \"after\":{\"container_definitions\":\"[{\\\"name\\\":\\\"c\\\",\\\"image\\\":\\\"SecretImageQQ7\\\"}]\"},"
          "  \"after_sensitive\":{\"container_definitions\":true}}]");
    static const char *const secrets[] = {"Passw0rdZZQ", "Zq9SensitiveEngine", "203.0.113.77", "SecretImageQQ7"};
    for (size_t i = 0; i < 4; i++) {
        cr_assert_null(strstr(f.md, secrets[i]), "markdown leaks %s", secrets[i]);
        cr_assert_null(strstr(f.json, secrets[i]), "json leaks %s", secrets[i]);
    }
    done(&f);
}

Test(review, nothing_created_gives_the_none_row)
{
    fixture f;
    memset(&f, 0, sizeof f);
    build(&f, "[{\"address\":\"aws_iam_role.r\",\"type\":\"aws_iam_role\",\"action\":\"update\","
              "  \"before\":{\"description\":\"a\"},\"after\":{\"description\":\"b\"}}]");
    cr_assert_eq(f.rv->ndeps, 0);
    cr_assert(strstr(f.md, "| None | - | - | No new infrastructure required |\n"));
    cr_assert(strstr(f.md, "- **New Resources:** None\n"));
    cr_assert(strstr(f.md, "- **Modified Resources:** 1 — `aws_iam_role.r` (updated in place)\n"));
    cr_assert(strstr(f.md, "- **Configuration Changes:** Yes — `aws_iam_role.r`: updated (`description`)\n"), "%s", f.md);
    cr_assert_eq(f.rv->verdict, REVIEW_APPROVED);
    done(&f);
}

Test(review, destroy_before_create_and_delete_mean_downtime)
{
    fixture f;
    memset(&f, 0, sizeof f);
    build(&f,
          "[{\"address\":\"aws_db_instance.old\",\"type\":\"aws_db_instance\",\"action\":\"delete\","
          "  \"before\":{\"engine\":\"mysql\",\"skip_final_snapshot\":true,\"backup_retention_period\":0}},"
          " {\"address\":\"aws_lb.web\",\"type\":\"aws_lb\",\"action\":\"replace\",\"before\":{},\"after\":{}}]");
    cr_assert(item(&f, REVIEW_DOWNTIME)->yes);
    cr_assert_str_eq(item(&f, REVIEW_DOWNTIME)->reason,
                     "aws_db_instance.old: destroyed; aws_lb.web: destroyed before its replacement is created");
    cr_assert_not(item(&f, REVIEW_ROLLBACK)->yes);
    cr_assert(strstr(item(&f, REVIEW_ROLLBACK)->reason, "aws_db_instance.old: destroyed without a final snapshot"));
    cr_assert(strstr(f.md, "- **Modified Resources:** 2 — `aws_db_instance.old` (destroyed), `aws_lb.web` (replaced, destroy before create)\n"));
    done(&f);
}

Test(review, in_place_rds_class_change_reboots)
{
    fixture f;
    memset(&f, 0, sizeof f);
    build(&f, "[{\"address\":\"aws_db_instance.db\",\"type\":\"aws_db_instance\",\"action\":\"update\","
              "  \"before\":{\"instance_class\":\"db.t3.large\",\"multi_az\":false},"
              "  \"after\":{\"instance_class\":\"db.m5.large\",\"multi_az\":false,\"apply_immediately\":true}}]");
    cr_assert(item(&f, REVIEW_DOWNTIME)->yes);
    cr_assert_str_eq(item(&f, REVIEW_DOWNTIME)->reason,
                     "aws_db_instance.db: instance_class change reboots the database (apply_immediately = true: at apply)");
    cr_assert_not(item(&f, REVIEW_GRACEFUL_DEGRADATION)->yes);
    cr_assert(strstr(item(&f, REVIEW_GRACEFUL_DEGRADATION)->reason, "Single-AZ database"));
    done(&f);
}

Test(review, single_task_service_without_scaling)
{
    fixture f;
    memset(&f, 0, sizeof f);
    build(&f, "[{\"address\":\"aws_ecs_service.s\",\"type\":\"aws_ecs_service\",\"action\":\"create\","
              "  \"after\":{\"name\":\"s\",\"desired_count\":1}},"
              " {\"address\":\"aws_ecs_task_definition.t\",\"type\":\"aws_ecs_task_definition\",\"action\":\"create\","
              "  \"after\":{\"container_definitions\":\"[{\\\"name\\\":\\\"web\\\",\\\"image\\\":\\\"nginx\\\"}]\"}}]");
    cr_assert_not(item(&f, REVIEW_HORIZONTAL_SCALING)->yes);
    cr_assert_str_eq(item(&f, REVIEW_HORIZONTAL_SCALING)->reason, "aws_ecs_service.s: ECS service fixed at 1 task");
    cr_assert_not(item(&f, REVIEW_AUTO_SCALING)->yes);
    cr_assert_not(item(&f, REVIEW_RESOURCE_LIMITS)->yes);
    cr_assert_str_eq(item(&f, REVIEW_RESOURCE_LIMITS)->reason,
                     "aws_ecs_task_definition.t: container web has no memory limit and the task sets none");
    cr_assert_not(item(&f, REVIEW_ROLLBACK)->yes);
    cr_assert_not(f.rv->checks[1].checked, "no log configuration: %s", f.rv->checks[1].evidence);
    done(&f);
}

Test(review, findings_become_concerns_and_recommendations)
{
    static const risk_rule_info sg = {"CIR-T-1", "networking", RISK_HIGH, "aws_security_group",
                                      "SSH open to the world", "Restrict ingress to known CIDRs", NULL, NULL};
    fixture f;
    memset(&f, 0, sizeof f);
    f.risk = tl_risk();
    tl_risk_add(f.risk, &sg, "aws_security_group.x", "ingress[0].cidr_blocks", "port 22 open to 0.0.0.0/0");
    tl_risk_add(f.risk, &sg, "aws_security_group.y", NULL, "port 22 open to ::/0");
    build(&f, "[{\"address\":\"aws_security_group.x\",\"type\":\"aws_security_group\",\"action\":\"create\",\"after\":{}},"
              " {\"address\":\"aws_security_group.y\",\"type\":\"aws_security_group\",\"action\":\"create\",\"after\":{}}]");
    cr_assert_eq(f.rv->verdict, REVIEW_NEEDS_REVISION);
    cr_assert_str_eq(f.rv->concerns.items[0],
                     "[HIGH] CIR-T-1 aws_security_group.x ingress[0].cidr_blocks: port 22 open to 0.0.0.0/0");
    cr_assert_str_eq(f.rv->recs[0].text, "Restrict ingress to known CIDRs — CIR-T-1 (high) on aws_security_group.x, "
                                         "aws_security_group.y");
    cr_assert_not(f.rv->checks[5].checked);
    cr_assert(strstr(f.md, "### Verdict: NEEDS REVISION\n"));
    done(&f);
}

Test(review, not_priced_resources_are_concerns)
{
    fixture f;
    memset(&f, 0, sizeof f);
    f.p = tl_plan("plan.json", "[{\"address\":\"aws_instance.a\",\"type\":\"aws_instance\",\"action\":\"create\","
                               "\"after\":{\"instance_type\":null},\"after_unknown\":{\"instance_type\":true}}]");
    f.cost = tl_cost();
    tl_cost_add(f.cost, f.p, "aws_instance.a", COST_NOT_PRICED, 0, 0, "not priced: instance_type known after apply");
    f.risk = tl_risk();
    plan *plans[1] = {f.p};
    review_opts o = {.cost_threshold = 500};
    cir_err err;
    cr_assert_eq(review_build(plans, 1, f.cost, f.risk, &o, &f.rv, &err), CIR_OK);
    f.md = tl_markdown(f.rv);
    tl_review_plain(f.rv);
    f.json = tl_json(f.rv);
    cr_assert(strstr(f.rv->cost_impact, "1 resource not priced: aws_instance.a"));
    cr_assert(strstr(f.md, "| `aws_instance.a` | Amazon EC2 | EC2 instance | not priced: instance\\_type known after apply |"));
    cr_assert_not(f.rv->checks[4].checked);
    bool concern = false;
    for (size_t i = 0; i < f.rv->concerns.n; i++)
        concern |= strstr(f.rv->concerns.items[i], "1 resource not priced") != NULL;
    cr_assert(concern);
    done(&f);
}

Test(review, current_generation_mapping)
{
    char out[64];
    cr_assert(rv_current_generation("t2.medium", out, sizeof out));
    cr_assert_str_eq(out, "t3.medium");
    cr_assert(rv_current_generation("db.m4.large", out, sizeof out));
    cr_assert_str_eq(out, "db.m5.large");
    cr_assert(rv_current_generation("cache.r4.xlarge", out, sizeof out));
    cr_assert_str_eq(out, "cache.r5.xlarge");
    cr_assert(rv_current_generation("c4.2xlarge", out, sizeof out));
    cr_assert_str_eq(out, "c5.2xlarge");
    cr_assert_not(rv_current_generation("t3.micro", out, sizeof out));
    cr_assert_not(rv_current_generation("m5.large", out, sizeof out));
    cr_assert_not(rv_current_generation("t2", out, sizeof out));
    cr_assert_not(rv_current_generation("db.t22.micro", out, sizeof out));
}

/* A size longer than the buffer gets no suggestion, never a name cut in
 * the middle of a character (found by the writers campaign). */
Test(review, current_generation_never_cuts_a_name)
{
    char out[16];
    cr_assert(rv_current_generation("t2.abcdefghijkl", out, sizeof out));   /* 15 bytes: fits */
    cr_assert_str_eq(out, "t3.abcdefghijkl");
    cr_assert_not(rv_current_generation("t2.abcdefghijk\xc3\xa9", out, sizeof out));
    cr_assert_not(rv_current_generation("t2.msi\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", out, sizeof out));
}

/* rv_get_side walks paths itself (no allocation); it must agree with
 * plan_attr + plan_attr_sensitive on every kind of path. */
Test(review, attribute_walker_agrees_with_plan_attr)
{
    plan *p = tl_plan("p.json",
        "[{\"address\":\"aws_x.a\",\"type\":\"aws_x\",\"action\":\"update\","
        "  \"before\":{\"a\":1,\"tags\":{\"Name\":\"n\",\"we\\\"ird\":\"w\"},\"blk\":[{\"x\":\"1\",\"s\":\"p\"}]},"
        "  \"after\":{\"a\":2,\"n\":null,\"tags\":{\"Name\":\"m\"},\"blk\":[{\"x\":\"2\",\"s\":\"q\"},{\"x\":\"3\"}],"
        "           \"deep\":{\"inner\":{\"v\":5}}},"
        "  \"after_unknown\":{\"id\":true,\"blk\":[{},{\"x\":true}]},"
        "  \"before_sensitive\":{\"blk\":[{\"s\":true}]},"
        "  \"after_sensitive\":{\"blk\":[{\"s\":true}],\"deep\":{\"inner\":{\"v\":true}}}}]");
    const plan_resource *r = &p->resources[0];
    static const char *const paths[] = {
        "a", "n", "missing", "id", "id.sub", "tags", "tags.Name", "tags[\"Name\"]", "tags[\"we\\\"ird\"]",
        "blk", "blk[0]", "blk[0].x", "blk[0].s", "blk[1].x", "blk[2].x", "deep", "deep.inner", "deep.inner.v",
        "a[0]", "blk.x", "",
    };
    for (size_t side = 0; side < 2; side++)
        for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
            plan_val_state st;
            const json_t *want = plan_attr(r, side, paths[i], &st);
            if (st != PLAN_VAL_KNOWN || plan_attr_sensitive(r, side, paths[i]))
                want = NULL;
            cr_assert_eq(rv_get_side(r, side, paths[i]), want, "path %s (%s side)", paths[i],
                         side ? "after" : "before");
        }
    tl_plan_free(p);
}

/* The Markdown names 15 new resources and counts the rest; JSON lists all. */
Test(review, long_lists_are_capped_in_markdown_only)
{
    sbuf doc = SBUF_INIT;
    sbuf_putc(&doc, '[');
    for (int i = 0; i < 20; i++)
        sbuf_printf(&doc, "%s{\"address\":\"aws_iam_role.r%02d\",\"type\":\"aws_iam_role\",\"action\":\"create\","
                          "\"after\":{}}", i ? "," : "", i);
    sbuf_putc(&doc, ']');
    fixture f;
    memset(&f, 0, sizeof f);
    build(&f, sbuf_str(&doc));
    sbuf_free(&doc);
    cr_assert(strstr(f.md, "- **New Resources:** 20 — `aws_iam_role.r00`, "));
    cr_assert(strstr(f.md, "`aws_iam_role.r14` and 5 more\n"), "%s", f.md);
    cr_assert_null(strstr(f.md, "aws_iam_role.r15"));
    cr_assert(strstr(f.json, "\"address\": \"aws_iam_role.r19\""));
    done(&f);
}

/* Control characters in an address (a for_each key may hold any) are text,
 * not the renderers' code markers: they come back out of the JSON whole. */
Test(review, control_bytes_in_an_address_are_not_markers)
{
    fixture f;
    memset(&f, 0, sizeof f);
    f.p = tl_plan("plan.json", "[{\"address\":\"aws_iam_role.r[\\\"a\\u0001b\\u0002c\\\"]\",\"type\":\"aws_iam_role\","
                               "\"action\":\"create\",\"after\":{}}]");
    f.cost = tl_cost();
    f.risk = tl_risk();
    plan *plans[1] = {f.p};
    review_opts o = {.cost_threshold = 500};
    cir_err err;
    cr_assert_eq(review_build(plans, 1, f.cost, f.risk, &o, &f.rv, &err), CIR_OK, "%s", err.msg);
    f.json = tl_json(f.rv);
    f.md = tl_markdown(f.rv);
    json_t *doc = json_loads(f.json, 0, NULL);
    cr_assert(doc);
    json_t *created = json_object_get(json_object_get(doc, "changes"), "new");
    cr_assert(json_is_array(created), "%s", f.json);
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(created, 0), "address")),
                     "aws_iam_role.r[\"a\001b\002c\"]");
    json_decref(doc);
    cr_assert(strstr(f.md, "`aws_iam_role.r[\"a\001b\002c\"]`"), "%s", f.md);
    done(&f);
}

/* Cell separators of a Markdown table row as GitHub splits them: a
 * backslash escapes the next character, a backslash included. */
static size_t row_pipes(const char *line)
{
    size_t n = 0;
    for (const char *p = line; *p && *p != '\n'; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        n += *p == '|';
    }
    return n;
}

/* A backslash before a pipe in an address (a for_each key) must not
 * escape the escape: the dependencies row keeps its four cells. */
Test(review, a_backslash_before_a_pipe_stays_in_its_cell)
{
    fixture f;
    memset(&f, 0, sizeof f);
    f.p = tl_plan("plan.json", "[{\"address\":\"aws_db_instance.d[\\\"a\\\\|b\\\"]\",\"type\":\"aws_db_instance\","
                               "\"action\":\"create\",\"after\":{\"engine\":\"postgres\",\"instance_class\":\"db.t3.micro\"}}]");
    f.cost = tl_cost();
    tl_cost_add(f.cost, f.p, "aws_db_instance.d[\"a\\|b\"]", COST_PRICED, 0, 12.41, NULL);
    f.risk = tl_risk();
    plan *plans[1] = {f.p};
    review_opts o = {.cost_threshold = 500};
    cir_err err;
    cr_assert_eq(review_build(plans, 1, f.cost, f.risk, &o, &f.rv, &err), CIR_OK, "%s", err.msg);
    f.md = tl_markdown(f.rv);
    f.json = tl_json(f.rv);
    const char *row = strstr(f.md, "\n| `aws_db_instance.d");
    cr_assert(row, "%s", f.md);
    cr_assert_eq(row_pipes(row + 1), row_pipes(strstr(f.md, "| Resource | Type |")), "%s", f.md);
    cr_assert(strstr(row, "`aws_db_instance.d[\"a\\\\\\|b\"]`"), "%s", f.md);
    done(&f);
}
