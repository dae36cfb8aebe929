/*
 * cmd-pricing.c — `circuit pricing import|status|query` and the pricing
 * subcommand table (`sync` lives in cmd-pricing-sync.c).
 *
 *   import FILE...   load AWS price-list CSVs fetched elsewhere (air-gapped)
 *   status           what the cache holds, from where, how old, how big
 *   query            the rows matching a service, region, family and
 *                    attribute filters (key=value exact, key~pattern PCRE2)
 * All three talk to the cache only through pricing/pricing.h.  None of them
 * touches the network, so --offline is accepted and changes nothing.  Their
 * JSON documents (circuit.pricing.<verb>/v1) go through core/jsonw.h.
 */
#include "cli.h"

#include "../../pricing/pricing.h"
#include "../core/jsonw.h"
#include "../core/mem.h"
#include "../core/out.h"
#include "../core/sbuf.h"
#include "../cost/cost_model.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

extern const cmd_entry cmd_pricing_sync_entry;

typedef enum { FOR_WRITING, FOR_STATUS, FOR_PRICING } cache_use;

/* import writes and says so when it cannot; status and query only read, so
 * a read-only cache serves them; query, which prices, also falls back to a
 * temporary cache filled from the snapshot when none can be created (status
 * would only describe that empty stand-in, so it reports the problem). */
static cir_code open_cache(const cli_opts *o, cache_use use, price_cache **c, cir_err *err)
{
    price_open_opts opts = {.path = o->cache, .reading = use != FOR_WRITING,
                            .temp_fallback = use == FOR_PRICING};
    return price_cache_open(&opts, c, err);
}

/* ---- import ------------------------------------------------------------- */

static void import_line(sbuf *doc, const char *file, const price_ingest_stats *st)
{
    sbuf_printf(doc,
                "imported %s: %s %s, version %s (published %s), rows seen %lld, kept %lld, "
                "bad %lld\n",
                file, st->service, st->region, st->version[0] ? st->version : "unknown",
                st->publication_date[0] ? st->publication_date : "unknown",
                (long long)st->rows_seen, (long long)st->rows_kept, (long long)st->rows_bad);
}

static void import_json(jw *w, const char *file, const price_ingest_stats *st)
{
    jw_object(w, JW_LINE);
    jw_kstr(w, "file", file);
    jw_kstr(w, "service", st->service);
    jw_kstr(w, "region", st->region);
    jw_kstr(w, "version", st->version);
    jw_kstr(w, "publication_date", st->publication_date);
    jw_kint(w, "rows_seen", (long long)st->rows_seen);
    jw_kint(w, "rows_kept", (long long)st->rows_kept);
    jw_kint(w, "rows_bad", (long long)st->rows_bad);
    jw_kint(w, "bytes", (long long)st->bytes);
    jw_end_object(w);
}

static int import_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    price_cache *c;
    if (open_cache(o, FOR_WRITING, &c, err) != CIR_OK)
        return CIR_EXIT_ERROR;
    bool json = strcmp(o->format, "json") == 0;
    sbuf doc = SBUF_INIT;
    jw w;
    if (json) {
        jw_begin_document(&w, &doc, JW_BLOCK, "circuit.pricing.import/v1");
        jw_kstr(&w, "cache", price_cache_path(c));
        jw_karray(&w, "imports", JW_BLOCK);
    }
    int rc = CIR_EXIT_OK;
    for (size_t i = 0; i < o->args.n; i++) {
        const char *file = o->args.items[i];
        price_ingest_stats st;
        if (price_import_file(c, file, &st, err) != CIR_OK) {
            rc = CIR_EXIT_ERROR;
            break;
        }
        if (json)
            import_json(&w, file, &st);
        else
            import_line(&doc, file, &st);
    }
    /* Files before a failure are imported (each is its own transaction), so
     * say so; a JSON document is all or nothing. */
    if (json && rc == CIR_EXIT_OK) {
        jw_end_array(&w);
        jw_end_document(&w);
    }
    if (rc == CIR_EXIT_OK || !json) {
        cir_err out_err;
        if (out_emit(o->output, &doc, rc == CIR_EXIT_OK ? err : &out_err) != CIR_OK)
            rc = CIR_EXIT_ERROR;
    }
    sbuf_free(&doc);
    price_cache_close(c);
    return rc;
}

/* ---- status ------------------------------------------------------------- */

static long long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

static long long cache_bytes(const char *path)
{
    char *wal = xasprintf("%s-wal", path);
    long long n = file_size(path) + file_size(wal);
    free(wal);
    return n;
}

/* "Now" for ages: the start of CIRCUIT_DATE's day when it is set (the day
 * cost figures are evaluated for; tests pin it), else the clock. */
static time_t status_now(void)
{
    if (getenv("CIRCUIT_DATE")) {
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        const char *end = strptime(cost_today(), "%Y-%m-%d", &tm);
        if (end && !*end)
            return timegm(&tm);
    }
    return time(NULL);
}

/* Seconds from an ISO 8601 UTC time to `now`, or -1 when it cannot be read. */
static long long age_seconds(const char *iso, time_t now)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *end = strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (!end || *end)
        return -1;
    long long age = (long long)(now - timegm(&tm));
    return age < 0 ? 0 : age;
}

static void format_age(long long s, char *out, size_t size)
{
    if (s < 0)
        snprintf(out, size, "?");
    else if (s < 60)
        snprintf(out, size, "%llds", s);
    else if (s < 3600)
        snprintf(out, size, "%lldm", s / 60);
    else if (s < 86400)
        snprintf(out, size, "%lldh", s / 3600);
    else
        snprintf(out, size, "%lldd", s / 86400);
}

static void format_size(long long n, char *out, size_t size)
{
    if (n < 1024)
        snprintf(out, size, "%lld B", n);
    else if (n < 1024 * 1024)
        snprintf(out, size, "%.1f KiB", (double)n / 1024);
    else
        snprintf(out, size, "%.1f MiB", (double)n / (1024 * 1024));
}

/* One line of the status: a price list in the cache, or one the bundled
 * snapshot holds that has not been loaded yet. */
typedef struct status_entry {
    price_offer_info info;
    bool loaded;
} status_entry;

static int cmp_entry(const void *a, const void *b)
{
    const status_entry *x = a, *y = b;
    int k = strcmp(x->info.service, y->info.service);
    return k ? k : strcmp(x->info.region, y->info.region);
}

static bool listed(const cli_list *l, const char *v)
{
    if (!l->n)
        return true;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], v) == 0)
            return true;
    return false;
}

/* The cache's price lists, then the snapshot's that the cache lacks, kept
 * when --service / --region name them; sorted.  Caller frees. */
static status_entry *status_entries(const cli_opts *o, const price_offer_info *cached, size_t nc,
                                    size_t *n)
{
    price_offer_info *snap;
    size_t ns = price_snapshot_offers(&snap);
    status_entry *v = xcalloc(nc + ns + 1, sizeof *v);
    *n = 0;
    for (size_t i = 0; i < nc; i++)
        if (listed(&o->services, cached[i].service) && listed(&o->regions, cached[i].region))
            v[(*n)++] = (status_entry){cached[i], true};
    for (size_t i = 0; i < ns; i++) {
        bool have = false;
        for (size_t k = 0; k < nc && !have; k++)
            have = strcmp(cached[k].service, snap[i].service) == 0 &&
                   strcmp(cached[k].region, snap[i].region) == 0;
        if (!have && listed(&o->services, snap[i].service) && listed(&o->regions, snap[i].region))
            v[(*n)++] = (status_entry){snap[i], false};
    }
    free(snap);
    qsort(v, *n, sizeof *v, cmp_entry);
    return v;
}

static int width(const status_entry *v, size_t n, size_t off, int min)
{
    int w = min;
    for (size_t i = 0; i < n; i++) {
        int len = (int)strlen((const char *)&v[i].info + off);
        if (len > w)
            w = len;
    }
    return w;
}

/* The first line about the snapshot: how much it holds and how old. */
static void snapshot_summary(sbuf *doc, time_t now)
{
    price_offer_info *snap;
    size_t ns = price_snapshot_offers(&snap);
    if (!ns) {
        sbuf_puts(doc, "bundled snapshot: none in this build\n");
        return;
    }
    size_t offers = 0, regions = 0, global = 0;
    const char *oldest = snap[0].publication_date, *newest = snap[0].publication_date;
    for (size_t i = 0; i < ns; i++) {
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(snap[k].service, snap[i].service) == 0;
        offers += !seen;
        seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(snap[k].region, snap[i].region) == 0;
        if (strcmp(snap[i].region, "global") == 0)
            global = 1;
        else
            regions += !seen;
        if (strcmp(snap[i].publication_date, oldest) < 0)
            oldest = snap[i].publication_date;
        if (strcmp(snap[i].publication_date, newest) > 0)
            newest = snap[i].publication_date;
    }
    char age[32];
    format_age(age_seconds(oldest, now), age, sizeof age);
    sbuf_printf(doc,
                "bundled snapshot: %zu price lists (%zu offers, %zu regions%s), published "
                "%.10s to %.10s (oldest %s ago); each loads into the cache on first use\n",
                ns, offers, regions, global ? " and global" : "", oldest, newest, age);
    free(snap);
}

static void status_table(sbuf *doc, const cli_opts *opts, const char *path, long long bytes,
                         const status_entry *v, size_t n, size_t ncached, time_t now)
{
    char size[32];
    format_size(bytes, size, sizeof size);
    sbuf_printf(doc, "price cache: %s (%s)\n", path, size);
    snapshot_summary(doc, now);
    if (n == 0) {
        if (opts->services.n || opts->regions.n)
            sbuf_puts(doc, "no cached or bundled price list matches --service/--region: run "
                           "'circuit pricing sync --region REGION [--service OFFER]' to fetch "
                           "one\n");
        else
            sbuf_puts(doc, "no price lists: run 'circuit pricing sync --region REGION' to fetch "
                           "AWS's current prices, or 'circuit pricing import FILE' for price-list "
                           "CSVs copied here\n");
        return;
    }
    int ws = width(v, n, offsetof(price_offer_info, service), 7);
    int wr = width(v, n, offsetof(price_offer_info, region), 6);
    int wv = width(v, n, offsetof(price_offer_info, version), 7);
    sbuf_printf(doc, "%-*s  %-*s  %-*s  %-20s  %6s  %-20s  %8s  %s\n", ws, "SERVICE", wr, "REGION",
                wv, "VERSION", "PUBLISHED", "AGE", "FETCHED", "ROWS", "SOURCE");
    for (size_t i = 0; i < n; i++) {
        const price_offer_info *o = &v[i].info;
        char age[32];
        format_age(age_seconds(o->publication_date, now), age, sizeof age);
        sbuf_printf(doc, "%-*s  %-*s  %-*s  %-20s  %6s  %-20s  %8lld  %s\n", ws, o->service, wr,
                    o->region, wv, o->version[0] ? o->version : "-",
                    o->publication_date[0] ? o->publication_date : "-", age,
                    v[i].loaded ? o->fetched_at : "-", (long long)o->rows_kept,
                    v[i].loaded ? o->source : "snapshot (not loaded)");
    }
    if (!ncached)
        sbuf_puts(doc, "nothing loaded yet: a plan's prices load from the snapshot as it needs "
                       "them; 'circuit pricing sync --region REGION' fetches AWS's current prices\n");
}

static void json_offer(jw *w, const price_offer_info *o, time_t now)
{
    jw_object(w, JW_LINE);
    jw_kstr(w, "service", o->service);
    jw_kstr(w, "region", o->region);
    jw_kstr(w, "version", o->version);
    jw_kstr(w, "publication_date", o->publication_date);
    jw_kint(w, "age_seconds", age_seconds(o->publication_date, now));
    jw_kstr(w, "source", o->source);
    jw_kstr(w, "fetched_at", o->fetched_at);
    jw_kstr(w, "etag", o->etag);
    jw_kstr(w, "last_modified", o->last_modified);
    jw_kint(w, "rows_seen", (long long)o->rows_seen);
    jw_kint(w, "rows_kept", (long long)o->rows_kept);
    jw_end_object(w);
}

/* "offers": what the cache holds; "snapshot": the bundled price lists not
 * loaded into it yet (same fields, no fetch time). */
static void status_json(sbuf *doc, const char *path, long long bytes, const status_entry *v,
                        size_t n, time_t now)
{
    jw w;
    jw_begin_document(&w, doc, JW_BLOCK, "circuit.pricing.status/v1");
    jw_kobject(&w, "cache", JW_LINE);
    jw_kstr(&w, "path", path);
    jw_kint(&w, "bytes", bytes);
    jw_end_object(&w);
    for (int loaded = 1; loaded >= 0; loaded--) {
        jw_karray(&w, loaded ? "offers" : "snapshot", JW_BLOCK);
        for (size_t i = 0; i < n; i++)
            if (v[i].loaded == (bool)loaded)
                json_offer(&w, &v[i].info, now);
        jw_end_array(&w);
    }
    jw_end_document(&w);
}

static int status_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    price_cache *c;
    if (open_cache(o, FOR_STATUS, &c, err) != CIR_OK)
        return CIR_EXIT_ERROR;
    price_offer_info *offers;
    size_t nc;
    int rc = CIR_EXIT_OK;
    if (price_cache_offers(c, &offers, &nc, err) != CIR_OK) {
        price_cache_close(c);
        return CIR_EXIT_ERROR;
    }
    size_t n;
    status_entry *v = status_entries(o, offers, nc, &n);
    const char *path = price_cache_path(c);
    long long bytes = cache_bytes(path);
    time_t now = status_now();
    sbuf doc = SBUF_INIT;
    if (strcmp(o->format, "json") == 0)
        status_json(&doc, path, bytes, v, n, now);
    else
        status_table(&doc, o, path, bytes, v, n, nc, now);
    if (out_emit(o->output, &doc, err) != CIR_OK)
        rc = CIR_EXIT_ERROR;
    sbuf_free(&doc);
    free(v);
    free(offers);
    price_cache_close(c);
    return rc;
}

/* ---- query -------------------------------------------------------------- */

/* "key=value" (exact) or "key~pattern" (PCRE2). */
static cir_code parse_attr(const char *arg, price_filter *f, char **key, cir_err *err)
{
    size_t k = strcspn(arg, "=~");
    if (arg[k] == '\0' || k == 0)
        return cir_error(err, CIR_EUSAGE, "pricing query",
                         "--attr wants KEY=VALUE or KEY~PATTERN, got \"%s\"", arg);
    *key = xstrndup(arg, k);
    f->key = *key;
    f->value = arg + k + 1;
    f->match = arg[k] == '~' ? PRICE_REGEX : PRICE_EXACT;
    return CIR_OK;
}

/* The matches of every --service, in the order given, as one document. */
static void query_json(sbuf *doc, const price_match_list *lists, size_t nlists)
{
    jw w;
    jw_begin_document(&w, doc, JW_BLOCK, "circuit.pricing.query/v1");
    jw_karray(&w, "matches", JW_BLOCK);
    for (size_t k = 0; k < nlists; k++)
    for (size_t i = 0; i < lists[k].n; i++) {
        const price_match_list *l = &lists[k];
        const price_match *m = &l->items[i];
        jw_object(&w, JW_LINE);
        jw_kstr(&w, "sku", m->sku);
        jw_kstr(&w, "service", m->service);
        jw_kstr(&w, "family", m->family);
        jw_kstr(&w, "region", m->region);
        jw_kstr(&w, "unit", m->unit);
        jw_kstr(&w, "usd", m->usd);
        jw_kstr(&w, "description", m->description);
        jw_kraw(&w, "attributes", l->attrs_json[i]);   /* a JSON object as stored */
        jw_kstr(&w, "version", m->version);
        jw_kstr(&w, "publication_date", m->publication_date);
        jw_end_object(&w);
    }
    jw_end_array(&w);
    jw_end_document(&w);
}

static void query_table(sbuf *doc, const price_query *q, const price_match_list *l)
{
    if (l->n == 0) {
        sbuf_printf(doc, "no %s prices in %s match\n", q->service, q->region);
        return;
    }
    const price_match *m0 = &l->items[0];
    sbuf_printf(doc, "%zu price%s for %s in %s (price list %s, published %s, source %s)\n", l->n,
                l->n == 1 ? "" : "s", m0->service, m0->region, m0->version, m0->publication_date,
                m0->source);
    sbuf_printf(doc, "%-20s %16s  %-10s %-26s %s\n", "SKU", "USD", "UNIT", "FAMILY", "DESCRIPTION");
    for (size_t i = 0; i < l->n; i++) {
        const price_match *m = &l->items[i];
        size_t start = doc->len;
        sbuf_printf(doc, "%-20s %16s  %-10s %-26s %s", m->sku, m->usd, m->unit,
                    m->family[0] ? m->family : "-", m->description);
        while (doc->len > start && doc->data[doc->len - 1] == ' ')
            doc->len--; /* no trailing blanks when the description is empty */
        sbuf_putc(doc, '\n');
    }
}

static int query_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    if (o->services.n == 0)
        return cir_error(err, CIR_EUSAGE, o->command, "--service is required (e.g. --service AmazonEC2)"),
               CIR_EXIT_ERROR;
    price_filter *filters = xcalloc(o->attrs.n + 1, sizeof *filters);
    char **keys = xcalloc(o->attrs.n + 1, sizeof *keys);
    int rc = CIR_EXIT_ERROR;
    price_cache *c = NULL;
    size_t ns = o->services.n;
    price_match_list *lists = xcalloc(ns, sizeof *lists);
    size_t nf = 0;
    for (; nf < o->attrs.n; nf++)
        if (parse_attr(o->attrs.items[nf], &filters[nf], &keys[nf], err) != CIR_OK)
            goto done;
    price_query q = {
        .family = o->family,
        .region = cli_default_region(o, NULL),
        .filters = filters,
        .nfilters = nf,
    };
    if (open_cache(o, FOR_PRICING, &c, err) != CIR_OK)
        goto done;
    for (size_t k = 0; k < ns; k++) {
        q.service = o->services.items[k];
        if (price_query_all(c, &q, 0, &lists[k], err) != CIR_OK)
            goto done;
    }
    sbuf doc = SBUF_INIT;
    if (strcmp(o->format, "json") == 0) {
        query_json(&doc, lists, ns);
    } else {
        for (size_t k = 0; k < ns; k++) {
            if (k)
                sbuf_putc(&doc, '\n');
            q.service = o->services.items[k];
            query_table(&doc, &q, &lists[k]);
        }
    }
    rc = out_emit(o->output, &doc, err) == CIR_OK ? CIR_EXIT_OK : CIR_EXIT_ERROR;
    sbuf_free(&doc);
done:
    for (size_t k = 0; k < ns; k++)
        price_matches_free(&lists[k]);
    free(lists);
    price_cache_close(c);
    for (size_t i = 0; i < nf; i++)
        free(keys[i]);
    free(keys);
    free(filters);
    return rc;
}

/* ---- the table ------------------------------------------------------------ */

static const cmd_entry cmd_pricing_import_entry = {
    .name = "import",
    .args_usage = "FILE...",
    .summary = "load AWS price-list CSV files into the cache (no network)",
    .help = "Each FILE is an AWS Price List regional CSV (the offer's index.csv), read as it "
            "streams.\nThe offer comes from its OfferCode row, the region from its rows; "
            "on-demand USD prices\nfor that region are kept and replace the cached ones "
            "for the same offer and region,\nall or nothing.  \"-\" reads one CSV from stdin.",
    .options = OPT_CACHE | OPT_OFFLINE | OPT_FORMAT | OPT_OUTPUT | OPT_QUIET,
    .noeffect = OPT_REGION | OPT_USAGE | OPT_RULES | OPT_NO_COLOR,
    .formats = "table,json",
    .min_args = 1,
    .max_args = -1,
    .exec = import_exec,
};

static const cmd_entry cmd_pricing_status_entry = {
    .name = "status",
    .summary = "the price lists at hand: cached and bundled, by offer and region, with their age",
    .help = "One line per price list: those in the cache and those the bundled snapshot holds\n"
            "(they load on first use).  AGE is the age of the price list itself, from its\n"
            "publication date (as of CIRCUIT_DATE when set).  --service and --region (each\n"
            "repeatable) keep only those offers and regions.",
    .options = OPT_CACHE | OPT_OFFLINE | OPT_FORMAT | OPT_OUTPUT | OPT_QUIET | OPT_SERVICE |
               OPT_REGION,
    .noeffect = OPT_USAGE | OPT_RULES | OPT_NO_COLOR,
    .formats = "table,json",
    .max_args = 0,
    .exec = status_exec,
};

static const cmd_entry cmd_pricing_query_entry = {
    .name = "query",
    .summary = "show the cached prices matching a service, region, family and attributes",
    .help = "--attr KEY=VALUE matches exactly, --attr 'KEY~PATTERN' with a PCRE2 pattern; all "
            "filters\nmust hold.  Keys are the JSON offer keys (instanceType, operatingSystem, "
            "tenancy,\npreInstalledSw, capacitystatus, usagetype, volumeApiName, "
            "databaseEngine, ...) plus\nsku, unit, description, beginRange, endRange.  Rows "
            "come sorted by price, then SKU.",
    .options = OPT_SERVICE | OPT_REGION | OPT_FAMILY | OPT_ATTR | OPT_CACHE | OPT_OFFLINE |
               OPT_FORMAT | OPT_OUTPUT | OPT_QUIET,
    .noeffect = OPT_USAGE | OPT_RULES | OPT_NO_COLOR,
    .formats = "table,json",
    .max_args = 0,
    .exec = query_exec,
};

static const cmd_entry *const pricing_subcommands[] = {
    &cmd_pricing_sync_entry,
    &cmd_pricing_import_entry,
    &cmd_pricing_status_entry,
    &cmd_pricing_query_entry,
    NULL,
};

const cmd_entry cmd_pricing_entry = {
    .name = "pricing",
    .args_usage = "sync|import|status|query",
    .summary = "manage the local AWS price cache",
    .subcommands = pricing_subcommands,
};
