/*
 * regions.c — the region table: code, usagetype prefix, location names.
 *
 * Prefixes are AWS's Region billing codes ("AWS Region billing codes",
 * docs.aws.amazon.com/global-infrastructure/latest/regions/
 * aws-region-billing-codes.html), the same table scripts/snapshot/common.py
 * builds the snapshot with; "verified" marks those also seen in real price
 * rows (the regional MSK and ALB usage types under
 * fixtures/external/data/aws-prices/regional, the 2025 global EC2 sample,
 * the 2020 eu-west-3 file, the 2023 eu-west-1 dump).  For regions not
 * listed here, ingest learns the prefix from the file itself
 * (offers.usage_prefix).
 *
 * us-east-1 mostly has no prefix (BoxUsage:t3.micro) but some services use
 * USE1- (EKS, Fargate), so a usagetype match accepts both forms.
 */
#include "regions.h"

#include <string.h>
#include <strings.h>

static const struct region {
    const char *code, *prefix;
    bool verified;
    const char *names[3];
} regions[] = {
    {"us-east-1", "USE1", true, {"US East (N. Virginia)"}},
    {"us-east-2", "USE2", true, {"US East (Ohio)"}},
    {"us-west-1", "USW1", true, {"US West (N. California)"}},
    {"us-west-2", "USW2", true, {"US West (Oregon)"}},
    {"ca-central-1", "CAN1", true, {"Canada (Central)"}},
    {"ca-west-1", "CAN2", true, {"Canada West (Calgary)"}},
    {"eu-west-1", "EU", true, {"EU (Ireland)", "Europe (Ireland)"}},
    {"eu-west-2", "EUW2", true, {"EU (London)", "Europe (London)"}},
    {"eu-west-3", "EUW3", true, {"EU (Paris)", "Europe (Paris)"}},
    {"eu-central-1", "EUC1", true, {"EU (Frankfurt)", "Europe (Frankfurt)"}},
    {"eu-central-2", "EUC2", true, {"EU (Zurich)", "Europe (Zurich)"}},
    {"eu-north-1", "EUN1", true, {"EU (Stockholm)", "Europe (Stockholm)"}},
    {"eu-south-1", "EUS1", true, {"EU (Milan)", "Europe (Milan)"}},
    {"eu-south-2", "EUS2", true, {"EU (Spain)", "Europe (Spain)"}},
    {"ap-northeast-1", "APN1", true, {"Asia Pacific (Tokyo)"}},
    {"ap-northeast-2", "APN2", true, {"Asia Pacific (Seoul)"}},
    {"ap-northeast-3", "APN3", true, {"Asia Pacific (Osaka)", "Asia Pacific (Osaka-Local)"}},
    {"ap-southeast-1", "APS1", true, {"Asia Pacific (Singapore)"}},
    {"ap-southeast-2", "APS2", true, {"Asia Pacific (Sydney)"}},
    {"ap-southeast-3", "APS4", true, {"Asia Pacific (Jakarta)"}},
    {"ap-southeast-4", "APS6", true, {"Asia Pacific (Melbourne)"}},
    {"ap-southeast-5", "APS7", true, {"Asia Pacific (Malaysia)"}},
    {"ap-southeast-6", "APS8", true, {"Asia Pacific (New Zealand)"}},
    {"ap-southeast-7", "APS9", true, {"Asia Pacific (Thailand)"}},
    {"ap-south-1", "APS3", true, {"Asia Pacific (Mumbai)"}},
    {"ap-south-2", "APS5", true, {"Asia Pacific (Hyderabad)"}},
    {"ap-east-1", "APE1", true, {"Asia Pacific (Hong Kong)"}},
    {"ap-east-2", "APE2", true, {"Asia Pacific (Taipei)"}},
    {"sa-east-1", "SAE1", true, {"South America (Sao Paulo)", "South America (São Paulo)"}},
    {"me-south-1", "MES1", true, {"Middle East (Bahrain)"}},
    {"me-central-1", "MEC1", true, {"Middle East (UAE)"}},
    {"il-central-1", "ILC1", true, {"Israel (Tel Aviv)"}},
    {"af-south-1", "AFS1", true, {"Africa (Cape Town)"}},
    {"mx-central-1", "MXC1", false, {"Mexico (Central)"}},
    {"us-gov-west-1", "UGW1", true, {"AWS GovCloud (US-West)", "AWS GovCloud (US)"}},
    {"us-gov-east-1", NULL, false, {"AWS GovCloud (US-East)"}},
};

#define NREGIONS (sizeof regions / sizeof regions[0])

const char *price_region_from_location(const char *name, size_t len)
{
    if ((len == 6 && strncasecmp(name, "Global", 6) == 0) ||
        (len == 3 && strncasecmp(name, "Any", 3) == 0))
        return PRICE_GLOBAL_REGION;
    for (size_t i = 0; i < NREGIONS; i++)
        for (size_t k = 0; k < 3 && regions[i].names[k]; k++)
            if (strlen(regions[i].names[k]) == len && memcmp(regions[i].names[k], name, len) == 0)
                return regions[i].code;
    return NULL;
}

const char *price_region_prefix(const char *code, bool *verified)
{
    for (size_t i = 0; i < NREGIONS; i++)
        if (strcmp(regions[i].code, code) == 0) {
            if (verified)
                *verified = regions[i].verified;
            return regions[i].prefix;
        }
    if (verified)
        *verified = false;
    return NULL;
}

bool price_usagetype_match(const char *u, size_t ulen, const char *want, const char *prefix)
{
    size_t wlen = strlen(want);
    if (ulen == wlen && memcmp(u, want, wlen) == 0)
        return true;
    if (!prefix)
        return false;
    size_t plen = strlen(prefix);
    return ulen == plen + 1 + wlen && memcmp(u, prefix, plen) == 0 && u[plen] == '-' &&
           memcmp(u + plen + 1, want, wlen) == 0;
}

size_t price_usagetype_prefix_len(const char *u, size_t len)
{
    size_t n = 0;
    while (n < len && n < 4 && u[n] >= 'A' && u[n] <= 'Z')
        n++;
    if (n < 2)
        return 0;
    if (n < len && u[n] >= '0' && u[n] <= '9')
        n++;
    return n < len && u[n] == '-' ? n : 0;
}
