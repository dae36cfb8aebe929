/*
 * lookup.c — answering price questions from the cache (price_lookup,
 * price_query_all; see pricing.h).
 *
 * A query names an offer, a region, optionally a product family and a unit,
 * and attribute filters (exact, PCRE2, or usagetype-with-region-prefix).
 * The family and the hot selectors (exact instanceType, usagetype) narrow
 * the SQL to a few price groups through the indexes; every filter is then
 * checked in C on each row of those groups (store.h).
 *
 * Where the prices come from: the (offer, region) price list in the cache;
 * if the cache has none and the bundled snapshot has one, it is imported
 * first (source "snapshot", the ordinary ingest path); failing both, the
 * offer's "global" price list (Route 53 and other services that AWS prices
 * once for all regions, location "Global").  When the region's list has no
 * matching row and the offer also has a global list, that is asked too
 * (Route 53 has both: Resolver endpoints per region, hosted zones global).
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
 *
 * One snapshot per run: the first lookup opens a read transaction that the
 * handle keeps until it is closed (or an import starts on it), so every
 * price of a report comes from one state of the cache, and the version the
 * report names is the one its prices came from, however many imports
 * commit meanwhile (WAL readers do not block writers).  Loading the bundled
 * snapshot needs a write, so the read ends for it and starts again after;
 * every price list read before must then be the same table (`pins`), or
 * the run fails rather than mix two versions.
 */
#include "attrs.h"
#include "cache.h"
#include "regions.h"
#include "snapshot_load.h"
#include "store.h"

#include "../src/core/jsonw.h"
#include "../src/core/mem.h"
#include "../src/core/sbuf.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <math.h>
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

/* A price list this run has read: it must not change under the run. */
typedef struct pin {
    char service[64], region[32];
    int64_t tbl;
} pin;

struct lookup_state {
    memo_entry **memo;
    size_t memo_cap, memo_n;
    regex_entry *regex;
    size_t nregex, regex_cap;
    pcre2_match_data *md;
    bool warned_readonly;  /* said once that a read-only cache cannot load the snapshot */
    uint64_t generation;   /* the cache's generation the memo and pins belong to */
    pin *pins;
    size_t npins, pins_cap;
    int64_t pins_version;  /* the read_version the pins were last checked at (-1: never) */
};

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

static void lookup_free(price_cache *c);

/* The lookup state, made on first use.  An import through this handle
 * (a new generation) drops the memo and starts a new run: the pins go
 * too, unless the import was the snapshot this run loaded (prepare()). */
static lookup_state *state(price_cache *c)
{
    if (!c->lookup) {
        c->lookup = xcalloc(1, sizeof *c->lookup);
        c->lookup->generation = c->generation;
        c->lookup_free = lookup_free;
    }
    lookup_state *s = c->lookup;
    if (s->generation != c->generation) {
        memo_clear(s);
        s->npins = 0;
        s->generation = c->generation;
    }
    return s;
}

static void pin_add(lookup_state *s, const price_offer_row *row, int64_t read_version)
{
    /* Pins read in a state not checked yet make the next check a full one. */
    if (s->npins == 0)
        s->pins_version = read_version;
    else if (s->pins_version != read_version)
        s->pins_version = -1;
    for (size_t i = 0; i < s->npins; i++)
        if (strcmp(s->pins[i].service, row->info.service) == 0 &&
            strcmp(s->pins[i].region, row->info.region) == 0)
            return;
    s->pins = xgrow(s->pins, &s->pins_cap, s->npins + 1, sizeof *s->pins);
    pin *p = &s->pins[s->npins++];
    snprintf(p->service, sizeof p->service, "%s", row->info.service);
    snprintf(p->region, sizeof p->region, "%s", row->info.region);
    p->tbl = row->tbl;
}

static bool pinned(const lookup_state *s, const char *service, const char *region)
{
    for (size_t i = 0; i < s->npins; i++)
        if (strcmp(s->pins[i].service, service) == 0 && strcmp(s->pins[i].region, region) == 0)
            return true;
    return false;
}

/* After the read restarted: has any price list this run read changed?
 * Only another connection's commit can have changed one (this handle's own
 * snapshot loads add lists, or replace one before the run read it), and only such a commit
 * moves data_version: without one, the check is free, so loading a whole
 * region stays linear in its lists. */
static cir_code pins_check(price_cache *c, cir_err *err)
{
    lookup_state *s = c->lookup;
    if (s->npins == 0 || s->pins_version == c->read_version)
        return CIR_OK;
    for (size_t i = 0; i < s->npins; i++) {
        price_offer_row row;
        bool found;
        if (price_cache_offer(c, s->pins[i].service, s->pins[i].region, &row, &found, err) != CIR_OK)
            return err->code;
        if (found)
            free(row.columns);
        if (!found || row.tbl != s->pins[i].tbl)
            return cir_error(err, CIR_ECACHE, c->path,
                             "the %s %s prices changed while this report was being made (an "
                             "import or sync committed meanwhile); run it again",
                             s->pins[i].service, s->pins[i].region);
    }
    s->pins_version = c->read_version;
    return CIR_OK;
}

static void lookup_free(price_cache *c)
{
    lookup_state *s = c->lookup;
    if (!s)
        return;
    price_cache_read_end(c);
    free(s->pins);
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

/* ---- filters -------------------------------------------------------------- */

#define SLOT_ABSENT (-1L)   /* the offer has no such column: reads as empty */
#define SLOT_FAMILY (-2L)   /* productFamily: the group's family */

typedef struct dataset {
    price_offer_row row;
    const char *prefix;   /* usagetype prefix for PRICE_USAGETYPE */
    char **keys;          /* JSON key per slot */
    size_t nslots;
} dataset;

typedef struct compiled_filter {
    const price_filter *f;
    long slot;
    size_t value_len;
    pcre2_code *re;
    char *prefixed;            /* PRICE_USAGETYPE: "<prefix>-<value>" */
} compiled_filter;

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
        d->keys = xgrow(d->keys, &cap, d->nslots + 1, sizeof *d->keys);
        d->keys[d->nslots++] = s;
        char *tab = strchr(s, '\t');
        if (!tab)
            break;
        *tab = '\0';
        s = tab + 1;
    }
}

static cir_code key_error(const dataset *d, const char *key, cir_err *err)
{
    char known[400] = "productFamily";
    size_t n = strlen(known);
    for (size_t i = 0; i < d->nslots && n < sizeof known; i++)
        n += (size_t)snprintf(known + n, sizeof known - n, ", %s", d->keys[i]);
    if (n >= sizeof known)
        memcpy(known + sizeof known - 4, "...", 4);
    return cir_error(err, CIR_ENOPRICE, "pricing",
                     "no attribute \"%s\" in the %s %s price list (it has: %s)", key,
                     d->row.info.service, d->row.info.region, known);
}

static void free_filters(compiled_filter *cfs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(cfs[i].prefixed);
    free(cfs);
}

static cir_code compile_filters(price_cache *c, const dataset *d, const price_query *q,
                                compiled_filter *out, cir_err *err)
{
    for (size_t i = 0; i < q->nfilters; i++) {
        const price_filter *f = &q->filters[i];
        compiled_filter *cf = &out[i];
        cf->f = f;
        cf->slot = SLOT_ABSENT;
        if (!f->key || !f->value)
            return cir_error(err, CIR_EUSAGE, "pricing", "a price filter needs a key and a value");
        cf->value_len = strlen(f->value);
        if (strcmp(f->key, "productFamily") == 0)
            cf->slot = SLOT_FAMILY;
        for (size_t k = 0; k < d->nslots && cf->slot == SLOT_ABSENT; k++)
            if (strcmp(d->keys[k], f->key) == 0)
                cf->slot = (long)k;
        /* An absent column reads as empty: fine for `key=` (must be empty),
         * a typo otherwise. */
        if (cf->slot == SLOT_ABSENT && !(f->match == PRICE_EXACT && cf->value_len == 0))
            return key_error(d, f->key, err);
        if (f->match == PRICE_REGEX && get_regex(c, f->key, f->value, &cf->re, err) != CIR_OK)
            return err->code;
        if (f->match == PRICE_USAGETYPE && d->prefix)
            cf->prefixed = xasprintf("%s-%s", d->prefix, f->value);
    }
    return CIR_OK;
}

static bool str_is(price_str s, const char *v, size_t n)
{
    return s.len == n && memcmp(s.p, v, n) == 0;
}

static bool regex_ok(price_cache *c, const compiled_filter *cf, price_str s)
{
    return pcre2_match(cf->re, (PCRE2_SPTR)s.p, s.len, 0, 0, c->lookup->md, NULL) >= 0;
}

/* The group's family settles productFamily filters once per group; false
 * when no row of the group can match. */
static bool filters_for_group(price_cache *c, const compiled_filter *cfs, size_t n,
                              price_str family)
{
    for (size_t i = 0; i < n; i++) {
        const compiled_filter *cf = &cfs[i];
        if (cf->slot != SLOT_FAMILY)
            continue;
        bool ok = cf->f->match == PRICE_REGEX ? regex_ok(c, cf, family)
                                              : str_is(family, cf->f->value, cf->value_len);
        if (!ok)
            return false;
    }
    return true;
}

/* The value a filter sees for `slot` (rate codes are stored without their
 * SKU; see ingest.c). */
static price_str slot_value(const price_group_reader *g, size_t slot, char *buf, size_t size)
{
    price_str v = price_group_value(g, slot);
    if (slot != PRICE_SLOT_RATE_CODE || !v.len || v.p[0] != '.')
        return v;
    price_str sku = price_group_value(g, PRICE_SLOT_SKU);
    if (sku.len + v.len >= size)
        return v;
    memcpy(buf, sku.p, sku.len);
    memcpy(buf + sku.len, v.p, v.len);
    return (price_str){buf, sku.len + v.len};
}

static bool row_matches(price_cache *c, const dataset *d, const compiled_filter *cfs, size_t n,
                        const price_group_reader *g)
{
    for (size_t i = 0; i < n; i++) {
        const compiled_filter *cf = &cfs[i];
        const price_filter *f = cf->f;
        if (cf->slot < 0)
            continue; /* absent column or settled per group */
        char buf[256];
        price_str v = slot_value(g, (size_t)cf->slot, buf, sizeof buf);
        bool ok;
        if (f->match == PRICE_REGEX)
            ok = regex_ok(c, cf, v);
        else if (f->match == PRICE_USAGETYPE)
            ok = price_usagetype_match(v.p, v.len, f->value, d->prefix);
        else
            ok = str_is(v, f->value, cf->value_len);
        if (!ok)
            return false;
    }
    return true;
}

/* ---- where the prices come from ------------------------------------------ */

/* Makes sure the cache holds (service, region) or (service, global) if it
 * can, loading the bundled snapshot when needed. */
static cir_code prepare(price_cache *c, const char *service, const char *region, cir_err *err)
{
    price_offer_row row;
    bool found;
    const char *const tries[2] = {region, PRICE_GLOBAL_REGION};
    for (int i = 0; i < 2; i++) {
        if (price_cache_read_begin(c, err) != CIR_OK ||
            price_cache_offer(c, service, tries[i], &row, &found, err) != CIR_OK)
            return err->code;
        if (found) {
            /* A list this run read stays as it is; one an older circuit
             * loaded from its own snapshot is replaced before the first read. */
            bool replace = !pinned(c->lookup, service, tries[i]) && price_snapshot_outdated(c, &row);
            free(row.columns);
            if (!replace)
                return CIR_OK;
        }
        uint64_t before = c->generation;
        if (price_snapshot_load(c, service, tries[i], err) != CIR_OK)
            return err->code;
        if (c->generation != before) {
            /* The run goes on across its own snapshot load: the memo goes,
             * the pins stay and are checked below. */
            memo_clear(c->lookup);
            c->lookup->generation = c->generation;
        }
        /* The read may have restarted: nothing read before may differ. */
        if (price_cache_read_begin(c, err) != CIR_OK || pins_check(c, err) != CIR_OK ||
            price_cache_offer(c, service, tries[i], &row, &found, err) != CIR_OK)
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

/* The names, sorted and comma-separated; past `shown`, "and N more" (an
 * offer can have 34 regions, and an error message is one line). */
static void names_join(name_list *l, size_t shown, char *out, size_t size)
{
    qsort(l->items, l->n, sizeof l->items[0], cmp_name);
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < l->n && i < shown && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%s%s", i ? ", " : "", l->items[i]);
    if (l->n > shown && n < size)
        snprintf(out + n, size - n, " and %zu more", l->n - shown);
    if (!l->n)
        snprintf(out, size, "none");
}

/* Explains a missing price list: unknown service, or a region not held. */
static cir_code missing_error(price_cache *c, const char *service, const char *region, cir_err *err)
{
    if (c->readonly && !c->no_snapshot && c->snapshot_find &&
        (c->snapshot_find(service, region) || c->snapshot_find(service, PRICE_GLOBAL_REGION))) {
        /* The report only says "not priced": say once why. */
        if (!c->lookup->warned_readonly) {
            c->lookup->warned_readonly = true;
            cir_warn(c->path, "the price cache cannot be written here, so prices it lacks (%s "
                     "in %s first) are not loaded from the bundled snapshot", service, region);
        }
        return cir_error(err, CIR_ENOPRICE, "pricing",
                         "the bundled snapshot has %s prices for %s, but the price cache is open "
                         "read-only and cannot load them", service, region);
    }
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
        /* a dozen: with 30-odd offers, more would cut the message (cir_err holds 512 bytes) */
        names_join(&services, 12, list, sizeof list);
        return cir_error(err, CIR_ENOPRICE, "pricing",
                         "no prices for service \"%s\" in the cache or the bundled snapshot "
                         "(available: %s; fetch it with 'circuit pricing sync --service %s')",
                         service, list, service);
    }
    names_join(&regions, 12, list, sizeof list);
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
    pin_add(c->lookup, &d->row, c->read_version);
    split_keys(d);
    if (d->nslots < PRICE_SLOT_NFIXED || strcmp(d->keys[0], price_slot_key(0)) != 0)
        return cir_error(err, CIR_ECACHE, c->path,
                         "the %s %s price list in the cache is damaged; re-import it or delete "
                         "the cache file and run 'circuit pricing sync'",
                         d->row.info.service, d->row.info.region);
    d->prefix = price_region_prefix(d->row.info.region, NULL);
    if (!d->prefix && d->row.usage_prefix[0])
        d->prefix = d->row.usage_prefix;
    return CIR_OK;
}

/* Prepares the narrowing SELECT over the dataset's groups. */
static int select_groups(price_cache *c, const dataset *d, const price_query *q,
                         const compiled_filter *cfs, sqlite3_stmt **out)
{
    sbuf sql = SBUF_INIT;
    long long tbl = (long long)d->row.tbl;
    sbuf_printf(&sql, "SELECT family, instance_type, data FROM p_%lld WHERE 1", tbl);
    const char *binds[5];
    int nb = 0;
    if (q->family) {
        sbuf_puts(&sql, " AND family = ?");
        binds[nb++] = q->family;
    }
    bool itype = false, utype = false;
    for (size_t i = 0; i < q->nfilters; i++) {
        const compiled_filter *cf = &cfs[i];
        const price_filter *f = cf->f;
        if (cf->slot < 0 || f->match == PRICE_REGEX)
            continue;
        const char *key = d->keys[cf->slot];
        if (!itype && f->match == PRICE_EXACT && strcmp(key, "instanceType") == 0) {
            sbuf_puts(&sql, " AND instance_type = ?");
            binds[nb++] = f->value;
            itype = true;
        } else if (!utype && strcmp(key, "usagetype") == 0 && cf->value_len) {
            sbuf_printf(&sql, " AND grp IN (SELECT grp FROM u_%lld WHERE usagetype IN (?, ?))",
                        tbl);
            binds[nb++] = f->value;
            binds[nb++] = cf->prefixed ? cf->prefixed : f->value;
            utype = true;
        }
    }
    sbuf_puts(&sql, " ORDER BY grp");
    int rc = sqlite3_prepare_v2(c->db, sbuf_str(&sql), -1, out, NULL);
    sbuf_free(&sql);
    for (int i = 0; rc == SQLITE_OK && i < nb; i++)
        rc = sqlite3_bind_text(*out, i + 1, binds[i], -1, SQLITE_STATIC);
    return rc;
}

/* ---- results ------------------------------------------------------------- */

typedef struct row_view {
    const dataset *d;
    const price_group_reader *g;
    price_str family;
} row_view;

static const char *dup_str(price_cache *c, price_str s)
{
    return price_cache_strndup(c, s.p, s.len);
}

static const char *dup_cstr(price_cache *c, const char *s)
{
    return price_cache_strndup(c, s, strlen(s));
}

/* A StartingRange / EndingRange cell: a number, or `dflt` when empty,
 * "Inf" or not a number. */
static double range_value(price_str s, double dflt)
{
    char buf[64];
    if (!s.len || s.len >= sizeof buf)
        return dflt;
    memcpy(buf, s.p, s.len);
    buf[s.len] = '\0';
    char *end;
    double d = strtod(buf, &end);
    return end == buf || *end || !isfinite(d) ? dflt : d;
}

static void fill_match(price_cache *c, const row_view *v, price_match *m)
{
    const price_offer_info *o = &v->d->row.info;
    m->sku = dup_str(c, price_group_value(v->g, PRICE_SLOT_SKU));
    m->usd = dup_str(c, price_group_value(v->g, PRICE_SLOT_USD));
    m->usd_value = strtod(m->usd, NULL);
    m->description = dup_str(c, price_group_value(v->g, PRICE_SLOT_DESCRIPTION));
    m->unit = dup_str(c, price_group_value(v->g, PRICE_SLOT_UNIT));
    m->family = dup_str(c, v->family);
    m->service = dup_cstr(c, o->service);
    m->region = dup_cstr(c, o->region);
    m->version = dup_cstr(c, o->version);
    m->publication_date = dup_cstr(c, o->publication_date);
    m->source = dup_cstr(c, o->source);
    m->begin_range = range_value(price_group_value(v->g, PRICE_SLOT_BEGIN), 0);
    m->end_range = range_value(price_group_value(v->g, PRICE_SLOT_END), INFINITY);
}

/* The product attributes of the current row as a JSON object (caller
 * frees), in the price list's column order, empty ones left out. */
static char *attrs_json(const row_view *v)
{
    sbuf b = SBUF_INIT;
    jw w;
    jw_init(&w, &b);
    jw_object(&w, JW_LINE);
    for (size_t s = PRICE_SLOT_NFIXED; s < v->d->nslots; s++) {
        price_str val = price_group_value(v->g, s);
        if (!val.len)
            continue;
        char *text = xstrndup(val.p, val.len);
        jw_kstr(&w, v->d->keys[s], text);
        free(text);
    }
    jw_end_object(&w);
    jw_finish_value(&w);   /* no newline: the object is embedded as it is */
    return sbuf_detach(&b);
}

/* Orders candidates: non-zero before zero (when asked), then price, SKU,
 * rate code. */
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
    size_t n = 0;
    out[0] = '\0';
    if (q->family)
        n += (size_t)snprintf(out, size, "family \"%s\"", q->family);
    for (size_t i = 0; i < q->nfilters && n < size; i++) {
        const price_filter *f = &q->filters[i];
        const char *op = f->match == PRICE_REGEX ? "~" : "=";
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
        return cir_error(err, CIR_EINTERNAL, "pricing",
                         "lookup during an import on the same cache handle");
    return CIR_OK;
}

typedef void (*row_fn)(price_cache *c, const row_view *v, void *ctx);

/* Walks the groups the query can touch and calls `each` per matching row,
 * all inside one read transaction so the offers row and its tables agree. */
static cir_code scan(price_cache *c, const price_query *q, const dataset *d,
                     compiled_filter *cfs, row_fn each, void *ctx, cir_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = select_groups(c, d, q, cfs, &st);
    price_group_reader g = {0};
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        row_view v = {.d = d, .g = &g};
        v.family.p = (const char *)sqlite3_column_text(st, 0);
        v.family.len = (size_t)sqlite3_column_bytes(st, 0);
        if (!v.family.p)
            v.family.p = "";
        const void *data = sqlite3_column_blob(st, 2);
        size_t len = (size_t)sqlite3_column_bytes(st, 2);
        if (!price_group_open(&g, data, len, d->nslots)) {
            rc = SQLITE_CORRUPT;
            break;
        }
        if (!filters_for_group(c, cfs, q->nfilters, v.family))
            continue;
        while (price_group_next(&g)) {
            if (q->unit && !str_is(price_group_value(&g, PRICE_SLOT_UNIT), q->unit, strlen(q->unit)))
                continue;
            if (row_matches(c, d, cfs, q->nfilters, &g))
                each(c, &v, ctx);
        }
        if (g.row != g.nrows) {
            rc = SQLITE_CORRUPT;
            break;
        }
    }
    price_group_reader_free(&g);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_OK)
        return price_cache_sql_error(c, rc, "read prices", err);
    return CIR_OK;
}

static cir_code run_query(price_cache *c, const price_query *q, dataset *d, row_fn each, void *ctx,
                          cir_err *err)
{
    state(c);
    if (check_query(c, q, err) != CIR_OK || prepare(c, q->service, q->region, err) != CIR_OK)
        return err->code;
    /* prepare() left the run's read transaction open: the offers row and
     * its tables agree, and agree with every other lookup of the run. */
    compiled_filter *cfs = xcalloc(q->nfilters + 1, sizeof *cfs);
    cir_code code = open_dataset(c, q, d, err);
    if (code == CIR_OK)
        code = compile_filters(c, d, q, cfs, err);
    if (code == CIR_OK)
        code = scan(c, q, d, cfs, each, ctx, err);
    free_filters(cfs, q->nfilters);
    return code;
}

/* A price AWS sets once for all regions (Route 53 hosted zones, CloudWatch
 * dashboards) is in the offer's global list even when the offer also has a
 * list for the region (Route 53 Resolver endpoints): when nothing in the
 * region's list matches, the global one is asked too.  True when there is
 * such a list to ask (cached, or in the snapshot and loadable). */
static bool global_list_too(price_cache *c, const price_query *q, const dataset *d)
{
    if (strcmp(d->row.info.region, PRICE_GLOBAL_REGION) == 0 ||
        strcmp(q->region, PRICE_GLOBAL_REGION) == 0)
        return false;
    price_offer_row row;
    bool found = false;
    cir_err ignored;
    if (price_cache_offer(c, q->service, PRICE_GLOBAL_REGION, &row, &found, &ignored) == CIR_OK &&
        found) {
        free(row.columns);
        return true;
    }
    return !c->readonly && !c->no_snapshot && c->snapshot_find &&
           c->snapshot_find(q->service, PRICE_GLOBAL_REGION);
}

/* Runs `q` against the global list instead; on a match *d becomes that
 * dataset.  `matched` says whether `ctx` now holds a match. */
static void run_global(price_cache *c, const price_query *q, dataset *d, row_fn each, void *ctx,
                       bool (*matched)(void *ctx))
{
    price_query gq = *q;
    gq.region = PRICE_GLOBAL_REGION;
    dataset gd;
    memset(&gd, 0, sizeof gd);
    cir_err ignored;
    if (run_query(c, &gq, &gd, each, ctx, &ignored) == CIR_OK && matched(ctx)) {
        dataset_free(d);
        *d = gd;
        return;
    }
    dataset_free(&gd);
}

/* ---- price_lookup -------------------------------------------------------- */

typedef struct pick {
    size_t candidates;
    bool have;
    double usd;
    char *sku, *rate;
    price_match m;
} pick;

static void pick_row(price_cache *c, const row_view *v, void *ctx)
{
    pick *p = ctx;
    p->candidates++;
    /* Rate codes are compared without the SKU: ties are broken by SKU
     * first, so only equal SKUs reach them. */
    price_str usd_s = price_group_value(v->g, PRICE_SLOT_USD);
    char buf[48];
    size_t n = usd_s.len < sizeof buf - 1 ? usd_s.len : sizeof buf - 1;
    memcpy(buf, usd_s.p, n);
    buf[n] = '\0';
    double usd = strtod(buf, NULL);
    price_str sku_s = price_group_value(v->g, PRICE_SLOT_SKU);
    price_str rate_s = price_group_value(v->g, PRICE_SLOT_RATE_CODE);
    char *sku = xstrndup(sku_s.p, sku_s.len), *rate = xstrndup(rate_s.p, rate_s.len);
    if (p->have && compare_rows(usd, sku, rate, p->usd, p->sku, p->rate, true) >= 0) {
        free(sku);
        free(rate);
        return;
    }
    free(p->sku);
    free(p->rate);
    p->have = true;
    p->usd = usd;
    p->sku = sku;
    p->rate = rate;
    fill_match(c, v, &p->m);
}

static bool picked(void *ctx)
{
    return ((pick *)ctx)->have;
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
    if (code == CIR_OK && !p.have && global_list_too(c, q, &d))
        run_global(c, q, &d, pick_row, &p, picked);
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

static void collect_row(price_cache *c, const row_view *v, void *ctx)
{
    collect *k = ctx;
    price_match_list *l = k->l;
    l->items = xgrow(l->items, &k->items_cap, l->n + 1, sizeof *l->items);
    l->attrs_json = xgrow(l->attrs_json, &k->attrs_cap, l->n + 1, sizeof *l->attrs_json);
    k->rates = xgrow(k->rates, &k->rates_cap, l->n + 1, sizeof *k->rates);
    fill_match(c, v, &l->items[l->n]);
    l->attrs_json[l->n] = attrs_json(v);
    k->rates[l->n] = dup_str(c, price_group_value(v->g, PRICE_SLOT_RATE_CODE));
    l->n++;
}

static bool collected(void *ctx)
{
    return ((collect *)ctx)->l->n > 0;
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
    if (code == CIR_OK && !out->n && global_list_too(c, q, &d))
        run_global(c, q, &d, collect_row, &k, collected);
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
