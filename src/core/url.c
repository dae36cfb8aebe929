/*
 * url.c — the https-or-loopback rule every network client obeys, judged
 * with libcurl's own URL parser (the one that will make the request).
 */
#include "url.h"

#include "mem.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool cir_host_is_loopback(const char *host)
{
    if (!host || !*host)
        return false;
    char buf[64];
    size_t len = strlen(host);
    if (host[0] == '[') {
        if (len < 3 || host[len - 1] != ']' || len - 2 >= sizeof buf)
            return false;
        memcpy(buf, host + 1, len - 2);
        buf[len - 2] = '\0';
    } else {
        if (len >= sizeof buf)
            return false;
        memcpy(buf, host, len + 1);
    }
    if (strcasecmp(buf, "localhost") == 0 || strcasecmp(buf, "localhost.") == 0)
        return true;
    struct in_addr a4;
    if (inet_pton(AF_INET, buf, &a4) == 1)
        return (ntohl(a4.s_addr) >> 24) == 127;
    struct in6_addr a6;
    if (inet_pton(AF_INET6, buf, &a6) == 1) {
        if (IN6_IS_ADDR_LOOPBACK(&a6))
            return true;
        /* ::ffff:127.x.y.z reaches the IPv4 loopback too. */
        return IN6_IS_ADDR_V4MAPPED(&a6) && a6.s6_addr[12] == 127;
    }
    return false;
}

/* Scheme, host and port (default filled in); caller curl_frees all three. */
static bool url_parts(const char *url, char **scheme, char **host, char **port)
{
    *scheme = *host = *port = NULL;
    CURLU *u = curl_url();
    if (!u)
        return false;
    bool ok = curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_SCHEME, scheme, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_HOST, host, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_PORT, port, CURLU_DEFAULT_PORT) == CURLUE_OK;
    curl_url_cleanup(u);
    if (!ok) {
        curl_free(*scheme);
        curl_free(*host);
        curl_free(*port);
        *scheme = *host = *port = NULL;
    }
    return ok;
}

cir_code cir_url_check(const char *url, const char *topic, bool *loopback, cir_err *err)
{
    char *scheme, *host, *port;
    if (loopback)
        *loopback = false;
    if (!topic)
        topic = url;
    if (!url || !url_parts(url, &scheme, &host, &port))
        return cir_error(err, CIR_EUSAGE, topic, "not a usable URL");
    cir_code rc = CIR_OK;
    bool lo = cir_host_is_loopback(host);
    if (strcasecmp(scheme, "https") == 0) {
        /* fine: certificates are always verified */
    } else if (strcasecmp(scheme, "http") == 0) {
        if (!lo)
            rc = cir_error(err, CIR_EUSAGE, topic,
                           "plain http:// is allowed only to a loopback host (localhost, "
                           "127.0.0.0/8, [::1]); use https://");
    } else {
        rc = cir_error(err, CIR_EUSAGE, topic,
                       "unsupported scheme \"%s\": use https:// (or http:// to a loopback host)", scheme);
    }
    if (loopback)
        *loopback = lo;
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    return rc;
}

char *cir_url_origin(const char *url)
{
    char *scheme, *host, *port;
    if (!url || !url_parts(url, &scheme, &host, &port))
        return NULL;
    char *o = xasprintf("%s://%s:%s", scheme, host, port);
    for (char *p = o; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    return o;
}
