/*
 * plan_types.c — membership in the type sets of plan_types.h.
 */
#include "plan_types.h"

#include <string.h>

bool plan_type_in(const char *set, const char *type)
{
    if (!set || !type)
        return false;
    size_t tn = strlen(type);
    for (const char *p = set; *p;) {
        size_t n = strcspn(p, ",");
        bool prefix = n && p[n - 1] == '*';
        if (prefix ? strncmp(p, type, n - 1) == 0 : n == tn && strncmp(p, type, n) == 0)
            return true;
        p += n + (p[n] == ',');
    }
    return false;
}
