/*
 * import.c — price_import_file(): a price-list CSV on disk, streamed
 * through the ordinary ingest path (air-gapped installs, tests, benchmarks).
 *
 * The file is read in fixed-size blocks, so memory stays flat whatever its
 * size; the offer comes from its OfferCode row and the region from its rows.
 */
#include "ingest.h"

#include "../src/core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define READ_BLOCK (128u << 10)

static cir_code read_error(const char *path, cir_err *err)
{
    return cir_error(err, CIR_EIO, path, "cannot read: %s", strerror(errno));
}

cir_code price_import_file(price_cache *c, const char *path, price_ingest_stats *st, cir_err *err)
{
    bool use_stdin = strcmp(path, "-") == 0;   /* "-": the CSV on standard input */
    if (use_stdin)
        path = "stdin";
    int fd = use_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return read_error(path, err);
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        close(fd);
        return read_error(path, err);
    }
    if (S_ISDIR(sb.st_mode)) {
        close(fd);
        return cir_error(err, CIR_EIO, path, "is a directory, not a price list CSV");
    }
#ifdef POSIX_FADV_SEQUENTIAL
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    const char *base = strrchr(path, '/');
    char *source = xasprintf("import:%s", base ? base + 1 : path);
    price_ingest_meta m = {.source = source};
    price_ingest *in;
    cir_code rc = price_ingest_begin(c, &m, &in, err);
    free(source);
    if (rc != CIR_OK) {
        close(fd);
        return rc;
    }
    char *buf = xmalloc(READ_BLOCK);
    for (;;) {
        ssize_t n = read(fd, buf, READ_BLOCK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = read_error(path, err);
            break;
        }
        if (n == 0)
            break;
        if ((rc = price_ingest_feed(in, buf, (size_t)n, err)) != CIR_OK)
            break;
    }
    free(buf);
    close(fd);
    if (rc != CIR_OK) {
        price_ingest_abort(in);
        if (err->topic[0] == '\0')
            snprintf(err->topic, sizeof err->topic, "%s", path);
        return rc;
    }
    rc = price_ingest_commit(in, st, err);
    if (rc != CIR_OK && err->topic[0] == '\0')
        snprintf(err->topic, sizeof err->topic, "%s", path);
    return rc;
}
