-- Texts over 256 KiB are analysed chunk by chunk (so rows flow and the
-- statement can be interrupted); positions, paragraph numbers and row
-- numbers stay those of the whole text.
CREATE TABLE t AS SELECT replace(hex(zeroblob(20000)), '0', '“Go,” Mr. Smith said.' || char(10, 10) || 'He was calm.' || char(10, 10)) AS x;
SELECT length(CAST(x AS BLOB)) > 3 * 262144 FROM t;
SELECT count(*), sum(q.speaker = 'Smith'), max(q.paragraph), max(q.n), min(q.n) FROM t, quotes(t.x) q;
-- substr() walks the text from its start, so check one row in a thousand
-- (this keeps the test fast under valgrind); each chunk has some.
SELECT count(*), sum(substr(t.x, q.start, q.length) = q.quote) FROM t, quotes(t.x) q WHERE q.n % 1000 = 7;
-- paragraphs count on across chunks: quotation k is in paragraph 2k-1
SELECT count(*) FROM t, quotes(t.x) q WHERE q.paragraph <> 2 * q.n - 1;
