-- make demo: a tour of policytext over the bundled sample corpus.
-- Run it yourself:  sqlite3 -header -column -cmd '.load ./policytext' :memory: < sql/examples/demo.sql
.print '--- Documents from 2019 on, newest first'
CREATE VIRTUAL TABLE docs USING policytext('sample/');
SELECT published, kind, substr(title, 1, 60) AS title FROM docs
 WHERE published >= '2019-01-01' ORDER BY published DESC;

.print ''
.print '--- Declared topic tags and how many documents carry each'
SELECT value AS tag, count(*) AS docs FROM docs, json_each(docs.tags)
 GROUP BY tag ORDER BY docs DESC, tag LIMIT 8;

.print ''
.print '--- Kinds of document'
SELECT coalesce(kind, '(none stated)') AS kind, count(*) AS docs, sum(words) AS words
  FROM docs GROUP BY 1 ORDER BY 2 DESC;

.print ''
.print '--- Who wrote what'
SELECT author, count(*) AS docs FROM docs WHERE author IS NOT NULL GROUP BY author ORDER BY 2 DESC, 1 LIMIT 8;

.print ''
.print '--- The same table as a table-valued function, with options'
SELECT substr(path, 8) AS path, published FROM policytext('sample', 'pattern=*.md') ORDER BY published;

.print ''
.print '--- Who said what: quotations with speaker, role and cue (quotes())'
SELECT speaker, role, cue, substr(quote, 1, 50) AS quote
  FROM docs, quotes(docs.body) q
 WHERE q.kind IN ('full', 'partial', 'block') AND speaker IS NOT NULL LIMIT 8;

.print ''
.print '--- Who is quoted most'
SELECT speaker, count(*) AS quotes FROM docs, quotes(docs.body)
 WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY 2 DESC, 1 LIMIT 6;

.print ''
.print '--- The first speaker of each press release (speaker())'
SELECT substr(title, 1, 50) AS title, speaker(body) AS first_speaker FROM docs WHERE kind = 'Press Release' LIMIT 5;

.print ''
.print '--- Policy topics across the corpus (topics(), CAP codebook)'
SELECT topic, count(*) AS docs FROM docs, topics(docs.body) GROUP BY topic ORDER BY 2 DESC, 1 LIMIT 6;
