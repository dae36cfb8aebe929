/*
 * jansson-load.c — the benchmark baseline: load a JSON file with jansson
 * and nothing else.  `circuit changes` is measured against this (target:
 * within 1.5x).  Built by scripts/bench.d/10-changes.sh with pkg-config.
 */
#include <jansson.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: jansson-load FILE\n");
        return 2;
    }
    json_error_t e;
    json_t *root = json_load_file(argv[1], 0, &e);
    if (!root) {
        fprintf(stderr, "jansson-load: %s: line %d: %s\n", argv[1], e.line, e.text);
        return 2;
    }
    json_decref(root);
    return 0;
}
