#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets with the address sanitizer and runs each for
# FUZZ_SECONDS (default 60) from Tests/Fuzz/corpus. A crash stops with the input saved in
# .build-fuzz/crashes/; keep it under Tests/Fuzz/regressions/<target>/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
swift build -c release --product outcome-eval-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
fuzzer=.build-fuzz/release/outcome-eval-fuzz
mkdir -p .build-fuzz/crashes
for target in csv chunks encoding expression definition numbers; do
  work=.build-fuzz/corpus/$target
  mkdir -p "$work"
  echo "fuzzing $target for $seconds s..." >&2
  # libFuzzer checks each input for leaks (-detect_leaks, on by default). The check at exit is
  # off: it reports the definitions compiled once at start-up and kept to the end (a constant
  # 6,670 bytes whatever the number of runs), not a leak of any input.
  ASAN_OPTIONS=leak_check_at_exit=0 FUZZ_TARGET=$target FUZZ_INDICATORS=Indicators "$fuzzer" "$work" "Tests/Fuzz/corpus/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix=".build-fuzz/crashes/$target-" -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|Done|==.*ERROR|SUMMARY)" || true
  if ls .build-fuzz/crashes/$target-* >/dev/null 2>&1; then
    echo "fuzz: $target found a problem: $(ls .build-fuzz/crashes/$target-*)" >&2
    exit 1
  fi
done
echo "fuzz: all targets ran $seconds s each with no crash" >&2
