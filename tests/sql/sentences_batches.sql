-- sentences() and paragraphs() stream in batches of about 64 KiB cut at
-- blank lines: numbering, paragraph numbers and positions run on across
-- batches as in one pass.  4.5 MB of text (70 batches) for the counts,
-- 90 KB (2 batches) for the positions (substr() itself is linear per call).
CREATE TABLE t AS SELECT replace(hex(zeroblob(100000)), '00', 'Sen. Ann Lee spoke. “Yes.”' || char(10) || 'Ünïcode line.' || char(10, 32, 10)) AS body;
SELECT count(*), max(n), sum(n), max(paragraph), sum(paragraph), min(s.rowid = n) FROM t, sentences(t.body) s;
SELECT n, paragraph, start, length, sentence FROM t, sentences(t.body) WHERE n IN (1, 2, 3, 4367, 4368, 4369, 300000);
SELECT count(*), max(n), sum(start), min(p.rowid = n) FROM t, paragraphs(t.body) p;
CREATE TABLE u AS SELECT substr(body, 1, 90000) AS body FROM t;
SELECT count(*) FROM u, sentences(u.body) s WHERE substr(u.body, s.start, s.length) <> s.sentence;
SELECT count(*) FROM u, paragraphs(u.body) p WHERE substr(u.body, p.start, p.length) <> p.paragraph;
-- One paragraph larger than a batch, between small ones.
SELECT count(*), max(paragraph), max(length) FROM sentences('A.' || char(10, 10) || printf('%.*c', 200000, 'x') || '. B.' || char(10, 10) || 'C.');
