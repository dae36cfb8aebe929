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

cir_code in_read_file(const char *path, const in_read_opts *o, sbuf *out, cir_err *err)
{
    static const in_read_opts plain = {.dash_is_stdin = true};
    if (!o)
        o = &plain;
    /* "cannot open usage file: ...", or plain "cannot open: ..." */
    const char *what = o->what ? o->what : "file";
    const char *sp = o->what ? " " : "", *named = o->what ? o->what : "";
    bool use_stdin = o->dash_is_stdin && in_is_stdin(path);
    const char *topic = use_stdin ? "stdin" : path;
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return cir_error(err, CIR_EIO, topic, "cannot open%s%s: %s", sp, named, strerror(errno));
    struct stat st;
    cir_code rc = CIR_OK;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        rc = cir_error(err, CIR_EIO, topic, "is a directory, not a %s", what);
        goto done;
    }
    char buf[65536];
    size_t n, total = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        total += n;
        if (o->limit && total > o->limit) {
            rc = cir_error(err, CIR_EINPUT, topic, "larger than %zu MiB: not a %s", o->limit >> 20, what);
            goto done;
        }
        sbuf_add(out, buf, n);
    }
    if (ferror(f))
        rc = cir_error(err, CIR_EIO, topic, "cannot read%s%s: %s", sp, named, strerror(errno));
done:
    if (!use_stdin)
        fclose(f);
    return rc;
}

cir_code in_read_all(const char *path, sbuf *out, cir_err *err)
{
    return in_read_file(path, NULL, out, err);
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
