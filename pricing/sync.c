/*
 * sync.c — price_sync(): the Bulk API walk from the offer index to each
 * regional CSV, streamed into an ingest session.
 *
 *   offer index  /offers/v1.0/aws/index.json       (once per sync)
 *   -> region index of each offer                   (once per offer)
 *   -> currentVersionUrl of each region, as .csv   (streamed)
 *
 * Each (offer, region) is one ingest session: the body is parsed as it
 * arrives and committed only when the whole file arrived and parsed, so a
 * dropped connection, a wrong body, a parse failure or Ctrl-C leaves the
 * previous prices for that pair exactly as they were.  The stored ETag is
 * sent as If-None-Match; a 304 only records the re-check.
 */
#include "cache.h"
#include "fetch.h"
#include "ingest.h"
#include "pricing.h"

#include "../src/core/mem.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* ---- the body sink: HTTP bytes into an ingest session ----------------------- */

typedef struct csv_sink {
    price_cache *cache;
    const char *service, *region;
    const char *url;           /* of the current attempt (borrowed for its duration) */
    price_ingest *in;          /* open session of the current attempt, or NULL */
    bool sniffed;
    int64_t bytes;
    /* progress line (TTY only) */
    bool progress;
    double t0, last_draw;
} csv_sink;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void draw_progress(csv_sink *s, bool force)
{
    double t = now_s();
    if (!s->progress || (!force && t - s->last_draw < 0.2))
        return;
    s->last_draw = t;
    double secs = t - s->t0 > 1e-3 ? t - s->t0 : 1e-3;
    int64_t seen = 0, kept = 0;
    if (s->in)
        price_ingest_progress(s->in, &seen, &kept);
    fprintf(stderr, "\r\033[K%s %s: %.1f MB, %.1f MB/s, %lld rows kept", s->service, s->region,
            (double)s->bytes / 1e6, (double)s->bytes / 1e6 / secs, (long long)kept);
    fflush(stderr);
}

static void clear_progress(csv_sink *s)
{
    if (s->progress && s->last_draw > 0) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}

/* Ingest errors name no topic; a sync's topic is the URL being read. */
static cir_code with_topic(cir_err *err, const char *url)
{
    if (err && !err->topic[0])
        snprintf(err->topic, sizeof err->topic, "%s", url);
    return err ? err->code : CIR_EINTERNAL;
}

static bool content_type_is(const char *ct, const char *word)
{
    return ct && strcasestr(ct, word) != NULL;
}

static cir_code sink_start(void *ctx, const char *url, const price_http_resp *r, cir_err *err)
{
    csv_sink *s = ctx;
    if (content_type_is(r->content_type, "html") || content_type_is(r->content_type, "json"))
        return cir_error(err, CIR_EPARSE, url,
                         "expected a CSV price list, got Content-Type %s; the cache keeps its "
                         "previous prices", r->content_type);
    price_ingest_meta meta = {
        .source = "aws",
        .etag = r->etag[0] ? r->etag : NULL,
        .last_modified = r->last_modified[0] ? r->last_modified : NULL,
        .expect_service = s->service,
        .expect_region = s->region,
    };
    s->url = url;
    s->sniffed = false;
    s->bytes = 0;
    s->t0 = now_s();
    if (price_ingest_begin(s->cache, &meta, &s->in, err))
        return with_topic(err, url);
    return CIR_OK;
}

static cir_code sink_feed(void *ctx, const char *data, size_t len, cir_err *err)
{
    csv_sink *s = ctx;
    assert(s->in);
    if (!s->sniffed) {
        price_body_kind k = price_body_sniff(data, len);
        if (k == PRICE_BODY_HTML || k == PRICE_BODY_JSON || k == PRICE_BODY_BINARY)
            return cir_error(err, CIR_EPARSE, s->url,
                             "the server sent %s, not a CSV price list; the cache keeps its "
                             "previous prices", price_body_kind_name(k));
        s->sniffed = k == PRICE_BODY_CSV;
    }
    s->bytes += (int64_t)len;
    if (price_ingest_feed(s->in, data, len, err))
        return with_topic(err, s->url);
    draw_progress(s, false);
    return CIR_OK;
}

static void sink_reset(void *ctx)
{
    csv_sink *s = ctx;
    if (s->in)
        price_ingest_abort(s->in);
    s->in = NULL;
    s->bytes = 0;
}

/* ---- one offer and region ---------------------------------------------------- */

static void fill_from_cache(price_cache *c, price_ingest_stats *st)
{
    price_offer_info *offers = NULL;
    size_t n = 0;
    cir_err ignored;
    if (price_cache_offers(c, &offers, &n, &ignored) != CIR_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(offers[i].service, st->service) == 0 && strcmp(offers[i].region, st->region) == 0) {
            snprintf(st->version, sizeof st->version, "%s", offers[i].version);
            snprintf(st->publication_date, sizeof st->publication_date, "%s",
                     offers[i].publication_date);
            st->rows_seen = offers[i].rows_seen;
            st->rows_kept = offers[i].rows_kept;
        }
    }
    free(offers);
}

static cir_code sync_one(price_cache *c, price_http *h, const char *service, const char *region,
                         const char *url, bool progress, price_ingest_stats *st, cir_err *err)
{
    memset(st, 0, sizeof *st);
    snprintf(st->service, sizeof st->service, "%s", service);
    snprintf(st->region, sizeof st->region, "%s", region);
    csv_sink s = {.cache = c, .service = service, .region = region, .progress = progress};
    price_sink sink = {sink_start, sink_feed, sink_reset, &s};
    price_http_resp resp;
    const char *etag = price_cache_etag(c, service, region);
    char *inm = etag && *etag ? xstrdup(etag) : NULL;
    cir_code rc = price_http_get(h, url, inm, &sink, &resp, err);
    free(inm);
    draw_progress(&s, true);
    clear_progress(&s);
    if (rc)
        return rc; /* the sink was reset: nothing of this attempt remains */
    if (resp.status == 304) {
        assert(!s.in);
        if (price_cache_touch(c, service, region, err))
            return err->code;
        st->not_modified = true;
        fill_from_cache(c, st);
        return CIR_OK;
    }
    assert(s.in);
    price_ingest *in = s.in;
    s.in = NULL;
    if (price_fetch_interrupted) {
        price_ingest_abort(in);
        return cir_error(err, CIR_ENET, url, "interrupted; the cache keeps its previous prices");
    }
    if (price_ingest_commit(in, st, err)) /* frees the session either way */
        return with_topic(err, url);
    if (st->bytes == 0)
        st->bytes = s.bytes;
    return CIR_OK;
}

/* ---- the walk ------------------------------------------------------------------ */

static cir_code fetch_index(price_http *h, const char *endpoint, const char *ref, price_index **out,
                            cir_err *err)
{
    *out = NULL;
    char *url;
    if (price_url_join(endpoint, ref, &url, err))
        return err->code;
    sbuf body = SBUF_INIT;
    cir_code rc = price_http_get_small(h, url, &body, err);
    if (rc == CIR_OK)
        rc = price_index_parse(body.data ? body.data : "", body.len, url, out, err);
    sbuf_free(&body);
    free(url);
    return rc;
}

static const char *default_region(void)
{
    const char *r = getenv("AWS_REGION");
    if (!r || !*r)
        r = getenv("AWS_DEFAULT_REGION");
    return r && *r ? r : "us-east-1";
}

static bool seen_before(const char *const *list, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (strcmp(list[j], list[i]) == 0)
            return true;
    return false;
}

typedef struct walk {
    price_cache *cache;
    price_http *http;
    const char *endpoint;
    const char *const *regions;
    bool explicit_services;
    bool progress;
    price_sync_report_fn report;
    void *ctx;
    size_t done, skipped;
} walk;

/* The regional price lists of one offer.  An offer the user did not name
 * that lacks a region (or is missing from a mirror's index) is skipped with
 * a warning; a named one is an error. */
static cir_code sync_offer(walk *w, const price_index *offers, const char *service, cir_err *err)
{
    const char *ref;
    cir_code rc = price_index_offer(offers, service, &ref, err);
    if (rc == CIR_EINPUT && !w->explicit_services) {
        cir_warn(service, "not in the offer index at %s; skipped", w->endpoint);
        w->skipped++;
        return CIR_OK;
    }
    if (rc)
        return rc;
    price_index *regions;
    if (fetch_index(w->http, w->endpoint, ref, &regions, err))
        return err->code;
    for (size_t i = 0; w->regions[i] && rc == CIR_OK; i++) {
        const char *region = w->regions[i];
        if (seen_before(w->regions, i))
            continue;
        const char *version_ref;
        rc = price_index_region(regions, service, region, &version_ref, err);
        if (rc == CIR_EINPUT && !w->explicit_services) {
            cir_warn(service, "no price list for region %s; skipped", region);
            w->skipped++;
            rc = CIR_OK;
            continue;
        }
        if (rc)
            break;
        char *json_url, *csv_url = NULL;
        rc = price_url_join(w->endpoint, version_ref, &json_url, err);
        if (rc == CIR_OK) {
            rc = price_url_csv(json_url, &csv_url, err);
            free(json_url);
        }
        price_ingest_stats st;
        if (rc == CIR_OK)
            rc = sync_one(w->cache, w->http, service, region, csv_url, w->progress, &st, err);
        free(csv_url);
        if (rc == CIR_OK) {
            w->done++;
            if (w->report)
                w->report(&st, w->ctx);
        }
    }
    price_index_free(regions);
    return rc;
}

cir_code price_sync(price_cache *c, const price_sync_opts *o, price_sync_report_fn report,
                    void *ctx, cir_err *err)
{
    price_fetch_cfg cfg;
    if (price_fetch_cfg_env(&cfg, err))
        return err->code;
    char *endpoint;
    if (price_endpoint_resolve(o->endpoint, &endpoint, err))
        return err->code;
    const char *fallback[] = {default_region(), NULL};
    walk w = {
        .cache = c,
        .endpoint = endpoint,
        .regions = o->regions && o->regions[0] ? o->regions : fallback,
        .explicit_services = o->services && o->services[0],
        .progress = o->progress && isatty(STDERR_FILENO),
        .report = report,
        .ctx = ctx,
    };
    const char *const *services = w.explicit_services    ? o->services
                                  : o->default_services ? o->default_services
                                                        : price_default_services;
    cir_code rc = price_http_open(&cfg, &w.http, err);
    price_index *offers = NULL;
    if (rc == CIR_OK) {
        price_fetch_trap_signals(true);
        rc = fetch_index(w.http, endpoint, PRICE_OFFER_INDEX_PATH, &offers, err);
    }
    for (size_t i = 0; rc == CIR_OK && services[i]; i++) {
        if (seen_before(services, i))
            continue;
        rc = sync_offer(&w, offers, services[i], err);
        if (rc == CIR_OK && price_fetch_interrupted)
            rc = cir_error(err, CIR_ENET, "pricing sync",
                           "interrupted; price lists synced so far are kept, the rest unchanged");
    }
    if (rc == CIR_OK && w.done == 0)
        rc = cir_error(err, CIR_EINPUT, endpoint,
                       "nothing to sync: every offer or region asked for was skipped (%zu, see "
                       "the warnings)", w.skipped);
    price_index_free(offers);
    if (w.http) {
        price_fetch_trap_signals(false);
        price_http_close(w.http);
    }
    free(endpoint);
    return rc;
}
