-- Pathological input finishes in linear time with sane rows (big inputs are
-- made here in SQL, not committed).  A quadratic scan would not finish.
-- A million opening marks: each reopens, the one before ends empty (texts
-- over 256 KiB are read in chunks; a chunk boundary with no line break or
-- space in sight can end a quotation, hence a few rows fewer than marks).
SELECT count(*), max(length), min(kind) FROM quotes(replace(hex(zeroblob(500000)), '0', '“'));
-- A million straight marks pair up as empty quotations.
SELECT count(*), max(length) FROM quotes(replace(hex(zeroblob(500000)), '0', '"'));
-- A million doubled apostrophes and a million single ones.
SELECT count(*) FROM quotes(replace(hex(zeroblob(500000)), '0', ''''''));
SELECT count(*) FROM quotes(replace(hex(zeroblob(500000)), '0', 'it''s Jones'' ''90s '));
-- Unbalanced marks recover at each paragraph end.
SELECT count(*), sum(length = 12) FROM quotes(replace(hex(zeroblob(50000)), '0', char(10, 10) || 'He said “never closed'));
-- A 10 MB paragraph with no marks, then one that is all one unclosed quotation,
-- then one full of names and reporting verbs.
SELECT count(*) FROM quotes(replace(hex(zeroblob(500000)), '0', 'word said '));
-- (the unclosed quotation ends at the first chunk's end, as at a paragraph's)
SELECT count(*), max(length) BETWEEN 250000 AND 800000 FROM quotes('“' || replace(hex(zeroblob(500000)), '0', 'word said '));
SELECT count(*), count(DISTINCT speaker) FROM quotes(replace(hex(zeroblob(250000)), '0', '“Go,” Mr. Smith said. '));
-- Invalid UTF-8 and NUL are plain characters; positions stay exact.
SELECT quote, start, length FROM quotes(CAST(x'e2809c61ff62e2809d' AS TEXT));
-- Bytes 10xxxxxx after an ASCII byte (Latin-1 passed off as UTF-8, as in
-- some of the speeches in ../shared) are characters for SQLite's substr(),
-- and so for the positions; after a lead byte they belong to its character,
-- and a span never starts or ends inside one.  Each row: 1|1.
SELECT substr(t, start, length) = quote, substr(t, speaker_start, speaker_length) = mention
  FROM (SELECT CAST(x'416d6572696361a1a673206869676820706c6163652e20e2809c57652077696c6c207374617920612a2ce2809d207361696420416e6e204c65652e' AS TEXT) AS t), quotes(t);
SELECT substr(t, start, length) = mention FROM (SELECT CAST(x'a1a64d72732e20416e6e204c6565a1a6207361696420697420616761696e2e' AS TEXT) AS t), mentions(t);
SELECT substr(t, start, length) = quote, quote FROM (SELECT CAST(x'e2809ca16869e2809d2c207361696420416e6e204c65652e' AS TEXT) AS t), quotes(t);
SELECT substr(t, start, length) = sentence FROM (SELECT CAST(x'c3a9a1204974206973206f7665722ea1a620536f2069732069742e' AS TEXT) AS t), sentences(t);
-- Like SQLite's length() and substr(), quotes() reads text up to a NUL.
SELECT length, substr(t, start, length) = quote FROM (SELECT CAST(x'58e2809c6162e2809d0022782200' AS TEXT) AS t), quotes(t);
SELECT count(*) FROM quotes(CAST(x'00e2809c6162e2809d' AS TEXT));
SELECT count(*) FROM quotes(CAST(x'e2809ce2809de280' AS TEXT));
SELECT count(*) FROM quotes(CAST(x'c2' AS TEXT));
-- A block of 100,000 paragraphs, each a transcript turn: a block's speaker
-- and each turn's are found once, not by a scan of the block per paragraph.
SELECT count(*), count(speaker), min(how) FROM quotes('“' || replace(hex(zeroblob(50000)), '0', 'WALLACE: hi.' || char(10, 10) || '“') || '”');
-- 200,000 epithets and kinship phrases after one name (three speakers: past
-- the first 256 KiB chunk, "the Florida senator" names no one known).
SELECT count(*), count(DISTINCT speaker) FROM quotes('Florida Sen. Ann Lee spoke. ' || replace(hex(zeroblob(50000)), '0', '“Yes,” the Florida senator said. My mother said, “No way at all.” '));
-- A one-letter word ending the text after a quotation (the tokenizer once
-- read past it; fuzz_quote found it under ASan).
SELECT count(*) FROM quotes('nEomoc"d"UU');
SELECT count(*) FROM quotes('x "y" a');
