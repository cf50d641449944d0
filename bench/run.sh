#!/usr/bin/env bash
# bench/run.sh: `make bench` runs every bench/*.sh (each prints its own
# table of MB/s next to SQLite floors measured in the same run).
cd "$(dirname "$0")/.." || exit 2
status=0
for b in bench/[0-9]*.sh; do
  [ -f "$b" ] || continue
  bash "$b" || status=1
done
exit $status
