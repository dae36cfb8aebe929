/*
 * cli.c — the dispatcher: finds the command in the table, parses the options
 * it accepts, runs it, and turns a returned error into the one stderr line.
 *
 * Options are a table (`option_table`) of name, value kind, the OPT_* bit a
 * command must hold to accept it, and where in cli_opts it lands.  Parsing
 * is therefore the same loop for every command.
 */
#include "cli.h"

#include "../core/input.h"
#include "../core/mem.h"
#include "../plan/plan_source.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_version[] = "0.1.0";

typedef enum { K_FLAG, K_STR, K_LIST, K_NUM } opt_kind;

typedef struct opt_spec {
    const char *name;       /* long name without dashes */
    char short_name;        /* 0 when none */
    opt_kind kind;
    uint32_t bit;
    size_t field;           /* offsetof(cli_opts, ...) */
    size_t set_field;       /* K_NUM: offsetof the *_set bool */
    const char *metavar;
    const char *help;
} opt_spec;

#define F(x) offsetof(cli_opts, x)

static const opt_spec option_table[] = {
    {"format", 'f', K_STR, OPT_FORMAT, F(format), 0, "FMT", "output format (see below)"},
    {"output", 'o', K_STR, OPT_OUTPUT, F(output), 0, "FILE", "write the result to FILE instead of stdout"},
    {"region", 0, K_LIST, OPT_REGION, F(regions), 0, "REGION", "AWS region where the plan does not say (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1)"},
    {"usage", 0, K_STR, OPT_USAGE, F(usage_file), 0, "FILE", "usage file (Infracost usage-file keys) for usage-based costs"},
    {"cache", 0, K_STR, OPT_CACHE, F(cache), 0, "PATH", "price cache file (default: CIRCUIT_CACHE, then $XDG_CACHE_HOME/circuit/pricing.db)"},
    {"offline", 0, K_FLAG, OPT_OFFLINE, F(offline), 0, NULL, "never touch the network"},
    {"rules", 0, K_STR, OPT_RULES, F(rules_file), 0, "FILE", "JSON file of rules that add to or override the built-in ones"},
    {"skip", 0, K_LIST, OPT_SKIP, F(skip), 0, "ID", "suppress a rule, by circuit, checkov or Trivy id (repeatable)"},
    {"scope", 0, K_STR, OPT_SCOPE, F(scope), 0, "SCOPE", "resources the rules look at: changed (default) or all (the whole planned state)"},
    {"service", 0, K_LIST, OPT_SERVICE, F(services), 0, "OFFER", "AWS offer code, e.g. AmazonEC2 (repeatable)"},
    {"endpoint", 0, K_STR, OPT_ENDPOINT, F(endpoint), 0, "URL", "price list endpoint (default: CIRCUIT_PRICING_URL, then AWS)"},
    {"family", 0, K_STR, OPT_FAMILY, F(family), 0, "NAME", "product family, e.g. \"Compute Instance\""},
    {"attr", 0, K_LIST, OPT_ATTR, F(attrs), 0, "K=V|K~RE", "attribute filter: exact (=) or PCRE2 (~) (repeatable)"},
    {"max-monthly-increase", 0, K_NUM, OPT_GATES, F(max_increase), F(max_increase_set), "USD", "gate: fail if the monthly cost rises by more than USD"},
    {"max-increase-percent", 0, K_NUM, OPT_GATES, F(max_percent), F(max_percent_set), "P", "gate: fail if the monthly cost rises by more than P percent"},
    {"max-monthly-total", 0, K_NUM, OPT_GATES, F(max_total), F(max_total_set), "USD", "gate: fail if the monthly total after the change exceeds USD"},
    {"fail-on", 0, K_STR, OPT_GATES, F(fail_on), 0, "VERDICT", "gate: fail on approved-with-changes or needs-revision"},
    {"fail-on-severity", 0, K_STR, OPT_GATES, F(fail_on_severity), 0, "SEV", "gate: fail on a finding of low, medium, high or critical or worse"},
    {"allow-unpriced", 0, K_FLAG, OPT_GATES, F(allow_unpriced), 0, NULL, "gate: decide cost gates on the priced part when some resources have no price (else exit 2)"},
    {"list-types", 0, K_FLAG, OPT_LIST_TYPES, F(list_types), 0, NULL, "list the priced types (with --format markdown/json: usage keys, assumptions, offers) instead of pricing"},
    {"cost-threshold", 0, K_NUM, OPT_COST_THRESHOLD, F(cost_threshold), F(cost_threshold_set), "USD", "monthly increase above which the verdict asks for changes (default 500)"},
    {"max-length", 0, K_NUM, OPT_MAX_LENGTH, F(max_length), F(max_length_set), "N", "Markdown: at most N characters, long lists folded then cut (default 60000, at least 2000, 0: no limit)"},
    {"quiet", 'q', K_FLAG, OPT_QUIET, F(quiet), 0, NULL, "no warnings on stderr"},
    {"no-color", 0, K_FLAG, OPT_NO_COLOR, F(no_color), 0, NULL, "no ANSI colour (NO_COLOR is honoured too)"},
    {"source-dir", 0, K_STR, OPT_SOURCE_DIR, F(source_dir), 0, "DIR", "the .tf files behind the plan: findings point at their resource blocks (default: the plan's folder when it holds .tf files)"},
    {"pr", 0, K_STR, OPT_PR, F(pr), 0, "N", "GitHub pull request number (default: from GITHUB_EVENT_PATH)"},
    {"mr", 0, K_STR, OPT_MR, F(mr), 0, "N", "GitLab merge request IID (default: CI_MERGE_REQUEST_IID)"},
    {"repo", 0, K_STR, OPT_REPO, F(repo), 0, "REPO", "GitHub owner/name or GitLab project id or path (default: GITHUB_REPOSITORY, CI_PROJECT_ID)"},
    {"behavior", 0, K_STR, OPT_BEHAVIOR, F(behavior), 0, "HOW", "update (default: edit circuit's comment, or add one), new, or delete-and-new"},
    {"token-env", 0, K_STR, OPT_TOKEN_ENV, F(token_env), 0, "NAME", "environment variable that holds the token (default GITHUB_TOKEN / GITLAB_TOKEN)"},
};

#define NOPTS (sizeof option_table / sizeof option_table[0])

const cmd_entry *cli_find(const cmd_entry *const *table, const char *name)
{
    for (size_t i = 0; table[i]; i++)
        if (strcmp(table[i]->name, name) == 0)
            return table[i];
    return NULL;
}

static void list_add(cli_list *l, const char *s)
{
    l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n++] = s;
}

void cli_opts_free(cli_opts *o)
{
    free(o->regions.items);
    free(o->skip.items);
    free(o->services.items);
    free(o->attrs.items);
    free(o->args.items);
    memset(o, 0, sizeof *o);
}

static const opt_spec *find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < NOPTS; i++)
        if (strlen(option_table[i].name) == len && strncmp(option_table[i].name, name, len) == 0)
            return &option_table[i];
    return NULL;
}

static const opt_spec *find_short(char c)
{
    for (size_t i = 0; i < NOPTS; i++)
        if (option_table[i].short_name == c)
            return &option_table[i];
    return NULL;
}

static bool format_allowed(const char *formats, const char *f)
{
    size_t n = strlen(f);
    for (const char *p = formats; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && strncmp(p, f, n) == 0)
            return true;
        p = comma ? comma + 1 : p + len;
    }
    return false;
}

bool cli_option_at(size_t i, cli_option_info *out)
{
    if (i >= NOPTS)
        return false;
    const opt_spec *s = &option_table[i];
    *out = (cli_option_info){s->name, s->short_name, s->metavar, s->help, s->bit, s->kind == K_LIST};
    return true;
}

cir_code cli_output_check(const cli_opts *o, const char *const *inputs, size_t n, cir_err *err)
{
    for (size_t i = 0; o->output && i < n; i++)
        if (inputs[i] && in_same_file(o->output, inputs[i]))
            return cir_error(err, CIR_EUSAGE, o->command,
                             "--output %s is also an input; refusing to overwrite it", o->output);
    return CIR_OK;
}

static cir_code store(const opt_spec *s, const char *value, cli_opts *o, cir_err *err)
{
    char *base = (char *)o;
    o->given |= s->bit;
    switch (s->kind) {
    case K_FLAG:
        *(bool *)(base + s->field) = true;
        return CIR_OK;
    case K_STR:
        *(const char **)(base + s->field) = value;
        return CIR_OK;
    case K_LIST:
        list_add((cli_list *)(base + s->field), value);
        return CIR_OK;
    case K_NUM: {
        char *end;
        errno = 0;
        double v = strtod(value, &end);
        if (errno || end == value || *end || !isfinite(v) || v < 0)
            return cir_error(err, CIR_EUSAGE, o->command,
                             "--%s wants a non-negative number, got \"%s\"", s->name, value);
        *(double *)(base + s->field) = v;
        *(bool *)(base + s->set_field) = true;
        return CIR_OK;
    }
    }
    return cir_error(err, CIR_EINTERNAL, o->command, "bad option kind");
}

static cir_code check_values(const cmd_entry *e, cli_opts *o, cir_err *err)
{
    if (o->format && (e->noeffect & OPT_FORMAT))
        o->format = NULL;
    if (o->format && !format_allowed(e->formats, o->format))
        return cir_error(err, CIR_EUSAGE, o->command,
                         "unknown format \"%s\" (choose from: %s)", o->format, e->formats);
    if (!o->format && e->formats) {
        static char first[32];
        const char *comma = strchr(e->formats, ',');
        size_t n = comma ? (size_t)(comma - e->formats) : strlen(e->formats);
        if (n >= sizeof first)
            n = sizeof first - 1;
        memcpy(first, e->formats, n);
        first[n] = '\0';
        o->format = first;
    }
    if (o->fail_on && strcmp(o->fail_on, "approved-with-changes") != 0 &&
        strcmp(o->fail_on, "needs-revision") != 0)
        return cir_error(err, CIR_EUSAGE, o->command,
                         "--fail-on wants approved-with-changes or needs-revision, got \"%s\"", o->fail_on);
    if (o->fail_on_severity) {
        static const char *const sev[] = {"low", "medium", "high", "critical"};
        bool ok = false;
        for (size_t i = 0; i < 4; i++)
            ok |= strcmp(o->fail_on_severity, sev[i]) == 0;
        if (!ok)
            return cir_error(err, CIR_EUSAGE, o->command,
                             "--fail-on-severity wants low, medium, high or critical, got \"%s\"",
                             o->fail_on_severity);
    }
    size_t n = o->args.n;
    if ((int)n < e->min_args)
        return cir_error(err, CIR_EUSAGE, o->command, "missing argument (usage: circuit %s %s)",
                         o->command, e->args_usage ? e->args_usage : "");
    if (e->max_args >= 0 && (int)n > e->max_args)
        return cir_error(err, CIR_EUSAGE, o->command, "too many arguments (usage: circuit %s %s)",
                         o->command, e->args_usage ? e->args_usage : "");
    return CIR_OK;
}

cir_code cli_parse(const cmd_entry *e, int argc, char **argv, cli_opts *o, cir_err *err)
{
    bool only_args = false;
    for (int i = 0; i < argc; i++) {
        char *a = argv[i];
        if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
            list_add(&o->args, a);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = true;
            continue;
        }
        const opt_spec *s;
        const char *inline_val = NULL;
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            s = find_long(name, eq ? (size_t)(eq - name) : strlen(name));
            if (eq)
                inline_val = eq + 1;
        } else {
            s = a[2] == '\0' ? find_short(a[1]) : NULL;
        }
        if (!s || !((e->options | e->noeffect) & s->bit))
            return cir_error(err, CIR_EUSAGE, o->command,
                             "unknown option %s (see 'circuit help %s')", a, o->command);
        const char *val = NULL;
        if (s->kind == K_FLAG) {
            if (inline_val)
                return cir_error(err, CIR_EUSAGE, o->command, "--%s takes no value", s->name);
        } else if (inline_val) {
            val = inline_val;
        } else if (i + 1 < argc) {
            val = argv[++i];
        } else {
            return cir_error(err, CIR_EUSAGE, o->command, "--%s needs a value", s->name);
        }
        if (store(s, val, o, err))
            return err->code;
    }
    return check_values(e, o, err);
}

const char *cli_default_region(const cli_opts *o, const char **source)
{
    const char *src = "default", *r = "us-east-1";
    const char *env;
    if (o && o->regions.n) {
        r = o->regions.items[o->regions.n - 1];
        src = "flag";
    } else if ((env = getenv("AWS_REGION")) && *env) {
        r = env;
        src = "AWS_REGION";
    } else if ((env = getenv("AWS_DEFAULT_REGION")) && *env) {
        r = env;
        src = "AWS_DEFAULT_REGION";
    }
    if (source)
        *source = src;
    return r;
}

cir_code cli_source_maps(const cli_opts *o, plan *const *plans, size_t n, bool default_to_plan_dir,
                         plan_srcmap ***out, cir_err *err)
{
    *out = NULL;
    plan_srcmap **maps = xcalloc(n ? n : 1, sizeof *maps);
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        const char *arg = cli_plan_arg(o, i);
        char *dir = NULL;
        if (o->source_dir) {
            dir = xstrdup(o->source_dir);
        } else if (default_to_plan_dir && !in_is_stdin(arg)) {
            const char *slash = strrchr(arg, '/');
            dir = slash ? xstrndup(arg, slash == arg ? 1 : (size_t)(slash - arg)) : xstrdup(".");
            if (!plan_dir_has_tf(dir)) {
                free(dir);
                dir = NULL;
            }
        }
        if (!dir)
            continue;
        cir_code rc = plan_srcmap_build(plans[i], dir, &maps[i], err);
        free(dir);
        if (rc) {
            cli_source_maps_free(maps, n);
            return rc;
        }
        any = true;
    }
    if (!any) {
        free(maps);
        return CIR_OK;
    }
    *out = maps;
    return CIR_OK;
}

void cli_source_maps_free(plan_srcmap **maps, size_t n)
{
    for (size_t i = 0; maps && i < n; i++)
        plan_srcmap_free(maps[i]);
    free(maps);
}

size_t cli_plan_count(const cli_opts *o)
{
    return o->args.n ? o->args.n : 1;
}

const char *cli_plan_arg(const cli_opts *o, size_t i)
{
    return o->args.n ? o->args.items[i] : "-";
}

static void print_options(uint32_t bits, const char *formats)
{
    if (!bits)
        return;
    printf("\nOptions:\n");
    for (size_t i = 0; i < NOPTS; i++) {
        const opt_spec *s = &option_table[i];
        if (!(bits & s->bit))
            continue;
        char left[64];
        if (s->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", s->short_name, s->name,
                     s->metavar ? " " : "", s->metavar ? s->metavar : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", s->name, s->metavar ? " " : "",
                     s->metavar ? s->metavar : "");
        printf("  %-28s %s\n", left, s->help);
    }
    if (formats)
        printf("\nFormats: %s (default %.*s)\n", formats,
               (int)(strchr(formats, ',') ? strchr(formats, ',') - formats : (long)strlen(formats)),
               formats);
}

void cli_print_help(const cmd_entry *const *table, const cmd_entry *e, const char *prefix)
{
    if (!e) {
        printf("circuit %s — review Terraform plans: changes, monthly cost, risk, verdict\n\n",
               cli_version);
        printf("Usage: circuit %s%sCOMMAND [options] [args]\n\nCommands:\n", prefix ? prefix : "",
               prefix ? " " : "");
        for (size_t i = 0; table[i]; i++)
            printf("  %-10s %s\n", table[i]->name, table[i]->summary);
        printf("\nRun 'circuit help %s%sCOMMAND' for a command's options.\n", prefix ? prefix : "",
               prefix ? " " : "");
        printf("Exit status: 0 success, 1 a gate failed, 2 an error.\n");
        return;
    }
    printf("Usage: circuit %s%s%s %s%s\n\n%s\n", prefix ? prefix : "", prefix ? " " : "", e->name,
           e->options ? "[options] " : "", e->args_usage ? e->args_usage : "", e->summary);
    if (e->help)
        printf("\n%s\n", e->help);
    if (e->help_more) {
        printf("\n");
        e->help_more();
    }
    if (e->subcommands) {
        printf("\nSubcommands:\n");
        for (size_t i = 0; e->subcommands[i]; i++)
            printf("  %-10s %s\n", e->subcommands[i]->name, e->subcommands[i]->summary);
    }
    print_options(e->options, e->formats);
    if (e->noeffect) {
        printf("\nAccepted for scripts that pass them everywhere, with a warning (no effect here):\n ");
        for (size_t i = 0; i < NOPTS; i++)
            if (e->noeffect & option_table[i].bit)
                printf(" --%s", option_table[i].name);
        printf("\n");
    }
}

/* Inputs read by the command: "-" at most once, and --output never one of
 * them (writing it would destroy what was read). */
static cir_code check_inputs(const cmd_entry *e, const cli_opts *o, cir_err *err)
{
    size_t n = o->args.n;
    const char **in = xcalloc(n + 4, sizeof *in);
    for (size_t i = 0; i < n; i++)
        in[i] = o->args.items[i];
    in[n] = o->rules_file;
    in[n + 1] = o->usage_file;
    in[n + 2] = o->cache;
    in[n + 3] = o->source_dir;
    size_t stdin_uses = 0;
    for (size_t i = 0; i < n + 2; i++)
        stdin_uses += in[i] && in_is_stdin(in[i]);
    /* No plan argument means stdin for the commands that read plans. */
    if (n == 0 && e->args_usage && strncmp(e->args_usage, "[PLAN", 5) == 0)
        stdin_uses++;
    cir_code rc = CIR_OK;
    if (stdin_uses > 1)
        rc = cir_error(err, CIR_EUSAGE, o->command,
                       "standard input (-) can be read only once (plans, --rules and --usage share it)");
    else
        rc = cli_output_check(o, in, n + 4, err);
    free(in);
    return rc;
}

/* One line per accepted flag that does nothing here. */
static void warn_noeffect(const cmd_entry *e, const cli_opts *o)
{
    for (size_t i = 0; i < NOPTS; i++) {
        const opt_spec *s = &option_table[i];
        if ((o->given & s->bit & e->noeffect) && !(s->bit == OPT_QUIET))
            cir_warn(o->command, "--%s has no effect on this command", s->name);
    }
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return true;
    }
    return false;
}

/* Runs `argv[0]` from `table`; `prefix` names the parent ("pricing"). */
static int dispatch(const cmd_entry *const *table, const char *prefix, int argc, char **argv)
{
    cir_err err;
    cir_err_clear(&err);
    const cmd_entry *e = cli_find(table, argv[0]);
    char command[64];
    snprintf(command, sizeof command, "%s%s%s", prefix ? prefix : "", prefix ? " " : "", argv[0]);
    if (!e) {
        cir_error(&err, CIR_EUSAGE, NULL, "unknown command \"%s\" (see 'circuit help%s%s')", command,
                  prefix ? " " : "", prefix ? prefix : "");
        cir_err_print(&err);
        return CIR_EXIT_ERROR;
    }
    /* "pricing query --help" is the subcommand's help, not the parent's. */
    bool descend = e->subcommands && argc >= 2 && argv[1][0] != '-';
    if (!descend && wants_help(argc - 1, argv + 1)) {
        cli_print_help(table, e, prefix);
        return CIR_EXIT_OK;
    }
    if (e->subcommands) {
        if (argc < 2) {
            cir_error(&err, CIR_EUSAGE, command, "missing subcommand (see 'circuit help %s')", command);
            cir_err_print(&err);
            return CIR_EXIT_ERROR;
        }
        return dispatch(e->subcommands, command, argc - 1, argv + 1);
    }
    cli_opts o;
    memset(&o, 0, sizeof o);
    o.command = command;
    int rc;
    const char *check_only = getenv("CIRCUIT_CHECK_ARGS");
    if (cli_parse(e, argc - 1, argv + 1, &o, &err) != CIR_OK) {
        rc = CIR_EXIT_ERROR;
    } else if (check_only && strcmp(check_only, "1") == 0) {
        /* For tests of command lines in docs and CI files: the line parses
         * (command, options, values, argument count); nothing runs. */
        rc = CIR_EXIT_OK;
    } else {
        if (o.quiet)
            cir_warn_quiet(1);
        warn_noeffect(e, &o);
        rc = check_inputs(e, &o, &err) ? CIR_EXIT_ERROR : e->exec(e, &o, &err);
    }
    if (rc == CIR_EXIT_ERROR) {
        if (err.code == CIR_OK)
            cir_error(&err, CIR_EINTERNAL, command, "failed without a reason (a bug)");
        cir_err_print(&err);
    }
    cli_opts_free(&o);
    return rc;
}

int cli_main(int argc, char **argv)
{
    if (argc < 2) {
        cli_print_help(cmd_table, NULL, NULL);
        return CIR_EXIT_ERROR;
    }
    const char *first = argv[1];
    if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0) {
        printf("circuit %s\n", cli_version);
        return CIR_EXIT_OK;
    }
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
        cli_print_help(cmd_table, NULL, NULL);
        return CIR_EXIT_OK;
    }
    if (first[0] == '-' && first[1]) {
        fprintf(stderr, "circuit: unknown option %s (see 'circuit help')\n", first);
        return CIR_EXIT_ERROR;
    }
    return dispatch(cmd_table, NULL, argc - 1, argv + 1);
}
