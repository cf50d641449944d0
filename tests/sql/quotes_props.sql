-- Properties over 3,000 random texts made of quotation marks, names, cues and
-- breaks (random each run; the answers must not depend on it): every row's
-- start/length and speaker_start/speaker_length point at its text, and
-- speaker() agrees with quotes().
CREATE TEMP TABLE piece(i INTEGER PRIMARY KEY, p TEXT);
INSERT INTO piece(p) VALUES ('“'),('”'),('"'),(''''),(''''''),('‘'),('’'),('«'),('»'),('„'),
  (char(10,10)),(char(10)),(' said '),(' Mr. '),('Kerry'),(' John Kerry'),(' he '),(' she '),(','),(':'),
  ('—'),('-'),('.'),('?'),(' a '),(' the secretary '),('Sen.'),(' (R-Texas) '),(' according to '),
  (' who '),(' told '),('X'),('é'),(' CNN '),(' of '),('s '),('Ms.'),('Jr.,'),(' Dec. '),(' White House ');
CREATE TEMP TABLE f AS
  WITH RECURSIVE doc(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM doc WHERE id < 3000),
       w(id, k, s) AS (SELECT id, 0, '' FROM doc
                       UNION ALL
                       SELECT id, k + 1, s || (SELECT p FROM piece WHERE i = 1 + abs(random()) % 40)
                         FROM w WHERE k < 1 + (id * 7919) % 60)
  SELECT id, s AS x FROM w WHERE k = 1 + (id * 7919) % 60;
SELECT count(*) FROM f;
SELECT count(*) FROM f, quotes(f.x) q
 WHERE substr(f.x, q.start, q.length) IS NOT q.quote
    OR (q.mention IS NOT NULL AND substr(f.x, q.speaker_start, q.speaker_length) IS NOT q.mention);
SELECT count(*) FROM f, mentions(f.x) m WHERE substr(f.x, m.start, m.length) IS NOT m.mention;
SELECT count(*) FROM f
 WHERE speaker(x) IS NOT (SELECT speaker FROM quotes(f.x)
                           WHERE kind NOT IN ('scare', 'title') AND speaker IS NOT NULL ORDER BY n LIMIT 1);
