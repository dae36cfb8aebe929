/*
 * plan_sniff.c — inputs that are not plans, named for what they are.
 *
 * A new user passes the state file, the text `terraform plan` prints, the
 * log of `terraform plan -json`, a compressed plan, a Terraform 0.11 plan
 * or a file PowerShell wrote as UTF-16.  "not JSON" or "no
 * resource_changes" is true of all of them and helps with none: each gets
 * a message saying what the file looks like and what to run instead.
 * Compressed plans are not decompressed: the user learns the one command,
 * and circuit keeps reading bounded, uncompressed input.
 *
 * Three looks, cheapest first: the first bytes (before parsing), the top
 * of the JSON (before validating it as a plan), and the text lines (only
 * after a parse or validation error, so a JSON plan is never second-guessed).
 */
#include "plan_internal.h"

#include <stdbool.h>
#include <string.h>

#define RUN_INSTEAD "run `terraform plan -out tfplan && terraform show -json tfplan > plan.json` " \
                    "and pass plan.json"

/* ---- the first bytes ------------------------------------------------------ */

static const struct {
    const char *magic;
    size_t len;
    const char *what, *undo;
} compressed[] = {
    {"\x1f\x8b", 2, "gzip", "gunzip -c"},
    {"BZh", 3, "bzip2", "bunzip2 -c"},
    {"\xfd" "7zXZ\0", 6, "xz", "xz -dc"},
    {"\x28\xb5\x2f\xfd", 4, "zstd", "zstd -dc"},
};

/* JSON in UTF-16 or UTF-32 (PowerShell's `>` writes UTF-16LE; editors save
 * the others): to the parser a NUL after the first character, "truncated
 * JSON".  Told by the byte order mark, or by the NUL pattern ASCII leaves
 * in it (JSON text starts with '{', '[' or spaces). */
/* Counts, over the first bytes, how many even and odd positions hold NUL. */
static void nul_pattern(const unsigned char *d, size_t len, size_t *even, size_t *odd)
{
    *even = *odd = 0;
    size_t n = len < 256 ? len : 256;
    for (size_t i = 0; i < n; i++)
        if (!d[i])
            (*(i % 2 ? odd : even))++;
}

const char *plan_foreign_encoding(const char *data, size_t len)
{
    const unsigned char *d = (const unsigned char *)data;
    if (len >= 4 && memcmp(d, "\xFF\xFE\0\0", 4) == 0)
        return "UTF-32LE";
    if (len >= 4 && memcmp(d, "\0\0\xFE\xFF", 4) == 0)
        return "UTF-32BE";
    if (len >= 2 && memcmp(d, "\xFF\xFE", 2) == 0)
        return "UTF-16LE";
    if (len >= 2 && memcmp(d, "\xFE\xFF", 2) == 0)
        return "UTF-16BE";
    /* No byte order mark: JSON text is ASCII at its start ('{', spaces), so
     * UTF-16 shows as a NUL in every other byte. */
    if (len < 4)
        return NULL;
    size_t even, odd;
    nul_pattern(d, len, &even, &odd);
    size_t pairs = (len < 256 ? len : 256) / 2;
    if (len >= 8 && !d[0] && !d[1] && !d[2] && d[3] && even >= pairs * 9 / 10 && odd >= pairs / 2)
        return "UTF-32BE";
    if (len >= 8 && d[0] && !d[1] && !d[2] && !d[3] && odd >= pairs * 9 / 10 && even >= pairs / 2)
        return "UTF-32LE";
    if (!d[0] && d[1] && even >= pairs * 9 / 10 && odd == 0)
        return "UTF-16BE";
    if (d[0] && !d[1] && odd >= pairs * 9 / 10 && even == 0)
        return "UTF-16LE";
    return NULL;
}

cir_code plan_sniff_bytes(const char *name, const char *data, size_t len, cir_err *err)
{
    for (size_t i = 0; i < sizeof compressed / sizeof compressed[0]; i++)
        if (len >= compressed[i].len && memcmp(data, compressed[i].magic, compressed[i].len) == 0)
            return cir_error(err, CIR_EINPUT, name, "%s-compressed, not JSON: decompress it first "
                             "(`%s`) and pass the plan JSON", compressed[i].what, compressed[i].undo);
    if (len >= 6 && memcmp(data, "tfplan", 6) == 0)
        return cir_error(err, CIR_EINPUT, name, "a binary plan from Terraform 0.11 or older, which "
                         "has no JSON plans: with 0.12 or later, " RUN_INSTEAD);
    const char *encoding = plan_foreign_encoding(data, len);
    if (encoding)
        return cir_error(err, CIR_EINPUT, name, "%s text, not UTF-8 JSON (PowerShell's `>` writes "
                         "UTF-16): convert it with `iconv -f %s -t UTF-8`, or write it with "
                         "`terraform show -json tfplan | Out-File -Encoding utf8 plan.json`",
                         encoding, encoding);
    if (memchr(data, '\0', len < 4096 ? len : 4096))
        return cir_error(err, CIR_EINPUT, name, "binary data, not a JSON plan: pass the output of "
                         "`terraform show -json PLANFILE`");
    return CIR_OK;
}

/* ---- the top of the JSON --------------------------------------------------- */

cir_code plan_sniff_json(const json_t *root, const char *name, cir_err *err)
{
    if (!json_is_object(root) || json_object_get(root, "resource_changes"))
        return CIR_OK;
    if (json_is_string(json_object_get(root, "@level")) && json_object_get(root, "@message"))
        return cir_error(err, CIR_EINPUT, name, "not a plan: this is the log `terraform plan -json` "
                         "prints (one message per line); " RUN_INSTEAD);
    bool has_fv = json_object_get(root, "format_version") != NULL;
    if (!has_fv && (json_object_get(root, "lineage") || json_object_get(root, "serial")))
        return cir_error(err, CIR_EINPUT, name, "not a plan: this is a Terraform state file "
                         "(terraform.tfstate); " RUN_INSTEAD);
    if (has_fv && json_object_get(root, "values") && !json_object_get(root, "planned_values"))
        return cir_error(err, CIR_EINPUT, name, "not a plan: this is a Terraform state as `terraform "
                         "show -json` prints it without a plan file; " RUN_INSTEAD);
    return CIR_OK;
}

/* ---- the text ---------------------------------------------------------------- */

/* Lines only the text of `terraform plan` (or `tofu plan`) starts with,
 * from 0.11 to today. */
static const char *const text_plan_lines[] = {
    "Terraform will perform the following actions",
    "OpenTofu will perform the following actions",
    "Terraform used the selected providers to generate the following execution",
    "OpenTofu used the selected providers to generate the following execution",
    "Terraform planned the following actions, but then encountered a problem",
    "An execution plan has been generated and is shown below",
    "Refreshing Terraform state in-memory prior to plan",
    "No changes. Infrastructure is up-to-date",
    "No changes. Your infrastructure matches the configuration",
};

/* Marks of the 0.11 format, which has no JSON plan at all. */
static const char *const text_plan_0_11[] = {"<computed>", "(new resource required)"};

/* One line without colour escapes and leading blanks, cut to `size`. */
static void clean_line(const char *s, size_t len, char *out, size_t size)
{
    size_t n = 0;
    bool lead = true;
    for (size_t i = 0; i < len && n + 1 < size; i++) {
        if (s[i] == '\x1b') {       /* ESC [ params intermediates final */
            if (i + 1 < len && s[i + 1] == '[') {
                i += 2;
                while (i < len && !((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7e))
                    i++;
            } else {
                i++;
            }
            continue;
        }
        if (lead && (s[i] == ' ' || s[i] == '\t'))
            continue;
        lead = false;
        out[n++] = s[i];
    }
    out[n] = '\0';
}

static bool is_plan_summary(const char *line)  /* "Plan: 1 to add, 0 to change, ..." */
{
    return strncmp(line, "Plan: ", 6) == 0 && line[6] >= '0' && line[6] <= '9' &&
           strstr(line, " to add") != NULL;
}

cir_code plan_sniff_text(const char *name, const char *data, size_t len, cir_err *err)
{
    size_t end = len < (size_t)64 << 10 ? len : (size_t)64 << 10;
    bool text_plan = false, old = false;
    for (size_t pos = 0; pos < end;) {
        const char *nl = memchr(data + pos, '\n', end - pos);
        size_t line_len = nl ? (size_t)(nl - (data + pos)) : end - pos;
        char line[256];
        clean_line(data + pos, line_len, line, sizeof line);
        for (size_t i = 0; i < sizeof text_plan_lines / sizeof text_plan_lines[0]; i++)
            if (strncmp(line, text_plan_lines[i], strlen(text_plan_lines[i])) == 0)
                text_plan = true;
        text_plan = text_plan || is_plan_summary(line);
        for (size_t i = 0; i < sizeof text_plan_0_11 / sizeof text_plan_0_11[0]; i++)
            if (strstr(line, text_plan_0_11[i]))
                old = true;
        pos += line_len + 1;
    }
    if (!text_plan)
        return err->code;
    if (old)
        return cir_error(err, CIR_EINPUT, name, "not JSON: this is the text of `terraform plan` "
                         "from Terraform 0.11, which has no JSON plans: with 0.12 or later, "
                         RUN_INSTEAD);
    return cir_error(err, CIR_EINPUT, name, "not JSON: this is the text `terraform plan` prints; "
                     RUN_INSTEAD);
}
