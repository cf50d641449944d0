-- Out-of-memory run over topics(): built-in schemes, declared tags, a user
-- table, and topics_train.
SELECT topic, scheme, round(score, 2), rank, hits, evidence FROM topics('China and the United States discussed cyber theft, hackers and tariffs in Beijing.');
SELECT topic, scheme FROM topics((SELECT raw FROM policytext('tests/fixtures/doc/blog_cfr_basic.txt'))) WHERE scheme = 'declared';
CREATE TABLE mine(topic, term, weight);
INSERT INTO mine VALUES ('Schools', 'school*', 1), ('Schools', 'teacher', 2), ('Roads', 'highway', 1);
SELECT topic, hits FROM topics('Teachers and schools need highway money for school buses.', 'mine');
CREATE TABLE coded(text, label);
INSERT INTO coded VALUES ('fund schools and teachers', 'edu'), ('repair the highway and bridges', 'roads'),
  ('teacher pay and school lunches', 'edu'), ('highway tolls and bridges', 'roads'),
  ('school budgets', 'edu'), ('bridge repair', 'roads'), ('more teachers', 'edu'),
  ('highway safety', 'roads'), ('school buses', 'edu'), ('bridge tolls', 'roads');
SELECT topics_train('m', 'SELECT text, label FROM coded') IS NOT NULL;
SELECT topic FROM topics('new teachers for the school', 'm') LIMIT 1;
SELECT count(*) FROM topics(NULL);
