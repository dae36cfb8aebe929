/*
 * url.h — which URLs circuit may send a request to.
 *
 * One rule for every network client (price lists, PR comments): https://
 * with certificate checks, or plain http:// to a loopback host only, so
 * tests can run a local server and nothing else can be downgraded.  Hosts
 * are judged by their literal text, never resolved, so
 * "127.0.0.1.example.net" is not loopback.
 */
#ifndef CIRCUIT_URL_H
#define CIRCUIT_URL_H

#include "err.h"

#include <stdbool.h>

/* True for localhost, 127.0.0.0/8, ::1 and ::ffff:127.x.y.z (with or
 * without brackets).  False for NULL or "". */
bool cir_host_is_loopback(const char *host);

/* CIR_OK when `url` is https://..., or http:// to a loopback host.  Else
 * CIR_EUSAGE naming the rule, with `topic` as the error's topic (the URL
 * itself when NULL).  *loopback (may be NULL) says whether the host is
 * loopback, so a caller can bypass proxies for it. */
cir_code cir_url_check(const char *url, const char *topic, bool *loopback, cir_err *err);

/* Scheme, host and port of `url` as one lower-case string,
 * "https://host:443"; NULL when it does not parse.  Caller frees.  Two URLs
 * with the same origin may share credentials. */
char *cir_url_origin(const char *url);

#endif
