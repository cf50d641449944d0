-- The most quoted speakers per source: the three speakers quoted most often
-- in each source's documents (the kind of document stands in for the source
-- when none is stated).  Quotations only: scare quotes and titles do not count.
WITH q AS (
  SELECT coalesce(d.source, d.kind, '(unknown)') AS source, q.speaker
    FROM docs d, quotes(d.body) q
   WHERE q.speaker IS NOT NULL AND q.kind IN ('full', 'partial', 'block')
), counted AS (
  SELECT source, speaker, count(*) AS quotes,
         row_number() OVER (PARTITION BY source ORDER BY count(*) DESC, speaker) AS place
    FROM q GROUP BY source, speaker
)
SELECT source, speaker, quotes FROM counted WHERE place <= 3 ORDER BY source, quotes DESC, speaker;
