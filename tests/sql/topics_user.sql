-- User schemes: tables (topic, term [, weight]), phrases, prefixes, case
-- rules, NULL rows, weights, caching and invalidation, errors naming the table.
CREATE TABLE mine(topic TEXT, term TEXT, weight REAL);
INSERT INTO mine VALUES
  ('Pets', 'dog', 1), ('Pets', 'cat*', 1), ('Pets', 'guinea pig', 2),
  ('Money', 'bank', 1), ('Money', 'interest rate', 3), ('Money', 'IMF', 2),
  (NULL, 'ignored', 1), ('Pets', NULL, 1), ('Money', 'fee', NULL);
SELECT topic, rank, hits, evidence FROM topics('My dog and two cats met a guinea pig at the bank.', 'mine');
-- weight NULL counts 1; 'imf' in lower case is not the IMF
SELECT topic, hits, evidence FROM topics('The fee the imf charged.', 'mine');
SELECT topic, hits, evidence FROM topics('The IMF fee.', 'mine');
-- the cache sees changes made by this connection
INSERT INTO mine VALUES ('Weather', 'rain', 5);
SELECT topic FROM topics('Rain on my dog.', 'mine') WHERE rank = 1;
DELETE FROM mine WHERE topic = 'Weather';
SELECT topic FROM topics('Rain on my dog.', 'mine') WHERE rank = 1;
-- and a table dropped and made again with other rows
DROP TABLE mine;
CREATE TABLE mine AS SELECT 'Birds' AS topic, 'parrot' AS term;
SELECT topic, evidence FROM topics('A parrot and a dog.', 'mine');
-- a view works as a scheme (two columns: weight 1)
CREATE VIEW v AS SELECT 'Birds' AS topic, 'owl' AS term UNION ALL SELECT 'Birds', 'hawk*';
SELECT topic, hits, evidence FROM topics('Owls and hawks, an owl.', 'v');
-- errors name the table
SELECT * FROM topics('x', 'no_such_table');
CREATE TABLE bad1(name TEXT, words TEXT);
SELECT * FROM topics('x', 'bad1');
CREATE TABLE bad2(topic TEXT, term TEXT, weight);
INSERT INTO bad2 VALUES ('A', '*x', 1);
SELECT * FROM topics('x', 'bad2');
DELETE FROM bad2;
INSERT INTO bad2 VALUES ('A', 'one two three four five six seven eight nine', 1);
SELECT * FROM topics('x', 'bad2');
DELETE FROM bad2;
INSERT INTO bad2 VALUES ('A', 'ok', 'heavy');
SELECT * FROM topics('x', 'bad2');
DELETE FROM bad2;
INSERT INTO bad2 VALUES ('A', '!!!', 1);
SELECT * FROM topics('x', 'bad2');
DELETE FROM bad2;
INSERT INTO bad2 VALUES ('', 'word', 1);
SELECT * FROM topics('x', 'bad2');
-- 100,000 terms generated in SQL
CREATE TABLE big(topic TEXT, term TEXT, weight REAL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO big SELECT 'T' || (i % 50), 'w' || i || CASE WHEN i % 3 = 0 THEN ' x' || i ELSE '' END, 1 + i % 7 FROM n;
SELECT count(*) FROM big;
SELECT topic, hits, evidence FROM topics('w7 w99999 x99999 w3 x3 w100001', 'big');
-- Regression (2026-11-25): with more user tables in one statement than the
-- cache holds (4), a scheme was evicted and freed while another cursor still
-- showed rows pointing into it; schemes are now reference-counted.
CREATE TABLE s1(topic, term); INSERT INTO s1 VALUES ('one', 'apple');
CREATE TABLE s2(topic, term); INSERT INTO s2 VALUES ('two', 'apple');
CREATE TABLE s3(topic, term); INSERT INTO s3 VALUES ('three', 'apple');
CREATE TABLE s4(topic, term); INSERT INTO s4 VALUES ('four', 'apple');
CREATE TABLE s5(topic, term); INSERT INTO s5 VALUES ('five', 'apple');
SELECT a.topic, b.topic, c.topic, d.topic, e.topic FROM topics('apple', 's1') a, topics('apple', 's2') b,
  topics('apple', 's3') c, topics('apple', 's4') d, topics('apple', 's5') e;
SELECT a.topic, e.topic FROM topics('apple', 's5') e, topics('apple', 's1') a;
