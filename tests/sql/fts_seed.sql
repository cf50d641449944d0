-- needs: shared
-- Issue 6's example session on the seed and the sample corpus: the
-- policytext tokenizer, a prefix and a phrase, snippet() marks.
CREATE VIRTUAL TABLE ft USING fts5(title, body, tokenize = 'policytext');
INSERT INTO ft SELECT title, body FROM policytext('sample');
INSERT INTO ft SELECT title, body FROM policytext('../shared/seeds');
SELECT title, snippet(ft, 1, '[', ']', '…', 12) FROM ft WHERE ft MATCH 'cyber* AND "code of conduct"';
SELECT title, snippet(ft, 1, '[', ']', '…', 12) FROM ft WHERE ft MATCH '"U.S." AND "S&ED"';
SELECT d.title, s.sentence FROM policytext('../shared/seeds') d, sentences(d.body) s WHERE s.sentence LIKE '%code of conduct%';
