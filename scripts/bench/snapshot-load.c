/*
 * snapshot-load.c — times loading the bundled price snapshot into an empty
 * cache, one region at a time: every offer the snapshot has for the region
 * (and the global ones), through the same path a lookup takes on first use.
 *
 *   snapshot-load DIR RUNS REGION...
 *
 * For each region: RUNS times, a fresh cache file in DIR, then one lookup per
 * offer (which imports the offer's snapshot file); prints one line
 *   REGION FILES ROWS BEST_WALL_MS MEDIAN_WALL_MS BEST_CPU_MS
 * (CPU time is the process's, both threads: it moves less than wall time
 * when other work shares the machine).
 * Links against circuit's own objects (scripts/bench.d/60-snapshot.sh).
 */
#include "pricing/pricing.h"
#include "pricing/snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void remove_cache(const char *path)
{
    char buf[4200];
    unlink(path);
    snprintf(buf, sizeof buf, "%s-wal", path);
    unlink(buf);
    snprintf(buf, sizeof buf, "%s-shm", path);
    unlink(buf);
}

/* Loads every snapshot offer of `region` (and the global ones); returns the
 * number of files, or -1 on a cache failure. */
static int load_region(price_cache *c, const char *region)
{
    const price_snapshot_file *files;
    size_t n = price_snapshot_files(&files);
    int loaded = 0;
    for (size_t i = 0; i < n; i++) {
        const char *r = files[i].region;
        if (strcmp(r, region) != 0 && strcmp(r, "global") != 0)
            continue;
        /* a family no row has: the lookup loads the file, then finds nothing */
        price_query q = {.service = files[i].service, .family = "(bench)", .region = r};
        price_match m;
        cir_err err;
        cir_err_clear(&err);
        cir_code rc = price_lookup(c, &q, &m, &err);
        if (rc != CIR_OK && rc != CIR_ENOPRICE) {
            fprintf(stderr, "snapshot-load: %s %s: %s\n", files[i].service, r, err.msg);
            return -1;
        }
        loaded++;
    }
    return loaded;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: snapshot-load DIR RUNS REGION...\n");
        return 2;
    }
    int runs = atoi(argv[2]);
    if (runs < 1 || runs > 100)
        runs = 5;
    char path[4096];
    snprintf(path, sizeof path, "%s/snapshot-load.db", argv[1]);
    for (int a = 3; a < argc; a++) {
        double t[100], cpu[100];
        int files = 0;
        long long rows = 0;
        for (int k = 0; k < runs; k++) {
            remove_cache(path);
            price_open_opts o = {.path = path};
            price_cache *c;
            cir_err err;
            cir_err_clear(&err);
            if (price_cache_open(&o, &c, &err) != CIR_OK) {
                fprintf(stderr, "snapshot-load: %s\n", err.msg);
                return 1;
            }
            double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
            files = load_region(c, argv[a]);
            t[k] = clock_ms(CLOCK_MONOTONIC) - t0;
            cpu[k] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
            if (files < 0)
                return 1;
            price_offer_info *offers;
            size_t n;
            rows = 0;
            if (price_cache_offers(c, &offers, &n, &err) == CIR_OK) {
                for (size_t i = 0; i < n; i++)
                    rows += offers[i].rows_kept;
                free(offers);
            }
            price_cache_close(c);
        }
        qsort(t, (size_t)runs, sizeof t[0], cmp_double);
        qsort(cpu, (size_t)runs, sizeof cpu[0], cmp_double);
        printf("%s %d %lld %.1f %.1f %.1f\n", argv[a], files, rows, t[0], t[runs / 2], cpu[0]);
    }
    remove_cache(path);
    return 0;
}
