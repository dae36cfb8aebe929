/*
 * models/kms.c — cost models: KMS customer managed keys: own key material,
 * imported (external) key material, and multi-Region replicas.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

static const cost_map kms_requests_map[] = {
    {"SYMMETRIC_DEFAULT", "KMS-Requests"}, {"HMAC_*", "KMS-Requests"},
    {"RSA_2048", "KMS-Requests-Asymmetric-RSA_2048"}, {"RSA_*", "KMS-Requests-Asymmetric"},
    {"ECC_*", "KMS-Requests-Asymmetric"}, {"SM2", "KMS-Requests-Asymmetric"}, {NULL, NULL}};

/* key_spec (or the older customer_master_key_spec) defaults to SYMMETRIC_DEFAULT. */
static const cost_var kms_vars[] = {
    {.name = "requests_ut", .attr = "key_spec", .usage = "key_spec", .fallback = "cmk_spec", .map = kms_requests_map,
     .flags = CVF_UNKNOWN_DEFAULT, .why = "a symmetric key unless key_spec says otherwise (the provider's default)"},
    {.name = "cmk_spec", .attr = "customer_master_key_spec", .dflt = "SYMMETRIC_DEFAULT"},
};

static const cost_comp_spec kms_comps[] = {
    {.name = "Customer managed key",
     .service = "awskms", .family = "Encryption Key",
     .filters = {RX("usagetype", "(^|-)KMS-Keys$")},
     .unit = "key-months", .per = "key-month", .qty = Q_CONST(1)},
    {.name = "Requests",
     .service = "awskms",
     .filters = {RX("usagetype", "(^|-){requests_ut}$")},
     .unit = "requests", .per = "10k requests", .per_scale = 1e4, .qty = Q_USAGE("monthly_requests", 1)},
};
static const cost_part kms_parts[] = {{.comps = kms_comps, .ncomps = N(kms_comps)}};
static const cost_usage_key kms_usage[] = {
    NUM("monthly_requests", "API requests per month"),
    STR("key_spec", "key spec when the plan does not give it, e.g. SYMMETRIC_DEFAULT or RSA_2048"),
};

/* Imported key material is always a symmetric key. */
static const cost_comp_spec external_comps[] = {
    {.name = "Customer managed key",
     .service = "awskms", .family = "Encryption Key",
     .filters = {RX("usagetype", "(^|-)KMS-Keys$")},
     .unit = "key-months", .per = "key-month", .qty = Q_CONST(1)},
    {.name = "Requests",
     .service = "awskms",
     .filters = {RX("usagetype", "(^|-)KMS-Requests$")},
     .unit = "requests", .per = "10k requests", .per_scale = 1e4, .qty = Q_USAGE("monthly_requests", 1)},
};
static const cost_part external_parts[] = {{.comps = external_comps, .ncomps = N(external_comps)}};
static const cost_usage_key external_usage[] = {NUM("monthly_requests", "API requests per month")};

/* A replica has its primary key's spec, which lives in another region (and
 * usually another plan): symmetric unless usage `key_spec` says otherwise. */
static const cost_var replica_vars[] = {
    {.name = "requests_ut", .usage = "key_spec", .dflt = "SYMMETRIC_DEFAULT", .map = kms_requests_map,
     .flags = CVF_ASSUME,
     .why = "symmetric-key requests (a replica has its primary key's key_spec, which the replica does not show)"},
};
static const cost_part replica_parts[] = {{.comps = kms_comps, .ncomps = N(kms_comps)}};

/* ---- the models ---- */

static const cost_model model_kms = {
    .type = "aws_kms_key", .doc = "key months, requests (usage)", VARS(kms_vars), PARTS(kms_parts),
    USAGE(kms_usage)};

static const cost_model model_external = {
    .type = "aws_kms_external_key", .doc = "key months, symmetric requests (usage)", PARTS(external_parts),
    USAGE(external_usage)};
static const cost_model model_replica = {
    .type = "aws_kms_replica_key", .doc = "key months (each replica is a key), requests (usage)",
    VARS(replica_vars), PARTS(replica_parts), USAGE(kms_usage)};
static const cost_model model_replica_external = {
    .type = "aws_kms_replica_external_key", .doc = "key months (each replica is a key), symmetric requests (usage)",
    PARTS(external_parts), USAGE(external_usage)};

COST_MODEL_LIST(kms) = {&model_external, &model_kms, &model_replica_external, &model_replica, NULL};
