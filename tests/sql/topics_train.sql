-- topics_train(): a model from labelled rows, stored as ordinary tables.
CREATE TABLE coded(text TEXT, label TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO coded SELECT
  CASE i % 3
    WHEN 0 THEN 'Fund the Pell grant and student loans for college number ' || i
    WHEN 1 THEN 'Repair the highway bridge and the transit line number ' || i
    ELSE 'Hospital patients need nurses and Medicare coverage number ' || i END,
  CASE i % 3 WHEN 0 THEN 'school' WHEN 1 THEN 'roads' ELSE 'health' END
FROM n;
INSERT INTO coded VALUES (NULL, 'school'), ('no label', NULL), ('empty label', '');
SELECT topics_train('mycodes', 'SELECT text, label FROM coded');
SELECT name, examples, labels, terms > 10, cv_folds, cv_accuracy, query FROM topics_models;
SELECT topic, count(*) > 3 FROM mycodes GROUP BY topic ORDER BY topic;
SELECT topic FROM topics('Fund the new Pell grant expansion', 'mycodes') LIMIT 1;
SELECT topic, evidence FROM topics('A bridge on the highway', 'mycodes') WHERE rank = 1;
-- the model is a table: retraining replaces it (and the cache sees that)
SELECT topics_train('mycodes', 'SELECT text, CASE label WHEN ''school'' THEN ''education'' ELSE label END AS label FROM coded', 'min_count=3 bigrams=0');
SELECT topic FROM topics('Fund the new Pell grant expansion', 'mycodes') LIMIT 1;
SELECT count(*) FROM mycodes WHERE term LIKE '% %';
SELECT count(*) FROM topics_models;
-- columns taken by position when not named text/label
SELECT topics_train('bypos', 'SELECT label, text FROM coded') IS NOT NULL;
-- errors
SELECT topics_train('m', 'SELECT nonsense FROM');
SELECT topics_train('m', 'SELECT 1');
SELECT topics_train('m', 'SELECT text, label FROM coded LIMIT 3');
SELECT topics_train('cap', 'SELECT text, label FROM coded');
SELECT topics_train('', 'SELECT text, label FROM coded');
SELECT topics_train('m', 'SELECT text, label FROM coded', 'folds=1');
SELECT topics_train('m', 'SELECT text, label FROM coded', 'colour=red');
SELECT topics_train(NULL, 'SELECT text, label FROM coded');
SELECT topics_train('m', x'00');
-- a table that is not a model is never replaced
CREATE TABLE precious(x);
INSERT INTO precious VALUES (42);
SELECT topics_train('precious', 'SELECT text, label FROM coded');
SELECT x FROM precious;
