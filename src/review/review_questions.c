/*
 * review_questions.c — short answers to the seed's "Review Questions to
 * Ask", in the seed's order, each drawn from the plan, the cost estimate,
 * the findings and the assessment already made.
 */
#include "review_int.h"

#include "../core/mem.h"

#include <stdlib.h>
#include <string.h>

const char *const review_questions[REVIEW_NQUESTIONS] = {
    "What's the infrastructure cost impact?",
    "How does this scale horizontally and vertically?",
    "What's the disaster recovery plan?",
    "Are we following AWS Well-Architected principles?",
    "How do we handle infrastructure updates without downtime?",
    "What are the networking requirements (ingress/egress)?",
    "How do we monitor infrastructure health?",
    "Is this multi-AZ for high availability?",
};

enum { Q_COST, Q_SCALE, Q_DR, Q_WAF, Q_UPDATES, Q_NETWORK, Q_MONITOR, Q_MULTI_AZ };

/* The assessment's word for a line, without its reasons: the answers add
 * to the assessment instead of repeating it. */
static const char *word(const review *rv, review_item_id id)
{
    return review_item_word(id, &rv->items[id]);
}

/* ---- cost ------------------------------------------------------------------ */

static int by_size(const void *a, const void *b)
{
    const cost_resource *x = *(const cost_resource *const *)a, *y = *(const cost_resource *const *)b;
    double dx = x->monthly_delta < 0 ? -x->monthly_delta : x->monthly_delta;
    double dy = y->monthly_delta < 0 ? -y->monthly_delta : y->monthly_delta;
    return dx < dy ? 1 : dx > dy ? -1 : strcmp(x->res->address, y->res->address);
}

/* Where the money goes: the largest priced changes, and what has no price. */
static char *cost_answer(const review *rv)
{
    const cost_report *c = rv->cost;
    if (!c)
        return xstrdup("Not estimated (no cost estimate was made).");
    const cost_resource **priced = xcalloc(c->nresources + 1, sizeof *priced);
    size_t n = 0, unpriced = 0;
    for (size_t i = 0; i < c->nresources; i++) {
        const cost_resource *cr = &c->resources[i];
        if (rv_scope_of(rv, cr->res) != RV_SCOPE_CHANGED)
            continue;
        if (cr->status == COST_PRICED && money_round(cr->monthly_delta) != 0)
            priced[n++] = cr;
        else if (cr->status == COST_NOT_PRICED || cr->status == COST_USAGE_ONLY)
            unpriced++;
    }
    qsort(priced, n, sizeof *priced, by_size);
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < n && i < 3; i++) {
        char d[48];
        money_format_delta(d, sizeof d, priced[i]->monthly_delta);
        sbuf_printf(&b, "%s%s%s" RV_CODE "%s" RV_END " %s/month", i ? ", " : (n == 1 ? "Driven by " : "Largest changes: "),
                    rv->nplans > 1 && priced[i]->plan_name ? priced[i]->plan_name : "",
                    rv->nplans > 1 && priced[i]->plan_name ? ": " : "", priced[i]->res->address, d);
    }
    if (n > 3)
        sbuf_printf(&b, " and %zu smaller", n - 3);
    if (!n)
        sbuf_puts(&b, "No priced resource changes its monthly cost");
    if (unpriced)
        sbuf_printf(&b, "; %zu changed resource%s priced only by usage or not priced (see Cost Impact)",
                    unpriced, unpriced == 1 ? "" : "s");
    sbuf_putc(&b, '.');
    free(priced);
    return sbuf_detach(&b);
}

/* ---- updates ----------------------------------------------------------------- */

static char *updates_answer(const review *rv)
{
    size_t inplace = 0, cbd = 0, dbc = 0;
    size_t pi = 0, ri = 0;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, NULL))) {
        if (r->is_data || !r->is_aws)
            continue;
        inplace += r->action == PLAN_ACT_UPDATE;
        cbd += r->action == PLAN_ACT_REPLACE && r->replace_order == PLAN_ORDER_CREATE_BEFORE_DELETE;
        dbc += r->action == PLAN_ACT_REPLACE && r->replace_order == PLAN_ORDER_DELETE_BEFORE_CREATE;
    }
    sbuf b = SBUF_INIT;
    if (inplace)
        sbuf_printf(&b, "%zu in-place update%s", inplace, inplace == 1 ? "" : "s");
    if (cbd)
        sbuf_printf(&b, "%s%zu replacement%s created before the old one is destroyed", b.len ? ", " : "", cbd,
                    cbd == 1 ? "" : "s");
    if (dbc)
        sbuf_printf(&b, "%s%zu replacement%s destroyed before the new one exists", b.len ? ", " : "", dbc,
                    dbc == 1 ? "" : "s");
    if (!b.len)
        sbuf_puts(&b, "No existing resource is updated or replaced");
    sbuf_printf(&b, ". Downtime Required: %s; Rollback Strategy: %s (see Assessment).", word(rv, REVIEW_DOWNTIME),
                word(rv, REVIEW_ROLLBACK));
    return sbuf_detach(&b);
}

/* ---- scaling ---------------------------------------------------------------- */

static char *scaling(const review *rv)
{
    review_list sizes = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    double max_gb;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        const char *attr = rv_size_attr(r);
        if (attr && rv_str(r, attr))
            rv_ev(&sizes, rv, pn, r, RV_CODE "%s" RV_END, rv_str(r, attr));
        if (rv_is(r, "aws_db_instance") && rv_num(r, "max_allocated_storage", &max_gb) && max_gb > 0)
            rv_ev(&sizes, rv, pn, r, "storage grows automatically up to %.0f GB", max_gb);
    }
    char *v = sizes.n ? rv_reason("by resizing", &sizes)
                      : xstrdup("no sized compute, cache or database in the change");
    char *s = xasprintf("Horizontally: %s, auto-scaling %s (see Scaling). Vertically: %s%s.",
                        word(rv, REVIEW_HORIZONTAL_SCALING), word(rv, REVIEW_AUTO_SCALING), v,
                        sizes.n ? " (an EC2 or RDS resize restarts the instance)" : "");
    free(v);
    review_list_free(&sizes);
    return s;
}

/* ---- disaster recovery -------------------------------------------------------- */

static char *disaster_recovery(const review *rv)
{
    review_list ev = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    double days;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        if ((rv_is(r, "aws_db_instance") || rv_is(r, "aws_rds_cluster"))) {
            if (rv_num(r, "backup_retention_period", &days) && days > 0)
                rv_ev(&ev, rv, pn, r, "%.0f-day point-in-time backups%s", days,
                      rv_false(r, "skip_final_snapshot") ? ", final snapshot on delete" : "");
            else if (rv_num(r, "backup_retention_period", &days))
                rv_ev(&ev, rv, pn, r, "no automated backups");
            else
                rv_ev(&ev, rv, pn, r, "backup retention unknown until apply");
            if (rv_str(r, "replicate_source_db"))
                rv_ev(&ev, rv, pn, r, "read replica");
        } else if (rv_is(r, "aws_backup_plan")) {
            rv_ev(&ev, rv, pn, r, "AWS Backup plan");
        } else if (rv_is(r, "aws_s3_bucket_replication_configuration")) {
            rv_ev(&ev, rv, pn, r, "S3 replication");
        } else if (rv_is(r, "aws_s3_bucket_versioning")) {
            const char *st = rv_str(r, "versioning_configuration[0].status");
            if (st && strcmp(st, "Enabled") == 0)
                rv_ev(&ev, rv, pn, r, "object versioning");
        } else if (rv_is(r, "aws_rds_global_cluster") || rv_is(r, "aws_dynamodb_global_table")) {
            rv_ev(&ev, rv, pn, r, "multi-region replication");
        } else if (rv_is(r, "aws_dynamodb_table") && rv_true(r, "point_in_time_recovery[0].enabled")) {
            rv_ev(&ev, rv, pn, r, "point-in-time recovery");
        } else if (rv_is(r, "aws_efs_backup_policy")) {
            rv_ev(&ev, rv, pn, r, "EFS backups");
        }
    }
    char *s = ev.n ? rv_reason(NULL, &ev)
                   : xstrdup("The change holds no backup, snapshot, replication or versioning "
                             "configuration; recovery relies on re-applying the configuration");
    review_list_free(&ev);
    return s;
}

/* ---- Well-Architected ---------------------------------------------------------- */

static size_t findings_in(const review *rv, const char *const *areas)
{
    size_t n = 0;
    for (size_t i = 0; rv->risk && i < rv->risk->nfindings; i++)
        for (size_t a = 0; areas[a]; a++)
            if (strcmp(rv->risk->findings[i].rule->area, areas[a]) == 0)
                n++;
    return n;
}

static const char *lower(const char *s, char *out, size_t size)
{
    size_t i = 0;
    for (; s[i] && i + 1 < size; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    out[i] = '\0';
    return out;
}

static char *well_architected(const review *rv)
{
    char hc[32], gd[32];
    static const char *const security[] = {"networking", "tls", "storage", NULL};
    static const char *const reliability[] = {"reliability", "plan", NULL};
    static const char *const operations[] = {"operations", NULL};
    size_t saving = 0;
    for (size_t i = 0; i < rv->nrecs; i++)
        saving += rv->recs[i].has_saving;
    if (!rv->risk)
        return xasprintf("risk rules were not run; cost optimisation: %zu priced saving%s", saving,
                         saving == 1 ? "" : "s");
    return xasprintf("Security: %zu finding%s (networking, TLS, storage); Reliability: %zu finding%s, "
                     "health checks %s, graceful degradation %s; Operational excellence: %zu "
                     "finding%s, monitoring %s; Cost optimisation: %zu priced saving%s recommended",
                     findings_in(rv, security), findings_in(rv, security) == 1 ? "" : "s",
                     findings_in(rv, reliability), findings_in(rv, reliability) == 1 ? "" : "s",
                     lower(word(rv, REVIEW_HEALTH_CHECKS), hc, sizeof hc),
                     lower(word(rv, REVIEW_GRACEFUL_DEGRADATION), gd, sizeof gd),
                     findings_in(rv, operations), findings_in(rv, operations) == 1 ? "" : "s",
                     rv->checks[0].checked ? "in place" : "missing", saving, saving == 1 ? "" : "s");
}

/* ---- networking ---------------------------------------------------------------- */

/* Adds s unless already there.  With `keep` set the list holds only what a
 * sentence names; anything new beyond that is counted in total (so
 * total > n says "there is more"). */
static void add_unique(review_list *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], s) == 0)
            return;
    review_list_add(l, "%s", s);
}

/* "a; b; c" or "a; b; c and others" for a list of distinct items. */
static char *join_distinct(const review_list *l, const char *none)
{
    if (!l->n)
        return xstrdup(none);
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < l->n; i++)
        sbuf_printf(&b, "%s%s", i ? "; " : "", l->items[i]);
    if (l->total > l->n)
        sbuf_puts(&b, " and others");
    return sbuf_detach(&b);
}

static void ports(sbuf *b, const json_t *rule, const char *proto_key)
{
    const char *proto = json_string_value(json_object_get(rule, proto_key));
    json_t *from = json_object_get(rule, "from_port"), *to = json_object_get(rule, "to_port");
    if (!proto || strcmp(proto, "-1") == 0 || strcmp(proto, "all") == 0) {
        sbuf_puts(b, "all traffic");
        return;
    }
    long long lo = json_integer_value(from), hi = json_integer_value(to);
    if (!json_is_integer(from) || (lo == 0 && (hi == 0 || hi == 65535)))
        sbuf_printf(b, "all %s", proto);
    else if (lo == hi)
        sbuf_printf(b, "%lld/%s", lo, proto);
    else
        sbuf_printf(b, "%lld-%lld/%s", lo, hi, proto);
}

/* Source keys of a rule whose value is known only after apply (a group
 * created in the same plan, usually). */
static bool unknown_source(const json_t *unknown)
{
    static const char *const keys[] = {"cidr_blocks", "ipv6_cidr_blocks", "security_groups",
                                       "source_security_group_id", "referenced_security_group_id",
                                       "cidr_ipv4", "cidr_ipv6", "prefix_list_ids", "prefix_list_id", NULL};
    for (size_t k = 0; json_is_object(unknown) && keys[k]; k++) {
        const json_t *u = json_object_get(unknown, keys[k]);
        size_t i;
        const json_t *e;
        if (json_is_true(u))
            return true;
        json_array_foreach(u, i, e)
            if (json_is_true(e))
                return true;
    }
    return false;
}

static void peers(sbuf *b, const json_t *rule, const json_t *unknown)
{
    static const char *const cidr_keys[] = {"cidr_blocks", "ipv6_cidr_blocks", NULL};
    size_t n = 0;
    for (size_t k = 0; cidr_keys[k]; k++) {
        size_t i;
        const json_t *c;
        json_array_foreach(json_object_get(rule, cidr_keys[k]), i, c)
            if (json_is_string(c))
                sbuf_printf(b, "%s%s", n++ ? ", " : "", json_string_value(c));
    }
    static const char *const one[] = {"cidr_ipv4", "cidr_ipv6", NULL};
    for (size_t k = 0; one[k]; k++) {
        const char *c = json_string_value(json_object_get(rule, one[k]));
        if (c)
            sbuf_printf(b, "%s%s", n++ ? ", " : "", c);
    }
    if (json_array_size(json_object_get(rule, "security_groups")) ||
        json_object_get(rule, "source_security_group_id") ||
        json_object_get(rule, "referenced_security_group_id"))
        sbuf_printf(b, "%sa security group", n++ ? ", " : "");
    if (json_is_true(json_object_get(rule, "self")))
        sbuf_printf(b, "%sitself", n++ ? ", " : "");
    if (json_array_size(json_object_get(rule, "prefix_list_ids")) || json_object_get(rule, "prefix_list_id"))
        sbuf_printf(b, "%sa prefix list", n++ ? ", " : "");
    if (unknown_source(unknown))
        sbuf_printf(b, "%sa source known after apply", n++ ? ", " : "");
    if (!n)
        sbuf_puts(b, "no source");
}

static void one_rule(const json_t *rule, const json_t *unknown, bool ingress, const char *proto_key,
                     review_list *in, review_list *out)
{
    sbuf b = SBUF_INIT;
    ports(&b, rule, proto_key);
    sbuf_puts(&b, ingress ? " from " : " to ");
    peers(&b, rule, unknown);
    add_unique(ingress ? in : out, sbuf_str(&b));
    sbuf_free(&b);
}

/* Rules of one resource, in any of the three AWS styles.  A rule with
 * anything sensitive in it is skipped (rv_subtree). */
static void sg_rules(const plan_resource *r, review_list *in, review_list *out)
{
    if (rv_is(r, "aws_security_group")) {
        static const char *const sides[] = {"ingress", "egress"};
        for (size_t s = 0; s < 2; s++) {
            size_t i;
            const json_t *rule;
            const json_t *unknown = json_object_get(r->after_unknown, sides[s]);
            json_array_foreach(rv_subtree(r, sides[s]), i, rule)
                one_rule(rule, json_array_get(unknown, i), s == 0, "protocol", in, out);
        }
    } else if (rv_is(r, "aws_security_group_rule")) {
        const char *kind = rv_str(r, "type");
        const json_t *all = rv_subtree(r, NULL);
        if (kind && json_is_object(all))
            one_rule(all, r->after_unknown, strcmp(kind, "ingress") == 0, "protocol", in, out);
    } else if (rv_is(r, "aws_vpc_security_group_ingress_rule") ||
               rv_is(r, "aws_vpc_security_group_egress_rule")) {
        const json_t *all = rv_subtree(r, NULL);
        if (json_is_object(all))
            one_rule(all, r->after_unknown, rv_is(r, "aws_vpc_security_group_ingress_rule"), "ip_protocol", in,
                     out);
    }
}

static char *networking(const review *rv)
{
    review_list in = RV_EVIDENCE, out = RV_EVIDENCE, edge = RV_EVIDENCE;
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    size_t nat = 0;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        sg_rules(r, &in, &out);
        if ((rv_is(r, "aws_lb") || rv_is(r, "aws_alb") || rv_is(r, "aws_elb")) && rv_false(r, "internal"))
            rv_ev(&edge, rv, pn, r, "internet-facing load balancer");
        else if (rv_is(r, "aws_nat_gateway"))
            nat++;
        else if (rv_is(r, "aws_internet_gateway"))
            rv_ev(&edge, rv, pn, r, "internet gateway");
        else if (rv_is(r, "aws_vpc_endpoint"))
            rv_ev(&edge, rv, pn, r, "VPC endpoint");
    }
    if (nat)
        review_list_add(&edge, "%zu NAT gateway%s for private egress", nat, nat == 1 ? "" : "s");
    char *i = join_distinct(&in, "no ingress rule in the change");
    char *o = join_distinct(&out, "no egress rule in the change");
    char *e = edge.n ? rv_join(&edge, "; ", RV_MAX_NAMED) : NULL;
    char *s = xasprintf("Ingress: %s. Egress: %s.%s%s%s", i, o, e ? " Edge: " : "", e ? e : "", e ? "." : "");
    free(i);
    free(o);
    free(e);
    review_list_free(&in);
    review_list_free(&out);
    review_list_free(&edge);
    return s;
}

/* ---- multi-AZ -------------------------------------------------------------------- */

static char *multi_az(const review *rv)
{
    review_list yes = RV_EVIDENCE, no = RV_EVIDENCE, azs = {0};
    size_t pi = 0, ri = 0;
    const char *pn;
    const plan_resource *r;
    while ((r = rv_next(rv, &pi, &ri, &pn))) {
        if (!rv_live(r))
            continue;
        size_t spread = rv_spread(r);
        if (rv_is(r, "aws_subnet") && rv_str(r, "availability_zone"))
            add_unique(&azs, rv_str(r, "availability_zone"));
        else if (rv_is(r, "aws_db_instance") && rv_true(r, "multi_az"))
            rv_ev(&yes, rv, pn, r, "Multi-AZ");
        else if (rv_is(r, "aws_db_instance") &&
                 (rv_false(r, "multi_az") || rv_unknown_unwritten(rv, r, "multi_az")))
            /* unset: the provider's default, Single-AZ (a real plan calls it unknown) */
            rv_ev(&no, rv, pn, r, "Single-AZ");
        else if (rv_is(r, "aws_elasticache_replication_group") && rv_true(r, "multi_az_enabled"))
            rv_ev(&yes, rv, pn, r, "Multi-AZ");
        else if (spread >= 2)
            rv_ev(&yes, rv, pn, r, "%zu subnets", spread);
        else if (spread == 1)
            rv_ev(&no, rv, pn, r, "one subnet");
    }
    sbuf b = SBUF_INIT;
    char *zones = azs.n ? rv_join(&azs, ", ", RV_MAX_NAMED) : NULL;
    if (!yes.n && !no.n) {
        if (azs.n >= 2)
            sbuf_printf(&b, "Likely — subnets span %zu availability zones (%s); which subnets each "
                        "service uses is known only after apply", azs.n, zones);
        else if (azs.n == 1)
            sbuf_printf(&b, "No — every subnet in the change is in %s", zones);
        else
            sbuf_puts(&b, "The change shows no placement across availability zones");
    } else {
        sbuf_puts(&b, no.n ? (yes.n ? "Partly" : "No") : "Yes");
        if (yes.n) {
            char *s = rv_join(&yes, "; ", RV_MAX_NAMED);
            sbuf_printf(&b, " — spread: %s", s);
            free(s);
        }
        if (no.n) {
            char *s = rv_join(&no, "; ", RV_MAX_NAMED);
            sbuf_printf(&b, " — single-AZ: %s", s);
            free(s);
        }
        if (azs.n)
            sbuf_printf(&b, " (subnets in %zu availability zone%s: %s)", azs.n, azs.n == 1 ? "" : "s", zones);
    }
    free(zones);
    review_list_free(&yes);
    review_list_free(&no);
    review_list_free(&azs);
    return sbuf_detach(&b);
}

void rv_build_questions(review *rv)
{
    rv->answers[Q_COST] = cost_answer(rv);
    rv->answers[Q_SCALE] = scaling(rv);
    rv->answers[Q_DR] = disaster_recovery(rv);
    rv->answers[Q_WAF] = well_architected(rv);
    rv->answers[Q_UPDATES] = updates_answer(rv);
    rv->answers[Q_NETWORK] = networking(rv);
    rv->answers[Q_MONITOR] = xasprintf("Monitoring: %s. Health checks: %s (see Reliability).",
                                       rv->checks[0].evidence, word(rv, REVIEW_HEALTH_CHECKS));
    rv->answers[Q_MULTI_AZ] = multi_az(rv);
}
