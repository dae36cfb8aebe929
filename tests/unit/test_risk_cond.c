/*
 * test_risk_cond.c — the condition operators a rule can use, through rules
 * loaded from a file (the way users write them): equality with "any of",
 * numbers of either JSON kind, patterns on non-strings, list membership
 * (objects matched by the keys they name), emptiness, presence, world
 * CIDRs, [*] over lists, and {value} hiding what must not be shown.
 */
#include "test_risk_util.h"

#include <unistd.h>

static risk_ruleset *rules_from(const char *rules_json)
{
    char path[] = "/tmp/circuit-rules-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "{\"rules\":[%s]}", rules_json);
    fclose(f);
    risk_ruleset *rs = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_eq(risk_ruleset_load(path, &rs, &err), CIR_OK, "%s", err.msg);
    unlink(path);
    return rs;
}

/* One user rule on aws_x: does it fire on `after`? */
static bool fires(const char *cond, const char *after, const char *unknown)
{
    char *rule = xasprintf("{\"id\":\"T-1\",\"area\":\"storage\",\"severity\":\"low\",\"resource_types\":\"aws_x\","
                           "\"title\":\"t\",\"message\":\"m {value}\",\"remediation\":\"r\",%s}",
                           cond);
    risk_ruleset *rs = rules_from(rule);
    plan *p = rt_one("aws_x", after, unknown);
    risk_report *rep = rt_check(rs, p);
    bool hit = rt_count(rep, "T-1", "aws_x.t") > 0;
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
    free(rule);
    return hit;
}

#define EQ "\"attribute\":\"a\",\"condition\":\"equals\",\"missing\":\"pass\",\"value\":"

Test(risk_cond, equals_any_of_and_numbers)
{
    cr_expect(fires(EQ "\"x\"", "{\"a\":\"x\"}", NULL));
    cr_expect(!fires(EQ "\"x\"", "{\"a\":\"X\"}", NULL));
    cr_expect(fires(EQ "[\"x\",\"y\"]", "{\"a\":\"y\"}", NULL));
    cr_expect(fires(EQ "5", "{\"a\":5.0}", NULL));
    cr_expect(!fires(EQ "5", "{\"a\":\"5\"}", NULL));
    cr_expect(fires(EQ "{\"k\":1}", "{\"a\":{\"k\":1,\"other\":2}}", NULL));   /* keys named only */
    cr_expect(!fires("\"attribute\":\"a\",\"condition\":\"not_equals\",\"missing\":\"pass\",\"value\":true",
                     "{\"a\":true}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"not_equals\",\"missing\":\"fire\",\"value\":true", "{}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"not_equals\",\"default\":false,\"value\":true", "{}", NULL));
    cr_expect(!fires("\"attribute\":\"a\",\"condition\":\"not_equals\",\"default\":true,\"value\":true", "{}", NULL));
    cr_expect(!fires("\"attribute\":\"a\",\"condition\":\"not_equals\",\"missing\":\"fire\",\"value\":true",
                     "{\"a\":null}", "{\"a\":true}"));
}

Test(risk_cond, patterns_and_numbers)
{
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"matches\",\"missing\":\"pass\",\"value\":\"^db\\\\.t\"",
                    "{\"a\":\"db.t3.micro\"}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"matches\",\"missing\":\"pass\",\"value\":\"^80$\"",
                    "{\"a\":80}", NULL));
    cr_expect(!fires("\"attribute\":\"a\",\"condition\":\"not_matches\",\"missing\":\"pass\",\"value\":\"x\"",
                     "{\"a\":[\"y\"]}", NULL));   /* not a scalar: cannot tell */
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"lt\",\"missing\":\"pass\",\"value\":7", "{\"a\":\"3\"}", NULL));
    cr_expect(!fires("\"attribute\":\"a\",\"condition\":\"lt\",\"missing\":\"pass\",\"value\":7", "{\"a\":7}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"le\",\"missing\":\"pass\",\"value\":7", "{\"a\":7}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"gt\",\"missing\":\"pass\",\"value\":7", "{\"a\":7.5}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"ge\",\"default\":10,\"value\":7", "{}", NULL));
    cr_expect(!fires("\"attribute\":\"a\",\"condition\":\"gt\",\"missing\":\"pass\",\"value\":7", "{\"a\":\"many\"}", NULL));
}

Test(risk_cond, lists)
{
    const char *c = "\"attribute\":\"a\",\"condition\":\"contains\",\"missing\":\"pass\",\"value\":\"x\"";
    cr_expect(fires(c, "{\"a\":[\"w\",\"x\"]}", NULL));
    cr_expect(!fires(c, "{\"a\":[\"w\"]}", NULL));
    cr_expect(!fires(c, "{\"a\":[\"w\",null]}", "{\"a\":[false,true]}"));
    const char *nc = "\"attribute\":\"a\",\"condition\":\"not_contains\",\"missing\":\"fire\",\"value\":[\"x\",\"y\"]";
    cr_expect(fires(nc, "{\"a\":[\"w\"]}", NULL));
    cr_expect(!fires(nc, "{\"a\":[\"y\"]}", NULL));
    cr_expect(!fires(nc, "{\"a\":[null]}", "{\"a\":[true]}"));
    cr_expect(fires(nc, "{}", NULL));
    const char *all = "\"attribute\":\"a\",\"condition\":\"not_contains_all\",\"missing\":\"fire\",\"value\":[\"x\",\"y\"]";
    cr_expect(fires(all, "{\"a\":[\"x\"]}", NULL));
    cr_expect(!fires(all, "{\"a\":[\"y\",\"x\",\"z\"]}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"empty\",\"missing\":\"fire\"", "{\"a\":[]}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"empty\",\"missing\":\"fire\"", "{\"a\":\"\"}", NULL));
    cr_expect(!fires("\"attribute\":\"a\",\"condition\":\"empty\",\"missing\":\"pass\"", "{}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"not_empty\",\"missing\":\"pass\"", "{\"a\":{\"k\":1}}", NULL));
}

Test(risk_cond, presence_and_world)
{
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"present\"", "{\"a\":0}", NULL));
    cr_expect(!fires("\"attribute\":\"a\",\"condition\":\"present\"", "{\"a\":null}", NULL));
    cr_expect(fires("\"attribute\":\"a\",\"condition\":\"absent\"", "{}", NULL));
    cr_expect(!fires("\"attribute\":\"a\",\"condition\":\"absent\"", "{}", "{\"a\":true}"));
    const char *w = "\"attribute\":\"a\",\"condition\":\"world\",\"missing\":\"pass\"";
    cr_expect(fires(w, "{\"a\":\"0.0.0.0/0\"}", NULL));
    cr_expect(fires(w, "{\"a\":[\"10.0.0.0/8\",\"::/0\"]}", NULL));
    cr_expect(fires(w, "{\"a\":\"*\"}", NULL));
    cr_expect(!fires(w, "{\"a\":[\"10.0.0.0/8\",\"0.0.0.0/1\"]}", NULL));
}

Test(risk_cond, star_paths_and_when)
{
    const char *c = "\"attribute\":\"b[*].c\",\"condition\":\"equals\",\"missing\":\"pass\",\"value\":1";
    cr_expect(fires(c, "{\"b\":[{\"c\":0},{\"c\":1}]}", NULL));
    cr_expect(!fires(c, "{\"b\":[]}", NULL));
    cr_expect(!fires(c, "{}", NULL));
    cr_expect(!fires(c, "{}", "{\"b\":true}"));
    const char *w = "\"attribute\":\"a\",\"condition\":\"present\","
                    "\"when\":[{\"attribute\":\"kind\",\"condition\":\"equals\",\"value\":\"k\",\"missing\":\"pass\"}]";
    cr_expect(fires(w, "{\"a\":1,\"kind\":\"k\"}", NULL));
    cr_expect(!fires(w, "{\"a\":1,\"kind\":\"j\"}", NULL));
    cr_expect(!fires(w, "{\"a\":1}", NULL));
}

/* {value} shows plain scalars but never sensitive or secret-named ones. */
Test(risk_cond, value_placeholder_hides_what_it_must)
{
    risk_ruleset *rs = rules_from(
        "{\"id\":\"T-V\",\"area\":\"storage\",\"severity\":\"low\",\"resource_types\":\"aws_x\",\"title\":\"t\","
        "\"attribute\":[\"plain\",\"hidden\",\"api_key\",\"long\",\"obj\"],\"condition\":\"present\","
        "\"message\":\"v={value}\",\"remediation\":\"r\"}");
    plan *p = rt_plan(
        "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_x.t\",\"mode\":\"managed\",\"type\":"
        "\"aws_x\",\"name\":\"t\",\"provider_name\":\"aws\",\"change\":{\"actions\":[\"create\"],\"before\":null,"
        "\"after\":{\"plain\":\"shown\",\"hidden\":\"s3cr3t-a\",\"api_key\":\"s3cr3t-b\",\"long\":"
        "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"obj\":{\"k\":\"s3cr3t-c\"}},"
        "\"after_unknown\":{},\"after_sensitive\":{\"hidden\":true}}}]}");
    risk_report *rep = rt_check(rs, p);
    cr_assert_eq(rt_count(rep, "T-V", "aws_x.t"), 5);
    size_t shown = 0;
    for (size_t i = 0; i < rep->nfindings; i++) {
        const char *m = rep->findings[i].message;
        cr_expect(strstr(m, "s3cr3t") == NULL, "%s", m);
        shown += strcmp(m, "v=shown") == 0;
        if (strcmp(m, "v=shown") != 0)
            cr_expect_str_eq(m, "v=(not shown)");
    }
    cr_expect_eq(shown, 1);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}
