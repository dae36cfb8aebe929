/*
 * test_price_cache.c — opening the price cache (pricing/cache.c): where the
 * file goes, schema version and migrations, WAL, and every kind of bad file
 * (garbage, foreign SQLite, newer schema, corrupt pages, unwritable place)
 * turned into a clear error that says how to rebuild.
 */
#include "price_test_util.h"

#include <sqlite3.h>
#include <sys/stat.h>

static int query_int(const char *path, const char *sql)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

static cir_code open_err(const char *path, bool readonly, cir_err *err)
{
    price_open_opts o = {.path = path, .readonly = readonly};
    price_cache *c = NULL;
    cir_err_clear(err);
    cir_code rc = price_cache_open(&o, &c, err);
    if (rc == CIR_OK)
        price_cache_close(c);
    else
        cr_assert_null(c);
    return rc;
}

Test(price_cache, creates_directories_schema_and_wal)
{
    char *path = tmp_path(tmp_dir(), "a/b/c/pricing.db");
    price_cache *c = open_cache_at(path);
    cr_assert_str_eq(price_cache_path(c), path);
    price_cache_close(c);
    cr_assert_eq(query_int(path, "PRAGMA user_version"), PRICE_SCHEMA_VERSION);
    cr_assert_eq(query_int(path, "PRAGMA application_id"), PRICE_APPLICATION_ID);
    cr_assert_eq(query_int(path, "SELECT count(*) FROM migrations"), PRICE_SCHEMA_VERSION);
    cr_assert_eq(query_int(path, "SELECT max(version) FROM migrations"), PRICE_SCHEMA_VERSION);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* Reopening neither migrates again nor loses anything. */
    c = open_cache_at(path);
    price_cache_close(c);
    cr_assert_eq(query_int(path, "SELECT count(*) FROM migrations"), PRICE_SCHEMA_VERSION);
    free(path);
}

Test(price_cache, default_path_follows_the_environment)
{
    const char *dir = tmp_dir();
    char *xdg = tmp_path(dir, "xdg");
    char *home = tmp_path(dir, "home");
    char *env = tmp_path(dir, "env.db");
    cir_err err;
    price_cache *c;

    setenv("CIRCUIT_CACHE", env, 1);
    setenv("XDG_CACHE_HOME", xdg, 1);
    setenv("HOME", home, 1);
    cr_assert_eq(price_cache_open(NULL, &c, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(price_cache_path(c), env);
    price_cache_close(c);

    unsetenv("CIRCUIT_CACHE");
    cr_assert_eq(price_cache_open(NULL, &c, &err), CIR_OK, "%s", err.msg);
    char *want = tmp_path(xdg, "circuit/pricing.db");
    cr_assert_str_eq(price_cache_path(c), want);
    price_cache_close(c);
    free(want);

    setenv("XDG_CACHE_HOME", "relative/ignored", 1);
    cr_assert_eq(price_cache_open(NULL, &c, &err), CIR_OK, "%s", err.msg);
    want = tmp_path(home, ".cache/circuit/pricing.db");
    cr_assert_str_eq(price_cache_path(c), want);
    price_cache_close(c);
    free(want);

    price_open_opts o = {.path = env};
    cr_assert_eq(price_cache_open(&o, &c, &err), CIR_OK, "%s", err.msg);
    cr_assert_str_eq(price_cache_path(c), env, "an explicit path wins");
    price_cache_close(c);
    free(xdg);
    free(home);
    free(env);
}

Test(price_cache, garbage_file_is_refused_with_a_rebuild_hint)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    write_file(path, "this is not a database at all, it is a text file\n", 50);
    cir_err err;
    cr_assert_eq(open_err(path, false, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "not a circuit price cache"), "%s", err.msg);
    cr_assert(strstr(err.msg, "delete it and run 'circuit pricing sync'"), "%s", err.msg);
    cr_assert_str_eq(err.topic, path);
    free(path);
}

Test(price_cache, foreign_sqlite_file_is_refused)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "CREATE TABLE invoices(id INTEGER, total REAL)", NULL, NULL, NULL);
    sqlite3_close(db);
    cir_err err;
    cr_assert_eq(open_err(path, false, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "other tables"), "%s", err.msg);
    /* ... and left alone. */
    cr_assert_eq(query_int(path, "SELECT count(*) FROM sqlite_schema"), 1);
    free(path);
}

Test(price_cache, newer_schema_is_refused)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache_close(open_cache_at(path));
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    cir_err err;
    cr_assert_eq(open_err(path, false, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "schema version 99, newer"), "%s", err.msg);
    free(path);
}

Test(price_cache, corrupt_pages_give_a_clear_error_not_a_crash)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *c = open_cache_at(path);
    price_ingest_stats st;
    import_fixture(c, "pricing-AmazonRDS-eu-west-1.csv", &st);
    price_cache_close(c);
    /* Fold the WAL in, then scribble over everything after the header. */
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close(db);
    FILE *f = fopen(path, "r+b");
    cr_assert_not_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    for (long off = 100; off < size; off += 97) {
        fseek(f, off, SEEK_SET);
        fputc(0xA5, f);
    }
    fclose(f);
    cir_err err;
    price_open_opts o = {.path = path, .no_snapshot = true};
    cir_code rc = price_cache_open(&o, &c, &err);
    if (rc == CIR_OK) {
        price_filter fl[] = {{"databaseEngine", "MySQL", PRICE_EXACT}};
        price_match m;
        rc = lookup1(c, "AmazonRDS", "eu-west-1", "Database Instance", fl, 1, &m, &err);
        price_cache_close(c);
    }
    cr_assert_eq(rc, CIR_ECACHE, "rc %d: %s", rc, err.msg);
    cr_assert(strstr(err.msg, "corrupt") || strstr(err.msg, "damaged"), "%s", err.msg);
    cr_assert(strstr(err.msg, "rebuild") || strstr(err.msg, "delete"), "%s", err.msg);
    free(path);
}

Test(price_cache, damaged_price_group_is_reported_as_corrupt)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *c = open_cache_at(path);
    price_ingest_stats st;
    import_fixture(c, "pricing-AWSELB-eu-west-1.csv", &st);
    price_cache_close(c);
    sqlite3 *db;
    sqlite3_open(path, &db);
    char *sql = sqlite3_mprintf("UPDATE p_%d SET data = x'05ffffffff'",
                                query_int(path, "SELECT tbl FROM offers"));
    cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(sql);
    sqlite3_close(db);
    c = open_cache_at(path);
    cir_err err;
    price_match m;
    cr_assert_eq(lookup1(c, "AWSELB", "eu-west-1", NULL, NULL, 0, &m, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "corrupt"), "%s", err.msg);
    price_cache_close(c);
    free(path);
}

Test(price_cache, unwritable_place_is_a_clear_error)
{
    cir_err err;
    /* /proc refuses new files even to root. */
    cr_assert_eq(open_err("/proc/circuit-test-pricing.db", false, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "not writable"), "%s", err.msg);
    cr_assert_eq(open_err("/proc/circuit-test/sub/pricing.db", false, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "cannot create the cache directory"), "%s", err.msg);
    if (geteuid() != 0) {
        const char *dir = tmp_dir();
        chmod(dir, 0555);
        char *path = tmp_path(dir, "pricing.db");
        cr_assert_eq(open_err(path, false, &err), CIR_ECACHE);
        cr_assert(strstr(err.msg, "not writable"), "%s", err.msg);
        free(path);
    }
}

Test(price_cache, readonly_open_never_creates)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    cir_err err;
    cr_assert_eq(open_err(path, true, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "no price cache here yet"), "%s", err.msg);
    struct stat sb;
    cr_assert_neq(stat(path, &sb), 0);
    price_cache_close(open_cache_at(path));
    cr_assert_eq(open_err(path, true, &err), CIR_OK, "%s", err.msg);
    price_open_opts o = {.path = path, .readonly = true};
    price_cache *c;
    cr_assert_eq(price_cache_open(&o, &c, &err), CIR_OK);
    price_ingest *in;
    price_ingest_meta m = {.source = "x"};
    cr_assert_eq(price_ingest_begin(c, &m, &in, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "read-only"), "%s", err.msg);
    price_cache_close(c);
    free(path);
}

Test(price_cache, a_path_that_is_a_directory_is_refused)
{
    cir_err err;
    cr_assert_eq(open_err(tmp_dir(), false, &err), CIR_ECACHE);
    cr_assert(strstr(err.msg, "not a regular file"), "%s", err.msg);
}

Test(price_cache, empty_file_becomes_a_cache)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    write_file(path, "", 0);
    price_cache_close(open_cache_at(path));
    cr_assert_eq(query_int(path, "PRAGMA user_version"), PRICE_SCHEMA_VERSION);
    free(path);
}

Test(price_cache, an_unmigrated_circuit_file_is_migrated)
{
    /* A file circuit marked but never finished setting up (application id,
     * schema version 0, no tables): opening it runs every migration. */
    char *path = tmp_path(tmp_dir(), "pricing.db");
    sqlite3 *db;
    sqlite3_open(path, &db);
    char *sql = sqlite3_mprintf("PRAGMA application_id = %d", PRICE_APPLICATION_ID);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
    sqlite3_close(db);
    price_cache_close(open_cache_at(path));
    cr_assert_eq(query_int(path, "PRAGMA user_version"), PRICE_SCHEMA_VERSION);
    cr_assert_eq(query_int(path, "SELECT count(*) FROM migrations"), PRICE_SCHEMA_VERSION);
    free(path);
}

Test(price_cache, readonly_cache_says_why_the_snapshot_is_not_used)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache_close(open_cache_at(path));
    price_open_opts o = {.path = path, .readonly = true};
    price_cache *c;
    cir_err err;
    cr_assert_eq(price_cache_open(&o, &c, &err), CIR_OK, "%s", err.msg);
    price_match m;
    cr_assert_not_null(price_snapshot_find("AmazonEC2", "us-east-1"), "the bundled snapshot");
    cr_assert_eq(lookup1(c, "AmazonEC2", "us-east-1", NULL, NULL, 0, &m, &err), CIR_ENOPRICE);
    cr_assert(strstr(err.msg, "read-only"), "%s", err.msg);
    price_cache_close(c);
    free(path);
}

/* The fixture's eu-west-1 Linux t3.medium is found in cache c. */
static void assert_eu_t3_medium(price_cache *c)
{
    price_filter f[] = {{"instanceType", "t3.medium", PRICE_EXACT},
                        {"operatingSystem", "Linux", PRICE_EXACT},
                        {"tenancy", "Shared", PRICE_EXACT},
                        {"preInstalledSw", "NA", PRICE_EXACT},
                        {"capacitystatus", "Used", PRICE_EXACT},
                        {"licenseModel", "No License required", PRICE_EXACT}};
    price_match m;
    cir_err err;
    cr_assert_eq(lookup1(c, "AmazonEC2", "eu-west-1", "Compute Instance", f, 6, &m, &err), CIR_OK,
                 "%s", err.msg);
    cr_assert_str_eq(m.sku, "47NTBKB4KMUU98P8");
}

/* A cache circuit creates uses 16 KiB pages (fewer pages for an import to
 * write and checkpoint); one made with another page size, as every cache
 * before this was, keeps it and stays fully usable. */
Test(price_cache, new_caches_use_16k_pages_old_ones_keep_theirs)
{
    const char *dir = tmp_dir();
    char *fresh = tmp_path(dir, "fresh.db");
    price_cache_close(open_cache_at(fresh));
    cr_assert_eq(query_int(fresh, "PRAGMA page_size"), 16384);

    char *old = tmp_path(dir, "old.db");
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(old, &db), SQLITE_OK);
    char *sql = sqlite3_mprintf("PRAGMA page_size = 4096; PRAGMA application_id = %d;"
                                " PRAGMA journal_mode = WAL",
                                PRICE_APPLICATION_ID);
    cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(sql);
    sqlite3_close(db);
    price_cache *c = open_cache_at(old);
    price_ingest_stats st;
    import_fixture(c, "pricing-AmazonEC2-eu-west-1.csv", &st);
    assert_eu_t3_medium(c);
    price_cache_close(c);
    cr_assert_eq(query_int(old, "PRAGMA page_size"), 4096);
    cr_assert_eq(query_int(old, "PRAGMA user_version"), PRICE_SCHEMA_VERSION);
    free(fresh);
    free(old);
}

/* A schema-1 cache (before row format 2) is migrated in place on open and
 * keeps its prices; the migration is recorded. */
Test(price_cache, a_schema_1_cache_is_migrated_and_keeps_its_prices)
{
    char *path = tmp_path(tmp_dir(), "pricing.db");
    price_cache *c = open_cache_at(path);
    price_ingest_stats st;
    import_fixture(c, "pricing-AmazonEC2-eu-west-1.csv", &st);
    price_cache_close(c);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "DELETE FROM migrations WHERE version > 1; PRAGMA user_version = 1",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(db);
    c = open_cache_at(path);
    assert_eu_t3_medium(c);
    price_cache_close(c);
    cr_assert_eq(query_int(path, "PRAGMA user_version"), 2);
    cr_assert_eq(query_int(path, "SELECT count(*) FROM migrations WHERE version = 2"), 1);
    free(path);
}
