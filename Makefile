# Front door: `make run` and `make test` (see README.md). Everything else is a convenience.
.PHONY: deps build run test deb install static test-sanitize test-clang fuzz fuzz-ci bench docs format clean

BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

deps:
	@bash scripts/setup-deps.sh

$(BUILD)/build.ninja:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS)

# Builds only the binary (not the tests, the man page or the completions), then lints the
# bundled example; findings (exit 1) are the point, a tool error (exit 2) fails.
run: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS) --target shipshape
	@echo "$$ shipshape lint examples/Dockerfile"
	@$(BUILD)/shipshape lint examples/Dockerfile; rc=$$?; \
	  echo "(exit $$rc: 0 = nothing found, 1 = findings, 2 = error)"; [ $$rc -le 1 ]

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The Debian package, $(BUILD)/package/shipshape_<version>_<arch>.deb (cmake/packaging.cmake):
# the binary (glibc shared, the rest static), its man page and completions, README, changelog
# and copyright. `make test` checks it with lintian and runs it from an extracted root.
deb: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS) --target shipshape shipshape_docs shipshape_doc_files
	@cd $(BUILD) && cpack -G DEB >/dev/null
	@ls $(BUILD)/package/*.deb

# Installs the binary, man page, completions and docs under PREFIX (cmake --install, stripped).
PREFIX ?= /usr/local
install: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS) --target shipshape shipshape_docs shipshape_doc_files
	@cmake --install $(BUILD) --strip --prefix $(PREFIX)

# A fully static binary (no shared library at all, glibc included), build-static/shipshape:
# it runs on any x86-64 Linux. The container image builds the same way.
static: deps
	@cmake -S . -B build-static -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHIPSHAPE_LINK=static \
	  -DBUILD_TESTING=OFF >/dev/null
	@cmake --build build-static -j $(JOBS) --target shipshape

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, built with clang++.
# -O1 with line tables is what ASan's reports need and builds a third faster than -O2 -g; the
# per-process corpus test checks every 8th file here (every file in `make test`).
# SHIPSHAPE_FUZZ=ON adds libFuzzer's coverage instrumentation and the fuzz targets, so `make
# fuzz` and `make fuzz-ci` reuse this build instead of compiling the library a third time.
SANITIZE_CONFIGURE = CXX=clang++ cmake -S . -B build-sanitize -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
	  -DSHIPSHAPE_SANITIZE=ON -DSHIPSHAPE_FUZZ=ON >/dev/null
test-sanitize: deps
	@$(SANITIZE_CONFIGURE)
	@cmake --build build-sanitize -j $(JOBS)
	@cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  SHIPSHAPE_CLI_CORPUS_STRIDE=8 ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (fuzz/, docs/ARCHITECTURE.md "Reliability"), one after another for
# FUZZ_SECONDS each, in the sanitizer build. Corpus in build-fuzz/corpus/<target>, crashes in
# build-fuzz/crashes/<target>/; fails (printing the reproducers) when a target finds one.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz: deps
	@$(SANITIZE_CONFIGURE)
	@cmake --build build-sanitize -j $(JOBS) --target fuzzers
	@bash scripts/fuzz.sh build-sanitize $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# CI's short run: 4 s per target from 100 corpus files plus the other seeds, in a corpus of its
# own rebuilt each time (seeding takes the time a grown corpus would), after test-sanitize.
fuzz-ci:
	@FUZZ_SEED_CAP=100 FUZZ_CORPUS=build-fuzz/ci-corpus FUZZ_FRESH=1 \
	  $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=4

# Plain clang++ build with warnings as errors (the sanitizer build covers it in CI).
test-clang: deps
	@CXX=clang++ cmake -S . -B build-clang -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build-clang -j $(JOBS)
	@cd build-clang && ctest --output-on-failure -j $(JOBS)

# Microbenchmarks per stage (Google Benchmark), shipshape side by side with the peers
# (bench/compare.sh installs them into ~/.cache/shipshape-bench), then each performance target
# beside what it measures (bench/targets.sh); see docs/performance.md.
bench: deps
	@bash scripts/setup-deps.sh --bench
	@cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHIPSHAPE_BENCH=ON >/dev/null
	@cmake --build build-bench -j $(JOBS)
	@build-bench/shipshape_bench
	@bash bench/compare.sh build-bench/shipshape
	@bash bench/targets.sh build-bench

# Regenerates docs/rules/ from the rules' metadata (a test fails when they are stale).
docs: build
	@$(BUILD)/shipshape rules --write-docs docs/rules

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf build build-sanitize build-clang build-bench build-fuzz build-static
