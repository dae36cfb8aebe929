/*
 * test_risk_rulesfile.c — --rules FILE: adding rules, overriding built-ins
 * field by field, the listing's JSON read back as a rules file, and every
 * bad input the loader refuses, each with an error that names the rule and
 * the field.
 */
#include "test_risk_util.h"

#include <criterion/parameterized.h>
#include <unistd.h>

#include "src/risk/rules.h"

/* Writes `text` to a temporary file and loads it as a rules file. */
static cir_code load_text(const char *text, risk_ruleset **rs, cir_err *err)
{
    char path[] = "/tmp/circuit-rules-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    cir_err_clear(err);
    *rs = NULL;
    cir_code rc = risk_ruleset_load(path, rs, err);
    unlink(path);
    return rc;
}

static const risk_rule_info *info(const risk_ruleset *rs, const char *id)
{
    const risk_rule_info **rules;
    size_t n = risk_ruleset_rules(rs, &rules);
    for (size_t i = 0; i < n; i++)
        if (strcmp(rules[i]->id, id) == 0)
            return rules[i];
    return NULL;
}

Test(risk_rulesfile, adds_a_rule_that_fires)
{
    risk_ruleset *rs;
    cir_err err;
    cr_assert_eq(load_text("{\"schema\":\"circuit.rules/v1\",\"rules\":[{\"id\":\"TEAM-RDS-001\","
                           "\"area\":\"storage\",\"severity\":\"medium\",\"resource_types\":[\"aws_db_instance\"],"
                           "\"title\":\"Burstable database class\",\"attribute\":\"instance_class\","
                           "\"condition\":\"matches\",\"value\":\"^db\\\\.t[234]\\\\.\",\"missing\":\"pass\","
                           "\"message\":\"instance_class {value} is burstable\",\"remediation\":\"Use db.m or db.r.\","
                           "\"checkov\":null,\"trivy\":null}]}",
                           &rs, &err),
                 CIR_OK, "%s", err.msg);
    const risk_rule_info **rules;
    cr_expect_eq(risk_ruleset_rules(rs, &rules), risk_builtin_count + 1);
    plan *p = rt_one("aws_db_instance", "{\"instance_class\":\"db.t3.micro\"}", NULL);
    risk_report *rep = rt_check(rs, p);
    const risk_finding *f = rt_find(rep, "TEAM-RDS-001", "aws_db_instance.t");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->message, "instance_class db.t3.micro is burstable");
    for (size_t i = 0; i < risk_builtin_count + 1; i++)
        cr_expect_str_eq(risk_ruleset_rule_origin(rs, i),
                         strcmp(rules[i]->id, "TEAM-RDS-001") == 0 ? "rules file" : "built-in");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_rulesfile, overrides_severity_only)
{
    risk_ruleset *rs;
    cir_err err;
    cr_assert_eq(load_text("{\"rules\":[{\"id\":\"CIR-SG-004\",\"severity\":\"low\"}]}", &rs, &err), CIR_OK, "%s",
                 err.msg);
    const risk_rule_info *r = info(rs, "CIR-SG-004");
    cr_assert_not_null(r);
    const risk_rule_info **rules;
    size_t n = risk_ruleset_rules(rs, &rules);
    for (size_t i = 0; i < n; i++)
        if (rules[i] == r)
            cr_expect_str_eq(risk_ruleset_rule_origin(rs, i), "built-in, changed by rules file");
    cr_expect_eq(r->severity, RISK_LOW);
    cr_expect_str_eq(r->title, "All ports or all protocols open to the whole internet");
    plan *p = rt_fixture("check-networking.json");
    risk_report *rep = rt_check(rs, p);
    const risk_finding *f = rt_find(rep, "CIR-SG-004", "aws_security_group.range_world");
    cr_assert_not_null(f);
    cr_expect_eq(f->rule->severity, RISK_LOW);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* A new condition replaces the old test and its default. */
Test(risk_rulesfile, overrides_condition)
{
    risk_ruleset *rs;
    cir_err err;
    cr_assert_eq(load_text("{\"rules\":[{\"id\":\"CIR-RDS-004\",\"condition\":\"lt\",\"value\":30,"
                           "\"missing\":\"fire\",\"message\":\"keeps backups {value} days\"}]}",
                           &rs, &err),
                 CIR_OK, "%s", err.msg);
    plan *p = rt_one("aws_db_instance", "{\"backup_retention_period\":14}", NULL);
    risk_report *rep = rt_check(rs, p);
    const risk_finding *f = rt_find(rep, "CIR-RDS-004", "aws_db_instance.t");
    cr_assert_not_null(f);
    cr_expect_str_eq(f->message, "keeps backups 14 days");
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_rulesfile, check_rule_with_parameter)
{
    risk_ruleset *rs;
    cir_err err;
    cr_assert_eq(load_text("{\"rules\":[{\"id\":\"TEAM-SG-8080\",\"area\":\"networking\",\"severity\":\"high\","
                           "\"resource_types\":\"aws_security_group\",\"title\":\"8080 open\","
                           "\"condition\":\"check\",\"check\":\"sg_world_ingress\",\"value\":8080,"
                           "\"message\":\"8080 is open\",\"remediation\":\"Close it.\"}]}",
                           &rs, &err),
                 CIR_OK, "%s", err.msg);
    plan *p = rt_one("aws_security_group",
                     "{\"ingress\":[{\"protocol\":\"tcp\",\"from_port\":8000,\"to_port\":9000,"
                     "\"cidr_blocks\":[\"0.0.0.0/0\"]}]}",
                     NULL);
    risk_report *rep = rt_check(rs, p);
    cr_expect_eq(rt_count(rep, "TEAM-SG-8080", "aws_security_group.t"), 1);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* Every built-in, written out in the file format and read back as
 * overrides, behaves exactly as before. */
Test(risk_rulesfile, listing_round_trips)
{
    risk_ruleset *rs = rt_rules();
    json_t *doc = json_pack("{s:s, s:[]}", "schema", "circuit.rules/v1", "rules");
    for (size_t i = 0; i < risk_builtin_count; i++)
        json_array_append_new(json_object_get(doc, "rules"), risk_ruleset_rule_json(rs, i));
    char *text = json_dumps(doc, 0);
    risk_ruleset *back;
    cir_err err;
    cr_assert_eq(load_text(text, &back, &err), CIR_OK, "%s", err.msg);
    static const char *const fixtures[] = {"check-networking.json", "check-tls.json", "check-storage.json",
                                           "check-reliability.json", "check-operations.json", "check-plan.json"};
    for (size_t k = 0; k < 6; k++) {
        plan *p = rt_fixture(fixtures[k]);
        risk_report *a = rt_check(rs, p), *b = rt_check(back, p);
        cr_expect_eq(a->nfindings, b->nfindings, "%s", fixtures[k]);
        for (size_t i = 0; i < a->nfindings && i < b->nfindings; i++)
            cr_expect_str_eq(a->findings[i].message, b->findings[i].message);
        risk_report_free(a);
        risk_report_free(b);
        plan_free(p);
    }
    for (size_t i = 0; i < risk_builtin_count; i++) {
        json_t *x = risk_ruleset_rule_json(rs, i), *y = risk_ruleset_rule_json(back, i);
        cr_expect(json_equal(x, y), "rule %zu differs after the round trip", i);
        json_decref(x);
        json_decref(y);
    }
    free(text);
    json_decref(doc);
    risk_ruleset_free(back);
    risk_ruleset_free(rs);
}

/* ---- bad inputs --------------------------------------------------------- */

typedef struct bad_case {
    char text[400];
    cir_code code;
    char want[160];        /* substring of the message */
} bad_case;

#define NEW_RULE(extra)                                                                               \
    "{\"rules\":[{\"id\":\"T-1\",\"area\":\"storage\",\"severity\":\"low\",\"resource_types\":[\"aws_x\"]," \
    "\"title\":\"t\",\"message\":\"m\",\"remediation\":\"r\"" extra "}]}"
#define SIMPLE ",\"attribute\":\"a\",\"condition\":\"equals\",\"value\":true,\"missing\":\"pass\""

static const bad_case bad[] = {
    {"{\"rules\": [", CIR_EPARSE, "not valid JSON: line 1"},
    {"[]", CIR_EINPUT, "want a JSON object {\"rules\": [...]}"},
    {"{\"rule\":[]}", CIR_EINPUT, "unknown top-level field \"rule\""},
    {"{\"schema\":\"circuit.rules/v2\",\"rules\":[]}", CIR_EINPUT, "field \"schema\": want \"circuit.rules/v1\""},
    {"{\"rules\":{}}", CIR_EINPUT, "field \"rules\": want an array of rules"},
    {"{\"rules\":[42]}", CIR_EINPUT, "rules[0]: must be a JSON object"},
    {"{\"rules\":[{\"severity\":\"low\"}]}", CIR_EINPUT, "rules[0]: field \"id\": is missing"},
    {"{\"rules\":[{\"id\":\"CIR-SG-004\",\"severity\":\"low\"},{\"id\":\"CIR-SG-004\",\"severity\":\"high\"}]}",
     CIR_EINPUT, "rule CIR-SG-004: defined twice in the file"},
    {"{\"rules\":[{\"id\":\"CIR-SG-004\",\"severty\":\"low\"}]}", CIR_EINPUT,
     "rule CIR-SG-004: field \"severty\": unknown field"},
    {"{\"rules\":[{\"id\":\"CIR-SG-004\",\"severity\":\"urgent\"}]}", CIR_EINPUT,
     "rule CIR-SG-004: field \"severity\": want info, low, medium, high or critical"},
    {"{\"rules\":[{\"id\":\"CIR-SG-004\",\"severity\":3}]}", CIR_EINPUT,
     "rule CIR-SG-004: field \"severity\": must be a string"},
    {"{\"rules\":[{\"id\":\"CIR-SG-004\",\"area\":\"security\"}]}", CIR_EINPUT,
     "rule CIR-SG-004: field \"area\": want networking, tls, storage, reliability, operations or plan"},
    {"{\"rules\":[{\"id\":\"CIR-SG-004\",\"title\":\"\"}]}", CIR_EINPUT, "rule CIR-SG-004: field \"title\": must not be empty"},
    {"{\"rules\":[{\"id\":\"CIR-SG-004\",\"checkov\":\"\"}]}", CIR_EINPUT, "rule CIR-SG-004: field \"checkov\": must not be empty"},
    {"{\"rules\":[{\"id\":\"bad id!\"}]}", CIR_EINPUT, "rule bad id!: field \"id\": use letters, digits"},
    {NEW_RULE(""), CIR_EINPUT, "rule T-1: field \"condition\": is missing"},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"is\",\"value\":1,\"missing\":\"pass\""), CIR_EINPUT,
     "rule T-1: field \"condition\": unknown condition \"is\""},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"equals\",\"value\":true"), CIR_EINPUT,
     "rule T-1: field \"missing\": say how a missing attribute counts"},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"equals\",\"value\":true,\"missing\":\"pass\",\"default\":1"),
     CIR_EINPUT, "rule T-1: field \"default\": give either \"missing\" or \"default\", not both"},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"equals\",\"value\":true,\"missing\":\"maybe\""), CIR_EINPUT,
     "rule T-1: field \"missing\": want \"fire\" or \"pass\""},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"equals\",\"value\":true,\"default\":null"), CIR_EINPUT,
     "rule T-1: field \"default\": must not be null"},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"equals\",\"missing\":\"pass\""), CIR_EINPUT,
     "rule T-1: field \"value\": is missing"},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"matches\",\"value\":\"(unclosed\",\"missing\":\"pass\""),
     CIR_EINPUT, "rule T-1: field \"value\": invalid PCRE2 pattern at offset"},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"lt\",\"value\":\"7\",\"missing\":\"pass\""), CIR_EINPUT,
     "rule T-1: field \"value\": must be a number"},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"empty\",\"value\":1,\"missing\":\"pass\""), CIR_EINPUT,
     "rule T-1: field \"value\": this condition takes no value"},
    {NEW_RULE(",\"attribute\":\"a\",\"condition\":\"absent\",\"missing\":\"fire\""), CIR_EINPUT,
     "rule T-1: field \"missing\": condition \"absent\" already says what a missing attribute means"},
    {NEW_RULE(",\"condition\":\"equals\",\"value\":true,\"missing\":\"pass\""), CIR_EINPUT,
     "rule T-1: field \"attribute\": is missing"},
    {NEW_RULE(",\"attribute\":\"a..b\",\"condition\":\"present\""), CIR_EINPUT,
     "rule T-1: field \"attribute\": \"a..b\" is not a path"},
    {NEW_RULE(",\"attribute\":\"a[x]\",\"condition\":\"present\""), CIR_EINPUT,
     "rule T-1: field \"attribute\": \"a[x]\" is not a path"},
    {NEW_RULE(",\"attribute\":[\"a\",\"\"],\"condition\":\"present\""), CIR_EINPUT,
     "rule T-1: field \"attribute\": must hold only non-empty strings"},
    {NEW_RULE(",\"condition\":\"check\",\"check\":\"nope\""), CIR_EINPUT, "rule T-1: field \"check\": unknown check \"nope\""},
    {NEW_RULE(",\"condition\":\"check\""), CIR_EINPUT, "rule T-1: field \"check\": is missing"},
    {NEW_RULE(",\"condition\":\"check\",\"check\":\"sg_world_ingress\""), CIR_EINPUT,
     "rule T-1: field \"value\": check \"sg_world_ingress\" needs a value"},
    {NEW_RULE(",\"condition\":\"check\",\"check\":\"sg_world_ingress\",\"value\":\"22-x\""), CIR_EINPUT,
     "rule T-1: field \"value\": want ports like"},
    {NEW_RULE(",\"condition\":\"check\",\"check\":\"sg_world_ingress\",\"value\":\"99999\""), CIR_EINPUT,
     "rule T-1: field \"value\": want ports like"},
    {NEW_RULE(",\"condition\":\"check\",\"check\":\"vpc_flow_log\",\"value\":\"x\""), CIR_EINPUT,
     "rule T-1: field \"value\": check \"vpc_flow_log\" takes no value"},
    {NEW_RULE(",\"condition\":\"check\",\"check\":\"vpc_flow_log\",\"missing\":\"fire\""), CIR_EINPUT,
     "rule T-1: field \"missing\": a check decides missing attributes itself"},
    {NEW_RULE(",\"condition\":\"check\",\"check\":\"vpc_flow_log\",\"attribute\":\"x\""), CIR_EINPUT,
     "rule T-1: field \"attribute\": check \"vpc_flow_log\" takes no attribute"},
    {NEW_RULE(",\"condition\":\"equals\",\"attribute\":\"a\",\"value\":true,\"missing\":\"pass\",\"check\":\"vpc_flow_log\""),
     CIR_EINPUT, "rule T-1: field \"check\": only with \"condition\": \"check\""},
    {NEW_RULE(",\"condition\":\"check\",\"check\":\"plan_errored\",\"when\":[{\"attribute\":\"a\",\"condition\":\"present\"}]"),
     CIR_EINPUT, "rule T-1: field \"when\": check \"plan_errored\" looks at the plan's actions"},
    {NEW_RULE(SIMPLE ",\"when\":{}"), CIR_EINPUT, "rule T-1: field \"when\": must be an array of conditions"},
    {NEW_RULE(SIMPLE ",\"when\":[{\"attribute\":\"b\"}]"), CIR_EINPUT,
     "rule T-1: field \"condition\": is missing in a when entry"},
    {NEW_RULE(SIMPLE ",\"when\":[{\"attribute\":\"b\",\"condition\":\"present\",\"note\":1}]"), CIR_EINPUT,
     "rule T-1: field \"note\": unknown field in a when entry"},
    {NEW_RULE(SIMPLE ",\"when\":[{\"attribute\":\"b\",\"condition\":\"equals\",\"value\":1}]"), CIR_EINPUT,
     "rule T-1: field \"when[0].missing\": say how a missing attribute counts"},
    {NEW_RULE(SIMPLE ",\"when\":[{\"attribute\":\"b\",\"condition\":\"check\"}]"), CIR_EINPUT,
     "rule T-1: field \"condition\": \"check\" cannot be used in a when entry"},
    {NEW_RULE(SIMPLE ",\"when\":[{\"condition\":\"present\",\"attribute\":\"b\"},{\"condition\":\"present\","
              "\"attribute\":\"b\"},{\"condition\":\"present\",\"attribute\":\"b\"},{\"condition\":\"present\","
              "\"attribute\":\"b\"}]"),
     CIR_EINPUT, "rule T-1: field \"when\": holds more than 3 conditions"},
    {"{\"rules\":[{\"id\":\"T-2\",\"area\":\"storage\",\"severity\":\"low\",\"resource_types\":[\"AWS_X\"],"
     "\"title\":\"t\",\"message\":\"m\",\"remediation\":\"r\"" SIMPLE "}]}",
     CIR_EINPUT, "rule T-2: field \"resource_types\": \"AWS_X\" is not a resource type"},
    {"{\"rules\":[{\"id\":\"T-3\",\"area\":\"storage\",\"severity\":\"low\",\"resource_types\":[\"aws_x\"],"
     "\"title\":\"t\",\"remediation\":\"r\"" SIMPLE "}]}",
     CIR_EINPUT, "rule T-3: field \"message\": is missing"},
};

#define NBAD (sizeof bad / sizeof bad[0])

ParameterizedTestParameters(risk_rulesfile, refuses_bad_input)
{
    return cr_make_param_array(bad_case, (void *)bad, NBAD);
}

ParameterizedTest(bad_case *c, risk_rulesfile, refuses_bad_input)
{
    risk_ruleset *rs;
    cir_err err;
    cr_expect_eq(load_text(c->text, &rs, &err), c->code, "for %s: %s", c->text, err.msg);
    cr_expect_null(rs);
    cr_expect(strstr(err.msg, c->want) != NULL, "message \"%s\" lacks \"%s\"", err.msg, c->want);
    cr_expect_eq(strncmp(err.topic, "/tmp/circuit-rules-", 19), 0, "topic %s", err.topic);
    cr_expect(!strchr(err.msg, '\n'), "one line");
}

Test(risk_rulesfile, missing_file_is_an_io_error)
{
    risk_ruleset *rs = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_expect_eq(risk_ruleset_load("/nonexistent/rules.json", &rs, &err), CIR_EIO);
    cr_expect_null(rs);
    cr_expect_str_eq(err.topic, "/nonexistent/rules.json");
    cr_expect_str_eq(err.msg, "cannot open rules file: No such file or directory");
}
