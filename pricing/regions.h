/*
 * regions.h — (private to pricing/) what the module knows about AWS regions:
 * the location names older price lists use instead of a region code, and
 * the usagetype prefix each region puts before its usage types.
 */
#ifndef CIRCUIT_PRICING_REGIONS_H
#define CIRCUIT_PRICING_REGIONS_H

#include <stdbool.h>
#include <stddef.h>

/* The region name used for offers that are not regional (Route 53 and
 * other global services: location "Global"). */
#define PRICE_GLOBAL_REGION "global"

/* Region code for a price-list location name ("EU (Paris)" -> "eu-west-3");
 * "global" for "Global" and "Any"; NULL when unknown. */
const char *price_region_from_location(const char *name, size_t len);

/* Usagetype prefix of a region ("EU" for eu-west-1, "USE1" for us-east-1),
 * or NULL when the table does not know it.  *verified (may be NULL) tells
 * whether the prefix was seen in real price-list data. */
const char *price_region_prefix(const char *code, bool *verified);

/* Usagetype `u` matches `want` in `region`: equal, or equal after exactly
 * the region's prefix and a dash.  `prefix` may be NULL (no prefix known). */
bool price_usagetype_match(const char *u, size_t ulen, const char *want, const char *prefix);

/* A plausible usagetype region prefix at the start of `u` ("EUW3-...",
 * "EU-..."): 2-4 capitals and an optional digit, then '-'.  Returns its
 * length without the dash, or 0.  Used only to learn a region's prefix from
 * the data when the table has none, never to strip one. */
size_t price_usagetype_prefix_len(const char *u, size_t len);

#endif
