/*
 * fuzz_writers.c — the escaping of every writer: arbitrary text in the
 * places a plan puts text (resource names and addresses, module keys,
 * descriptions, tags, instance types that price nothing) must come out as
 * valid documents that still say what the plan said, and a sensitive value
 * must come out nowhere.
 *
 * Input: a byte choosing the writer (its value modulo the number of
 * writers; 0xFF runs them all), then up to four strings separated by NUL
 * bytes (text that is not UTF-8 is repaired first: a plan is JSON, so its
 * strings always are).  They are
 * placed in a small plan (a world-open security group, an EC2 instance
 * being replaced inside a module instance, an RDS instance being
 * destroyed), which runs through what the writer needs (cost, risk,
 * review); then the writer renders it and its document is checked.
 *
 * Adding a writer (the HTML one, say) is one row in `writers`: its name,
 * the kind of document (fuzz_common.h), what it needs built, and a function
 * that renders it from the context.  Mark it `names_address` when the document must contain the
 * security group's address verbatim (JSON writers: checked by decoding).
 */
#include "fuzz_common.h"

#include "src/core/mem.h"
#include "src/core/utf8.h"
#include "src/cost/cost.h"
#include "src/cost/cost_render.h"
#include "src/plan/plan_render.h"
#include "src/review/review.h"
#include "src/risk/risk.h"
#include "src/risk/risk_render.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sensitive value, new for every input: the fuzzer learns the strings
 * the harness searches for (libFuzzer hooks strstr), so a fixed marker
 * would be typed into plain text sooner or later and read as a leak. */
static char secret[32];

static risk_ruleset *rules;

typedef struct fz_ctx {
    plan *p;
    cost_report *cost;
    risk_report *risk;
    review *rv;
    const char *sg_address;
} fz_ctx;

/* What a writer needs built before it can render. */
enum { NEED_PLAN = 0, NEED_COST = 1, NEED_RISK = 2, NEED_REVIEW = 1 | 2 | 4 };

typedef struct writer {
    const char *name;
    fz_kind kind;
    bool names_address;
    int needs;
    void (*render)(const fz_ctx *c, sbuf *out);
} writer;

static void w_changes_json(const fz_ctx *c, sbuf *o) { plan_render_json(c->p, o); }
static void w_changes_md(const fz_ctx *c, sbuf *o) { plan_render_markdown(c->p, o); }
static void w_changes_table(const fz_ctx *c, sbuf *o) { plan_render_table(c->p, o, false); }

static void cost_opts_for(cost_render_opts *ro)
{
    const price_offer_info *used = NULL;
    size_t n = price_cache_used(fz_cache(), &used);
    *ro = (cost_render_opts){.schema = "circuit.cost/v1", .prices = used, .nprices = n,
                             .all_resources = true};
}
static void w_cost_json(const fz_ctx *c, sbuf *o)
{
    cost_render_opts ro;
    cost_opts_for(&ro);
    cost_render_json(c->cost, &ro, o);
}
static void w_cost_md(const fz_ctx *c, sbuf *o)
{
    cost_render_opts ro;
    cost_opts_for(&ro);
    cost_render_markdown(c->cost, &ro, o);
}
static void w_cost_table(const fz_ctx *c, sbuf *o)
{
    cost_render_opts ro;
    cost_opts_for(&ro);
    cost_render_table(c->cost, &ro, o);
}
static void w_check_json(const fz_ctx *c, sbuf *o)
{
    plan *plans[1] = {c->p};
    risk_render_json(c->risk, plans, 1, o);
}
static void w_check_sarif(const fz_ctx *c, sbuf *o)
{
    plan *plans[1] = {c->p};
    const char *paths[1] = {"dir with space/plan \"x\".json"};
    risk_render_sarif(c->risk, plans, paths, NULL, 1, "fuzz", o);
}
static void w_check_table(const fz_ctx *c, sbuf *o) { risk_render_table(c->risk, 1, false, o); }
static void w_check_junit(const fz_ctx *c, sbuf *o)
{
    plan *plans[1] = {c->p};
    risk_render_junit(c->risk, rules, plans, 1, RISK_LOW, o);
}
static void w_review_json(const fz_ctx *c, sbuf *o) { review_render_json(c->rv, o); }
static void w_review_md(const fz_ctx *c, sbuf *o) { review_render_markdown(c->rv, REVIEW_DEFAULT_MAX_LENGTH, o); }
static void w_review_md_cut(const fz_ctx *c, sbuf *o) { review_render_markdown(c->rv, REVIEW_MIN_MAX_LENGTH, o); }

static const writer writers[] = {
    {"changes json", FZ_JSON, true, NEED_PLAN, w_changes_json},
    {"changes markdown", FZ_MARKDOWN, false, NEED_PLAN, w_changes_md},
    {"changes table", FZ_TEXT, false, NEED_PLAN, w_changes_table},
    {"cost json", FZ_JSON, true, NEED_COST, w_cost_json},
    {"cost markdown", FZ_MARKDOWN, false, NEED_COST, w_cost_md},
    {"cost table", FZ_TEXT, false, NEED_COST, w_cost_table},
    {"check json", FZ_JSON, true, NEED_RISK, w_check_json},
    {"check sarif", FZ_SARIF, true, NEED_RISK, w_check_sarif},
    {"check table", FZ_TEXT, false, NEED_RISK, w_check_table},
    {"check junit", FZ_XML, false, NEED_RISK, w_check_junit},
    {"review json", FZ_JSON, true, NEED_REVIEW, w_review_json},
    {"review markdown", FZ_MARKDOWN, false, NEED_REVIEW, w_review_md},
    {"review markdown (cut to the smallest size)", FZ_MARKDOWN, false, NEED_REVIEW, w_review_md_cut},
};
#define NWRITERS (sizeof writers / sizeof writers[0])

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fz_setup();
    cir_err err;
    if (risk_ruleset_load(NULL, &rules, &err) != CIR_OK)
        fz_fail("built-in rules", "%s", err.msg);
    return 0;
}

/* ---- the plan ------------------------------------------------------------- */

static json_t *change(const char *action, json_t *before, json_t *after, json_t *after_sensitive)
{
    json_t *actions = json_array();
    if (strcmp(action, "replace") == 0) {
        json_array_append_new(actions, json_string("delete"));
        json_array_append_new(actions, json_string("create"));
    } else {
        json_array_append_new(actions, json_string(action));
    }
    return json_pack("{s:o, s:o, s:o, s:{}, s:b, s:o}", "actions", actions, "before",
                     before ? before : json_null(), "after", after ? after : json_null(),
                     "after_unknown", "before_sensitive", 0, "after_sensitive",
                     after_sensitive ? after_sensitive : json_object());
}

static json_t *resource(const char *address, const char *module, const char *type, const char *name,
                        json_t *chg)
{
    json_t *r = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o}", "address", address, "mode", "managed",
                          "type", type, "name", name, "provider_name",
                          "registry.terraform.io/hashicorp/aws", "change", chg);
    if (module)
        json_object_set_new(r, "module_address", json_string(module));
    return r;
}

static char *build_plan(char *const s[4], char **sg_address)
{
    char *sg_name = xasprintf("r%s", s[0]);
    *sg_address = xasprintf("aws_security_group.%s", sg_name);
    json_t *ingress = json_pack("[{s:i, s:i, s:s, s:[s], s:s}]", "from_port", 22, "to_port", 22,
                                "protocol", "tcp", "cidr_blocks", "0.0.0.0/0", "description", s[1]);
    json_t *sg_after = json_pack("{s:s, s:s, s:o, s:[], s:{s:s, s:s}}", "name", s[0], "description",
                                 s[1], "ingress", ingress, "egress", "tags", "Name", s[1], "team", s[2]);
    json_t *sg_before = json_deep_copy(sg_after);
    json_object_set_new(sg_before, "description", json_string("before"));
    json_t *sg = resource(*sg_address, NULL, "aws_security_group", sg_name,
                          change("update", sg_before, sg_after, NULL));

    char *module = xasprintf("module.m[\"%s\"]", s[3]);
    char *ec2_address = xasprintf("%s.aws_instance.web", module);
    json_t *ec2_after = json_pack("{s:s, s:s, s:s, s:{s:s}}", "instance_type", s[2], "ami", "ami-1",
                                  "user_data", secret, "tags", "Name", s[1]);
    json_t *ec2_before = json_pack("{s:s, s:s, s:s}", "instance_type", "t3.micro", "ami", "ami-0",
                                   "user_data", secret);
    json_t *ec2 = resource(ec2_address, module, "aws_instance", "web",
                           change("replace", ec2_before, ec2_after, json_pack("{s:b}", "user_data", 1)));
    json_object_set_new(json_object_get(ec2, "change"), "before_sensitive",
                        json_pack("{s:b}", "user_data", 1));

    char *db_address = xasprintf("aws_db_instance.%s", sg_name);
    json_t *db_before = json_pack("{s:s, s:s, s:s, s:i, s:s, s:b}", "identifier", s[1], "instance_class",
                                  "db.t3.micro", "engine", "postgres", "allocated_storage", 20,
                                  "password", secret, "skip_final_snapshot", 1);
    json_t *db = resource(db_address, NULL, "aws_db_instance", sg_name,
                          change("delete", db_before, NULL, NULL));
    json_object_set_new(json_object_get(db, "change"), "before_sensitive",
                        json_pack("{s:b}", "password", 1));

    json_t *doc = json_pack("{s:s, s:s, s:[o, o, o]}", "format_version", "1.2", "terraform_version",
                            "1.9.0", "resource_changes", sg, ec2, db);
    char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    json_decref(doc);
    free(sg_name);
    free(module);
    free(ec2_address);
    free(db_address);
    return text;
}

/* ---- properties beyond fz_check_doc ---------------------------------------------- */

static void check_writer(const writer *w, const fz_ctx *c)
{
    sbuf doc = SBUF_INIT;
    w->render(c, &doc);
    fz_check_doc(w->name, w->kind, &doc);
    if (strstr(sbuf_str(&doc), secret))
        fz_fail(w->name, "a sensitive value reached the output");
    if (w->names_address && !fz_json_has_text(w->name, &doc, c->sg_address))
        fz_fail(w->name, "the address \"%s\" does not come back out of the document", c->sg_address);
    sbuf_free(&doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096)
        return 0;
    /* The first byte picks the writer (0xFF: all of them, as replays do):
     * one writer per run keeps runs cheap, and each still sees every kind
     * of text. */
    bool all = data[0] == 0xFF;
    const writer *only = &writers[data[0] % NWRITERS];
    int needs = all ? NEED_REVIEW : only->needs;
    char *s[4];
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    for (int i = 0; i < 4; i++) {
        const char *nul = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
        size_t n = p < end ? (nul ? (size_t)(nul - p) : (size_t)(end - p)) : 0;
        sbuf b = SBUF_INIT;
        utf8_repair(&b, p, n);
        s[i] = sbuf_detach(&b);
        p = nul ? nul + 1 : end;
    }
    fz_ctx c = {0};
    static unsigned long runs;
    snprintf(secret, sizeof secret, "S%016lx", ++runs * 0x9e3779b97f4a7c15UL);
    char *sg_address = NULL;
    char *text = build_plan(s, &sg_address);
    c.sg_address = sg_address;
    cir_err err;
    cir_err_clear(&err);
    plan_load_opts lo = {.quiet = true};
    cir_code rc = text ? plan_load_buffer("plan.json", text, strlen(text), &lo, &c.p, &err) : CIR_EINPUT;
    if (text)
        fz_check_error("plan reader", &err, rc);
    plan *plans[1] = {c.p};
    if (rc == CIR_OK && (needs & NEED_COST)) {
        rc = cost_estimate(plans, 1, fz_cache(), NULL, &c.cost, &err);
        fz_check_error("cost estimate", &err, rc);
    }
    if (rc == CIR_OK && (needs & NEED_RISK)) {
        rc = risk_check(plans, 1, rules, NULL, &c.risk, &err);
        fz_check_error("risk check", &err, rc);
    }
    if (rc == CIR_OK && needs == NEED_REVIEW) {
        review_opts ro = {.cost_threshold = 500, .cache = fz_cache()};
        rc = review_build(plans, 1, c.cost, c.risk, &ro, &c.rv, &err);
        fz_check_error("review", &err, rc);
    }
    if (rc == CIR_OK) {
        if (all)
            for (size_t i = 0; i < NWRITERS; i++)
                check_writer(&writers[i], &c);
        else
            check_writer(only, &c);
    }
    review_free(c.rv);
    risk_report_free(c.risk);
    cost_report_free(c.cost);
    plan_free(c.p);
    free(text);
    free(sg_address);
    for (int i = 0; i < 4; i++)
        free(s[i]);
    fz_cache_done();
    return 0;
}
