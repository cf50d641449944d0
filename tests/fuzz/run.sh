#!/usr/bin/env bash
# tests/fuzz/run.sh BIN...: `make fuzz`.  For each harness: replay its saved
# regressions (tests/fuzz/regressions/NAME/), then fuzz for FUZZ_SECONDS
# seconds from a corpus seeded with the fixtures.  A crash leaves its input in
# build/fuzz/ (copy it to tests/fuzz/regressions/NAME/ with a note) and fails.
set -u
cd "$(dirname "$0")/../.." || exit 2
secs=${FUZZ_SECONDS:-30}
status=0
for bin in "$@"; do
  name=$(basename "$bin")
  corpus="build/fuzz/corpus-$name"
  mkdir -p "$corpus" "tests/fuzz/regressions/$name"
  # Seeds: fixtures and the sample corpus, cut to 16 KiB.
  if [ -z "$(ls -A "$corpus")" ]; then
    for f in tests/fixtures/*/*.txt tests/fixtures/*/*.md sample/*/*.txt sample/*/*.md; do
      [ -f "$f" ] && head -c 16384 "$f" > "$corpus/$(echo "$f" | tr '/' '_')"
    done
  fi
  regs=$(ls "tests/fuzz/regressions/$name" 2>/dev/null | grep -v README)
  if [ -n "$regs" ]; then
    if ! "$bin" $(printf "tests/fuzz/regressions/$name/%s " $regs) > "build/fuzz/$name.regress.log" 2>&1; then
      echo "fuzz $name: a saved regression fails (build/fuzz/$name.regress.log)"; status=1; continue
    fi
  fi
  log="build/fuzz/$name.log"
  if "$bin" -max_total_time="$secs" -dict=tests/fuzz/policytext.dict -max_len=65536 \
       -timeout=10 -rss_limit_mb=2048 -artifact_prefix="build/fuzz/$name-" -print_final_stats=1 \
       "$corpus" > "$log" 2>&1; then
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    echo "fuzz $name: ${secs}s, ${execs:-?} executions, no crash"
  else
    echo "fuzz $name: CRASH, see $log"; grep -E 'ERROR|SUMMARY|==[0-9]+==' "$log" | head -5
    status=1
  fi
done
exit $status
