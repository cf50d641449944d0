# sql/reports/*.sql over the sample corpus: each report's list-mode output
# must equal tests/reports/NAME.out.
for r in sql/reports/*.sql; do
  name=$(basename "${r%.sql}")
  want="tests/reports/$name.out"
  if [ ! -f "$want" ]; then fail "reports/$name" "missing expected output $want"; continue; fi
  { echo "CREATE VIRTUAL TABLE docs USING policytext('sample/');"; cat "$r"; } > "$TMP/report.sql"
  got=$(host "$TMP/report.sql" 2>&1)
  rc=$?
  if host_crashed $rc; then fail "reports/$name" "host exit $rc: $got"
  elif ! d=$(diff "$want" <(printf '%s\n' "$got")); then fail "reports/$name" "$d"
  else pass "reports/$name"; fi
done
