/*
 * test_core_jsonw.c — the JSON writer (src/core/jsonw.c): commas and
 * nesting kept by the writer, the four layouts, null for missing strings,
 * money rounded to cents, escaping, raw values, and misuse caught by its
 * assertions.
 */
#include "src/core/jsonw.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static sbuf doc;
static jw w;

static void setup(void)
{
    sbuf_reset(&doc);
    jw_init(&w, &doc);
}

static void teardown(void)
{
    sbuf_free(&doc);
}

TestSuite(jsonw, .init = setup, .fini = teardown);

Test(jsonw, commas_go_between_members_and_never_after_the_last)
{
    jw_object(&w, JW_COMPACT);
    jw_kint(&w, "a", 1);
    jw_karray(&w, "b", JW_SAME);
    jw_int(&w, 2);
    jw_int(&w, 3);
    jw_end_array(&w);
    jw_kobject(&w, "c", JW_SAME);
    jw_end_object(&w);
    jw_end_object(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "{\"a\":1,\"b\":[2,3],\"c\":{}}\n");
}

Test(jsonw, block_indents_two_spaces_a_level_and_keeps_empty_containers_on_one_line)
{
    jw_object(&w, JW_BLOCK);
    jw_kstr(&w, "schema", "x/v1");
    jw_karray(&w, "empty", JW_SAME);
    jw_end_array(&w);
    jw_kobject(&w, "nested", JW_SAME);
    jw_kbool(&w, "ok", true);
    jw_end_object(&w);
    jw_end_object(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "{\n  \"schema\": \"x/v1\",\n  \"empty\": [],\n  \"nested\": {\n    \"ok\": true\n  }\n}\n");
}

Test(jsonw, line_items_inside_a_block_array_take_a_line_each)
{
    jw_object(&w, JW_BLOCK);
    jw_karray(&w, "findings", JW_BLOCK);
    for (int i = 0; i < 2; i++) {
        jw_object(&w, JW_LINE);
        jw_kint(&w, "n", i);
        jw_karray(&w, "tags", JW_SAME);
        jw_str(&w, "a");
        jw_str(&w, "b");
        jw_end_array(&w);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_end_object(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "{\n  \"findings\": [\n    {\"n\": 0, \"tags\": [\"a\", \"b\"]},\n"
                                     "    {\"n\": 1, \"tags\": [\"a\", \"b\"]}\n  ]\n}\n");
}

Test(jsonw, rows_start_each_member_on_a_new_unindented_line_and_their_members_are_compact)
{
    jw_object(&w, JW_COMPACT);
    jw_karray(&w, "resources", JW_ROWS);
    jw_object(&w, JW_SAME);
    jw_kint(&w, "a", 1);
    jw_kint(&w, "b", 2);
    jw_end_object(&w);
    jw_object(&w, JW_SAME);
    jw_end_object(&w);
    jw_end_array(&w);
    jw_karray(&w, "none", JW_ROWS);
    jw_end_array(&w);
    jw_end_object(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "{\"resources\":[\n{\"a\":1,\"b\":2},\n{}],\"none\":[]}\n");
}

Test(jsonw, same_layout_at_the_top_is_block)
{
    jw_array(&w, JW_SAME);
    jw_int(&w, 1);
    jw_end_array(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "[\n  1\n]\n");
}

Test(jsonw, null_strings_are_null_and_nonempty_turns_empty_into_null)
{
    jw_object(&w, JW_LINE);
    jw_kstr(&w, "a", NULL);
    jw_kstr(&w, "b", "");
    jw_kstr_nonempty(&w, "c", "");
    jw_kstr_nonempty(&w, "d", NULL);
    jw_kstr_nonempty(&w, "e", "x");
    jw_knull(&w, "f");
    jw_end_object(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "{\"a\": null, \"b\": \"\", \"c\": null, \"d\": null, \"e\": \"x\", \"f\": null}\n");
}

Test(jsonw, money_rounds_half_up_to_cents_and_money_or_null_says_null_only_when_told)
{
    jw_array(&w, JW_COMPACT);
    jw_money(&w, 0.0225 * 730);      /* 16.425 in binary noise */
    jw_money(&w, -0.001);            /* no "-0.00" */
    jw_money(&w, 7);
    jw_money_or_null(&w, 0, false);  /* a priced zero stays 0.00 */
    jw_money_or_null(&w, 12.5, true);
    jw_end_array(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "[16.43,0.00,7.00,0.00,null]\n");
}

Test(jsonw, numbers_integers_fixed_decimals_and_booleans)
{
    jw_array(&w, JW_LINE);
    jw_num(&w, 0.0000002);
    jw_num(&w, 730);
    jw_num(&w, 1.0 / 0.0);           /* not finite: null, never "inf" */
    jw_fixed(&w, 12.345, 1);
    jw_fixed(&w, 0.0 / 0.0, 1);
    jw_int(&w, -42);
    jw_uint(&w, (size_t)18446744073709551615ULL);
    jw_bool(&w, false);
    jw_end_array(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "[0.0000002, 730, null, 12.3, null, -42, 18446744073709551615, false]\n");
}

Test(jsonw, keys_and_strings_are_escaped_and_bytes_that_are_not_utf8_become_fffd)
{
    jw_object(&w, JW_COMPACT);
    jw_kstr(&w, "k\"ey\n", "a\\b\t\x01 caf\xc3\xa9 \xff\xfe end");
    jw_end_object(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "{\"k\\\"ey\\n\":\"a\\\\b\\t\\u0001 caf\xc3\xa9 \\ufffd\\ufffd end\"}\n");
}

Test(jsonw, raw_values_are_written_as_given_in_the_place_of_a_value)
{
    jw_object(&w, JW_LINE);
    jw_kraw(&w, "attributes", "{\"instanceType\": \"m5.large\"}");
    jw_karray(&w, "list", JW_SAME);
    jw_raw(&w, "[1,2]");
    jw_raw(&w, "true");
    jw_end_array(&w);
    jw_end_object(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "{\"attributes\": {\"instanceType\": \"m5.large\"}, \"list\": [[1,2], true]}\n");
}

Test(jsonw, a_lone_scalar_is_a_document_and_finish_value_adds_no_newline)
{
    jw_str(&w, "x");
    jw_finish_value(&w);
    cr_assert_str_eq(sbuf_str(&doc), "\"x\"");
}

Test(jsonw, the_writer_appends_after_what_the_buffer_already_holds)
{
    sbuf_puts(&doc, "prefix ");
    jw_object(&w, JW_COMPACT);
    jw_end_object(&w);
    jw_finish(&w);
    cr_assert_str_eq(sbuf_str(&doc), "prefix {}\n");
}

Test(jsonw, nesting_as_deep_as_a_parsed_plan_value_is_kept)
{
    for (int i = 0; i < 2100; i++)
        jw_array(&w, JW_COMPACT);
    for (int i = 0; i < 2100; i++)
        jw_end_array(&w);
    jw_finish(&w);
    cr_assert_eq(doc.len, 4201);
    cr_assert_eq(sbuf_str(&doc)[2099], '[');
    cr_assert_eq(sbuf_str(&doc)[2100], ']');
}

/* ---- misuse is a renderer bug: asserted ------------------------------------- */

/* The assertion's message is expected: keep it out of the test log. */
static void quiet(void)
{
    cr_assert_not_null(freopen("/dev/null", "w", stderr));
}

Test(jsonw, a_key_in_an_array_aborts, .signal = SIGABRT)
{
    quiet();
    jw_array(&w, JW_COMPACT);
    jw_key(&w, "a");
}

Test(jsonw, a_key_at_the_top_aborts, .signal = SIGABRT)
{
    quiet();
    jw_key(&w, "a");
}

Test(jsonw, a_value_in_an_object_without_its_key_aborts, .signal = SIGABRT)
{
    quiet();
    jw_object(&w, JW_COMPACT);
    jw_int(&w, 1);
}

Test(jsonw, two_keys_in_a_row_abort, .signal = SIGABRT)
{
    quiet();
    jw_object(&w, JW_COMPACT);
    jw_key(&w, "a");
    jw_key(&w, "b");
}

Test(jsonw, closing_an_object_after_a_key_without_its_value_aborts, .signal = SIGABRT)
{
    quiet();
    jw_object(&w, JW_COMPACT);
    jw_key(&w, "a");
    jw_end_object(&w);
}

Test(jsonw, a_close_that_does_not_match_its_open_aborts, .signal = SIGABRT)
{
    quiet();
    jw_object(&w, JW_COMPACT);
    jw_end_array(&w);
}

Test(jsonw, a_close_with_nothing_open_aborts, .signal = SIGABRT)
{
    quiet();
    jw_end_object(&w);
}

Test(jsonw, finishing_with_a_container_open_aborts, .signal = SIGABRT)
{
    quiet();
    jw_object(&w, JW_COMPACT);
    jw_finish(&w);
}

Test(jsonw, finishing_with_nothing_written_aborts, .signal = SIGABRT)
{
    quiet();
    jw_finish(&w);
}

Test(jsonw, a_second_value_at_the_top_aborts, .signal = SIGABRT)
{
    quiet();
    jw_int(&w, 1);
    jw_int(&w, 2);
}
