# Threads and interrupts (tests/stress.c): 8 connections in 8 threads running
# every function; sqlite3_interrupt() and a progress handler stopping a scan
# of 10,000 files and quotes() over 100 MB within 100 ms.
STRESS=${STRESS:-build/release/stress}
if [ -n "$VALGRIND" ]; then
  skip "stress" "timing checks are meaningless under valgrind (make tsan-test runs the threads under ThreadSanitizer)"
elif [ ! -x "$STRESS" ]; then
  fail "stress" "$STRESS is missing"
else
  got=$("$STRESS" threads "$TMP/threads.db" 2>&1)
  if [ $? -eq 0 ]; then pass "stress/threads"; [ -n "$VERBOSE" ] && echo "     $got"; else fail "stress/threads" "$got"; fi
  mkdir -p "$TMP/many"
  python3 - "$TMP/many" <<'PY'
import os, sys
root = sys.argv[1]
body = ("Officials met on Tuesday to discuss the budget. \u201cWe will act,\u201d "
        "said Sen. Jane Doe, who chairs the committee.\n\n") * 20
for i in range(10000):
    d = os.path.join(root, "d%02d" % (i % 100))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "doc%05d.txt" % i), "w") as f:
        f.write("Document %d\nJune %d, 2015\n\n%s" % (i, 1 + i % 28, body))
PY
  while IFS= read -r line; do
    case "$line" in
      ok*) pass "stress/${line#ok }" ;;
      skip*) skip "stress/${line#skip }" "function not in this build" ;;
      *) fail "stress/interrupt" "$line" ;;
    esac
  done < <("$STRESS" interrupt "$TMP/many" 2>&1)
fi
