# Bad input for the policytext table: every case must give a row with an
# `error` or a clear SQL error, never a crash, a hang or a leak.  The files
# are made here in a temporary folder (nothing binary is committed).

# expect_sql NAME SQL EXPECTED: runs SQL in the host, compares its output.
expect_sql() {
  local got rc
  got=$(printf '%s\n' "$2" | host 2>&1)
  rc=$?
  if host_crashed $rc; then fail "$1" "host exit $rc: $got"
  elif [ "$got" != "$3" ]; then fail "$1" "expected: $3"$'\n'"got:      $got"
  else pass "$1"; fi
}

B="$TMP/bad"
mkdir -p "$B/tree/sub" "$B/big"
: > "$B/tree/empty.txt"
printf 'Title line\n\nBody with a bad byte \xff here and \xc3\x28 there.\n' > "$B/tree/invalid.txt"
{ printf 'A note with a stray NUL\n\n'; printf 'Text before'; printf '\0'; printf ' and after the NUL byte, which a careless exporter left in the middle of a long paragraph of otherwise ordinary prose that goes on for a while.\n'; } > "$B/tree/nul.txt"
head -c 3000 /dev/zero > "$B/tree/zeros.txt"
printf '\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0' > "$B/tree/binary.txt"
head -c 2000 /dev/urandom >> "$B/tree/binary.txt"
ln -s "$B/nowhere.txt" "$B/tree/dangling.txt"
ln -s .. "$B/tree/sub/loop"
printf 'Fine\n\nA perfectly ordinary document.\n' > "$B/tree/sub/fine.txt"
printf 'ignored' > "$B/tree/notes.dat"

expect_sql "bad/missing folder" \
  "SELECT count(*) FROM policytext('$B/no/such/dir');" \
  "Error: policytext: cannot open '$B/no/such/dir': No such file or directory"
expect_sql "bad/no argument" \
  "SELECT count(*) FROM policytext;" \
  "Error: policytext: a PATH argument is required, e.g. policytext('docs/')"
expect_sql "bad/NULL path gives no rows" \
  "SELECT count(*) FROM policytext(NULL);" "0"
expect_sql "bad/unknown option" \
  "SELECT count(*) FROM policytext('$B/tree', 'colour=blue');" \
  "Error: policytext: unknown option 'colour' (known: pattern, recursive, max_bytes)"
expect_sql "bad/bad recursive value" \
  "CREATE VIRTUAL TABLE t USING policytext('$B/tree', recursive=maybe);" \
  "Error: policytext: recursive must be 0 or 1, not 'maybe'"
expect_sql "bad/option without value" \
  "SELECT count(*) FROM policytext('$B/tree', 'pattern');" \
  "Error: policytext: option 'pattern' is not key=value"
expect_sql "bad/two paths" \
  "CREATE VIRTUAL TABLE t USING policytext('a', 'b');" \
  "Error: policytext: unexpected argument 'b' (one PATH, then key=value options)"
expect_sql "bad/listing: a symlink loop is not walked twice, .dat skipped" \
  "SELECT replace(path, '$B/', '') FROM policytext('$B/tree');" \
  "tree/binary.txt
tree/dangling.txt
tree/empty.txt
tree/invalid.txt
tree/nul.txt
tree/sub/fine.txt
tree/zeros.txt"
expect_sql "bad/empty file: a row, empty body, no error" \
  "SELECT quote(title), quote(body), words, bytes, quote(error) FROM policytext('$B/tree/empty.txt');" \
  "NULL|''|0|0|NULL"
expect_sql "bad/invalid UTF-8: bytes replaced, error names file and offset" \
  "SELECT title, instr(body, char(65533)) > 0, error FROM policytext('$B/tree/invalid.txt');" \
  "Title line|1|'$B/tree/invalid.txt': invalid UTF-8 at byte offset 33 (2 invalid and 0 NUL bytes replaced by U+FFFD)"
expect_sql "bad/invalid UTF-8: raw is valid text with U+FFFD" \
  "SELECT length(raw), instr(raw, char(65533)) FROM policytext('$B/tree/invalid.txt');" \
  "54|34"
expect_sql "bad/stray NUL: parsed, error says where" \
  "SELECT title, words, error FROM policytext('$B/tree/nul.txt');" \
  "A note with a stray NUL|35|'$B/tree/nul.txt': NUL byte at byte offset 36 (0 invalid and 1 NUL bytes replaced by U+FFFD)"
expect_sql "bad/binary file: not parsed, error says so" \
  "SELECT quote(title), quote(body), quote(raw), error FROM policytext('$B/tree/binary.txt');" \
  "NULL|NULL|NULL|'$B/tree/binary.txt' looks binary (byte 0x02 at offset 4), not parsed"
expect_sql "bad/all NUL bytes: binary" \
  "SELECT quote(title), error FROM policytext('$B/tree/zeros.txt');" \
  "NULL|'$B/tree/zeros.txt' looks binary (byte 0x00 at offset 0), not parsed"
expect_sql "bad/dangling symlink: a row whose error names it" \
  "SELECT quote(title), bytes, error FROM policytext('$B/tree/dangling.txt');" \
  "Error: policytext: cannot open '$B/tree/dangling.txt': No such file or directory"
expect_sql "bad/dangling symlink inside a folder: a row with an error" \
  "SELECT quote(title), quote(bytes), error FROM policytext('$B/tree') WHERE path LIKE '%dangling%';" \
  "NULL|NULL|cannot read '$B/tree/dangling.txt': No such file or directory"
expect_sql "bad/max_bytes: refused with a row error" \
  "SELECT quote(body), bytes, error FROM policytext('$B/tree/sub/fine.txt', 'max_bytes=10');" \
  "NULL|37|'$B/tree/sub/fine.txt' is 37 bytes, over the limit of 10 (option max_bytes)"
expect_sql "bad/bad max_bytes" \
  "SELECT count(*) FROM policytext('$B/tree', 'max_bytes=lots');" \
  "Error: policytext: max_bytes must be a size like 1000000 or 64M, not 'lots'"
expect_sql "bad/SQLITE_LIMIT_LENGTH caps max_bytes" \
  "SELECT error IS NOT NULL FROM policytext('$B/tree/sub/fine.txt', 'max_bytes=1G');" \
  "0"
expect_sql "bad/policytext_clean on bytes" \
  "SELECT hex(policytext_clean(x'41ff0d0a42')), policytext_clean(NULL) IS NULL, policytext_clean(12);" \
  "41EFBFBD0A42|1|12"

# A 100 MB document (20 MB under valgrind): one row, in bounded time.
mb=100
[ -n "$VALGRIND" ] && mb=20
python3 - "$B/big/huge.txt" "$mb" <<'PY'
import sys
para = ("The committee reviewed the budget request for the coming year and "
        "asked the agency to explain its spending on cybersecurity. ") * 8
with open(sys.argv[1], "w") as f:
    f.write("A Very Large Report\nReport\nMarch 3, 2019\n\n")
    target = int(sys.argv[2]) * 1024 * 1024
    n = 0
    while n < target:
        f.write(para + "\n\n")
        n += len(para) + 2
PY
start=$(date +%s)
expect_sql "bad/${mb} MB file: parsed into one row" \
  "SELECT title, published, kind, words > 1000000, error IS NULL FROM policytext('$B/big/huge.txt');" \
  "A Very Large Report|2019-03-03|Report|1|1"
echo "     (${mb} MB document parsed in $(( $(date +%s) - start )) s)"

# A symbolic link inside an allowed folder that points outside it is not read.
mkdir -p "$B/jail"
printf 'Inside\n\nA document inside the allowed folder.\n' > "$B/jail/in.txt"
printf 'Secret\n\nA document outside the allowed folder.\n' > "$B/secret.txt"
ln -s "$B/secret.txt" "$B/jail/link.txt"
expect_sql "bad/policytext_allow: a link out of the allowed folder is refused" \
  "SELECT policytext_allow('$B/jail') = '$(cd "$B/jail" && pwd -P)';
SELECT replace(path, '$B/', ''), quote(title), quote(error) FROM policytext('$B/jail');" \
  "1
jail/in.txt|'Inside'|NULL
jail/link.txt|NULL|'''$B/jail/link.txt'' is outside the paths allowed by policytext_allow(), not read'"
