/*
 * pause.c — an LD_PRELOAD library for the fault tests: it stops a circuit
 * process at an exact point of its work on the price cache, so a test can
 * kill it there (kill -9 at 20 points of an import) or let something else
 * happen first (an import committing while 8 reports are half-way), with no
 * sleeps and no timing.
 *
 * It counts "points": calls into SQLite (sqlite3_step, sqlite3_exec) and the
 * file writes and syncs under it (pwrite64, fsync, fdatasync).  Environment:
 *   PAUSE_COUNT=FILE   at exit, write the number of points reached
 *   PAUSE_AT=N         at point N (1-based), before doing it, stop:
 *                      make the fifo PAUSE_GO.<pid>, write "<pid>\n" to the
 *                      fifo PAUSE_READY, then wait for a line on
 *                      PAUSE_GO.<pid> (no PAUSE_GO: wait to be killed)
 *   PAUSE_MATCH=TEXT   count only sqlite3_step calls whose SQL starts with
 *                      TEXT (nothing else counts)
 * Without PAUSE_AT and PAUSE_COUNT it changes nothing.  Points are counted
 * across threads (the ingest worker stores rows too).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static atomic_long points;
static long pause_at = -1;
static const char *match;
static int ready;

__attribute__((constructor)) static void pause_init(void)
{
    const char *at = getenv("PAUSE_AT");
    if (at && *at)
        pause_at = atol(at);
    match = getenv("PAUSE_MATCH");
    if (match && !*match)
        match = NULL;
    ready = 1;
}

__attribute__((destructor)) static void pause_fini(void)
{
    const char *out = getenv("PAUSE_COUNT");
    if (!out || !*out)
        return;
    FILE *f = fopen(out, "w");
    if (f) {
        fprintf(f, "%ld\n", atomic_load(&points));
        fclose(f);
    }
}

static void reached(void)
{
    if (!ready)
        return;
    long n = atomic_fetch_add(&points, 1) + 1;
    if (n != pause_at)
        return;
    const char *r = getenv("PAUSE_READY"), *g = getenv("PAUSE_GO");
    /* Each process waits on its own fifo, PAUSE_GO.<pid>, made before it
     * says it is ready: with one shared fifo, the first writer's close
     * would release every waiting reader at once. */
    char mine[4096];
    if (g && *g) {
        snprintf(mine, sizeof mine, "%s.%ld", g, (long)getpid());
        if (mkfifo(mine, 0600) != 0)
            perror("pause: mkfifo");
    }
    if (r && *r) {
        int fd = open(r, O_WRONLY);
        if (fd >= 0) {
            char line[32];
            int len = snprintf(line, sizeof line, "%ld\n", (long)getpid());
            if (write(fd, line, (size_t)len) < 0)
                perror("pause: ready");
            close(fd);
        }
    }
    if (g && *g) {
        int fd = open(mine, O_RDONLY);
        char c;
        if (fd >= 0) {
            while (read(fd, &c, 1) == 1 && c != '\n')
                ;
            close(fd);
        }
        unlink(mine);
    } else {
        for (;;)
            pause();
    }
}

typedef int (*step_fn)(sqlite3_stmt *);
typedef int (*exec_fn)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *,
                       char **);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef int (*sync_fn)(int);

static void *real(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f) {
        fprintf(stderr, "pause: no %s\n", name);
        abort();
    }
    return f;
}

int sqlite3_step(sqlite3_stmt *st)
{
    static step_fn next;
    if (!next)
        next = (step_fn)real("sqlite3_step");
    if (!match) {
        reached();
    } else {
        const char *sql = sqlite3_sql(st);
        if (sql && strncmp(sql, match, strlen(match)) == 0)
            reached();
    }
    return next(st);
}

int sqlite3_exec(sqlite3 *db, const char *sql, int (*cb)(void *, int, char **, char **), void *arg,
                 char **errmsg)
{
    static exec_fn next;
    if (!next)
        next = (exec_fn)real("sqlite3_exec");
    if (!match)
        reached();
    return next(db, sql, cb, arg, errmsg);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    static pwrite_fn next;
    if (!next)
        next = (pwrite_fn)real("pwrite64");
    if (!match)
        reached();
    return next(fd, buf, n, off);
}

int fsync(int fd)
{
    static sync_fn next;
    if (!next)
        next = (sync_fn)real("fsync");
    if (!match)
        reached();
    return next(fd);
}

int fdatasync(int fd)
{
    static sync_fn next;
    if (!next)
        next = (sync_fn)real("fdatasync");
    if (!match)
        reached();
    return next(fd);
}
