/*
 * cmd-comment.c — `circuit comment github|gitlab [FILE|-]`: post Markdown
 * (usually `circuit review` output) as the pull request's circuit comment,
 * edited in place on every push.  The REST calls live in src/forge/; this
 * file turns flags and the CI environment into a forge_target.
 */
#include "cli.h"

#include "../core/input.h"
#include "../core/sbuf.h"
#include "../forge/forge.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static cir_code parse_number(const char *flag, const char *v, long *out, cir_err *err)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n <= 0)
        return cir_error(err, CIR_EUSAGE, "comment", "--%s wants a positive whole number, got \"%s\"", flag, v);
    *out = n;
    return CIR_OK;
}

static cir_code parse_behavior(const char *v, forge_behavior *out, cir_err *err)
{
    if (!v || strcmp(v, "update") == 0)
        *out = FORGE_UPDATE;
    else if (strcmp(v, "new") == 0)
        *out = FORGE_NEW;
    else if (strcmp(v, "delete-and-new") == 0)
        *out = FORGE_DELETE_AND_NEW;
    else
        return cir_error(err, CIR_EUSAGE, "comment", "--behavior wants update, new or delete-and-new, got \"%s\"", v);
    return CIR_OK;
}

static cir_code build_target(const cli_opts *o, forge_target *t, cir_err *err)
{
    const char *platform = o->args.items[0];
    memset(t, 0, sizeof *t);
    if (strcmp(platform, "github") == 0)
        t->kind = FORGE_GITHUB;
    else if (strcmp(platform, "gitlab") == 0)
        t->kind = FORGE_GITLAB;
    else
        return cir_error(err, CIR_EUSAGE, "comment", "unknown platform \"%s\" (choose github or gitlab)", platform);
    if (t->kind == FORGE_GITHUB && o->mr)
        return cir_error(err, CIR_EUSAGE, "comment", "--mr is for gitlab; GitHub takes --pr");
    if (t->kind == FORGE_GITLAB && o->pr)
        return cir_error(err, CIR_EUSAGE, "comment", "--pr is for github; GitLab takes --mr");
    const char *num = t->kind == FORGE_GITHUB ? o->pr : o->mr;
    if (num && parse_number(t->kind == FORGE_GITHUB ? "pr" : "mr", num, &t->number, err))
        return err->code;
    t->repo = o->repo;
    return forge_target_resolve(t, o->token_env, err);
}

static int comment_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    forge_behavior how = FORGE_UPDATE;
    forge_target t;
    forge_cfg cfg;
    if (o->offline)
        return cir_error(err, CIR_EUSAGE, "comment", "posting a comment needs the network; --offline forbids it"),
               CIR_EXIT_ERROR;
    if (parse_behavior(o->behavior, &how, err) || build_target(o, &t, err) || forge_cfg_env(&cfg, err))
        return CIR_EXIT_ERROR;
    const char *path = o->args.n > 1 ? o->args.items[1] : "-";
    if (in_is_stdin(path) && isatty(STDIN_FILENO))
        return cir_error(err, CIR_EUSAGE, "stdin",
                         "is a terminal, not Markdown: give a file (circuit comment %s review.md) or pipe it",
                         o->args.items[0]),
               CIR_EXIT_ERROR;
    sbuf body = SBUF_INIT;
    if (in_read_all(path, &body, err)) {
        sbuf_free(&body);
        return CIR_EXIT_ERROR;
    }
    if (body.len == 0 || strlen(sbuf_str(&body)) != body.len) {
        sbuf_free(&body);
        return cir_error(err, CIR_EINPUT, in_is_stdin(path) ? "stdin" : path,
                         body.len ? "holds a NUL byte, not Markdown" : "is empty: nothing to post"),
               CIR_EXIT_ERROR;
    }
    forge_result res;
    cir_code rc = forge_comment(&t, &cfg, how, sbuf_str(&body), &res, err);
    sbuf_free(&body);
    if (rc)
        return CIR_EXIT_ERROR;
    static const char *const done[] = {"created", "updated", "unchanged"};
    if (!o->quiet) {
        printf("%s comment %s on %s %s#%ld", done[res.outcome], res.id, forge_kind_name(t.kind), t.repo,
               t.number);
        if (res.deleted)
            printf(" (%zu earlier deleted)", res.deleted);
        if (res.url)
            printf(": %s", res.url);
        printf("\n");
    }
    forge_result_free(&res);
    return CIR_EXIT_OK;
}

const cmd_entry cmd_comment_entry = {
    .name = "comment",
    .args_usage = "github|gitlab [FILE|-]",
    .summary = "post Markdown (e.g. the review) as the PR's one circuit comment, updated in place",
    .help = "Posts FILE (\"-\" or none reads stdin) to a GitHub pull request or GitLab merge\n"
            "request through the platform's REST API.  The comment carries a hidden marker;\n"
            "--behavior update (the default) finds circuit's earlier comment by it and edits\n"
            "it (or adds one), new always adds one, delete-and-new deletes circuit's\n"
            "earlier comments and adds one.  Prints what it did, one line.\n"
            "Token: GITHUB_TOKEN or GITLAB_TOKEN (or the variable --token-env names); it is\n"
            "sent only in the Authorization (GitHub) or PRIVATE-TOKEN (GitLab) header and\n"
            "never printed.  API base: GITHUB_API_URL (default https://api.github.com) or\n"
            "CI_API_V4_URL (default https://gitlab.com/api/v4); https only, except to a\n"
            "loopback host.  Without --repo / --pr / --mr: GITHUB_REPOSITORY and the pull\n"
            "request in the GITHUB_EVENT_PATH event file; CI_PROJECT_ID and\n"
            "CI_MERGE_REQUEST_IID.  Rate limits and 5xx are retried (CIRCUIT_RETRIES,\n"
            "CIRCUIT_RETRY_DELAY_MS); 401, 403 and 404 exit 2 saying what to check.",
    .options = OPT_PR | OPT_MR | OPT_REPO | OPT_BEHAVIOR | OPT_TOKEN_ENV | OPT_QUIET | OPT_OFFLINE,
    .noeffect = OPT_COMMON & ~(OPT_QUIET | OPT_OFFLINE),
    .min_args = 1,
    .max_args = 2,
    .exec = comment_exec,
};
