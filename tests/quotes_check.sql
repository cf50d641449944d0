-- Compares quotes() over one text with its .expected.json (tests/suites/30-quotes.sh
-- substitutes @DOC@ and @EXPECTED@).  Every output row is a mismatch:
-- row|field|expected|got.  Only the fields an expected row gives are compared;
-- a JSON null expects SQL NULL.
CREATE TEMP TABLE doc AS SELECT CAST(readfile('@DOC@') AS TEXT) AS t;
CREATE TEMP TABLE e AS SELECT CAST(readfile('@EXPECTED@') AS TEXT) AS j;
CREATE TEMP TABLE q AS SELECT * FROM doc, quotes(doc.t);
SELECT 'count', NULL, json_array_length(e.j, '$.rows'), (SELECT count(*) FROM q) FROM e
 WHERE json_array_length(e.j, '$.rows') <> (SELECT count(*) FROM q);
SELECT r.key + 1, f.key, f.value,
       CASE f.key WHEN 'quote' THEN q.quote WHEN 'start' THEN q.start WHEN 'length' THEN q.length
                  WHEN 'speaker' THEN q.speaker WHEN 'role' THEN q.role WHEN 'cue' THEN q.cue
                  WHEN 'kind' THEN q.kind WHEN 'depth' THEN q.depth WHEN 'paragraph' THEN q.paragraph
                  WHEN 'how' THEN q.how ELSE 'unknown field' END AS got
  FROM e, json_each(e.j, '$.rows') r, json_each(r.value) f LEFT JOIN q ON q.n = r.key + 1
 WHERE f.value IS NOT
       CASE f.key WHEN 'quote' THEN q.quote WHEN 'start' THEN q.start WHEN 'length' THEN q.length
                  WHEN 'speaker' THEN q.speaker WHEN 'role' THEN q.role WHEN 'cue' THEN q.cue
                  WHEN 'kind' THEN q.kind WHEN 'depth' THEN q.depth WHEN 'paragraph' THEN q.paragraph
                  WHEN 'how' THEN q.how ELSE 'unknown field' END;
-- Positions are exact: substr(text, start, length) is the quote, and the
-- speaker mention is where speaker_start says.
SELECT q.n, 'substr', q.quote, substr(doc.t, q.start, q.length) FROM q, doc
 WHERE substr(doc.t, q.start, q.length) IS NOT q.quote;
SELECT q.n, 'mention', q.mention, substr(doc.t, q.speaker_start, q.speaker_length) FROM q, doc
 WHERE q.mention IS NOT NULL AND substr(doc.t, q.speaker_start, q.speaker_length) IS NOT q.mention;
