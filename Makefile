# circuit — build, test, benchmark, install.
#
#   make            build build/circuit
#   make check      build and run every test (unit, end-to-end, corpus), then
#                   re-plan the terraform scenarios and compare (skipped with a
#                   note when terraform or the AWS provider is missing;
#                   SCENARIOS=0 skips it on purpose)
#   make scenarios  re-plan tests/scenarios/* into fixtures/scenarios/*.json
#   make asan       the whole suite under AddressSanitizer + UBSan (gcc; jansson
#                   built from source with the same flags, scripts/jansson-san.sh)
#   make ubsan      the whole suite under clang's UBSan (float-to-integer overflow,
#                   NULL + 0 and the other checks gcc's UBSan lacks)
#   make fuzz       every libFuzzer harness in tests/fuzz/ for FUZZ_SECONDS each
#                   (default 60) under clang with ASan + UBSan; see tests/fuzz/README.md
#   make bench      the benchmarks (see scripts/bench.sh)
#   make review     the main job on a bundled fixture plan
#   make install PREFIX=/usr/local   binary, man page circuit.1, bash completion
#   make docs       regenerate docs/commands.md, docs/rules.md, the man page and completion
#
# Libraries come from pkg-config; when one is missing the Makefile runs
# scripts/install-deps.sh first (apt-get, idempotent).

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
SAN     ?=
PKGS    := jansson libcurl sqlite3 libpcre2-8 zlib
TESTPKG := criterion

# Recursive (=) on purpose: pkg-config runs only after the deps stamp.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
TEST_LIBS  = $(shell pkg-config --libs $(TESTPKG))

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wno-format-nonliteral
# SAN=1: ASan + UBSan; SAN=ubsan: UBSan alone (meant for clang, whose
# "undefined" group includes float-cast-overflow); SAN=fuzz: clang, ASan +
# UBSan + libFuzzer coverage, for tests/fuzz.  Each sanitized build links a
# jansson built from source with the same flags (scripts/jansson-san.sh),
# so a freed json_t read inside jansson is caught too.
ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined
else ifeq ($(SAN),ubsan)
SANFLAGS := -fsanitize=undefined -fno-sanitize-recover=undefined
else ifeq ($(SAN),fuzz)
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link \
            -DCIRCUIT_FUZZING
else ifeq ($(SAN),fuzzfast)
# The long campaigns' build (tests/fuzz/campaign.sh): UBSan with
# libFuzzer at -O2, several times the executions of ASan per core; the
# corpus it grows is replayed under SAN=fuzz afterwards, so ASan still sees
# every input that reached new code.
SANFLAGS := -fsanitize=undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link \
            -DCIRCUIT_FUZZING
endif
ifneq ($(SAN),)
OPT     := $(if $(filter fuzzfast,$(SAN)),-O2,-O1) -g -fno-omit-frame-pointer $(SANFLAGS)
LDSAN   := $(filter-out -fsanitize=fuzzer-no-link -DCIRCUIT_FUZZING,$(SANFLAGS))
JANSSON := $(BUILD)/jansson
JANSSON_LIB := $(JANSSON)/libjansson.a
PKG_CFLAGS = -I$(JANSSON)/include $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(JANSSON_LIB) $(shell pkg-config --libs $(filter-out jansson,$(PKGS)))
else
OPT     := -O2 -g
LDSAN   :=
JANSSON_LIB :=
endif
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(WARN) $(OPT) $(PKG_CFLAGS) -I. $(CFLAGS)
LDFLAGS_ALL = $(LDSAN) $(LDFLAGS)

SRCS      := $(shell find src pricing -name '*.c' | LC_ALL=C sort)
LIB_SRCS  := $(filter-out src/main.c,$(SRCS))
OBJS      := $(SRCS:%.c=$(BUILD)/obj/%.o)
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_SRCS := $(shell find tests/unit -name '*.c' 2>/dev/null | LC_ALL=C sort)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(BUILD)/obj/%.o)
SNAPSHOT  := $(shell find pricing/snapshot -name '*.csv' 2>/dev/null | LC_ALL=C sort)
SNAPSHOT_GZ := $(SNAPSHOT:pricing/snapshot/%=$(BUILD)/gen/snapshot/%.gz)
DEPS_STAMP := $(BUILD)/.deps-ok

.PHONY: all check unit e2e asan ubsan fuzz fuzz-build fuzz-replay bench review install clean deps \
        scenarios scenarios-check docs FORCE

all: $(BUILD)/circuit

deps: $(DEPS_STAMP)

$(DEPS_STAMP):
	@mkdir -p $(BUILD)
	@pkg-config --exists $(PKGS) $(TESTPKG) && command -v jq >/dev/null && command -v python3 >/dev/null \
	  && python3 -c 'import jsonschema, yaml' 2>/dev/null && command -v cmark-gfm >/dev/null \
	  && command -v chromium >/dev/null && [ -x /usr/bin/time ] || ./scripts/install-deps.sh
	@touch $@

ifneq ($(JANSSON_LIB),)
# Sanitized like the rest, but without libFuzzer's coverage: the fuzzer
# should explore circuit, not jansson's lexer (which also made it 3x slower).
$(JANSSON_LIB): scripts/jansson-san.sh | $(DEPS_STAMP)
	./scripts/jansson-san.sh $(JANSSON) "$(CC)" "$(filter-out -fsanitize=fuzzer-no-link,$(OPT))"
endif

$(BUILD)/obj/%.o: %.c | $(DEPS_STAMP) $(JANSSON_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

# The snapshot is embedded in the binary, gzip-compressed (pricing/snapshot.c
# includes the generated file), so it must be rebuilt when a CSV changes.
# gzip -n leaves out the name and time, so the bytes depend on the CSV alone.
$(BUILD)/gen/snapshot/%.gz: pricing/snapshot/%
	@mkdir -p $(dir $@)
	@gzip -9 -n -c $< >$@.tmp && mv $@.tmp $@

$(BUILD)/gen/snapshot_data.h: $(SNAPSHOT) $(SNAPSHOT_GZ) scripts/embed-snapshot.sh | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "embed-snapshot: $(words $(SNAPSHOT)) files -> $@"
	@./scripts/embed-snapshot.sh $@ $(BUILD)/gen/snapshot $(SNAPSHOT)

$(BUILD)/obj/pricing/snapshot.o: $(BUILD)/gen/snapshot_data.h $(SNAPSHOT_GZ)
$(BUILD)/obj/pricing/snapshot.o: CFLAGS_ALL += -I$(BUILD)/gen

# The cost-model registry lists the files under src/cost/models/ (each ends
# with a COST_MODEL_LIST line); regenerated every run, rewritten only when
# the list changes.
MODEL_SRCS := $(sort $(wildcard src/cost/models/*.c))
$(BUILD)/gen/cost_models_list.h: FORCE | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@./scripts/gen-model-list.sh $@ $(MODEL_SRCS)

$(BUILD)/obj/src/cost/cost_registry.o: $(BUILD)/gen/cost_models_list.h
$(BUILD)/obj/src/cost/cost_registry.o: CFLAGS_ALL += -I$(BUILD)/gen

FORCE:

$(BUILD)/circuit: $(OBJS) $(JANSSON_LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(OBJS) $(PKG_LIBS) -lm

$(BUILD)/test-unit: $(LIB_OBJS) $(UNIT_OBJS) $(JANSSON_LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(LIB_OBJS) $(UNIT_OBJS) $(PKG_LIBS) $(TEST_LIBS) -lm

# ---- fuzzing (tests/fuzz) ---------------------------------------------------
# Each tests/fuzz/fuzz_NAME.c is a libFuzzer harness.  Under SAN=fuzz it
# links with libFuzzer; in every other build it links with replay.c, a
# main() that runs the harness on files, so `make check` replays the seeds
# and every input that ever crashed (tests/fuzz/regressions/NAME/).
FUZZ_SRCS    := $(filter-out tests/fuzz/fuzz_common.c,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_NAMES   := $(FUZZ_SRCS:tests/fuzz/fuzz_%.c=%)
FUZZ_SUPPORT := $(BUILD)/obj/tests/fuzz/fuzz_common.o
ifneq ($(filter fuzz fuzzfast,$(SAN)),)
FUZZ_MAIN    :=
FUZZ_LINK    := -fsanitize=fuzzer
else
FUZZ_MAIN    := $(BUILD)/obj/tests/fuzz/replay.o
FUZZ_LINK    :=
endif
FUZZ_BINS    := $(FUZZ_NAMES:%=$(BUILD)/fuzz/%)

$(BUILD)/fuzz/%: $(BUILD)/obj/tests/fuzz/fuzz_%.o $(FUZZ_SUPPORT) $(FUZZ_MAIN) $(LIB_OBJS) $(JANSSON_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS_ALL) $(FUZZ_LINK) -o $@ $< $(FUZZ_SUPPORT) $(FUZZ_MAIN) $(LIB_OBJS) $(PKG_LIBS) -lm

fuzz-build: $(FUZZ_BINS)

.SECONDARY: $(FUZZ_SRCS:%.c=$(BUILD)/obj/%.o) $(FUZZ_SUPPORT) $(FUZZ_MAIN)

# The property checks are the referee, not the target: no coverage there.
$(FUZZ_SUPPORT): OPT := $(filter-out -fsanitize=fuzzer-no-link,$(OPT))

# The campaign build keeps edge coverage in the text builders but not their
# per-byte comparison hooks, which took a third of each rules or writers
# execution (perf: tests/fuzz/README.md); the fuzzer learns nothing from
# `c == '"'` that the dictionaries do not already say.
ifeq ($(SAN),fuzzfast)
$(BUILD)/obj/src/core/sbuf.o $(BUILD)/obj/src/core/utf8.o $(BUILD)/obj/src/core/mem.o: OPT += -fno-sanitize-coverage=trace-cmp
endif

# Replays the seed corpora and the regression inputs through every harness.
fuzz-replay: $(FUZZ_BINS)
	BUILD=$(BUILD) ./tests/fuzz/replay.sh

FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) BUILD=build-fuzz SAN=fuzz CC=clang fuzz-build
	BUILD=build-fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) ./tests/fuzz/run.sh $(FUZZ_ONLY)

SCENARIOS ?= 1

# The fault tests stop circuit at exact points of its cache work with an
# LD_PRELOAD library (tests/support/pause.c), built plain in every build.
PAUSE_LIB := $(BUILD)/lib/pause.so
$(PAUSE_LIB): tests/support/pause.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O1 -g -fPIC -shared $(shell pkg-config --cflags sqlite3) \
	  -o $@ $< -ldl

check: $(BUILD)/circuit $(BUILD)/test-unit $(FUZZ_BINS) $(PAUSE_LIB)
	BUILD=$(BUILD) ./tests/run-all.sh
ifneq ($(SCENARIOS),0)
	BUILD=$(BUILD) ./scripts/scenarios.sh check
endif

scenarios: | $(DEPS_STAMP)
	./scripts/scenarios.sh gen

scenarios-check: | $(DEPS_STAMP)
	./scripts/scenarios.sh check

unit: $(BUILD)/test-unit
	./$(BUILD)/test-unit

e2e: $(BUILD)/circuit
	BUILD=$(BUILD) ./tests/e2e/run.sh

asan:
	$(MAKE) BUILD=build-asan SAN=1 SCENARIOS=0 check

ubsan:
	$(MAKE) BUILD=build-ubsan SAN=ubsan CC=clang SCENARIOS=0 check

bench: $(BUILD)/circuit | $(DEPS_STAMP)
	BUILD=$(BUILD) ./scripts/bench.sh

# The review of the bundled example; its price cache lives under $(BUILD)
# and fills itself from the embedded snapshot, so it works offline.
review: $(BUILD)/circuit
	./$(BUILD)/circuit review --cache $(BUILD)/review-cache.db fixtures/plans/web-stack.json

# The man page and completion are generated from the binary's tables
# (scripts/gen-docs.py) and committed; a test fails when they drift.
install: $(BUILD)/circuit
	install -D -m 0755 $(BUILD)/circuit $(DESTDIR)$(PREFIX)/bin/circuit
	install -D -m 0644 docs/circuit.1 $(DESTDIR)$(PREFIX)/share/man/man1/circuit.1
	install -D -m 0644 docs/circuit.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/circuit

docs: $(BUILD)/circuit
	./scripts/gen-docs.py --binary $(BUILD)/circuit

clean:
	rm -rf build build-asan build-ubsan build-fuzz build-fuzzfast build-clang build-deps

-include $(OBJS:.o=.d) $(UNIT_OBJS:.o=.d) $(wildcard $(BUILD)/obj/tests/fuzz/*.d)
