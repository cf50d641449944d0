-- Who is mentioned with whom: pairs of people and organisations named in the
-- same documents, with the number of documents that name both.
WITH m AS (
  SELECT DISTINCT d.rowid AS doc, m.name, m.type
    FROM docs d, mentions(d.body) m
   WHERE m.type IN ('person', 'org') AND m.name <> ''
)
SELECT a.name AS first, b.name AS second, count(*) AS docs
  FROM m a JOIN m b ON a.doc = b.doc AND a.name < b.name
 GROUP BY a.name, b.name
 ORDER BY docs DESC, first, second
 LIMIT 25;
