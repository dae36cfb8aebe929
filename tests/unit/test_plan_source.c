/*
 * test_plan_source.c — the resource-to-.tf-block map: quoted and bare
 * labels, data sources, nested local modules, registry modules and missing
 * blocks (a note, never a guess), and paths that are never absolute.
 */
#include "src/core/mem.h"
#include "src/plan/plan_source.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/circuit-src-XXXXXX";

static void put(const char *rel, const char *text)
{
    char *path = xasprintf("%s/%s", dir, rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    char *cmd = xasprintf("mkdir -p '%s'", path);
    cr_assert_eq(system(cmd), 0);
    free(cmd);
    *slash = '/';
    FILE *f = fopen(path, "w");
    cr_assert(f);
    fputs(text, f);
    fclose(f);
    free(path);
}

static const char plan_json[] =
    "{\"format_version\": \"1.2\", \"resource_changes\": ["
    "{\"address\": \"aws_instance.web\", \"mode\": \"managed\", \"type\": \"aws_instance\", \"name\": \"web\","
    " \"provider_name\": \"registry.terraform.io/hashicorp/aws\", \"change\": {\"actions\": [\"create\"], \"after\": {}}},"
    "{\"address\": \"data.aws_ami.base\", \"mode\": \"data\", \"type\": \"aws_ami\", \"name\": \"base\","
    " \"provider_name\": \"registry.terraform.io/hashicorp/aws\", \"change\": {\"actions\": [\"read\"], \"after\": {}}},"
    "{\"address\": \"module.net[\\\"a\\\"].module.inner.aws_vpc.this\", \"module_address\": \"module.net[\\\"a\\\"].module.inner\","
    " \"mode\": \"managed\", \"type\": \"aws_vpc\", \"name\": \"this\","
    " \"provider_name\": \"registry.terraform.io/hashicorp/aws\", \"change\": {\"actions\": [\"create\"], \"after\": {}}},"
    "{\"address\": \"module.reg.aws_s3_bucket.b\", \"module_address\": \"module.reg\", \"mode\": \"managed\","
    " \"type\": \"aws_s3_bucket\", \"name\": \"b\","
    " \"provider_name\": \"registry.terraform.io/hashicorp/aws\", \"change\": {\"actions\": [\"create\"], \"after\": {}}},"
    "{\"address\": \"aws_eip.gone\", \"mode\": \"managed\", \"type\": \"aws_eip\", \"name\": \"gone\","
    " \"provider_name\": \"registry.terraform.io/hashicorp/aws\", \"change\": {\"actions\": [\"create\"], \"after\": {}}}],"
    "\"configuration\": {\"root_module\": {\"module_calls\": {"
    " \"net\": {\"source\": \"./modules/net\", \"module\": {\"module_calls\": {\"inner\": {\"source\": \"../inner\", \"module\": {}}}}},"
    " \"reg\": {\"source\": \"terraform-aws-modules/s3-bucket/aws\", \"module\": {}}}}}}";

Test(plan_source, finds_blocks_follows_local_modules_and_notes_the_rest)
{
    cr_assert(mkdtemp(dir));
    put(".git/HEAD", "ref: refs/heads/main\n");
    put("infra/main.tf", "# resource \"aws_eip\" \"gone\" {}  (a comment, not a block)\n"
                         "resource aws_instance web {\n}\n\ndata \"aws_ami\" \"base\" {\n}\n");
    put("infra/modules/net/main.tf", "module \"inner\" {\n  source = \"../inner\"\n}\n");
    put("infra/modules/inner/vpc.tf", "\n\n    resource \"aws_vpc\" \"this\" {\n    }\n");
    plan *p;
    cir_err err;
    cr_assert_eq(plan_load_buffer("p.json", plan_json, strlen(plan_json), &(plan_load_opts){.quiet = true}, &p, &err),
                 CIR_OK, "%s", err.msg);
    char *src = xasprintf("%s/infra", dir);
    plan_srcmap *m;
    cr_assert_eq(plan_srcmap_build(p, src, &m, &err), CIR_OK, "%s", err.msg);
    plan_srcloc loc;
    plan_srcmap_find(m, "aws_instance.web", &loc);
    cr_expect_str_eq(loc.file, "infra/main.tf");
    cr_expect_eq(loc.line, 2);
    cr_expect_eq(loc.column, 1);
    plan_srcmap_find(m, "data.aws_ami.base", &loc);
    cr_expect_eq(loc.line, 5);
    plan_srcmap_find(m, "module.net[\"a\"].module.inner.aws_vpc.this", &loc);
    cr_expect_str_eq(loc.file, "infra/modules/inner/vpc.tf");
    cr_expect_eq(loc.line, 3);
    cr_expect_eq(loc.column, 5);
    plan_srcmap_find(m, "module.reg.aws_s3_bucket.b", &loc);
    cr_expect_null(loc.file);
    cr_expect(strstr(loc.note, "not a local path") != NULL, "%s", loc.note);
    plan_srcmap_find(m, "aws_eip.gone", &loc);
    cr_expect_null(loc.file, "a commented-out block is not a block");
    cr_expect(strstr(loc.note, "not found") != NULL);
    plan_srcmap_find(m, "aws_nothing.here", &loc);
    cr_expect_null(loc.file);
    char *in = xasprintf("%s/infra/plan.json", dir);
    char *rel = plan_srcmap_relative(m, in);
    cr_expect_str_eq(rel, "infra/plan.json");
    free(rel);
    rel = plan_srcmap_relative(m, "/etc/hostname");
    cr_expect_str_eq(rel, "hostname", "outside the repository: the base name, never an absolute path");
    free(rel);
    rel = plan_srcmap_relative(m, "-");
    cr_expect_str_eq(rel, "stdin");
    free(rel);
    free(in);
    plan_srcmap_free(m);
    cr_expect_neq(plan_srcmap_build(p, "/nonexistent/dir", &m, &err), CIR_OK);
    free(src);
    plan_free(p);
    char *cmd = xasprintf("rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
    free(cmd);
}
