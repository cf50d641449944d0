#!/usr/bin/env bash
# tests/eval/30-quotes.sh: quotes() against the PolNeAR gold (../shared),
# next to the naive baseline, with issue 4's floors on dev.  Skips with a
# message when ../shared is absent.
cd "$(dirname "$0")/../.." || exit 2
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/data/polnear" ]; then
  echo "skip eval/30-quotes: $SHARED/data/polnear is absent (a fresh clone has no ../shared)"
  exit 0
fi
# Python's sqlite3 must allow extension loading: the system python does.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
exec "$PY" tests/eval/score_quotes.py --so ./policytext --shared "$SHARED" --split train,dev \
  --floors "dev:0.97,0.92,0.93,0.80"
