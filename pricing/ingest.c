/*
 * ingest.c — one price-list CSV, streamed into the cache (see ingest.h).
 *
 * The CSV reader hands over records; this file gives them meaning:
 *   - metadata rows before the header (FormatVersion, Disclaimer,
 *     Publication Date, Version, OfferCode); the first row with more than
 *     two fields is the header;
 *   - columns are found by header NAME (attrs.c), never by position; the
 *     required ones missing are named in the error;
 *   - the reader's gate drops every non-OnDemand row after its TermType
 *     field, so Reserved terms (most of a file) are never split into fields;
 *     on-demand rows go, unsplit, to a worker thread (rowq.h) that splits,
 *     checks and stores them while the reader moves on;
 *   - kept: OnDemand, USD, in the file's region (Region Code, or the
 *     Location name in older files; location type "AWS Region"); the first
 *     region-located row fixes the region unless the caller expects one;
 *   - malformed rows are skipped and counted; the import fails when they
 *     outnumber the kept rows (early, once there are 1000 of them).
 * Kept rows go through the stage (stage.h) into price groups (store.h), one
 * SQLite row per group: SQLite sees a few thousand inserts instead of
 * hundreds of thousands, and memory stays flat.  All of it goes into fresh
 * tables inside one write transaction; commit
 * indexes them, repoints the offers row and drops the old tables, so readers
 * see either the old prices or the new ones, never a mix, and a failure or
 * a killed process leaves the old ones as they were.
 *
 * Threads: the feeding thread owns the CSV reader, the header and in->err;
 * the worker owns everything a row touches (counters, the stage, the
 * SQL inserts) and in->werr.  The feeding side reads the worker's state only
 * after rowq has stopped or finished it.
 */
#include "ingest.h"

#include "attrs.h"
#include "cache.h"
#include "csv.h"
#include "regions.h"
#include "rowq.h"
#include "stage.h"
#include "store.h"

#include "../src/core/mem.h"
#include "../src/core/utf8.h"

#include <assert.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PREAMBLE 32        /* rows before the header */
#define BAD_FLOOD 1000         /* bad rows after which dominance fails early */
#define MAX_PREFIXES 16

struct price_ingest {
    price_cache *c;
    csv_reader *csv;
    char *source, *etag, *last_modified, *expect_service, *expect_region;
    bool rows_inline;   /* no worker thread (price_ingest_meta) */

    /* metadata */
    char version[32], publication_date[40], offer_code[64];
    size_t preamble;

    /* header */
    bool have_header;
    uint64_t header_index;
    size_t ncols;
    int role[COL_NROLES];          /* column of each role, -1 if absent */
    int *slot_col;                 /* per slot: CSV column, or -1 */
    char **keys;                   /* per slot: JSON key */
    size_t nslots;

    /* region */
    char region[32];
    bool region_set;

    /* results */
    int64_t kept, bad, other_region;
    _Atomic int64_t kept_shown;    /* `kept` as the progress line may read it
                                      from the feeding thread */
    uint64_t first_bad;
    char first_bad_why[96];
    int64_t bytes;
    struct {
        char text[8];
        int64_t n;
    } prefixes[MAX_PREFIXES];
    size_t nprefixes;
    int64_t with_usagetype;

    /* kept rows on their way into price groups (worker thread) */
    price_stage *stage;
    size_t usage_slot;

    /* SQL */
    int64_t tbl;
    sqlite3_stmt *insert, *insert_utype;
    cir_err err;                   /* the feeding thread's error */
    cir_err werr;                  /* the row worker's error */
    bool failed;                   /* the feeding side gave up */
    rowq *q;                       /* rows after the header go to a worker */
    csv_reader *wcsv;              /* the worker splits kept rows with it */
};

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void ingest_free(price_ingest *in)
{
    if (!in)
        return;
    if (in->q)
        rowq_cancel(in->q);
    csv_free(in->wcsv);
    csv_free(in->csv);
    if (in->insert)
        sqlite3_finalize(in->insert);
    if (in->insert_utype)
        sqlite3_finalize(in->insert_utype);
    for (size_t i = 0; i < in->nslots; i++)
        free(in->keys[i]);
    free(in->keys);
    free(in->slot_col);
    price_stage_free(in->stage);
    free(in->source);
    free(in->etag);
    free(in->last_modified);
    free(in->expect_service);
    free(in->expect_region);
    free(in);
}

static void copy_str(char *out, size_t size, const char *s)
{
    size_t n = strlen(s);
    if (n >= size)
        n = size - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

static void copy_field(char *out, size_t size, const csv_field *f)
{
    size_t n = f->len < size - 1 ? f->len : utf8_cut(f->p, size - 1);
    memcpy(out, f->p, n);
    out[n] = '\0';
}

/* Records an error in `e` (the feeding thread's or the worker's) and
 * returns 1, the callbacks' "stop". */
static int fail(cir_err *e, cir_code code, const char *fmt, const char *a, const char *b)
{
    cir_error(e, code, NULL, fmt, a, b);
    return 1;
}

/* ---- the gate: only OnDemand rows are split into fields ----------------- */

static bool on_demand_gate(void *ctx, const csv_field *f, size_t n)
{
    price_ingest *in = ctx;
    int col = in->role[COL_TERM_TYPE];
    return col >= 0 && (size_t)col < n && csv_eq(&f[col], "OnDemand");
}

/* ---- metadata and header -------------------------------------------------- */

static void read_metadata(price_ingest *in, const csv_record *r)
{
    const csv_field *k = &r->f[0], *v = &r->f[1];
    if (csv_eq(k, "Publication Date"))
        copy_field(in->publication_date, sizeof in->publication_date, v);
    else if (csv_eq(k, "Version"))
        copy_field(in->version, sizeof in->version, v);
    else if (csv_eq(k, "OfferCode"))
        copy_field(in->offer_code, sizeof in->offer_code, v);
}

/* Text goes into JSON and terminals: a price list must be UTF-8, as AWS
 * writes it. */
static bool is_utf8(const csv_record *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (!utf8_valid(r->f[i].p, r->f[i].len, NULL))
            return false;
    return true;
}

static bool has_control_bytes(const csv_record *r)
{
    for (size_t i = 0; i < r->n; i++)
        for (size_t k = 0; k < r->f[i].len; k++) {
            unsigned char ch = (unsigned char)r->f[i].p[k];
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                return true;
        }
    return false;
}

static int write_group(void *ctx, const char *family, const char *itype, const void *data,
                       size_t len, size_t nrows, const price_str *utypes, size_t nutypes);

static int read_header(price_ingest *in, const csv_record *r)
{
    in->have_header = true;
    in->header_index = r->index;
    in->ncols = r->n;
    for (int i = 0; i < COL_NROLES; i++)
        in->role[i] = -1;
    /* Slots: the fixed ones, then every product attribute column. */
    in->slot_col = xmalloc((r->n + PRICE_SLOT_NFIXED) * sizeof *in->slot_col);
    in->keys = xcalloc(r->n + PRICE_SLOT_NFIXED, sizeof *in->keys);
    for (size_t i = 0; i < r->n; i++) {
        int role = price_col_role(r->f[i].p, r->f[i].len);
        if (role >= 0 && in->role[role] < 0)
            in->role[role] = (int)i;
    }
    static const price_col fixed_role[PRICE_SLOT_NFIXED] = {
        [PRICE_SLOT_SKU] = COL_SKU,     [PRICE_SLOT_USD] = COL_PRICE,
        [PRICE_SLOT_DESCRIPTION] = COL_DESCRIPTION, [PRICE_SLOT_UNIT] = COL_UNIT,
        [PRICE_SLOT_BEGIN] = COL_BEGIN, [PRICE_SLOT_END] = COL_END,
        [PRICE_SLOT_RATE_CODE] = COL_RATE_CODE,
    };
    for (size_t s = 0; s < PRICE_SLOT_NFIXED; s++) {
        in->slot_col[s] = in->role[fixed_role[s]];
        in->keys[s] = xstrdup(price_slot_key(s));
    }
    in->nslots = PRICE_SLOT_NFIXED;
    for (size_t i = 0; i < r->n; i++) {
        const csv_field *h = &r->f[i];
        int role = price_col_role(h->p, h->len);
        if (role >= 0 && role < COL_NTERM)
            continue;
        char key[128];
        price_attr_key(h->p, h->len, key, sizeof key);
        bool dup = !key[0];
        for (size_t k = 0; k < in->nslots && !dup; k++)
            dup = strcmp(in->keys[k], key) == 0;
        if (dup)
            continue;
        in->slot_col[in->nslots] = (int)i;
        in->keys[in->nslots++] = xstrdup(key);
    }
    in->usage_slot = SIZE_MAX;
    for (size_t k = PRICE_SLOT_NFIXED; k < in->nslots; k++)
        if (strcmp(in->keys[k], "usagetype") == 0)
            in->usage_slot = k;
    price_stage_layout layout = {
        .ncols = in->ncols,
        .nslots = in->nslots,
        .slot_col = in->slot_col,
        .family_col = in->role[COL_FAMILY],
        .itype_col = in->role[COL_INSTANCE_TYPE],
        .sku_col = in->role[COL_SKU],
        .rate_col = in->role[COL_RATE_CODE],
        .usage_slot = in->usage_slot,
    };
    in->stage = price_stage_new(&layout, write_group, in);
    char missing[256] = "";
    for (int role = 0; role < COL_NROLES; role++) {
        if (!price_col_required((price_col)role) || in->role[role] >= 0)
            continue;
        static const char *const names[COL_NROLES] = {
            [COL_SKU] = "SKU", [COL_TERM_TYPE] = "TermType", [COL_UNIT] = "Unit",
            [COL_PRICE] = "PricePerUnit", [COL_CURRENCY] = "Currency",
            [COL_FAMILY] = "Product Family"};
        size_t len = strlen(missing);
        snprintf(missing + len, sizeof missing - len, "%s%s", len ? ", " : "", names[role]);
    }
    if (missing[0])
        return fail(&in->err, CIR_EPARSE,
                    "not an AWS price list CSV: missing required column(s) %s%s", missing,
                    "");
    if (in->role[COL_REGION_CODE] < 0 && in->role[COL_LOCATION] < 0 && !in->expect_region)
        return fail(&in->err, CIR_EPARSE,
                    "not a regional AWS price list CSV: no \"Region Code\" or \"Location\" "
                    "column%s%s", "", "");
    const char *service = in->offer_code[0] ? in->offer_code : NULL;
    if (in->expect_service && service && strcmp(service, in->expect_service) != 0)
        return fail(&in->err, CIR_EINPUT, "this is the %s price list, expected %s", service,
                    in->expect_service);
    csv_set_gate(in->csv, (size_t)in->role[COL_TERM_TYPE] + 1, on_demand_gate);
    csv_set_gate_raw(in->csv, true); /* kept rows are split by the worker */
    return 0;
}

/* ---- rows ----------------------------------------------------------------- */

static void note_bad(price_ingest *in, const csv_record *r, const char *why)
{
    if (in->bad++ == 0) {
        in->first_bad = r->index + 1;
        snprintf(in->first_bad_why, sizeof in->first_bad_why, "%s", why);
    }
}

static const csv_field *col(const price_ingest *in, const csv_record *r, price_col role)
{
    static const csv_field empty = {"", 0};
    int i = in->role[role];
    return i >= 0 ? &r->f[i] : &empty;
}

/* AWS writes prices as plain decimals ("0.0416000000", "2750"). */
static bool valid_price(const csv_field *f)
{
    size_t digits = 0, dots = 0;
    if (f->len == 0 || f->len > 40)
        return false;
    for (size_t i = 0; i < f->len; i++) {
        char ch = f->p[i];
        if (ch >= '0' && ch <= '9')
            digits++;
        else if (ch != '.' || dots++)
            return false;
    }
    return digits > 0;
}

/* The region a row's product is located in, or NULL when it is not tied to
 * one (data transfer, Local Zones, Outposts, Wavelength). */
static const char *row_region(const price_ingest *in, const csv_record *r, char *buf, size_t size)
{
    const csv_field *loctype = col(in, r, COL_LOCATION_TYPE);
    const csv_field *code = col(in, r, COL_REGION_CODE);
    const csv_field *loc = col(in, r, COL_LOCATION);
    const char *region = NULL;
    if (code->len) {
        copy_field(buf, size, code);
        region = buf;
    } else if (loc->len) {
        region = price_region_from_location(loc->p, loc->len);
    }
    if (!region)
        return NULL;
    if (strcmp(region, PRICE_GLOBAL_REGION) == 0)
        return region;
    if (loctype->len && !csv_eq(loctype, "AWS Region"))
        return NULL;
    return region;
}

/* Decides whether a located row belongs to the file's region. */
static bool in_file_region(price_ingest *in, const char *region)
{
    if (!in->region_set) {
        if (in->expect_region && strcmp(region, in->expect_region) != 0 &&
            strcmp(region, PRICE_GLOBAL_REGION) != 0) {
            in->other_region++;
            return false;
        }
        copy_str(in->region, sizeof in->region, region);
        in->region_set = true;
        return true;
    }
    if (strcmp(region, in->region) == 0)
        return true;
    in->other_region++;
    return false;
}

static void learn_prefix(price_ingest *in, const csv_field *u)
{
    if (!u->len)
        return;
    in->with_usagetype++;
    size_t n = price_usagetype_prefix_len(u->p, u->len);
    if (!n || n >= sizeof in->prefixes[0].text)
        return;
    for (size_t i = 0; i < in->nprefixes; i++)
        if (strlen(in->prefixes[i].text) == n && memcmp(in->prefixes[i].text, u->p, n) == 0) {
            in->prefixes[i].n++;
            return;
        }
    if (in->nprefixes < MAX_PREFIXES) {
        memcpy(in->prefixes[in->nprefixes].text, u->p, n);
        in->prefixes[in->nprefixes].text[n] = '\0';
        in->prefixes[in->nprefixes++].n = 1;
    }
}

/* The stage's sink: one finished price group into the new tables. */
static int write_group(void *ctx, const char *family, const char *itype, const void *data,
                       size_t len, size_t nrows, const price_str *utypes, size_t nutypes)
{
    price_ingest *in = ctx;
    sqlite3_stmt *st = in->insert;
    sqlite3_bind_text(st, 1, family, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, itype, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)nrows);
    sqlite3_bind_blob(st, 4, data, (int)len, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return rc;
    sqlite3_int64 grp = sqlite3_last_insert_rowid(in->c->db);
    for (size_t k = 0; k < nutypes; k++) {
        st = in->insert_utype;
        sqlite3_bind_text(st, 1, utypes[k].p, (int)utypes[k].len, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, grp);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return rc;
    }
    return SQLITE_OK;
}

static int keep_row(price_ingest *in, const csv_record *r)
{
    in->kept++;
    atomic_store_explicit(&in->kept_shown, in->kept, memory_order_relaxed);
    int rc = price_stage_add(in->stage, r);
    if (rc != SQLITE_OK) {
        price_cache_sql_error(in->c, rc, "write prices", &in->werr);
        return 1;
    }
    return 0;
}

static int read_row(price_ingest *in, const csv_record *r)
{
    if (r->bad)
        return note_bad(in, r, "a quoted field is never closed"), 0;
    if (r->n != in->ncols) {
        char why[96];
        snprintf(why, sizeof why, "%zu fields where the header has %zu", r->n, in->ncols);
        note_bad(in, r, why);
        return 0;
    }
    if (!csv_eq(col(in, r, COL_TERM_TYPE), "OnDemand"))
        return 0;
    if (!csv_eq(col(in, r, COL_CURRENCY), "USD"))
        return 0;
    if (!valid_price(col(in, r, COL_PRICE)))
        return note_bad(in, r, "PricePerUnit is not a decimal number"), 0;
    if (!col(in, r, COL_SKU)->len)
        return note_bad(in, r, "empty SKU"), 0;
    if (!col(in, r, COL_UNIT)->len)
        return note_bad(in, r, "empty Unit"), 0;
    if (!is_utf8(r))
        return note_bad(in, r, "text that is not valid UTF-8"), 0;
    char buf[64];
    const char *region = row_region(in, r, buf, sizeof buf);
    if (!region && in->expect_region && in->role[COL_REGION_CODE] < 0 &&
        in->role[COL_LOCATION] < 0)
        region = in->expect_region; /* a file that never says where */
    if (!region || !in_file_region(in, region))
        return 0;
    learn_prefix(in, col(in, r, COL_USAGETYPE));
    return keep_row(in, r);
}

/* A row after the header, split into all its fields. */
static int on_full_row(void *ctx, const csv_record *r)
{
    price_ingest *in = ctx;
    int stop = read_row(in, r);
    if (!stop && in->bad >= BAD_FLOOD && in->bad > in->kept) {
        char counts[64];
        snprintf(counts, sizeof counts, "%lld", (long long)in->bad);
        return fail(&in->werr, CIR_EPARSE, "%s malformed rows and counting (first: %s); giving up",
                    counts, in->first_bad_why);
    }
    return stop;
}

/* A row after the header as the parser hands it over: on-demand rows arrive
 * as raw text to split here.  `padded`: the text is followed by
 * CSV_SPLIT_PAD readable bytes (rowq.h), so it is split in place. */
static int take_row(price_ingest *in, const csv_record *r, bool padded)
{
    if (!r->partial)
        return on_full_row(in, r);
    if (!in->wcsv)
        in->wcsv = csv_new(on_full_row, in);
    cir_code rc = padded ? csv_split_padded(in->wcsv, r->raw, r->raw_len, r->index, r->offset,
                                            &in->werr)
                         : csv_split(in->wcsv, r->raw, r->raw_len, r->index, r->offset, &in->werr);
    return rc != CIR_OK;
}

/* The worker thread's callback (rowq.h). */
static int on_queued_row(void *ctx, const csv_record *r)
{
    return take_row(ctx, r, true);
}

static int on_record(void *ctx, const csv_record *r)
{
    price_ingest *in = ctx;
    if (!in->have_header) {
        if (has_control_bytes(r))
            return fail(&in->err, CIR_EPARSE, "not a CSV file (binary data before the header)%s%s",
                        "", "");
        if (!is_utf8(r)) {
            char rec[32];
            snprintf(rec, sizeof rec, "%llu", (unsigned long long)r->index + 1);
            return fail(&in->err, CIR_EPARSE, "not a UTF-8 text file (record %s has a byte "
                        "that is not UTF-8)%s", rec, "");
        }
        if (r->n > 2) {
            int rc = read_header(in, r);
            if (!rc && !in->rows_inline)
                in->q = rowq_start(on_queued_row, in); /* NULL: rows are stored inline */
            return rc;
        }
        if (r->n == 2)
            read_metadata(in, r);
        if (++in->preamble > MAX_PREAMBLE)
            return fail(&in->err, CIR_EPARSE,
                        "not an AWS price list CSV: no header row (a row of more than two "
                        "fields) in the first %s rows%s", "32", "");
        return 0;
    }
    /* Balance the two threads: while the worker keeps up, on-demand rows go
     * to it unsplit; when batches pile up, this thread splits them. */
    if (in->q && (r->index & 255) == 0)
        csv_set_gate_raw(in->csv, rowq_backlog(in->q) < 2);
    int stop = in->q ? rowq_push(in->q, r) : take_row(in, r, false);
    if (stop)
        in->err = in->werr; /* the worker has stopped: its error is final */
    return stop;
}

/* ---- session ------------------------------------------------------------ */

static int exec_sql(price_cache *c, const char *sql)
{
    return sqlite3_exec(c->db, sql, NULL, NULL, NULL);
}

cir_code price_ingest_begin(price_cache *c, const price_ingest_meta *m, price_ingest **out,
                            cir_err *err)
{
    *out = NULL;
    if (c->readonly)
        return cir_error(err, CIR_ECACHE, c->path, "cannot write prices: the price cache is read-only "
                         "here; choose another file with --cache or CIRCUIT_CACHE");
    if (c->ingesting)
        return cir_error(err, CIR_EINTERNAL, c->path, "an import is already running on this cache");
    price_cache_read_end(c);
    int rc = exec_sql(c, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return price_cache_sql_error(c, rc, "start writing prices", err);
    price_ingest *in = xcalloc(1, sizeof *in);
    in->c = c;
    c->ingesting = true;
    in->source = xstrdup(m && m->source ? m->source : "import");
    in->etag = dup_or_null(m ? m->etag : NULL);
    in->last_modified = dup_or_null(m ? m->last_modified : NULL);
    in->expect_service = dup_or_null(m ? m->expect_service : NULL);
    in->expect_region = dup_or_null(m ? m->expect_region : NULL);
    in->rows_inline = m && m->rows_inline;
    in->csv = csv_new(on_record, in);
    for (int i = 0; i < COL_NROLES; i++)
        in->role[i] = -1;

    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(c->db,
                            "UPDATE meta SET value = CAST(value AS INTEGER) + 1"
                            " WHERE key = 'next_table' RETURNING CAST(value AS INTEGER) - 1",
                            -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        in->tbl = sqlite3_column_int64(st, 0);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_CORRUPT;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK) {
        char *sql = sqlite3_mprintf(
            "CREATE TABLE p_%lld(grp INTEGER PRIMARY KEY, family TEXT NOT NULL,"
            " instance_type TEXT NOT NULL, nrows INTEGER NOT NULL, data BLOB NOT NULL);"
            "CREATE TABLE u_%lld(usagetype TEXT NOT NULL, grp INTEGER NOT NULL,"
            " PRIMARY KEY(usagetype, grp)) WITHOUT ROWID;",
            (long long)in->tbl, (long long)in->tbl);
        rc = exec_sql(c, sql);
        sqlite3_free(sql);
    }
    if (rc == SQLITE_OK) {
        char *sql = sqlite3_mprintf("INSERT INTO p_%lld(family, instance_type, nrows, data)"
                                    " VALUES(?1, ?2, ?3, ?4)", (long long)in->tbl);
        rc = sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &in->insert, NULL);
        sqlite3_free(sql);
    }
    if (rc == SQLITE_OK) {
        char *sql = sqlite3_mprintf("INSERT OR IGNORE INTO u_%lld VALUES(?1, ?2)",
                                    (long long)in->tbl);
        rc = sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &in->insert_utype,
                                NULL);
        sqlite3_free(sql);
    }
    if (rc != SQLITE_OK) {
        price_cache_sql_error(c, rc, "start writing prices", err);
        price_ingest_abort(in);
        return err->code;
    }
    *out = in;
    return CIR_OK;
}

/* A first look at the bytes, so a JSON body or a binary file gets a precise
 * message rather than "missing columns". */
static cir_code sniff(price_ingest *in, const char *data, size_t len, cir_err *err)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i >= len)
        return CIR_OK;
    unsigned char c0 = (unsigned char)data[i];
    const char *what = NULL;
    if (c0 == '{' || c0 == '[')
        what = "JSON (ask for the .csv file rather than index.json)";
    else if (c0 == '<')
        what = "HTML or XML";
    else if (c0 == 0x1f && i + 1 < len && (unsigned char)data[i + 1] == 0x8b)
        what = "gzip-compressed (decompress it first)";
    else if (c0 == 'P' && i + 3 < len && memcmp(data + i, "PK\x03\x04", 4) == 0)
        what = "a zip archive (extract it first)";
    else if (memchr(data + i, '\0', len - i < 4096 ? len - i : 4096))
        what = "binary data";
    if (!what)
        return CIR_OK;
    in->failed = true;
    return cir_error(err, CIR_EPARSE, NULL, "not an AWS price list CSV: the content is %s", what);
}

cir_code price_ingest_feed(price_ingest *in, const char *data, size_t len, cir_err *err)
{
    if (in->failed)
        return cir_error(err, CIR_EINTERNAL, NULL, "feed after a failed import");
    if (in->bytes == 0 && len && sniff(in, data, len, err) != CIR_OK)
        return err->code;
    in->bytes += (int64_t)len;
    cir_err_clear(&in->err);
    if (csv_feed(in->csv, data, len, &in->err) != CIR_OK) {
        in->failed = true;
        *err = in->err;
        return err->code;
    }
    return CIR_OK;
}

/* The usagetype prefix most rows carry, when most rows carry one. */
static const char *learned_prefix(const price_ingest *in)
{
    const char *best = "";
    int64_t best_n = 0;
    for (size_t i = 0; i < in->nprefixes; i++)
        if (in->prefixes[i].n > best_n) {
            best = in->prefixes[i].text;
            best_n = in->prefixes[i].n;
        }
    return best_n >= 3 && best_n * 2 > in->with_usagetype ? best : "";
}

static char *joined_keys(const price_ingest *in)
{
    size_t len = 1;
    for (size_t i = 0; i < in->nslots; i++)
        len += strlen(in->keys[i]) + 1;
    char *out = xmalloc(len);
    size_t n = 0;
    for (size_t i = 0; i < in->nslots; i++) {
        if (i)
            out[n++] = '\t';
        size_t k = strlen(in->keys[i]);
        memcpy(out + n, in->keys[i], k);
        n += k;
    }
    out[n] = '\0';
    return out;
}

static cir_code check_result(price_ingest *in, int64_t seen, cir_err *err)
{
    if (!in->have_header)
        return cir_error(err, CIR_EPARSE, NULL,
                         in->bytes == 0 ? "empty file: not an AWS price list CSV"
                                        : "not an AWS price list CSV: no header row");
    if (!in->offer_code[0] && !in->expect_service)
        return cir_error(err, CIR_EPARSE, NULL,
                         "no OfferCode row before the header: cannot tell which AWS offer this is");
    if (in->bad > in->kept)
        return cir_error(err, CIR_EPARSE, NULL,
                         "%lld of the on-demand rows are malformed, more than the %lld good "
                         "ones (first: record %llu, %s)",
                         (long long)in->bad, (long long)in->kept,
                         (unsigned long long)in->first_bad, in->first_bad_why);
    if (in->kept == 0) {
        if (in->other_region && in->expect_region)
            return cir_error(err, CIR_EINPUT, NULL,
                             "no prices for region %s in this file (it holds other regions)",
                             in->expect_region);
        return cir_error(err, CIR_EINPUT, NULL,
                         "no on-demand USD prices for an AWS region among %lld rows", (long long)seen);
    }
    return CIR_OK;
}

/* Indexes the new table, points the offers row at it, drops the old one. */
static int swap_in(price_ingest *in, const char *service, int64_t seen)
{
    price_cache *c = in->c;
    int rc = price_stage_finish(in->stage);
    if (rc != SQLITE_OK)
        return rc;
    char *sql = sqlite3_mprintf("CREATE INDEX p_%lld_key ON p_%lld(family, instance_type)",
                                (long long)in->tbl, (long long)in->tbl);
    rc = exec_sql(c, sql);
    sqlite3_free(sql);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *st;
    int64_t old_tbl = -1;
    rc = sqlite3_prepare_v2(c->db, "SELECT tbl FROM offers WHERE service = ?1 AND region = ?2",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(st, 1, service, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, in->region, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        old_tbl = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return rc;
    char now[40];
    price_cache_now(now, sizeof now);
    char *columns = joined_keys(in);
    rc = sqlite3_prepare_v2(c->db,
                            "INSERT OR REPLACE INTO offers(service, region, tbl, version,"
                            " publication_date, etag, last_modified, fetched_at, source, rows_seen,"
                            " rows_kept, rows_bad, bytes, usage_prefix, columns)"
                            " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                            -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, service, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, in->region, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, in->tbl);
        sqlite3_bind_text(st, 4, in->version, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, in->publication_date, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, in->etag ? in->etag : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, in->last_modified ? in->last_modified : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, now, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, in->source, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 10, seen);
        sqlite3_bind_int64(st, 11, in->kept);
        sqlite3_bind_int64(st, 12, in->bad);
        sqlite3_bind_int64(st, 13, in->bytes);
        sqlite3_bind_text(st, 14, learned_prefix(in), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 15, columns, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        sqlite3_finalize(st);
    }
    free(columns);
    if (rc == SQLITE_OK && old_tbl >= 0) {
        sql = sqlite3_mprintf("DROP TABLE IF EXISTS p_%lld; DROP TABLE IF EXISTS u_%lld",
                              (long long)old_tbl, (long long)old_tbl);
        rc = exec_sql(c, sql);
        sqlite3_free(sql);
    }
    return rc;
}

cir_code price_ingest_commit(price_ingest *in, price_ingest_stats *st, cir_err *err)
{
    price_ingest_stats local;
    if (!st)
        st = &local;
    memset(st, 0, sizeof *st);
    if (in->failed) {
        price_ingest_abort(in);
        return cir_error(err, CIR_EINTERNAL, NULL, "commit after a failed import");
    }
    cir_err_clear(&in->err);
    cir_code code = csv_finish(in->csv, &in->err);
    if (in->q) {
        rowq *q = in->q;
        in->q = NULL;
        if (rowq_finish(q) && code == CIR_OK) {
            in->err = in->werr;
            code = in->err.code ? in->err.code : CIR_EPARSE;
        }
    }
    if (code != CIR_OK) {
        *err = in->err;
        price_ingest_abort(in);
        return err->code;
    }
    int64_t records = (int64_t)csv_records(in->csv);
    int64_t seen = in->have_header ? records - (int64_t)in->header_index - 1 : 0;
    const char *service = in->offer_code[0] ? in->offer_code : in->expect_service;
    st->rows_seen = seen;
    st->rows_kept = in->kept;
    st->rows_bad = in->bad;
    st->bytes = in->bytes;
    copy_str(st->service, sizeof st->service, service ? service : "");
    copy_str(st->region, sizeof st->region, in->region);
    copy_str(st->version, sizeof st->version, in->version);
    copy_str(st->publication_date, sizeof st->publication_date, in->publication_date);
    if (check_result(in, seen, err) != CIR_OK) {
        price_ingest_abort(in);
        return err->code;
    }
    price_cache *c = in->c;
    int rc = swap_in(in, service, seen);
    if (rc == SQLITE_OK)
        rc = exec_sql(c, "COMMIT");
    if (rc != SQLITE_OK) {
        price_cache_sql_error(c, rc, "save the new prices", err);
        price_ingest_abort(in);
        return err->code;
    }
    if (in->other_region)
        cir_warn(service, "%lld row%s for regions other than %s left out (a multi-region "
                 "file? import one regional file per region)",
                 (long long)in->other_region, in->other_region == 1 ? "" : "s", in->region);
    c->ingesting = false;
    c->generation++;   /* lookups drop their memo (lookup.c) */
    ingest_free(in);
    return CIR_OK;
}

void price_ingest_abort(price_ingest *in)
{
    if (!in)
        return;
    if (in->insert) {
        sqlite3_finalize(in->insert);
        in->insert = NULL;
    }
    if (in->insert_utype) {
        sqlite3_finalize(in->insert_utype);
        in->insert_utype = NULL;
    }
    if (!sqlite3_get_autocommit(in->c->db))
        exec_sql(in->c, "ROLLBACK");
    in->c->ingesting = false;
    ingest_free(in);
}

void price_ingest_progress(const price_ingest *in, int64_t *seen, int64_t *kept)
{
    int64_t records = (int64_t)csv_records(in->csv);
    *seen = in->have_header ? records - (int64_t)in->header_index - 1 : 0;
    *kept = atomic_load_explicit(&in->kept_shown, memory_order_relaxed);
}
