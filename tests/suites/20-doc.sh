# Document-parser spec: every tests/fixtures/doc/NAME.expected.json describes
# NAME.txt or NAME.md; the seed in ../shared/seeds is checked the same way.
doc_case() { template_case "$1" tests/doc_check.sql "$2" "$3" "field|expected|got"; }
for exp in tests/fixtures/doc/*.expected.json; do
  base=${exp%.expected.json}
  doc=
  for ext in txt md; do [ -f "$base.$ext" ] && doc="$base.$ext"; done
  if [ -z "$doc" ]; then fail "doc/$(basename "$base")" "no document beside $exp"; continue; fi
  doc_case "doc/$(basename "$base")" "$doc" "$exp"
done
if [ -d "$SHARED/seeds" ]; then
  for exp in "$SHARED"/seeds/*.expected.json; do
    doc_case "seed/$(basename "${exp%.expected.json}")" "${exp%.expected.json}.txt" "$exp"
  done
else
  skip "seed documents" "$SHARED/seeds is absent (a fresh clone has no ../shared)"
fi
