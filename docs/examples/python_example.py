#!/usr/bin/python3
"""policytext from Python's standard sqlite3 module.

Run from the repository root after `make`:  /usr/bin/python3 docs/examples/python_example.py
(Debian's /usr/bin/python3 can load extensions; some other builds of Python
cannot: then enable_load_extension is missing.)
"""
import sqlite3

con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension("./policytext")       # the suffix (.so) is optional
con.enable_load_extension(False)         # no further loading from SQL

def show(rows):
    for row in rows:
        print("|".join("" if v is None else str(v) for v in row))

print("-- documents by kind")
show(con.execute("""
    SELECT kind, count(*) FROM policytext('sample') WHERE kind IS NOT NULL
    GROUP BY kind ORDER BY 2 DESC, 1 LIMIT 3"""))

print("-- acronyms defined in the press releases")
show(con.execute("""
    SELECT short, long FROM policytext(?), acronyms(body) ORDER BY short LIMIT 4""",
    ("sample/press",)))

print("-- full-text search with the policytext tokenizer")
con.execute("CREATE VIRTUAL TABLE ft USING fts5(title, body, tokenize = 'policytext')")
con.execute("INSERT INTO ft SELECT title, body FROM policytext('sample')")
show(con.execute("""
    SELECT highlight(ft, 0, '[', ']') FROM ft WHERE ft MATCH ? ORDER BY rank LIMIT 2""",
    ('"U.S." OR cyber*',)))

print("-- keyword in context")
show(con.execute("""
    SELECT left, match, right FROM policytext('sample/blog'), kwic(body, ?, 20)
    ORDER BY path, start LIMIT 3""", ("chips",)))
