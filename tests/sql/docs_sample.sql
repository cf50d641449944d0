-- The bundled sample corpus through the policytext table: metadata of every
-- document (checked by hand against the documents when this file was made).
SELECT rowid, substr(path, 8), title, published, kind, author, source, tags, words, error
  FROM policytext('sample') ORDER BY path;
-- The same as a CREATE VIRTUAL TABLE with options.
CREATE VIRTUAL TABLE notes USING policytext('sample', pattern='*.md', recursive=1);
SELECT count(*), min(published), max(published) FROM notes;
CREATE VIRTUAL TABLE top USING policytext('sample', recursive=0);
SELECT count(*) FROM top;
CREATE VIRTUAL TABLE blog USING policytext('sample/blog');
SELECT value AS tag, count(*) FROM blog, json_each(blog.tags) GROUP BY tag HAVING count(*) > 1 ORDER BY 2 DESC, 1;
-- rowid and path lookups find the same row as the scan.
SELECT path FROM blog WHERE rowid = 3;
SELECT rowid, title FROM blog WHERE path = 'sample/blog/county-election-offices.txt';
SELECT count(*) FROM blog WHERE rowid = 99;
SELECT count(*) FROM blog WHERE path = 'nope';
-- A join by rowid.
SELECT a.rowid, b.kind FROM blog a JOIN blog b ON b.rowid = a.rowid WHERE a.rowid <= 2;
-- Table-valued function with an options argument.
SELECT count(*) FROM policytext('sample', 'pattern=*.md');
SELECT count(*) FROM policytext('sample/*/*.md');
SELECT substr(path, 8) FROM policytext('sample/press/fcc-rural-schools-broadband.txt');
-- bytes and raw agree; body is smaller than raw.
SELECT count(*) FROM policytext('sample') WHERE bytes = length(CAST(raw AS BLOB)) AND length(body) < length(raw);
-- words counts the body's words.
SELECT words FROM policytext('sample/misc/auto-chip-supply-note.txt');
-- modified is ISO 8601.
SELECT count(*) FROM policytext('sample') WHERE modified GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z';
-- Metadata read without the body (only the first 64 KiB are parsed) equals
-- metadata read with it.
CREATE TEMP TABLE m AS SELECT path, title, published, source, kind, author, tags FROM policytext('sample');
CREATE TEMP TABLE f AS SELECT path, title, published, source, kind, author, tags, length(body) AS n FROM policytext('sample');
SELECT count(*), sum(m.title IS f.title AND m.published IS f.published AND m.source IS f.source
       AND m.kind IS f.kind AND m.author IS f.author AND m.tags IS f.tags) FROM m JOIN f USING (path);
-- A path lookup that misses the cached listing lists again and still finds nothing.
CREATE VIRTUAL TABLE misc USING policytext('sample/misc');
SELECT count(*) FROM misc;
SELECT count(*) FROM misc WHERE path = 'sample/misc/not-yet.txt';
