# Docs examples: every ```sql block in README.md and docs/*.md runs in the
# test host from the repository root (list mode: '|' between values, NULL
# empty, errors as "Error: MESSAGE").  A ```sql block followed by an
# ```output block (blank lines between are allowed) must print exactly that
# output; a ```sql block without one must run without an error.  Blocks of a
# page run in order in one host process, so a page may CREATE a table in one
# block and query it in the next.  `.load` lines are dropped (the extension
# is linked into the host).  The convention is written up in
# docs/contributing.md.
for page in README.md docs/*.md; do
  [ -f "$page" ] || continue
  pname="docs-examples/$page"
  pdir="$TMP/docs_$(printf '%s' "$page" | tr '/.' '__')"
  mkdir -p "$pdir"
  awk -v dir="$pdir" '
    function close_block() {
      if (kind == "sql") {
        nsql++; f = dir "/" nsql; printf "%s", body > (f ".sql"); close(f ".sql")
        print nsql, start > (dir "/index"); last_sql = nsql; pending = 1
      } else if (kind == "output") {
        if (pending && last_sql) { printf "%s", body > (dir "/" last_sql ".exp"); close(dir "/" last_sql ".exp") }
        else print "line " start ": an ```output block must follow a ```sql block" > (dir "/error")
        pending = 0
      } else pending = 0
    }
    infence && $0 ~ ("^" fence "`*[ \t]*$") { close_block(); infence = 0; next }
    infence { if (!(kind == "sql" && $0 ~ /^\.load/)) body = body $0 "\n"; next }
    /^```/ {
      infence = 1; start = NR; body = ""
      match($0, /^`+/); fence = substr($0, 1, RLENGTH)
      kind = substr($0, RLENGTH + 1); sub(/^[ \t]*/, "", kind); sub(/[ \t].*$/, "", kind)
      if (RLENGTH > 3) kind = "nested"  # a ```` block shows fences; it is not run
      if (kind != "output") { if (kind != "sql") pending = 0 }
      next
    }
    /^[ \t]*$/ { next }
    { pending = 0 }
    END { if (infence) print "line " start ": unterminated ``` block" > (dir "/error") }
  ' "$page"
  if [ -f "$pdir/error" ]; then
    fail "$pname" "$page $(cat "$pdir/error")"
    continue
  fi
  [ -f "$pdir/index" ] || continue
  : > "$pdir/all.sql"
  while read -r n _; do
    printf '.echo @@@ %s\n' "$n" >> "$pdir/all.sql"
    cat "$pdir/$n.sql" >> "$pdir/all.sql"
    printf '\n' >> "$pdir/all.sql"
  done < "$pdir/index"
  run_split "$pname" "$pdir" || continue
  nbad=0
  while read -r n line; do
    if [ -f "$pdir/$n.exp" ]; then
      if ! d=$(diff "$pdir/$n.exp" "$pdir/$n.got" 2>&1); then
        fail "$pname:$line (sql block $n)" "printed output differs (< in the page, > printed):"$'\n'"$d"
        nbad=$((nbad + 1))
      fi
    elif grep -q '^Error: ' "$pdir/$n.got"; then
      fail "$pname:$line (sql block $n)" "$(grep '^Error: ' "$pdir/$n.got")"
      nbad=$((nbad + 1))
    fi
  done < "$pdir/index"
  [ $nbad -eq 0 ] && pass "$pname ($(wc -l < "$pdir/index") sql blocks)"
done
