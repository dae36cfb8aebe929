/*
 * test_plan_robust.c — the plan reader against input found by fuzzing:
 * duplicate keys, \u0000 and lone surrogates in the parts it only checks,
 * text in UTF-16 or UTF-32, endless streams, and numbers too big to be an
 * index.
 */
#include "test_plan_util.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#define RC "\"resource_changes\":[]"

static void expect(const char *json, size_t len, cir_code code, const char *part)
{
    plan_load_opts o = {.quiet = true};
    plan *p = NULL;
    cir_err err;
    cir_err_clear(&err);
    cir_code rc = plan_load_buffer("test.json", json, len, &o, &p, &err);
    cr_assert_null(p, "loaded, but want \"%s\"", part);
    cr_assert_eq(rc, code, "code %d (%s)", rc, err.msg);
    cr_assert_not_null(strstr(err.msg, part), "message \"%s\" lacks \"%s\"", err.msg, part);
}

#define EXPECT(json, code, part) expect(json, sizeof json - 1, code, part)

Test(plan_robust, duplicate_keys_are_refused_at_every_depth)
{
    /* "last one wins" would turn this no-op into a destroy */
    EXPECT("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\",\"type\":\"a\","
           "\"name\":\"b\",\"change\":{\"actions\":[\"no-op\"],\"actions\":[\"delete\"]}}]}",
           CIR_EPARSE, "duplicate object key");
    EXPECT("{\"format_version\":\"1.2\"," RC "," RC "}", CIR_EPARSE, "duplicate object key at line 1");
    EXPECT("{\"format_version\":\"1.2\",\"planned_values\":{},\"planned_values\":{}," RC "}",
           CIR_EPARSE, "duplicate object key");
}

Test(plan_robust, checked_parts_refuse_what_read_parts_refuse)
{
    EXPECT("{\"format_version\":\"1.2\",\"planned_values\":{\"a\":\"\\u0000\"}," RC "}", CIR_EPARSE,
           "\\u0000 is not allowed");
    EXPECT("{\"format_version\":\"1.2\",\"prior_state\":{\"a\":\"\\ud800\"}," RC "}", CIR_EPARSE,
           "lone high surrogate");
    EXPECT("{\"format_version\":\"1.2\",\"prior_state\":{\"a\":\"\\ud800\\u0041\"}," RC "}",
           CIR_EPARSE, "lone high surrogate");
    EXPECT("{\"format_version\":\"1.2\",\"planned_values\":{\"\\udfff\":1}," RC "}", CIR_EPARSE,
           "lone low surrogate");
    /* and the same in resource_changes, which jansson reads */
    EXPECT("{\"format_version\":\"1.2\",\"resource_changes\":[\"\\u0000\"]}", CIR_EPARSE, "not JSON");
    /* a proper pair is fine */
    plan *p = load_ok("{\"format_version\":\"1.2\",\"planned_values\":{\"a\":\"\\ud83d\\ude00\"}," RC "}");
    plan_free(p);
}

Test(plan_robust, utf16_and_utf32_are_named)
{
    static const char be[] = "\0{\0\"\0a\0\"\0:\0 \0""1\0}";
    expect(be, sizeof be - 1, CIR_EINPUT, "UTF-16BE text, not UTF-8");
    static const char le[] = "{\0\"\0a\0\"\0:\0 \0""1\0}\0";
    expect(le, sizeof le - 1, CIR_EINPUT, "UTF-16LE text");
    static const char bom_le[] = "\xff\xfe{\0}\0";
    expect(bom_le, sizeof bom_le - 1, CIR_EINPUT, "UTF-16LE");
    static const char bom_be[] = "\xfe\xff\0{\0}";
    expect(bom_be, sizeof bom_be - 1, CIR_EINPUT, "UTF-16BE");
    static const char u32[] = "\xff\xfe\0\0{\0\0\0}\0\0\0";
    expect(u32, sizeof u32 - 1, CIR_EINPUT, "UTF-32LE");
    /* the message says how to convert */
    expect(be, sizeof be - 1, CIR_EINPUT, "iconv -f UTF-16BE -t UTF-8");
}

Test(plan_robust, an_index_must_be_a_count)
{
    EXPECT("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b[0]\",\"type\":\"a\","
           "\"name\":\"b\",\"index\":1e308,\"change\":{\"actions\":[\"create\"],\"before\":null,"
           "\"after\":{}}}]}",
           CIR_EINPUT, "index: expected an integer or a string");
    plan *p = load_ok("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b[3]\",\"type\":"
                      "\"a\",\"name\":\"b\",\"index\":3.0,\"change\":{\"actions\":[\"create\"],"
                      "\"before\":null,\"after\":{}}}]}");
    plan_free(p);
}

/* Feeds `total` bytes of `byte` to plan_load("-") through a pipe from a
 * child process; returns the loader's error. */
static cir_err load_stream(char byte, size_t total, size_t limit)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        char buf[4096];
        memset(buf, byte, sizeof buf);
        for (size_t sent = 0; sent < total;) {
            ssize_t n = write(fds[1], buf, total - sent < sizeof buf ? total - sent : sizeof buf);
            if (n <= 0)
                _exit(0); /* the reader stopped: that is the point */
            sent += (size_t)n;
        }
        _exit(0);
    }
    close(fds[1]);
    int saved = dup(STDIN_FILENO);
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
    plan_load_opts o = {.quiet = true, .max_stream = limit};
    plan *p = NULL;
    cir_err err;
    cir_err_clear(&err);
    plan_load("-", &o, &p, &err);
    dup2(saved, STDIN_FILENO);
    close(saved);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    cr_assert_null(p);
    return err;
}

Test(plan_robust, streams_have_a_cap)
{
    signal(SIGPIPE, SIG_IGN);
    /* an endless stream of something that is not NUL stops at the cap */
    cir_err e = load_stream(' ', (size_t)1 << 30, (size_t)1 << 20);
    cr_assert_eq(e.code, CIR_EINPUT, "%s", e.msg);
    cr_assert_str_eq(e.topic, "stdin");
    cr_assert(strstr(e.msg, "more than 1 MiB from a pipe or device: not a plan"), "%s", e.msg);
    /* zeros (/dev/zero) stop at once */
    e = load_stream('\0', (size_t)1 << 30, 0);
    cr_assert(strstr(e.msg, "only NUL bytes"), "%s", e.msg);
}
