/*
 * forge.h — one pull-request comment kept up to date on GitHub or GitLab,
 * through their REST APIs (libcurl).
 *
 * A comment circuit posts carries a hidden marker (an HTML comment, which
 * both platforms render as nothing); the next run pages through the PR's
 * comments, finds its own by that marker and edits it instead of adding
 * another.  The token is sent in a header and nowhere else: no URL, output,
 * error or warning ever holds it, and any text that might (a server's error
 * message) is scrubbed before it is shown.
 *
 * Every request goes to https://, or http:// on loopback (tests), and only
 * to the API base's own origin: a pagination link to another host is
 * refused rather than sent the token.  Rate limits (429, or 403 with the
 * rate-limit headers) and 5xx are retried with backoff; 401, 403 and 404
 * end the run with a message that says what to check.
 */
#ifndef CIRCUIT_FORGE_H
#define CIRCUIT_FORGE_H

#include "../core/err.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum forge_kind { FORGE_GITHUB, FORGE_GITLAB } forge_kind;

typedef enum forge_behavior {
    FORGE_UPDATE,          /* edit our latest comment, or create one */
    FORGE_NEW,             /* always add a comment */
    FORGE_DELETE_AND_NEW   /* delete all of ours, then add one */
} forge_behavior;

/* Where the comment goes and how to authenticate.  Strings are borrowed. */
typedef struct forge_target {
    forge_kind kind;
    const char *api_base;    /* https://api.github.com, https://gitlab.com/api/v4, ... */
    const char *repo;        /* GitHub "owner/name"; GitLab project id or "group/project" */
    long number;             /* pull request / merge request number (IID) */
    const char *token;       /* secret: sent only in the auth header */
    const char *token_name;  /* where it came from ("GITHUB_TOKEN"), for messages */
} forge_target;

/* Retry and timeout settings (environment: CIRCUIT_RETRIES, 3;
 * CIRCUIT_RETRY_DELAY_MS, 1000, doubling; CIRCUIT_RETRY_MAX_MS, 60000, the
 * most one wait may last, Retry-After included; CIRCUIT_CONNECT_TIMEOUT, 15 s;
 * a whole request gives up after 120 s). */
typedef struct forge_cfg {
    int tries;
    long retry_delay_ms, retry_max_ms;
    long connect_timeout_s, request_timeout_s;
} forge_cfg;

/* Defaults overridden by the environment.  CIR_EUSAGE on a bad value. */
cir_code forge_cfg_env(forge_cfg *cfg, cir_err *err);

/* The platform's name ("github", "gitlab"), and its longest comment. */
const char *forge_kind_name(forge_kind k);
size_t forge_max_body(forge_kind k);

/* What forge_comment() did. */
typedef enum forge_outcome { FORGE_CREATED, FORGE_UPDATED, FORGE_UNCHANGED } forge_outcome;

typedef struct forge_result {
    forge_outcome outcome;
    char *id;                /* the comment's id; caller frees */
    char *url;               /* its web address when the API gives one, else NULL; caller frees */
    size_t deleted;          /* comments removed (delete-and-new) */
    size_t scanned;          /* comments looked at */
} forge_result;

/* The hidden marker that identifies circuit's comment. */
extern const char forge_marker[];

/* Posts `markdown` (the marker is added) as the PR's circuit comment with
 * behaviour `b`.  Returns CIR_ENET on a transport failure or HTTP error
 * (401/403/404 with what to check), CIR_EUSAGE on a URL that breaks the
 * https-or-loopback rule or a body too long for the platform.  `res` is
 * filled on success; free it with forge_result_free(). */
cir_code forge_comment(const forge_target *t, const forge_cfg *cfg, forge_behavior b, const char *markdown,
                       forge_result *res, cir_err *err);
void forge_result_free(forge_result *res);

/* ---- the CI environment (forge_env.c) ------------------------------------ */

/* Fills what the caller left unset (repo NULL, number 0, api_base NULL)
 * from the CI environment: GitHub: GITHUB_REPOSITORY, the pull request
 * number in the GITHUB_EVENT_PATH event file, GITHUB_API_URL; GitLab:
 * CI_PROJECT_ID (else CI_PROJECT_PATH), CI_MERGE_REQUEST_IID, CI_API_V4_URL.
 * The token comes from the variable `token_env` names (default
 * GITHUB_TOKEN / GITLAB_TOKEN).  Strings filled in point into the
 * environment.  Returns CIR_EUSAGE naming what is missing and where it is
 * looked for; the message never holds the token. */
cir_code forge_target_resolve(forge_target *t, const char *token_env, cir_err *err);

#endif
