#!/usr/bin/env bash
# bench/30-quotes.sh: throughput of quotes() against SQLite's own floors.
# Loads the PolNeAR train texts into a table repeated to >= 50 MB and times,
# in one process, sum(length(x)), sum(length(upper(x))) and
# SELECT count(*) FROM t, quotes(t.x).  Skips when ../shared is absent.
cd "$(dirname "$0")/.." || exit 2
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/data/polnear/train/text" ]; then
  echo "skip bench/30-quotes: $SHARED/data/polnear is absent"
  exit 0
fi
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
exec "$PY" - "$SHARED/data/polnear/train/text" "${BENCH_MB:-50}" <<'PYEOF'
import glob, os, resource, sqlite3, sys, time
src, want_mb = sys.argv[1], float(sys.argv[2])
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(src, "*.txt")))]
db = sqlite3.connect(":memory:")
db.enable_load_extension(True)
db.load_extension("./policytext")
db.execute("CREATE TABLE t(x TEXT)")
total = 0
while total < want_mb * 1e6:
    db.executemany("INSERT INTO t VALUES (?)", ((x,) for x in texts))
    total += sum(len(x.encode("utf-8")) for x in texts)
mb = db.execute("SELECT sum(length(CAST(x AS BLOB))) FROM t").fetchone()[0] / 1e6
rows = db.execute("SELECT count(*) FROM t").fetchone()[0]
def timeit(sql):
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        r = db.execute(sql).fetchone()[0]
        dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    return best, r
res = []
for name, sql in (("length(x)", "SELECT sum(length(x)) FROM t"),
                  ("upper(x)", "SELECT sum(length(upper(x))) FROM t"),
                  ("quotes(x)", "SELECT count(*) FROM t, quotes(t.x)")):
    dt, r = timeit(sql)
    res.append((name, dt, r))
up = res[1][1]
print("bench/30-quotes: %.1f MB in %d documents (PolNeAR train repeated), best of 3" % (mb, rows))
print("%-10s %9s %9s %10s" % ("query", "seconds", "MB/s", "vs upper"))
for name, dt, r in res:
    print("%-10s %9.3f %9.1f %10.2f" % (name, dt, mb / dt, up / dt))
print("quotes() rows: %d" % res[2][2])
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("peak RSS: %.1f MB (the table itself is in memory: %.1f MB of text)" % (rss / 1024.0, mb))
PYEOF
