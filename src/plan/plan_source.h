/*
 * plan_source.h — where each resource of a plan is written: the file, line
 * and column of its `resource "TYPE" "NAME"` block in the .tf files.
 *
 * Terraform's JSON plan names modules and their sources (configuration
 * module_calls) but not files or lines, so the map is built by reading the
 * .tf files: the root module is the source directory, a module call with a
 * local source ("./x", "../x") is that directory joined with its source,
 * recursively; other sources (registry, git) are not followed.  Blocks are
 * found with PCRE2 over `resource|data "TYPE" "NAME"` (labels quoted or bare).
 *
 * File names are relative to the repository root: the nearest directory at
 * or above the source directory holding .git, else the current directory
 * when the source directory is inside it, else the source directory.  No
 * name in the map is ever absolute.
 */
#ifndef CIRCUIT_PLAN_SOURCE_H
#define CIRCUIT_PLAN_SOURCE_H

#include "plan.h"

#include <stdbool.h>

typedef struct plan_srcloc {
    const char *file;      /* relative to the repository root, '/'-separated; NULL when not found */
    int line, column;      /* 1-based */
    const char *note;      /* when file is NULL: why (borrowed, one line) */
} plan_srcloc;

typedef struct plan_srcmap plan_srcmap;

/* Reads the .tf files under `source_dir` and the module calls of `p`.
 * Returns CIR_EIO when source_dir is not a readable directory.  A module or
 * block that cannot be found is not an error: its resources get a note.
 * Caller frees *out with plan_srcmap_free. */
cir_code plan_srcmap_build(const plan *p, const char *source_dir, plan_srcmap **out, cir_err *err);
void plan_srcmap_free(plan_srcmap *m);

/* The location of the resource at `address` (instance keys allowed).
 * Always fills *out: file NULL plus a note when the block was not found.
 * Strings borrow from the map. */
void plan_srcmap_find(const plan_srcmap *m, const char *address, plan_srcloc *out);

/* `path` (a plan file, say) relative to the map's repository root, or, when
 * it lies outside, its last component; NULL and "-" give "stdin".  Never
 * absolute.  Caller frees. */
char *plan_srcmap_relative(const plan_srcmap *m, const char *path);

/* Same without a map: relative to the repository root found from the
 * current directory. Caller frees. */
char *plan_path_relative(const char *path);

/* True when `dir` holds at least one *.tf file. */
bool plan_dir_has_tf(const char *dir);

#endif
