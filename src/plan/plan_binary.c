/*
 * plan_binary.c — a saved binary plan (`terraform plan -out tfplan`, a zip
 * archive) is not JSON.  When terraform or tofu is on PATH we run
 * `<tool> show -json FILE` ourselves and read its stdout; otherwise the
 * error names the exact command the user should run.  The tool runs in the
 * current directory because `show` needs the initialised working directory
 * the plan was made in.  Its stderr is discarded: terraform's multi-line
 * diagnostics would break the one-line error rule; the message says how to
 * see them.
 */
#include "plan_internal.h"

#include "../core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
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

/* Runs `tool show -json path`; returns the exit status (or -1) and stdout. */
static int run_show(const char *tool, const char *path, char **out, size_t *outlen)
{
    int pipefd[2];
    if (pipe(pipefd) != 0)
        return -1;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDOUT_FILENO);
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
        return -1;
    }
    bool ok = slurp(pipefd[0], out, outlen);
    close(pipefd[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (!ok)
        return -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        free(*out);
        *out = NULL;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return 0;
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
    int rc = run_show(tool, path, out, outlen);
    if (rc < 0)
        return cir_error(err, CIR_EINPUT, name,
                         "a binary plan file; could not run `%s show -json %s`", tool, path);
    if (rc > 0)
        return cir_error(err, CIR_EINPUT, name,
                         "a binary plan file; `%s show -json %s` failed (exit %d): run it in the "
                         "plan's working directory to see why", tool, path, rc);
    return CIR_OK;
}
