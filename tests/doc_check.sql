-- Compares the policytext row of one document with its .expected.json.
-- tests/suites/20-doc.sh substitutes @DOC@ and @EXPECTED@; every output row
-- is a mismatch: field|expected|got.
CREATE TEMP TABLE e AS SELECT CAST(readfile('@EXPECTED@') AS TEXT) AS j;
CREATE TEMP TABLE d AS SELECT * FROM policytext('@DOC@');
SELECT 'row count', 1, (SELECT count(*) FROM d) WHERE (SELECT count(*) FROM d) <> 1;
SELECT 'error', NULL, d.error FROM d WHERE d.error IS NOT NULL;
SELECT f.key, json_extract(e.j, '$.' || f.key),
       CASE f.key WHEN 'title' THEN d.title WHEN 'published' THEN d.published
                  WHEN 'kind' THEN d.kind WHEN 'author' THEN d.author
                  WHEN 'source' THEN d.source END
  FROM e, d, (SELECT 'title' AS key UNION ALL SELECT 'published' UNION ALL SELECT 'kind'
              UNION ALL SELECT 'author' UNION ALL SELECT 'source') f
 WHERE json_type(e.j, '$.' || f.key) IS NOT NULL
   AND json_extract(e.j, '$.' || f.key) IS NOT
       CASE f.key WHEN 'title' THEN d.title WHEN 'published' THEN d.published
                  WHEN 'kind' THEN d.kind WHEN 'author' THEN d.author
                  WHEN 'source' THEN d.source END;
SELECT 'source_contains', json_extract(e.j, '$.source_contains'), d.source FROM e, d
 WHERE json_type(e.j, '$.source_contains') IS NOT NULL
   AND (d.source IS NULL OR instr(d.source, json_extract(e.j, '$.source_contains')) = 0);
SELECT 'tags', json_extract(e.j, '$.tags'), d.tags FROM e, d
 WHERE json_type(e.j, '$.tags') IS NOT NULL
   AND json(json_extract(e.j, '$.tags')) IS NOT json(d.tags);
SELECT 'body_starts_with', json_extract(e.j, '$.body_starts_with'),
       substr(d.body, 1, length(json_extract(e.j, '$.body_starts_with')) + 20) FROM e, d
 WHERE json_type(e.j, '$.body_starts_with') IS NOT NULL
   AND substr(d.body, 1, length(json_extract(e.j, '$.body_starts_with')))
       IS NOT json_extract(e.j, '$.body_starts_with');
SELECT 'body_ends_with', json_extract(e.j, '$.body_ends_with'),
       substr(d.body, -length(json_extract(e.j, '$.body_ends_with')) - 20) FROM e, d
 WHERE json_type(e.j, '$.body_ends_with') IS NOT NULL
   AND substr(d.body, -length(json_extract(e.j, '$.body_ends_with')))
       IS NOT json_extract(e.j, '$.body_ends_with');
SELECT 'body_excludes', x.value, 'found in body' FROM e, d, json_each(e.j, '$.body_excludes') x
 WHERE instr(d.body, x.value) > 0;
