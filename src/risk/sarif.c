/*
 * sarif.c — findings as SARIF 2.1.0, shaped for GitHub code scanning
 * (risk-catalog §8): every rule with descriptions, help, a default level and
 * a security-severity; every result with a level, a message, one physical
 * location and a stable fingerprint.  The location is the resource's .tf
 * block when the report was located (risk_report_locate), else the plan
 * file at the line of the resource's address (line 1 when it cannot be read
 * again), with a locationNote saying why; every URI is relative to the
 * repository root (uriBaseId %SRCROOT%).
 * Suppressed findings are results too, marked with a SARIF suppression, so
 * they stay visible.  No string in the document is ever empty.  Written
 * with the JSON writer (core/jsonw.h): indented down to the rules and the
 * results, a rule or a result a line.
 */
#include "risk_render.h"

#include "../core/input.h"
#include "../core/jsonw.h"
#include "../core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void risk_fingerprint(const char *rule, const char *address, const char *attribute, char out[17])
{
    unsigned long long h = 14695981039346656037ULL;
    const char *parts[3] = {rule, address ? address : "", attribute ? attribute : ""};
    for (size_t p = 0; p < 3; p++) {
        for (const unsigned char *s = (const unsigned char *)parts[p]; *s; s++) {
            h ^= *s;
            h *= 1099511628211ULL;
        }
        h ^= 0xff;   /* separator: ("ab","c") and ("a","bc") differ */
        h *= 1099511628211ULL;
    }
    snprintf(out, 17, "%016llx", h);
}

static const char *level_of(risk_severity s)
{
    return s >= RISK_HIGH ? "error" : s == RISK_MEDIUM ? "warning" : "note";
}

/* GitHub's bands: > 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
static const char *security_severity(risk_severity s)
{
    switch (s) {
    case RISK_CRITICAL: return "9.5";
    case RISK_HIGH: return "8.0";
    case RISK_MEDIUM: return "5.5";
    case RISK_LOW: return "3.0";
    case RISK_INFO: return "1.0";
    }
    return "1.0";
}

/* ---- plan file lines ---------------------------------------------------- */

/* address -> first line it appears on as "address": "<it>" after
 * "resource_changes" (else anywhere). */
static json_t *address_lines(const char *path)
{
    json_t *lines = json_object();
    sbuf text = SBUF_INIT;
    in_read_opts o = {.dash_is_stdin = false};   /* stdin was the plan: read once */
    if (!path || in_read_file(path, &o, &text, NULL) != CIR_OK) {
        sbuf_free(&text);
        return lines;   /* no lines: the findings still stand */
    }
    const char *s = sbuf_str(&text);
    const char *changes = strstr(s, "\"resource_changes\"");
    const char *key = "\"address\"";
    size_t line = 1;
    const char *counted = s;
    for (const char *p = strstr(s, key); p; p = strstr(p + 1, key)) {
        for (; counted < p; counted++)
            line += *counted == '\n';
        const char *q = p + strlen(key);
        while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
            q++;
        if (*q != ':')
            continue;
        q++;
        while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
            q++;
        if (*q != '"')
            continue;
        /* The value as JSON: decode it so escaped quotes compare right. */
        const char *end = q + 1;
        while (*end && *end != '"')
            end += *end == '\\' && end[1] ? 2 : 1;
        if (*end != '"')
            break;
        json_t *v = json_loadb(q, (size_t)(end - q + 1), JSON_DECODE_ANY, NULL);
        if (json_is_string(v)) {
            const char *addr = json_string_value(v);
            json_t *old = json_object_get(lines, addr);
            /* Prefer the occurrence inside resource_changes. */
            if (!old || (changes && p > changes && !json_is_true(json_object_get(old, "rc"))))
                json_object_set_new(lines, addr, json_pack("{s:I, s:b}", "line", (json_int_t)line, "rc",
                                                           changes && p > changes));
        }
        json_decref(v);
    }
    sbuf_free(&text);
    return lines;
}

/* ---- writing ------------------------------------------------------------ */

static void uri_of(sbuf *b, const char *path)
{
    if (!path || !strcmp(path, "-")) {
        sbuf_puts(b, "stdin");
        return;
    }
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            sbuf_putc(b, (char)*p);
        else
            sbuf_printf(b, "%%%02X", *p);
    }
    if (!*path)
        sbuf_puts(b, "plan");
}

static void text_obj(jw *w, const char *key, const char *text)
{
    jw_kobject(w, key, JW_SAME);
    jw_kstr(w, "text", text);
    jw_end_object(w);
}

/* "a,b" as "a, b" (or "`a`, `b`" for Markdown). */
static void types_text(sbuf *b, const char *types, bool code)
{
    for (const char *p = types; *p;) {
        size_t n = strcspn(p, ",");
        sbuf_printf(b, "%s%s%.*s%s", p == types ? "" : ", ", code ? "`" : "", (int)n, p, code ? "`" : "");
        p += n + (p[n] == ',');
    }
}

static void write_rule(jw *w, const risk_rule_info *r)
{
    jw_object(w, JW_LINE);
    jw_kstr(w, "id", r->id);
    text_obj(w, "shortDescription", r->title);
    sbuf full = SBUF_INIT;
    sbuf_printf(&full, "%s. Applies to: ", r->title);
    types_text(&full, r->resource_type, false);
    sbuf_putc(&full, '.');
    text_obj(w, "fullDescription", sbuf_str(&full));
    sbuf_free(&full);

    sbuf help = SBUF_INIT, md = SBUF_INIT;
    sbuf_printf(&help, "%s", r->remediation);
    sbuf_printf(&md, "**%s**\n\n%s\n\nResource types: ", r->title, r->remediation);
    types_text(&md, r->resource_type, true);
    if (r->checkov || r->trivy) {
        sbuf_puts(&help, " Related checks:");
        sbuf_puts(&md, "\n\nRelated checks:");
        if (r->checkov) {
            sbuf_printf(&help, " checkov %s", r->checkov);
            sbuf_printf(&md, " checkov `%s`", r->checkov);
        }
        if (r->trivy) {
            sbuf_printf(&help, "%s Trivy %s", r->checkov ? ";" : "", r->trivy);
            sbuf_printf(&md, "%s Trivy `%s`", r->checkov ? ";" : "", r->trivy);
        }
        sbuf_puts(&help, ".");
    }
    /* GitHub shows at most 1024 characters of help.text. */
    char *help_text = sbuf_detach(&help);
    if (strlen(help_text) > 1024)
        strcpy(help_text + 1021, "...");
    jw_kobject(w, "help", JW_SAME);
    jw_kstr(w, "text", help_text);
    jw_kstr(w, "markdown", sbuf_str(&md));
    jw_end_object(w);
    free(help_text);
    sbuf_free(&md);

    jw_kobject(w, "defaultConfiguration", JW_SAME);
    jw_kstr(w, "level", level_of(r->severity));
    jw_end_object(w);
    jw_kobject(w, "properties", JW_SAME);
    jw_karray(w, "tags", JW_SAME);
    jw_str(w, "security");
    jw_str(w, "terraform");
    jw_str(w, r->area);
    jw_end_array(w);
    jw_kstr(w, "security-severity", security_severity(r->severity));
    jw_end_object(w);
    jw_end_object(w);
}

typedef struct result_in {
    const risk_rule_info *rule;
    const char *address, *attribute, *message, *plan_name;
    const char *suppressed_how;   /* NULL for a live finding */
    const plan_srcloc *src;       /* NULL when the report was not located */
} result_in;

static int rule_cmp(const void *a, const void *b)
{
    const risk_rule_info *x = *(const risk_rule_info *const *)a, *y = *(const risk_rule_info *const *)b;
    return strcmp(x->id, y->id);
}

static size_t rule_index(const risk_rule_info **rules, size_t n, const risk_rule_info *r)
{
    for (size_t i = 0; i < n; i++)
        if (rules[i] == r)
            return i;
    return 0;
}

static size_t plan_index(plan *const *plans, size_t nplans, const char *name)
{
    for (size_t i = 0; i < nplans; i++)
        if (plans[i]->name == name)
            return i;
    return 0;
}

/* "artifactLocation" and "region": the .tf block when located, else the
 * plan file at the address's line (1 when it is not found). */
static void physical_location(jw *w, const result_in *in, const char *path, json_t *lines)
{
    sbuf uri = SBUF_INIT;
    uri_of(&uri, in->src && in->src->file ? in->src->file : path);
    jw_kobject(w, "physicalLocation", JW_SAME);
    jw_kobject(w, "artifactLocation", JW_SAME);
    jw_kstr(w, "uri", sbuf_str(&uri));
    jw_kstr(w, "uriBaseId", "%SRCROOT%");
    jw_end_object(w);
    jw_kobject(w, "region", JW_SAME);
    if (in->src && in->src->file) {
        jw_kint(w, "startLine", in->src->line);
        jw_kint(w, "startColumn", in->src->column);
    } else {
        json_int_t line = 1;
        json_t *hit = in->address ? json_object_get(lines, in->address) : NULL;
        if (hit)
            line = json_integer_value(json_object_get(hit, "line"));
        jw_kint(w, "startLine", (long long)line);
    }
    jw_end_object(w);
    jw_end_object(w);
    sbuf_free(&uri);
}

static void write_result(jw *w, const result_in *in, size_t index, const char *path, json_t *lines)
{
    jw_object(w, JW_LINE);
    jw_kstr(w, "ruleId", in->rule->id);
    jw_kuint(w, "ruleIndex", index);
    jw_kstr(w, "level", level_of(in->rule->severity));
    char *text = in->address ? xasprintf("%s: %s", in->address, in->message) : xstrdup(in->message);
    text_obj(w, "message", text);
    free(text);
    jw_karray(w, "locations", JW_SAME);
    jw_object(w, JW_SAME);
    physical_location(w, in, path, lines);
    if (in->address) {
        jw_karray(w, "logicalLocations", JW_SAME);
        jw_object(w, JW_SAME);
        jw_kstr(w, "fullyQualifiedName", in->address);
        jw_kstr(w, "kind", "resource");
        jw_end_object(w);
        jw_end_array(w);
    }
    jw_end_object(w);
    jw_end_array(w);
    char fp[17];
    risk_fingerprint(in->rule->id, in->address, in->attribute, fp);
    jw_kobject(w, "partialFingerprints", JW_SAME);
    jw_kstr(w, "circuitFingerprint/v1", fp);
    jw_end_object(w);
    const char *note = in->src && !in->src->file ? in->src->note : NULL;
    if (in->attribute || note) {
        jw_kobject(w, "properties", JW_SAME);
        if (in->attribute)
            jw_kstr(w, "attribute", in->attribute);
        if (note)
            jw_kstr(w, "locationNote", note);
        jw_end_object(w);
    }
    if (in->suppressed_how) {
        jw_karray(w, "suppressions", JW_SAME);
        jw_object(w, JW_SAME);
        jw_kstr(w, "kind", strstr(in->suppressed_how, "tag") ? "inSource" : "external");
        jw_kstr(w, "justification", in->suppressed_how);
        jw_end_object(w);
        jw_end_array(w);
    }
    jw_end_object(w);
}

void risk_render_sarif(const risk_report *rep, plan *const *plans, const char *const *paths,
                       const char *const *uris, size_t nplans, const char *tool_version, sbuf *out)
{
    size_t n = rep->nfindings + rep->nsuppressed;
    result_in *in = xcalloc(n ? n : 1, sizeof *in);
    for (size_t i = 0; i < rep->nfindings; i++) {
        const risk_finding *f = &rep->findings[i];
        in[i] = (result_in){f->rule, f->address, f->attribute, f->message, f->plan_name, NULL,
                            f->located ? &f->src : NULL};
    }
    for (size_t i = 0; i < rep->nsuppressed; i++) {
        const risk_suppression *s = &rep->suppressed[i];
        in[rep->nfindings + i] = (result_in){s->rule, s->address, s->attribute, s->message, s->plan_name, s->how,
                                             s->located ? &s->src : NULL};
    }

    /* The rules the results use, by id. */
    const risk_rule_info **rules = xcalloc(n ? n : 1, sizeof *rules);
    size_t nrules = 0;
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t k = 0; k < nrules && !seen; k++)
            seen = rules[k] == in[i].rule;
        if (!seen)
            rules[nrules++] = in[i].rule;
    }
    qsort(rules, nrules, sizeof *rules, rule_cmp);

    json_t **lines = xcalloc(nplans ? nplans : 1, sizeof *lines);
    for (size_t i = 0; i < nplans; i++)
        lines[i] = address_lines(paths && paths[i] && strcmp(paths[i], "-") ? paths[i] : NULL);

    jw w;
    jw_init(&w, out);
    jw_object(&w, JW_BLOCK);
    jw_kstr(&w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    jw_kstr(&w, "version", "2.1.0");
    jw_karray(&w, "runs", JW_BLOCK);
    jw_object(&w, JW_BLOCK);
    jw_kobject(&w, "tool", JW_LINE);
    jw_kobject(&w, "driver", JW_LINE);
    jw_kstr(&w, "name", "circuit");
    jw_kstr(&w, "version", tool_version);
    jw_karray(&w, "rules", JW_BLOCK);
    for (size_t i = 0; i < nrules; i++)
        write_rule(&w, rules[i]);
    jw_end_array(&w);
    jw_end_object(&w);
    jw_end_object(&w);
    jw_karray(&w, "results", JW_BLOCK);
    const char *const *names = uris ? uris : paths;
    for (size_t i = 0; i < n; i++) {
        size_t p = plan_index(plans, nplans, in[i].plan_name);
        write_result(&w, &in[i], rule_index(rules, nrules, in[i].rule),
                     names && p < nplans ? names[p] : NULL, nplans ? lines[p] : NULL);
    }
    jw_end_array(&w);
    jw_end_object(&w);
    jw_end_array(&w);
    jw_end_object(&w);
    jw_finish(&w);

    for (size_t i = 0; i < nplans; i++)
        json_decref(lines[i]);
    free(lines);
    free(rules);
    free(in);
}
