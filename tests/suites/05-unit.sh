# C unit tests (tests/unit/test_*.c): the plain-C stages without SQLite.
for u in ${UNITS:-build/release/test_pt_core}; do
  name="unit/$(basename "$u")"
  if [ ! -x "$u" ]; then fail "$name" "$u is not built"; continue; fi
  if [ -n "$VALGRIND" ]; then
    got=$(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$u" 2>&1)
  else
    got=$("$u" 2>&1)
  fi
  if [ $? -eq 0 ]; then pass "$name"; else fail "$name" "$got"; fi
done
