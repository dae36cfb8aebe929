/*
 * num.h — converting a double from the input to an integer without
 * undefined behaviour.
 *
 * C leaves a float-to-integer conversion undefined when the value does not
 * fit (a plan's `"index": 1e308`, a port of 1e300), and clang's UBSan
 * traps on it.  Every such conversion of an input number goes through
 * these two.
 */
#ifndef CIRCUIT_NUM_H
#define CIRCUIT_NUM_H

#include <stdbool.h>

/* True, with *out set, when d is a whole number that a long long holds
 * exactly; false for fractions, out-of-range values, NaN and infinities. */
bool num_exact_ll(double d, long long *out);

/* d truncated toward zero and clamped to [LONG_MIN, LONG_MAX]; NaN gives 0.
 * For limits such as ports, where "beyond the range" must still compare
 * as beyond it. */
long num_clamp_long(double d);

#endif
