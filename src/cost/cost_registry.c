/*
 * cost_registry.c — every cost model, found by type.
 *
 * The models live in one file per service under src/cost/models/; each file
 * ends with a COST_MODEL_LIST(name) line naming its models in type order.
 * The build collects those lines into cost_models_list.h
 * (scripts/gen-model-list.sh), so adding a file or a model never touches
 * a shared list.  The lists are merged into one sorted table on first use;
 * test_cost_models.c checks each list is sorted and no type is defined
 * twice.
 */
#include "cost_model.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define X(name) extern const cost_model *const cost_models_##name[];
#include "cost_models_list.h"
#undef X

static const cost_model *const *const lists[] = {
#define X(name) cost_models_##name,
#include "cost_models_list.h"
#undef X
};

#define NLISTS (sizeof lists / sizeof lists[0])
#define MAX_MODELS 1024

static const cost_model *table[MAX_MODELS];
static size_t ntable;

static int cmp_models(const void *a, const void *b)
{
    return strcmp((*(const cost_model *const *)a)->type, (*(const cost_model *const *)b)->type);
}

static void build(void)
{
    if (ntable)
        return;
    size_t n = 0;
    for (size_t i = 0; i < NLISTS; i++)
        for (const cost_model *const *m = lists[i]; *m; m++) {
            assert(n < MAX_MODELS && "raise MAX_MODELS");
            if (n < MAX_MODELS)
                table[n++] = *m;
        }
    qsort(table, n, sizeof table[0], cmp_models);
    ntable = n;
}

static int cmp_key(const void *key, const void *elem)
{
    return strcmp((const char *)key, (*(const cost_model *const *)elem)->type);
}

const cost_model *cost_model_find(const char *type)
{
    if (!type)
        return NULL;
    build();
    const cost_model *const *m = bsearch(type, table, ntable, sizeof table[0], cmp_key);
    return m ? *m : NULL;
}

size_t cost_models(const cost_model *const **out)
{
    build();
    *out = table;
    return ntable;
}

size_t cost_model_lists(const cost_model *const *const **out)
{
    *out = lists;
    return NLISTS;
}

bool cost_type_is_modelled(const char *type)
{
    return cost_model_find(type) != NULL;
}
