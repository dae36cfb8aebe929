/*
 * check_net.c — ingress from the whole internet, in the three shapes AWS
 * security groups take in Terraform and the two shapes of network ACLs.
 *
 *   aws_security_group.ingress[]            from_port, to_port, protocol,
 *                                           cidr_blocks, ipv6_cidr_blocks
 *   aws_security_group_rule (type=ingress)  same fields, one rule
 *   aws_vpc_security_group_ingress_rule     ip_protocol, from_port, to_port,
 *                                           cidr_ipv4, cidr_ipv6
 *   aws_network_acl.ingress[]               action, protocol, from_port,
 *                                           to_port, cidr_block, ipv6_cidr_block
 *   aws_network_acl_rule (egress=false)     rule_action, same fields
 *
 * "Whole internet" is any CIDR with prefix /0 (0.0.0.0/0, ::/0) or "*".
 * Protocol "-1"/"all" opens every port; tcp and udp (by name or number)
 * open from_port..to_port; anything else (icmp, esp, ...) has no ports.
 * An entry that opens every port (all protocols, 0..65535, or 0-0 as the
 * risk catalog counts it) fires the "all" rule only, so one line of HCL
 * does not raise five findings.  Anything unknown at plan time: no finding.
 */
#include "checks.h"

#include "../core/num.h"
#include "../core/sbuf.h"

#include <stdlib.h>
#include <string.h>

/* One rule entry: a block element (or the resource's after value) and the
 * matching part of after_unknown, read field by field. */
typedef struct entry {
    const plan_resource *r;
    const json_t *elem, *unknown;
    const char *proto_attr, *from_attr, *to_attr;
    const char *const *cidr_attrs;
} entry;

typedef enum { PORTS_NONE, PORTS_RANGE, PORTS_ALL, PORTS_UNKNOWN } ports_kind;

static const json_t *get(const entry *e, const char *attr, plan_val_state *st)
{
    if (json_is_true(e->unknown) || json_is_true(json_object_get(e->unknown, attr))) {
        *st = PLAN_VAL_UNKNOWN;
        return NULL;
    }
    const json_t *v = json_object_get(e->elem, attr);
    *st = v && !json_is_null(v) ? PLAN_VAL_KNOWN : PLAN_VAL_ABSENT;
    return *st == PLAN_VAL_KNOWN ? v : NULL;
}

static bool get_long(const entry *e, const char *attr, long *out, bool *unknown)
{
    plan_val_state st;
    const json_t *v = get(e, attr, &st);
    if (st == PLAN_VAL_UNKNOWN)
        *unknown = true;
    if (st != PLAN_VAL_KNOWN)
        return false;
    if (json_is_integer(v)) {
        *out = (long)json_integer_value(v);
        return true;
    }
    if (json_is_real(v)) {
        /* Clamped, not cast: 1e300 is beyond every port, and must still
         * read as "to the top of the range". */
        *out = num_clamp_long(json_real_value(v));
        return true;
    }
    if (json_is_string(v)) {
        char *end;
        long n = strtol(json_string_value(v), &end, 10);
        if (end != json_string_value(v) && !*end) {
            *out = n;
            return true;
        }
    }
    return false;
}

static ports_kind entry_ports(const entry *e, long *lo, long *hi, const char **proto)
{
    plan_val_state st;
    const json_t *p = get(e, e->proto_attr, &st);
    if (st == PLAN_VAL_UNKNOWN)
        return PORTS_UNKNOWN;
    char num[24];
    const char *name = json_is_string(p) ? json_string_value(p) : NULL;
    if (json_is_integer(p)) {
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(p));
        name = num;
    }
    if (!name)
        return PORTS_NONE;
    if (!strcmp(name, "-1") || !strcasecmp(name, "all")) {
        *proto = "all protocols";
        return PORTS_ALL;
    }
    if (!strcasecmp(name, "tcp") || !strcmp(name, "6"))
        *proto = "tcp";
    else if (!strcasecmp(name, "udp") || !strcmp(name, "17"))
        *proto = "udp";
    else
        return PORTS_NONE;
    bool unknown = false;
    if (!get_long(e, e->from_attr, lo, &unknown) || !get_long(e, e->to_attr, hi, &unknown))
        return unknown ? PORTS_UNKNOWN : PORTS_NONE;
    /* Beyond the last port is the last port (AWS refuses more; a plan
     * that says 1e300 still opens everything up to 65535). */
    if (*lo > 65535)
        *lo = 65535;
    if (*hi > 65535)
        *hi = 65535;
    if ((*lo == 0 && *hi == 0) || (*lo <= 1 && *hi >= 65535))
        return PORTS_ALL;
    return PORTS_RANGE;
}

/* Appends every world CIDR of the entry to `out`; *first_attr gets the
 * attribute holding the first one. */
static bool world_cidrs(const entry *e, sbuf *out, const char **first_attr)
{
    bool any = false;
    for (size_t i = 0; e->cidr_attrs[i]; i++) {
        plan_val_state st;
        const json_t *v = get(e, e->cidr_attrs[i], &st);
        if (st != PLAN_VAL_KNOWN)
            continue;
        const json_t *one = v;
        size_t n = json_is_array(v) ? json_array_size(v) : 1;
        for (size_t k = 0; k < n; k++) {
            if (json_is_array(v))
                one = json_array_get(v, k);
            if (!json_is_string(one))
                continue;
            const char *cidr = json_string_value(one);
            const char *slash = strrchr(cidr, '/');
            bool world = !strcmp(cidr, "*");
            if (slash && slash[1]) {
                world = true;
                for (const char *q = slash + 1; *q; q++)
                    world &= *q == '0';
            }
            if (!world)
                continue;
            if (!any)
                *first_attr = e->cidr_attrs[i];
            sbuf_printf(out, "%s%s", any ? ", " : "", cidr);
            any = true;
        }
    }
    return any;
}

/* The rule's ports that [lo, hi] covers, as text; false when none. */
static bool covered(const risk_cond *c, long lo, long hi, sbuf *out)
{
    bool any = false;
    for (size_t i = 0; i < c->nports; i++) {
        const risk_port_range *p = &c->ports[i];
        if (p->hi < lo || p->lo > hi)
            continue;
        if (p->lo == p->hi)
            sbuf_printf(out, "%s%ld", any ? ", " : "", p->lo);
        else
            sbuf_printf(out, "%s%ld-%ld", any ? ", " : "", p->lo, p->hi);
        any = true;
    }
    return any;
}

static void judge(risk_run *run, const risk_rule *rule, const entry *e, const char *attribute)
{
    long lo = 0, hi = 0;
    const char *proto = "";
    ports_kind k = entry_ports(e, &lo, &hi, &proto);
    if (k == PORTS_NONE || k == PORTS_UNKNOWN)
        return;
    if (rule->test.all_ports != (k == PORTS_ALL))
        return;
    sbuf world = SBUF_INIT, ports = SBUF_INIT;
    const char *cidr_attr = NULL;
    if (world_cidrs(e, &world, &cidr_attr) && (k == PORTS_ALL || covered(&rule->test, lo, hi, &ports))) {
        const char *attr = attribute ? attribute : cidr_attr;
        if (k == PORTS_ALL && !strcmp(proto, "all protocols"))
            risk_emit(run, rule, e->r, attr, "%s (all protocols from %s)", rule->spec.message, sbuf_str(&world));
        else if (k == PORTS_ALL)
            risk_emit(run, rule, e->r, attr, "%s (%s %ld-%ld from %s)", rule->spec.message, proto, lo, hi,
                      sbuf_str(&world));
        else if (lo == hi)
            risk_emit(run, rule, e->r, attr, "%s (%s %ld from %s)", rule->spec.message, proto, lo,
                      sbuf_str(&world));
        else
            risk_emit(run, rule, e->r, attr, "%s (%s %ld-%ld from %s; covers %s)", rule->spec.message, proto,
                      lo, hi, sbuf_str(&world), sbuf_str(&ports));
    }
    sbuf_free(&world);
    sbuf_free(&ports);
}

static bool field_is(const entry *e, const char *attr, const char *want)
{
    plan_val_state st;
    const json_t *v = get(e, attr, &st);
    return st == PLAN_VAL_KNOWN && json_is_string(v) && !strcmp(json_string_value(v), want);
}

/* Walks each element of the block list `block` (aws_security_group.ingress,
 * aws_network_acl.ingress) as an entry; `action_attr`, when given, must say
 * "allow". */
static void each_block(risk_run *run, const risk_rule *rule, entry e, const char *block,
                       const char *action_attr)
{
    plan_val_state st;
    const json_t *list = plan_attr(e.r, true, block, &st);
    if (st != PLAN_VAL_KNOWN || !json_is_array(list))
        return;
    const json_t *ulist = json_object_get(e.r->after_unknown, block);
    for (size_t i = 0; i < json_array_size(list); i++) {
        e.elem = json_array_get(list, i);
        e.unknown = json_is_array(ulist) ? json_array_get(ulist, i) : NULL;
        if (action_attr && !field_is(&e, action_attr, "allow"))
            continue;
        char attr[64];
        snprintf(attr, sizeof attr, "%s[%zu]", block, i);
        judge(run, rule, &e, attr);
    }
}

static const char *const sg_cidrs[] = {"cidr_blocks", "ipv6_cidr_blocks", NULL};
static const char *const vpc_rule_cidrs[] = {"cidr_ipv4", "cidr_ipv6", NULL};
static const char *const nacl_cidrs[] = {"cidr_block", "ipv6_cidr_block", NULL};

void risk_check_sg_world_ingress(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    entry e = {r, r->after, r->after_unknown, "protocol", "from_port", "to_port", sg_cidrs};
    if (!strcmp(r->type, "aws_security_group")) {
        each_block(run, rule, e, "ingress", NULL);
    } else if (!strcmp(r->type, "aws_security_group_rule")) {
        if (field_is(&e, "type", "ingress"))
            judge(run, rule, &e, NULL);
    } else if (!strcmp(r->type, "aws_vpc_security_group_ingress_rule")) {
        e.proto_attr = "ip_protocol";
        e.cidr_attrs = vpc_rule_cidrs;
        judge(run, rule, &e, NULL);
    }
}

void risk_check_nacl_world_ingress(risk_run *run, const risk_rule *rule, const plan_resource *r)
{
    entry e = {r, r->after, r->after_unknown, "protocol", "from_port", "to_port", nacl_cidrs};
    if (!strcmp(r->type, "aws_network_acl")) {
        each_block(run, rule, e, "ingress", "action");
    } else if (!strcmp(r->type, "aws_network_acl_rule")) {
        /* egress defaults to false: a rule without it is an ingress rule. */
        plan_val_state st;
        const json_t *egress = get(&e, "egress", &st);
        bool ingress = st == PLAN_VAL_ABSENT || (st == PLAN_VAL_KNOWN && json_is_false(egress));
        if (ingress && field_is(&e, "rule_action", "allow"))
            judge(run, rule, &e, NULL);
    }
}
