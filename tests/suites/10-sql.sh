# SQL golden tests: tests/sql/NAME.sql runs in the test host and its output
# must equal tests/sql/NAME.out exactly (errors included, as "Error: ...").
# A test that needs ../shared starts with the line "-- needs: shared".
for sql in tests/sql/*.sql; do
  name=${sql%.sql}
  if head -1 "$sql" | grep -q '^-- needs: shared' && [ ! -d "$SHARED/seeds" ]; then
    skip "sql/$(basename "$name")" "$SHARED is absent"
    continue
  fi
  if [ ! -f "$name.out" ]; then
    fail "sql/$(basename "$name")" "missing expected output $name.out"
    continue
  fi
  got=$(host "$sql" 2>&1)
  rc=$?
  if host_crashed $rc; then
    fail "sql/$(basename "$name")" "host exit $rc: $got"
  elif ! diff_out=$(diff "$name.out" <(printf '%s\n' "$got") 2>&1); then
    fail "sql/$(basename "$name")" "$diff_out"
  else
    pass "sql/$(basename "$name")"
  fi
done
