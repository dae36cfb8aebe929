/*
 * fetch.c — HTTP GET for price lists, over one reused libcurl handle.
 *
 * What it guarantees the sync above it:
 *   - only URLs that pass price_url_check are fetched, redirects included
 *     (libcurl's own redirect following is off; each hop is checked here);
 *   - https always verifies the peer and the host name;
 *   - a stalled server cannot hang us (connect timeout, low-speed limit);
 *   - timeouts, resets, truncated bodies and 5xx/408/429 are retried a
 *     bounded number of times with exponential backoff, everything else
 *     fails at once with the URL and the HTTP status;
 *   - the body streams into a sink; a failed attempt resets the sink, so
 *     whatever was fed is dropped before a retry or an error;
 *   - SIGINT/SIGTERM (when trapped) end the transfer promptly.
 */
#include "fetch.h"

#include "../src/core/mem.h"

#include <assert.h>
#include <curl/curl.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <time.h>

#define MAX_REDIRECTS 5
#define MAX_BACKOFF_MS 30000L

volatile sig_atomic_t price_fetch_interrupted;

/* ---- configuration and policy ------------------------------------------------ */

static cir_code env_long(const char *name, long lo, long hi, long *v, cir_err *err)
{
    const char *s = getenv(name);
    if (!s || !*s)
        return CIR_OK;
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (errno || end == s || *end || x < lo || x > hi)
        return cir_error(err, CIR_EUSAGE, name, "wants a whole number from %ld to %ld, got \"%s\"",
                         lo, hi, s);
    *v = x;
    return CIR_OK;
}

cir_code price_fetch_cfg_env(price_fetch_cfg *cfg, cir_err *err)
{
    long tries = 3, delay = 500, connect = 15, stall = 30;
    if (env_long("CIRCUIT_RETRIES", 1, 10, &tries, err) ||
        env_long("CIRCUIT_RETRY_DELAY_MS", 0, 60000, &delay, err) ||
        env_long("CIRCUIT_CONNECT_TIMEOUT", 1, 600, &connect, err) ||
        env_long("CIRCUIT_STALL_TIMEOUT", 1, 3600, &stall, err))
        return err->code;
    cfg->tries = (int)tries;
    cfg->retry_delay_ms = delay;
    cfg->connect_timeout_s = connect;
    cfg->stall_timeout_s = stall;
    cfg->max_index_bytes = 16u << 20;
    return CIR_OK;
}

bool price_fetch_retryable(int curl_code, long http_status)
{
    switch ((CURLcode)curl_code) {
    case CURLE_OK:
        return http_status >= 500 || http_status == 408 || http_status == 429;
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

long price_fetch_backoff_ms(const price_fetch_cfg *cfg, int attempt)
{
    long ms = cfg->retry_delay_ms;
    for (int i = 2; i < attempt && ms < MAX_BACKOFF_MS; i++)
        ms *= 2;
    return ms < MAX_BACKOFF_MS ? ms : MAX_BACKOFF_MS;
}

price_body_kind price_body_sniff(const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i == len)
        return PRICE_BODY_UNKNOWN;
    unsigned char c = (unsigned char)data[i];
    if (c == '<')
        return PRICE_BODY_HTML;
    if (c == '{' || c == '[')
        return PRICE_BODY_JSON;
    if (c == '"' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return PRICE_BODY_CSV;
    return PRICE_BODY_BINARY;
}

const char *price_body_kind_name(price_body_kind k)
{
    switch (k) {
    case PRICE_BODY_CSV: return "CSV";
    case PRICE_BODY_HTML: return "an HTML page";
    case PRICE_BODY_JSON: return "JSON";
    case PRICE_BODY_BINARY: return "binary data";
    case PRICE_BODY_UNKNOWN: break;
    }
    return "an empty body";
}

/* ---- signals ------------------------------------------------------------------ */

static struct sigaction old_int, old_term;
static int trapped;

static void on_signal(int sig)
{
    (void)sig;
    price_fetch_interrupted = 1;
}

/* A signal the parent set to be ignored (a background job of a
 * non-interactive shell, nohup) stays ignored, as is the convention. */
static void trap_one(int sig, struct sigaction *old)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, old);
    if (old->sa_handler == SIG_IGN)
        sigaction(sig, old, NULL);
}

void price_fetch_trap_signals(bool on)
{
    if (on == (trapped != 0))
        return;
    if (on) {
        price_fetch_interrupted = 0;
        trap_one(SIGINT, &old_int);
        trap_one(SIGTERM, &old_term);
    } else {
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
    }
    trapped = on;
}

/* ---- the handle ------------------------------------------------------------------ */

struct price_http {
    CURL *curl;
    price_fetch_cfg cfg;
    char errbuf[CURL_ERROR_SIZE];
    /* per attempt */
    price_http_resp resp;
    char reason[64];             /* reason phrase of the status line */
    const price_sink *sink;
    const char *url;             /* URL of the current hop */
    bool started;                /* sink->start called this attempt */
    bool stalled;                /* this attempt was ended by the stall watch */
    curl_off_t last_bytes;       /* stall watch: bytes seen at last_change */
    double last_change;
    bool sink_failed;
    cir_err sink_err;
};

static void copy_trimmed(char *dst, size_t size, const char *src, size_t len)
{
    while (len && (src[len - 1] == '\r' || src[len - 1] == '\n' || src[len - 1] == ' '))
        len--;
    while (len && (*src == ' ' || *src == '\t'))
        src++, len--;
    if (len >= size)
        len = size - 1;
    /* Header text is the server's: keep control bytes out of our output. */
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)src[i];
        dst[i] = ch < 0x20 || ch == 0x7f ? '?' : (char)ch;
    }
    dst[len] = '\0';
}

static bool header_is(const char *line, size_t len, const char *name, const char **value,
                      size_t *vlen)
{
    size_t n = strlen(name);
    if (len <= n || line[n] != ':' || strncasecmp(line, name, n) != 0)
        return false;
    *value = line + n + 1;
    *vlen = len - n - 1;
    return true;
}

static size_t on_header(char *line, size_t size, size_t count, void *ud)
{
    price_http *h = ud;
    size_t len = size * count;
    const char *v;
    size_t vlen;
    if (len > 5 && strncmp(line, "HTTP/", 5) == 0) {
        /* A new response (after a 100 Continue, say): forget earlier headers. */
        memset(&h->resp, 0, sizeof h->resp);
        h->resp.content_length = -1;
        h->reason[0] = '\0';
        const char *sp = memchr(line, ' ', len);
        if (sp) {
            h->resp.status = strtol(sp + 1, NULL, 10);
            const char *sp2 = memchr(sp + 1, ' ', len - (size_t)(sp + 1 - line));
            if (sp2)
                copy_trimmed(h->reason, sizeof h->reason, sp2 + 1, len - (size_t)(sp2 + 1 - line));
        }
    } else if (header_is(line, len, "ETag", &v, &vlen)) {
        copy_trimmed(h->resp.etag, sizeof h->resp.etag, v, vlen);
    } else if (header_is(line, len, "Last-Modified", &v, &vlen)) {
        copy_trimmed(h->resp.last_modified, sizeof h->resp.last_modified, v, vlen);
    } else if (header_is(line, len, "Content-Type", &v, &vlen)) {
        copy_trimmed(h->resp.content_type, sizeof h->resp.content_type, v, vlen);
    } else if (header_is(line, len, "Content-Length", &v, &vlen)) {
        char num[32];
        copy_trimmed(num, sizeof num, v, vlen);
        h->resp.content_length = strtoll(num, NULL, 10);
    }
    return len;
}

static bool start_sink(price_http *h)
{
    if (h->started)
        return true;
    h->started = true;
    if (h->sink->start && h->sink->start(h->sink->ctx, h->url, &h->resp, &h->sink_err)) {
        h->sink_failed = true;
        return false;
    }
    return true;
}

static size_t on_body(char *data, size_t size, size_t count, void *ud)
{
    price_http *h = ud;
    size_t len = size * count;
    if (price_fetch_interrupted)
        return 0;
    if (h->resp.status != 200)
        return len; /* error pages and redirect bodies are not price lists */
    if (!start_sink(h))
        return 0;
    if (h->sink->feed(h->sink->ctx, data, len, &h->sink_err)) {
        h->sink_failed = true;
        return 0;
    }
    return len;
}

static double monotonic_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* libcurl calls this about once a second even when nothing arrives.  Its
 * own low-speed limit averages over several seconds, so a server that sends
 * a burst and then goes silent is caught late; this watch ends the transfer
 * once no byte has arrived for stall_timeout_s. */
static int on_progress(void *ud, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
    (void)dltotal, (void)ultotal, (void)ulnow;
    price_http *h = ud;
    if (price_fetch_interrupted)
        return 1;
    double t = monotonic_s();
    if (dlnow != h->last_bytes) {
        h->last_bytes = dlnow;
        h->last_change = t;
    } else if (t - h->last_change >= (double)h->cfg.stall_timeout_s) {
        h->stalled = true;
        return 1;
    }
    return 0;
}

cir_code price_http_open(const price_fetch_cfg *cfg, price_http **out, cir_err *err)
{
    *out = NULL;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return cir_error(err, CIR_ENET, "libcurl", "cannot initialise libcurl");
    CURL *c = curl_easy_init();
    if (!c) {
        curl_global_cleanup();
        return cir_error(err, CIR_ENET, "libcurl", "cannot create a transfer handle");
    }
    price_http *h = xcalloc(1, sizeof *h);
    h->curl = c;
    h->cfg = *cfg;
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, cfg->connect_timeout_s);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, cfg->stall_timeout_s);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_USERAGENT, "circuit (price list sync)");
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, h);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, h);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    *out = h;
    return CIR_OK;
}

void price_http_close(price_http *h)
{
    if (!h)
        return;
    curl_easy_cleanup(h->curl);
    free(h);
    curl_global_cleanup();
}

/* ---- one request ------------------------------------------------------------------ */

static bool url_is_loopback(const char *url)
{
    CURLU *u = curl_url();
    char *host = NULL;
    bool yes = u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
               curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
               price_host_is_loopback(host);
    curl_free(host);
    curl_url_cleanup(u);
    return yes;
}

static bool is_redirect(long status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

static bool is_tls_error(CURLcode cc)
{
    switch (cc) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
        return true;
    default:
        return false;
    }
}

typedef struct attempt {
    CURLcode cc;
    cir_code policy;       /* a redirect to a forbidden URL */
    char *final_url;       /* caller frees */
} attempt;

/* One attempt: the request plus any redirects, each hop checked. */
static attempt run_attempt(price_http *h, const char *url, struct curl_slist *headers, cir_err *err)
{
    attempt a = {CURLE_OK, CIR_OK, xstrdup(url)};
    h->started = h->sink_failed = false;
    for (int hop = 0;; hop++) {
        h->url = a.final_url;
        h->errbuf[0] = '\0';
        h->stalled = false;
        h->last_bytes = -1;
        h->last_change = monotonic_s();
        memset(&h->resp, 0, sizeof h->resp);
        h->resp.content_length = -1;
        curl_easy_setopt(h->curl, CURLOPT_URL, a.final_url);
        curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER, headers);
        /* A proxy cannot reach our loopback; never send loopback through one. */
        curl_easy_setopt(h->curl, CURLOPT_NOPROXY, url_is_loopback(a.final_url) ? "*" : NULL);
        a.cc = curl_easy_perform(h->curl);
        if (h->stalled) {
            a.cc = CURLE_OPERATION_TIMEDOUT;
            snprintf(h->errbuf, sizeof h->errbuf, "no data for %ld s", h->cfg.stall_timeout_s);
        }
        if (a.cc != CURLE_OK || !is_redirect(h->resp.status))
            return a;
        char *next = NULL;
        curl_easy_getinfo(h->curl, CURLINFO_REDIRECT_URL, &next);
        if (!next) {
            a.policy = cir_error(err, CIR_ENET, a.final_url, "HTTP %ld redirect without a Location",
                                 h->resp.status);
            return a;
        }
        if (hop + 1 >= MAX_REDIRECTS) {
            a.policy = cir_error(err, CIR_ENET, a.final_url, "more than %d redirects",
                                 MAX_REDIRECTS);
            return a;
        }
        if (price_url_check(next, err)) {
            cir_err inner = *err;
            a.policy = cir_error(err, CIR_ENET, a.final_url, "refusing redirect to %.200s: %s", next,
                                 inner.msg);
            return a;
        }
        free(a.final_url);
        a.final_url = xstrdup(next);
    }
}

static const char *reason_for(long status, const char *given)
{
    if (given && *given)
        return given;
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}

static void describe_failure(price_http *h, const attempt *a, int tries, cir_err *err)
{
    char after[48] = "";
    if (tries > 1)
        snprintf(after, sizeof after, " (gave up after %d tries)", tries);
    const char *detail = h->errbuf[0] ? h->errbuf : curl_easy_strerror(a->cc);
    if (a->cc == CURLE_OK) {
        const char *reason = reason_for(h->resp.status, h->reason);
        cir_error(err, CIR_ENET, a->final_url, "HTTP %ld%s%s%s", h->resp.status, *reason ? " " : "",
                  reason, after);
    } else if (is_tls_error(a->cc)) {
        cir_error(err, CIR_ENET, a->final_url,
                  "TLS failure: %s (certificates are always verified)%s", detail, after);
    } else if (a->cc == CURLE_OPERATION_TIMEDOUT) {
        cir_error(err, CIR_ENET, a->final_url, "timed out or stalled: %s%s", detail, after);
    } else if (a->cc == CURLE_PARTIAL_FILE || a->cc == CURLE_RECV_ERROR ||
               a->cc == CURLE_GOT_NOTHING) {
        cir_error(err, CIR_ENET, a->final_url, "connection broken mid-transfer: %s%s", detail,
                  after);
    } else {
        cir_error(err, CIR_ENET, a->final_url, "%s%s", detail, after);
    }
}

/* Sleeps `ms`, waking early when interrupted. */
static void backoff_sleep(long ms)
{
    while (ms > 0 && !price_fetch_interrupted) {
        long slice = ms < 50 ? ms : 50;
        struct timespec ts = {0, slice * 1000000L};
        nanosleep(&ts, NULL);
        ms -= slice;
    }
}

static void reset_sink(price_http *h)
{
    if (h->started && h->sink->reset)
        h->sink->reset(h->sink->ctx);
    h->started = false;
}

cir_code price_http_get(price_http *h, const char *url, const char *if_none_match,
                        const price_sink *sink, price_http_resp *resp, cir_err *err)
{
    assert(sink && sink->feed);
    if (price_url_check(url, err))
        return err->code;
    struct curl_slist *headers = NULL;
    if (if_none_match && *if_none_match) {
        char *line = xasprintf("If-None-Match: %s", if_none_match);
        headers = curl_slist_append(headers, line);
        free(line);
    }
    h->sink = sink;
    cir_code rc = CIR_OK;
    for (int tryno = 1;; tryno++) {
        if (tryno > 1)
            backoff_sleep(price_fetch_backoff_ms(&h->cfg, tryno));
        attempt a = {CURLE_OK, CIR_OK, NULL};
        if (!price_fetch_interrupted)
            a = run_attempt(h, url, headers, err);
        if (price_fetch_interrupted) {
            reset_sink(h);
            rc = cir_error(err, CIR_ENET, a.final_url ? a.final_url : url,
                           "interrupted; the cache keeps its previous prices");
        } else if (a.policy) {
            reset_sink(h);
            rc = a.policy;
        } else if (h->sink_failed) {
            reset_sink(h);
            *err = h->sink_err;
            rc = err->code;
        } else if (a.cc == CURLE_OK && h->resp.status == 200) {
            if (!start_sink(h)) { /* an empty 200: let the sink judge it */
                reset_sink(h);
                *err = h->sink_err;
                rc = err->code;
            }
        } else if (a.cc == CURLE_OK && h->resp.status == 304 && headers) {
            rc = CIR_OK;
        } else {
            reset_sink(h);
            if (price_fetch_retryable(a.cc, h->resp.status) && tryno < h->cfg.tries) {
                free(a.final_url);
                continue;
            }
            describe_failure(h, &a, tryno, err);
            rc = err->code;
        }
        free(a.final_url);
        break;
    }
    if (resp)
        *resp = h->resp;
    curl_slist_free_all(headers);
    h->sink = NULL;
    return rc;
}

/* ---- small documents ------------------------------------------------------------------ */

typedef struct small_body {
    sbuf *body;
    size_t max;
} small_body;

static cir_code small_start(void *ctx, const char *url, const price_http_resp *r, cir_err *err)
{
    small_body *sb = ctx;
    sbuf_reset(sb->body);
    if (r->content_length > 0 && (unsigned long long)r->content_length > sb->max)
        return cir_error(err, CIR_EINPUT, url, "index file of %lld bytes is larger than %zu",
                         r->content_length, sb->max);
    return CIR_OK;
}

static cir_code small_feed(void *ctx, const char *data, size_t len, cir_err *err)
{
    small_body *sb = ctx;
    if (sb->body->len + len > sb->max)
        return cir_error(err, CIR_EINPUT, "index file", "larger than %zu bytes; not an index",
                         sb->max);
    sbuf_add(sb->body, data, len);
    return CIR_OK;
}

static void small_reset(void *ctx)
{
    small_body *sb = ctx;
    sbuf_reset(sb->body);
}

cir_code price_http_get_small(price_http *h, const char *url, sbuf *body, cir_err *err)
{
    small_body sb = {body, h->cfg.max_index_bytes};
    price_sink sink = {small_start, small_feed, small_reset, &sb};
    return price_http_get(h, url, NULL, &sink, NULL, err);
}
