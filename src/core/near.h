/*
 * near.h — "did you mean …?": the closest of a set of names to a word that
 * matched none of them, for warnings about typos in user files.
 *
 * Closeness is the optimal-string-alignment distance (insertions,
 * deletions, substitutions and swaps of two neighbours each cost 1).  A
 * candidate is close when that distance is at most 1 + strlen(word) / 8
 * (so "aws_nat_gateway.mian" finds "aws_nat_gateway.main", "foo" finds
 * nothing in "main"), or when it holds the same '_'/'.'-separated words in
 * another order ("monthly_gb_data_processed"), or when it ends in
 * "." + word (a nested key given at the top: "storage_gb" finds
 * "standard.storage_gb").  Ties keep the candidate offered first.
 *
 *     near_match m;
 *     near_init(&m, word);
 *     for (...) near_offer(&m, candidate);
 *     const char *best = near_best(&m);     // NULL: nothing is close
 *
 * The match borrows `word` and the candidates: they must outlive it.
 */
#ifndef CIRCUIT_NEAR_H
#define CIRCUIT_NEAR_H

#include <stddef.h>

typedef struct near_match {
    const char *word;
    const char *best;       /* closest so far, or NULL */
    size_t dist;            /* its distance */
} near_match;

void near_init(near_match *m, const char *word);
void near_offer(near_match *m, const char *candidate);
/* The closest candidate offered that is close, or NULL. */
const char *near_best(const near_match *m);

/* Optimal-string-alignment distance between a and b, or limit + 1 when it
 * is more than `limit` (the work stops early). */
size_t near_distance(const char *a, const char *b, size_t limit);

#endif
