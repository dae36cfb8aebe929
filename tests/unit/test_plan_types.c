/*
 * test_plan_types.c — the shared type sets: membership, prefixes, and the
 * one fact two modules disagreed on (EFS serves traffic).
 */
#include "src/plan/plan_types.h"

#include <criterion/criterion.h>

Test(plan_types, a_type_is_in_its_set_by_its_whole_name)
{
    cr_assert(plan_type_in("aws_lb,aws_alb", "aws_lb"));
    cr_assert(plan_type_in("aws_lb,aws_alb", "aws_alb"));
    cr_assert_not(plan_type_in("aws_lb,aws_alb", "aws_lb_listener"));
    cr_assert_not(plan_type_in("aws_lb,aws_alb", "aws_l"));
    cr_assert_not(plan_type_in("aws_lb,aws_alb", ""));
}

Test(plan_types, a_star_at_the_end_holds_every_type_with_that_prefix)
{
    cr_assert(plan_type_in("aws_s3_bucket,aws_fsx_*", "aws_fsx_lustre_file_system"));
    cr_assert(plan_type_in(PLAN_TYPES_STATEFUL, "aws_fsx_ontap_file_system"));
    cr_assert_not(plan_type_in("aws_fsx_*", "aws_fs"));
}

Test(plan_types, null_is_in_nothing)
{
    cr_assert_not(plan_type_in(NULL, "aws_lb"));
    cr_assert_not(plan_type_in(PLAN_TYPES_SERVING, NULL));
}

/* The review's downtime line and CIR-PLAN-004 read this one set. */
Test(plan_types, an_efs_file_system_serves_traffic_and_holds_data)
{
    cr_assert(plan_type_in(PLAN_TYPES_SERVING, "aws_efs_file_system"));
    cr_assert(plan_type_in(PLAN_TYPES_STATEFUL, "aws_efs_file_system"));
    cr_assert_not(plan_type_in(PLAN_TYPES_SERVING, "aws_efs_mount_target"));
}
