#!/usr/bin/env bash
# bench/50-topics.sh: topics() throughput next to SQLite's own floors, in one
# process (the test host), over the PolNeAR news texts in ../shared
# repeated to about 20 MB, and headlines per second over the bill titles.
#
#   upper()      SELECT sum(length(upper(text)))   the floor the issue names
#   length()     SELECT sum(length(text))           reading the rows alone
#   topics()     every built-in scheme (declared, cap, place, issue), count(*)
#   topics(cap)  one scheme
#   + evidence   every scheme, reading the evidence column too (evidence
#                strings are only built when a query reads them)
#
# Times come from julianday('now') between statements (millisecond steps);
# each step runs three times and the fastest run counts (the machine may be
# busy).
cd "$(dirname "$0")/.." || exit 2
HOST=${HOST:-build/release/pthost}
SHARED=${SHARED:-../shared}
TEXTS=$SHARED/data/polnear/train/text
if [ ! -d "$TEXTS" ]; then
  echo "bench/50-topics: skipped ($TEXTS is absent)"
  exit 0
fi
REPEAT=${REPEAT:-4}
sql=$(mktemp)
trap 'rm -f "$sql"' EXIT
{
  echo "CREATE TABLE one(text TEXT); BEGIN;"
  for f in "$TEXTS"/*.txt; do
    printf "INSERT INTO one VALUES(CAST(readfile('%s') AS TEXT));\n" "${f//\'/\'\'}"
  done
  echo "COMMIT;"
  echo "CREATE TABLE rep(i INTEGER);"
  echo "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < $REPEAT) INSERT INTO rep SELECT i FROM r;"
  echo "CREATE TABLE five(i INTEGER); INSERT INTO five VALUES(1),(2),(3),(4),(5);"
  echo "CREATE TABLE big AS SELECT text FROM one, rep;"

  if [ -f "$SHARED/data/cap/bills107.tsv" ]; then
    python3 - "$SHARED/data/cap/bills107.tsv" <<'PY'
import sys
print("CREATE TABLE titles(text TEXT); BEGIN;")
with open(sys.argv[1], encoding="utf-8") as f:
    f.readline()
    for line in f:
        t = line.split("\t")[0]
        print("INSERT INTO titles VALUES('%s');" % t.replace("'", "''"))
print("COMMIT;")
PY
  else
    echo "CREATE TABLE titles(text TEXT);"
  fi
  cat <<'SQL'
CREATE TABLE heads AS SELECT text FROM titles, five;
CREATE TABLE tm(step TEXT, t REAL, n INTEGER);
SELECT sum(length(text)) FROM big;  -- warm the cache
SQL
  # step NAME|SELECT-LIST|FROM: three timed runs of one step
  while IFS='|' read -r step what from; do
    for _ in 1 2 3; do
      echo "INSERT INTO tm VALUES('start', julianday('now'), 0);"
      echo "INSERT INTO tm SELECT '$step', julianday('now'), $what FROM $from;"
    done
  done <<'STEPS'
length()|sum(length(text))|big
upper()|sum(length(upper(text)))|big
topics() all schemes|count(*)|big, topics(big.text)
topics(text, ''cap'')|count(*)|big, topics(big.text, 'cap')
topics() + evidence|sum(length(t.evidence))|big, topics(big.text) t
headlines: topics()|count(*)|heads, topics(heads.text)
headlines: topics(cap)|count(*)|heads, topics(heads.text, 'cap')
STEPS
  cat <<'SQL'
.echo step|seconds|MB/s|headlines/s
WITH runs AS (SELECT b.step, min(b.rowid) AS ord, max(min((b.t - a.t) * 86400), 1e-3) AS sec
              FROM tm a JOIN tm b ON b.rowid = a.rowid + 1 WHERE a.step = 'start' GROUP BY b.step)
SELECT step, printf('%.3f', sec),
       CASE WHEN step LIKE 'headlines%' THEN '' ELSE
         printf('%.1f', (SELECT sum(length(CAST(text AS BLOB))) FROM big) / 1e6 / sec) END,
       CASE WHEN step LIKE 'headlines%' THEN
         printf('%.0f', (SELECT count(*) FROM heads) / sec) ELSE '' END
FROM runs ORDER BY ord;
WITH runs AS (SELECT b.step, max(min((b.t - a.t) * 86400), 1e-3) AS sec
              FROM tm a JOIN tm b ON b.rowid = a.rowid + 1 WHERE a.step = 'start' GROUP BY b.step)
SELECT 'topics() / upper()', printf('1/%.1f', (SELECT sec FROM runs WHERE step = 'topics() all schemes') /
                                          (SELECT sec FROM runs WHERE step = 'upper()')), '', '';
SELECT 'corpus', printf('%.1f MB in %d texts', sum(length(CAST(text AS BLOB))) / 1e6, count(*)) FROM big;
SQL
} > "$sql"
echo "bench/50-topics: topics() over PolNeAR train texts x$REPEAT ($(date -u +%Y-%m-%d))"
[ -n "${KEEP_SQL:-}" ] && cp "$sql" "$KEEP_SQL"
out=$("$HOST" "$sql") || { echo "$out"; exit 1; }
printf '%s\n' "$out" | sed -n '/^step|/,$p' | column -t -s '|'
