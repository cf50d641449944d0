-- Version, registration flags and argument errors of the scalar helpers.
SELECT policytext_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
SELECT name, narg, flags & 0x800 > 0 AS deterministic, flags & 0x200000 > 0 AS innocuous
  FROM pragma_function_list WHERE name IN ('policytext_version', 'policytext_clean') ORDER BY 1;
SELECT policytext_version(1);
SELECT policytext_clean();
SELECT policytext_clean('a', 'b');
SELECT policytext_clean(NULL) IS NULL;
-- NFC: e + combining acute becomes é; CRLF becomes LF; a BOM goes.
SELECT hex(policytext_clean('e' || char(769))), hex(policytext_clean(char(65279) || 'a' || char(13,10) || 'b'));
-- The table is DIRECTONLY: a view cannot use it from a trigger/schema path.
CREATE TABLE log(x);
CREATE TRIGGER tr AFTER INSERT ON log BEGIN SELECT count(*) FROM policytext('sample'); END;
INSERT INTO log VALUES (1);
