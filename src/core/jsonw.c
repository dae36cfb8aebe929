/*
 * jsonw.c — the JSON writer: nesting, commas and layout over sbuf's JSON
 * strings and numbers.
 */
#include "jsonw.h"

#include <assert.h>
#include <math.h>

/* frame[]: the layout in the low bits, then what the container is and holds. */
enum { JWF_LAYOUT = 0x07, JWF_OBJECT = 0x08, JWF_MEMBERS = 0x10 };

void jw_init(jw *w, sbuf *b)
{
    w->b = b;
    w->depth = 0;
    w->keyed = false;
    w->done = false;
}

void jw_finish_value(jw *w)
{
    (void)w;   /* with NDEBUG the checks are all it does */
    assert(w->depth == 0 && "jsonw: finished with a container still open");
    assert(w->done && "jsonw: finished with no value written");
}

void jw_finish(jw *w)
{
    jw_finish_value(w);
    sbuf_putc(w->b, '\n');
}

static unsigned char *top(jw *w)
{
    return &w->frame[w->depth - 1];
}

static jw_layout layout_of(unsigned char f)
{
    return (jw_layout)(f & JWF_LAYOUT);
}

static void indent(jw *w, size_t depth)
{
    sbuf_putc(w->b, '\n');
    for (size_t i = 0; i < depth; i++)
        sbuf_puts(w->b, "  ");
}

/* Before a member of the innermost container: the comma and the space or
 * line break its layout puts there. */
static void member(jw *w)
{
    unsigned char *f = top(w);
    bool later = *f & JWF_MEMBERS;
    *f |= JWF_MEMBERS;
    if (later)
        sbuf_putc(w->b, ',');
    switch (layout_of(*f)) {
    case JW_BLOCK: indent(w, w->depth); break;
    case JW_ROWS: sbuf_putc(w->b, '\n'); break;
    case JW_LINE:
        if (later)
            sbuf_putc(w->b, ' ');
        break;
    case JW_SAME:
    case JW_COMPACT: break;
    }
}

/* Where a value may go: the whole document, the next item of an array, or
 * right after a key. */
static void value(jw *w)
{
    if (w->depth == 0) {
        assert(!w->done && "jsonw: a second value at the top");
        return;
    }
    if (*top(w) & JWF_OBJECT) {
        assert(w->keyed && "jsonw: a value in an object without its key");
        w->keyed = false;
        return;
    }
    member(w);
}

/* After a scalar or a close: at the top, the document is complete. */
static void settled(jw *w)
{
    if (w->depth == 0)
        w->done = true;
}

void jw_key(jw *w, const char *k)
{
    assert(w->depth > 0 && (*top(w) & JWF_OBJECT) && "jsonw: a key outside an object");
    assert(!w->keyed && "jsonw: two keys in a row");
    assert(k && "jsonw: a NULL key");
    member(w);
    sbuf_json_str(w->b, k);
    jw_layout l = layout_of(*top(w));
    sbuf_puts(w->b, l == JW_COMPACT || l == JW_ROWS ? ":" : ": ");
    w->keyed = true;
}

static void open_container(jw *w, jw_layout l, bool object)
{
    value(w);
    assert(w->depth < JW_MAX_DEPTH && "jsonw: nested too deep");
    if (l == JW_SAME) {
        jw_layout outer = w->depth ? layout_of(*top(w)) : JW_BLOCK;
        l = outer == JW_ROWS ? JW_COMPACT : outer;
    }
    w->frame[w->depth++] = (unsigned char)(l | (object ? JWF_OBJECT : 0));
    sbuf_putc(w->b, object ? '{' : '[');
}

static void close_container(jw *w, bool object)
{
    assert(w->depth > 0 && "jsonw: a close with nothing open");
    unsigned char f = *top(w);
    assert(!(f & JWF_OBJECT) == !object && "jsonw: a close that does not match its open");
    assert(!w->keyed && "jsonw: a key without its value");
    w->depth--;
    if (layout_of(f) == JW_BLOCK && (f & JWF_MEMBERS))
        indent(w, w->depth);
    sbuf_putc(w->b, object ? '}' : ']');
    settled(w);
}

void jw_object(jw *w, jw_layout l) { open_container(w, l, true); }
void jw_array(jw *w, jw_layout l) { open_container(w, l, false); }
void jw_end_object(jw *w) { close_container(w, true); }
void jw_end_array(jw *w) { close_container(w, false); }

void jw_str(jw *w, const char *s)
{
    value(w);
    sbuf_json_str(w->b, s);
    settled(w);
}

void jw_str_nonempty(jw *w, const char *s)
{
    jw_str(w, s && *s ? s : NULL);
}

void jw_money(jw *w, double usd)
{
    value(w);
    sbuf_json_money(w->b, usd);
    settled(w);
}

void jw_money_or_null(jw *w, double usd, bool is_null)
{
    if (is_null)
        jw_null(w);
    else
        jw_money(w, usd);
}

void jw_num(jw *w, double v)
{
    value(w);
    sbuf_json_num(w->b, v);
    settled(w);
}

void jw_fixed(jw *w, double v, int decimals)
{
    value(w);
    if (isfinite(v))
        sbuf_printf(w->b, "%.*f", decimals, v);
    else
        sbuf_puts(w->b, "null");
    settled(w);
}

void jw_int(jw *w, long long v)
{
    value(w);
    sbuf_printf(w->b, "%lld", v);
    settled(w);
}

void jw_uint(jw *w, size_t v)
{
    value(w);
    sbuf_printf(w->b, "%zu", v);
    settled(w);
}

void jw_bool(jw *w, bool v)
{
    jw_raw(w, v ? "true" : "false");
}

void jw_null(jw *w)
{
    jw_raw(w, "null");
}

void jw_raw(jw *w, const char *json)
{
    assert(json && *json && "jsonw: an empty raw value");
    value(w);
    sbuf_puts(w->b, json);
    settled(w);
}

void jw_begin_document(jw *w, sbuf *b, jw_layout l, const char *schema)
{
    jw_init(w, b);
    jw_object(w, l);
    jw_kstr(w, "schema", schema);
}

void jw_end_document(jw *w)
{
    jw_end_object(w);
    jw_finish(w);
}

/* ---- key and value ------------------------------------------------------------ */

void jw_kobject(jw *w, const char *k, jw_layout l) { jw_key(w, k); jw_object(w, l); }
void jw_karray(jw *w, const char *k, jw_layout l) { jw_key(w, k); jw_array(w, l); }
void jw_kstr(jw *w, const char *k, const char *s) { jw_key(w, k); jw_str(w, s); }
void jw_kstr_nonempty(jw *w, const char *k, const char *s) { jw_key(w, k); jw_str_nonempty(w, s); }
void jw_kmoney(jw *w, const char *k, double usd) { jw_key(w, k); jw_money(w, usd); }
void jw_kmoney_or_null(jw *w, const char *k, double usd, bool is_null)
{
    jw_key(w, k);
    jw_money_or_null(w, usd, is_null);
}
void jw_knum(jw *w, const char *k, double v) { jw_key(w, k); jw_num(w, v); }
void jw_kfixed(jw *w, const char *k, double v, int decimals) { jw_key(w, k); jw_fixed(w, v, decimals); }
void jw_kint(jw *w, const char *k, long long v) { jw_key(w, k); jw_int(w, v); }
void jw_kuint(jw *w, const char *k, size_t v) { jw_key(w, k); jw_uint(w, v); }
void jw_kbool(jw *w, const char *k, bool v) { jw_key(w, k); jw_bool(w, v); }
void jw_knull(jw *w, const char *k) { jw_key(w, k); jw_null(w); }
void jw_kraw(jw *w, const char *k, const char *json) { jw_key(w, k); jw_raw(w, json); }
