# Spec examples: every tests/spec/NAME.md holds a query (a line
# "<!-- query: SQL with ?1 -->") and fenced `example` blocks: input, a line
# ".", expected rows.  In inputs "→" is a tab and "␍" a carriage return.
# All examples of a file run in one host process; a failure names the
# example's number and its lines.
for spec in tests/spec/*.md; do
  [ -f "$spec" ] || continue
  sname="spec/$(basename "${spec%.md}")"
  query=$(sed -n 's/^<!-- query: \(.*\) -->$/\1/p' "$spec" | head -1)
  if [ -z "$query" ]; then
    fail "$sname" "$spec has no '<!-- query: ... -->' line"
    continue
  fi
  sdir="$TMP/$(basename "${spec%.md}")"
  mkdir -p "$sdir"
  awk -v dir="$sdir" '
    function flush() {
      printf "%s", input > (dir "/" n ".in"); close(dir "/" n ".in")
      printf "%s", expect > (dir "/" n ".exp"); close(dir "/" n ".exp")
      print n, start, NR > (dir "/index")
    }
    /^```example[ \t]*$/ && !inex { inex = 1; part = 1; n++; start = NR; input = ""; expect = ""; nin = 0; next }
    inex && /^```[ \t]*$/ { flush(); inex = 0; next }
    inex && part == 1 && $0 == "." { part = 2; next }
    inex && part == 1 {
      line = $0; gsub(/→/, "\t", line); gsub(/␍/, "\r", line)
      input = input (nin++ ? "\n" : "") line; next
    }
    inex && part == 2 { expect = expect $0 "\n"; next }
    END { if (inex) { print "unterminated example " n " at line " start > (dir "/error") } }
  ' "$spec"
  if [ -f "$sdir/error" ]; then
    fail "$sname" "$(cat "$sdir/error")"
    continue
  fi
  if [ ! -f "$sdir/index" ]; then
    fail "$sname" "no examples in $spec"
    continue
  fi
  : > "$sdir/all.sql"
  while read -r n _ _; do
    arg="CAST(readfile('$sdir/$n.in') AS TEXT)"
    printf '.echo @@@ %s\n%s;\n' "$n" "${query//\?1/$arg}" >> "$sdir/all.sql"
  done < "$sdir/index"
  run_split "$sname" "$sdir" || continue
  nbad=0
  while read -r n from to; do
    if ! d=$(diff "$sdir/$n.exp" "$sdir/$n.got" 2>&1); then
      fail "$sname example $n ($spec:$from-$to)" "$(printf 'expected (<) vs got (>):\n%s' "$d")"
      nbad=$((nbad + 1))
    fi
  done < "$sdir/index"
  [ $nbad -eq 0 ] && pass "$sname ($(wc -l < "$sdir/index") examples)"
done
