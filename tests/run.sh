#!/usr/bin/env bash
# tests/run.sh: the policytext test suite (run by `make test`).
#
# Defines a few helpers, then sources every tests/suites/*.sh in name order;
# each suite adds its cases by calling pass/fail/skip.  The last line is
# "N passed, N failed, N skipped"; the exit code is 1 when anything failed.
#
# Environment (set by the Makefile): SO (the extension to load), HOST (the
# test host tests/pthost.c built with the extension linked in), SANITIZE=1
# when they are instrumented, VALGRIND=1 to run the host under memcheck,
# VERBOSE=1 to print passing cases too.
set -u
cd "$(dirname "$0")/.." || exit 2
SO=${SO:-policytext.so}
HOST=${HOST:-build/release/pthost}
SANITIZE=${SANITIZE:-}
VALGRIND=${VALGRIND:-}
VERBOSE=${VERBOSE:-}
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/policytext-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
npass=0
nfail=0
nskip=0

pass() { npass=$((npass + 1)); [ -n "$VERBOSE" ] && echo "ok   $1"; return 0; }
fail() {
  nfail=$((nfail + 1))
  echo "FAIL $1"
  [ -n "${2:-}" ] && printf '%s\n' "$2" | head -40 | sed 's/^/     /'
  return 0
}
skip() { nskip=$((nskip + 1)); echo "skip $1: $2"; }

# host [ARGS...]: runs the test host (under valgrind when VALGRIND=1).
# Exit code 99 means memcheck found errors or leaks; 134 an abort (ASan).
host() {
  if [ -n "$VALGRIND" ]; then
    valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
      --errors-for-leak-kinds=definite,indirect "$HOST" "$@"
  else
    "$HOST" "$@"
  fi
}

# host_crashed RC: true when the host died of a memory error rather than
# printing an SQL error.
host_crashed() { [ "$1" -ge 99 ]; }
# Runs DIR/all.sql in the host and splits what it prints at the lines
# "@@@ N" (from `.echo @@@ N`) into DIR/N.got, one file per example.
# Returns 1 after failing LABEL when the host crashed.
run_split() { # label dir
  local got rc
  got=$(host "$2/all.sql" 2>&1)
  rc=$?
  if host_crashed $rc; then
    fail "$1" "host exit $rc: $got"
    return 1
  fi
  printf '%s\n' "$got" | awk -v dir="$2" '
    /^@@@ [0-9]+$/ { if (f) close(f); f = dir "/" $2 ".got"; printf "" > f; next }
    f { print > f }'
}
# A fixture checked by an SQL template: @DOC@ and @EXPECTED@ in TEMPLATE are
# replaced by the two paths; the template prints nothing when the document
# gives what the JSON expects, else one line per difference (HEADER names
# their fields).
template_case() { # label template doc expected header
  local sqlf="$TMP/template_case.sql" got rc
  sed -e "s|@DOC@|$3|g" -e "s|@EXPECTED@|$4|g" "$2" > "$sqlf"
  got=$(host "$sqlf" 2>&1)
  rc=$?
  if host_crashed $rc; then fail "$1" "host exit $rc: $got"
  elif [ -n "$got" ]; then fail "$1" "$5"$'\n'"$got"
  else pass "$1"; fi
}

# Loading through real hosts (sqlite3 shell, Python) needs an uninstrumented
# library: skip those under the sanitizers and valgrind.
native_so() { [ -z "$SANITIZE" ] && [ -z "$VALGRIND" ]; }

for suite in tests/suites/*.sh; do
  # shellcheck source=/dev/null
  . "$suite"
done

echo "$npass passed, $nfail failed, $nskip skipped"
[ "$nfail" -eq 0 ]
