/*
 * fuzz_common.h — what every libFuzzer harness in tests/fuzz/ shares: the
 * properties an output must have, a scratch directory, fixtures, and a
 * price cache filled from the bundled snapshot.
 *
 * A harness checks properties, not only crashes.  A property that does not
 * hold calls fz_fail(), which prints what and why and aborts, so libFuzzer
 * (or replay.c under `make check`) reports it as a crash and keeps the
 * input.  The properties:
 *   - every document is valid UTF-8 with no NUL byte;
 *   - a JSON document (JSON, SARIF) parses as JSON, with no duplicate key;
 *   - a Markdown table keeps its column count on every row (no cell text
 *     breaks out of its cell);
 *   - an XML document (JUnit) is well-formed;
 *   - an error has a code, a one-line message and a one-line topic, all
 *     valid UTF-8.
 *
 * Adding a writer to the escaping harness is one row in fuzz_writers.c's
 * table: a name, a document kind (FZ_JSON, FZ_SARIF, FZ_XML, FZ_MARKDOWN, FZ_TEXT, FZ_HTML)
 * and a function that renders the document for the fuzzed plan.
 */
#ifndef CIRCUIT_FUZZ_COMMON_H
#define CIRCUIT_FUZZ_COMMON_H

#include "pricing/pricing.h"
#include "src/core/err.h"
#include "src/core/sbuf.h"
#include "src/plan/plan.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* libFuzzer's entry points, which replay.c calls too. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

typedef enum fz_kind {
    FZ_TEXT,       /* terminal table or plain text: UTF-8, no NUL */
    FZ_MARKDOWN,   /* plus: tables keep their column count */
    FZ_JSON,       /* plus: parses as JSON without duplicate keys */
    FZ_SARIF,      /* JSON with version 2.1.0 and a runs array */
    FZ_XML,        /* well-formed XML 1.0: balanced tags, escaped text and attributes,
                      no character XML forbids */
    FZ_HTML        /* UTF-8, no NUL; its own checks come with the writer */
} fz_kind;

/* Prints "fuzz property failed: <what>: <why>" and aborts. */
_Noreturn void fz_fail(const char *what, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Checks a finished document of `kind`; `what` names the writer. */
void fz_check_doc(const char *what, fz_kind kind, const sbuf *doc);

/* Checks a JSON document like fz_check_doc and tells whether `want`
 * appears in one of its strings or keys once decoded. */
bool fz_json_has_text(const char *what, const sbuf *doc, const char *want);

/* Checks an error: a code, and topic and message that are one valid UTF-8
 * line each. */
void fz_check_error(const char *what, const cir_err *err, cir_code rc);

/* One-time setup a harness calls from LLVMFuzzerInitialize: silences
 * warnings, fixes the date, makes the scratch directory. */
void fz_setup(void);

/* A scratch directory (in /dev/shm when it exists), removed at exit. */
const char *fz_dir(void);

/* Writes `data` to fz_dir()/name and returns the path (static buffer). */
const char *fz_write_file(const char *name, const uint8_t *data, size_t size);

/* The path of a file under fixtures/ (FUZZ_ROOT, or the working
 * directory, is the repository). */
const char *fz_fixture(const char *rel);

/* Loads a fixture plan once per process (NULL when it cannot). */
plan *fz_fixture_plan(const char *rel);

/* The harness's own price cache in fz_dir(); lookups fill it from the
 * bundled snapshot as `circuit cost` does.  A harness calls
 * fz_cache_done() at the end of each input: the handle (and its memo)
 * lives on, but is closed and reopened every 1000 inputs, so memory stays
 * bounded and libFuzzer's per-input leak check rarely has to run. */
price_cache *fz_cache(void);
void fz_cache_done(void);

#endif
