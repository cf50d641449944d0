# bench/lib.sh: helpers shared by the bench scripts (sourced).
#
# time_sql LABEL BYTES SQL...: runs the statements in one sqlite3 process
# with the extension loaded and `.timer on`, three times, and prints the best
# wall time as MB/s of BYTES.  Needs the sqlite3 shell (for fsdir/readfile).
SQLITE3=${SQLITE3:-sqlite3}

best_time() { # SQL -> best "real" seconds of 3 runs
  local best=
  for _ in 1 2 3; do
    t=$(printf "%s\n" "$1" | "$SQLITE3" -cmd ".load ./policytext" -cmd ".timer on" :memory: 2>&1 \
        | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | tail -1)
    [ -z "$t" ] && { echo "bench: no timing for: $1" >&2; return 1; }
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
  done
  echo "$best"
}

row() { # LABEL BYTES SECONDS [FLOOR_SECONDS]
  awk -v l="$1" -v b="$2" -v s="$3" -v f="${4:-}" 'BEGIN {
    mbs = (s > 0) ? b / 1048576 / s : 0
    if (f != "" && f > 0) printf "%-44s %9.1f MB/s  %7.3f s  %5.2fx floor time\n", l, mbs, s, s / f
    else printf "%-44s %9.1f MB/s  %7.3f s\n", l, mbs, s }'
}
