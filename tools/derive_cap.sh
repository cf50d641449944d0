#!/usr/bin/env bash
# derive_cap.sh: learns the derived part of the built-in `cap` scheme from
# CAP-coded texts and writes sql/lexicons/cap.derived.tsv (committed, so a
# fresh clone needs no ../shared).
#
#   tools/derive_cap.sh [SCALE] [FILE.tsv ...]
#
# It runs topics_train() (the naive-Bayes term tables of pt_topic_train.c)
# in the test host over the given files (default: ../shared/data/cap/
# sotu_dev.tsv and bills107.tsv), leaving out rows coded Other (no cap topic)
# and, in the bill titles, immigration bills coded Labor (the older codebook
# put immigration under Labor).  Weights are multiplied by SCALE (default
# 0.45) so that the hand-written lexicon in cap.tsv keeps a say; a term must
# be found in at least 3 coded texts of its topic and be 4.5 times likelier
# there than elsewhere (min_weight=1.5, i.e. ln 4.5).  Run `make` afterwards.
set -eu
cd "$(dirname "$0")/.."
SCALE=${1:-0.45}
shift || true
HOST=${HOST:-build/release/pthost}
FILES=("$@")
[ ${#FILES[@]} -gt 0 ] || FILES=(../shared/data/cap/sotu_dev.tsv ../shared/data/cap/bills107.tsv)
sql=$(mktemp)
trap 'rm -f "$sql"' EXIT
python3 - "$sql" "${FILES[@]}" <<'PY'
import sys
out, files = sys.argv[1], sys.argv[2:]
q = lambda s: "'" + s.replace("'", "''") + "'"
with open(out, "w", encoding="utf-8") as f:
    f.write("BEGIN;\nCREATE TABLE coded(text TEXT, label TEXT);\n")
    for path in files:
        with open(path, encoding="utf-8") as g:
            head = g.readline().rstrip("\n").split("\t")
            ti, gi = head.index("text"), head.index("topic")
            for line in g:
                p = line.rstrip("\n").split("\t")
                text, topic = p[ti], p[gi]
                if topic == "Other":
                    continue
                if "bills" in path and topic == "Labor" and ("mmigra" in text or "alien" in text.lower()):
                    continue
                f.write("INSERT INTO coded VALUES(%s,%s);\n" % (q(text), q(topic)))
    f.write("COMMIT;\n")
PY
{
  cat "$sql"
  echo "SELECT topics_train('derived', 'SELECT text, label FROM coded', '${OPTIONS:-min_count=3 min_weight=1.5}');"
  echo ".echo @terms"
  echo "SELECT topic, term, round(weight * $SCALE, 3) FROM derived ORDER BY topic, weight DESC, term;"
} | "$HOST" > "$sql.out"
{
  echo "topic	term	weight"
  echo "# Derived by tools/derive_cap.sh (topics_train over CAP-coded State of the Union"
  echo "# quasi-sentences and bill titles, weights x $SCALE): word weights only, no texts."
  sed -n '/^@terms$/,$p' "$sql.out" | tail -n +2 | tr '|' '\t'
} > sql/lexicons/cap.derived.tsv
echo "cv accuracy $(head -1 "$sql.out"); $(($(wc -l < sql/lexicons/cap.derived.tsv) - 3)) terms -> sql/lexicons/cap.derived.tsv"
rm -f "$sql.out"
