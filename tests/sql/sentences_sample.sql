-- sentences() and paragraphs() over the bundled sample corpus: counts, and
-- the position contract (substr(text, start, length) is the span exactly).
SELECT count(*), sum(length(sentence)) FROM policytext('sample'), sentences(body);
SELECT count(*) FROM policytext('sample'), paragraphs(body);
SELECT count(*) AS wrong FROM policytext('sample') d, sentences(d.body) s
 WHERE substr(d.body, s.start, s.length) <> s.sentence;
SELECT count(*) AS wrong FROM policytext('sample') d, paragraphs(d.body) p
 WHERE substr(d.body, p.start, p.length) <> p.paragraph;
-- Every sentence lies inside the paragraph its number names.
SELECT count(*) AS wrong FROM policytext('sample') d, sentences(d.body) s, paragraphs(d.body) p
 WHERE p.n = s.paragraph AND NOT (s.start >= p.start AND s.start + s.length <= p.start + p.length);
-- The first sentences of one speech.
SELECT n, paragraph, start, length, sentence FROM policytext('sample/speeches/delgado-grid-resilience.txt'), sentences(body) LIMIT 6;
-- rowid is n; the hidden text column gives the argument back.
SELECT rowid, n, text = 'One. Two.' FROM sentences('One. Two.');
SELECT n, sentence FROM sentences('Dr. No. 5 is here. Fine.');
