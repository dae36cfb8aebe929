/*
 * risk_render.h — a risk_report as text: the `circuit check` table, the
 * circuit.check/v1 JSON document, and SARIF 2.1.0 for code scanning.
 *
 * Renderers append to an sbuf and never fail, except SARIF, which reads the
 * plan files again to point each result at its line.  None of them prints
 * anything a finding does not already hold, so no sensitive value can appear.
 */
#ifndef CIRCUIT_RISK_RENDER_H
#define CIRCUIT_RISK_RENDER_H

#include "../core/sbuf.h"
#include "risk.h"

#include <stdbool.h>

/* Columns SEVERITY RULE RESOURCE ATTRIBUTE MESSAGE (PLAN first when
 * several), the suppressions, and a count line.  `color` adds ANSI colour. */
void risk_render_table(const risk_report *rep, size_t nplans, bool color, sbuf *out);

/* {"schema": "circuit.check/v1", "plans": [...], "findings": [{rule, area,
 *  severity, title, address, attribute, message, remediation, checkov,
 *  trivy, plan}], "suppressed": [{rule, severity, address, attribute,
 *  message, how, plan}], "counts": {...}, and "not_reviewed" when the
 *  plans hold providers other than AWS} followed by a newline. */
void risk_render_json(const risk_report *rep, plan *const *plans, size_t nplans, sbuf *out);


/* SARIF 2.1.0, one run.  `paths` are the plan arguments as given (NULL or
 * "-" for stdin), read again to find each address's line; `uris` (NULL:
 * use `paths`) are the names to print for them, relative to the repository
 * root.  A located finding (risk_report_locate) points at its .tf block
 * instead; one that could not be located carries a locationNote.  URIs
 * are percent-encoded, leading "./" dropped, with uriBaseId %SRCROOT%. */
void risk_render_sarif(const risk_report *rep, plan *const *plans, const char *const *paths,
                       const char *const *uris, size_t nplans, const char *tool_version, sbuf *out);

/* JUnit XML: one testsuite per plan, one testcase per rule × resource it
 * applies to (classname rule id, name address; file and line when the
 * report was located).  Findings of `threshold` or worse are failures,
 * milder ones pass with a note in system-out, suppressed ones are skipped.
 * `rs` is the rule set the report was checked with. */
void risk_render_junit(const risk_report *rep, const risk_ruleset *rs, plan *const *plans, size_t nplans,
                       risk_severity threshold, sbuf *out);

/* The stable fingerprint of a finding: 16 hex digits of FNV-1a over rule,
 * address and attribute. */
void risk_fingerprint(const char *rule, const char *address, const char *attribute, char out[17]);

#endif
