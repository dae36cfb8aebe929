/*
 * review_testlib.c — see review_testlib.h.
 */
#include "review_testlib.h"

#include "src/core/mem.h"
#include "src/review/review_int.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static int by_address(const void *a, const void *b)
{
    return strcmp(((const plan_resource *)a)->address, ((const plan_resource *)b)->address);
}

static void set_action(plan_resource *r, const char *a)
{
    static const struct {
        const char *name;
        plan_action act;
        plan_replace_order order;
    } acts[] = {
        {"create", PLAN_ACT_CREATE, PLAN_ORDER_NONE}, {"update", PLAN_ACT_UPDATE, PLAN_ORDER_NONE},
        {"delete", PLAN_ACT_DELETE, PLAN_ORDER_NONE}, {"no-op", PLAN_ACT_NOOP, PLAN_ORDER_NONE},
        {"read", PLAN_ACT_READ, PLAN_ORDER_NONE}, {"forget", PLAN_ACT_FORGET, PLAN_ORDER_NONE},
        {"replace", PLAN_ACT_REPLACE, PLAN_ORDER_DELETE_BEFORE_CREATE},
        {"replace-cbd", PLAN_ACT_REPLACE, PLAN_ORDER_CREATE_BEFORE_DELETE},
    };
    for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++)
        if (strcmp(acts[i].name, a) == 0) {
            r->action = acts[i].act;
            r->replace_order = acts[i].order;
            return;
        }
    cr_assert_fail("unknown test action %s", a);
}

plan *tl_plan(const char *name, const char *resources_json)
{
    json_error_t e;
    json_t *root = json_loads(resources_json, 0, &e);
    cr_assert(json_is_array(root), "bad test plan JSON: %s (line %d)", e.text, e.line);
    plan *p = xcalloc(1, sizeof *p);
    p->root = root;
    p->name = xstrdup(name);
    p->complete = true;
    p->nresources = json_array_size(root);
    p->resources = xcalloc(p->nresources + 1, sizeof *p->resources);
    size_t i;
    json_t *o;
    json_array_foreach(root, i, o) {
        plan_resource *r = &p->resources[i];
        r->address = json_string_value(json_object_get(o, "address"));
        r->type = json_string_value(json_object_get(o, "type"));
        cr_assert(r->address && r->type);
        const char *dot = strrchr(r->address, '.');
        r->name = dot ? dot + 1 : r->address;
        r->is_data = json_is_true(json_object_get(o, "data"));
        r->mode = r->is_data ? "data" : "managed";
        r->provider = "aws";
        r->provider_name = "registry.terraform.io/hashicorp/aws";
        r->is_aws = true;
        r->index = json_object_get(o, "index");
        r->previous_address = json_string_value(json_object_get(o, "previous_address"));
        set_action(r, json_string_value(json_object_get(o, "action")));
        r->before = json_object_get(o, "before");
        r->after = json_object_get(o, "after");
        r->after_unknown = json_object_get(o, "after_unknown");
        r->before_sensitive = json_object_get(o, "before_sensitive");
        r->after_sensitive = json_object_get(o, "after_sensitive");
        r->region = json_string_value(json_object_get(o, "region"));
        if (!r->region)
            r->region = "us-east-1";
        r->region_source = PLAN_REGION_DEFAULT;
    }
    qsort(p->resources, p->nresources, sizeof *p->resources, by_address);
    return p;
}

void tl_plan_free(plan *p)
{
    json_decref(p->root);
    free(p->resources);
    free(p->name);
    free(p);
}

cost_report *tl_cost(void)
{
    return xcalloc(1, sizeof(cost_report));
}

static cost_component *one_component(double monthly, const char *note, bool usage)
{
    cost_component *k = xcalloc(1, sizeof *k);
    k->name = xstrdup(usage ? "Data processed" : "Usage");
    k->unit = xstrdup(usage ? "GB" : "hours");
    k->monthly = monthly;
    k->priced = !note || usage ? !usage : false;
    k->usage_based = usage;
    k->usage_missing = usage;
    k->note = note ? xstrdup(note) : NULL;
    return k;
}

void tl_cost_add(cost_report *c, const plan *p, const char *address, cost_status status,
                 double before, double after, const char *note)
{
    const plan_resource *res = NULL;
    for (size_t i = 0; i < p->nresources; i++)
        if (strcmp(p->resources[i].address, address) == 0)
            res = &p->resources[i];
    cr_assert(res, "no resource %s in the test plan", address);
    c->resources = xrealloc(c->resources, (c->nresources + 1) * sizeof *c->resources);
    cost_resource *r = &c->resources[c->nresources++];
    memset(r, 0, sizeof *r);
    r->res = res;
    r->plan_name = p->name;
    r->status = status;
    r->monthly_before = before;
    r->monthly_after = after;
    r->monthly_delta = after - before;
    r->replacement = res->action == PLAN_ACT_REPLACE;
    bool usage = status == COST_USAGE_ONLY || (status == COST_PRICED && note);
    if (status == COST_NOT_PRICED || usage) {
        r->after.components = one_component(0, note, usage);
        r->after.ncomponents = 1;
        r->after.not_priced = status == COST_NOT_PRICED;
    }
    /* What cost_estimate() decides: a figure resting on something not
     * priced is unknown, on the side the action reads, and so are the sums. */
    if (status == COST_NOT_PRICED || status == COST_UNSUPPORTED) {
        r->before_unknown = res->action != PLAN_ACT_CREATE;
        r->after_unknown = res->action != PLAN_ACT_DELETE;
        r->delta_unknown = res->action != PLAN_ACT_NOOP && res->action != PLAN_ACT_FORGET;
        c->totals.before_partial |= r->before_unknown;
        c->totals.after_partial |= r->after_unknown;
        c->totals.delta_partial |= r->delta_unknown;
        c->totals.unpriced++;
    }
    c->totals.monthly_before += before;
    c->totals.monthly_after += after;
    c->totals.monthly_delta += after - before;
    switch (status) {
    case COST_PRICED: c->counts.priced++; break;
    case COST_FREE: c->counts.free++; break;
    case COST_UNSUPPORTED: c->counts.unsupported++; break;
    case COST_USAGE_ONLY: c->counts.usage_only++; break;
    case COST_NOT_PRICED: c->counts.not_priced++; break;
    default: break;
    }
}

static void free_side(cost_side *s)
{
    for (size_t i = 0; i < s->ncomponents; i++) {
        free(s->components[i].name);
        free(s->components[i].unit);
        free(s->components[i].note);
    }
    free(s->components);
}

void tl_cost_free(cost_report *c)
{
    for (size_t i = 0; i < c->nresources; i++) {
        free_side(&c->resources[i].before);
        free_side(&c->resources[i].after);
    }
    free(c->resources);
    free(c);
}

risk_report *tl_risk(void)
{
    return xcalloc(1, sizeof(risk_report));
}

void tl_risk_add(risk_report *r, const risk_rule_info *rule, const char *address,
                 const char *attribute, const char *message)
{
    r->findings = xrealloc(r->findings, (r->nfindings + 1) * sizeof *r->findings);
    risk_finding *f = &r->findings[r->nfindings++];
    memset(f, 0, sizeof *f);
    f->rule = rule;
    f->address = address ? xstrdup(address) : NULL;
    f->attribute = attribute ? xstrdup(attribute) : NULL;
    f->message = xstrdup(message);
    f->plan_name = NULL;
}

void tl_risk_free(risk_report *r)
{
    for (size_t i = 0; i < r->nfindings; i++) {
        free(r->findings[i].address);
        free(r->findings[i].attribute);
        free(r->findings[i].message);
    }
    free(r->findings);
    for (size_t i = 0; i < r->nsuppressed; i++) {
        free(r->suppressed[i].address);
        free(r->suppressed[i].how);
    }
    free(r->suppressed);
    free(r);
}

char *tl_markdown(const review *rv)
{
    sbuf b = SBUF_INIT;
    review_render_markdown(rv, 0, &b);
    return sbuf_detach(&b);
}

char *tl_json(const review *rv)
{
    sbuf b = SBUF_INIT;
    review_render_json(rv, &b);
    return sbuf_detach(&b);
}

/* Drops the renderers' code markers from one string, in place. */
static void plain(char *s)
{
    char *w = s;
    for (; s && *s; s++)
        if (*s != RV_CODE[0] && *s != RV_END[0])
            *w++ = *s;
    if (w)
        *w = '\0';
}

void tl_review_plain(review *rv)
{
    for (size_t i = 0; i < rv->ncreated; i++) {
        plain(rv->created[i].label);
        plain(rv->created[i].note);
    }
    for (size_t i = 0; i < rv->nmodified; i++) {
        plain(rv->modified[i].label);
        plain(rv->modified[i].note);
    }
    plain(rv->cost_impact);
    for (size_t i = 0; i < REVIEW_NITEMS; i++)
        plain(rv->items[i].reason);
    for (size_t i = 0; i < rv->ndeps; i++) {
        plain(rv->deps[i].resource);
        plain(rv->deps[i].purpose);
        plain(rv->deps[i].cost);
    }
    for (size_t i = 0; i < REVIEW_NCHECKS; i++)
        plain(rv->checks[i].evidence);
    const review_list *lists[] = {&rv->strengths, &rv->concerns, &rv->verdict_reasons, &rv->unchanged_notes};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t i = 0; i < lists[l]->n; i++)
            plain(lists[l]->items[i]);
    for (size_t i = 0; i < rv->nrecs; i++)
        plain(rv->recs[i].text);
    for (size_t i = 0; i < REVIEW_NQUESTIONS; i++)
        plain(rv->answers[i]);
}
