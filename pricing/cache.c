/*
 * cache.c — opening the price cache: where it lives, its schema and
 * migrations, concurrency settings, and turning every way a file can be
 * wrong (not SQLite, someone else's SQLite, a newer schema, corrupt pages,
 * a read-only or full directory) into one clear error that says how to
 * rebuild it.  Also the small metadata calls (offers, used, ETag, touch).
 *
 * Concurrency: the file runs in WAL mode, so any number of readers proceed
 * while one writer imports; the busy timeout covers the short moments where
 * SQLite needs a lock (first creation, migration, the commit of an import).
 * An import holds its write transaction from begin to commit, so a second
 * writer waits for it (up to the timeout) rather than failing at once.
 */
#include "cache.h"

#include "../src/core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 30000
#define CACHE_PAGES_KIB 8192 /* page cache per connection */
#define PAGE_BYTES 16384     /* page size of a cache this creates */
#define REBUILD_HINT "delete it and run 'circuit pricing sync' (or 'circuit pricing import FILE') to rebuild it"

static const struct migration {
    int version;
    const char *what;
    const char *sql;
} migrations[] = {
    {1, "offers and one price table per offer and region",
     "CREATE TABLE IF NOT EXISTS migrations(version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
     " applied_at TEXT NOT NULL);"
     "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
     "INSERT INTO meta VALUES('next_table', '1');"
     "CREATE TABLE offers(service TEXT NOT NULL, region TEXT NOT NULL, tbl INTEGER NOT NULL,"
     " version TEXT NOT NULL DEFAULT '', publication_date TEXT NOT NULL DEFAULT '',"
     " etag TEXT NOT NULL DEFAULT '', last_modified TEXT NOT NULL DEFAULT '',"
     " fetched_at TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',"
     " rows_seen INTEGER NOT NULL DEFAULT 0, rows_kept INTEGER NOT NULL DEFAULT 0,"
     " rows_bad INTEGER NOT NULL DEFAULT 0, bytes INTEGER NOT NULL DEFAULT 0,"
     " usage_prefix TEXT NOT NULL DEFAULT '', columns TEXT NOT NULL DEFAULT '',"
     " PRIMARY KEY(service, region)) WITHOUT ROWID;"},
    /* Nothing to convert: readers take both row formats.  The version bump
     * makes an older circuit refuse the file clearly instead of failing on
     * the first price group it cannot decode. */
    {2, "price groups written in row format 2 (changed slots as gaps)", "SELECT 1"},
};

#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])

/* ---- arena ------------------------------------------------------------ */

struct arena_block {
    struct arena_block *next;
    size_t used, size;
    char data[];
};

const char *price_cache_strndup(price_cache *c, const char *s, size_t n)
{
    struct arena_block *b = c->arena;
    if (!b || b->size - b->used < n + 1) {
        size_t size = n + 1 > 60000 ? n + 1 : 60000;
        b = xmalloc(sizeof *b + size);
        b->size = size;
        b->used = 0;
        b->next = c->arena;
        c->arena = b;
    }
    char *out = b->data + b->used;
    if (n)
        memcpy(out, s, n);
    out[n] = '\0';
    b->used += n + 1;
    return out;
}

/* ---- errors ----------------------------------------------------------- */

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

/* 0 when a file can be created in `dir`, else the errno that stops it. */
static int probe_dir(const char *dir)
{
    char *probe = xasprintf("%s/.circuit-probe-%ld", dir, (long)getpid());
    int fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    int e = fd < 0 ? errno : 0;
    if (fd >= 0) {
        close(fd);
        unlink(probe);
    }
    free(probe);
    return e;
}

cir_code price_cache_sql_error(price_cache *c, int rc, const char *doing, cir_err *err)
{
    const char *path = c->path;
    /* SQLite's own message only when the failure is SQLite's: a code our
     * decoder raised (a price group that does not decode) would otherwise
     * come out as SQLite's "not an error". */
    bool sqlites = c->db && (sqlite3_extended_errcode(c->db) & 0xff) == (rc & 0xff);
    const char *msg = sqlites ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);
    if ((rc & 0xff) == SQLITE_CORRUPT && !sqlites)
        msg = "a price group does not decode";
    int sys = c->db ? sqlite3_system_errno(c->db) : 0;
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return cir_error(err, CIR_ECACHE, path, "the price cache is corrupt (%s); " REBUILD_HINT,
                         msg);
    case SQLITE_FULL:
        return cir_error(err, CIR_ECACHE, path,
                         "disk full while trying to %s; the previous prices are intact (free some "
                         "space and try again)", doing);
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: {
        char *dir = dir_of(path);
        int e = probe_dir(dir);
        if (e)
            cir_error(err, CIR_ECACHE, path,
                      "cannot %s: its directory %s is not writable (%s); choose another file "
                      "with --cache or CIRCUIT_CACHE", doing, dir, strerror(e));
        else
            cir_error(err, CIR_ECACHE, path, "cannot %s: %s%s%s", doing, msg, sys ? ": " : "",
                      sys ? strerror(sys) : "");
        free(dir);
        return CIR_ECACHE;
    }
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return cir_error(err, CIR_ECACHE, path,
                         "the price cache stayed busy for %d s while trying to %s (another "
                         "import or sync is writing it); try again", BUSY_TIMEOUT_MS / 1000, doing);
    case SQLITE_IOERR:
        if (sys == ENOSPC || sys == EDQUOT || sys == EFBIG)
            return cir_error(err, CIR_ECACHE, path,
                             "disk full while trying to %s; the previous prices are intact "
                             "(free some space and try again)", doing);
        if (rc == SQLITE_IOERR_WRITE && sys == 0)
            /* SQLite lost the errno (it reads it late): most often a full
             * disk or a file size limit (EFBIG). */
            return cir_error(err, CIR_ECACHE, path,
                             "cannot write while trying to %s (a full disk or a file size "
                             "limit?); the previous prices are intact", doing);
        return cir_error(err, CIR_EIO, path, "I/O error while trying to %s: %s", doing,
                         sys ? strerror(sys) : msg);
    default:
        return cir_error(err, CIR_ECACHE, path, "cannot %s: %s", doing, msg);
    }
}

/* ---- when a command that only reads cannot write the cache ------------- */

/* True when `path` (which exists) and its directory can be written: SQLite
 * needs both, for the -wal and -shm files beside the cache. */
static bool writable(const char *path)
{
    if (access(path, W_OK) != 0)
        return false;
    char *dir = dir_of(path);
    int e = probe_dir(dir);
    free(dir);
    return e == 0;
}

/* Points `c` at a fresh cache in $TMPDIR for this run only, after one
 * warning saying why.  The directory goes at close. */
static cir_code temp_cache(price_cache *c, const char *why, cir_err *err)
{
    const char *tmp = getenv("TMPDIR");
    char *templ = xasprintf("%s/circuit-cache-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(templ)) {
        int e = errno;
        free(templ);
        return cir_error(err, CIR_ECACHE, "price cache", "%s, and no temporary cache either: %s",
                         why, strerror(e));
    }
    cir_warn("price cache", "%s; using a temporary cache filled from the bundled snapshot "
             "(set --cache or CIRCUIT_CACHE to a writable file to keep one)", why);
    c->temp_dir = templ;
    free(c->path);
    c->path = xasprintf("%s/pricing.db", templ);
    c->readonly = false;
    return CIR_OK;
}

/* ---- where the file lives --------------------------------------------- */

static char *default_path(cir_err *err)
{
    const char *env = getenv("CIRCUIT_CACHE");
    if (env && *env)
        return xstrdup(env);
    env = getenv("XDG_CACHE_HOME");
    if (env && env[0] == '/')
        return xasprintf("%s/circuit/pricing.db", env);
    env = getenv("HOME");
    if (env && *env)
        return xasprintf("%s/.cache/circuit/pricing.db", env);
    cir_error(err, CIR_ECACHE, "price cache",
              "no place for the price cache: set --cache, CIRCUIT_CACHE, XDG_CACHE_HOME or HOME");
    return NULL;
}

/* mkdir -p for the directory that will hold `path`. */
static cir_code make_parents(const char *path, cir_err *err)
{
    char *dir = dir_of(path);
    cir_code rc = CIR_OK;
    for (char *p = dir + 1;; p++) {
        char saved = *p;
        if (saved != '/' && saved != '\0')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            rc = cir_error(err, CIR_ECACHE, path, "cannot create the cache directory %s: %s",
                           dir, strerror(errno));
            break;
        }
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(dir);
    return rc;
}

/* Refuses, before SQLite sees it, a file that is plainly not SQLite. */
static cir_code check_file(const char *path, bool readonly, bool *exists, cir_err *err)
{
    struct stat st;
    *exists = false;
    if (stat(path, &st) != 0) {
        if (errno != ENOENT)
            return cir_error(err, CIR_ECACHE, path, "cannot open the price cache: %s",
                             strerror(errno));
        if (readonly)
            return cir_error(err, CIR_ECACHE, path,
                             "no price cache here yet (run 'circuit pricing sync' or "
                             "'circuit pricing import FILE')");
        return CIR_OK;
    }
    *exists = true;
    if (!S_ISREG(st.st_mode))
        return cir_error(err, CIR_ECACHE, path, "the price cache path is not a regular file");
    if (st.st_size == 0)
        return CIR_OK; /* SQLite treats an empty file as an empty database */
    char head[16] = {0};
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cir_error(err, CIR_ECACHE, path, "cannot read the price cache: %s",
                         strerror(errno));
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    if (n != (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
        return cir_error(err, CIR_ECACHE, path,
                         "not a circuit price cache (not an SQLite database); " REBUILD_HINT);
    return CIR_OK;
}

/* "file:PATH?immutable=1", PATH percent-encoded where a URI needs it. */
static char *immutable_uri(const char *path)
{
    size_t n = strlen(path);
    char *out = xmalloc(n * 3 + 32);
    char *o = out;
    o += sprintf(o, "file:");
    for (const char *p = path; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '%' || ch == '?' || ch == '#' || ch < 0x21 || ch >= 0x7F)
            o += sprintf(o, "%%%02X", ch);
        else
            *o++ = (char)ch;
    }
    strcpy(o, "?immutable=1");
    return out;
}

/* Whether a read works on this handle (a WAL cache needs its -shm). */
static int open_readable(price_cache *c)
{
    return sqlite3_exec(c->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
}

/* ---- schema ----------------------------------------------------------- */

static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

typedef struct schema_state {
    int user_version, app_id, tables;
} schema_state;

static int read_schema(sqlite3 *db, schema_state *s)
{
    int rc = pragma_int(db, "PRAGMA user_version", &s->user_version);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "PRAGMA application_id", &s->app_id);
    if (rc == SQLITE_OK)
        rc = pragma_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", &s->tables);
    return rc;
}

static cir_code check_owner(price_cache *c, const schema_state *s, cir_err *err)
{
    if (s->tables == 0 && s->user_version == 0)
        return CIR_OK;
    if (s->app_id != PRICE_APPLICATION_ID)
        return cir_error(err, CIR_ECACHE, c->path,
                         "not a circuit price cache (an SQLite database with other tables); "
                         "point --cache elsewhere, or " REBUILD_HINT);
    if (s->user_version > PRICE_SCHEMA_VERSION)
        return cir_error(err, CIR_ECACHE, c->path,
                         "the price cache has schema version %d, newer than this circuit "
                         "understands (%d); upgrade circuit, or " REBUILD_HINT,
                         s->user_version, PRICE_SCHEMA_VERSION);
    return CIR_OK;
}

static cir_code migrate(price_cache *c, cir_err *err)
{
    sqlite3 *db = c->db;
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return price_cache_sql_error(c, rc, "create the price cache", err);
    schema_state s;
    rc = read_schema(db, &s); /* another process may have migrated meanwhile */
    if (rc != SQLITE_OK || check_owner(c, &s, err) != CIR_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return rc != SQLITE_OK ? price_cache_sql_error(c, rc, "read the cache schema", err)
                               : err->code;
    }
    char now[40];
    price_cache_now(now, sizeof now);
    for (size_t i = 0; i < NMIGRATIONS && rc == SQLITE_OK; i++) {
        const struct migration *m = &migrations[i];
        if (m->version <= s.user_version)
            continue;
        rc = sqlite3_exec(db, m->sql, NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            break;
        char *sql = sqlite3_mprintf("INSERT INTO migrations VALUES(%d, %Q, %Q);"
                                    "PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                    m->version, m->what, now, m->version, PRICE_APPLICATION_ID);
        rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        sqlite3_free(sql);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        cir_code code = price_cache_sql_error(c, rc, "set up the price cache schema", err);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return code;
    }
    return CIR_OK;
}

static cir_code configure(price_cache *c, cir_err *err)
{
    sqlite3 *db = c->db;
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
    /* page_size only takes effect when this creates the file (an existing
     * cache keeps its own).  Price groups are blobs of tens of KiB: on 16 KiB
     * pages an import writes and checkpoints a quarter as many pages, and
     * its commit (WAL append, checkpoint copy) runs a fifth faster. */
    char sql[200];
    snprintf(sql, sizeof sql,
             "PRAGMA page_size = %d; PRAGMA cache_size = -%d; PRAGMA synchronous = NORMAL;"
             " PRAGMA temp_store = FILE; PRAGMA journal_size_limit = %d;",
             PAGE_BYTES, CACHE_PAGES_KIB, 32 << 20);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return price_cache_sql_error(c, rc, "open the price cache", err);
    if (c->readonly)
        return CIR_OK;
    /* Only switch when needed: the switch takes an exclusive lock. */
    sqlite3_stmt *st;
    rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
    bool wal = false;
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *mode = sqlite3_column_text(st, 0);
        wal = mode && strcmp((const char *)mode, "wal") == 0;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK && !wal) {
        rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW)
                rc = SQLITE_OK;
            sqlite3_finalize(st);
        }
    }
    if (rc != SQLITE_OK)
        return price_cache_sql_error(c, rc, "open the price cache for writing", err);
    return CIR_OK;
}

static cir_code check_schema(price_cache *c, cir_err *err)
{
    schema_state s;
    int rc = read_schema(c->db, &s);
    if (rc != SQLITE_OK)
        return price_cache_sql_error(c, rc, "read the price cache", err);
    if (check_owner(c, &s, err) != CIR_OK)
        return err->code;
    if (s.user_version < PRICE_SCHEMA_VERSION) {
        if (c->readonly)
            return cir_error(err, CIR_ECACHE, c->path,
                             "the price cache needs schema version %d (it has %d); open it "
                             "once without read-only access to upgrade it",
                             PRICE_SCHEMA_VERSION, s.user_version);
        if (migrate(c, err) != CIR_OK)
            return err->code;
    }
    /* The tables we rely on must be there and readable. */
    rc = sqlite3_exec(c->db, "SELECT service, region, tbl, columns FROM offers LIMIT 1;"
                             "SELECT value FROM meta WHERE key = 'next_table'",
                      NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_ERROR)
            return cir_error(err, CIR_ECACHE, c->path,
                             "the price cache is damaged (%s); " REBUILD_HINT,
                             sqlite3_errmsg(c->db));
        return price_cache_sql_error(c, rc, "read the price cache", err);
    }
    return CIR_OK;
}

/* Decides where a command that only reads (opts->reading) can read: the
 * cache as it is when it cannot be written, or a temporary one when it
 * cannot be created.  The reasons never fail the command. */
static cir_code place_for_reading(price_cache *c, bool exists, bool temp_ok, cir_err *err)
{
    if (exists) {
        if (!writable(c->path))
            c->readonly = true; /* an image, a shared volume: use it as it is */
        return CIR_OK;
    }
    if (!temp_ok)
        return make_parents(c->path, err);
    cir_err why;
    cir_err_clear(&why);
    char *dir = dir_of(c->path);
    int e = make_parents(c->path, &why) == CIR_OK ? probe_dir(dir) : EACCES;
    free(dir);
    if (!e)
        return CIR_OK;
    char *reason = why.msg[0] ? xasprintf("%s: %s", c->path, why.msg)
                              : xasprintf("cannot create %s: %s", c->path, strerror(e));
    cir_code rc = temp_cache(c, reason, err);
    free(reason);
    return rc;
}

cir_code price_cache_open(const price_open_opts *opts, price_cache **out, cir_err *err)
{
    price_open_opts none = {0};
    if (!opts)
        opts = &none;
    *out = NULL;
    bool reading = opts->reading && !opts->readonly;
    price_cache *c = xcalloc(1, sizeof *c);
    c->readonly = opts->readonly;
    c->no_snapshot = opts->no_snapshot;
    c->snapshot_find = price_snapshot_find;
    c->path = opts->path && *opts->path ? xstrdup(opts->path) : default_path(err);
    bool exists = false;
    cir_code code = CIR_OK;
    if (!c->path && reading && opts->temp_fallback) {
        /* No HOME and nothing set: a reading command still runs. */
        char *why = xstrdup(err->msg);
        cir_err_clear(err);
        code = temp_cache(c, why, err);
        free(why);
    } else if (!c->path) {
        code = err->code;
    } else if ((code = check_file(c->path, c->readonly, &exists, err)) == CIR_OK) {
        if (reading)
            code = place_for_reading(c, exists, opts->temp_fallback, err);
        else if (!c->readonly && !exists)
            code = make_parents(c->path, err);
    }
    if (code != CIR_OK) {
        price_cache_close(c);
        return code;
    }
    exists = exists && !c->temp_dir;
    int flags = c->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(c->path, &c->db, flags, NULL);
    if (rc == SQLITE_OK && c->readonly && exists && open_readable(c) != SQLITE_OK) {
        /* A WAL cache in a directory nobody can write has no -shm file and
         * cannot get one: read it as immutable (nothing can change it
         * there, as no writer could create its -wal either). */
        sqlite3_close_v2(c->db);
        c->db = NULL;
        char *uri = immutable_uri(c->path);
        rc = sqlite3_open_v2(uri, &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
        free(uri);
    }
    if (rc == SQLITE_OK && !c->readonly && sqlite3_db_readonly(c->db, "main") == 1)
        c->readonly = true; /* the file itself is read-only */
    if (rc != SQLITE_OK) {
        price_cache_sql_error(c, rc, exists ? "open the price cache" : "create the price cache",
                              err);
        price_cache_close(c);
        return err->code;
    }
    if (configure(c, err) != CIR_OK || check_schema(c, err) != CIR_OK) {
        price_cache_close(c);
        return err->code;
    }
    *out = c;
    return CIR_OK;
}

cir_code price_cache_read_begin(price_cache *c, cir_err *err)
{
    if (c->reading)
        return CIR_OK;
    int rc = sqlite3_exec(c->db, "BEGIN; SELECT count(*) FROM offers", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        if (!sqlite3_get_autocommit(c->db))
            sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
        return price_cache_sql_error(c, rc, "read prices", err);
    }
    if (!c->version_st)
        rc = sqlite3_prepare_v3(c->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT,
                                &c->version_st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(c->version_st)) == SQLITE_ROW) {
        c->read_version = sqlite3_column_int64(c->version_st, 0);
        rc = SQLITE_OK;
    }
    if (c->version_st)
        sqlite3_reset(c->version_st);
    if (rc != SQLITE_OK) {
        sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
        return price_cache_sql_error(c, rc, "read prices", err);
    }
    c->reading = true;
    return CIR_OK;
}

void price_cache_read_end(price_cache *c)
{
    if (!c->reading)
        return;
    sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL);
    c->reading = false;
}

void price_cache_close(price_cache *c)
{
    if (!c)
        return;
    if (c->lookup_free)
        c->lookup_free(c);
    price_cache_read_end(c);
    sqlite3_finalize(c->offer_st);
    sqlite3_finalize(c->version_st);
    if (c->db)
        sqlite3_close_v2(c->db);
    while (c->arena) {
        struct arena_block *next = c->arena->next;
        free(c->arena);
        c->arena = next;
    }
    free(c->used);
    if (c->temp_dir) {
        /* The temporary cache (and its -wal, -shm) goes with the run. */
        static const char *const parts[] = {"", "-wal", "-shm"};
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
            char *f = xasprintf("%s%s", c->path, parts[i]);
            unlink(f);
            free(f);
        }
        rmdir(c->temp_dir);
        free(c->temp_dir);
    }
    free(c->path);
    free(c);
}

const char *price_cache_path(const price_cache *c)
{
    return c->path;
}

void price_cache_set_snapshot_finder(price_cache *c, price_snapshot_find_fn fn)
{
    c->snapshot_find = fn;
}

void price_cache_now(char *out, size_t size)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- offers ------------------------------------------------------------ */

#define OFFER_COLUMNS \
    "service, region, version, publication_date, etag, last_modified, fetched_at, source," \
    " rows_seen, rows_kept, tbl, usage_prefix, columns"

static void copy_col(sqlite3_stmt *st, int i, char *out, size_t size)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    snprintf(out, size, "%s", s ? (const char *)s : "");
}

static void read_offer(sqlite3_stmt *st, price_offer_row *row)
{
    price_offer_info *o = &row->info;
    memset(row, 0, sizeof *row);
    copy_col(st, 0, o->service, sizeof o->service);
    copy_col(st, 1, o->region, sizeof o->region);
    copy_col(st, 2, o->version, sizeof o->version);
    copy_col(st, 3, o->publication_date, sizeof o->publication_date);
    copy_col(st, 4, o->etag, sizeof o->etag);
    copy_col(st, 5, o->last_modified, sizeof o->last_modified);
    copy_col(st, 6, o->fetched_at, sizeof o->fetched_at);
    copy_col(st, 7, o->source, sizeof o->source);
    o->rows_seen = sqlite3_column_int64(st, 8);
    o->rows_kept = sqlite3_column_int64(st, 9);
    row->tbl = sqlite3_column_int64(st, 10);
    copy_col(st, 11, row->usage_prefix, sizeof row->usage_prefix);
}

cir_code price_cache_offer(price_cache *c, const char *service, const char *region,
                           price_offer_row *row, bool *found, cir_err *err)
{
    /* Asked several times per lookup while the snapshot loads: prepared once
     * per handle (SQLite prepares it again by itself after a schema change),
     * and reset after each use so it holds no read lock. */
    *found = false;
    int rc = SQLITE_OK;
    if (!c->offer_st)
        rc = sqlite3_prepare_v3(c->db,
                                "SELECT " OFFER_COLUMNS " FROM offers WHERE service = ?1 AND region = ?2",
                                -1, SQLITE_PREPARE_PERSISTENT, &c->offer_st, NULL);
    sqlite3_stmt *st = c->offer_st;
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, service, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, region, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            read_offer(st, row);
            const unsigned char *cols = sqlite3_column_text(st, 12);
            row->columns = xstrdup(cols ? (const char *)cols : "");
            *found = true;
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    return rc == SQLITE_OK ? CIR_OK : price_cache_sql_error(c, rc, "read the price lists", err);
}

cir_code price_cache_offers(price_cache *c, price_offer_info **out, size_t *n, cir_err *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db,
                                "SELECT " OFFER_COLUMNS " FROM offers ORDER BY service, region",
                                -1, &st, NULL);
    size_t cap = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        price_offer_row row;
        read_offer(st, &row);
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        (*out)[(*n)++] = row.info;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_OK) {
        free(*out);
        *out = NULL;
        *n = 0;
        return price_cache_sql_error(c, rc, "list the price lists", err);
    }
    return CIR_OK;
}

void price_cache_note_used(price_cache *c, const price_offer_info *info)
{
    for (size_t i = 0; i < c->nused; i++)
        if (strcmp(c->used[i].service, info->service) == 0 &&
            strcmp(c->used[i].region, info->region) == 0) {
            c->used[i] = *info; /* a re-import may have refreshed it */
            return;
        }
    c->used = xgrow(c->used, &c->used_cap, c->nused + 1, sizeof *c->used);
    c->used[c->nused++] = *info;
}

size_t price_cache_used(const price_cache *c, const price_offer_info **out)
{
    *out = c->used;
    return c->nused;
}

cir_code price_cache_touch(price_cache *c, const char *service, const char *region, cir_err *err)
{
    if (c->readonly)
        return cir_error(err, CIR_ECACHE, c->path, "cannot write prices: the price cache is read-only "
                         "here; choose another file with --cache or CIRCUIT_CACHE");
    char now[40];
    price_cache_now(now, sizeof now);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(
        c->db, "UPDATE offers SET fetched_at = ?1 WHERE service = ?2 AND region = ?3", -1, &st,
        NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, service, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, region, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return price_cache_sql_error(c, rc, "record the re-check", err);
    if (sqlite3_changes(c->db) == 0)
        return cir_error(err, CIR_ECACHE, c->path, "no %s prices for %s in the cache to re-check",
                         service, region);
    return CIR_OK;
}

const char *price_cache_etag(price_cache *c, const char *service, const char *region)
{
    price_offer_row row;
    bool found;
    cir_err err;
    if (price_cache_offer(c, service, region, &row, &found, &err) != CIR_OK || !found)
        return NULL;
    free(row.columns);
    if (!row.info.etag[0])
        return NULL;
    return price_cache_strndup(c, row.info.etag, strlen(row.info.etag));
}
