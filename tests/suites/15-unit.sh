# Unit tests of the plain-C stages (tests/unit/*.c, linked without SQLite
# into one binary, $UNIT, by the Makefile).
UNIT=${UNIT:-}
if [ -z "$UNIT" ] || [ ! -x "$UNIT" ]; then
  skip "unit" "the unit test binary is not built (make test builds it)"
elif [ -n "$VALGRIND" ]; then
  got=$(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$UNIT" 2>&1)
  rc=$?
  [ $rc -eq 0 ] && pass "unit ($(printf '%s' "$got" | tail -1))" || fail "unit" "exit $rc: $got"
else
  got=$("$UNIT" 2>&1)
  rc=$?
  [ $rc -eq 0 ] && pass "unit ($(printf '%s' "$got" | tail -1))" || fail "unit" "exit $rc: $got"
fi
