/*
 * forge_http.c — the HTTP layer of `circuit comment`: one libcurl handle
 * with the platform's headers, bounded retries with backoff on rate limits
 * and 5xx, and errors that name what to check (the token's variable, the
 * repository, the PR) but never the token.
 */
#include "forge_int.h"

#include "../core/mem.h"
#include "../core/url.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ---- settings -------------------------------------------------------------- */

static cir_code env_long(const char *name, long lo, long hi, long *out, cir_err *err)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return CIR_OK;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || n < lo || n > hi)
        return cir_error(err, CIR_EUSAGE, name, "wants a whole number from %ld to %ld", lo, hi);
    *out = n;
    return CIR_OK;
}

cir_code forge_cfg_env(forge_cfg *cfg, cir_err *err)
{
    long tries = 3;
    *cfg = (forge_cfg){.retry_delay_ms = 1000, .retry_max_ms = 60000, .connect_timeout_s = 15,
                       .request_timeout_s = 120};
    if (env_long("CIRCUIT_RETRIES", 1, 10, &tries, err) ||
        env_long("CIRCUIT_RETRY_DELAY_MS", 0, 600000, &cfg->retry_delay_ms, err) ||
        env_long("CIRCUIT_RETRY_MAX_MS", 0, 600000, &cfg->retry_max_ms, err) ||
        env_long("CIRCUIT_CONNECT_TIMEOUT", 1, 600, &cfg->connect_timeout_s, err))
        return err->code;
    cfg->tries = (int)tries;
    return CIR_OK;
}

const char *forge_kind_name(forge_kind k)
{
    return k == FORGE_GITLAB ? "gitlab" : "github";
}

size_t forge_max_body(forge_kind k)
{
    /* GitHub refuses a comment body over 65536 characters; GitLab notes
     * stop at 1,000,000. */
    return k == FORGE_GITLAB ? 1000000 : 65536;
}

void forge_scrub(const forge_target *t, char *s)
{
    if (!s || !t->token || strlen(t->token) < 1)
        return;
    size_t n = strlen(t->token);
    for (char *p = strstr(s, t->token); p; p = strstr(p, t->token)) {
        size_t keep = strlen(p + n);
        memcpy(p, "***", 3);
        memmove(p + 3, p + n, keep + 1);
        p += 3;
    }
}

/* ---- the handle ------------------------------------------------------------ */

static size_t on_body(char *data, size_t size, size_t count, void *ud)
{
    sbuf_add(&((forge_resp *)ud)->body, data, size * count);
    return size * count;
}

/* "Name: value\r\n" -> value when the name matches (case-insensitive). */
static const char *header_value(const char *line, size_t len, const char *name, size_t *vlen)
{
    size_t n = strlen(name);
    if (len <= n || strncasecmp(line, name, n) != 0 || line[n] != ':')
        return NULL;
    const char *v = line + n + 1, *end = line + len;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
        end--;
    *vlen = (size_t)(end - v);
    return v;
}

/* Link: <url>; rel="next", <url>; rel="last" -> the next url. */
static char *link_next(const char *v, size_t len)
{
    const char *end = v + len;
    for (const char *p = v; p < end;) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt)
            break;
        const char *gt = memchr(lt, '>', (size_t)(end - lt));
        if (!gt)
            break;
        const char *next = memchr(gt, ',', (size_t)(end - gt));
        const char *seg_end = next ? next : end;
        for (const char *q = gt; q + 10 <= seg_end; q++)
            if (strncmp(q, "rel=\"next\"", 10) == 0)
                return xstrndup(lt + 1, (size_t)(gt - lt - 1));
        p = seg_end;
    }
    return NULL;
}

static size_t on_header(char *line, size_t size, size_t count, void *ud)
{
    forge_resp *r = ud;
    size_t len = size * count, vlen;
    const char *v;
    if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        /* A new response (after a 100 Continue): forget earlier headers. */
        free(r->next_url);
        free(r->next_page);
        r->next_url = r->next_page = NULL;
        r->retry_after_s = -1;
        r->ratelimit_empty = false;
    } else if ((v = header_value(line, len, "Link", &vlen))) {
        free(r->next_url);
        r->next_url = link_next(v, vlen);
    } else if ((v = header_value(line, len, "X-Next-Page", &vlen))) {
        free(r->next_page);
        r->next_page = vlen ? xstrndup(v, vlen) : NULL;
    } else if ((v = header_value(line, len, "Retry-After", &vlen))) {
        char buf[32];
        size_t n = vlen < sizeof buf - 1 ? vlen : sizeof buf - 1;
        memcpy(buf, v, n);
        buf[n] = '\0';
        char *end;
        long s = strtol(buf, &end, 10);
        r->retry_after_s = end != buf && *end == '\0' && s >= 0 ? s : -1;
    } else if ((v = header_value(line, len, "X-RateLimit-Remaining", &vlen)) ||
               (v = header_value(line, len, "RateLimit-Remaining", &vlen))) {
        r->ratelimit_empty = vlen == 1 && v[0] == '0';
    }
    return len;
}

cir_code forge_client_open(forge_client *c, const forge_target *t, const forge_cfg *cfg, cir_err *err)
{
    memset(c, 0, sizeof *c);
    c->t = t;
    c->cfg = cfg;
    const char *topic = forge_kind_name(t->kind);
    if (cir_url_check(t->api_base, topic, NULL, err))
        return err->code;
    c->origin = cir_url_origin(t->api_base);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK || !(c->curl = curl_easy_init()))
        return cir_error(err, CIR_ENET, topic, "cannot start libcurl");
    char *auth = t->kind == FORGE_GITHUB ? xasprintf("Authorization: Bearer %s", t->token)
                                         : xasprintf("PRIVATE-TOKEN: %s", t->token);
    c->headers = curl_slist_append(c->headers, auth);
    /* Wipe our copy: libcurl keeps its own in the list. */
    memset(auth, 0, strlen(auth));
    free(auth);
    if (t->kind == FORGE_GITHUB) {
        c->headers = curl_slist_append(c->headers, "Accept: application/vnd.github+json");
        c->headers = curl_slist_append(c->headers, "X-GitHub-Api-Version: 2022-11-28");
    } else {
        c->headers = curl_slist_append(c->headers, "Accept: application/json");
    }
    c->headers = curl_slist_append(c->headers, "Content-Type: application/json");
    CURL *h = c->curl;
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, cfg->connect_timeout_s);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, cfg->request_timeout_s);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "circuit (pull request comment)");
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->errbuf);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, c->headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    return CIR_OK;
}

void forge_client_close(forge_client *c)
{
    if (c->curl) {
        curl_easy_cleanup(c->curl);
        curl_global_cleanup();
    }
    curl_slist_free_all(c->headers);
    free(c->origin);
    memset(c, 0, sizeof *c);
}

void forge_resp_free(forge_resp *r)
{
    sbuf_free(&r->body);
    free(r->next_url);
    free(r->next_page);
    memset(r, 0, sizeof *r);
}

/* ---- one call ---------------------------------------------------------------- */

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

static bool rate_limited(const forge_resp *r)
{
    return r->status == 429 || (r->status == 403 && (r->ratelimit_empty || r->retry_after_s >= 0));
}

static bool retryable(CURLcode cc, const forge_resp *r)
{
    if (cc != CURLE_OK)
        return cc == CURLE_OPERATION_TIMEDOUT || cc == CURLE_COULDNT_CONNECT || cc == CURLE_RECV_ERROR ||
               cc == CURLE_SEND_ERROR || cc == CURLE_GOT_NOTHING || cc == CURLE_PARTIAL_FILE;
    return r->status >= 500 || r->status == 408 || rate_limited(r);
}

static long wait_ms(const forge_cfg *cfg, const forge_resp *r, int attempt)
{
    long ms = cfg->retry_delay_ms;
    for (int i = 2; i < attempt && ms < cfg->retry_max_ms; i++)
        ms *= 2;
    if (r->retry_after_s >= 0 && r->retry_after_s * 1000 > ms)
        ms = r->retry_after_s * 1000;
    return ms < cfg->retry_max_ms ? ms : cfg->retry_max_ms;
}

/* The URL's path and query for messages: the API base's origin is known. */
static const char *shown_path(const forge_client *c, const char *url)
{
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : NULL;
    (void)c;
    return p ? p : url;
}

/* The "message" of a JSON error body, scrubbed, or "". */
static void server_message(const forge_client *c, const forge_resp *r, char *out, size_t size)
{
    out[0] = '\0';
    json_t *j = json_loadb(r->body.data ? r->body.data : "", r->body.len, 0, NULL);
    json_t *m = json_object_get(j, "message");
    if (json_is_string(m))
        snprintf(out, size, "%s", json_string_value(m));
    json_decref(j);
    for (char *p = out; *p; p++)
        if (*p == '\n' || *p == '\r' || (unsigned char)*p < 0x20)
            *p = ' ';
    forge_scrub(c->t, out);
}

static cir_code http_error(forge_client *c, const char *method, const char *url, const forge_resp *r,
                           cir_err *err)
{
    const forge_target *t = c->t;
    const char *topic = forge_kind_name(t->kind);
    const char *what = t->kind == FORGE_GITHUB ? "pull request" : "merge request";
    char msg[200];
    server_message(c, r, msg, sizeof msg);
    char said[240] = "";
    if (*msg)
        snprintf(said, sizeof said, " (the server said: %s)", msg);
    switch (r->status) {
    case 401:
        return cir_error(err, CIR_ENET, topic,
                         "HTTP 401 on %s %s: the token in %s was refused; check that it is set, valid "
                         "and not expired%s",
                         method, shown_path(c, url), t->token_name, said);
    case 403:
        return cir_error(err, CIR_ENET, topic,
                         "HTTP 403 on %s %s: the token in %s may not do this; it needs %s%s", method,
                         shown_path(c, url), t->token_name,
                         t->kind == FORGE_GITHUB ? "pull-requests: write (or issues: write) permission"
                                                 : "the api scope and at least Reporter access",
                         said);
    case 404:
        return cir_error(err, CIR_ENET, topic,
                         "HTTP 404 on %s %s: no %s %ld in %s, or the token in %s cannot see it%s", method,
                         shown_path(c, url), what, t->number, t->repo, t->token_name, said);
    default:
        return cir_error(err, CIR_ENET, topic, "HTTP %ld on %s %s%s", r->status, method, shown_path(c, url),
                         said);
    }
}

cir_code forge_call(forge_client *c, const char *method, const char *url, const char *json, forge_resp *r,
                    cir_err *err)
{
    const char *topic = forge_kind_name(c->t->kind);
    char *origin = cir_url_origin(url);
    bool same = origin && c->origin && strcmp(origin, c->origin) == 0;
    free(origin);
    if (!same)
        return cir_error(err, CIR_ENET, topic,
                         "the API pointed at %s, outside the API base; refusing to send the token there",
                         shown_path(c, url));
    bool loopback;
    if (cir_url_check(url, topic, &loopback, err))
        return err->code;
    CURL *h = c->curl;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_NOPROXY, loopback ? "*" : NULL);
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, strcmp(method, "GET") == 0 ? NULL : method);
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    if (json) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, json);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(json));
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
    }
    memset(r, 0, sizeof *r);
    for (int attempt = 1;; attempt++) {
        forge_resp_free(r);
        r->retry_after_s = -1;
        curl_easy_setopt(h, CURLOPT_WRITEDATA, r);
        curl_easy_setopt(h, CURLOPT_HEADERDATA, r);
        c->errbuf[0] = '\0';
        CURLcode cc = curl_easy_perform(h);
        if (cc == CURLE_OK)
            curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
        if (cc == CURLE_OK && r->status >= 200 && r->status < 300)
            return CIR_OK;
        if (attempt < c->cfg->tries && retryable(cc, r)) {
            sleep_ms(wait_ms(c->cfg, r, attempt + 1));
            continue;
        }
        cir_code rc;
        if (cc != CURLE_OK) {
            char why[CURL_ERROR_SIZE];
            snprintf(why, sizeof why, "%s", c->errbuf[0] ? c->errbuf : curl_easy_strerror(cc));
            forge_scrub(c->t, why);
            rc = cir_error(err, CIR_ENET, topic, "%s %s failed after %d tries: %s", method, shown_path(c, url),
                           attempt, why);
        } else if (rate_limited(r) || r->status >= 500) {
            rc = cir_error(err, CIR_ENET, topic, "HTTP %ld on %s %s after %d tries%s", r->status, method,
                           shown_path(c, url), attempt, rate_limited(r) ? " (rate limited)" : "");
        } else {
            rc = http_error(c, method, url, r, err);
        }
        forge_resp_free(r);
        return rc;
    }
}
