/*
 * out.c — atomic delivery of rendered documents.
 */
#include "out.h"

#include "mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static cir_code write_all(FILE *f, const sbuf *doc)
{
    size_t n = doc->len;
    return (n == 0 || fwrite(doc->data, 1, n, f) == n) ? CIR_OK : CIR_EIO;
}

cir_code out_emit(const char *path, const sbuf *doc, cir_err *err)
{
    if (!path || strcmp(path, "-") == 0) {
        if (write_all(stdout, doc) != CIR_OK || fflush(stdout) != 0)
            return cir_error(err, CIR_EIO, "stdout", "write failed: %s", strerror(errno));
        return CIR_OK;
    }
    char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        cir_error(err, CIR_EIO, path, "cannot write: %s", strerror(errno));
        free(tmp);
        return CIR_EIO;
    }
    int failed = write_all(f, doc) != CIR_OK;
    failed |= fflush(f) != 0;
    int saved = errno;
    failed |= fclose(f) != 0;
    if (!failed && rename(tmp, path) != 0) {
        saved = errno;
        failed = 1;
    }
    if (failed) {
        unlink(tmp);
        free(tmp);
        return cir_error(err, CIR_EIO, path, "cannot write: %s", strerror(saved));
    }
    free(tmp);
    return CIR_OK;
}

bool out_color(bool no_color_flag)
{
    if (no_color_flag)
        return false;
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return false;
    return isatty(STDOUT_FILENO) != 0;
}
