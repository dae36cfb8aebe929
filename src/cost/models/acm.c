/*
 * models/acm.c — cost models: ACM certificates (public and imported ones
 * free, private ones billed per issuance) and ACM Private CA authorities.
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* A certificate is private when it names the private CA that issues it. */
static const cost_var cert_vars[] = {
    {.name = "ca", .attr = "certificate_authority_arn"},
};
static const cost_comp_spec cert_comps[] = {
    {.name = "Private certificate (billed once per issuance)",
     .service = "AWSCertificateManager", .family = "AWS Certificate Manager",
     .filters = {UT("PrivateCertificatesIssued")},
     .unit = "certificates", .per = "certificate", .qty = Q_CONST(1), .flags = CF_TIERED},
};
static const cost_part cert_parts[] = {{.comps = cert_comps, .ncomps = N(cert_comps)}};

static const cost_map ca_mode_map[] = {
    {"GENERAL_PURPOSE", "general"}, {"SHORT_LIVED_CERTIFICATE", "short"}, {NULL, NULL}};
static const cost_var ca_vars[] = {
    {.name = "mode", .attr = "usage_mode", .dflt = "general", .map = ca_mode_map,
     .usage = "usage_mode", .flags = CVF_UNKNOWN_DEFAULT,
     .why = "a general-purpose CA unless usage_mode says otherwise (the provider's default)"},
};
static const cost_comp_spec ca_comps[] = {
    {.name = "Private CA (general-purpose)",
     .when = {{"mode", COP_EQ, "general"}},
     .service = "AWSCertificateManager", .family = "AWS Certificate Manager",
     .filters = {UT("PaidPrivateCA")},
     .unit = "months", .per = "month", .qty = Q_CONST(1)},
    {.name = "Certificates issued",
     .when = {{"mode", COP_EQ, "general"}},
     .service = "AWSCertificateManager", .family = "AWS Certificate Manager",
     .filters = {UT("PrivateCertificatesIssued")},
     .unit = "certificates", .per = "certificate", .qty = Q_USAGE("monthly_requests", 1), .flags = CF_TIERED},
    {.name = "Private CA (short-lived certificate mode)",
     .when = {{"mode", COP_EQ, "short"}},
     .service = "AWSCertificateManager", .family = "AWS Certificate Manager",
     .filters = {UT("ShortLivedCertificatePrivateCA")},
     .unit = "months", .per = "month", .qty = Q_CONST(1)},
    {.name = "Short-lived certificates issued",
     .when = {{"mode", COP_EQ, "short"}},
     .service = "AWSCertificateManager", .family = "AWS Certificate Manager",
     .filters = {UT("ShortLivedCertificatesIssued")},
     .unit = "certificates", .per = "certificate", .qty = Q_USAGE("monthly_requests", 1)},
};
static const cost_part ca_parts[] = {{.comps = ca_comps, .ncomps = N(ca_comps)}};
static const cost_usage_key ca_usage[] = {
    NUM("monthly_requests", "private certificates issued per month"),
    STR("usage_mode", "GENERAL_PURPOSE or SHORT_LIVED_CERTIFICATE, when the plan does not give it"),
};

/* ---- the models ---- */

static const cost_model model_cert = {
    .type = "aws_acm_certificate",
    .doc = "private certificates: one issuance (tiered per account); public and imported certificates are free",
    VARS(cert_vars), .free_when = {{"ca", COP_UNSET, NULL}},
    .free_note = "public and imported ACM certificates are free",
    PARTS(cert_parts)};
static const cost_model model_ca = {
    .type = "aws_acmpca_certificate_authority",
    .doc = "CA months by usage mode, certificates issued (usage; general-purpose tiers up to 10,000)",
    VARS(ca_vars), PARTS(ca_parts), USAGE(ca_usage)};

COST_MODEL_LIST(acm) = {&model_cert, &model_ca, NULL};
