#!/usr/bin/env python3
"""bench/scale.py: `make bench-scale`: policytext at 100 MB and 1 GB.

Builds a corpus in a temporary folder: 10,000 files of about 100 KB, each a
document header from the sample corpus followed by PolNeAR articles (../shared)
picked at random, so that the texts are real news prose; without ../shared the
sample corpus bodies are used.  The first 1,000 files (100 MB) and then all
10,000 (1 GB) are scanned by separate sqlite3 processes, each query timed
with `.timer on` and its peak RSS taken from wait4(), next to the floor:
SQLite's own readfile() over fsdir() on the same files in the same run.
"""
import os, random, shutil, subprocess, sys, tempfile, glob

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))
SQLITE3 = os.environ.get("SQLITE3", "sqlite3")
N_FILES = int(os.environ.get("SCALE_FILES", "10000"))
FILE_BYTES = int(os.environ.get("SCALE_FILE_BYTES", str(100 * 1024)))


def make_corpus(d):
    rnd = random.Random(42)
    arts = sorted(glob.glob(os.path.join(SHARED, "data/polnear/*/text/*.txt")))
    bodies = [open(a, encoding="utf-8").read() for a in arts]
    samples = sorted(glob.glob(os.path.join(ROOT, "sample/*/*.txt")))
    heads = []
    for s in samples:
        text = open(s, encoding="utf-8").read()
        cut = text.find("\n\n", text.find("\n\n") + 2)
        heads.append(text[: cut + 2] if cut > 0 else text)
        if not arts:
            bodies.append(text)
    total = 0
    for i in range(N_FILES):
        sub = os.path.join(d, "s%03d" % (i % 100))
        os.makedirs(sub, exist_ok=True)
        parts = [rnd.choice(heads)]
        size = len(parts[0])
        while size < FILE_BYTES:
            b = rnd.choice(bodies)
            parts.append(b + "\n\n")
            size += len(b) + 2
        data = "".join(parts).encode("utf-8")
        with open(os.path.join(sub, "doc%05d.txt" % i), "wb") as f:
            f.write(data)
        total += len(data)
    return total, "PolNeAR articles" if arts else "sample corpus (../shared absent)"


def run(sql):
    """Runs sql in a fresh sqlite3 with the extension; returns (seconds, maxrss KB, output)."""
    p = subprocess.Popen([SQLITE3, "-cmd", ".load ./policytext", "-cmd", ".timer on", ":memory:"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         cwd=ROOT, text=True)
    p.stdin.write(sql + "\n")
    p.stdin.close()
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = status
    secs = None
    for line in out.splitlines():
        if line.startswith("Run Time: real"):
            secs = float(line.split()[3])
    return secs, ru.ru_maxrss, out


def has(fn):
    _, _, out = run("SELECT 1 FROM %s('x') LIMIT 0;" % fn)
    return "no such" not in out


def files_in(d, n):
    return [os.path.join(d, "s%03d" % (i % 100), "doc%05d.txt" % i) for i in range(n)]


def main():
    if shutil.which(SQLITE3) is None:
        print("bench-scale: skipped, no sqlite3 shell (apt-get install sqlite3)")
        return 0
    tmp = tempfile.mkdtemp(prefix="pt-scale.")
    try:
        print("bench-scale: writing %d files of ~%d KB to %s ..." % (N_FILES, FILE_BYTES // 1024, tmp))
        total, what = make_corpus(tmp)
        print("corpus: %d files, %.0f MB, bodies from %s\n" % (N_FILES, total / 2**20, what))
        steps = [(max(1, N_FILES // 10), "100 MB"), (N_FILES, "1 GB")]
        q_opt = []
        if has("quotes"):
            q_opt.append(("quotes() over every body", "SELECT count(*), count(speaker) FROM policytext('%s') d, quotes(d.body) q;"))
        if has("topics"):
            q_opt.append(("topics() GROUP BY (rank 1, cap)", "SELECT t.topic, count(*) FROM policytext('%s') d, topics(d.body, 'cap') t WHERE t.rank = 1 GROUP BY 1;"))
        print("%-8s %-36s %8s %9s %8s %9s" % ("corpus", "query", "seconds", "MB/s", "x floor", "peak RSS"))
        for n, label in steps:
            # a folder of symlinks to the first n files, so every query sees the same set
            sel = os.path.join(tmp, "sel%d" % n)
            os.makedirs(sel)
            nbytes = 0
            for k, f in enumerate(files_in(tmp, n)):
                os.symlink(f, os.path.join(sel, "f%05d.txt" % k))
                nbytes += os.path.getsize(f)
            subprocess.run("cat %s/*.txt > /dev/null" % sel, shell=True)  # warm the page cache
            queries = [("floor: readfile() over fsdir()", "SELECT sum(length(readfile(name))) FROM fsdir('%s') WHERE name GLOB '*.txt';"),
                       ("policytext: metadata columns", "SELECT count(title), count(published), count(kind), count(author) FROM policytext('%s');"),
                       ("policytext: all columns", "SELECT sum(length(title) + length(body) + words + bytes + length(tags) + length(modified)) FROM policytext('%s');")] + q_opt
            floor = None
            for name, sql in queries:
                secs, rss, out = run(sql % sel)
                if secs is None:
                    print("%-8s %-36s failed: %s" % (label, name, out.strip()[:200]))
                    continue
                if floor is None:
                    floor = secs
                mbs = nbytes / 2**20 / secs if secs > 0 else float("inf")
                print("%-8s %-36s %8.2f %9.1f %8.2f %7.0f MB" % (label, name, secs, mbs, secs / floor if floor else 0, rss / 1024))
            print()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
