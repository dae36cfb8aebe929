/*
 * junit.c — findings as JUnit XML, the test-report format GitLab, Jenkins
 * and Azure DevOps show as test results.
 *
 * One <testsuite> per plan; in it one <testcase> per rule × resource the
 * rule applies to (classname = rule id, name = resource address): every
 * resource the plan creates, updates, replaces or imports, against every
 * rule whose resource types match its type; plan-wide rules ("*", and the
 * "plan" area's rules on actions) get one testcase named "plan" unless
 * they fired, then one per address they fired on.  A finding at or
 * above the threshold is a <failure>; one below it passes with the finding
 * in <system-out>; a suppressed one is <skipped>.  Nothing is printed that
 * a finding does not already hold, so no sensitive value can appear.
 */
#include "risk_render.h"

#include "../core/mem.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

typedef struct tcase {
    const risk_rule_info *rule;
    const char *address;          /* "plan" for plan-wide */
    const risk_finding **fails, **passes;
    size_t nfails, npasses, capf, capp;
    const risk_suppression *skipped;
    const plan_srcloc *src;
} tcase;

typedef struct suite {
    tcase *cases;
    size_t n, cap;
} suite;

static void xml_text(sbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '&': sbuf_puts(b, "&amp;"); break;
        case '<': sbuf_puts(b, "&lt;"); break;
        case '>': sbuf_puts(b, "&gt;"); break;
        case '"': sbuf_puts(b, "&quot;"); break;
        case '\'': sbuf_puts(b, "&apos;"); break;
        case '\n': sbuf_puts(b, "&#10;"); break;
        case '\t': sbuf_puts(b, "&#9;"); break;
        case '\r': sbuf_puts(b, "&#13;"); break;
        default:
            /* XML 1.0 allows no other control characters at all. */
            if (*p >= 0x20)
                sbuf_putc(b, (char)*p);
        }
    }
}

static bool type_matches(const char *types, const char *type)
{
    for (const char *p = types; *p;) {
        size_t n = strcspn(p, ",");
        char *one = xstrndup(p, n);
        bool hit = strcmp(one, "*") != 0 && fnmatch(one, type, 0) == 0;
        free(one);
        if (hit)
            return true;
        p += n + (p[n] == ',');
    }
    return false;
}

/* Rules on the plan's actions (area "plan": deletes, replacements, drift)
 * judge changes, not configurations: one testcase for the plan. */
static bool plan_wide(const risk_rule_info *r)
{
    return strcmp(r->resource_type, "*") == 0 || strcmp(r->area, "plan") == 0;
}

static bool configured(const plan_resource *r)
{
    if (r->is_data || r->deposed)
        return false;
    return r->action == PLAN_ACT_CREATE || r->action == PLAN_ACT_UPDATE || r->action == PLAN_ACT_REPLACE ||
           (r->action == PLAN_ACT_NOOP && r->importing);
}

static tcase *case_for(suite *s, const risk_rule_info *rule, const char *address)
{
    const char *name = address ? address : "plan";
    for (size_t i = 0; i < s->n; i++)
        if (s->cases[i].rule == rule && strcmp(s->cases[i].address, name) == 0)
            return &s->cases[i];
    s->cases = xgrow(s->cases, &s->cap, s->n + 1, sizeof *s->cases);
    tcase *c = &s->cases[s->n++];
    memset(c, 0, sizeof *c);
    c->rule = rule;
    c->address = name;
    return c;
}

static int case_cmp(const void *a, const void *b)
{
    const tcase *x = a, *y = b;
    int c = strcmp(x->rule->id, y->rule->id);
    return c ? c : strcmp(x->address, y->address);
}

static void build_suite(suite *s, const risk_report *rep, const plan *p, const risk_rule_info **rules, size_t nrules,
                        risk_severity threshold)
{
    for (size_t k = 0; k < nrules; k++) {
        if (plan_wide(rules[k])) {
            bool fired = false;
            for (size_t i = 0; i < rep->nfindings && !fired; i++)
                fired = rep->findings[i].rule == rules[k] && rep->findings[i].plan_name == p->name;
            if (!fired)
                case_for(s, rules[k], NULL);
            continue;
        }
        for (size_t i = 0; i < p->nresources; i++)
            if (configured(&p->resources[i]) && type_matches(rules[k]->resource_type, p->resources[i].type))
                case_for(s, rules[k], p->resources[i].address);
    }
    for (size_t i = 0; i < rep->nfindings; i++) {
        const risk_finding *f = &rep->findings[i];
        if (f->plan_name != p->name)
            continue;
        tcase *c = case_for(s, f->rule, f->address);
        if (f->located && f->src.file)
            c->src = &f->src;
        if (f->rule->severity >= threshold) {
            c->fails = xgrow(c->fails, &c->capf, c->nfails + 1, sizeof *c->fails);
            c->fails[c->nfails++] = f;
        } else {
            c->passes = xgrow(c->passes, &c->capp, c->npasses + 1, sizeof *c->passes);
            c->passes[c->npasses++] = f;
        }
    }
    for (size_t i = 0; i < rep->nsuppressed; i++) {
        const risk_suppression *sp = &rep->suppressed[i];
        if (sp->plan_name != p->name)
            continue;
        tcase *c = case_for(s, sp->rule, sp->address);
        if (!c->skipped)
            c->skipped = sp;
    }
    qsort(s->cases, s->n, sizeof *s->cases, case_cmp);
}

static void finding_line(sbuf *b, const risk_finding *f)
{
    sbuf_printf(b, "[%s] ", risk_severity_name(f->rule->severity));
    if (f->attribute) {
        xml_text(b, f->attribute);
        sbuf_puts(b, ": ");
    }
    xml_text(b, f->message);
}

static void write_case(sbuf *out, const tcase *c)
{
    sbuf_puts(out, "    <testcase classname=\"");
    xml_text(out, c->rule->id);
    sbuf_puts(out, "\" name=\"");
    xml_text(out, c->address);
    sbuf_puts(out, "\"");
    if (c->src) {
        sbuf_puts(out, " file=\"");
        xml_text(out, c->src->file);
        sbuf_printf(out, "\" line=\"%d\"", c->src->line);
    }
    sbuf_puts(out, " time=\"0\"");
    if (!c->nfails && !c->npasses && !c->skipped) {
        sbuf_puts(out, "/>\n");
        return;
    }
    sbuf_puts(out, ">\n");
    if (c->nfails) {
        sbuf_puts(out, "      <failure type=\"");
        xml_text(out, risk_severity_name(c->rule->severity));
        sbuf_puts(out, "\" message=\"");
        xml_text(out, c->rule->title);
        sbuf_puts(out, "\">");
        for (size_t i = 0; i < c->nfails; i++) {
            finding_line(out, c->fails[i]);
            sbuf_puts(out, "&#10;");
        }
        sbuf_puts(out, "Remediation: ");
        xml_text(out, c->rule->remediation);
        sbuf_puts(out, "</failure>\n");
    } else if (c->skipped && !c->npasses) {
        sbuf_puts(out, "      <skipped message=\"suppressed (");
        xml_text(out, c->skipped->how);
        sbuf_puts(out, ")\"/>\n");
    }
    if (c->npasses) {
        sbuf_puts(out, "      <system-out>below the failure threshold: ");
        for (size_t i = 0; i < c->npasses; i++) {
            finding_line(out, c->passes[i]);
            sbuf_puts(out, i + 1 < c->npasses ? "; " : "");
        }
        sbuf_puts(out, "</system-out>\n");
    }
    sbuf_puts(out, "    </testcase>\n");
}

void risk_render_junit(const risk_report *rep, const risk_ruleset *rs, plan *const *plans, size_t nplans,
                       risk_severity threshold, sbuf *out)
{
    const risk_rule_info **rules;
    size_t nrules = risk_ruleset_rules(rs, &rules);
    suite *suites = xcalloc(nplans ? nplans : 1, sizeof *suites);
    size_t tests = 0, failures = 0, skipped = 0;
    for (size_t i = 0; i < nplans; i++) {
        build_suite(&suites[i], rep, plans[i], rules, nrules, threshold);
        for (size_t k = 0; k < suites[i].n; k++) {
            tests++;
            failures += suites[i].cases[k].nfails > 0;
            skipped += !suites[i].cases[k].nfails && !suites[i].cases[k].npasses && suites[i].cases[k].skipped;
        }
    }
    sbuf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<testsuites name=\"circuit check\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"0\">\n",
                tests, failures, skipped);
    for (size_t i = 0; i < nplans; i++) {
        const suite *s = &suites[i];
        size_t f = 0, sk = 0;
        for (size_t k = 0; k < s->n; k++) {
            f += s->cases[k].nfails > 0;
            sk += !s->cases[k].nfails && !s->cases[k].npasses && s->cases[k].skipped;
        }
        sbuf_puts(out, "  <testsuite name=\"");
        xml_text(out, plans[i]->name);
        sbuf_printf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"0\">\n", s->n, f, sk);
        for (size_t k = 0; k < s->n; k++)
            write_case(out, &s->cases[k]);
        sbuf_puts(out, "  </testsuite>\n");
        for (size_t k = 0; k < s->n; k++) {
            free(s->cases[k].fails);
            free(s->cases[k].passes);
        }
        free(s->cases);
    }
    sbuf_puts(out, "</testsuites>\n");
    free(suites);
}
