/*
 * plan_scan.c — parsing the top-level plan object key by key.
 *
 * `terraform show -json` repeats every resource's values up to three times:
 * in resource_changes (which circuit reads), and again in planned_values
 * and prior_state (which nothing in circuit needs).  Building jansson trees
 * for those two would cost more than everything else the reader does, so
 * this scanner walks the top-level object itself: each key's value is
 * parsed by jansson (json_loadb with JSON_DISABLE_EOF_CHECK tells how far it
 * read), except planned_values and prior_state, which are only validated
 * by a grammar checker that allocates nothing, and kept as an empty object
 * so "is it there, is it an object" still holds.  Malformed JSON anywhere
 * is still reported with its line and column.
 */
#include "plan_internal.h"

#include "../core/mem.h"
#include "../core/utf8.h"

#include <string.h>

#define MAX_DEPTH 2048

/* Top-level keys whose value is checked but not kept. */
static const char *const skipped_keys[] = {"planned_values", "prior_state"};

typedef struct scan {
    const char *base;      /* start of the JSON text (line 1, column 1) */
    const char *p, *end;
    const char *err_at;    /* where a problem was found */
    const char *why;       /* NULL: truncated; else what was expected */
} scan;

static void ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
        s->p++;
}

static bool fail(scan *s, const char *why)
{
    s->err_at = s->p;
    s->why = s->p >= s->end ? NULL : why;
    return false;
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The four hex digits of a \\u escape at `at` (which starts with "\\u"). */
static bool hex4(scan *s, const char *at, unsigned *out)
{
    if (s->end - at < 6)
        return fail(s, NULL);
    unsigned v = 0;
    for (int i = 2; i < 6; i++) {
        char c = at[i];
        if (!is_hex(c))
            return fail(s, "invalid \\u escape in a string");
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    *out = v;
    return true;
}

static bool skip_string(scan *s)
{
    s->p++;   /* opening quote */
    while (s->p < s->end) {
        unsigned char c = (unsigned char)*s->p;
        if (c == '"') {
            s->p++;
            return true;
        }
        if (c == '\\') {
            if (s->end - s->p < 2)
                return fail(s, NULL);
            char e = s->p[1];
            if (e == 'u') {
                /* The same escapes jansson refuses in the parts it reads:
                 * \u0000 and a surrogate that is not half of a pair. */
                unsigned cp;
                if (!hex4(s, s->p, &cp))
                    return false;
                if (cp == 0)
                    return fail(s, "\\u0000 is not allowed in a string");
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return fail(s, "a lone low surrogate (\\uDC00-\\uDFFF) in a string");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned lo;
                    if (s->end - s->p < 12)
                        return fail(s, NULL);
                    if (s->p[6] != '\\' || s->p[7] != 'u')
                        return fail(s, "a lone high surrogate (\\uD800-\\uDBFF) in a string");
                    if (!hex4(s, s->p + 6, &lo))
                        return false;
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return fail(s, "a lone high surrogate (\\uD800-\\uDBFF) in a string");
                    s->p += 6;
                }
                s->p += 6;
            } else if (strchr("\"\\/bfnrt", e) && e) {
                s->p += 2;
            } else {
                return fail(s, "invalid escape in a string");
            }
        } else if (c < 0x20) {
            return fail(s, "control character in a string");
        } else if (c < 0x80) {
            s->p++;
        } else {
            size_t n = utf8_seq_len((const unsigned char *)s->p, (size_t)(s->end - s->p));
            if (!n)
                return s->end - s->p < 4 && c >= 0xC2 ? fail(s, NULL) : fail(s, "invalid UTF-8 in a string");
            s->p += n;
        }
    }
    return fail(s, NULL);
}

static bool digits(scan *s)
{
    const char *start = s->p;
    while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
        s->p++;
    return s->p > start || fail(s, "a digit expected");
}

static bool skip_number(scan *s)
{
    if (*s->p == '-')
        s->p++;
    if (s->p < s->end && *s->p == '0')
        s->p++;
    else if (!digits(s))
        return false;
    if (s->p < s->end && *s->p == '.') {
        s->p++;
        if (!digits(s))
            return false;
    }
    if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
        s->p++;
        if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
            s->p++;
        if (!digits(s))
            return false;
    }
    return true;
}

static bool skip_word(scan *s, const char *w)
{
    size_t n = strlen(w);
    size_t have = (size_t)(s->end - s->p);
    if (have < n)
        return memcmp(s->p, w, have) == 0 ? (s->p = s->end, fail(s, NULL)) : fail(s, "invalid token");
    if (memcmp(s->p, w, n) != 0)
        return fail(s, "invalid token");
    s->p += n;
    return true;
}

static bool skip_value(scan *s, int depth);

static bool skip_container(scan *s, int depth, char close)
{
    if (depth > MAX_DEPTH)
        return fail(s, "nesting too deep");
    s->p++;
    ws(s);
    if (s->p < s->end && *s->p == close) {
        s->p++;
        return true;
    }
    for (;;) {
        if (close == '}') {
            ws(s);
            if (s->p >= s->end || *s->p != '"')
                return fail(s, "string or '}' expected");
            if (!skip_string(s))
                return false;
            ws(s);
            if (s->p >= s->end || *s->p != ':')
                return fail(s, "':' expected");
            s->p++;
        }
        if (!skip_value(s, depth + 1))
            return false;
        ws(s);
        if (s->p >= s->end)
            return fail(s, NULL);
        if (*s->p == close) {
            s->p++;
            return true;
        }
        if (*s->p != ',')
            return fail(s, close == '}' ? "',' or '}' expected" : "',' or ']' expected");
        s->p++;
    }
}

static bool skip_value(scan *s, int depth)
{
    ws(s);
    if (s->p >= s->end)
        return fail(s, NULL);
    switch (*s->p) {
    case '{': return skip_container(s, depth, '}');
    case '[': return skip_container(s, depth, ']');
    case '"': return skip_string(s);
    case 't': return skip_word(s, "true");
    case 'f': return skip_word(s, "false");
    case 'n': return skip_word(s, "null");
    default:
        if (*s->p == '-' || (*s->p >= '0' && *s->p <= '9'))
            return skip_number(s);
        return fail(s, "invalid token");
    }
}

/* Line and column (in characters) of `at` within the scanned text. */
static void line_col(const char *base, const char *at, size_t line_shift, int *line, int *col)
{
    size_t l = 1 + line_shift;
    const char *line_start = base;
    for (const char *q = base; (q = memchr(q, '\n', (size_t)(at - q))); q++) {
        l++;
        line_start = q + 1;
    }
    int c = 1;
    for (const char *q = line_start; q < at; q++)
        c += ((unsigned char)*q & 0xC0) != 0x80;
    *line = (int)l;
    *col = c;
}

static cir_code scan_error(const scan *s, const char *name, size_t line_shift, cir_err *err)
{
    int line, col;
    if (!s->why) {
        /* The position of the last character there is. */
        line_col(s->base, s->end > s->base ? s->end - 1 : s->end, line_shift, &line, &col);
        return cir_error(err, CIR_EPARSE, name, "truncated JSON: the input ends at line %d, "
                         "column %d before the document is complete", line, col);
    }
    line_col(s->base, s->err_at, line_shift, &line, &col);
    return cir_error(err, CIR_EPARSE, name, "not JSON: %s at line %d, column %d", s->why, line, col);
}

/* jansson's error inside a value that starts at `at`. */
static cir_code value_error(const scan *s, const char *at, const json_error_t *e, const char *name,
                            size_t line_shift, cir_err *err)
{
    if (json_error_code(e) == json_error_premature_end_of_input) {
        scan t = *s;
        t.why = NULL;
        return scan_error(&t, name, line_shift, err);
    }
    char reason[160];
    snprintf(reason, sizeof reason, "%s", e->text);
    char *near = strstr(reason, " near ");
    if (near)
        *near = '\0';
    int line, col;
    /* jansson's position is just past the last character it read. */
    const char *pos = at + (e->position > 0 ? e->position - 1 : 0);
    if (pos > s->end)
        pos = s->end;
    line_col(s->base, pos, line_shift, &line, &col);
    return cir_error(err, CIR_EPARSE, name, "not JSON: %s at line %d, column %d", reason, line, col);
}

static bool is_skipped(const char *key)
{
    for (size_t i = 0; i < sizeof skipped_keys / sizeof skipped_keys[0]; i++)
        if (strcmp(key, skipped_keys[i]) == 0)
            return true;
    return false;
}

/* Parses one value at s->p with jansson; advances past it. */
static json_t *load_value(scan *s, const char *name, size_t line_shift, plan_warnings *w,
                          cir_err *err)
{
    json_error_t e;
    size_t flags = JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES;
    json_t *v = json_loadb(s->p, (size_t)(s->end - s->p), flags, &e);
    if (!v && json_error_code(&e) == json_error_numeric_overflow) {
        v = json_loadb(s->p, (size_t)(s->end - s->p), flags | JSON_DECODE_INT_AS_REAL, &e);
        if (v)
            plan_warn_add(w, "an integer does not fit in 64 bits: numbers read as floating point");
    }
    if (!v) {
        value_error(s, s->p, &e, name, line_shift, err);
        return NULL;
    }
    s->p += e.position;
    return v;
}

cir_code plan_parse_object(const char *name, const char *text, size_t len, size_t line_shift,
                           plan_warnings *w, json_t **out, size_t *consumed, cir_err *err)
{
    scan s = {text, text, text + len, NULL, NULL};
    json_t *root = json_object();
    ws(&s);
    if (s.p >= s.end || *s.p != '{') {
        fail(&s, "'{' expected");
        goto bad;
    }
    s.p++;
    ws(&s);
    if (s.p < s.end && *s.p == '}') {
        s.p++;
        goto done;
    }
    for (;;) {
        ws(&s);
        if (s.p >= s.end || *s.p != '"') {
            fail(&s, "string or '}' expected");
            goto bad;
        }
        const char *key_at = s.p;
        json_t *k = load_value(&s, name, line_shift, w, err);
        if (!k) {
            json_decref(root);
            return err->code;
        }
        char *key = xstrdup(json_string_value(k));
        json_decref(k);
        if (json_object_get(root, key)) {
            /* Refused, as jansson refuses it deeper down: with "last one
             * wins" a second resource_changes would replace the first. */
            free(key);
            s.p = key_at;
            fail(&s, "duplicate object key");
            goto bad;
        }
        ws(&s);
        if (s.p >= s.end || *s.p != ':') {
            free(key);
            fail(&s, "':' expected");
            goto bad;
        }
        s.p++;
        ws(&s);
        json_t *v;
        if (s.p < s.end && *s.p == '{' && is_skipped(key)) {
            if (!skip_value(&s, 1)) {
                free(key);
                goto bad;
            }
            v = json_object();
        } else {
            v = load_value(&s, name, line_shift, w, err);
            if (!v) {
                free(key);
                json_decref(root);
                return err->code;
            }
        }
        json_object_set_new(root, key, v);
        free(key);
        ws(&s);
        if (s.p >= s.end) {
            fail(&s, NULL);
            goto bad;
        }
        if (*s.p == '}') {
            s.p++;
            break;
        }
        if (*s.p != ',') {
            fail(&s, "',' or '}' expected");
            goto bad;
        }
        s.p++;
    }
done:
    *out = root;
    *consumed = (size_t)(s.p - text);
    return CIR_OK;
bad:
    json_decref(root);
    return scan_error(&s, name, line_shift, err);
}
