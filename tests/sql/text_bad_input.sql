-- Bad and pathological input for sentences(), paragraphs(), acronyms(),
-- kwic() and the FTS5 tokenizer: NULL, BLOB, invalid UTF-8, NUL, huge and
-- repetitive text.  Each must give rows or a clear error, in linear time.
SELECT count(*) FROM sentences(NULL);
SELECT count(*) FROM paragraphs(NULL);
SELECT count(*) FROM acronyms(NULL);
SELECT * FROM sentences(x'00ff');
SELECT * FROM paragraphs(zeroblob(4));
SELECT * FROM sentences('a', 'b');
SELECT * FROM sentences;
-- Numbers are read as text, as SQLite converts them.
SELECT sentence FROM sentences(3.5);
-- Invalid UTF-8 and NUL: positions stay exact by SQLite's own counting.
SELECT n, hex(sentence), start, length FROM (SELECT CAST(x'4869ff2e20c3a9c3a92e2042c32e' AS TEXT) AS t), sentences(t);
SELECT count(*) FROM (SELECT CAST(x'4869ff2e20c3a9c3a92e2042c32e' AS TEXT) AS t), sentences(t) WHERE substr(t, start, length) <> sentence;
SELECT hex(match), start FROM (SELECT CAST(x'ff41ff20626f6f6bff' AS TEXT) AS t), kwic(t, 'a');
SELECT length(CAST(x'4f00504d' AS TEXT)), count(*) FROM acronyms(CAST(x'4f00504d' AS TEXT));
-- One 10 MB sentence.
SELECT count(*), max(length) FROM sentences(printf('%.*c', 10000000, 'x'));
-- 10 MB of short sentences (2.5 million), 1 million paragraphs.
SELECT count(*), sum(length) FROM sentences(replace(hex(zeroblob(2500000)), '00', 'Ab. '));
SELECT count(*) FROM paragraphs(replace(hex(zeroblob(1000000)), '00', char(10, 10) || 'x'));
-- Abbreviations, initials and dots without end.
SELECT count(*) FROM sentences(replace(hex(zeroblob(300000)), '00', 'U.S. Sen. A. '));
SELECT count(*) FROM sentences(replace(hex(zeroblob(1000000)), '00', 'ab.cd'));
-- 100k unmatched parentheses and quotes; 100k definitions.
SELECT count(*) FROM acronyms(replace(hex(zeroblob(100000)), '00', '(OPM '));
SELECT count(*) FROM acronyms(replace(hex(zeroblob(100000)), '00', '“ '));
SELECT count(*) FROM acronyms(replace(hex(zeroblob(100000)), '00', 'Office of Personnel Management (OPM) '));
-- kwic over 4 MB with a hit every 4 bytes, and a long phrase.
SELECT count(*) FROM kwic(replace(hex(zeroblob(1000000)), '00', 'ab. '), 'ab', 3);
SELECT count(*) FROM kwic(replace(hex(zeroblob(1000000)), '00', 'a b '), 'a b a b a b a c');
-- The tokenizer on a long dotted run and a 2.5 MB row of compounds.
CREATE VIRTUAL TABLE ft USING fts5(body, tokenize = 'policytext');
INSERT INTO ft VALUES (replace(hex(zeroblob(500000)), '00', 'ab.'));
INSERT INTO ft VALUES (replace(hex(zeroblob(500000)), '00', 'U.S. '));
INSERT INTO ft VALUES (CAST(x'ff00c3e2809c' AS TEXT));
SELECT count(*) FROM ft WHERE ft MATCH '"U.S."';
SELECT count(*) FROM ft WHERE ft MATCH 'ab';
