-- topics(): the built-in schemes over short texts, ranks, evidence, columns.
SELECT topic, scheme, rank, hits, evidence FROM topics('The Federal Reserve raised interest rates again to fight inflation.', 'cap');
SELECT topic, rank, evidence FROM topics('Kremlin officials met Beijing''s envoy in Moscow; the Chinese delegation left for Tehran.', 'place');
SELECT topic, rank, evidence FROM topics('Hackers linked to a ransomware gang breached the agency; cybersecurity officials blamed malware.', 'issue') WHERE rank <= 2;
-- every built-in scheme, best first: scores fall
SELECT count(*) > 3, min(score) >= 0, max(score) <= 1 FROM topics('Tariffs on Chinese steel and a trade war with China worry American farmers who export soybeans.');
SELECT group_concat(scheme, ',') FROM (SELECT DISTINCT scheme FROM topics('Tariffs on Chinese steel and a trade war with China worry American farmers who export soybeans.'));
-- a list of schemes, in the order given
SELECT scheme, topic FROM topics('NATO allies met in Brussels to discuss missile defense.', 'issue, place') WHERE rank = 1;
-- capitals-only words: "US" is the United States, "us" is not
SELECT count(*) FROM topics('Let us go.', 'place');
SELECT topic, evidence FROM topics('US and UK troops', 'place');
-- U.S. as a compound, phrases win over their words (North Korea is not South Korea)
SELECT topic, evidence FROM topics('U.S. envoys flew to North Korea.', 'place');
-- the description column and the hidden argument columns
SELECT description IS NOT NULL, arg_text, arg_scheme FROM topics('Medicare and Medicaid', 'cap') WHERE rank = 1;
-- correlated use over a table, rank 1 per row
CREATE TABLE docs(id INTEGER PRIMARY KEY, text TEXT);
INSERT INTO docs(text) VALUES ('Teachers and students need more school funding.'), ('Drought ruined the wheat harvest for farmers.'), ('Nothing here at all.');
SELECT d.id, (SELECT topic FROM topics(d.text, 'cap') WHERE rank = 1) FROM docs d ORDER BY d.id;
SELECT d.id, t.topic FROM docs d, topics(d.text, 'cap') t WHERE t.rank = 1 ORDER BY d.id;
-- declared tags come first for a whole document
SELECT topic, scheme, score, rank FROM topics('Grid Notes

June 3, 2024

Topics: Energy, Climate Change

The utility will build a new power plant and more solar farms.') LIMIT 3;
SELECT count(*) FROM topics('Topics: Energy

Solar power.', 'cap') WHERE scheme = 'declared';
SELECT topic, scheme FROM topics('Topics: Energy

Solar power.', 'declared');
