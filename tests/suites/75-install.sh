# make install / uninstall into a temporary PREFIX (and DESTDIR).
if ! native_so; then
  skip "install" "the library is instrumented in this run"
else
  inst="$TMP/inst"
  if out=$(make -s install PREFIX=/usr/local DESTDIR="$inst" 2>&1); then
    missing=
    for f in usr/local/lib/sqlite3/policytext.so usr/local/include/policytext/policytext.h \
             usr/local/include/policytext/pt_doc.h usr/local/share/doc/policytext/documents.md \
             usr/local/share/doc/policytext/README.md usr/local/share/policytext/sql/examples/demo.sql; do
      [ -f "$inst/$f" ] || missing="$missing $f"
    done
    if [ -n "$missing" ]; then fail "install/files" "missing:$missing"; else pass "install/files"; fi
    if command -v sqlite3 >/dev/null 2>&1; then
      got=$(sqlite3 :memory: ".load $inst/usr/local/lib/sqlite3/policytext" "SELECT policytext_version();" 2>&1)
      [ -n "$got" ] && [ "${got#Error}" = "$got" ] && pass "install/load installed library" || fail "install/load installed library" "$got"
    fi
    # the public header compiles on its own, without sqlite3.h
    if printf '#include <policytext.h>\nint main(void){pt_doc d; pt_doc_init(&d); pt_doc_reset(&d); return 0;}\n' \
         | cc -std=c11 -x c -fsyntax-only -I"$inst/usr/local/include/policytext" - 2>"$TMP/cc.log"; then
      pass "install/policytext.h compiles alone"
    else
      fail "install/policytext.h compiles alone" "$(cat "$TMP/cc.log")"
    fi
    make -s uninstall PREFIX=/usr/local DESTDIR="$inst" >/dev/null 2>&1
    left=$(find "$inst" -type f | head -5)
    [ -z "$left" ] && pass "install/uninstall removes everything" || fail "install/uninstall removes everything" "$left"
  else
    fail "install" "$out"
  fi
fi
