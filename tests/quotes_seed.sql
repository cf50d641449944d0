-- issue 4 acceptance: the seed's four quotations exactly as .expected.json says
-- (speaker, role, cue, start, length) and no other row of kind full, partial or
-- block.  Substituted by tests/suites/30-quotes.sh; every output row is a mismatch.
CREATE TEMP TABLE e AS SELECT CAST(readfile('@EXPECTED@') AS TEXT) AS j;
CREATE TEMP TABLE q AS
  SELECT speaker, role, cue, start, length, kind
    FROM quotes(CAST(readfile('@DOC@') AS TEXT));
SELECT 'missing', x.value FROM e, json_each(e.j, '$.quotes') x
 WHERE NOT EXISTS (SELECT 1 FROM q
                    WHERE q.speaker IS json_extract(x.value, '$.speaker')
                      AND q.role IS json_extract(x.value, '$.role')
                      AND q.cue IS json_extract(x.value, '$.cue')
                      AND q.start = json_extract(x.value, '$.start')
                      AND q.length = json_extract(x.value, '$.length'));
SELECT 'extra', json_array(q.speaker, q.role, q.cue, q.start, q.length, q.kind) FROM q, e
 WHERE q.kind IN ('full', 'partial', 'block')
   AND NOT EXISTS (SELECT 1 FROM json_each(e.j, '$.quotes') x
                    WHERE q.start = json_extract(x.value, '$.start')
                      AND q.length = json_extract(x.value, '$.length'));
