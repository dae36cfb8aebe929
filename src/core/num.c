/*
 * num.c — range-checked float-to-integer conversions (see num.h).
 */
#include "num.h"

#include <limits.h>
#include <math.h>

/* 2^63 as a double: every double below it (and >= -2^63) converts to a
 * long long without overflow. */
#define TWO_63 9223372036854775808.0

bool num_exact_ll(double d, long long *out)
{
    if (!(d >= -TWO_63 && d < TWO_63) || d != trunc(d))
        return false;
    *out = (long long)d;
    return true;
}

long num_clamp_long(double d)
{
    if (isnan(d))
        return 0;
    if (d >= (double)LONG_MAX)
        return LONG_MAX;
    if (d <= (double)LONG_MIN)
        return LONG_MIN;
    return (long)d;
}
