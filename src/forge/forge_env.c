/*
 * forge_env.c — where the comment goes when the command line does not say:
 * the variables GitHub Actions and GitLab CI set for every job, and the
 * pull request number from the GitHub event file.
 */
#include "forge.h"

#include "../core/mem.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

/* The PR number in a GitHub event file: pull_request.number (pull_request
 * and pull_request_target events), else issue.number when the issue is a
 * pull request (issue_comment events).  0 when there is none. */
static cir_code event_number(const char *path, long *out, cir_err *err)
{
    json_error_t je;
    json_t *ev = json_load_file(path, 0, &je);
    if (!ev)
        return cir_error(err, CIR_EUSAGE, "github",
                         "cannot read the event file named by GITHUB_EVENT_PATH (%s); give --pr N", je.text);
    const json_t *n = json_object_get(json_object_get(ev, "pull_request"), "number");
    const json_t *issue = json_object_get(ev, "issue");
    if (!json_is_integer(n) && json_object_get(issue, "pull_request"))
        n = json_object_get(issue, "number");
    *out = json_is_integer(n) ? (long)json_integer_value(n) : 0;
    json_decref(ev);
    return CIR_OK;
}

static cir_code resolve_github(forge_target *t, cir_err *err)
{
    if (!t->api_base)
        t->api_base = env("GITHUB_API_URL") ? env("GITHUB_API_URL") : "https://api.github.com";
    if (!t->repo && !(t->repo = env("GITHUB_REPOSITORY")))
        return cir_error(err, CIR_EUSAGE, "github", "no repository: give --repo owner/name (or set GITHUB_REPOSITORY)");
    const char *slash = strchr(t->repo, '/');
    if (!slash || slash == t->repo || !slash[1] || strchr(slash + 1, '/') || strpbrk(t->repo, "?#% \t\n"))
        return cir_error(err, CIR_EUSAGE, "github", "--repo wants owner/name, got \"%s\"", t->repo);
    if (t->number <= 0) {
        const char *path = env("GITHUB_EVENT_PATH");
        if (path && event_number(path, &t->number, err))
            return err->code;
        if (t->number <= 0)
            return cir_error(err, CIR_EUSAGE, "github",
                             "no pull request number: give --pr N (the event file in GITHUB_EVENT_PATH "
                             "names one only for pull_request events)");
    }
    return CIR_OK;
}

static cir_code resolve_gitlab(forge_target *t, cir_err *err)
{
    if (!t->api_base) {
        t->api_base = env("CI_API_V4_URL");
        if (!t->api_base)
            t->api_base = "https://gitlab.com/api/v4";
    }
    if (!t->repo && !(t->repo = env("CI_PROJECT_ID")) && !(t->repo = env("CI_PROJECT_PATH")))
        return cir_error(err, CIR_EUSAGE, "gitlab",
                         "no project: give --repo ID or group/project (or set CI_PROJECT_ID)");
    if (strpbrk(t->repo, "?# \t\n"))
        return cir_error(err, CIR_EUSAGE, "gitlab", "--repo wants a project id or group/project, got \"%s\"", t->repo);
    if (t->number <= 0) {
        const char *iid = env("CI_MERGE_REQUEST_IID");
        char *end;
        t->number = iid ? strtol(iid, &end, 10) : 0;
        if (!iid || *end || t->number <= 0)
            return cir_error(err, CIR_EUSAGE, "gitlab",
                             "no merge request: give --mr N (CI_MERGE_REQUEST_IID is set only in merge "
                             "request pipelines)");
    }
    return CIR_OK;
}

cir_code forge_target_resolve(forge_target *t, const char *token_env, cir_err *err)
{
    cir_code rc = t->kind == FORGE_GITHUB ? resolve_github(t, err) : resolve_gitlab(t, err);
    if (rc)
        return rc;
    t->token_name = token_env ? token_env : t->kind == FORGE_GITHUB ? "GITHUB_TOKEN" : "GITLAB_TOKEN";
    t->token = env(t->token_name);
    if (!t->token)
        return cir_error(err, CIR_EUSAGE, forge_kind_name(t->kind),
                         "no token: %s is not set (or empty); it needs permission to comment", t->token_name);
    if (strpbrk(t->token, "\r\n"))
        return cir_error(err, CIR_EUSAGE, forge_kind_name(t->kind), "the token in %s holds a line break",
                         t->token_name);
    return CIR_OK;
}
