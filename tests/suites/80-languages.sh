# The language examples in docs/examples/ (Python, Tcl, Perl) load the real
# ./policytext.so and must print docs/examples/expected.txt exactly.  Each
# skips with a message when its language or SQLite binding is missing, and
# all skip when the library is instrumented (sanitizers, valgrind).
lang_case() { # name, then the command
  local name=$1 got rc
  shift
  got=$("$@" 2>&1)
  rc=$?
  if [ $rc -ne 0 ]; then
    fail "$name" "exit code $rc: $got"
  elif ! d=$(diff docs/examples/expected.txt <(printf '%s\n' "$got")); then
    fail "$name" "output differs from docs/examples/expected.txt (< expected, > got):"$'\n'"$d"
  else
    pass "$name"
  fi
}
if ! native_so; then
  skip "examples/python, tcl, perl" "the library is instrumented in this run (sanitizers or valgrind)"
elif [ ! -f ./policytext.so ]; then
  skip "examples/python, tcl, perl" "./policytext.so is not built"
else
  if [ -x /usr/bin/python3 ] &&
     /usr/bin/python3 -c 'import sqlite3; sqlite3.connect(":memory:").enable_load_extension' 2>/dev/null; then
    lang_case "examples/python_example.py" /usr/bin/python3 docs/examples/python_example.py
  else
    skip "examples/python_example.py" "/usr/bin/python3 is missing or its sqlite3 module cannot load extensions"
  fi
  if command -v tclsh >/dev/null 2>&1 && echo 'package require sqlite3' | tclsh >/dev/null 2>&1; then
    lang_case "examples/tcl_example.tcl" tclsh docs/examples/tcl_example.tcl
  else
    skip "examples/tcl_example.tcl" "tclsh or its sqlite3 package is missing (apt-get install tcl libsqlite3-tcl)"
  fi
  if command -v perl >/dev/null 2>&1 && perl -MDBD::SQLite -e 1 2>/dev/null; then
    lang_case "examples/perl_example.pl" perl docs/examples/perl_example.pl
  else
    skip "examples/perl_example.pl" "perl or DBD::SQLite is missing (apt-get install libdbd-sqlite3-perl)"
  fi
fi
# docs/languages.md shows what the examples print: keep it equal to expected.txt.
shown=$(awk '/^## What they print/{w=1} w&&/^```$/{n++; next} w&&n==1{print}' docs/languages.md)
if [ "$shown" = "$(cat docs/examples/expected.txt)" ]; then
  pass "examples/docs/languages.md shows expected.txt"
else
  fail "examples/docs/languages.md shows expected.txt" "the block under '## What they print' differs from docs/examples/expected.txt"
fi
