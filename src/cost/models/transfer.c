/*
 * models/transfer.c — cost models: Transfer Family servers (hours per
 * enabled protocol, data uploaded and downloaded).
 * See cost_model.h for the shape of a model and HACKING.md for the recipe.
 */
#include "common.h"

/* protocols: a set of up to four (SFTP, FTPS, FTP, AS2); SFTP alone when
 * the plan does not say (the provider computes the set when it is unset). */
#define WHY_PROTOCOLS "SFTP alone unless protocols says otherwise (the provider's default)"
static const cost_var server_vars[] = {
    {.name = "p0", .attr = "protocols[0]", .usage = "protocol", .dflt = "SFTP",
     .flags = CVF_UNKNOWN_DEFAULT, .why = WHY_PROTOCOLS},
    {.name = "p1", .attr = "protocols[1]", .usage = "second_protocol", .dflt = "", .flags = CVF_UNKNOWN_DEFAULT,
     .why = WHY_PROTOCOLS},
    {.name = "p2", .attr = "protocols[2]", .usage = "third_protocol", .dflt = "", .flags = CVF_UNKNOWN_DEFAULT,
     .why = WHY_PROTOCOLS},
    {.name = "p3", .attr = "protocols[3]", .usage = "fourth_protocol", .dflt = "", .flags = CVF_UNKNOWN_DEFAULT,
     .why = WHY_PROTOCOLS},
};

#define PROTOCOL_HOURS(VAR)                                                                        \
    {.name = "{" VAR "} protocol enabled",                                                         \
     .when = {{VAR, COP_SET, NULL}},                                                               \
     .service = "AWSTransfer", .family = "AWS Transfer Family",                                    \
     .filters = {EQ("operation", "{" VAR "}:S3"), UT("ProtocolHours")},                            \
     .unit = "hours", .per = "hour", .qty = Q_CONST(HOURS)}

/* Data is priced the same for every protocol (AWS's page): the first one's rows. */
static const cost_comp_spec server_comps[] = {
    PROTOCOL_HOURS("p0"), PROTOCOL_HOURS("p1"), PROTOCOL_HOURS("p2"), PROTOCOL_HOURS("p3"),
    {.name = "Data downloaded",
     .service = "AWSTransfer", .family = "AWS Transfer Family",
     .filters = {EQ("operation", "{p0}:S3"), UT("DownloadBytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_downloaded_gb", 1)},
    {.name = "Data uploaded",
     .service = "AWSTransfer", .family = "AWS Transfer Family",
     .filters = {EQ("operation", "{p0}:S3"), UT("UploadBytes")},
     .unit = "GB", .per = "GB", .qty = Q_USAGE("monthly_data_uploaded_gb", 1)},
};
static const cost_part server_parts[] = {{.comps = server_comps, .ncomps = N(server_comps)}};
static const cost_usage_key server_usage[] = {
    STR("protocol", "the (first) enabled protocol when the plan does not give protocols"),
    STR("second_protocol", "a second enabled protocol when the plan does not give protocols"),
    STR("third_protocol", "a third enabled protocol when the plan does not give protocols"),
    STR("fourth_protocol", "a fourth enabled protocol when the plan does not give protocols"),
    NUM("monthly_data_downloaded_gb", "data downloaded over the enabled protocols per month, GB"),
    NUM("monthly_data_uploaded_gb", "data uploaded over the enabled protocols per month, GB"),
};

/* ---- the models ---- */

static const cost_model model_server = {
    .type = "aws_transfer_server",
    .doc = "hours per enabled protocol (SFTP unless protocols says otherwise); data uploaded and "
           "downloaded (usage)",
    VARS(server_vars), PARTS(server_parts), USAGE(server_usage)};

COST_MODEL_LIST(transfer) = {&model_server, NULL};
