# quotes() fixtures: every tests/fixtures/quotes/NAME.expected.json lists the
# rows quotes() must give for NAME.txt (tests/quotes_check.sql compares them
# field by field and checks that every start/length and speaker_start/length
# points at its text).  Then the seed check of issue 4's acceptance.
quotes_case() { template_case "$1" "$2" "$3" "$4" "row|field|expected|got"; }
# All fixtures in one host run (a process each costs seconds under
# valgrind), split at "@@@ N"; if the host crashes, each runs on its own so
# the failure names its fixture.
qdir="$TMP/quotes"
mkdir -p "$qdir"
: > "$qdir/all.sql"
qn=0
for exp in tests/fixtures/quotes/*.expected.json; do
  base=${exp%.expected.json}
  if [ ! -f "$base.txt" ]; then fail "quotes/$(basename "$base")" "no $base.txt beside $exp"; continue; fi
  qn=$((qn + 1))
  printf '%s %s\n' "$qn" "$base" >> "$qdir/index"
  printf '.echo @@@ %s\n' "$qn" >> "$qdir/all.sql"
  sed -e "s|@DOC@|$base.txt|g" -e "s|@EXPECTED@|$exp|g" tests/quotes_check.sql >> "$qdir/all.sql"
  printf '\nDROP TABLE doc; DROP TABLE e; DROP TABLE q;\n' >> "$qdir/all.sql"
done
if [ "$qn" -gt 0 ]; then
  if run_split "quotes/fixtures (one run)" "$qdir"; then
    while read -r n base; do
      if [ ! -f "$qdir/$n.got" ]; then fail "quotes/$(basename "$base")" "no output section (the run stopped early)"
      elif [ -s "$qdir/$n.got" ]; then fail "quotes/$(basename "$base")" "row|field|expected|got"$'\n'"$(cat "$qdir/$n.got")"
      else pass "quotes/$(basename "$base")"; fi
    done < "$qdir/index"
  else
    while read -r n base; do
      quotes_case "quotes/$(basename "$base")" tests/quotes_check.sql "$base.txt" "$base.expected.json"
    done < "$qdir/index"
  fi
fi
# The real texts of ../shared (news with gold quotations, presidential
# speeches): every row's positions exact, and nothing the sanitizers or
# valgrind object to (valgrind reads PolNeAR's dev split only: all of it
# takes it 25 s).
news="$SHARED/data/polnear/*/text/*.txt"
[ -n "$VALGRIND" ] && news="$SHARED/data/polnear/dev/text/*.txt"
for glob in "$news" "$SHARED/data/speeches/*/*.txt"; do
  name="quotes/corpus $(echo "$glob" | sed -e "s|^$SHARED/data/||" -e 's|/.*||')"
  if compgen -G "$glob" > /dev/null; then
    template_case "$name" tests/quotes_corpus.sql "$glob" "" "path|row|what|expected|got"
  else
    skip "$name" "no $glob (a fresh clone has no ../shared)"
  fi
done
seed=$SHARED/seeds/000_68a7428225f7b6fc
if [ -f "$seed.expected.json" ]; then
  quotes_case "quotes/seed" tests/quotes_seed.sql "$seed.txt" "$seed.expected.json"
else
  skip "quotes/seed" "$SHARED/seeds is absent (a fresh clone has no ../shared)"
fi
