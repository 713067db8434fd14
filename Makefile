# The two commands of the README, plus the long runs kept out of the test suite.
SWIFT ?= swift
PERIOD ?= 2026Q3
RELEASE_BIN := .build/release/outcome-eval

.PHONY: setup build report test faults bench profile fuzz clean

# Installs libxlsxwriter-dev from Debian when it is missing (apt-get as root; otherwise says how).
setup:
	@bash scripts/ensure-deps.sh

build: setup
	$(SWIFT) build -c release --product outcome-eval

# Evaluates Samples/ for $(PERIOD) into Reports/$(PERIOD)/, and the second contract,
# Samples/regions/, into Reports/regions/$(PERIOD)/.
report: build
	$(RELEASE_BIN) run --data Samples --indicators Indicators --period $(PERIOD) --out Reports
	$(RELEASE_BIN) run --data Samples/regions/data --indicators Samples/regions/Indicators --period $(PERIOD) --out Reports/regions

# The whole test suite (unit tests and tests that run the built binary on real files), then
# the auditors' promise: Reports/$(PERIOD) regenerated from Samples/ must match byte for byte,
# and so must Reports/regions/$(PERIOD) from Samples/regions/.
# The tests are XCTest; Swift Testing is off so that it does not close the output with
# "0 tests" after the XCTest summary.
test: setup
	$(SWIFT) build
	$(SWIFT) test --disable-swift-testing
	.build/debug/outcome-eval verify --data Samples --indicators Indicators --report Reports/$(PERIOD)
	.build/debug/outcome-eval verify --data Samples/regions/data --indicators Samples/regions/Indicators --report Reports/regions/$(PERIOD)

# The fault-injection sweep: an EIO at 60 output calls spread over a run and at every call of
# publication, with the one-step swap and with its two-rename fallback, each over a previous
# report (a few of them run in `make test`; about 3 min).
faults: setup
	$(SWIFT) build --build-tests
	FAULT_SPREAD=60 FAULT_PUBLICATION=all $(SWIFT) test --disable-swift-testing --filter FaultInjectionTests

# Speed and memory on a generated set (BENCH_PROJECTS=100 BENCH_SCALE=230: about 1 GB).
bench: build
	bash scripts/bench.sh

# Instruction counts with callgrind on a small set (repeatable; see BENCHMARKS.md).
profile: build
	bash scripts/profile.sh

# libFuzzer with the address sanitizer, FUZZ_SECONDS (60) per target (see Tests/Fuzz/README.md).
fuzz: setup
	bash scripts/fuzz.sh

clean:
	rm -rf .build
