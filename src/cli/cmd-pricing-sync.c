/*
 * cmd-pricing-sync.c — `circuit pricing sync`: fetch the current AWS price
 * lists for the given offers and regions into the cache.
 *
 * The work is price_sync() (pricing/sync.c); this file turns the command
 * line into price_sync_opts and prints one line per offer and region as
 * each finishes, so a long sync shows what it has done so far.
 */
#include "cli.h"

#include "../../pricing/pricing.h"
#include "../core/mem.h"
#include "../cost/cost.h"

#include <stdio.h>
#include <stdlib.h>

static void print_result(const price_ingest_stats *st, void *ctx)
{
    (void)ctx;
    if (st->not_modified)
        printf("%s %s: up to date (version %s, published %s)\n", st->service, st->region,
               *st->version ? st->version : "unknown",
               *st->publication_date ? st->publication_date : "unknown");
    else
        printf("%s %s: version %s, published %s: %lld rows kept of %lld\n", st->service, st->region,
               st->version, st->publication_date, (long long)st->rows_kept, (long long)st->rows_seen);
    fflush(stdout);
}

/* argv-borrowed list -> NULL-terminated array (caller frees the array). */
static const char **terminated(const cli_list *l)
{
    if (l->n == 0)
        return NULL;
    const char **v = xcalloc(l->n + 1, sizeof *v);
    for (size_t i = 0; i < l->n; i++)
        v[i] = l->items[i];
    return v;
}

static int sync_exec(const cmd_entry *self, cli_opts *o, cir_err *err)
{
    (void)self;
    if (o->offline) {
        cir_error(err, CIR_EUSAGE, "pricing sync",
                  "sync needs the network; --offline runs use `circuit pricing import FILE` "
                  "with price lists fetched elsewhere");
        return CIR_EXIT_ERROR;
    }
    price_open_opts oo = {.path = o->cache, .readonly = false, .no_snapshot = true};
    price_cache *cache;
    if (price_cache_open(&oo, &cache, err))
        return CIR_EXIT_ERROR;
    const char **services = terminated(&o->services);
    const char **regions = terminated(&o->regions);
    price_sync_opts so = {
        .endpoint = o->endpoint,
        .services = services,
        .default_services = cost_model_offers(NULL), /* what the cost models read */
        .regions = regions,
        .progress = true, /* price_sync draws it only on a terminal */
    };
    cir_code rc = price_sync(cache, &so, print_result, NULL, err);
    free(services);
    free(regions);
    price_cache_close(cache);
    return rc ? CIR_EXIT_ERROR : CIR_EXIT_OK;
}

const cmd_entry cmd_pricing_sync_entry = {
    .name = "sync",
    .args_usage = "",
    .summary = "fetch the current AWS price lists into the cache",
    .help = "Walks the AWS Price List Bulk API (offer index, region index, regional CSV) for each "
            "--service (default: every offer the cost models use) and each --region (default: "
            "AWS_REGION, AWS_DEFAULT_REGION, us-east-1), streaming each CSV into the cache. "
            "Each offer and region is replaced all or nothing: a failed or interrupted sync leaves "
            "its previous prices intact. A price list whose ETag has not changed is not "
            "downloaded again (\"up to date\"). Endpoint: --endpoint, CIRCUIT_PRICING_URL, else "
            "https://pricing.us-east-1.amazonaws.com; plain http:// only to a loopback host.",
    .options = OPT_REGION | OPT_SERVICE | OPT_ENDPOINT | OPT_CACHE | OPT_OFFLINE | OPT_QUIET,
    .noeffect = OPT_FORMAT | OPT_OUTPUT | OPT_USAGE | OPT_RULES | OPT_NO_COLOR,
    .min_args = 0,
    .max_args = 0,
    .exec = sync_exec,
};
