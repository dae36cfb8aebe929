/*
 * attrs.h — (private to pricing/) price-list column names.
 *
 * AWS names the same attribute differently in its CSV ("Instance Type",
 * "CapacityStatus") and JSON ("instanceType", "capacitystatus") offer files.
 * The cache and every lookup speak the JSON keys, so ingest maps each CSV
 * header through price_attr_key() once.
 */
#ifndef CIRCUIT_PRICING_ATTRS_H
#define CIRCUIT_PRICING_ATTRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Roles of the columns ingest needs to find by name (the term and price
 * columns every on-demand offer file has, then the product attributes it
 * needs to group a row or to place it in a region). */
typedef enum price_col {
    COL_SKU,
    COL_OFFER_TERM,
    COL_RATE_CODE,
    COL_TERM_TYPE,
    COL_DESCRIPTION,
    COL_EFFECTIVE,
    COL_BEGIN,
    COL_END,
    COL_UNIT,
    COL_PRICE,
    COL_CURRENCY,
    COL_RELATED,
    COL_LEASE,
    COL_PURCHASE,
    COL_OFFERING_CLASS,
    COL_FAMILY,
    COL_NTERM,              /* the columns above are not product attributes */
    COL_INSTANCE_TYPE = COL_NTERM,
    COL_USAGETYPE,
    COL_LOCATION,
    COL_LOCATION_TYPE,
    COL_REGION_CODE,
    COL_SERVICE_CODE,
    COL_NROLES
} price_col;

/* JSON key of a role ("instanceType"), or the pseudo key a query may filter
 * on for term columns ("sku", "unit", "beginRange", ...). */
const char *price_col_key(price_col c);
/* Role of a CSV header name, or -1 when it is an ordinary attribute. */
int price_col_role(const char *header, size_t len);
/* True for roles a file must have to be an on-demand price list. */
bool price_col_required(price_col c);
/* Writes the JSON offer key for a CSV header name into out (NUL-terminated,
 * truncated to size).  Known names come from a table; others follow AWS's
 * rule: one word is lower-cased ("CapacityStatus" -> "capacitystatus"),
 * several words become lowerCamelCase without punctuation
 * ("Pre Installed S/W" -> "preInstalledSw"). */
void price_attr_key(const char *header, size_t len, char *out, size_t size);

#endif
