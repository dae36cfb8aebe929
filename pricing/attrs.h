/*
 * attrs.h — (private to pricing/) price-list column names and the compact
 * attribute blob.
 *
 * AWS names the same attribute differently in its CSV ("Instance Type",
 * "CapacityStatus") and JSON ("instanceType", "capacitystatus") offer files.
 * The cache and every lookup speak the JSON keys, so ingest maps each CSV
 * header through price_attr_key() once.
 *
 * Per price row, the product attributes that have no column of their own are
 * packed into one blob: for each non-empty attribute, varint column index,
 * varint length, bytes.  Column indexes refer to the offer's column list
 * (offers.columns in the cache), so a row costs only what it holds.
 */
#ifndef CIRCUIT_PRICING_ATTRS_H
#define CIRCUIT_PRICING_ATTRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Roles of the columns ingest needs to find by name (the term and price
 * columns every on-demand offer file has, then the selectors kept in their
 * own SQL columns or needed to place a row in a region). */
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

/* ---- blob ------------------------------------------------------------- */

typedef struct price_blob {
    unsigned char *data;
    size_t len, cap;
} price_blob;

void price_blob_reset(price_blob *b);
void price_blob_free(price_blob *b);
void price_blob_put(price_blob *b, size_t col, const char *value, size_t len);

/* Iterates a blob: returns false at the end or on a malformed blob. */
typedef struct price_blob_iter {
    const unsigned char *p, *end;
} price_blob_iter;
bool price_blob_next(price_blob_iter *it, size_t *col, const char **value, size_t *len);
/* Finds column `col`; false when absent (an empty attribute). */
bool price_blob_get(const void *blob, size_t n, size_t col, const char **value, size_t *len);

#endif
