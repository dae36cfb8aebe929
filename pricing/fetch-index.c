/*
 * fetch-index.c — the two small JSON index files of the Bulk API.
 *
 * The offer index maps an offer code to its currentRegionIndexUrl; a region
 * index maps a region code to the currentVersionUrl of that region's price
 * list (reference/aws-price-list.md §1).  Both are well under a megabyte,
 * so jansson parses them whole.  A name the index does not list gets an
 * error that shows the closest names it does list, so a typo is obvious.
 */
#include "fetch.h"

#include "../src/core/mem.h"

#include <ctype.h>
#include <stdio.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct price_index {
    json_t *root;
    char *url;
};

cir_code price_index_parse(const char *text, size_t len, const char *url, price_index **out,
                           cir_err *err)
{
    *out = NULL;
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        price_body_kind k = price_body_sniff(text, len);
        if (k == PRICE_BODY_HTML || k == PRICE_BODY_BINARY)
            return cir_error(err, CIR_EPARSE, url, "expected a JSON index file, got %s",
                             price_body_kind_name(k));
        return cir_error(err, CIR_EPARSE, url, "not a JSON index file (line %d: %s)", je.line,
                         je.text);
    }
    if (!json_is_object(root) ||
        (!json_object_get(root, "offers") && !json_object_get(root, "regions"))) {
        json_decref(root);
        return cir_error(err, CIR_EPARSE, url,
                         "not a price-list index (no \"offers\" or \"regions\" member)");
    }
    price_index *ix = xcalloc(1, sizeof *ix);
    ix->root = root;
    ix->url = xstrdup(url);
    *out = ix;
    return CIR_OK;
}

void price_index_free(price_index *ix)
{
    if (!ix)
        return;
    json_decref(ix->root);
    free(ix->url);
    free(ix);
}

const char *price_index_published(const price_index *ix)
{
    const char *s = json_string_value(json_object_get(ix->root, "publicationDate"));
    return s ? s : "";
}

/* ---- suggestions ----------------------------------------------------------- */

static size_t common_prefix(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] && b[i] && tolower((unsigned char)a[i]) == tolower((unsigned char)b[i]))
        i++;
    return i;
}

static int closeness(const char *name, const char *wanted)
{
    if (strcasecmp(name, wanted) == 0)
        return 100000;
    int score = (int)common_prefix(name, wanted);
    if (*wanted && (strcasestr(name, wanted) || strcasestr(wanted, name)))
        score += 1000;
    return score;
}

typedef struct scored {
    const char *name;
    int score;
} scored;

static int by_score(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    size_t la = strlen(a->name), lb = strlen(b->name);
    if (la != lb) /* plain regions before Local Zones, short codes first */
        return la < lb ? -1 : 1;
    return strcmp(a->name, b->name);
}

void price_suggest(sbuf *out, const char *const *names, size_t n, const char *wanted, size_t max)
{
    if (n == 0) {
        sbuf_puts(out, "(none)");
        return;
    }
    scored *s = xcalloc(n, sizeof *s);
    for (size_t i = 0; i < n; i++) {
        s[i].name = names[i];
        s[i].score = closeness(names[i], wanted ? wanted : "");
    }
    qsort(s, n, sizeof *s, by_score);
    size_t shown = n < max ? n : max;
    for (size_t i = 0; i < shown; i++) {
        if (i)
            sbuf_puts(out, ", ");
        sbuf_puts(out, s[i].name);
    }
    if (shown < n)
        sbuf_printf(out, ", ... (%zu in all)", n);
    free(s);
}

/* Keys of an object (or regionCode of each element of an array), borrowed. */
static const char **member_names(json_t *set, size_t *n)
{
    *n = 0;
    size_t cap = json_is_object(set) ? json_object_size(set) : json_array_size(set);
    const char **names = xcalloc(cap ? cap : 1, sizeof *names);
    if (json_is_object(set)) {
        const char *key;
        json_t *v;
        json_object_foreach(set, key, v) names[(*n)++] = key;
    } else {
        size_t i;
        json_t *v;
        json_array_foreach(set, i, v)
        {
            const char *code = json_string_value(json_object_get(v, "regionCode"));
            if (code)
                names[(*n)++] = code;
        }
    }
    return names;
}

static void not_listed(cir_err *err, const char *topic, json_t *set, const char *wanted,
                       const char *what)
{
    size_t n;
    const char **names = member_names(set, &n);
    sbuf list = SBUF_INIT;
    price_suggest(&list, names, n, wanted, 10);
    cir_error(err, CIR_EINPUT, topic, "%s; available: %s", what, sbuf_str(&list));
    sbuf_free(&list);
    free(names);
}

/* ---- lookups ----------------------------------------------------------------- */

cir_code price_index_offer(const price_index *ix, const char *service, const char **region_index_url,
                           cir_err *err)
{
    *region_index_url = NULL;
    json_t *offers = json_object_get(ix->root, "offers");
    if (!json_is_object(offers))
        return cir_error(err, CIR_EPARSE, ix->url, "not an offer index (no \"offers\" object)");
    json_t *offer = json_object_get(offers, service);
    if (!offer) {
        char what[160];
        snprintf(what, sizeof what, "unknown service \"%.100s\"", service);
        not_listed(err, ix->url, offers, service, what);
        return CIR_EINPUT;
    }
    const char *url = json_string_value(json_object_get(offer, "currentRegionIndexUrl"));
    if (!url || !*url)
        return cir_error(err, CIR_EPARSE, ix->url,
                         "offer \"%s\" has no currentRegionIndexUrl string", service);
    *region_index_url = url;
    return CIR_OK;
}

static json_t *find_region(json_t *regions, const char *region)
{
    if (json_is_object(regions))
        return json_object_get(regions, region);
    size_t i;
    json_t *v;
    json_array_foreach(regions, i, v)
    {
        const char *code = json_string_value(json_object_get(v, "regionCode"));
        if (code && strcmp(code, region) == 0)
            return v;
    }
    return NULL;
}

cir_code price_index_region(const price_index *ix, const char *service, const char *region,
                            const char **version_url, cir_err *err)
{
    *version_url = NULL;
    json_t *regions = json_object_get(ix->root, "regions");
    if (!json_is_object(regions) && !json_is_array(regions))
        return cir_error(err, CIR_EPARSE, ix->url,
                         "not a region index (no \"regions\" object or array)");
    json_t *entry = find_region(regions, region);
    if (!entry) {
        char what[160];
        snprintf(what, sizeof what, "%.60s has no price list for region \"%.60s\"", service,
                 region);
        not_listed(err, ix->url, regions, region, what);
        return CIR_EINPUT;
    }
    const char *url = json_string_value(json_object_get(entry, "currentVersionUrl"));
    if (!url) /* Savings Plan style indexes call it versionUrl */
        url = json_string_value(json_object_get(entry, "versionUrl"));
    if (!url || !*url)
        return cir_error(err, CIR_EPARSE, ix->url,
                         "region \"%s\" of %s has no currentVersionUrl string", region, service);
    *version_url = url;
    return CIR_OK;
}
