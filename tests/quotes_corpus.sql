-- quotes() and mentions() over every text that @DOC@ (a glob) matches, as
-- read from disk (tests/suites/30-quotes.sh runs it over ../shared's real
-- texts when they are there, so the sanitizer and valgrind runs see real
-- news and speeches): no error, and every position exact.  Every output row
-- is a mismatch: path|row|what|expected|got.
CREATE TEMP TABLE f AS SELECT path, CAST(readfile(path) AS TEXT) AS t FROM policytext('@DOC@');
CREATE TEMP TABLE q AS SELECT f.path, q.* FROM f, quotes(f.t) q;
SELECT 'files', NULL, 'at least', 20, (SELECT count(*) FROM f) WHERE (SELECT count(*) FROM f) < 20;
SELECT 'rows', NULL, 'at least', 100, (SELECT count(*) FROM q) WHERE (SELECT count(*) FROM q) < 100;
SELECT q.path, q.n, 'substr', q.quote, substr(f.t, q.start, q.length) FROM q JOIN f USING (path)
 WHERE substr(f.t, q.start, q.length) IS NOT q.quote;
SELECT q.path, q.n, 'mention', q.mention, substr(f.t, q.speaker_start, q.speaker_length) FROM q JOIN f USING (path)
 WHERE q.mention IS NOT NULL AND substr(f.t, q.speaker_start, q.speaker_length) IS NOT q.mention;
SELECT f.path, NULL, 'mentions()', m.mention, substr(f.t, m.start, m.length) FROM f, mentions(f.t) m
 WHERE substr(f.t, m.start, m.length) IS NOT m.mention;
