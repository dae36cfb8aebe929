/*
 * attrs.c — CSV header names to JSON offer keys (see attrs.h).
 */
#include "attrs.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Columns ingest looks up by role.  Header names are matched without regard
 * to case; a role may have several spellings. */
static const struct {
    price_col role;
    const char *key;
    bool required;
    const char *headers[3];
} roles[] = {
    {COL_SKU, "sku", true, {"SKU"}},
    {COL_OFFER_TERM, "offerTermCode", false, {"OfferTermCode"}},
    {COL_RATE_CODE, "rateCode", false, {"RateCode"}},
    {COL_TERM_TYPE, "termType", true, {"TermType"}},
    {COL_DESCRIPTION, "description", false, {"PriceDescription"}},
    {COL_EFFECTIVE, "effectiveDate", false, {"EffectiveDate"}},
    {COL_BEGIN, "beginRange", false, {"StartingRange"}},
    {COL_END, "endRange", false, {"EndingRange"}},
    {COL_UNIT, "unit", true, {"Unit"}},
    {COL_PRICE, "pricePerUnit", true, {"PricePerUnit"}},
    {COL_CURRENCY, "currency", true, {"Currency"}},
    {COL_RELATED, "relatedTo", false, {"RelatedTo"}},
    {COL_LEASE, "leaseContractLength", false, {"LeaseContractLength"}},
    {COL_PURCHASE, "purchaseOption", false, {"PurchaseOption"}},
    {COL_OFFERING_CLASS, "offeringClass", false, {"OfferingClass"}},
    {COL_FAMILY, "productFamily", true, {"Product Family", "productFamily"}},
    {COL_INSTANCE_TYPE, "instanceType", false, {"Instance Type", "instanceType"}},
    {COL_USAGETYPE, "usagetype", false, {"usageType", "Usage Type"}},
    {COL_LOCATION, "location", false, {"Location"}},
    {COL_LOCATION_TYPE, "locationType", false, {"Location Type", "locationType"}},
    {COL_REGION_CODE, "regionCode", false, {"Region Code", "regionCode"}},
    {COL_SERVICE_CODE, "servicecode", false, {"serviceCode", "Service Code"}},
};

/* CSV header -> JSON key where AWS documents the pair (reference §3).  The
 * general rule in price_attr_key() yields the same keys; the table pins the
 * ones the cost models rely on so a change to the rule cannot move them. */
static const struct {
    const char *header, *key;
} known_keys[] = {
    {"Product Family", "productFamily"},
    {"serviceCode", "servicecode"},
    {"Instance Type", "instanceType"},
    {"Operating System", "operatingSystem"},
    {"Tenancy", "tenancy"},
    {"Pre Installed S/W", "preInstalledSw"},
    {"License Model", "licenseModel"},
    {"CapacityStatus", "capacitystatus"},
    {"usageType", "usagetype"},
    {"operation", "operation"},
    {"Volume API Name", "volumeApiName"},
    {"Volume Type", "volumeType"},
    {"Group", "group"},
    {"Group Description", "groupDescription"},
    {"Location", "location"},
    {"Location Type", "locationType"},
    {"Region Code", "regionCode"},
    {"Database Engine", "databaseEngine"},
    {"Database Edition", "databaseEdition"},
    {"Deployment Option", "deploymentOption"},
    {"Storage Class", "storageClass"},
    {"Cache Engine", "cacheEngine"},
    {"vCPU", "vcpu"},
    {"Max IOPS/volume", "maxIopsvolume"},
    {"Max throughput/volume", "maxThroughputvolume"},
    {"instanceSKU", "instancesku"},
    {"serviceName", "servicename"},
};

const char *price_col_key(price_col c)
{
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (roles[i].role == c)
            return roles[i].key;
    return NULL;
}

bool price_col_required(price_col c)
{
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (roles[i].role == c)
            return roles[i].required;
    return false;
}

static bool header_is(const char *header, size_t len, const char *name)
{
    return strlen(name) == len && strncasecmp(header, name, len) == 0;
}

int price_col_role(const char *header, size_t len)
{
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        for (size_t k = 0; k < 3 && roles[i].headers[k]; k++)
            if (header_is(header, len, roles[i].headers[k]))
                return (int)roles[i].role;
    return -1;
}

void price_attr_key(const char *header, size_t len, char *out, size_t size)
{
    if (size == 0)
        return;
    for (size_t i = 0; i < sizeof known_keys / sizeof known_keys[0]; i++)
        if (strlen(known_keys[i].header) == len && memcmp(header, known_keys[i].header, len) == 0) {
            snprintf(out, size, "%s", known_keys[i].key);
            return;
        }
    size_t n = 0;
    bool words = memchr(header, ' ', len) != NULL;
    bool first_word = true, word_start = true;
    for (size_t i = 0; i < len && n + 1 < size; i++) {
        unsigned char c = (unsigned char)header[i];
        if (c == ' ') {
            if (n > 0)
                first_word = false;
            word_start = true;
            continue;
        }
        if (!isalnum(c))
            continue;
        if (!words || first_word || !word_start)
            out[n++] = (char)tolower(c);
        else
            out[n++] = (char)toupper(c);
        word_start = false;
    }
    out[n] = '\0';
}
