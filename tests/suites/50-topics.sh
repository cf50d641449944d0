# topics(): fixture texts with expected rows per scheme (tests/fixtures/topics,
# format in its README.md), the seed's acceptance from issue 5, and the
# extension loaded by the real sqlite3 shell.

# topics_rows FILE: "position|scheme|topic|rank" for every row of topics(text),
# then the rows of each built-in scheme asked for alone.
topics_rows() {
  local sqlf="$TMP/topics_rows.sql" path
  path=$(printf '%s' "$1" | sed "s/'/''/g")
  cat > "$sqlf" <<SQL
CREATE TABLE doc AS SELECT CAST(readfile('$path') AS TEXT) AS text;
SELECT rowid, scheme, topic, rank FROM topics((SELECT text FROM doc));
SELECT 0, scheme, topic, rank FROM topics((SELECT text FROM doc), 'cap');
SELECT 0, scheme, topic, rank FROM topics((SELECT text FROM doc), 'place');
SELECT 0, scheme, topic, rank FROM topics((SELECT text FROM doc), 'issue');
SQL
  host "$sqlf" 2>&1
}

# topics_check ROWS EXPECTED: prints the expectations ROWS does not meet.
topics_check() {
  awk -F'\t' -v rows="$1" '
    BEGIN {
      n = split(rows, r, "\n")
      for (i = 1; i <= n; i++) {
        split(r[i], f, "|")
        if (f[1] > 0) { if (!(f[3] in top)) top[f[3]] = f[1] }
        key = f[2] SUBSEP f[3]
        if (!(key in rank) || f[4] < rank[key]) rank[key] = f[4]
      }
    }
    /^#/ || NF == 0 { next }
    $1 == "top" {
      if (!($2 in top) || top[$2] > $3) print "not in the first " $3 " rows: " $2 (($2 in top) ? " (row " top[$2] ")" : "")
      next
    }
    substr($1, 1, 1) == "!" {
      s = substr($1, 2)
      if ((s SUBSEP $2) in rank) print "unexpected " s " topic: " $2
      next
    }
    {
      key = $1 SUBSEP $2
      if (!(key in rank)) print "missing " $1 " topic: " $2
      else if (rank[key] > $3) print $1 " topic " $2 " has rank " rank[key] ", expected <= " $3
    }' "$2"
}

for exp in tests/fixtures/topics/*.expected; do
  base=${exp%.expected}
  name="topics/$(basename "$base")"
  if [ ! -f "$base.txt" ]; then fail "$name" "no $base.txt beside $exp"; continue; fi
  rows=$(topics_rows "$base.txt")
  rc=$?
  if host_crashed $rc; then fail "$name" "host exit $rc: $rows"; continue; fi
  if printf '%s\n' "$rows" | grep -q '^Error'; then fail "$name" "$rows"; continue; fi
  bad=$(topics_check "$rows" "$exp")
  if [ -n "$bad" ]; then fail "$name" "$bad"$'\n'"rows:"$'\n'"$rows"; else pass "$name"; fi
done

# The seed (issue 5 acceptance): over its body, Cybersecurity and China in
# the top 3 rows and International Affairs rank 1 in cap; over its raw text,
# the three declared tags first with scheme 'declared'.
if [ -d "$SHARED/seeds" ]; then
  seed=$(ls "$SHARED"/seeds/000_*.txt 2>/dev/null | head -1)
  sqlf="$TMP/topics_seed.sql"
  seed_sql=$(printf '%s' "$seed" | sed "s/'/''/g")
  cat > "$sqlf" <<SQL
CREATE TABLE d AS SELECT CAST(readfile('$seed_sql') AS TEXT) AS raw;
CREATE TABLE b AS SELECT body FROM policytext('$(dirname "$seed_sql")') WHERE path LIKE '%$(basename "$seed_sql")';
.echo top3
SELECT topic FROM topics((SELECT body FROM b)) LIMIT 3;
.echo cap1
SELECT topic FROM topics((SELECT body FROM b), 'cap') WHERE rank = 1;
.echo raw
SELECT scheme || ':' || topic FROM topics((SELECT raw FROM d)) LIMIT 4;
SQL
  got=$(host "$sqlf" 2>&1)
  rc=$?
  top3=$(printf '%s\n' "$got" | sed -n '/^top3$/,/^cap1$/p' | sed '1d;$d')
  cap1=$(printf '%s\n' "$got" | sed -n '/^cap1$/,/^raw$/p' | sed '1d;$d')
  raw=$(printf '%s\n' "$got" | sed -n '/^raw$/,$p' | sed '1d')
  want_raw=$'declared:Cybersecurity\ndeclared:China\ndeclared:Diplomacy and International Institutions'
  if host_crashed $rc; then
    fail "topics/seed" "host exit $rc: $got"
  elif ! grep -qx 'Cybersecurity' <<<"$top3" || ! grep -qx 'China' <<<"$top3"; then
    fail "topics/seed top 3" "got: $top3"
  elif [ "$cap1" != "International Affairs" ]; then
    fail "topics/seed cap rank 1" "got: $cap1"
  elif [ "$(printf '%s\n' "$raw" | head -3)" != "$want_raw" ] || grep -q '^declared' <<<"$(printf '%s\n' "$raw" | sed -n 4p)"; then
    fail "topics/seed declared" "got: $raw"
  else
    pass "topics/seed"
  fi
else
  skip "topics/seed" "$SHARED/seeds is absent (a fresh clone has no ../shared)"
fi

# The extension as users load it, in the sqlite3 shell.
if native_so && command -v sqlite3 >/dev/null; then
  got=$(sqlite3 :memory: ".load ./$SO" "SELECT topic FROM topics('Inflation and interest rates', 'cap') WHERE rank = 1;" 2>&1)
  if [ "$got" = "Macroeconomics" ]; then pass "topics/sqlite3 shell"; else fail "topics/sqlite3 shell" "$got"; fi
fi
