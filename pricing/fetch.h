/*
 * fetch.h — (private to pricing/) getting AWS price lists over HTTP(S).
 *
 * Three layers, each testable on its own:
 *   - URLs (fetch-url.c): which endpoint, which URLs we may fetch (https, or
 *     plain http to a loopback host only), how index-relative URLs resolve;
 *   - index files (fetch-index.c): the offer index and the region indexes,
 *     small JSON files parsed whole with jansson;
 *   - HTTP (fetch.c): one libcurl handle, GET with ETag revalidation,
 *     bounded retries with exponential backoff, stall and connect timeouts,
 *     and a streaming body sink so a regional CSV is never held whole.
 * sync.c walks them for price_sync().
 */
#ifndef CIRCUIT_PRICING_FETCH_H
#define CIRCUIT_PRICING_FETCH_H

#include "../src/core/err.h"
#include "../src/core/sbuf.h"

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#define PRICE_DEFAULT_ENDPOINT "https://pricing.us-east-1.amazonaws.com"
#define PRICE_OFFER_INDEX_PATH "/offers/v1.0/aws/index.json"

/* ---- URLs (fetch-url.c) --------------------------------------------------- */

/* True for the hosts plain http:// may reach: localhost, 127.0.0.0/8, ::1
 * (with or without brackets).  Names are never resolved. */
bool price_host_is_loopback(const char *host);

/* CIR_OK when `url` may be fetched: https://HOST..., or http:// to a loopback
 * host.  Otherwise CIR_EUSAGE with a message that names the rule. */
cir_code price_url_check(const char *url, cir_err *err);

/* The endpoint to use: `flag` (--endpoint), else CIRCUIT_PRICING_URL, else
 * AWS.  Checked with price_url_check; trailing slashes are dropped.  On
 * success *out is caller-owned; on error it is left NULL. */
cir_code price_endpoint_resolve(const char *flag, char **out, cir_err *err);

/* Resolves a URL found in an index file: a path starting with '/' is
 * appended to the endpoint (which may itself carry a path prefix, for
 * mirrors); an absolute URL is taken as is.  Either way the result passes
 * price_url_check.  *out is caller-owned; NULL on error (CIR_EINPUT). */
cir_code price_url_join(const char *endpoint, const char *ref, char **out, cir_err *err);

/* The CSV form of an offer file URL: ".../index.json" -> ".../index.csv".
 * CIR_EINPUT when the URL does not end in ".json".  *out caller-owned. */
cir_code price_url_csv(const char *json_url, char **out, cir_err *err);

/* ---- index files (fetch-index.c) ------------------------------------------ */

typedef struct price_index price_index;

/* Parses an offer index or region index file.  `url` names it in errors.
 * CIR_EPARSE when the body is not JSON or not an index.  Caller frees *out
 * with price_index_free. */
cir_code price_index_parse(const char *text, size_t len, const char *url, price_index **out,
                           cir_err *err);
void price_index_free(price_index *ix);

/* "publicationDate" of the index, or "" (borrowed). */
const char *price_index_published(const price_index *ix);

/* Offer index: the offer's currentRegionIndexUrl (borrowed from ix).
 * CIR_EINPUT for an offer the index does not list, with a short list of
 * what it does list (closest names first); CIR_EPARSE for a malformed entry. */
cir_code price_index_offer(const price_index *ix, const char *service, const char **region_index_url,
                           cir_err *err);

/* Region index of `service`: the region's currentVersionUrl (borrowed).
 * CIR_EINPUT for a region the index does not list, with a short list of the
 * regions it does; CIR_EPARSE for a malformed entry. */
cir_code price_index_region(const price_index *ix, const char *service, const char *region,
                            const char **version_url, cir_err *err);

/* Appends to `out` up to `max` of `names` (n of them), closest to `wanted`
 * first, comma-separated, then " (N in all)" when some were left out.
 * Exposed for tests. */
void price_suggest(sbuf *out, const char *const *names, size_t n, const char *wanted, size_t max);

/* ---- HTTP (fetch.c) -------------------------------------------------------- */

typedef struct price_fetch_cfg {
    int tries;              /* attempts per request, >= 1 (CIRCUIT_RETRIES, 3) */
    long retry_delay_ms;    /* backoff before the 2nd try; doubles after
                               (CIRCUIT_RETRY_DELAY_MS, 500) */
    long connect_timeout_s; /* CIRCUIT_CONNECT_TIMEOUT, 15 */
    long stall_timeout_s;   /* give up when no byte arrives for this long
                               (CIRCUIT_STALL_TIMEOUT, 30) */
    size_t max_index_bytes; /* index JSON larger than this is refused (16 MB) */
} price_fetch_cfg;

/* Defaults, overridden by the environment variables named above.
 * CIR_EUSAGE when one holds something other than a number in range. */
cir_code price_fetch_cfg_env(price_fetch_cfg *cfg, cir_err *err);

/* Whether a failed attempt is worth repeating: timeouts, refused or reset
 * connections, truncated bodies, HTTP 5xx, 408 and 429.  `curl_code` is a
 * CURLcode (0 when the transfer itself succeeded). */
bool price_fetch_retryable(int curl_code, long http_status);

/* Delay before attempt `attempt` (2, 3, ...): delay, 2*delay, 4*delay, ...,
 * capped at 30 s. */
long price_fetch_backoff_ms(const price_fetch_cfg *cfg, int attempt);

typedef enum price_body_kind {
    PRICE_BODY_UNKNOWN,   /* too few bytes to tell */
    PRICE_BODY_CSV,
    PRICE_BODY_HTML,
    PRICE_BODY_JSON,
    PRICE_BODY_BINARY
} price_body_kind;

/* Sniffs the first bytes of a body (leading whitespace and a UTF-8 BOM are
 * skipped).  A price-list CSV starts with a quoted field or a letter. */
price_body_kind price_body_sniff(const char *data, size_t len);
const char *price_body_kind_name(price_body_kind k);

/* Response headers of the final (non-redirect) response. */
typedef struct price_http_resp {
    long status;
    char etag[128];
    char last_modified[64];
    char content_type[128];
    long long content_length;   /* -1 when not sent */
} price_http_resp;

/* Where a 200 body goes.  For each attempt: start (headers known, body
 * about to flow), feed (any number of times), and on a failed attempt
 * reset (drop everything fed; the next attempt starts afresh).  A callback
 * returning an error ends the request without retrying. */
typedef struct price_sink {
    cir_code (*start)(void *ctx, const char *url, const price_http_resp *r, cir_err *err);
    cir_code (*feed)(void *ctx, const char *data, size_t len, cir_err *err);
    void (*reset)(void *ctx);
    void *ctx;
} price_sink;

typedef struct price_http price_http;

/* One libcurl handle (connections are reused across requests).  CIR_ENET
 * when libcurl cannot be initialised.  Free with price_http_close. */
cir_code price_http_open(const price_fetch_cfg *cfg, price_http **out, cir_err *err);
void price_http_close(price_http *h);

/* GETs `url` (checked with price_url_check, as is every redirect target).
 * `if_none_match` (may be NULL) is sent as If-None-Match.
 * Returns CIR_OK with resp->status 200 (the body went to `sink`, whose
 * start was called exactly once for the successful attempt) or 304 (the
 * sink was not started).  Any other outcome: CIR_ENET (topic = URL, the
 * message names the HTTP status or transfer error and the tries made), or
 * the sink's own error; in every error case the sink has been reset. */
cir_code price_http_get(price_http *h, const char *url, const char *if_none_match,
                        const price_sink *sink, price_http_resp *resp, cir_err *err);

/* GETs a small document (an index file) whole into `body`.  Refuses one
 * larger than cfg->max_index_bytes.  Errors as price_http_get. */
cir_code price_http_get_small(price_http *h, const char *url, sbuf *body, cir_err *err);

/* Set by SIGINT/SIGTERM while price_fetch_trap_signals(true) is in force;
 * every transfer and backoff wait stops soon after. */
extern volatile sig_atomic_t price_fetch_interrupted;

/* Installs (on) or restores (off) the SIGINT/SIGTERM handlers that set
 * price_fetch_interrupted.  Pairs must nest once: on, then off. */
void price_fetch_trap_signals(bool on);

#endif
