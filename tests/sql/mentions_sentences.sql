-- mentions().sentence and .paragraph are those of sentences(): over the
-- sample corpus, every mention lies inside the sentence it names (a join on
-- the numbers finds the sentence that holds the mention's span).
CREATE VIRTUAL TABLE docs USING policytext('sample/');
SELECT count(*) > 100 AS many_mentions,
       sum(NOT EXISTS (SELECT 1 FROM sentences(d.body) s
                        WHERE s.n = m.sentence AND s.paragraph = m.paragraph
                          AND m.start >= s.start AND m.start + m.length <= s.start + s.length)) AS outside
  FROM docs d, mentions(d.body) m;
-- Between sentences (a bullet marker) or after the last: the next sentence.
SELECT name, sentence, paragraph FROM mentions('Sen. Ted Cruz spoke. Then Maria Lopez left.

- Jane Doe said it.');
