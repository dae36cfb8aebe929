/*
 * fetch-url.c — which price-list URLs circuit may fetch, and how the
 * relative URLs inside AWS index files resolve.
 *
 * The rule (PRODUCT.md "Prices"): https:// with certificate checks always;
 * plain http:// only to a loopback host, so tests can run a local server
 * and nothing else can be downgraded.  Hosts are judged by their literal
 * text (never resolved), so "127.0.0.1.example.net" is not loopback.
 */
#include "fetch.h"

#include "../src/core/mem.h"
#include "../src/core/url.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The rule is circuit's, shared with every network client (src/core/url.c). */
bool price_host_is_loopback(const char *host)
{
    return cir_host_is_loopback(host);
}

/* Parses `url` with libcurl's own parser (the one that will fetch it) and
 * returns its scheme and host (caller frees both with curl_free). */
static cir_code url_parts(const char *url, char **scheme, char **host, bool *has_query, cir_err *err)
{
    *scheme = *host = NULL;
    CURLU *u = curl_url();
    if (!u)
        return cir_error(err, CIR_ENET, url, "cannot parse URL (out of memory)");
    CURLUcode rc = curl_url_set(u, CURLUPART_URL, url, 0);
    if (rc == CURLUE_OK)
        rc = curl_url_get(u, CURLUPART_SCHEME, scheme, 0);
    if (rc == CURLUE_OK)
        rc = curl_url_get(u, CURLUPART_HOST, host, 0);
    if (rc == CURLUE_OK && has_query) {
        char *q = NULL, *f = NULL;
        *has_query = curl_url_get(u, CURLUPART_QUERY, &q, 0) == CURLUE_OK ||
                     curl_url_get(u, CURLUPART_FRAGMENT, &f, 0) == CURLUE_OK;
        curl_free(q);
        curl_free(f);
    }
    curl_url_cleanup(u);
    if (rc != CURLUE_OK) {
        curl_free(*scheme);
        curl_free(*host);
        *scheme = *host = NULL;
        return cir_error(err, CIR_EUSAGE, url, "not a usable URL (%s)", curl_url_strerror(rc));
    }
    return CIR_OK;
}

static cir_code check_parts(const char *url, bool *has_query, cir_err *err)
{
    char *scheme, *host;
    if (url_parts(url, &scheme, &host, has_query, err))
        return err->code;
    cir_code rc = CIR_OK;
    if (strcasecmp(scheme, "https") == 0) {
        /* fine: certificates are always verified */
    } else if (strcasecmp(scheme, "http") == 0) {
        if (!price_host_is_loopback(host))
            rc = cir_error(err, CIR_EUSAGE, url,
                           "plain http:// is allowed only to a loopback host (localhost, "
                           "127.0.0.0/8, [::1]); use https://");
    } else {
        rc = cir_error(err, CIR_EUSAGE, url,
                       "unsupported scheme \"%s\": price lists are fetched over https:// "
                       "(or http:// to a loopback host)", scheme);
    }
    curl_free(scheme);
    curl_free(host);
    return rc;
}

cir_code price_url_check(const char *url, cir_err *err)
{
    return check_parts(url, NULL, err);
}

cir_code price_endpoint_resolve(const char *flag, char **out, cir_err *err)
{
    *out = NULL;
    const char *source = "--endpoint";
    const char *url = flag;
    if (!url || !*url) {
        const char *env = getenv("CIRCUIT_PRICING_URL");
        if (env && *env) {
            url = env;
            source = "CIRCUIT_PRICING_URL";
        } else {
            url = PRICE_DEFAULT_ENDPOINT;
            source = "default endpoint";
        }
    }
    bool has_query = false;
    if (check_parts(url, &has_query, err)) {
        /* Say where the bad URL came from: the user may not know the env var is set. */
        cir_err inner = *err;
        return cir_error(err, inner.code, source, "%s: %s", inner.topic, inner.msg);
    }
    if (has_query)
        return cir_error(err, CIR_EUSAGE, source,
                         "%s: an endpoint is a base URL; it cannot carry a ?query or #fragment",
                         url);
    size_t len = strlen(url);
    while (len > 0 && url[len - 1] == '/')
        len--;
    *out = xstrndup(url, len);
    return CIR_OK;
}

cir_code price_url_join(const char *endpoint, const char *ref, char **out, cir_err *err)
{
    *out = NULL;
    if (!ref || !*ref)
        return cir_error(err, CIR_EINPUT, endpoint, "index file gives an empty URL");
    char *url;
    if (ref[0] == '/' && ref[1] != '/') {
        size_t len = strlen(endpoint);
        while (len > 0 && endpoint[len - 1] == '/')
            len--;
        url = xasprintf("%.*s%s", (int)len, endpoint, ref);
    } else if (strstr(ref, "://")) {
        url = xstrdup(ref);
    } else {
        return cir_error(err, CIR_EINPUT, endpoint,
                         "index file gives URL \"%.200s\", neither a path nor an absolute URL", ref);
    }
    if (price_url_check(url, err)) {
        cir_err inner = *err;
        free(url);
        return cir_error(err, CIR_EINPUT, inner.topic, "index file points here: %s", inner.msg);
    }
    *out = url;
    return CIR_OK;
}

cir_code price_url_csv(const char *json_url, char **out, cir_err *err)
{
    *out = NULL;
    size_t len = strlen(json_url);
    static const char ext[] = ".json";
    size_t elen = sizeof ext - 1;
    if (len <= elen || strcmp(json_url + len - elen, ext) != 0)
        return cir_error(err, CIR_EINPUT, json_url,
                         "expected an offer file URL ending in .json (to fetch its .csv form)");
    *out = xasprintf("%.*s.csv", (int)(len - elen), json_url);
    return CIR_OK;
}
