/*
 * models/ec2_host.c — cost models: EC2 Dedicated Hosts (host hours by
 * instance family).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 *
 * A host is billed per hour for its family, whatever runs on it (the
 * instances on it are not billed again).  The stored host prices are
 * eu-west-1's (the terracost 2023 dump); other regions say "not priced"
 * until `pricing sync`.
 */
#include "common.h"

/* instance_type -> its family: the families the stored host rows price
 * (scripts: grep "EU-HostUsage:" pricing/snapshot/AmazonEC2-eu-west-1.csv). */
static const cost_map host_family_map[] = {
    {"a1.*", "a1"}, {"c3.*", "c3"}, {"c4.*", "c4"}, {"c5.*", "c5"}, {"c5d.*", "c5d"},
    {"c5n.*", "c5n"}, {"c6a.*", "c6a"}, {"c6g.*", "c6g"}, {"c6gd.*", "c6gd"}, {"c6gn.*", "c6gn"},
    {"c6i.*", "c6i"}, {"c6id.*", "c6id"}, {"c6in.*", "c6in"}, {"c7g.*", "c7g"}, {"d2.*", "d2"},
    {"f1.*", "f1"}, {"g2.*", "g2"}, {"g3.*", "g3"}, {"g4ad.*", "g4ad"}, {"g4dn.*", "g4dn"},
    {"g5.*", "g5"}, {"h1.*", "h1"}, {"i2.*", "i2"}, {"i3.*", "i3"}, {"i3en.*", "i3en"},
    {"i4i.*", "i4i"}, {"im4gn.*", "im4gn"}, {"inf1.*", "inf1"}, {"m3.*", "m3"}, {"m4.*", "m4"},
    {"m5.*", "m5"}, {"m5d.*", "m5d"}, {"m5dn.*", "m5dn"}, {"m5n.*", "m5n"}, {"m5zn.*", "m5zn"},
    {"m6a.*", "m6a"}, {"m6g.*", "m6g"}, {"m6gd.*", "m6gd"}, {"m6i.*", "m6i"}, {"m6id.*", "m6id"},
    {"m6idn.*", "m6idn"}, {"m6in.*", "m6in"}, {"m7g.*", "m7g"}, {"mac1.*", "mac1"},
    {"mac2.*", "mac2"}, {"p2.*", "p2"}, {"p3.*", "p3"}, {"p3dn.*", "p3dn"}, {"p4d.*", "p4d"},
    {"r3.*", "r3"}, {"r4.*", "r4"}, {"r5.*", "r5"}, {"r5b.*", "r5b"}, {"r5d.*", "r5d"},
    {"r5dn.*", "r5dn"}, {"r5n.*", "r5n"}, {"r6a.*", "r6a"}, {"r6g.*", "r6g"}, {"r6gd.*", "r6gd"},
    {"r6i.*", "r6i"}, {"r6id.*", "r6id"}, {"r6idn.*", "r6idn"}, {"r6in.*", "r6in"},
    {"r7g.*", "r7g"}, {"t3.*", "t3"}, {"u-12tb1.*", "u-12tb1"}, {"u-18tb1.*", "u-18tb1"},
    {"u-6tb1.*", "u-6tb1"}, {"u-9tb1.*", "u-9tb1"}, {"vt1.*", "vt1"}, {"x1.*", "x1"},
    {"x1e.*", "x1e"}, {"x2gd.*", "x2gd"}, {"x2idn.*", "x2idn"}, {"x2iedn.*", "x2iedn"},
    {"x2iezn.*", "x2iezn"}, {"z1d.*", "z1d"},
    {NULL, NULL}};

static const cost_var host_vars[] = {
    {.name = "family", .attr = "instance_family", .fallback = "type_family"},
    {.name = "type_family", .attr = "instance_type", .map = host_family_map, .flags = CVF_REQUIRED},
};

static const cost_comp_spec host_comps[] = {
    {.name = "Dedicated host (on-demand, {family})",
     .service = "AmazonEC2", .family = "Dedicated Host",
     .filters = {EQ("instanceType", "{family}"), EQ("tenancy", "Host"), EQ("operatingSystem", "Linux"),
                 EQ("capacitystatus", "AllocatedHost"), RX("usagetype", "^([A-Z0-9]+-)?HostUsage:")},
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)},
};
static const cost_part host_parts[] = {{.comps = host_comps, .ncomps = N(host_comps)}};

/* ---- the models ---- */

static const cost_model model_host = {
    .type = "aws_ec2_host", .example = "instance_family=c5",
    .doc = "host hours by instance family (from instance_family or instance_type)",
    VARS(host_vars), PARTS(host_parts)};

COST_MODEL_LIST(ec2_host) = {&model_host, NULL};
