/*
 * test_near.c — "did you mean": which names count as close to a typo, and
 * that nothing is suggested when nothing is close.
 */
#include "src/core/near.h"

#include <criterion/criterion.h>
#include <string.h>

static const char *closest(const char *word, const char *const *cands)
{
    near_match m;
    near_init(&m, word);
    for (size_t i = 0; cands[i]; i++)
        near_offer(&m, cands[i]);
    return near_best(&m);
}

Test(near, distance_counts_a_swap_of_neighbours_as_one_edit)
{
    cr_expect_eq(near_distance("mian", "main", 5), 1);
    cr_expect_eq(near_distance("kitten", "sitting", 5), 3);
    cr_expect_eq(near_distance("", "abc", 5), 3);
    cr_expect_eq(near_distance("abc", "abc", 0), 0);
    cr_expect_eq(near_distance("abcdef", "uvwxyz", 2), 3, "over the limit reads limit + 1");
}

Test(near, suggests_the_address_with_a_typo)
{
    const char *addrs[] = {"aws_instance.web", "aws_lb.web", "aws_nat_gateway.main", NULL};
    cr_expect_str_eq(closest("aws_nat_gateway.mian", addrs), "aws_nat_gateway.main");
    cr_expect_str_eq(closest("aws_lb.wbe", addrs), "aws_lb.web");
}

Test(near, suggests_nothing_when_nothing_is_close)
{
    const char *addrs[] = {"aws_nat_gateway.main", "aws_instance.web", NULL};
    cr_expect_null(closest("aws_instance.batch_worker", addrs));
    cr_expect_null(closest("zzz", addrs));
    const char *keys[] = {"monthly_requests", NULL};
    cr_expect_null(closest("monthly_requests", keys), "the word itself is not a suggestion");
}

Test(near, reordered_words_and_nested_keys_are_close)
{
    const char *keys[] = {"monthly_data_processed_gb", NULL};
    cr_expect_str_eq(closest("monthly_gb_data_processed", keys), "monthly_data_processed_gb");
    const char *s3[] = {"standard.monthly_tier_1_requests", "standard.storage_gb",
                        "glacier_deep_archive.storage_gb", NULL};
    cr_expect_str_eq(closest("storage_gb", s3), "standard.storage_gb", "first of equals wins");
}

Test(near, the_nearest_of_several_close_ones_wins)
{
    const char *keys[] = {"new_connections", "new_connection_count", NULL};
    cr_expect_str_eq(closest("new_connection", keys), "new_connections");
    const char *later[] = {"abcdefgh_x", "abcdefgh", NULL};
    cr_expect_str_eq(closest("abcdefgx", later), "abcdefgh", "distance 1 beats an earlier distance 2");
}

Test(near, very_long_names_are_not_compared_letter_by_letter)
{
    char longer[400];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    cr_expect_eq(near_distance(longer, longer, 3), 4);
}
