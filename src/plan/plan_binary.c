/*
 * plan_binary.c — a saved binary plan (`terraform plan -out tfplan`, a zip
 * archive) is not JSON.  When terraform or tofu is on PATH we run
 * `<tool> show -json FILE` ourselves and read its stdout; otherwise the
 * error names the exact command the user should run.  The tool runs in the
 * current directory because `show` needs the initialised working directory
 * the plan was made in.  Its stderr goes to an unlinked temporary file;
 * when the tool fails, the first line of it (colours and terraform's box
 * drawing removed, cut to a bounded length) is quoted in our one-line
 * error, and the message says how to see the rest.
 */
#include "plan_internal.h"

#include "../core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

bool plan_is_zip(const char *data, size_t len)
{
    return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

/* True when an executable named `tool` is in a PATH directory. */
static bool on_path(const char *tool)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        return false;
    char *copy = xstrdup(path), *save = NULL;
    bool found = false;
    for (char *dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
        char *full = xasprintf("%s/%s", *dir ? dir : ".", tool);
        found = access(full, X_OK) == 0;
        free(full);
    }
    free(copy);
    return found;
}

/* Reads all of `fd` into a new buffer; false on a read error. */
static bool slurp(int fd, char **out, size_t *outlen)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (len == cap)
            buf = xgrow(buf, &cap, len + 1, 1);
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            free(buf);
            return false;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    *out = buf;
    *outlen = len;
    return true;
}

/* The first line of the tool's stderr worth showing, into `out` (size >= 8):
 * ANSI escapes, control characters and terraform's diagnostic frame
 * ("╷", "│", "╵") dropped, blank lines skipped, cut at a UTF-8 boundary.
 * "" when there is none. */
static void first_error_line(FILE *f, char *out, size_t size)
{
    char raw[8192];
    size_t n = 0;
    rewind(f);
    n = fread(raw, 1, sizeof raw - 1, f);
    raw[n] = '\0';
    out[0] = '\0';
    size_t len = 0;
    for (size_t i = 0; i < n && len == 0; i++) {
        for (; i < n && raw[i] != '\n'; i++) {
            unsigned char c = (unsigned char)raw[i];
            if (c == 0x1b) {                        /* ESC [ ... final */
                if (i + 1 < n && raw[i + 1] == '[')
                    for (i += 2; i < n && !(raw[i] >= 0x40 && raw[i] <= 0x7e); i++)
                        ;
                continue;
            }
            if (c == 0xe2 && i + 2 < n && ((unsigned char)raw[i + 1] == 0x94 ||
                                           (unsigned char)raw[i + 1] == 0x95)) {
                i += 2;                             /* U+2500..U+257F box drawing */
                continue;
            }
            if (c < 0x20 || c == 0x7f || ((c == ' ' || c == '\t') && len == 0))
                continue;
            if (len + 1 >= size)
                continue;
            out[len++] = (char)c;
        }
        while (len > 0 && out[len - 1] == ' ')
            len--;
    }
    /* A cut mid-character would leave an invalid UTF-8 tail. */
    size_t cont = 0;
    while (cont < len && cont < 4 && ((unsigned char)out[len - 1 - cont] & 0xc0) == 0x80)
        cont++;
    if (cont == len) {
        len = 0;
    } else {
        unsigned char lead = (unsigned char)out[len - 1 - cont];
        size_t need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
        if (need != cont)
            len -= cont + (lead >= 0xc0 ? 1 : 0);
    }
    out[len] = '\0';
}

/* Runs `tool show -json path`; returns the exit status (or -1) and stdout;
 * on a non-zero exit, `why` gets the first line of its stderr. */
static int run_show(const char *tool, const char *path, char **out, size_t *outlen, char *why,
                    size_t why_size)
{
    why[0] = '\0';
    FILE *errf = tmpfile();
    int pipefd[2];
    if (pipe(pipefd) != 0) {
        if (errf)
            fclose(errf);
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDOUT_FILENO);
    if (errf)
        posix_spawn_file_actions_adddup2(&fa, fileno(errf), STDERR_FILENO);
    else
        posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclose(&fa, pipefd[0]);
    posix_spawn_file_actions_addclose(&fa, pipefd[1]);
    char *argv[] = {(char *)tool, "show", "-json", (char *)path, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, tool, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(pipefd[1]);
    if (rc != 0) {
        close(pipefd[0]);
        if (errf)
            fclose(errf);
        return -1;
    }
    bool ok = slurp(pipefd[0], out, outlen);
    close(pipefd[0]);
    int status;
    int waited;
    while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
        ;
    if (waited < 0 || !ok) {
        if (ok)
            free(*out);
        *out = NULL;
        if (errf)
            fclose(errf);
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        free(*out);
        *out = NULL;
        if (errf)
            first_error_line(errf, why, why_size);
    }
    if (errf)
        fclose(errf);
    if (!WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

cir_code plan_binary_show(const char *path, const char *name, char **out, size_t *outlen,
                          cir_err *err)
{
    *out = NULL;
    *outlen = 0;
    const char *tool = on_path("terraform") ? "terraform" : on_path("tofu") ? "tofu" : NULL;
    if (!tool)
        return cir_error(err, CIR_EINPUT, name,
                         "a binary plan file, not JSON, and neither terraform nor tofu is on PATH: "
                         "run `terraform show -json %s > plan.json` (or `tofu show -json %s`) "
                         "and pass plan.json", path, path);
    char why[200];
    int rc = run_show(tool, path, out, outlen, why, sizeof why);
    if (rc < 0 && why[0])
        return cir_error(err, CIR_EINPUT, name, "a binary plan file; `%s show -json %s` failed: %s",
                         tool, path, why);
    if (rc < 0)
        return cir_error(err, CIR_EINPUT, name,
                         "a binary plan file; could not run `%s show -json %s`", tool, path);
    if (rc > 0 && why[0])
        return cir_error(err, CIR_EINPUT, name,
                         "a binary plan file; `%s show -json %s` failed (exit %d): %s (run it in the "
                         "plan's working directory for the rest)", tool, path, rc, why);
    if (rc > 0)
        return cir_error(err, CIR_EINPUT, name,
                         "a binary plan file; `%s show -json %s` failed (exit %d): run it in the "
                         "plan's working directory to see why", tool, path, rc);
    return CIR_OK;
}
