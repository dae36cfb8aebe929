/*
 * forge_comment.c — the comment itself: list the PR's comments page by
 * page, find ours by the marker, then create, update or delete-and-create
 * through the platform's endpoints:
 *   GitHub  GET/POST /repos/{repo}/issues/{n}/comments, PATCH/DELETE
 *           /repos/{repo}/issues/comments/{id}; pages by the Link header.
 *   GitLab  GET/POST /projects/{id}/merge_requests/{iid}/notes, PUT/DELETE
 *           .../notes/{id}; pages by the X-Next-Page header.
 */
#include "forge_int.h"

#include "../core/mem.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

const char forge_marker[] = "<!-- circuit-comment: this comment is updated in place by `circuit comment` -->";

/* A comment of ours found while listing. */
typedef struct found {
    char **ids;
    size_t n, cap;
    char *last_body;         /* body of the latest one */
} found;

static void found_free(found *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->ids[i]);
    free(f->ids);
    free(f->last_body);
}

/* Base URL of the PR's comment collection; caller frees. */
static char *collection_url(forge_client *c)
{
    const forge_target *t = c->t;
    size_t blen = strlen(t->api_base);
    while (blen && t->api_base[blen - 1] == '/')
        blen--;
    if (t->kind == FORGE_GITHUB)
        return xasprintf("%.*s/repos/%s/issues/%ld/comments", (int)blen, t->api_base, t->repo, t->number);
    char *enc = curl_easy_escape(c->curl, t->repo, 0);
    char *u = xasprintf("%.*s/projects/%s/merge_requests/%ld/notes", (int)blen, t->api_base, enc ? enc : "",
                        t->number);
    curl_free(enc);
    return u;
}

/* URL of one comment; caller frees. */
static char *item_url(forge_client *c, const char *id)
{
    const forge_target *t = c->t;
    if (t->kind == FORGE_GITLAB) {
        char *coll = collection_url(c);
        char *u = xasprintf("%s/%s", coll, id);
        free(coll);
        return u;
    }
    size_t blen = strlen(t->api_base);
    while (blen && t->api_base[blen - 1] == '/')
        blen--;
    return xasprintf("%.*s/repos/%s/issues/comments/%s", (int)blen, t->api_base, t->repo, id);
}

static char *id_text(const json_t *v)
{
    if (json_is_integer(v))
        return xasprintf("%lld", (long long)json_integer_value(v));
    if (json_is_string(v) && *json_string_value(v))
        return xstrdup(json_string_value(v));
    return NULL;
}

static cir_code bad_reply(forge_client *c, const char *what, cir_err *err)
{
    return cir_error(err, CIR_ENET, forge_kind_name(c->t->kind), "unexpected reply to %s: not the JSON expected",
                     what);
}

/* Pages through every comment, collecting ours.  Caps the walk at 1000
 * pages so a server that always says "next" cannot loop forever. */
static cir_code list_ours(forge_client *c, found *f, size_t *scanned, cir_err *err)
{
    char *base = collection_url(c);
    char *url = xasprintf("%s?per_page=100%s", base, c->t->kind == FORGE_GITLAB ? "&sort=asc&order_by=created_at" : "");
    cir_code rc = CIR_OK;
    for (int page = 1; url && page <= 1000; page++) {
        forge_resp r;
        if ((rc = forge_call(c, "GET", url, NULL, &r, err)))
            break;
        json_t *arr = json_loadb(r.body.data ? r.body.data : "", r.body.len, 0, NULL);
        if (!json_is_array(arr)) {
            json_decref(arr);
            forge_resp_free(&r);
            rc = bad_reply(c, "the comment listing", err);
            break;
        }
        size_t i;
        json_t *item;
        json_array_foreach(arr, i, item) {
            (*scanned)++;
            const char *body = json_string_value(json_object_get(item, "body"));
            if (!body || !strstr(body, forge_marker) || json_is_true(json_object_get(item, "system")))
                continue;
            char *id = id_text(json_object_get(item, "id"));
            if (!id)
                continue;
            f->ids = xgrow(f->ids, &f->cap, f->n + 1, sizeof *f->ids);
            f->ids[f->n++] = id;
            free(f->last_body);
            f->last_body = xstrdup(body);
        }
        json_decref(arr);
        free(url);
        url = NULL;
        if (c->t->kind == FORGE_GITHUB && r.next_url)
            url = xstrdup(r.next_url);
        else if (c->t->kind == FORGE_GITLAB && r.next_page && strspn(r.next_page, "0123456789") == strlen(r.next_page))
            url = xasprintf("%s?per_page=100&sort=asc&order_by=created_at&page=%s", base, r.next_page);
        forge_resp_free(&r);
    }
    free(url);
    free(base);
    return rc;
}

/* Reads id and web address from a created or updated comment. */
static cir_code take_reply(forge_client *c, forge_resp *r, const char *what, forge_result *res, cir_err *err)
{
    json_t *j = json_loadb(r->body.data ? r->body.data : "", r->body.len, 0, NULL);
    char *id = id_text(json_object_get(j, "id"));
    if (!id) {
        json_decref(j);
        return bad_reply(c, what, err);
    }
    free(res->id);
    res->id = id;
    const char *web = json_string_value(json_object_get(j, "html_url"));
    free(res->url);
    res->url = web ? xstrdup(web) : NULL;
    json_decref(j);
    return CIR_OK;
}

static char *body_json(const char *body)
{
    json_t *o = json_pack("{s:s}", "body", body);
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

cir_code forge_comment(const forge_target *t, const forge_cfg *cfg, forge_behavior b, const char *markdown,
                       forge_result *res, cir_err *err)
{
    memset(res, 0, sizeof *res);
    const char *topic = forge_kind_name(t->kind);
    char *body = xasprintf("%s\n%s", forge_marker, markdown);
    if (strlen(body) > forge_max_body(t->kind)) {
        size_t n = strlen(body);
        free(body);
        return cir_error(err, CIR_EUSAGE, topic,
                         "the comment is %zu bytes; %s accepts at most %zu (shorten it, e.g. with "
                         "circuit review --max-length)",
                         n, t->kind == FORGE_GITHUB ? "GitHub" : "GitLab", forge_max_body(t->kind));
    }
    char *json = body_json(body);
    if (!json) {
        free(body);
        return cir_error(err, CIR_EINPUT, topic, "the comment is not valid UTF-8 text");
    }
    forge_client c;
    found f = {0};
    cir_code rc = forge_client_open(&c, t, cfg, err);
    if (!rc && b != FORGE_NEW)
        rc = list_ours(&c, &f, &res->scanned, err);
    forge_resp r;
    if (!rc && b == FORGE_UPDATE && f.n) {
        const char *id = f.ids[f.n - 1];
        if (f.last_body && strcmp(f.last_body, body) == 0) {
            res->outcome = FORGE_UNCHANGED;
            res->id = xstrdup(id);
        } else {
            char *u = item_url(&c, id);
            rc = forge_call(&c, t->kind == FORGE_GITHUB ? "PATCH" : "PUT", u, json, &r, err);
            free(u);
            if (!rc) {
                rc = take_reply(&c, &r, "the update", res, err);
                forge_resp_free(&r);
                res->outcome = FORGE_UPDATED;
            }
        }
    } else if (!rc) {
        for (size_t i = 0; !rc && b == FORGE_DELETE_AND_NEW && i < f.n; i++) {
            char *u = item_url(&c, f.ids[i]);
            rc = forge_call(&c, "DELETE", u, NULL, &r, err);
            free(u);
            if (!rc) {
                forge_resp_free(&r);
                res->deleted++;
            }
        }
        if (!rc) {
            char *u = collection_url(&c);
            rc = forge_call(&c, "POST", u, json, &r, err);
            free(u);
            if (!rc) {
                rc = take_reply(&c, &r, "the new comment", res, err);
                forge_resp_free(&r);
                res->outcome = FORGE_CREATED;
            }
        }
    }
    found_free(&f);
    forge_client_close(&c);
    free(json);
    free(body);
    if (rc)
        forge_result_free(res);
    return rc;
}

void forge_result_free(forge_result *res)
{
    free(res->id);
    free(res->url);
    memset(res, 0, sizeof *res);
}
