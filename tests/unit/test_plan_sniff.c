/*
 * test_plan_sniff.c — inputs that are not plans are named for what they
 * are (state, text plan, plan -json log, compressed, 0.11, UTF-16), and a
 * real plan is never mistaken for one of them.
 */
#include "test_plan_util.h"

#define RC "\"resource_changes\":[{\"address\":\"a.b\",\"type\":\"a\",\"name\":\"b\",\"provider_name\":\"a\",\"change\":{\"actions\":[\"create\"]}}]"
#define PLAN "{\"format_version\":\"1.2\"," RC "}"

static cir_err fail_bytes(const char *data, size_t len)
{
    plan_load_opts o = {.quiet = true};
    plan *p = NULL;
    cir_err err;
    cir_err_clear(&err);
    cr_assert_neq(plan_load_buffer("in", data, len, &o, &p, &err), CIR_OK);
    cr_assert_null(p);
    cr_assert_null(strchr(err.msg, '\n'), "one line: %s", err.msg);
    return err;
}

static void expect(const char *data, size_t len, const char *part)
{
    cir_err e = fail_bytes(data, len);
    cr_expect_not_null(strstr(e.msg, part), "\"%s\" lacks \"%s\"", e.msg, part);
}

#define EXPECT(lit, part) expect(lit, sizeof lit - 1, part)

Test(sniff, compressed_files_name_the_tool_that_undoes_them)
{
    EXPECT("\x1f\x8b\x08\x00\x00\x00", "gzip-compressed");
    EXPECT("\x1f\x8b\x08\x00\x00\x00", "gunzip -c");
    EXPECT("BZh91AY&SY", "bzip2-compressed");
    EXPECT("\xfd" "7zXZ\0\0\x04", "xz-compressed");
    EXPECT("\x28\xb5\x2f\xfd\x04\x00", "zstd-compressed");
}

Test(sniff, terraform_0_11_binary_plan)
{
    EXPECT("tfplan\x02\x2a\xff\x81", "Terraform 0.11 or older");
}

Test(sniff, utf16_and_binary_data)
{
    EXPECT("\xff\xfe{\0\"\0", "UTF-16");
    EXPECT("{\0\"\0f\0", "UTF-16");
    EXPECT("\x7f" "ELF\x02\x01\x01\0\0\0", "binary data");
}

Test(sniff, state_files_and_state_json)
{
    EXPECT("{\"version\":4,\"terraform_version\":\"1.5.0\",\"serial\":3,\"lineage\":\"x\","
           "\"outputs\":{},\"resources\":[]}", "Terraform state file");
    EXPECT("{\"version\":3,\"serial\":1,\"lineage\":\"x\",\"modules\":[]}", "Terraform state file");
    EXPECT("{\"format_version\":\"1.0\",\"terraform_version\":\"1.5.0\",\"values\":{}}",
           "without a plan file");
}

Test(sniff, plan_json_log)
{
    EXPECT("{\"@level\":\"info\",\"@message\":\"Terraform 1.11.4\",\"type\":\"version\"}\n"
           "{\"@level\":\"info\",\"@message\":\"Plan: 1 to add\",\"type\":\"change_summary\"}\n",
           "the log `terraform plan -json` prints");
}

Test(sniff, text_plans_new_and_old)
{
    EXPECT("\n  # aws_instance.web will be created\n  + resource \"aws_instance\" \"web\" {\n"
           "      + ami = \"ami-1\"\n    }\n\nPlan: 1 to add, 0 to change, 0 to destroy.\n",
           "the text `terraform plan` prints");
    EXPECT("\x1b[0m\x1b[1mTerraform will perform the following actions:\x1b[0m\n",
           "the text `terraform plan` prints");
    EXPECT("No changes. Your infrastructure matches the configuration.\n", "the text");
    EXPECT("Refreshing Terraform state in-memory prior to plan...\n\n  + aws_instance.web\n"
           "      id: <computed>\n\nPlan: 1 to add, 0 to change, 0 to destroy.\n",
           "from Terraform 0.11");
    /* a heredoc policy shown in the text plan: a line opening an object */
    EXPECT("Terraform will perform the following actions:\n  + policy = <<-EOT\n    {\n"
           "      \"Version\": \"2012-10-17\"\n    }\n  EOT\n", "the text `terraform plan` prints");
}

Test(sniff, other_text_keeps_the_json_error)
{
    cir_err e = fail_bytes("hello world\n", 12);
    cr_expect_eq(e.code, CIR_EPARSE);
    cr_expect_not_null(strstr(e.msg, "not JSON"), "%s", e.msg);
    e = fail_bytes("{\"hello\":1}", 11);
    cr_expect_not_null(strstr(e.msg, "no resource_changes"), "%s", e.msg);
}

Test(sniff, a_plan_mentioning_these_words_is_still_a_plan)
{
    /* values that look like the markers, inside a real plan */
    const char *json = "{\"format_version\":\"1.2\",\"lineage\":\"x\",\"serial\":1,\"values\":{},"
                       "\"@level\":\"info\",\"@message\":\"Plan: 1 to add\"," RC "}";
    plan_free(load_ok(json));
    plan_free(load_ok("::debug::Plan: 1 to add, 0 to change\n" PLAN));
}
