/*
 * input.c — whole-file reads with "-" as stdin, and the same-file test that
 * keeps --output from overwriting an input.
 */
#include "input.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

bool in_is_stdin(const char *path)
{
    return path && strcmp(path, "-") == 0;
}

cir_code in_read_all(const char *path, sbuf *out, cir_err *err)
{
    bool use_stdin = in_is_stdin(path);
    const char *topic = use_stdin ? "stdin" : path;
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return cir_error(err, CIR_EIO, topic, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!use_stdin)
            fclose(f);
        return cir_error(err, CIR_EIO, topic, "is a directory, not a file");
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sbuf_add(out, buf, n);
    bool bad = ferror(f);
    int saved = errno;
    if (!use_stdin)
        fclose(f);
    if (bad)
        return cir_error(err, CIR_EIO, topic, "cannot read: %s", strerror(saved));
    return CIR_OK;
}

bool in_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b || in_is_stdin(a) || in_is_stdin(b))
        return false;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
