# Out-of-memory: every tests/oom/*.sql runs with the Nth allocation failing,
# for every N (pthost -oom).  Each failure must be a clean error: no crash,
# no leak, no wrong answer that looks right.
for sql in tests/oom/*.sql; do
  name="oom/$(basename "${sql%.sql}")"
  if [ -n "$VALGRIND" ]; then
    skip "$name" "too slow under valgrind (it runs under ASan in make asan-test)"
    continue
  fi
  got=$(host -oom "$sql" 2>&1)
  rc=$?
  if [ $rc -eq 0 ] && printf '%s' "$got" | grep -q 'every failure clean'; then
    pass "$name"
    [ -n "$VERBOSE" ] && echo "     $got"
  else
    fail "$name" "exit $rc: $got"
  fi
done
