/*
 * regions.c — the region table: code, usagetype prefix, location names.
 *
 * Prefixes marked verified were read from real price lists under
 * ../shared/data/aws-prices/ (the 2025 global EC2 sample, the 2020 eu-west-3
 * file, the 2023 eu-west-1 dump).  The others come from terracost's region
 * table and are unverified; in particular it gives APS3 to both ap-south-1
 * and ap-southeast-3, and the 2025 sample shows ap-southeast-3 is APS4, so
 * APS3 is kept for ap-south-1 only.  For regions not listed here, ingest
 * learns the prefix from the file itself (offers.usage_prefix).
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
    {"us-east-1", "USE1", false, {"US East (N. Virginia)"}},
    {"us-east-2", "USE2", false, {"US East (Ohio)"}},
    {"us-west-1", "USW1", false, {"US West (N. California)"}},
    {"us-west-2", "USW2", true, {"US West (Oregon)"}},
    {"ca-central-1", "CAN1", true, {"Canada (Central)"}},
    {"ca-west-1", NULL, false, {"Canada West (Calgary)"}},
    {"eu-west-1", "EU", true, {"EU (Ireland)", "Europe (Ireland)"}},
    {"eu-west-2", "EUW2", false, {"EU (London)", "Europe (London)"}},
    {"eu-west-3", "EUW3", true, {"EU (Paris)", "Europe (Paris)"}},
    {"eu-central-1", "EUC1", true, {"EU (Frankfurt)", "Europe (Frankfurt)"}},
    {"eu-central-2", NULL, false, {"EU (Zurich)", "Europe (Zurich)"}},
    {"eu-north-1", "EUN1", false, {"EU (Stockholm)", "Europe (Stockholm)"}},
    {"eu-south-1", NULL, false, {"EU (Milan)", "Europe (Milan)"}},
    {"eu-south-2", NULL, false, {"EU (Spain)", "Europe (Spain)"}},
    {"ap-northeast-1", "APN1", true, {"Asia Pacific (Tokyo)"}},
    {"ap-northeast-2", "APN2", false, {"Asia Pacific (Seoul)"}},
    {"ap-northeast-3", NULL, false, {"Asia Pacific (Osaka)", "Asia Pacific (Osaka-Local)"}},
    {"ap-southeast-1", "APS1", true, {"Asia Pacific (Singapore)"}},
    {"ap-southeast-2", "APS2", true, {"Asia Pacific (Sydney)"}},
    {"ap-southeast-3", "APS4", true, {"Asia Pacific (Jakarta)"}},
    {"ap-southeast-4", "APS6", true, {"Asia Pacific (Melbourne)"}},
    {"ap-southeast-5", "APS7", true, {"Asia Pacific (Malaysia)"}},
    {"ap-southeast-6", "APS8", true, {"Asia Pacific (New Zealand)"}},
    {"ap-southeast-7", "APS9", true, {"Asia Pacific (Thailand)"}},
    {"ap-south-1", "APS3", false, {"Asia Pacific (Mumbai)"}},
    {"ap-south-2", NULL, false, {"Asia Pacific (Hyderabad)"}},
    {"ap-east-1", NULL, false, {"Asia Pacific (Hong Kong)"}},
    {"ap-east-2", "APE2", true, {"Asia Pacific (Taipei)"}},
    {"sa-east-1", "SAE1", false, {"South America (Sao Paulo)", "South America (São Paulo)"}},
    {"me-south-1", NULL, false, {"Middle East (Bahrain)"}},
    {"me-central-1", NULL, false, {"Middle East (UAE)"}},
    {"il-central-1", NULL, false, {"Israel (Tel Aviv)"}},
    {"af-south-1", NULL, false, {"Africa (Cape Town)"}},
    {"mx-central-1", NULL, false, {"Mexico (Central)"}},
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
