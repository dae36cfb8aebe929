/*
 * test_core_robust.c — the core pieces every boundary relies on: UTF-8
 * checking, cutting and repair; errors and warnings that stay one valid
 * line however they were formatted or cut; wrapping a lower layer's error;
 * JSON strings and Markdown cells that stay what they are whatever bytes
 * they hold; float-to-integer conversions without undefined behaviour.
 */
#include "src/core/err.h"
#include "src/core/input.h"
#include "src/core/num.h"
#include "src/core/sbuf.h"
#include "src/core/utf8.h"

#include <criterion/criterion.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

Test(utf8, valid_means_rfc3629)
{
    cr_assert(utf8_valid("plain ascii", 11, NULL));
    cr_assert(utf8_valid("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9, NULL), "é € 😀");
    size_t at = 99;
    cr_assert_not(utf8_valid("ab\xff", 3, &at));
    cr_assert_eq(at, 2);
    cr_assert_not(utf8_valid("\xc0\xaf", 2, NULL), "overlong");
    cr_assert_not(utf8_valid("\xed\xa0\x80", 3, NULL), "a surrogate");
    cr_assert_not(utf8_valid("\xf4\x90\x80\x80", 4, NULL), "above U+10FFFF");
    cr_assert_not(utf8_valid("\xe2\x82", 2, NULL), "cut short");
    /* the word-at-a-time path and the byte path meet correctly */
    cr_assert_not(utf8_valid("0123456789abcdef\x80", 17, &at));
    cr_assert_eq(at, 16);
}

Test(utf8, cut_never_halves_a_character)
{
    const char *s = "ab\xc3\xa9\xe2\x82\xac"; /* a b é € */
    cr_assert_eq(utf8_cut(s, 2), 2);
    cr_assert_eq(utf8_cut(s, 3), 2, "inside é");
    cr_assert_eq(utf8_cut(s, 4), 4);
    cr_assert_eq(utf8_cut(s, 5), 4, "inside €");
    cr_assert_eq(utf8_cut(s, 6), 4, "inside €");
    cr_assert_eq(utf8_cut(s, 7), 7);
}

Test(utf8, repair_marks_each_bad_byte)
{
    sbuf b = SBUF_INIT;
    utf8_repair(&b, "a\xff\xfe" "b\xc3\xa9", 6);
    cr_assert_str_eq(sbuf_str(&b), "a\xef\xbf\xbd\xef\xbf\xbd" "b\xc3\xa9");
    sbuf_free(&b);
    char s[] = "x\x80y\xc3\xa9";
    utf8_repair_inplace(s);
    cr_assert_str_eq(s, "x?y\xc3\xa9");
}

Test(err, a_cut_message_stays_utf8_and_one_line)
{
    cir_err e;
    char big[1200];
    size_t n = 0;
    big[n++] = 'x'; /* odd offset: the 511-byte cut falls inside an é */
    while (n + 2 < sizeof big - 1) {
        big[n++] = '\xc3';
        big[n++] = '\xa9';
    }
    big[n] = '\0';
    cir_error(&e, CIR_EINPUT, "topic\nwith newline", "%s", big);
    cr_assert(utf8_valid(e.msg, strlen(e.msg), NULL), "the cut left half a character");
    cr_assert_null(strchr(e.topic, '\n'));
    cir_error(&e, CIR_EINPUT, "t", "esc \x1b[31m red\ttab\rcr \xff");
    cr_assert_str_eq(e.msg, "esc  [31m red tab cr ?");
}

Test(err, prefix_wraps_without_formatting_into_itself)
{
    cir_err e;
    cir_error(&e, CIR_EPARSE, "inner", "missing column %s", "SKU");
    cr_assert_eq(cir_error_prefix(&e, CIR_OK, "AWSELB-eu-west-1.csv", "bundled snapshot"), CIR_EPARSE);
    cr_assert_str_eq(e.topic, "AWSELB-eu-west-1.csv");
    cr_assert_str_eq(e.msg, "bundled snapshot: missing column SKU");
    cr_assert_eq(cir_error_prefix(&e, CIR_EINTERNAL, NULL, "cannot price %s", "recommendations"),
                 CIR_EINTERNAL);
    cr_assert_str_eq(e.topic, "AWSELB-eu-west-1.csv", "NULL keeps the topic");
    cr_assert_str_eq(e.msg, "cannot price recommendations: bundled snapshot: missing column SKU");
    /* a long cause is cut, never the prefix */
    char cause[600];
    memset(cause, 'c', sizeof cause - 1);
    cause[sizeof cause - 1] = '\0';
    cir_error(&e, CIR_EIO, "t", "%s", cause);
    cir_error_prefix(&e, CIR_OK, NULL, "prefix");
    cr_assert_eq(strncmp(e.msg, "prefix: ccc", 11), 0);
    cr_assert_eq(strlen(e.msg), sizeof e.msg - 1);
    cr_assert_eq(cir_error_prefix(NULL, CIR_OK, NULL, "x"), CIR_EINTERNAL);
}

Test(sbuf, json_strings_stay_json_whatever_the_bytes)
{
    sbuf b = SBUF_INIT;
    sbuf_json_str(&b, "ok \xc3\xa9 bad \xff\xfe end \xe2\x82");
    cr_assert_str_eq(sbuf_str(&b), "\"ok \xc3\xa9 bad \\ufffd\\ufffd end \\ufffd\\ufffd\"");
    sbuf_free(&b);
}

Test(sbuf, markdown_cells_keep_their_pipes_escaped)
{
    sbuf b = SBUF_INIT;
    sbuf_md_cell(&b, "a|b");
    cr_assert_str_eq(sbuf_str(&b), "a\\|b");
    sbuf_reset(&b);
    /* a backslash before a pipe would escape the escape: doubled there */
    sbuf_md_cell(&b, "a\\|b \\\\| c\\d");
    cr_assert_str_eq(sbuf_str(&b), "a\\\\\\|b \\\\\\\\\\| c\\d");
    sbuf_free(&b);
}

Test(num, whole_numbers_only_when_they_fit)
{
    long long v;
    cr_assert(num_exact_ll(42.0, &v));
    cr_assert_eq(v, 42);
    cr_assert(num_exact_ll(-9007199254740992.0, &v));
    cr_assert_not(num_exact_ll(1.5, &v));
    cr_assert_not(num_exact_ll(1e308, &v), "the index 1e308 is not a count");
    cr_assert_not(num_exact_ll(9223372036854775808.0, &v), "2^63 does not fit");
    cr_assert(num_exact_ll(-9223372036854775808.0, &v), "-2^63 does");
    cr_assert_not(num_exact_ll(NAN, &v));
    cr_assert_not(num_exact_ll(INFINITY, &v));
    cr_assert_eq(num_clamp_long(1e300), LONG_MAX, "a port of 1e300 is past every port");
    cr_assert_eq(num_clamp_long(-1e300), LONG_MIN);
    cr_assert_eq(num_clamp_long(22.9), 22);
    cr_assert_eq(num_clamp_long(NAN), 0);
}

/* A scratch file holding `n` bytes of 'x'; caller frees the name. */
static char *scratch_file(size_t n)
{
    char *path = strdup("/tmp/circuit-input-XXXXXX");
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    FILE *f = fdopen(fd, "w");
    for (size_t i = 0; i < n; i++)
        fputc('x', f);
    fclose(f);
    return path;
}

Test(input, reads_a_whole_file_and_names_what_it_could_not_open)
{
    char *path = scratch_file(70000);   /* more than one read */
    sbuf b = SBUF_INIT;
    cir_err e;
    cr_assert_eq(in_read_file(path, NULL, &b, &e), CIR_OK);
    cr_assert_eq(b.len, 70000);
    sbuf_free(&b);
    unlink(path);
    in_read_opts o = {.what = "usage file"};
    cr_assert_eq(in_read_file(path, &o, &b, &e), CIR_EIO);
    cr_assert_str_eq(e.topic, path);
    cr_assert_str_eq(e.msg, "cannot open usage file: No such file or directory");
    sbuf_free(&b);
    free(path);
}

Test(input, a_limit_refuses_what_is_larger)
{
    char *path = scratch_file(3u << 20);
    in_read_opts o = {.what = "rules file", .limit = (size_t)2 << 20};
    sbuf b = SBUF_INIT;
    cir_err e;
    cr_assert_eq(in_read_file(path, &o, &b, &e), CIR_EINPUT);
    cr_assert_str_eq(e.msg, "larger than 2 MiB: not a rules file");
    sbuf_free(&b);
    o.limit = (size_t)3 << 20;   /* exactly the limit is fine */
    cr_assert_eq(in_read_file(path, &o, &b, &e), CIR_OK);
    sbuf_free(&b);
    unlink(path);
    free(path);
}

Test(input, a_directory_is_not_a_file)
{
    sbuf b = SBUF_INIT;
    cir_err e;
    in_read_opts o = {.what = "usage file"};
    cr_assert_eq(in_read_file("/tmp", &o, &b, &e), CIR_EIO);
    cr_assert_str_eq(e.msg, "is a directory, not a usage file");
    sbuf_free(&b);
}

/* "-" is stdin only where the caller says so: a report reading lines from
 * the plan's file must not read stdin a second time. */
Test(input, a_dash_is_stdin_only_when_asked)
{
    sbuf b = SBUF_INIT;
    cir_err e;
    in_read_opts o = {.dash_is_stdin = false};
    cr_assert_eq(in_read_file("-", &o, &b, &e), CIR_EIO);
    cr_assert_str_eq(e.topic, "-");
    cr_assert(freopen("/dev/null", "r", stdin));
    cr_assert_eq(in_read_all("-", &b, &e), CIR_OK);
    cr_assert_eq(b.len, 0);
    sbuf_free(&b);
}
