-- Every quotation in documents about a topic, with its speaker.  A document
-- is about the topic when the topic is among its two best in any scheme.
-- Change the topic here:
WITH params(topic) AS (VALUES ('Health')),
about AS (
  SELECT DISTINCT d.rowid AS doc FROM docs d, params p, topics(d.body) t
   WHERE t.topic = p.topic AND t.rank <= 2
)
SELECT d.title, coalesce(q.speaker, '(unattributed)') AS speaker, q.quote
  FROM about a JOIN docs d ON d.rowid = a.doc, quotes(d.body) q
 WHERE q.kind IN ('full', 'partial', 'block')
 ORDER BY d.published, q.n;
