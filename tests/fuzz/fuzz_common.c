/*
 * fuzz_common.c — properties, scratch files, fixtures and the price cache
 * the harnesses share (see fuzz_common.h).
 */
#include "fuzz_common.h"

#include "src/core/utf8.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

_Noreturn void fz_fail(const char *what, const char *fmt, ...)
{
    char why[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    fprintf(stderr, "fuzz property failed: %s: %s\n", what, why);
    fflush(stderr);
    abort();
}

/* ---- properties ------------------------------------------------------------ */

static void check_utf8(const char *what, const char *s, size_t len)
{
    size_t at;
    if (memchr(s, '\0', len))
        fz_fail(what, "a NUL byte at offset %zu", (size_t)((const char *)memchr(s, '\0', len) - s));
    if (!utf8_valid(s, len, &at))
        fz_fail(what, "not valid UTF-8 at offset %zu (byte 0x%02x)", at, (unsigned char)s[at]);
}

/* ---- a JSON checker that allocates (almost) nothing ----------------------
 * jansson is the reference, but parsing every output with it took half of
 * each run; this checks the same grammar (RFC 8259), refuses duplicate
 * keys (compared as written, which is exact for one writer's output),
 * decodes strings only to look for a wanted text, and is a few times
 * faster. */

typedef struct jscan {
    const char *p, *end, *what;
    const char *want;      /* NULL, or text some decoded string must contain */
    size_t want_len;
    bool found;
    sbuf dec;              /* the string being decoded */
    int depth;
} jscan;

static _Noreturn void jfail(jscan *j, const char *why)
{
    fz_fail(j->what, "not JSON: %s at offset %zu", why, (size_t)(j->end - j->p));
}

static void jws(jscan *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
        j->p++;
}

static unsigned jhex4(jscan *j, const char *at)
{
    unsigned v = 0;
    if (j->end - at < 4)
        jfail(j, "a short \\u escape");
    for (int i = 0; i < 4; i++) {
        char c = at[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else jfail(j, "a bad \\u escape");
    }
    return v;
}

static void jput_cp(sbuf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) { u[0] = (char)(0xE0 | cp >> 12); u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
                             u[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
    else { u[0] = (char)(0xF0 | cp >> 18); u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
           u[2] = (char)(0x80 | (cp >> 6 & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4; }
    sbuf_add(b, u, n);
}

/* A string at j->p (on its quote); returns its raw span (between quotes). */
static void jstring(jscan *j, const char **raw, size_t *raw_len)
{
    j->p++;
    const char *start = j->p;
    bool decode = j->want != NULL;
    if (decode)
        sbuf_reset(&j->dec);
    const char *run = j->p;
    while (j->p < j->end && *j->p != '"') {
        unsigned char c = (unsigned char)*j->p;
        if (c < 0x20)
            jfail(j, "a control character in a string");
        if (c == '\\') {
            if (decode)
                sbuf_add(&j->dec, run, (size_t)(j->p - run));
            if (j->end - j->p < 2)
                jfail(j, "an escape at the end");
            char e = j->p[1];
            const char *map = strchr("\"\\/bfnrt", e);
            if (e && map) {
                if (decode)
                    sbuf_putc(&j->dec, "\"\\/\b\f\n\r\t"[map - "\"\\/bfnrt"]);
                j->p += 2;
            } else if (e == 'u') {
                unsigned cp = jhex4(j, j->p + 2);
                j->p += 6;
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    jfail(j, "a lone low surrogate");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (j->end - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u')
                        jfail(j, "a lone high surrogate");
                    unsigned lo = jhex4(j, j->p + 2);
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        jfail(j, "a lone high surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    j->p += 6;
                }
                if (cp == 0)
                    jfail(j, "\\u0000 (jansson refuses it)");
                if (decode)
                    jput_cp(&j->dec, cp);
            } else {
                jfail(j, "a bad escape");
            }
            run = j->p;
            continue;
        }
        j->p++;
    }
    if (j->p >= j->end)
        jfail(j, "an unterminated string");
    *raw = start;
    *raw_len = (size_t)(j->p - start);
    if (decode) {
        sbuf_add(&j->dec, run, (size_t)(j->p - run));
        if (!j->found && j->dec.len >= j->want_len &&
            memmem(sbuf_str(&j->dec), j->dec.len, j->want, j->want_len))
            j->found = true;
    }
    j->p++;
}

static void jvalue(jscan *j);

typedef struct span {
    const char *p;
    size_t n;
} span;

static int span_cmp(const void *a, const void *b)
{
    const span *x = a, *y = b;
    size_t n = x->n < y->n ? x->n : y->n;
    int c = memcmp(x->p, y->p, n);
    return c ? c : (x->n > y->n) - (x->n < y->n);
}

static void jobject(jscan *j)
{
    j->p++;
    jws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
        return;
    }
    span small[32], *keys = small;
    size_t n = 0, cap = 32;
    for (;;) {
        jws(j);
        if (j->p >= j->end || *j->p != '"')
            jfail(j, "a key expected");
        if (n == cap) {
            span *bigger = malloc(2 * cap * sizeof *bigger);
            memcpy(bigger, keys, n * sizeof *keys);
            if (keys != small)
                free(keys);
            keys = bigger;
            cap *= 2;
        }
        jstring(j, &keys[n].p, &keys[n].n);
        n++;
        jws(j);
        if (j->p >= j->end || *j->p != ':')
            jfail(j, "':' expected");
        j->p++;
        jvalue(j);
        jws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            break;
        }
        jfail(j, "',' or '}' expected");
    }
    qsort(keys, n, sizeof *keys, span_cmp);
    for (size_t i = 1; i < n; i++)
        if (span_cmp(&keys[i - 1], &keys[i]) == 0)
            jfail(j, "a duplicate key");
    if (keys != small)
        free(keys);
}

static void jarray(jscan *j)
{
    j->p++;
    jws(j);
    if (j->p < j->end && *j->p == ']') {
        j->p++;
        return;
    }
    for (;;) {
        jvalue(j);
        jws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            return;
        }
        jfail(j, "',' or ']' expected");
    }
}

static void jdigits(jscan *j)
{
    if (j->p >= j->end || *j->p < '0' || *j->p > '9')
        jfail(j, "a digit expected");
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
        j->p++;
}

static void jnumber(jscan *j)
{
    const char *start = j->p;
    if (*j->p == '-')
        j->p++;
    if (j->p < j->end && *j->p == '0')
        j->p++;
    else
        jdigits(j);
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        jdigits(j);
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        jdigits(j);
    }
    /* jansson refuses what overflows a double */
    char buf[400];
    size_t n = (size_t)(j->p - start);
    if (n < sizeof buf) {
        memcpy(buf, start, n);
        buf[n] = '\0';
        double d = strtod(buf, NULL);
        if (d > 1.7976931348623157e308 || d < -1.7976931348623157e308)
            jfail(j, "a number beyond a double");
    }
}

static void jword(jscan *j, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
        jfail(j, "an invalid token");
    j->p += n;
}

static void jvalue(jscan *j)
{
    jws(j);
    if (j->p >= j->end)
        jfail(j, "a value expected");
    if (++j->depth > 2048)
        jfail(j, "nesting deeper than jansson reads");
    const char *raw;
    size_t n;
    switch (*j->p) {
    case '{': jobject(j); break;
    case '[': jarray(j); break;
    case '"': jstring(j, &raw, &n); break;
    case 't': jword(j, "true"); break;
    case 'f': jword(j, "false"); break;
    case 'n': jword(j, "null"); break;
    default:
        if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))
            jnumber(j);
        else
            jfail(j, "an invalid token");
    }
    j->depth--;
}

/* Checks one JSON document; true when `want` (if given) is found in a
 * decoded string or key. */
static bool check_json_text(const char *what, const char *s, size_t len, const char *want)
{
    jscan j = {.p = s, .end = s + len, .what = what, .want = want,
               .want_len = want ? strlen(want) : 0, .dec = SBUF_INIT};
    jvalue(&j);
    jws(&j);
    if (j.p != j.end)
        jfail(&j, "text after the document");
    sbuf_free(&j.dec);
    return j.found;
}

static void check_json(const char *what, const char *s, size_t len, bool sarif)
{
    check_json_text(what, s, len, NULL);
    if (sarif) {
        /* The head of the document, with jansson: cheap, it stops early. */
        const char *v = strstr(s, "\"version\"");
        if (!v || !strstr(s, "\"2.1.0\"") || !strstr(s, "\"runs\""))
            fz_fail(what, "not SARIF 2.1.0 (version or runs missing)");
    }
}

bool fz_json_has_text(const char *what, const sbuf *doc, const char *want)
{
    return check_json_text(what, sbuf_str(doc), doc->len, want);
}

/* Unescaped '|' in a Markdown line (a backslash escapes the next byte). */
static size_t pipes(const char *line, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '\\') {
            i++;
            continue;
        }
        if (line[i] == '|')
            n++;
    }
    return n;
}

/* In GFM a table is a block of lines starting with '|'; every row must
 * have as many cell separators as the header, or a cell's text (an
 * address, a message) has broken out of its cell. */
static void check_markdown(const char *what, const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    size_t want = 0, lineno = 0;
    bool in_table = false, in_fence = false;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        lineno++;
        if (n >= 3 && memcmp(p, "```", 3) == 0)
            in_fence = !in_fence;
        if (!in_fence && n && p[0] == '|') {
            size_t have = pipes(p, n);
            if (!in_table) {
                want = have;
                in_table = true;
            } else if (have != want) {
                fz_fail(what, "Markdown table row at line %zu has %zu cell separators, the header %zu",
                        lineno, have, want);
            }
        } else {
            in_table = false;
        }
        p = nl ? nl + 1 : end;
    }
}

/* ---- XML well-formedness (the JUnit writer) ------------------------------ */

static bool xml_name_char(unsigned char c, bool first)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
}

/* Length of an entity or character reference at p ("&amp;", "&#10;"), 0 if none. */
static size_t xml_entity(const char *p, const char *end)
{
    static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    for (size_t i = 0; i < 5; i++) {
        size_t n = strlen(named[i]);
        if ((size_t)(end - p) >= n && memcmp(p, named[i], n) == 0)
            return n;
    }
    const char *q = p + 1;
    if (q < end && *q == '#') {
        q++;
        bool hex = q < end && *q == 'x';
        q += hex;
        const char *digits = q;
        unsigned long cp = 0;
        while (q < end && (isdigit((unsigned char)*q) || (hex && isxdigit((unsigned char)*q)))) {
            cp = cp * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)*q) ? *q - '0' : (*q | 0x20) - 'a' + 10);
            if (cp > 0x10FFFF)
                return 0;
            q++;
        }
        /* a reference must name a character XML 1.0 allows */
        bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                       (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
        if (q > digits && q < end && *q == ';' && allowed)
            return (size_t)(q - p) + 1;
    }
    return 0;
}

static void check_xml(const char *what, const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    const char *stack[256];
    size_t lens[256], depth = 0;
    bool root_seen = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            fz_fail(what, "XML: control byte 0x%02x at %zu (XML 1.0 forbids it)", c, i);
    }
    while (p < end) {
        if (*p == '&') {
            size_t n = xml_entity(p, end);
            if (!n)
                fz_fail(what, "XML: a bare '&' at offset %zu", (size_t)(p - s));
            p += n;
        } else if (*p != '<') {
            if (depth == 0 && !isspace((unsigned char)*p))
                fz_fail(what, "XML: text outside the root element at offset %zu", (size_t)(p - s));
            p++;
        } else if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            const char *e = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
            if (!e)
                fz_fail(what, "XML: an unterminated comment");
            p = e + 3;
        } else if (end - p >= 2 && memcmp(p, "<?", 2) == 0) {
            const char *e = memmem(p + 2, (size_t)(end - p - 2), "?>", 2);
            if (!e)
                fz_fail(what, "XML: an unterminated processing instruction");
            p = e + 2;
        } else if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
            const char *e = memmem(p + 9, (size_t)(end - p - 9), "]]>", 3);
            if (!e)
                fz_fail(what, "XML: an unterminated CDATA section");
            p = e + 3;
        } else if (end - p >= 2 && p[1] == '/') {
            const char *name = p + 2, *q = name;
            while (q < end && xml_name_char((unsigned char)*q, q == name))
                q++;
            size_t n = (size_t)(q - name);
            while (q < end && isspace((unsigned char)*q))
                q++;
            if (!n || q >= end || *q != '>')
                fz_fail(what, "XML: a malformed end tag at offset %zu", (size_t)(p - s));
            if (!depth || lens[depth - 1] != n || memcmp(stack[depth - 1], name, n) != 0)
                fz_fail(what, "XML: </%.*s> closes nothing open at offset %zu", (int)n, name,
                        (size_t)(p - s));
            depth--;
            p = q + 1;
        } else {
            const char *name = p + 1, *q = name;
            while (q < end && xml_name_char((unsigned char)*q, q == name))
                q++;
            size_t n = (size_t)(q - name);
            if (!n)
                fz_fail(what, "XML: a bare '<' at offset %zu", (size_t)(p - s));
            if (depth == 0 && root_seen)
                fz_fail(what, "XML: a second root element at offset %zu", (size_t)(p - s));
            /* attributes: name="value" or name='value', values escaped */
            for (;;) {
                const char *ws = q;
                while (q < end && isspace((unsigned char)*q))
                    q++;
                if (q >= end)
                    fz_fail(what, "XML: an unterminated tag");
                if (*q == '>' || (*q == '/' && q + 1 < end && q[1] == '>'))
                    break;
                if (q == ws)
                    fz_fail(what, "XML: attributes without space at offset %zu", (size_t)(q - s));
                const char *an = q;
                while (q < end && xml_name_char((unsigned char)*q, q == an))
                    q++;
                if (q == an || q >= end || *q != '=' || q + 1 >= end || (q[1] != '"' && q[1] != '\''))
                    fz_fail(what, "XML: a malformed attribute at offset %zu", (size_t)(an - s));
                char quote = q[1];
                q += 2;
                while (q < end && *q != quote) {
                    if (*q == '<')
                        fz_fail(what, "XML: '<' in an attribute value at offset %zu", (size_t)(q - s));
                    if (*q == '&') {
                        size_t e = xml_entity(q, end);
                        if (!e)
                            fz_fail(what, "XML: a bare '&' in an attribute at offset %zu", (size_t)(q - s));
                        q += e;
                        continue;
                    }
                    q++;
                }
                if (q >= end)
                    fz_fail(what, "XML: an unterminated attribute value");
                q++;
            }
            root_seen = true;
            if (*q == '/') {
                p = q + 2;
                continue;
            }
            if (depth == sizeof stack / sizeof stack[0])
                fz_fail(what, "XML: nesting deeper than %zu", depth);
            stack[depth] = name;
            lens[depth++] = n;
            p = q + 1;
        }
    }
    if (depth)
        fz_fail(what, "XML: <%.*s> is never closed", (int)lens[depth - 1], stack[depth - 1]);
    if (!root_seen)
        fz_fail(what, "XML: no root element");
}

void fz_check_doc(const char *what, fz_kind kind, const sbuf *doc)
{
    const char *s = sbuf_str(doc);
    size_t len = doc->len;
    check_utf8(what, s, len);
    switch (kind) {
    case FZ_JSON: check_json(what, s, len, false); break;
    case FZ_SARIF: check_json(what, s, len, true); break;
    case FZ_MARKDOWN: check_markdown(what, s, len); break;
    case FZ_XML: check_xml(what, s, len); break;
    case FZ_TEXT:
    case FZ_HTML: break;
    }
}

static void check_line(const char *what, const char *part, const char *s, size_t size)
{
    size_t len = strnlen(s, size);
    if (len == size)
        fz_fail(what, "the error %s is not NUL-terminated", part);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
            fz_fail(what, "the error %s has control byte 0x%02x at %zu: \"%s\"", part,
                    (unsigned char)s[i], i, s);
    size_t at;
    if (!utf8_valid(s, len, &at))
        fz_fail(what, "the error %s is not valid UTF-8 at %zu", part, at);
}

void fz_check_error(const char *what, const cir_err *err, cir_code rc)
{
    if (rc == CIR_OK)
        return;
    if (err->code != rc)
        fz_fail(what, "returned code %d but the error holds %d", (int)rc, (int)err->code);
    if (!err->msg[0])
        fz_fail(what, "an error (code %d) with no message", (int)rc);
    check_line(what, "message", err->msg, sizeof err->msg);
    check_line(what, "topic", err->topic, sizeof err->topic);
    if (rc == CIR_EINTERNAL)
        fz_fail(what, "an internal error (a bug): %s: %s", err->topic, err->msg);
}

/* ---- scratch directory and fixtures -------------------------------------------- */

static char scratch[256];

static void remove_scratch(void)
{
    if (!scratch[0])
        return;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz: could not remove %s\n", scratch);
}

void fz_setup(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    cir_warn_quiet(1);
    setenv("CIRCUIT_DATE", "2026-11-27", 1);
    setenv("NO_COLOR", "1", 1);
    unsetenv("AWS_REGION");
    unsetenv("AWS_DEFAULT_REGION");
    struct stat st;
    const char *base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
    snprintf(scratch, sizeof scratch, "%s/circuit-fuzz-XXXXXX", base);
    if (!mkdtemp(scratch)) {
        perror("fuzz: mkdtemp");
        exit(1);
    }
    atexit(remove_scratch);
}

const char *fz_dir(void)
{
    fz_setup();
    return scratch;
}

const char *fz_write_file(const char *name, const uint8_t *data, size_t size)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", fz_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
    return path;
}

const char *fz_fixture(const char *rel)
{
    static char path[1024];
    const char *root = getenv("FUZZ_ROOT");
    snprintf(path, sizeof path, "%s/fixtures/%s", root && *root ? root : ".", rel);
    return path;
}

plan *fz_fixture_plan(const char *rel)
{
    static struct {
        char rel[128];
        plan *p;
    } loaded[16];
    for (size_t i = 0; i < 16 && loaded[i].rel[0]; i++)
        if (strcmp(loaded[i].rel, rel) == 0)
            return loaded[i].p;
    plan_load_opts lo = {.quiet = true};
    plan *p = NULL;
    cir_err err;
    if (plan_load(fz_fixture(rel), &lo, &p, &err) != CIR_OK) {
        fprintf(stderr, "fuzz: cannot load fixture %s: %s (run from the repository root or set "
                        "FUZZ_ROOT)\n", rel, err.msg);
        exit(1);
    }
    for (size_t i = 0; i < 16; i++)
        if (!loaded[i].rel[0]) {
            snprintf(loaded[i].rel, sizeof loaded[i].rel, "%s", rel);
            loaded[i].p = p;
            break;
        }
    return p;
}

/* Opened on first use, closed by fz_cache_done every 1000 inputs.  The
 * file stays, so the snapshot is loaded once per process. */
static price_cache *cache;

price_cache *fz_cache(void)
{
    if (cache)
        return cache;
    char path[512];
    snprintf(path, sizeof path, "%s/pricing.db", fz_dir());
    price_open_opts o = {.path = path};
    cir_err err;
    if (price_cache_open(&o, &cache, &err) != CIR_OK) {
        fprintf(stderr, "fuzz: cannot open the price cache %s: %s\n", path, err.msg);
        exit(1);
    }
    return cache;
}

void fz_cache_done(void)
{
    /* Kept open across inputs (its memo makes lookups cheap, and once warm
     * an input allocates nothing that outlives it); closed now and then so
     * the memo cannot grow without bound. */
    static unsigned uses;
    if (++uses % 1000)
        return;
    price_cache_close(cache);
    cache = NULL;
}
