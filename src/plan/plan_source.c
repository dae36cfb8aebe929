/*
 * plan_source.c — the resource-to-.tf-block map (see plan_source.h): module
 * directories from configuration.module_calls, blocks from a PCRE2 scan of
 * each directory's .tf files, paths made relative to the repository root.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "plan_source.h"

#include "../core/input.h"
#include "../core/mem.h"
#include "../core/sbuf.h"
#include "plan_internal.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct block_loc {
    char *file;              /* relative to the root */
    int line, column;
} block_loc;

typedef struct module_dir {
    char *abs;               /* NULL when the module is not local */
    const char *note;        /* why abs is NULL */
    bool scanned;
} module_dir;

struct plan_srcmap {
    char *root;              /* absolute repository root */
    pmap dirs;               /* module path -> module_dir */
    pmap blocks;             /* "ABSDIR\x1fmode.type.name" -> block_loc */
    pmap by_address;         /* resource address -> plan_srcloc */
    void **owned;            /* everything the maps point at */
    size_t nowned, capowned;
};

static const char NOTE_NOT_LOCAL[] = "module source is not a local path; pointing at the plan";
static const char NOTE_NO_BLOCK[] = "resource block not found in the source directory; pointing at the plan";
static const char NOTE_NO_MODULE[] = "module not found in the plan's configuration; pointing at the plan";
static const char NOTE_NOT_RESOURCE[] = "not a resource of the plan; pointing at the plan";

static void *own(plan_srcmap *m, void *p)
{
    m->owned = xgrow(m->owned, &m->capowned, m->nowned + 1, sizeof *m->owned);
    m->owned[m->nowned++] = p;
    return p;
}

/* ---- paths ------------------------------------------------------------------ */

static char *abs_path(const char *path)
{
    char buf[PATH_MAX];
    return realpath(path, buf) ? xstrdup(buf) : NULL;
}

/* Nearest directory at or above `dir` holding .git; NULL when none. */
static char *git_root(const char *dir)
{
    char *d = xstrdup(dir);
    for (;;) {
        char *probe = xasprintf("%s/.git", d);
        struct stat st;
        bool hit = stat(probe, &st) == 0;
        free(probe);
        if (hit)
            return d;
        char *slash = strrchr(d, '/');
        if (!slash || slash == d) {
            free(d);
            return NULL;
        }
        *slash = '\0';
    }
}

static bool under(const char *path, const char *root)
{
    size_t n = strlen(root);
    return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0' || (n == 1 && root[0] == '/'));
}

/* The root for paths found from `dir` (absolute). */
static char *find_root(const char *dir)
{
    char *g = git_root(dir);
    if (g)
        return g;
    char *cwd = abs_path(".");
    if (cwd && under(dir, cwd))
        return cwd;
    free(cwd);
    return xstrdup(dir);
}

static char *relative_to(const char *root, const char *abs)
{
    if (under(abs, root)) {
        const char *rest = abs + strlen(root);
        while (*rest == '/')
            rest++;
        return xstrdup(*rest ? rest : ".");
    }
    const char *slash = strrchr(abs, '/');
    return xstrdup(slash ? slash + 1 : abs);
}

static char *relative_path(const char *root, const char *path)
{
    if (!path || strcmp(path, "-") == 0)
        return xstrdup("stdin");
    char *abs = abs_path(path);
    if (!abs) {
        if (path[0] != '/') {
            while (path[0] == '.' && path[1] == '/')
                path += 2;
            return xstrdup(path);
        }
        if (under(path, root))
            return relative_to(root, path);
        const char *slash = strrchr(path, '/');
        return xstrdup(slash[1] ? slash + 1 : "plan");
    }
    char *rel = relative_to(root, abs);
    free(abs);
    return rel;
}

char *plan_srcmap_relative(const plan_srcmap *m, const char *path)
{
    return relative_path(m->root, path);
}

char *plan_path_relative(const char *path)
{
    char *cwd = abs_path(".");
    char *root = cwd ? find_root(cwd) : xstrdup("/");
    char *rel = relative_path(root, path);
    free(root);
    free(cwd);
    return rel;
}

static int tf_filter(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return n > 3 && strcmp(d->d_name + n - 3, ".tf") == 0 && d->d_name[0] != '.';
}

bool plan_dir_has_tf(const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, tf_filter, NULL);
    for (int i = 0; i < n; i++)
        free(names[i]);
    if (n > 0)
        free(names);
    return n > 0;
}

/* ---- scanning .tf files ------------------------------------------------------- */

static pcre2_code *block_re(void)
{
    static const char pat[] = "^[ \\t]*(resource|data)[ \\t]+(?:\"([^\"\\n]+)\"|([A-Za-z_][A-Za-z0-9_-]*))"
                               "[ \\t]+(?:\"([^\"\\n]+)\"|([A-Za-z_][A-Za-z0-9_-]*))[ \\t]*\\{";
    int code;
    PCRE2_SIZE off;
    return pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, PCRE2_MULTILINE, &code, &off, NULL);
}

static char *group(const char *text, const PCRE2_SIZE *ov, int a, int b)
{
    int g = ov[2 * a] != PCRE2_UNSET ? a : b;
    return xstrndup(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
}

static void scan_file(plan_srcmap *m, pcre2_code *re, const char *dir, const char *name)
{
    char *path = xasprintf("%s/%s", dir, name);
    sbuf text = SBUF_INIT;
    in_read_opts o = {.dash_is_stdin = false};
    if (in_read_file(path, &o, &text, NULL) != CIR_OK) {   /* unreadable: no lines from it */
        sbuf_free(&text);
        free(path);
        return;
    }
    char *rel = own(m, relative_to(m->root, path));
    free(path);
    const char *s = sbuf_str(&text);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    PCRE2_SIZE start = 0;
    int line = 1;
    size_t counted = 0;
    while (start <= text.len && pcre2_match(re, (PCRE2_SPTR)s, text.len, start, 0, md, NULL) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t kw = ov[2];   /* where "resource" / "data" starts */
        for (; counted < kw; counted++)
            line += s[counted] == '\n';
        size_t bol = kw;
        while (bol > 0 && s[bol - 1] != '\n')
            bol--;
        char *mode = group(s, ov, 1, 1), *type = group(s, ov, 2, 3), *bname = group(s, ov, 4, 5);
        char *key = xasprintf("%s\x1f%s.%s.%s", dir, strcmp(mode, "data") == 0 ? "data" : "managed", type, bname);
        if (!pmap_get(&m->blocks, key)) {
            block_loc *loc = own(m, xcalloc(1, sizeof *loc));
            *loc = (block_loc){rel, line, (int)(kw - bol) + 1};
            pmap_put(&m->blocks, key, loc);
        }
        free(key);
        free(mode);
        free(type);
        free(bname);
        start = ov[1] > start ? ov[1] : start + 1;
    }
    pcre2_match_data_free(md);
    sbuf_free(&text);
}

static void scan_dir(plan_srcmap *m, pcre2_code *re, module_dir *d)
{
    if (d->scanned || !d->abs)
        return;
    d->scanned = true;
    struct dirent **names;
    int n = scandir(d->abs, &names, tf_filter, alphasort);
    for (int i = 0; i < n; i++) {
        scan_file(m, re, d->abs, names[i]->d_name);
        free(names[i]);
    }
    if (n > 0)
        free(names);
}

/* ---- modules ------------------------------------------------------------------ */

static bool local_source(const char *src)
{
    return src && (strncmp(src, "./", 2) == 0 || strncmp(src, "../", 3) == 0 || strcmp(src, ".") == 0 ||
                   strcmp(src, "..") == 0);
}

static void add_modules(plan_srcmap *m, const json_t *module, const char *prefix, const char *dir)
{
    const char *name;
    const json_t *call;
    json_object_foreach((json_t *)json_object_get(module, "module_calls"), name, call) {
        char *path = *prefix ? xasprintf("%s.module.%s", prefix, name) : xasprintf("module.%s", name);
        const char *src = json_string_value(json_object_get(call, "source"));
        module_dir *d = own(m, xcalloc(1, sizeof *d));
        if (dir && local_source(src)) {
            char *joined = xasprintf("%s/%s", dir, src);
            d->abs = abs_path(joined);
            free(joined);
            if (d->abs)
                own(m, d->abs);
            else
                d->note = NOTE_NO_BLOCK;
        } else {
            d->note = NOTE_NOT_LOCAL;
        }
        pmap_put(&m->dirs, path, d);
        add_modules(m, json_object_get(call, "module"), path, d->abs);
        free(path);
    }
}

static void locate(plan_srcmap *m, pcre2_code *re, const plan_resource *r)
{
    if (!r->address || pmap_get(&m->by_address, r->address))
        return;
    plan_srcloc *loc = own(m, xcalloc(1, sizeof *loc));
    char *mpath = plan_module_path(r->module_address);
    module_dir *d = mpath ? (module_dir *)pmap_get(&m->dirs, mpath) : NULL;
    free(mpath);
    if (!d) {
        loc->note = NOTE_NO_MODULE;
    } else if (!d->abs) {
        loc->note = d->note;
    } else {
        scan_dir(m, re, d);
        char *key = xasprintf("%s\x1f%s.%s.%s", d->abs, r->is_data ? "data" : "managed", r->type, r->name);
        const block_loc *b = pmap_get(&m->blocks, key);
        free(key);
        if (b)
            *loc = (plan_srcloc){b->file, b->line, b->column, NULL};
        else
            loc->note = NOTE_NO_BLOCK;
    }
    pmap_put(&m->by_address, r->address, loc);
}

cir_code plan_srcmap_build(const plan *p, const char *source_dir, plan_srcmap **out, cir_err *err)
{
    *out = NULL;
    struct stat st;
    if (stat(source_dir, &st) != 0)
        return cir_error(err, CIR_EIO, source_dir, "cannot read the source directory: %s", strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return cir_error(err, CIR_EIO, source_dir, "--source-dir wants a directory of .tf files");
    char *abs = abs_path(source_dir);
    if (!abs)
        return cir_error(err, CIR_EIO, source_dir, "cannot resolve the source directory: %s", strerror(errno));
    pcre2_code *re = block_re();
    if (!re) {
        free(abs);
        return cir_error(err, CIR_EINTERNAL, "source map", "pattern does not compile");
    }
    plan_srcmap *m = xcalloc(1, sizeof *m);
    m->root = find_root(abs);
    module_dir *root = own(m, xcalloc(1, sizeof *root));
    root->abs = own(m, abs);
    pmap_put(&m->dirs, "", root);
    const json_t *conf = json_object_get(json_object_get(p->root, "configuration"), "root_module");
    add_modules(m, conf, "", abs);
    for (size_t i = 0; i < p->nresources; i++)
        locate(m, re, &p->resources[i]);
    for (size_t i = 0; i < p->ndrift; i++)
        locate(m, re, &p->drift[i]);
    pcre2_code_free(re);
    *out = m;
    return CIR_OK;
}

void plan_srcmap_find(const plan_srcmap *m, const char *address, plan_srcloc *out)
{
    const plan_srcloc *loc = address ? pmap_get(&m->by_address, address) : NULL;
    if (loc)
        *out = *loc;
    else
        *out = (plan_srcloc){NULL, 0, 0, NOTE_NOT_RESOURCE};
}

void plan_srcmap_free(plan_srcmap *m)
{
    if (!m)
        return;
    pmap_free(&m->dirs);
    pmap_free(&m->blocks);
    pmap_free(&m->by_address);
    for (size_t i = 0; i < m->nowned; i++)
        free(m->owned[i]);
    free(m->owned);
    free(m->root);
    free(m);
}
