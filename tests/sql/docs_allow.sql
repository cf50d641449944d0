-- policytext_allow(): a connection that restricts itself reads nothing else.
SELECT count(*) FROM policytext('sample');
SELECT substr(policytext_allow('sample/press'), -13);
SELECT count(*) FROM policytext('sample/press');
SELECT count(*) FROM policytext('sample/blog');
SELECT count(*) FROM policytext('sample/press/../blog');
-- Narrowing further is allowed; widening is not.
SELECT substr(policytext_allow('sample/press/ev-charging-corridors.txt'), -37);
SELECT policytext_allow('sample');
SELECT policytext_allow('/no/such/place');
SELECT policytext_allow(NULL) IS NULL;
SELECT policytext_allow(x'00');
-- A glob is checked file by file.
SELECT count(*), count(error) FROM policytext('sample/*/*.txt') WHERE error LIKE '%outside%';
-- Not from triggers or views.
CREATE VIEW v AS SELECT policytext_allow('sample');
SELECT * FROM v;
