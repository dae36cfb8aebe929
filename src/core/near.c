/*
 * near.c — closest-name suggestions for typos.  See near.h for what counts
 * as close and why.
 */
#include "near.h"

#include "mem.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Names longer than this are never compared letter by letter: the rows
 * below stay on the stack and a hostile file cannot make the work large. */
#define NEAR_MAX_LEN 256

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

size_t near_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > NEAR_MAX_LEN || lb > NEAR_MAX_LEN)
        return limit + 1;
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    /* Three rows of the dynamic programme: i-2, i-1 and i. */
    size_t rows[3][NEAR_MAX_LEN + 1];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t d = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < d)
                d = prev2[j - 2] + 1;
            cur[j] = d;
            if (d < row_min)
                row_min = d;
        }
        if (row_min > limit)
            return limit + 1;
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb] > limit ? limit + 1 : prev[lb];
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The words of s split at '_' and '.', sorted and joined by ' '; caller
 * frees.  "monthly_gb_data_processed" -> "data gb monthly processed". */
static char *sorted_words(const char *s)
{
    char *copy = xstrdup(s);
    size_t n = 0, cap = 8;
    char **words = xmalloc(cap * sizeof *words);
    char *save = NULL;
    for (char *w = strtok_r(copy, "_.", &save); w; w = strtok_r(NULL, "_.", &save)) {
        words = xgrow(words, &cap, n + 1, sizeof *words);
        words[n++] = w;
    }
    qsort(words, n, sizeof *words, cmp_str);
    char *out = xmalloc(strlen(s) + 1);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t wl = strlen(words[i]);
        if (i)
            out[len++] = ' ';
        memcpy(out + len, words[i], wl);
        len += wl;
    }
    out[len] = '\0';
    free(words);
    free(copy);
    return out;
}

static bool same_words(const char *a, const char *b)
{
    if (strlen(a) != strlen(b))
        return false;
    char *x = sorted_words(a), *y = sorted_words(b);
    bool same = strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

static bool nested_under(const char *candidate, const char *word)
{
    size_t lc = strlen(candidate), lw = strlen(word);
    return lc > lw + 1 && candidate[lc - lw - 1] == '.' && strcmp(candidate + lc - lw, word) == 0;
}

void near_init(near_match *m, const char *word)
{
    m->word = word;
    m->best = NULL;
    m->dist = 1 + strlen(word) / 8;     /* the farthest that still counts as close */
}

void near_offer(near_match *m, const char *candidate)
{
    if (!candidate || strcmp(candidate, m->word) == 0)
        return;
    /* Reordered words and a nested key count as one edit: close, but an
     * exact-letter typo at distance 1 offered earlier still wins. */
    size_t d;
    if (same_words(m->word, candidate) || nested_under(candidate, m->word))
        d = 1;
    else
        d = near_distance(m->word, candidate, m->dist);
    if (d < m->dist || (d == m->dist && !m->best)) {
        m->best = candidate;
        m->dist = d;
    }
}

const char *near_best(const near_match *m)
{
    return m->best;
}
