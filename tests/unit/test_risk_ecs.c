/*
 * test_risk_ecs.c — the checks that decode aws_ecs_task_definition's
 * container_definitions (a JSON document inside a string): health checks,
 * limits (container or task level), privileged, logging, secrets in the
 * plain environment; undecodable and unknown documents; and that a secret
 * finding names container and variable but never the value.
 */
#include "test_risk_util.h"

#include "src/core/sbuf.h"

#include <criterion/redirect.h>
#include <jansson.h>

/* A task definition whose container_definitions is `containers` (JSON
 * text) encoded as a string; `task` adds task-level fields (JSON object). */
static plan *task_def(const char *containers, const char *task)
{
    json_t *after = json_loads(task ? task : "{}", 0, NULL);
    cr_assert_not_null(after);
    json_object_set_new(after, "container_definitions", json_string(containers));
    char *text = json_dumps(after, JSON_COMPACT);
    plan *p = rt_one("aws_ecs_task_definition", text, NULL);
    free(text);
    json_decref(after);
    return p;
}

static risk_report *run(risk_ruleset **rs, plan *p)
{
    *rs = rt_rules();
    return rt_check(*rs, p);
}

#define ADDR "aws_ecs_task_definition.t"

static const char complete[] =
    "{\"name\":\"api\",\"cpu\":256,\"memory\":512,\"healthCheck\":{\"command\":[\"CMD\",\"true\"]},"
    "\"logConfiguration\":{\"logDriver\":\"awslogs\"},\"environment\":[]}";

Test(risk_ecs, a_complete_container_has_no_findings)
{
    char *c = xasprintf("[%s]", complete);
    risk_ruleset *rs;
    plan *p = task_def(c, NULL);
    risk_report *rep = run(&rs, p);
    cr_expect_eq(rep->nfindings, 0);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
    free(c);
}

Test(risk_ecs, one_finding_per_container_named)
{
    risk_ruleset *rs;
    plan *p = task_def("[{\"name\":\"web\"},{\"name\":\"sidecar\",\"healthCheck\":{}},{\"image\":\"x\"}]", NULL);
    risk_report *rep = run(&rs, p);
    cr_expect_eq(rt_count(rep, "CIR-ECS-008", ADDR), 3);   /* healthCheck without command counts as none */
    cr_expect_eq(rt_count(rep, "CIR-ECS-012", ADDR), 3);
    char *all = rt_all_text(rep);
    cr_expect(strstr(all, "container \"web\": ECS cannot tell") != NULL, "%s", all);
    cr_expect(strstr(all, "container \"sidecar\"") != NULL);
    cr_expect(strstr(all, "container \"#2\"") != NULL);   /* no name: its position */
    free(all);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_ecs, limits_at_container_or_task_level)
{
    risk_ruleset *rs;
    plan *p = task_def("[{\"name\":\"a\",\"cpu\":0,\"memoryReservation\":256}]", NULL);
    risk_report *rep = run(&rs, p);
    const risk_finding *f = rt_find(rep, "CIR-ECS-009", ADDR);
    cr_assert_not_null(f);   /* cpu 0 is no limit; memoryReservation is one */
    cr_expect(strstr(f->message, "container \"a\": no cpu set") != NULL, "%s", f->message);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);

    p = task_def("[{\"name\":\"a\"}]", "{\"cpu\":\"512\",\"memory\":\"1024\"}");
    rep = run(&rs, p);
    cr_expect_eq(rt_count(rep, "CIR-ECS-009", ADDR), 0);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_ecs, privileged_only_when_true)
{
    risk_ruleset *rs;
    plan *p = task_def("[{\"name\":\"a\",\"privileged\":false},{\"name\":\"b\",\"privileged\":true}]", NULL);
    risk_report *rep = run(&rs, p);
    cr_expect_eq(rt_count(rep, "CIR-ECS-010", ADDR), 1);
    cr_expect(strstr(rt_find(rep, "CIR-ECS-010", ADDR)->message, "\"b\"") != NULL);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_ecs, logging_needs_a_driver)
{
    risk_ruleset *rs;
    plan *p = task_def("[{\"name\":\"a\",\"logConfiguration\":{\"options\":{}}}]", NULL);
    risk_report *rep = run(&rs, p);
    cr_expect_eq(rt_count(rep, "CIR-ECS-012", ADDR), 1);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_ecs, secrets_in_environment_named_never_shown)
{
    static const char *const secret_names[] = {"DB_PASSWORD", "db_passwd", "API_KEY", "GITHUB_TOKEN",
                                               "AWS_SECRET_ACCESS_KEY", "private_key", "STRIPE_SECRET"};
    static const char *const plain_names[] = {"STAGE", "PORT", "LOG_LEVEL"};
    sbuf env = SBUF_INIT;
    for (size_t i = 0; i < 7; i++)
        sbuf_printf(&env, "%s{\"name\":\"%s\",\"value\":\"VALUE-%zu-q7Zt\"}", i ? "," : "", secret_names[i], i);
    for (size_t i = 0; i < 3; i++)
        sbuf_printf(&env, ",{\"name\":\"%s\",\"value\":\"plain-%zu\"}", plain_names[i], i);
    /* A pointer to a secret and an empty value are not secrets. */
    sbuf_puts(&env, ",{\"name\":\"DB_PASSWORD_ARN\",\"value\":\"arn:aws:secretsmanager:us-east-1:1:secret:x\"}");
    sbuf_puts(&env, ",{\"name\":\"OLD_TOKEN\",\"value\":\"\"}");
    char *c = xasprintf("[{\"name\":\"app\",\"environment\":[%s]}]", sbuf_str(&env));
    risk_ruleset *rs;
    plan *p = task_def(c, NULL);
    risk_report *rep = run(&rs, p);
    cr_expect_eq(rt_count(rep, "CIR-ECS-011", ADDR), 7);
    char *all = rt_all_text(rep);
    for (size_t i = 0; i < 7; i++) {
        char want[96];
        snprintf(want, sizeof want, "container \"app\", variable %s:", secret_names[i]);
        cr_expect(strstr(all, want) != NULL, "missing %s", want);
    }
    cr_expect(strstr(all, "q7Zt") == NULL, "a value leaked:\n%s", all);
    cr_expect(strstr(all, "DB_PASSWORD_ARN") == NULL);
    cr_expect(strstr(all, "OLD_TOKEN") == NULL);
    cr_expect(strstr(all, "STAGE") == NULL);
    free(all);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
    free(c);
    sbuf_free(&env);
}

Test(risk_ecs, unknown_definitions_give_nothing)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one("aws_ecs_task_definition", "{\"family\":\"x\"}", "{\"container_definitions\":true}");
    risk_report *rep = rt_check(rs, p);
    cr_expect_eq(rep->nfindings, 0);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_ecs, undecodable_definitions_warn_once, .init = cr_redirect_stderr)
{
    risk_ruleset *rs;
    plan *p = task_def("{\"name\":\"not a list\"}", NULL);
    cir_warn_quiet(0);
    risk_report *rep = run(&rs, p);
    cr_expect_eq(rep->nfindings, 0);
    fflush(stderr);
    cr_expect_stderr_eq_str("circuit: warning: aws_ecs_task_definition.t: container_definitions is not a JSON "
                            "list of containers; container checks skipped\n");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_ecs, lambda_environment_secrets)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one("aws_lambda_function",
                     "{\"environment\":[{\"variables\":{\"API_KEY\":\"k-9fQx\",\"STAGE\":\"prod\","
                     "\"DB_SECRET_ARN\":\"arn:aws:secretsmanager:x\",\"SESSION_TOKEN\":null}}]}",
                     "{\"environment\":[{\"variables\":{\"SESSION_TOKEN\":true}}]}");
    risk_report *rep = rt_check(rs, p);
    cr_expect_eq(rt_count(rep, "CIR-LAM-001", "aws_lambda_function.t"), 2);   /* unknown value: still plain text */
    char *all = rt_all_text(rep);
    cr_expect(strstr(all, "environment[0].variables[\"API_KEY\"]") != NULL, "%s", all);
    cr_expect(strstr(all, "9fQx") == NULL);
    free(all);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}
