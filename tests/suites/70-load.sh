# Loading the real shared library into real hosts: the sqlite3 shell (both
# `.load` and load_extension()) and Python's sqlite3 module.
if ! native_so; then
  skip "load/sqlite3 shell and Python" "the library is instrumented in this run (sanitizers or valgrind)"
else
  if command -v sqlite3 >/dev/null 2>&1; then
    got=$(sqlite3 :memory: ".load ./$SO" "SELECT policytext_version();" 2>&1)
    want=$(sed -n 's/^#define POLICYTEXT_VERSION "\(.*\)"/\1/p' include/policytext.h)
    [ "$got" = "$want" ] && pass "load/sqlite3 .load" || fail "load/sqlite3 .load" "got: $got, want: $want"
    got=$(sqlite3 :memory: "SELECT load_extension('./${SO%.so}');" "SELECT count(*) FROM policytext('sample');" 2>&1)
    [ "$got" = $'\n26' ] && pass "load/load_extension() without suffix" || fail "load/load_extension() without suffix" "got: $got"
    if [ -d "$SHARED/seeds" ]; then
      got=$(sqlite3 :memory: ".load ./$SO" "SELECT title, published, kind, tags FROM policytext('$SHARED/seeds')" 2>&1)
      want='Was There Progress on Cyber at the U.S.-China Strategic and Economic Dialogue?|2015-06-25|Blog Post|["Cybersecurity","China","Diplomacy and International Institutions"]'
      [ "$got" = "$want" ] && pass "load/issue 2 acceptance query on the seed" || fail "load/issue 2 acceptance query on the seed" "got: $got"
    else
      skip "load/issue 2 acceptance query on the seed" "$SHARED/seeds is absent"
    fi
  else
    skip "load/sqlite3 shell" "no sqlite3 command (apt-get install sqlite3)"
  fi
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import sqlite3; sqlite3.connect(":memory:").enable_load_extension(True)' 2>/dev/null; then
    got=$(/usr/bin/python3 - "$SO" <<'PY' 2>&1
import sqlite3, sys
con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension("./" + sys.argv[1])
con.enable_load_extension(False)
rows = con.execute("SELECT kind, count(*) FROM policytext('sample') GROUP BY kind ORDER BY 1").fetchall()
print(rows)
try:
    con.execute("SELECT * FROM policytext('/no/such/dir')").fetchall()
except sqlite3.Error as e:
    print("error:", e)
PY
)
    want="[(None, 4), ('Article', 2), ('Blog Post', 6), ('Op-Ed', 1), ('Press Release', 5), ('Remarks', 1), ('Report', 2), ('Speech', 3), ('Testimony', 1), ('Transcript', 1)]
error: policytext: cannot open '/no/such/dir': No such file or directory"
    [ "$got" = "$want" ] && pass "load/python3 sqlite3 module" || fail "load/python3 sqlite3 module" "got: $got"
  else
    skip "load/python3" "/usr/bin/python3 is missing or its sqlite3 module cannot load extensions"
  fi
fi
