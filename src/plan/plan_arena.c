/*
 * plan_arena.c — the memory a plan's JSON tree lives in.
 *
 * A 10,000-resource plan is a few million small JSON values.  Allocating
 * each with malloc and freeing each again in json_decref costs as much as
 * parsing itself, so the plan reader hands jansson a bump allocator while a
 * plan is loaded: allocation is a pointer increment, and plan_free() drops
 * whole blocks instead of walking the tree.
 *
 * jansson's allocator hooks are process-wide, so they are installed once
 * and decide per call: while an arena is active, allocations come from it;
 * otherwise from malloc.  free() of a pointer inside any live arena block is
 * a no-op (the block goes with its plan); any other pointer goes to free().
 * Pointers jansson obtained from malloc before the hooks were installed are
 * outside every block, so they are freed correctly too.  The rule this puts
 * on callers: nothing may keep a reference (json_incref) to a plan value
 * beyond plan_free(); plan_diff copies what it returns for that reason.
 */
#include "plan_internal.h"

#include "../core/mem.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>

#define FIRST_BLOCK ((size_t)1 << 20)
#define MAX_BLOCK ((size_t)32 << 20)
#define ALIGN 16

typedef struct block_range {
    const char *start, *end;
} block_range;

struct plan_arena {
    char *cur, *end;          /* free space in the newest block */
    char **blocks;
    size_t nblocks, capblocks;
    size_t next_size;
};

static plan_arena *active;            /* where allocations go, or NULL */
static block_range *ranges;           /* every block of every live arena */
static size_t nranges, capranges;
static bool hooks_installed;

static bool in_arena(const void *p)
{
    const char *c = p;
    for (size_t i = nranges; i-- > 0;)
        if (c >= ranges[i].start && c < ranges[i].end)
            return true;
    return false;
}

static void add_block(plan_arena *a, size_t need)
{
    size_t size = a->next_size;
    while (size < need)
        size *= 2;
    if (a->next_size < MAX_BLOCK)
        a->next_size *= 2;
    char *b = xmalloc(size);
    a->blocks = xgrow(a->blocks, &a->capblocks, a->nblocks + 1, sizeof *a->blocks);
    a->blocks[a->nblocks++] = b;
    ranges = xgrow(ranges, &capranges, nranges + 1, sizeof *ranges);
    ranges[nranges++] = (block_range){b, b + size};
    a->cur = b;
    a->end = b + size;
}

static void *arena_alloc(plan_arena *a, size_t n)
{
    n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (n == 0)
        n = ALIGN;
    if ((size_t)(a->end - a->cur) < n)
        add_block(a, n);
    void *p = a->cur;
    a->cur += n;
    return p;
}

static void *hook_malloc(size_t n)
{
    return active ? arena_alloc(active, n) : malloc(n);
}

static void hook_free(void *p)
{
    if (p && !in_arena(p))
        free(p);
}

plan_arena *plan_arena_begin(void)
{
    if (!hooks_installed) {
        json_set_alloc_funcs(hook_malloc, hook_free);
        hooks_installed = true;
    }
    assert(!active);
    plan_arena *a = xcalloc(1, sizeof *a);
    a->next_size = FIRST_BLOCK;
    active = a;
    return a;
}

void plan_arena_end(plan_arena *a)
{
    assert(active == a);
    active = NULL;
}

void plan_arena_free(plan_arena *a)
{
    if (!a)
        return;
    if (active == a)
        active = NULL;
    for (size_t i = 0; i < a->nblocks; i++) {
        for (size_t r = 0; r < nranges; r++) {
            if (ranges[r].start == a->blocks[i]) {
                ranges[r] = ranges[--nranges];
                break;
            }
        }
        free(a->blocks[i]);
    }
    if (nranges == 0) {
        free(ranges);
        ranges = NULL;
        capranges = 0;
    }
    free(a->blocks);
    free(a);
}
