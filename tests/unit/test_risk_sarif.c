/*
 * test_risk_sarif.c — the output documents: SARIF 2.1.0 as GitHub code
 * scanning wants it (parsed back with jansson and checked field by field,
 * no empty strings anywhere), circuit.check/v1 JSON, the table, stable
 * fingerprints — and the sensitive-value guarantee across all of them.
 */
#include "test_risk_util.h"

#include "src/risk/risk_render.h"

#include <jansson.h>
#include <math.h>
#include <unistd.h>

/* Fails on any empty string, key or value, anywhere in `v`. */
static void no_empty_strings(const json_t *v, const char *where)
{
    const char *k;
    json_t *e;
    size_t i;
    if (json_is_string(v)) {
        cr_expect_gt(json_string_length(v), 0, "empty string at %s", where);
    } else if (json_is_object(v)) {
        json_object_foreach((json_t *)v, k, e) {
            cr_expect_gt(strlen(k), 0, "empty key at %s", where);
            no_empty_strings(e, k);
        }
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, e)
            no_empty_strings(e, where);
    }
}

static const char *str_at(const json_t *o, const char *path)
{
    const json_t *v = o;
    char *copy = xstrdup(path);
    for (char *tok = strtok(copy, "/"); tok && v; tok = strtok(NULL, "/"))
        v = json_is_array(v) ? json_array_get(v, (size_t)atoi(tok)) : json_object_get(v, tok);
    free(copy);
    return json_string_value(v);
}

static json_t *sarif_of(const char *fixture, const char *path_as_given, risk_report **rep_out, plan **p_out,
                        risk_ruleset **rs_out)
{
    *rs_out = rt_rules();
    *p_out = rt_fixture(fixture);
    const char *skip[] = {"CIR-VPC-002"};
    *rep_out = rt_check_skip(*rs_out, *p_out, skip, 1);
    sbuf doc = SBUF_INIT;
    const char *paths[] = {path_as_given};
    risk_render_sarif(*rep_out, p_out, paths, NULL, 1, "9.9.9", &doc);
    json_error_t je;
    json_t *root = json_loads(sbuf_str(&doc), 0, &je);
    cr_assert_not_null(root, "SARIF is not JSON: %s at line %d", je.text, je.line);
    sbuf_free(&doc);
    return root;
}

/* The 1-based line of the first `"address": "<addr>"` in the file. */
static int line_of(const char *file, const char *addr)
{
    FILE *f = fopen(file, "r");
    cr_assert_not_null(f);
    char line[4096], want[256];
    snprintf(want, sizeof want, "\"address\": \"%s\"", addr);
    int n = 0, found = 0;
    while (fgets(line, sizeof line, f)) {
        n++;
        if (strstr(line, want)) {
            found = n;
            break;
        }
    }
    fclose(f);
    return found;
}

Test(risk_sarif, shape_for_code_scanning)
{
    risk_report *rep;
    plan *p;
    risk_ruleset *rs;
    json_t *root = sarif_of("check-networking.json", "./fixtures/plans/check-networking.json", &rep, &p, &rs);
    no_empty_strings(root, "$");
    cr_expect_str_eq(str_at(root, "$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
    cr_expect_str_eq(str_at(root, "version"), "2.1.0");
    cr_assert_eq(json_array_size(json_object_get(root, "runs")), 1);
    cr_expect_str_eq(str_at(root, "runs/0/tool/driver/name"), "circuit");
    cr_expect_str_eq(str_at(root, "runs/0/tool/driver/version"), "9.9.9");

    json_t *rules = json_object_get(json_object_get(json_object_get(json_array_get(json_object_get(root, "runs"), 0),
                                                                    "tool"), "driver"), "rules");
    cr_assert_gt(json_array_size(rules), 10);
    size_t i;
    json_t *r;
    json_array_foreach(rules, i, r) {
        cr_expect_not_null(str_at(r, "id"));
        cr_expect_not_null(str_at(r, "shortDescription/text"));
        cr_expect_not_null(str_at(r, "fullDescription/text"));
        cr_expect_not_null(str_at(r, "help/text"));
        cr_expect_leq(strlen(str_at(r, "help/text")), 1024);
        cr_expect_not_null(str_at(r, "help/markdown"));
        const char *level = str_at(r, "defaultConfiguration/level");
        cr_expect(level && (!strcmp(level, "error") || !strcmp(level, "warning") || !strcmp(level, "note")));
        const char *sev = str_at(r, "properties/security-severity");
        cr_assert_not_null(sev);
        double s = atof(sev);
        cr_expect(s > 0 && s <= 10, "%s", sev);
        bool has_security = false;
        size_t k;
        json_t *tag;
        json_array_foreach(json_object_get(json_object_get(r, "properties"), "tags"), k, tag)
            has_security |= strcmp(json_string_value(tag), "security") == 0;
        cr_expect(has_security);
        if (i)
            cr_expect_lt(strcmp(str_at(json_array_get(rules, i - 1), "id"), str_at(r, "id")), 0);
    }

    json_t *results = json_object_get(json_array_get(json_object_get(root, "runs"), 0), "results");
    cr_expect_eq(json_array_size(results), rep->nfindings + rep->nsuppressed);
    size_t suppressed = 0;
    json_array_foreach(results, i, r) {
        const char *id = str_at(r, "ruleId");
        cr_assert_not_null(id);
        size_t idx = (size_t)json_integer_value(json_object_get(r, "ruleIndex"));
        cr_expect_str_eq(str_at(json_array_get(rules, idx), "id"), id);
        cr_expect_not_null(str_at(r, "level"));
        cr_expect_not_null(str_at(r, "message/text"));
        json_t *loc = json_array_get(json_object_get(r, "locations"), 0);
        cr_assert_not_null(loc);
        cr_expect_str_eq(str_at(loc, "physicalLocation/artifactLocation/uri"), "fixtures/plans/check-networking.json");
        json_int_t line = json_integer_value(
            json_object_get(json_object_get(json_object_get(loc, "physicalLocation"), "region"), "startLine"));
        cr_expect_geq(line, 1);
        const char *fpv = json_string_value(
            json_object_get(json_object_get(r, "partialFingerprints"), "circuitFingerprint/v1"));
        cr_assert_not_null(fpv);
        cr_expect_eq(strlen(fpv), 16);
        cr_expect_eq(strspn(fpv, "0123456789abcdef"), 16);
        if (json_object_get(r, "suppressions"))
            suppressed++;
    }
    cr_expect_eq(suppressed, rep->nsuppressed);
    cr_expect_gt(suppressed, 0);
    json_decref(root);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* Each result points at its resource's line in the plan file. */
Test(risk_sarif, start_line_is_the_resource_line)
{
    risk_report *rep;
    plan *p;
    risk_ruleset *rs;
    json_t *root = sarif_of("check-networking.json", "fixtures/plans/check-networking.json", &rep, &p, &rs);
    json_t *results = json_object_get(json_array_get(json_object_get(root, "runs"), 0), "results");
    size_t i, checked = 0;
    json_t *r;
    json_array_foreach(results, i, r) {
        json_t *loc = json_array_get(json_object_get(r, "locations"), 0);
        const char *addr = str_at(loc, "logicalLocations/0/fullyQualifiedName");
        if (!addr)
            continue;
        /* A module call or provider configuration has no line of its own
         * in the plan: the result points at the top of the file. */
        int want = line_of("fixtures/plans/check-networking.json", addr);
        if (!want)
            want = 1;
        json_int_t got = json_integer_value(
            json_object_get(json_object_get(json_object_get(loc, "physicalLocation"), "region"), "startLine"));
        cr_expect_eq(got, want, "%s: line %lld, want %d", addr, (long long)got, want);
        checked++;
    }
    cr_expect_gt(checked, 10);
    json_decref(root);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_sarif, uris_for_odd_paths_and_stdin)
{
    risk_report *rep;
    plan *p;
    risk_ruleset *rs;
    json_t *root = sarif_of("check-plan-errored.json", "dir with space/plan#1.json", &rep, &p, &rs);
    cr_expect_str_eq(str_at(root, "runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri"),
                     "dir%20with%20space/plan%231.json");
    json_decref(root);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);

    root = sarif_of("check-plan-errored.json", "-", &rep, &p, &rs);
    cr_expect_str_eq(str_at(root, "runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri"), "stdin");
    json_decref(root);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_sarif, empty_report_is_valid)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_one("aws_iam_role", "{\"name\":\"r\"}", NULL);
    risk_report *rep = rt_check(rs, p);
    cr_assert_eq(rep->nfindings, 0);
    sbuf doc = SBUF_INIT;
    const char *paths[] = {"plan.json"};
    risk_render_sarif(rep, &p, paths, NULL, 1, "1.0.0", &doc);
    json_t *root = json_loads(sbuf_str(&doc), 0, NULL);
    cr_assert_not_null(root);
    no_empty_strings(root, "$");
    json_t *run = json_array_get(json_object_get(root, "runs"), 0);
    cr_expect_eq(json_array_size(json_object_get(run, "results")), 0);
    json_decref(root);
    sbuf_free(&doc);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_sarif, fingerprints_are_stable_and_distinct)
{
    char a[17], b[17], c[17], d[17];
    risk_fingerprint("CIR-SG-001", "aws_security_group.x", "ingress[0]", a);
    risk_fingerprint("CIR-SG-001", "aws_security_group.x", "ingress[0]", b);
    risk_fingerprint("CIR-SG-001", "aws_security_group.x", "ingress[1]", c);
    risk_fingerprint("CIR-SG-001", "aws_security_group.xi", "ngress[0]", d);
    cr_expect_str_eq(a, b);
    cr_expect_str_neq(a, c);
    cr_expect_str_neq(a, d);
    risk_fingerprint("CIR-PLAN-009", NULL, NULL, a);
    cr_expect_eq(strlen(a), 16);
}

Test(risk_sarif, check_json_document)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-suppress.json");
    risk_report *rep = rt_check(rs, p);
    sbuf doc = SBUF_INIT;
    risk_render_json(rep, &p, 1, &doc);
    json_t *root = json_loads(sbuf_str(&doc), 0, NULL);
    cr_assert_not_null(root, "%s", sbuf_str(&doc));
    cr_expect_str_eq(str_at(root, "schema"), "circuit.check/v1");
    cr_expect_str_eq(str_at(root, "plans/0"), "fixtures/plans/check-suppress.json");
    json_t *findings = json_object_get(root, "findings");
    cr_expect_eq(json_array_size(findings), rep->nfindings);
    static const char *const keys[] = {"rule", "area", "severity", "address", "attribute", "message",
                                       "remediation", "checkov", "trivy"};
    size_t i;
    json_t *f;
    json_array_foreach(findings, i, f)
        for (size_t k = 0; k < 9; k++)
            cr_expect_not_null(json_object_get(f, keys[k]), "finding %zu lacks %s", i, keys[k]);
    cr_expect_str_eq(str_at(root, "findings/0/rule"), "CIR-SG-002");   /* bastion sorts before open */
    cr_expect_str_eq(str_at(root, "suppressed/0/how"), "tag circuit:skip");
    json_t *counts = json_object_get(root, "counts");
    cr_expect_eq(json_integer_value(json_object_get(counts, "high")), 2);
    cr_expect_eq(json_integer_value(json_object_get(counts, "low")), 7);   /* descriptions, provider version */
    cr_expect_eq(json_integer_value(json_object_get(counts, "total")), 9);
    cr_expect_eq(json_integer_value(json_object_get(counts, "suppressed")), 2);
    json_decref(root);
    sbuf_free(&doc);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

Test(risk_sarif, table_lists_findings_suppressions_and_counts)
{
    risk_ruleset *rs = rt_rules();
    plan *p = rt_fixture("check-suppress.json");
    risk_report *rep = rt_check(rs, p);
    sbuf doc = SBUF_INIT;
    risk_render_table(rep, 1, false, &doc);
    const char *t = sbuf_str(&doc);
    cr_expect_eq(strncmp(t, "SEVERITY  RULE", 14), 0, "%s", t);
    cr_expect(strstr(t, "\nSuppressed:\n  CIR-SG-001 aws_security_group.bastion (tag circuit:skip): SSH") != NULL, "%s", t);
    cr_expect(strstr(t, "\n9 findings: 2 high, 7 low (2 suppressed).\n") != NULL, "%s", t);
    cr_expect(strchr(t, '\033') == NULL);
    sbuf_reset(&doc);
    risk_render_table(rep, 1, true, &doc);
    cr_expect(strstr(sbuf_str(&doc), "\033[31mhigh\033[0m") != NULL);
    sbuf_free(&doc);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}

/* The distinctive values in check-secrets.json (sensitive attributes, a
 * sensitive tag, a container DB_PASSWORD, a Lambda API_KEY) appear in no
 * format — not even through a user rule that quotes {value}. */
Test(risk_sarif, secrets_never_rendered)
{
    static const char *const secrets[] = {"XYZZY-db-master-Pw-1111", "PLUGH-ssm-value-2222", "FROBOZZ-env-secret-3333",
                                          "GRUE-lambda-key-4444", "ZORK-sensitive-tag-5555", "XYZZY", "PLUGH",
                                          "FROBOZZ", "GRUE", "ZORK"};
    char path[] = "/tmp/circuit-rules-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs("{\"rules\":[{\"id\":\"T-LEAK\",\"area\":\"operations\",\"severity\":\"low\",\"resource_types\":"
          "[\"aws_db_instance\",\"aws_ssm_parameter\"],\"title\":\"quotes values\",\"attribute\":"
          "[\"password\",\"value\",\"tags.owner\"],\"condition\":\"present\",\"message\":\"value is {value}\","
          "\"remediation\":\"none\"}]}",
          f);
    fclose(f);
    risk_ruleset *rs;
    cir_err err;
    cr_assert_eq(risk_ruleset_load(path, &rs, &err), CIR_OK, "%s", err.msg);
    unlink(path);
    plan *p = rt_fixture("check-secrets.json");
    risk_report *rep = rt_check(rs, p);
    cr_expect_gt(rt_count(rep, "T-LEAK", "*"), 2);
    cr_expect_gt(rt_count(rep, "CIR-ECS-011", "*"), 0);
    cr_expect_gt(rt_count(rep, "CIR-LAM-001", "*"), 0);
    sbuf doc = SBUF_INIT;
    const char *paths[] = {"fixtures/plans/check-secrets.json"};
    risk_render_table(rep, 1, false, &doc);
    risk_render_json(rep, &p, 1, &doc);
    risk_render_sarif(rep, &p, paths, NULL, 1, "1", &doc);
    for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++)
        cr_expect(strstr(sbuf_str(&doc), secrets[i]) == NULL, "%s leaked", secrets[i]);
    cr_expect(strstr(sbuf_str(&doc), "value is (not shown)") != NULL);
    sbuf_free(&doc);
    risk_report_free(rep);
    plan_free(p);
    risk_ruleset_free(rs);
}
