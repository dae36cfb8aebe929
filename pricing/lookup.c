/*
 * lookup.c — answering price questions from the cache (price_lookup,
 * price_query_all; see pricing.h).
 *
 * A query names an offer, a region, optionally a product family and a unit,
 * and attribute filters (exact, PCRE2, or usagetype-with-region-prefix).
 * The family and the hot selectors (instanceType, usagetype, unit) narrow
 * the SQL through the price table's indexes; every filter is then checked
 * in C against the row, reading other attributes from the row's blob.
 *
 * Where the prices come from: the (offer, region) price list in the cache;
 * if the cache has none and the bundled snapshot has one, it is imported
 * first (source "snapshot", the ordinary ingest path); failing both, the
 * offer's "global" price list (Route 53 and other services that AWS prices
 * once for all regions, location "Global").
 *
 * Pick rule (price_lookup): among matching rows, the smallest non-zero
 * price; a $0 row wins only when every candidate is $0; ties go to the
 * smaller SKU, then the smaller rate code.  `candidates` says how many rows
 * matched, so callers can report an ambiguous selector.
 *
 * Memo: identical lookups (same offer, region, family, unit, filters in the
 * same order) are answered from memory, misses included; any import through
 * this cache handle clears the memo.  PCRE2 patterns are compiled once per
 * handle.
 */
#include "attrs.h"
#include "cache.h"
#include "ingest.h"
#include "regions.h"

#include "../src/core/mem.h"
#include "../src/core/sbuf.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- state: memo and compiled patterns ----------------------------------- */

typedef struct memo_entry {
    struct memo_entry *next;
    char *key;
    cir_code code;
    price_match match;
    cir_err err;
} memo_entry;

typedef struct regex_entry {
    char *pattern;
    pcre2_code *code;
} regex_entry;

struct lookup_state {
    memo_entry **memo;
    size_t memo_cap, memo_n;
    regex_entry *regex;
    size_t nregex, regex_cap;
    pcre2_match_data *md;
};

static lookup_state *state(price_cache *c)
{
    if (!c->lookup)
        c->lookup = xcalloc(1, sizeof *c->lookup);
    return c->lookup;
}

static void memo_clear(lookup_state *s)
{
    for (size_t i = 0; i < s->memo_cap; i++)
        while (s->memo[i]) {
            memo_entry *e = s->memo[i];
            s->memo[i] = e->next;
            free(e->key);
            free(e);
        }
    s->memo_n = 0;
}

void price_lookup_invalidate(price_cache *c)
{
    if (c->lookup)
        memo_clear(c->lookup);
}

void price_lookup_free(price_cache *c)
{
    lookup_state *s = c->lookup;
    if (!s)
        return;
    memo_clear(s);
    free(s->memo);
    for (size_t i = 0; i < s->nregex; i++) {
        free(s->regex[i].pattern);
        pcre2_code_free(s->regex[i].code);
    }
    free(s->regex);
    if (s->md)
        pcre2_match_data_free(s->md);
    free(s);
    c->lookup = NULL;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static memo_entry *memo_find(lookup_state *s, const char *key)
{
    if (!s->memo_cap)
        return NULL;
    for (memo_entry *e = s->memo[hash_str(key) % s->memo_cap]; e; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

static memo_entry *memo_add(lookup_state *s, const char *key)
{
    if (s->memo_n + 1 > s->memo_cap * 2) {
        size_t cap = s->memo_cap ? s->memo_cap * 4 : 64;
        memo_entry **table = xcalloc(cap, sizeof *table);
        for (size_t i = 0; i < s->memo_cap; i++)
            while (s->memo[i]) {
                memo_entry *e = s->memo[i];
                s->memo[i] = e->next;
                size_t h = hash_str(e->key) % cap;
                e->next = table[h];
                table[h] = e;
            }
        free(s->memo);
        s->memo = table;
        s->memo_cap = cap;
    }
    memo_entry *e = xcalloc(1, sizeof *e);
    e->key = xstrdup(key);
    size_t h = hash_str(key) % s->memo_cap;
    e->next = s->memo[h];
    s->memo[h] = e;
    s->memo_n++;
    return e;
}

/* Compiles `pattern` once per cache handle.  CIR_EUSAGE on a bad pattern. */
static cir_code get_regex(price_cache *c, const char *key, const char *pattern, pcre2_code **out,
                          cir_err *err)
{
    lookup_state *s = state(c);
    for (size_t i = 0; i < s->nregex; i++)
        if (strcmp(s->regex[i].pattern, pattern) == 0) {
            *out = s->regex[i].code;
            return CIR_OK;
        }
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code,
                                   &offset, NULL);
    if (!re) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(code, msg, sizeof msg);
        return cir_error(err, CIR_EUSAGE, "pricing", "bad pattern for %s: %s (at offset %zu)", key,
                         (const char *)msg, (size_t)offset);
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* best effort: falls back to the interpreter */
    s->regex = xgrow(s->regex, &s->regex_cap, s->nregex + 1, sizeof *s->regex);
    s->regex[s->nregex].pattern = xstrdup(pattern);
    s->regex[s->nregex++].code = re;
    if (!s->md)
        s->md = pcre2_match_data_create(4, NULL);
    *out = re;
    return CIR_OK;
}

/* ---- columns a filter can name ------------------------------------------ */

enum { Q_SKU, Q_FAMILY, Q_INSTANCE_TYPE, Q_USAGETYPE, Q_UNIT, Q_USD, Q_USD_VALUE, Q_BEGIN, Q_END,
       Q_RATE_CODE, Q_DESCRIPTION, Q_ATTRS, Q_NCOLS };

#define SELECT_COLUMNS \
    "sku, family, instance_type, usagetype, unit, usd, usd_value, begin_range, end_range," \
    " rate_code, description, attrs"

/* Keys with a column of their own. */
static const struct {
    const char *key;
    int column;
} direct_keys[] = {
    {"instanceType", Q_INSTANCE_TYPE}, {"usagetype", Q_USAGETYPE}, {"sku", Q_SKU},
    {"productFamily", Q_FAMILY},       {"unit", Q_UNIT},           {"beginRange", Q_BEGIN},
    {"endRange", Q_END},               {"rateCode", Q_RATE_CODE},  {"description", Q_DESCRIPTION},
};

typedef struct compiled_filter {
    const price_filter *f;
    int column;       /* Q_* for a direct key, -1 for a blob attribute */
    long blob_index;  /* -1: the offer has no such column (always empty) */
    pcre2_code *re;
    size_t value_len;
} compiled_filter;

typedef struct dataset {
    price_offer_row row;
    const char *prefix;   /* usagetype prefix for PRICE_USAGETYPE */
    char **keys;          /* blob keys of the offer */
    size_t nkeys;
} dataset;

static void dataset_free(dataset *d)
{
    free(d->row.columns);
    free(d->keys);
    memset(d, 0, sizeof *d);
}

/* Splits the offers row's tab-separated key list (in place). */
static void split_keys(dataset *d)
{
    char *s = d->row.columns;
    size_t cap = 0;
    if (!s || !*s)
        return;
    for (;;) {
        d->keys = xgrow(d->keys, &cap, d->nkeys + 1, sizeof *d->keys);
        d->keys[d->nkeys++] = s;
        char *tab = strchr(s, '\t');
        if (!tab)
            break;
        *tab = '\0';
        s = tab + 1;
    }
}

static cir_code key_error(price_cache *c, const dataset *d, const char *key, cir_err *err)
{
    (void)c;
    char known[400] = "";
    size_t n = 0;
    for (size_t i = 0; i < sizeof direct_keys / sizeof direct_keys[0] && n < sizeof known; i++)
        n += (size_t)snprintf(known + n, sizeof known - n, "%s%s", n ? ", " : "",
                              direct_keys[i].key);
    for (size_t i = 0; i < d->nkeys && n < sizeof known; i++)
        n += (size_t)snprintf(known + n, sizeof known - n, ", %s", d->keys[i]);
    if (n >= sizeof known)
        memcpy(known + sizeof known - 4, "...", 4);
    return cir_error(err, CIR_ENOPRICE, "pricing", "no attribute \"%s\" in the %s %s price list (it has: %s)",
                     key, d->row.info.service, d->row.info.region, known);
}

static cir_code compile_filters(price_cache *c, const dataset *d, const price_query *q,
                                compiled_filter *out, cir_err *err)
{
    for (size_t i = 0; i < q->nfilters; i++) {
        const price_filter *f = &q->filters[i];
        compiled_filter *cf = &out[i];
        memset(cf, 0, sizeof *cf);
        cf->f = f;
        cf->column = -1;
        cf->blob_index = -1;
        cf->value_len = f->value ? strlen(f->value) : 0;
        if (!f->key || !f->value)
            return cir_error(err, CIR_EUSAGE, "pricing", "a price filter needs a key and a value");
        for (size_t k = 0; k < sizeof direct_keys / sizeof direct_keys[0]; k++)
            if (strcmp(direct_keys[k].key, f->key) == 0)
                cf->column = direct_keys[k].column;
        if (cf->column < 0) {
            for (size_t k = 0; k < d->nkeys; k++)
                if (strcmp(d->keys[k], f->key) == 0)
                    cf->blob_index = (long)k;
            /* An absent column reads as empty: fine for `key=` (must be
             * empty), a typo otherwise. */
            if (cf->blob_index < 0 && !(f->match == PRICE_EXACT && cf->value_len == 0))
                return key_error(c, d, f->key, err);
        }
        if (f->match == PRICE_REGEX && get_regex(c, f->key, f->value, &cf->re, err) != CIR_OK)
            return err->code;
    }
    return CIR_OK;
}

static void filter_value(sqlite3_stmt *st, const compiled_filter *cf, const char **v, size_t *len)
{
    if (cf->column >= 0) {
        *v = (const char *)sqlite3_column_text(st, cf->column);
        *len = (size_t)sqlite3_column_bytes(st, cf->column);
        if (!*v)
            *v = "";
        return;
    }
    *v = "";
    *len = 0;
    if (cf->blob_index >= 0) {
        const void *blob = sqlite3_column_blob(st, Q_ATTRS);
        size_t n = (size_t)sqlite3_column_bytes(st, Q_ATTRS);
        if (blob && !price_blob_get(blob, n, (size_t)cf->blob_index, v, len)) {
            *v = "";
            *len = 0;
        }
    }
}

static bool row_matches(price_cache *c, const dataset *d, sqlite3_stmt *st,
                        const compiled_filter *cfs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const compiled_filter *cf = &cfs[i];
        const char *v;
        size_t len;
        filter_value(st, cf, &v, &len);
        bool ok;
        switch (cf->f->match) {
        case PRICE_EXACT:
            ok = len == cf->value_len && memcmp(v, cf->f->value, len) == 0;
            break;
        case PRICE_REGEX:
            ok = pcre2_match(cf->re, (PCRE2_SPTR)v, len, 0, 0, c->lookup->md, NULL) >= 0;
            break;
        case PRICE_USAGETYPE:
            ok = price_usagetype_match(v, len, cf->f->value, d->prefix);
            break;
        default:
            ok = false;
        }
        if (!ok)
            return false;
    }
    return true;
}

/* ---- where the prices come from ------------------------------------------ */

static cir_code load_snapshot(price_cache *c, const char *service, const char *region, cir_err *err)
{
    if (c->readonly || c->no_snapshot || !c->snapshot_find)
        return CIR_OK;
    const price_snapshot_file *f = c->snapshot_find(service, region);
    if (!f)
        return CIR_OK;
    price_ingest_meta m = {.source = "snapshot", .expect_service = service, .expect_region = region};
    price_ingest *in;
    if (price_ingest_begin(c, &m, &in, err) != CIR_OK)
        return err->code;
    /* Under the write lock now: another process may have loaded it. */
    price_offer_row row;
    bool found;
    if (price_cache_offer(c, service, region, &row, &found, err) != CIR_OK) {
        price_ingest_abort(in);
        return err->code;
    }
    if (found) {
        free(row.columns);
        price_ingest_abort(in);
        return CIR_OK;
    }
    price_ingest_stats st;
    if (price_ingest_feed(in, f->data, f->len, err) != CIR_OK) {
        price_ingest_abort(in);
        return cir_error(err, err->code, f->name, "bundled snapshot: %s", err->msg);
    }
    if (price_ingest_commit(in, &st, err) != CIR_OK)
        return cir_error(err, err->code, f->name, "bundled snapshot: %s", err->msg);
    return CIR_OK;
}

/* Makes sure the cache holds (service, region) or (service, global) if it
 * can, loading the bundled snapshot when needed. */
static cir_code prepare(price_cache *c, const char *service, const char *region, cir_err *err)
{
    price_offer_row row;
    bool found;
    const char *const tries[2] = {region, PRICE_GLOBAL_REGION};
    for (int i = 0; i < 2; i++) {
        if (price_cache_offer(c, service, tries[i], &row, &found, err) != CIR_OK)
            return err->code;
        if (found) {
            free(row.columns);
            return CIR_OK;
        }
        if (load_snapshot(c, service, tries[i], err) != CIR_OK)
            return err->code;
        if (price_cache_offer(c, service, tries[i], &row, &found, err) != CIR_OK)
            return err->code;
        if (found) {
            free(row.columns);
            return CIR_OK;
        }
    }
    return CIR_OK;
}

typedef struct name_list {
    char items[64][64];
    size_t n;
} name_list;

static void names_add(name_list *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], s) == 0)
            return;
    if (l->n < 64)
        snprintf(l->items[l->n++], sizeof l->items[0], "%s", s);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(a, b);
}

static void names_join(name_list *l, char *out, size_t size)
{
    qsort(l->items, l->n, sizeof l->items[0], cmp_name);
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < l->n && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%s%s", i ? ", " : "", l->items[i]);
    if (!l->n)
        snprintf(out, size, "none");
}

/* Explains a missing price list: unknown service, or a region not held. */
static cir_code missing_error(price_cache *c, const char *service, const char *region, cir_err *err)
{
    name_list services = {.n = 0}, regions = {.n = 0};
    price_offer_info *offers;
    size_t n;
    if (price_cache_offers(c, &offers, &n, err) != CIR_OK)
        return err->code;
    for (size_t i = 0; i < n; i++) {
        names_add(&services, offers[i].service);
        if (strcmp(offers[i].service, service) == 0)
            names_add(&regions, offers[i].region);
    }
    free(offers);
    if (!c->no_snapshot) {
        const price_snapshot_file *files;
        size_t nf = price_snapshot_files(&files);
        for (size_t i = 0; i < nf; i++) {
            names_add(&services, files[i].service);
            if (strcmp(files[i].service, service) == 0)
                names_add(&regions, files[i].region);
        }
    }
    char list[400];
    if (regions.n == 0) {
        for (size_t i = 0; i < services.n; i++)
            if (strcasecmp(services.items[i], service) == 0)
                return cir_error(err, CIR_ENOPRICE, "pricing",
                                 "unknown service \"%s\" (offer codes are case-sensitive: did "
                                 "you mean %s?)", service, services.items[i]);
        names_join(&services, list, sizeof list);
        return cir_error(err, CIR_ENOPRICE, "pricing",
                         "no prices for service \"%s\" in the cache or the bundled snapshot "
                         "(available: %s; fetch it with 'circuit pricing sync --service %s')",
                         service, list, service);
    }
    names_join(&regions, list, sizeof list);
    return cir_error(err, CIR_ENOPRICE, "pricing",
                     "no %s prices for region \"%s\" (available: %s; fetch them with "
                     "'circuit pricing sync --service %s --region %s')",
                     service, region, list, service, region);
}

/* Reads the dataset for the query inside the caller's read transaction. */
static cir_code open_dataset(price_cache *c, const price_query *q, dataset *d, cir_err *err)
{
    memset(d, 0, sizeof *d);
    bool found;
    if (price_cache_offer(c, q->service, q->region, &d->row, &found, err) != CIR_OK)
        return err->code;
    if (!found && price_cache_offer(c, q->service, PRICE_GLOBAL_REGION, &d->row, &found, err) != CIR_OK)
        return err->code;
    if (!found)
        return missing_error(c, q->service, q->region, err);
    split_keys(d);
    d->prefix = price_region_prefix(d->row.info.region, NULL);
    if (!d->prefix && d->row.usage_prefix[0])
        d->prefix = d->row.usage_prefix;
    return CIR_OK;
}

/* Prepares the narrowing SELECT for the query on the dataset's table. */
static int select_rows(price_cache *c, const dataset *d, const price_query *q, sqlite3_stmt **out)
{
    sbuf sql = SBUF_INIT;
    sbuf_printf(&sql, "SELECT " SELECT_COLUMNS " FROM p_%lld WHERE 1", (long long)d->row.tbl);
    const char *binds[5];
    int nb = 0;
    if (q->family) {
        sbuf_puts(&sql, " AND family = ?");
        binds[nb++] = q->family;
    }
    if (q->unit) {
        sbuf_puts(&sql, " AND unit = ?");
        binds[nb++] = q->unit;
    }
    bool itype = false, utype = false;
    char *prefixed = NULL;
    for (size_t i = 0; i < q->nfilters; i++) {
        const price_filter *f = &q->filters[i];
        if (!itype && f->match == PRICE_EXACT && strcmp(f->key, "instanceType") == 0) {
            sbuf_puts(&sql, " AND instance_type = ?");
            binds[nb++] = f->value;
            itype = true;
        } else if (!utype && f->match == PRICE_EXACT && strcmp(f->key, "usagetype") == 0) {
            sbuf_puts(&sql, " AND usagetype = ?");
            binds[nb++] = f->value;
            utype = true;
        } else if (!utype && f->match == PRICE_USAGETYPE && strcmp(f->key, "usagetype") == 0 &&
                   !prefixed) {
            binds[nb++] = f->value;
            if (d->prefix) {
                prefixed = xasprintf("%s-%s", d->prefix, f->value);
                sbuf_puts(&sql, " AND usagetype IN (?, ?)");
                binds[nb++] = prefixed;
            } else {
                sbuf_puts(&sql, " AND usagetype = ?");
            }
            utype = true;
        }
    }
    int rc = sqlite3_prepare_v2(c->db, sbuf_str(&sql), -1, out, NULL);
    sbuf_free(&sql);
    for (int i = 0; rc == SQLITE_OK && i < nb; i++)
        rc = sqlite3_bind_text(*out, i + 1, binds[i], -1, SQLITE_TRANSIENT);
    free(prefixed);
    return rc;
}

/* ---- results ------------------------------------------------------------- */

static const char *col_str(price_cache *c, sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return price_cache_strndup(c, s ? s : "", s ? (size_t)sqlite3_column_bytes(st, i) : 0);
}

static void fill_match(price_cache *c, const dataset *d, sqlite3_stmt *st, price_match *m)
{
    const price_offer_info *o = &d->row.info;
    m->sku = col_str(c, st, Q_SKU);
    m->family = col_str(c, st, Q_FAMILY);
    m->unit = col_str(c, st, Q_UNIT);
    m->usd = col_str(c, st, Q_USD);
    m->usd_value = sqlite3_column_double(st, Q_USD_VALUE);
    m->description = col_str(c, st, Q_DESCRIPTION);
    m->service = price_cache_strndup(c, o->service, strlen(o->service));
    m->region = price_cache_strndup(c, o->region, strlen(o->region));
    m->version = price_cache_strndup(c, o->version, strlen(o->version));
    m->publication_date = price_cache_strndup(c, o->publication_date, strlen(o->publication_date));
    m->source = price_cache_strndup(c, o->source, strlen(o->source));
}

/* The attributes of the current row as a JSON object (caller frees). */
static char *attrs_json(const dataset *d, sqlite3_stmt *st)
{
    sbuf b = SBUF_INIT;
    sbuf_putc(&b, '{');
    bool first = true;
    static const struct {
        const char *key;
        int column;
    } direct[] = {{"instanceType", Q_INSTANCE_TYPE}, {"usagetype", Q_USAGETYPE}};
    for (size_t i = 0; i < 2; i++) {
        const char *v = (const char *)sqlite3_column_text(st, direct[i].column);
        if (!v || !*v)
            continue;
        sbuf_puts(&b, first ? "" : ", ");
        sbuf_json_str(&b, direct[i].key);
        sbuf_puts(&b, ": ");
        sbuf_json_str(&b, v);
        first = false;
    }
    const void *blob = sqlite3_column_blob(st, Q_ATTRS);
    price_blob_iter it = {blob, (const unsigned char *)blob + sqlite3_column_bytes(st, Q_ATTRS)};
    size_t col, len;
    const char *v;
    while (blob && price_blob_next(&it, &col, &v, &len)) {
        if (col >= d->nkeys)
            continue;
        char *text = xstrndup(v, len);
        sbuf_puts(&b, first ? "" : ", ");
        sbuf_json_str(&b, d->keys[col]);
        sbuf_puts(&b, ": ");
        sbuf_json_str(&b, text);
        free(text);
        first = false;
    }
    sbuf_putc(&b, '}');
    return sbuf_detach(&b);
}

/* Orders candidates: non-zero before zero, then price, SKU, rate code. */
static int compare_rows(double a_usd, const char *a_sku, const char *a_rate, double b_usd,
                        const char *b_sku, const char *b_rate, bool zero_last)
{
    if (zero_last && (a_usd == 0) != (b_usd == 0))
        return a_usd == 0 ? 1 : -1;
    if (a_usd != b_usd)
        return a_usd < b_usd ? -1 : 1;
    int k = strcmp(a_sku, b_sku);
    return k ? k : strcmp(a_rate, b_rate);
}

static void describe_query(const price_query *q, char *out, size_t size)
{
    size_t n = (size_t)snprintf(out, size, "%s", q->family ? "family \"" : "");
    if (q->family)
        n += (size_t)snprintf(out + n, n < size ? size - n : 0, "%s\"", q->family);
    for (size_t i = 0; i < q->nfilters && n < size; i++) {
        const price_filter *f = &q->filters[i];
        const char *op = f->match == PRICE_REGEX ? "~" : f->match == PRICE_USAGETYPE ? "~=" : "=";
        n += (size_t)snprintf(out + n, size - n, "%s%s%s%s", n ? ", " : "", f->key, op, f->value);
    }
    if (q->unit && n < size)
        n += (size_t)snprintf(out + n, size - n, "%sunit %s", n ? ", " : "", q->unit);
    if (n == 0)
        snprintf(out, size, "the query");
}

static cir_code check_query(price_cache *c, const price_query *q, cir_err *err)
{
    if (!q || !q->service || !*q->service || !q->region || !*q->region)
        return cir_error(err, CIR_EUSAGE, "pricing", "a price query needs a service and a region");
    if (c->ingesting)
        return cir_error(err, CIR_EINTERNAL, "pricing", "lookup during an import on the same cache handle");
    return CIR_OK;
}

/* Runs the query in one read transaction; calls `each` per matching row. */
typedef void (*row_fn)(price_cache *c, const dataset *d, sqlite3_stmt *st, void *ctx);

static cir_code run_query(price_cache *c, const price_query *q, dataset *d, row_fn each, void *ctx,
                          cir_err *err)
{
    if (check_query(c, q, err) != CIR_OK || prepare(c, q->service, q->region, err) != CIR_OK)
        return err->code;
    int rc = sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return price_cache_sql_error(c, rc, "read prices", err);
    compiled_filter *cfs = xcalloc(q->nfilters + 1, sizeof *cfs);
    sqlite3_stmt *st = NULL;
    cir_code code = open_dataset(c, q, d, err);
    if (code == CIR_OK)
        code = compile_filters(c, d, q, cfs, err);
    if (code == CIR_OK) {
        rc = select_rows(c, d, q, &st);
        while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (row_matches(c, d, st, cfs, q->nfilters))
                each(c, d, st, ctx);
            rc = SQLITE_OK;
        }
        if (rc != SQLITE_DONE)
            code = price_cache_sql_error(c, rc, "read prices", err);
    }
    sqlite3_finalize(st);
    sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL);
    free(cfs);
    return code;
}

/* ---- price_lookup -------------------------------------------------------- */

typedef struct pick {
    size_t candidates;
    bool have;
    double usd;
    char *sku, *rate;
    price_match m;
} pick;

static void pick_row(price_cache *c, const dataset *d, sqlite3_stmt *st, void *ctx)
{
    pick *p = ctx;
    p->candidates++;
    double usd = sqlite3_column_double(st, Q_USD_VALUE);
    const char *sku = (const char *)sqlite3_column_text(st, Q_SKU);
    const char *rate = (const char *)sqlite3_column_text(st, Q_RATE_CODE);
    if (p->have && compare_rows(usd, sku, rate, p->usd, p->sku, p->rate, true) >= 0)
        return;
    free(p->sku);
    free(p->rate);
    p->have = true;
    p->usd = usd;
    p->sku = xstrdup(sku);
    p->rate = xstrdup(rate);
    fill_match(c, d, st, &p->m);
}

static void memo_key(const price_query *q, sbuf *k)
{
    sbuf_printf(k, "%s\x1f%s\x1f%s\x1f%s", q->service, q->region, q->family ? q->family : "\x01",
                q->unit ? q->unit : "\x01");
    for (size_t i = 0; i < q->nfilters; i++)
        sbuf_printf(k, "\x1f%s\x1e%d\x1e%s", q->filters[i].key, (int)q->filters[i].match,
                    q->filters[i].value);
}

cir_code price_lookup(price_cache *c, const price_query *q, price_match *out, cir_err *err)
{
    memset(out, 0, sizeof *out);
    if (check_query(c, q, err) != CIR_OK)
        return err->code;
    lookup_state *s = state(c);
    sbuf key = SBUF_INIT;
    memo_key(q, &key);
    memo_entry *e = memo_find(s, sbuf_str(&key));
    if (e) {
        sbuf_free(&key);
        if (e->code != CIR_OK) {
            if (err)
                *err = e->err;
            return e->code;
        }
        *out = e->match;
        return CIR_OK;
    }
    pick p = {0};
    dataset d;
    memset(&d, 0, sizeof d);
    cir_code code = run_query(c, q, &d, pick_row, &p, err);
    if (code == CIR_OK && !p.have) {
        char what[300];
        describe_query(q, what, sizeof what);
        code = cir_error(err, CIR_ENOPRICE, "pricing", "no %s price in %s matches %s (price list %s)",
                         q->service, d.row.info.region, what, d.row.info.version);
    }
    if (code == CIR_OK) {
        p.m.candidates = p.candidates;
        *out = p.m;
        price_cache_note_used(c, &d.row.info);
    }
    /* Remember answers and misses, not failures of the cache itself. */
    if (code == CIR_OK || code == CIR_ENOPRICE) {
        e = memo_add(s, sbuf_str(&key));
        e->code = code;
        e->match = p.m;
        if (code != CIR_OK && err)
            e->err = *err;
    }
    dataset_free(&d);
    free(p.sku);
    free(p.rate);
    sbuf_free(&key);
    return code;
}

/* ---- price_query_all ----------------------------------------------------- */

typedef struct collect {
    price_match_list *l;
    const char **rates;
    size_t items_cap, attrs_cap, rates_cap;
} collect;

static void collect_row(price_cache *c, const dataset *d, sqlite3_stmt *st, void *ctx)
{
    collect *k = ctx;
    price_match_list *l = k->l;
    l->items = xgrow(l->items, &k->items_cap, l->n + 1, sizeof *l->items);
    l->attrs_json = xgrow(l->attrs_json, &k->attrs_cap, l->n + 1, sizeof *l->attrs_json);
    k->rates = xgrow(k->rates, &k->rates_cap, l->n + 1, sizeof *k->rates);
    fill_match(c, d, st, &l->items[l->n]);
    l->attrs_json[l->n] = attrs_json(d, st);
    k->rates[l->n] = col_str(c, st, Q_RATE_CODE);
    l->n++;
}

typedef struct sort_item {
    price_match m;
    char *attrs;
    const char *rate;
} sort_item;

static int cmp_items(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    return compare_rows(x->m.usd_value, x->m.sku, x->rate, y->m.usd_value, y->m.sku, y->rate, false);
}

cir_code price_query_all(price_cache *c, const price_query *q, size_t limit, price_match_list *out,
                         cir_err *err)
{
    memset(out, 0, sizeof *out);
    collect k = {.l = out};
    dataset d;
    memset(&d, 0, sizeof d);
    cir_code code = run_query(c, q, &d, collect_row, &k, err);
    if (code == CIR_OK && out->n) {
        sort_item *items = xmalloc(out->n * sizeof *items);
        for (size_t i = 0; i < out->n; i++)
            items[i] = (sort_item){out->items[i], out->attrs_json[i], k.rates[i]};
        qsort(items, out->n, sizeof *items, cmp_items);
        for (size_t i = 0; i < out->n; i++) {
            out->items[i] = items[i].m;
            out->attrs_json[i] = items[i].attrs;
            out->items[i].candidates = out->n;
        }
        free(items);
        if (limit && out->n > limit) {
            for (size_t i = limit; i < out->n; i++)
                free(out->attrs_json[i]);
            out->n = limit;
        }
        price_cache_note_used(c, &d.row.info);
    }
    if (code != CIR_OK)
        price_matches_free(out);
    dataset_free(&d);
    free((void *)k.rates);
    return code;
}

void price_matches_free(price_match_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        free(l->attrs_json[i]);
    free(l->attrs_json);
    free(l->items);
    memset(l, 0, sizeof *l);
}
