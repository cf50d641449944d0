#!/usr/bin/env bash
# bench/60-fts.sh: FTS5 indexing speed, tokenizer `policytext` next to
# SQLite's `unicode61`, over the PolNeAR train texts, in one process
# (/usr/bin/python3's sqlite3 module with ./policytext.so loaded: it measures
# CPU time, so other load on the machine matters less than with wall time).
# Each tokenizer indexes the same in-memory texts ROUNDS times, alternating;
# the best round counts.  Fails when ours is below 0.7x unicode61.
cd "$(dirname "$0")/.." || exit 2
SHARED=${SHARED:-../shared}
DIR="$SHARED/data/polnear/train/text"
ROUNDS=${ROUNDS:-5}
if [ ! -d "$DIR" ]; then
  echo "bench/fts: skipped: $DIR is absent (the PolNeAR texts live in ../shared)"
  exit 0
fi
if ! /usr/bin/python3 -c 'import sqlite3; sqlite3.connect(":memory:").enable_load_extension(True)' 2>/dev/null; then
  echo "bench/fts: skipped: /usr/bin/python3 with a sqlite3 module that loads extensions is needed"
  exit 0
fi
exec /usr/bin/python3 - "$DIR" "$ROUNDS" <<'PY'
import sqlite3, sys, time
folder, rounds = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension("./policytext")
con.execute("CREATE TEMP TABLE texts AS SELECT raw AS body FROM policytext(?, 'pattern=*.txt')", (folder,))
files, size = con.execute("SELECT count(*), sum(length(CAST(body AS BLOB))) FROM texts").fetchone()
best = {}
for _ in range(rounds):
    for tok in ("unicode61", "policytext"):
        con.execute("DROP TABLE IF EXISTS f")
        t0 = time.process_time()
        con.execute(f"CREATE VIRTUAL TABLE f USING fts5(body, tokenize = '{tok}')")
        con.execute("INSERT INTO f SELECT body FROM texts")
        secs = time.process_time() - t0
        best[tok] = min(best.get(tok, secs), secs)
mb = size / 1e6
u, p = mb / best["unicode61"], mb / best["policytext"]
print(f"bench/fts: FTS5 indexing of {files} PolNeAR texts ({mb:.1f} MB), best of {rounds}, CPU time")
print(f"  {'unicode61 (SQLite)':22} {u:8.1f} MB/s")
print(f"  {'policytext':22} {p:8.1f} MB/s   {p / u:.2f}x unicode61 (floor 0.70x)")
sys.exit(0 if p / u >= 0.7 else 1)
PY
