/*
 * cost_yaml.c — the YAML subset Infracost usage files are written in, read
 * into the same JSON tree a JSON usage file gives, so teams can bring
 * their infracost-usage.yml over unchanged.
 *
 * Accepted: nested mappings by space indentation, "key: value" pairs,
 * plain / single- / double-quoted scalars (keys too), numbers, true/false,
 * null / ~, comments.  Anything else (sequences, anchors, flow style, tabs,
 * multi-line scalars) is a clear error naming the line: usage files never
 * need them.
 */
#include "cost_yaml.h"

#include "../core/mem.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct level {
    int indent;
    json_t *obj;          /* borrowed from the tree */
} level;

/* Parses a quoted or plain token starting at *p; returns a new string or
 * NULL with *bad set.  Advances *p past it. */
static char *scalar_token(const char **p, bool is_key, const char **bad)
{
    const char *s = *p;
    if (*s == '"' || *s == '\'') {
        char q = *s++;
        char *out = xmalloc(strlen(s) + 1);
        size_t n = 0;
        while (*s && *s != q) {
            if (q == '"' && *s == '\\' && s[1]) {
                s++;
                switch (*s) {
                case 'n': out[n++] = '\n'; break;
                case 't': out[n++] = '\t'; break;
                default: out[n++] = *s; break;
                }
                s++;
                continue;
            }
            if (q == '\'' && *s == '\'' && s[1] == '\'') { /* '' is a quote */
                out[n++] = '\'';
                s += 2;
                continue;
            }
            out[n++] = *s++;
        }
        if (*s != q) {
            free(out);
            *bad = "unterminated quoted string";
            return NULL;
        }
        out[n] = '\0';
        *p = s + 1;
        return out;
    }
    const char *start = s;
    if (is_key) {
        /* a plain key ends at ": " or ":" at the end of the line */
        while (*s && !(*s == ':' && (s[1] == ' ' || s[1] == '\0')))
            s++;
    } else {
        while (*s)
            s++;
    }
    const char *end = s;
    while (end > start && end[-1] == ' ')
        end--;
    if (end == start) {
        *bad = is_key ? "empty key" : "empty value";
        return NULL;
    }
    *p = s;
    return xstrndup(start, (size_t)(end - start));
}

static json_t *plain_value(const char *t)
{
    if (strcmp(t, "true") == 0 || strcmp(t, "True") == 0)
        return json_true();
    if (strcmp(t, "false") == 0 || strcmp(t, "False") == 0)
        return json_false();
    if (strcmp(t, "null") == 0 || strcmp(t, "~") == 0)
        return json_null();
    char *end;
    errno = 0;
    long long i = strtoll(t, &end, 10);
    if (*t && !*end && errno == 0)
        return json_integer(i);
    double d = strtod(t, &end);
    if (*t && !*end && isfinite(d))
        return json_real(d);
    return json_string(t);
}

/* Strips a trailing comment (" #" outside quotes) and trailing spaces. */
static void strip_comment(char *line)
{
    char q = 0;
    for (char *s = line; *s; s++) {
        if (q) {
            if (*s == q)
                q = 0;
        } else if (*s == '"' || *s == '\'') {
            q = *s;
        } else if (*s == '#' && (s == line || s[-1] == ' ')) {
            *s = '\0';
            break;
        }
    }
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\r'))
        line[--n] = '\0';
}

static cir_code line_error(cir_err *err, const char *name, size_t lineno, const char *what)
{
    return cir_error(err, CIR_EPARSE, name, "line %zu: %s", lineno, what);
}

static cir_code parse_line(char *line, size_t lineno, const char *name, level *stack, size_t *depth,
                           int *pending_indent, cir_err *err)
{
    int indent = 0;
    while (line[indent] == ' ')
        indent++;
    if (line[indent] == '\t')
        return line_error(err, name, lineno, "tabs are not allowed for indentation");
    const char *p = line + indent;
    if (*p == '-' && (p[1] == ' ' || p[1] == '\0'))
        return line_error(err, name, lineno, "lists are not supported in usage files");
    if (*p == '{' || *p == '[' || *p == '&' || *p == '*' || *p == '|' || *p == '>')
        return line_error(err, name, lineno, "only plain \"key: value\" mappings are supported");
    if (strncmp(p, "---", 3) == 0 && indent == 0)
        return CIR_OK; /* document marker */

    /* close levels deeper than this line; a line deeper than expected
     * opens the mapping announced by "key:" on the line before */
    if (*pending_indent >= 0) {
        if (indent > *pending_indent)
            stack[*depth - 1].indent = indent;
        /* else "key:" had nothing under it: an empty mapping, closed below */
        *pending_indent = -1;
    }
    while (*depth > 1 && indent < stack[*depth - 1].indent)
        (*depth)--;
    if (indent != stack[*depth - 1].indent)
        return line_error(err, name, lineno, "indentation does not match any enclosing mapping");

    const char *bad = NULL;
    char *key = scalar_token(&p, true, &bad);
    if (!key)
        return line_error(err, name, lineno, bad);
    while (*p == ' ')
        p++;
    if (*p != ':') {
        free(key);
        return line_error(err, name, lineno, "expected \"key: value\"");
    }
    p++;
    while (*p == ' ')
        p++;
    json_t *parent = stack[*depth - 1].obj;
    if (json_object_get(parent, key)) {
        char *msg = xasprintf("duplicate key \"%s\"", key);
        cir_code rc = line_error(err, name, lineno, msg);
        free(msg);
        free(key);
        return rc;
    }
    if (*p == '\0') { /* a nested mapping follows */
        if (*depth >= 32) {
            free(key);
            return line_error(err, name, lineno, "nesting too deep");
        }
        json_t *child = json_object();
        /* On failure jansson frees `child` (set_new steals it): never keep
         * a pointer to it then. */
        if (json_object_set_new(parent, key, child) != 0) {
            free(key);
            return line_error(err, name, lineno, "a key that is not valid UTF-8 text");
        }
        free(key);
        stack[*depth] = (level){indent + 1, child}; /* real indent fixed by the next line */
        (*depth)++;
        *pending_indent = indent;
        return CIR_OK;
    }
    json_t *val;
    if (*p == '"' || *p == '\'') {
        char *s = scalar_token(&p, false, &bad);
        if (!s) {
            free(key);
            return line_error(err, name, lineno, bad);
        }
        while (*p == ' ')
            p++;
        if (*p) {
            free(s);
            free(key);
            return line_error(err, name, lineno, "text after a quoted value");
        }
        val = json_string(s);
        free(s);
    } else {
        if (*p == '[' || *p == '{' || *p == '&' || *p == '*' || *p == '|' || *p == '>') {
            free(key);
            return line_error(err, name, lineno, "only plain scalar values are supported");
        }
        char *s = scalar_token(&p, false, &bad);
        if (!s) {
            free(key);
            return line_error(err, name, lineno, bad);
        }
        val = plain_value(s);
        free(s);
    }
    if (!val) {
        free(key);
        return line_error(err, name, lineno, "a value that is not valid UTF-8 text");
    }
    int bad_key = json_object_set_new(parent, key, val);
    free(key);
    if (bad_key)
        return line_error(err, name, lineno, "a key that is not valid UTF-8 text");
    return CIR_OK;
}

cir_code cost_yaml_parse(const char *name, const char *text, size_t len, json_t **out, cir_err *err)
{
    json_t *root = json_object();
    level stack[33];
    size_t depth = 1;
    stack[0] = (level){0, root};
    int pending = -1;
    size_t lineno = 0;
    const char *p = text, *end = text + len;
    cir_code rc = CIR_OK;
    while (p < end && rc == CIR_OK) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        lineno++;
        if (memchr(p, '\0', n)) {
            rc = line_error(err, name, lineno, "contains a NUL byte");
            break;
        }
        char *line = xstrndup(p, n);
        strip_comment(line);
        const char *q = line;
        while (*q == ' ')
            q++;
        if (*q)
            rc = parse_line(line, lineno, name, stack, &depth, &pending, err);
        free(line);
        p = nl ? nl + 1 : end;
    }
    if (rc != CIR_OK) {
        json_decref(root);
        return rc;
    }
    *out = root;
    return CIR_OK;
}
