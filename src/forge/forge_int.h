/*
 * forge_int.h — (private to src/forge/) the HTTP client the platform calls
 * share: one libcurl handle, the auth header, retries, and errors that say
 * what to check without ever holding the token.
 */
#ifndef CIRCUIT_FORGE_INT_H
#define CIRCUIT_FORGE_INT_H

#include "../core/sbuf.h"
#include "forge.h"

#include <curl/curl.h>

typedef struct forge_client {
    CURL *curl;
    const forge_target *t;
    const forge_cfg *cfg;
    struct curl_slist *headers;
    char *origin;            /* the API base's origin; requests go nowhere else */
    char errbuf[CURL_ERROR_SIZE];
} forge_client;

typedef struct forge_resp {
    long status;
    sbuf body;
    char *next_url;          /* GitHub: Link rel="next"; NULL when none */
    char *next_page;         /* GitLab: X-Next-Page; NULL when none or empty */
    long retry_after_s;      /* -1 when absent */
    bool ratelimit_empty;    /* x-ratelimit-remaining: 0 */
} forge_resp;

cir_code forge_client_open(forge_client *c, const forge_target *t, const forge_cfg *cfg, cir_err *err);
void forge_client_close(forge_client *c);

/* One API call with retries: `method` GET/POST/PATCH/PUT/DELETE to `url`
 * (which must share the API base's origin), `json` the request body or
 * NULL.  Returns CIR_OK on a 2xx with *r filled (free with
 * forge_resp_free); CIR_ENET otherwise, with a message for 401/403/404. */
cir_code forge_call(forge_client *c, const char *method, const char *url, const char *json, forge_resp *r,
                    cir_err *err);
void forge_resp_free(forge_resp *r);

/* Replaces every occurrence of the token in `s` with "***" (in place). */
void forge_scrub(const forge_target *t, char *s);

#endif
