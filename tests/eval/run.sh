#!/usr/bin/env bash
# tests/eval/run.sh: `make eval` runs every tests/eval/[0-9]*.sh, each of
# which scores one function against ../shared data and skips with a message
# when ../shared is absent.
cd "$(dirname "$0")/../.." || exit 2
status=0
for e in tests/eval/[0-9]*.sh; do
  [ -f "$e" ] || continue
  bash "$e" || status=1
done
exit $status
