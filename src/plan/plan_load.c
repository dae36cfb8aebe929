/*
 * plan_load.c — from a file name (or stdin) to a classified `plan`.
 *
 * The input is read whole and parsed once with json_loadb.  Real pipelines
 * wrap the JSON (plan-json.md §7): a UTF-8 BOM, setup-terraform's
 * "[command]… show -json" line before it, "::debug::"/"::set-output" lines
 * or a stray brace after it.  We skip whole lines before the first line that
 * opens a JSON object, parse one value, and ignore what follows, with one
 * warning each.  Errors keep jansson's line and column (shifted back to the
 * file's own numbering) but drop its "near '…'" excerpt, which could quote
 * a sensitive value.
 */
#include "plan_internal.h"

#include "../core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- reading bytes ----------------------------------------------------- */

/* A stream (pipe, device) has no size to check beforehand: past `limit`
 * bytes it is not a plan worth holding in memory (/dev/zero would be read
 * until memory runs out). */
static cir_code stream_too_big(const char *name, size_t limit, cir_err *err)
{
    return cir_error(err, CIR_EINPUT, name, "more than %zu MiB from a pipe or device: not a plan "
                     "(save a plan that large to a file and pass the file's name)", limit >> 20);
}

static bool all_zero(const char *d, size_t len)
{
    return len && d[0] == '\0' && memcmp(d, d + 1, len - 1) == 0;
}

static cir_code read_all(int fd, const char *name, size_t limit, char **out, size_t *outlen,
                         cir_err *err)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return cir_error(err, CIR_EIO, name, "cannot read: %s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return cir_error(err, CIR_EIO, name, "is a directory, not a plan file");
    bool regular = S_ISREG(st.st_mode);
    size_t cap = regular && st.st_size > 0 ? (size_t)st.st_size + 1 : 1 << 16;
    size_t len = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (!regular && len >= 4096 && all_zero(buf, 4096)) {
            free(buf);
            return cir_error(err, CIR_EINPUT, name, "only NUL bytes (a device such as /dev/zero?), "
                             "not a plan");
        }
        if (!regular && len > limit) {
            free(buf);
            return stream_too_big(name, limit, err);
        }
        if (len == cap)
            buf = xgrow(buf, &cap, len + 1, 1);
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            return cir_error(err, CIR_EIO, name, "cannot read: %s", strerror(e));
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    *out = buf;
    *outlen = len;
    return CIR_OK;
}

/* The bytes of the input: a read-only mapping of a regular file, or a heap
 * buffer (stdin, pipes).  Mapping matters for speed, not only memory: a
 * large freed heap buffer raises glibc's mmap threshold, after which the
 * output document grows on the heap by copying and its free() forces a
 * consolidation of every small chunk the JSON tree left behind. */
typedef struct input {
    char *data;
    size_t len;
    bool mapped;
} input;

static void input_free(input *in)
{
    if (in->mapped)
        munmap(in->data, in->len);
    else
        free(in->data);
    memset(in, 0, sizeof *in);
}

/* Nobody types a JSON plan: a terminal on stdin means the plan was forgotten. */
static cir_code stdin_is_terminal(const char *name, const char *command, cir_err *err)
{
    if (!command)
        return cir_error(err, CIR_EUSAGE, name, "is a terminal, not a plan: name a plan file, or "
                         "pipe one in (`terraform show -json tfplan | circuit ...`)");
    return cir_error(err, CIR_EUSAGE, name, "is a terminal, not a plan: name a plan file "
                     "(`circuit %s plan.json`) or pipe one in (`terraform show -json tfplan | "
                     "circuit %s`)", command, command);
}

static cir_code read_input(const char *path, const char *name, const char *command, size_t limit,
                           input *in,
                           cir_err *err)
{
    memset(in, 0, sizeof *in);
    if (strcmp(path, "-") == 0 && isatty(STDIN_FILENO))
        return stdin_is_terminal(name, command, err);
    if (strcmp(path, "-") == 0)
        return read_all(STDIN_FILENO, name, limit, &in->data, &in->len, err);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cir_error(err, CIR_EIO, name, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m != MAP_FAILED) {
            close(fd);
            in->data = m;
            in->len = (size_t)st.st_size;
            in->mapped = true;
            return CIR_OK;
        }
    }
    cir_code rc = read_all(fd, name, limit, &in->data, &in->len, err);
    close(fd);
    return rc;
}

/* ---- text around the JSON ---------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Offset of the first line whose first non-blank character is '{', and the
 * number of lines before it; len when there is none. */
static size_t find_object_line(const char *d, size_t len, size_t *lines)
{
    size_t pos = 0, n = 0;
    while (pos < len) {
        size_t j = pos;
        while (j < len && (d[j] == ' ' || d[j] == '\t'))
            j++;
        if (j < len && d[j] == '{') {
            *lines = n;
            return pos;
        }
        const char *nl = memchr(d + pos, '\n', len - pos);
        if (!nl)
            break;
        pos = (size_t)(nl - d) + 1;
        n++;
    }
    *lines = 0;
    return len;
}

static size_t count_lines(const char *d, size_t len)
{
    size_t n = 0;
    for (const char *p = d; (p = memchr(p, '\n', len - (size_t)(p - d))); p++)
        n++;
    return n;
}

/* jansson's text without its "near '…'" excerpt. */
static void clean_reason(const char *text, char *out, size_t size)
{
    snprintf(out, size, "%s", text);
    char *near = strstr(out, " near ");
    if (near)
        *near = '\0';
}

static cir_code parse_error(const char *name, const json_error_t *e, size_t line_shift,
                            cir_err *err)
{
    int line = e->line + (int)line_shift;
    if (json_error_code(e) == json_error_premature_end_of_input)
        return cir_error(err, CIR_EPARSE, name, "truncated JSON: the input ends at line %d, "
                         "column %d before the document is complete", line, e->column);
    char reason[160];
    clean_reason(e->text, reason, sizeof reason);
    return cir_error(err, CIR_EPARSE, name, "not JSON: %s at line %d, column %d", reason, line,
                     e->column);
}

static cir_code parse_json(const char *name, const char *data, size_t len, plan_warnings *w,
                           json_t **out, cir_err *err)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    size_t first = 0;
    while (first < len && is_space(data[first]))
        first++;
    if (first == len)
        return cir_error(err, CIR_EPARSE, name, len ? "no JSON: only white space (expected the output of `terraform show -json PLANFILE`)"
                                                     : "is empty (expected the output of "
                                                       "`terraform show -json PLANFILE`)");
    size_t start = 0, skipped = 0, end = 0;
    json_error_t e;
    /* A duplicate key is refused, not "last one wins": "actions" given
     * twice must not turn a no-op into a delete. */
    size_t flags = JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES;
    json_t *root = NULL;
    if (data[first] == '[') {   /* a JSON array, or setup-terraform's "[command]" line */
        root = json_loadb(data, len, flags, &e);
        end = root ? e.position : 0;
    }
    if (!root) {
        if (data[first] != '{') {
            size_t lines;
            size_t at = find_object_line(data, len, &lines);
            if (at < len) {
                start = at;
                skipped = lines;
            }
        }
        size_t f = start;
        while (f < len && is_space(data[f]))
            f++;
        if (f < len && data[f] == '{') {
            size_t used;
            if (plan_parse_object(name, data + start, len - start, skipped, w, &root, &used, err))
                return err->code;
            end = start + used;
        } else {
            root = json_loadb(data + start, len - start, flags, &e);
            if (!root)
                return parse_error(name, &e, skipped, err);
            end = start + e.position;
        }
    }
    if (skipped)
        plan_warn_add(w, "skipped %zu line%s of text before the JSON (a CI wrapper such as "
                      "setup-terraform?)", skipped, skipped == 1 ? "" : "s");
    while (end < len && is_space(data[end]))
        end++;
    if (end < len)
        plan_warn_add(w, "ignored text after the JSON, from line %zu (a CI wrapper's output?)",
                      count_lines(data, end) + 1);
    *out = root;
    return CIR_OK;
}

/* ---- building the plan --------------------------------------------------- */

static int by_address(const void *a, const void *b)
{
    const plan_resource *x = a, *y = b;
    int c = strcmp(x->address, y->address);
    if (c)
        return c;
    if (!x->deposed || !y->deposed)
        return (x->deposed != NULL) - (y->deposed != NULL);
    return strcmp(x->deposed, y->deposed);
}

static cir_code read_list(plan *p, const char *key, plan_resource **out, size_t *n, cir_err *err)
{
    json_t *list = json_object_get(p->root, key);
    *out = NULL;
    *n = 0;
    if (!json_is_array(list) || json_array_size(list) == 0)
        return CIR_OK;
    size_t count = json_array_size(list);
    plan_resource *rs = xcalloc(count, sizeof *rs);
    for (size_t i = 0; i < count; i++) {
        if (plan_read_entry(json_array_get(list, i), key, i, &rs[i], p->name, err)) {
            free(rs);
            return err->code;
        }
    }
    qsort(rs, count, sizeof *rs, by_address);
    *out = rs;
    *n = count;
    return CIR_OK;
}

static void finish_warnings(plan *p, const plan_load_opts *opts, plan_warnings *w)
{
    if (p->errored)
        plan_warn_add(w, "the plan errored: planning stopped part-way, so these changes are partial");
    else if (!p->complete)
        plan_warn_add(w, "the plan is incomplete (complete: false): more plan/apply rounds will follow");
    bool quiet = opts && opts->quiet;
    for (size_t i = 0; i < w->n; i++)
        if (!quiet)
            cir_warn(p->name, "%s", w->items[i]);
    p->warnings = w->items;
    p->nwarnings = w->n;
    memset(w, 0, sizeof *w);
}

cir_code plan_load_buffer(const char *name, const char *data, size_t len,
                          const plan_load_opts *opts, plan **out, cir_err *err)
{
    *out = NULL;
    if (plan_is_zip(data, len))
        return cir_error(err, CIR_EINPUT, name, "a binary plan file, not JSON: run `terraform "
                         "show -json PLANFILE` and pass its output");
    if (plan_sniff_bytes(name, data, len, err))
        return err->code;
    plan_warnings w = {0};
    json_t *root = NULL;
    /* Everything jansson allocates for this plan, from parsing to the
     * fields the reader fills in, lands in the plan's arena. */
    plan_arena *arena = plan_arena_begin();
    if (parse_json(name, data, len, &w, &root, err) || plan_sniff_json(root, name, err) ||
        plan_validate_root(root, name, &w, err)) {
        plan_sniff_text(name, data, len, err);
        plan_arena_end(arena);
        plan_arena_free(arena);
        plan_warn_free(&w);
        return err->code;
    }
    plan_owned *po = xcalloc(1, sizeof *po);
    po->arena = arena;
    plan *p = &po->pub;
    p->root = root;
    p->name = xstrdup(name);
    p->format_version = json_string_value(json_object_get(root, "format_version"));
    p->terraform_version = json_string_value(json_object_get(root, "terraform_version"));
    p->errored = json_is_true(json_object_get(root, "errored"));
    const json_t *complete = json_object_get(root, "complete");
    p->complete = json_is_boolean(complete) ? json_is_true(complete) : !p->errored;
    cir_code rc = read_list(p, "resource_changes", &p->resources, &p->nresources, err);
    if (!rc)
        rc = read_list(p, "resource_drift", &p->drift, &p->ndrift, err);
    plan_arena_end(arena);
    if (rc) {
        plan_warn_free(&w);
        plan_free(p);
        return rc;
    }
    plan_link_config(p);
    plan_resolve_regions(p, opts, &w);
    finish_warnings(p, opts, &w);
    *out = p;
    return CIR_OK;
}

cir_code plan_load(const char *path, const plan_load_opts *opts, plan **out, cir_err *err)
{
    *out = NULL;
    const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
    size_t limit = opts && opts->max_stream ? opts->max_stream : PLAN_MAX_STREAM;
    input in;
    if (read_input(path, name, opts ? opts->command : NULL, limit, &in, err))
        return err->code;
    if (plan_is_zip(in.data, in.len)) {
        input_free(&in);
        if (strcmp(path, "-") == 0)
            return cir_error(err, CIR_EINPUT, name, "a binary plan file on stdin, not JSON: pipe "
                             "`terraform show -json PLANFILE` instead");
        if (plan_binary_show(path, name, &in.data, &in.len, err))
            return err->code;
    }
    cir_code rc = plan_load_buffer(name, in.data, in.len, opts, out, err);
    input_free(&in);
    return rc;
}

void plan_free(plan *p)
{
    if (!p)
        return;
    plan_owned *po = (plan_owned *)p;    /* pub is its first member */
    /* No json_decref: the whole tree goes with the arena's blocks. */
    plan_arena_free(po->arena);
    free(p->name);
    free(p->resources);
    free(p->drift);
    for (size_t i = 0; i < p->nwarnings; i++)
        free(p->warnings[i]);
    free(p->warnings);
    free(po);
}
