# circuit — build, test, benchmark, install.
#
#   make            build build/circuit
#   make check      build and run every test (unit, end-to-end, corpus), then
#                   re-plan the terraform scenarios and compare (skipped with a
#                   note when terraform or the AWS provider is missing;
#                   SCENARIOS=0 skips it on purpose)
#   make scenarios  re-plan tests/scenarios/* into fixtures/scenarios/*.json
#   make asan       the whole suite under AddressSanitizer + UBSan
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
ifeq ($(SAN),1)
OPT     := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDSAN   := -fsanitize=address,undefined
else
OPT     := -O2 -g
LDSAN   :=
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

.PHONY: all check unit e2e asan bench review install clean deps scenarios scenarios-check docs FORCE

all: $(BUILD)/circuit

deps: $(DEPS_STAMP)

$(DEPS_STAMP):
	@mkdir -p $(BUILD)
	@pkg-config --exists $(PKGS) $(TESTPKG) && command -v jq >/dev/null && command -v python3 >/dev/null \
	  && python3 -c 'import jsonschema, yaml' 2>/dev/null && command -v cmark-gfm >/dev/null \
	  && command -v chromium >/dev/null && [ -x /usr/bin/time ] || ./scripts/install-deps.sh
	@touch $@

$(BUILD)/obj/%.o: %.c | $(DEPS_STAMP)
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

$(BUILD)/circuit: $(OBJS)
	$(CC) $(LDFLAGS_ALL) -o $@ $(OBJS) $(PKG_LIBS) -lm

$(BUILD)/test-unit: $(LIB_OBJS) $(UNIT_OBJS)
	$(CC) $(LDFLAGS_ALL) -o $@ $(LIB_OBJS) $(UNIT_OBJS) $(PKG_LIBS) $(TEST_LIBS) -lm

SCENARIOS ?= 1

check: $(BUILD)/circuit $(BUILD)/test-unit
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
	rm -rf build build-asan

-include $(OBJS:.o=.d) $(UNIT_OBJS:.o=.d)
