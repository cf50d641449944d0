#!/usr/bin/env bash
# tests/eval/50-topics.sh: topics() against CAP topic coding (make eval).
#
# Scores topics(text, 'cap') rank 1, a topics_train() model under 5-fold
# cross-validation, and naive-Bayes baselines over ../shared/data/cap
# (sotu_dev.tsv, bills107.tsv); see tests/eval/topics_eval.py.  Fails when
# the floors of issue 5 are missed; skips when ../shared is absent.
cd "$(dirname "$0")/../.." || exit 2
HOST=${HOST:-build/release/pthost}
SHARED=${SHARED:-../shared}
CAP=$SHARED/data/cap
if [ ! -f "$CAP/sotu_dev.tsv" ] || [ ! -f "$CAP/bills107.tsv" ]; then
  echo "eval/50-topics: skipped ($CAP is absent; a fresh clone has no ../shared)"
  exit 0
fi
echo "eval/50-topics: topics() vs CAP coding ($(date -u +%Y-%m-%d))"
python3 tests/eval/topics_eval.py "$HOST" "$CAP"
