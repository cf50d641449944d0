-- Bad input: empty, NULL, blobs, invalid UTF-8, a 10 MB text, odd schemes.
SELECT count(*) FROM topics('');
SELECT count(*) FROM topics(NULL);
SELECT count(*) FROM topics('', 'cap');
SELECT count(*) FROM topics('x', NULL);
SELECT count(*) FROM topics('   ...   ,,, !!! ');
SELECT * FROM topics(x'4869');
-- invalid UTF-8 and NUL bytes inside words: skipped as non-letters, no crash
SELECT topic, evidence FROM topics(CAST(x'ff74617269666673fe20746172696666732c20c3a9746f6e6e616e7420e282ac20cd' AS TEXT), 'cap');
SELECT topic, evidence FROM topics('taxes' || char(0) || 'inflation', 'cap');
-- accents and case fold: Élysée, ÉLYSÉE, elysee are one word
SELECT topic, hits FROM topics('ÉLYSÉE and the elysee', 'place');
-- a 10 MB text generated in SQL: one pass, rows as usual
SELECT topic, hits FROM topics((SELECT group_concat('Inflation and the budget deficit worried the Federal Reserve. ', '') FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 165000) SELECT i FROM n)), 'cap') WHERE rank = 1;
SELECT length((SELECT group_concat('Inflation and the budget deficit worried the Federal Reserve. ', '') FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 165000) SELECT i FROM n))) > 10000000;
-- one 10 MB word, and 10 MB of punctuation
SELECT count(*) FROM topics(printf('%.*c', 10000000, 'a'));
SELECT count(*) FROM topics(replace(printf('%.*c', 5000000, 'x'), 'x', '.,'));
-- a scheme list with blanks and repeats
SELECT scheme, count(*) FROM topics('China and Russia', ' place ,, place') GROUP BY scheme;
-- without arguments: no rows
SELECT count(*) FROM topics;
-- usable as a plain join partner of a table with a column named text
CREATE TABLE t(text TEXT);
INSERT INTO t VALUES ('Medicare'), (NULL), ('');
SELECT t.text, count(x.topic) FROM t LEFT JOIN topics(t.text, 'cap') x GROUP BY t.rowid ORDER BY t.rowid;
