#!/usr/bin/env bash
# bench/20-docs.sh: the policytext table against SQLite's own readfile() over
# fsdir() on the same files, measured in the same run.  Corpus: the PolNeAR
# train texts (../shared) copied 4 times plus the sample corpus, in a temp
# folder; without ../shared, the sample corpus repeated.
cd "$(dirname "$0")/.." || exit 2
. bench/lib.sh
SHARED=${SHARED:-../shared}
dir=$(mktemp -d "${TMPDIR:-/tmp}/pt-bench-docs.XXXXXX")
trap 'rm -rf "$dir"' EXIT
if [ -d "$SHARED/data/polnear/train/text" ]; then
  for k in 1 2 3 4; do mkdir -p "$dir/c$k"; cp "$SHARED"/data/polnear/train/text/*.txt "$dir/c$k/"; done
  what="PolNeAR train x4 + sample"
else
  what="sample corpus x100 (../shared absent)"
  for k in $(seq 1 100); do mkdir -p "$dir/c$k"; cp -R sample/. "$dir/c$k/"; done
fi
cp -R sample "$dir/sample"
files=$(find "$dir" -name '*.txt' -o -name '*.md' | wc -l)
bytes=$(find "$dir" \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
# Warm the page cache so every query reads from memory.
cat $(find "$dir" -type f) > /dev/null
echo "== policytext table: $what, $files files, $((bytes / 1048576)) MB"
floor=$(best_time "SELECT sum(length(readfile(name))) FROM fsdir('$dir') WHERE name GLOB '*.txt' OR name GLOB '*.md';")
row "floor: readfile() over fsdir()" "$bytes" "$floor"
t=$(best_time "SELECT count(*) FROM policytext('$dir');"); row "policytext: path only (listing)" "$bytes" "$t" "$floor"
t=$(best_time "SELECT count(title), count(published), count(kind), count(author) FROM policytext('$dir');"); row "policytext: metadata columns" "$bytes" "$t" "$floor"
t=$(best_time "SELECT sum(length(raw)) FROM policytext('$dir');"); row "policytext: raw" "$bytes" "$t" "$floor"
t=$(best_time "SELECT sum(length(title) + length(body) + words + bytes + length(tags) + length(modified)) FROM policytext('$dir');"); row "policytext: all columns (body parsed)" "$bytes" "$t" "$floor"
