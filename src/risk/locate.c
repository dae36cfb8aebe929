/*
 * locate.c — findings pointed at the .tf blocks that wrote their resources
 * (risk_report_locate), for SARIF code-scanning annotations, JSON and the
 * review's Markdown.
 */
#include "risk.h"

static plan_srcmap *map_of(plan *const *plans, plan_srcmap *const *maps, size_t nplans, const char *plan_name)
{
    for (size_t i = 0; i < nplans; i++)
        if (plans[i]->name == plan_name)
            return maps[i];
    return nplans == 1 ? maps[0] : NULL;
}

static void locate_one(const plan_srcmap *m, const char *address, plan_srcloc *src, bool *located)
{
    if (!m)
        return;
    *located = true;
    if (address)
        plan_srcmap_find(m, address, src);
    else
        *src = (plan_srcloc){NULL, 0, 0, "a finding on the whole plan; pointing at the plan"};
}

void risk_report_locate(risk_report *rep, plan *const *plans, plan_srcmap *const *maps, size_t nplans)
{
    if (!rep || !maps || !nplans)
        return;
    for (size_t i = 0; i < rep->nfindings; i++) {
        risk_finding *f = &rep->findings[i];
        locate_one(map_of(plans, maps, nplans, f->plan_name), f->address, &f->src, &f->located);
    }
    for (size_t i = 0; i < rep->nsuppressed; i++) {
        risk_suppression *s = &rep->suppressed[i];
        locate_one(map_of(plans, maps, nplans, s->plan_name), s->address, &s->src, &s->located);
    }
}
