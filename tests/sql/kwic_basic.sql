-- kwic(): case-, accent- and compatibility-insensitive word matches, phrases
-- across line breaks, prefixes, widths, positions in characters.
SELECT left, match, right, start, length FROM kwic('Herr Müller met MULLER, then muller-Lüdenscheid and Mullerova.', 'muller', 8);
SELECT '[' || left || '|' || match || '|' || right || ']', start FROM kwic('The Code of
Conduct is a code of conduct, not a code.', 'code of conduct', 12);
SELECT match FROM kwic('cyber, cybersecurity and Cyber-enabled theft; hypercyber', 'cyber*', 0);
SELECT match, start, length FROM kwic('ＡＢＣ ﬁnance Straße STRASSE', 'finance', 0);
SELECT match FROM kwic('Straße and STRASSE', 'strasse', 0);
-- Compounds: "U.S." finds U.S. (with its final dot) but not "U S"; parts still match.
SELECT match, start FROM kwic('U.S. and U S and the U.S.-China talks; COVID-19 and covid 19; S&ED.', 'U.S.', 0);
SELECT match, start FROM kwic('U.S. and U S and the U.S.-China talks; COVID-19 and covid 19; S&ED.', 'u s', 0);
SELECT match, start FROM kwic('U.S. and U S and the U.S.-China talks; COVID-19 and covid 19; S&ED.', 'covid 19', 0);
SELECT match, start FROM kwic('U.S. and U S and the U.S.-China talks; COVID-19 and covid 19; S&ED.', 'the U.S. china', 0);
SELECT match, start FROM kwic('U.S. and U S and the U.S.-China talks; COVID-19 and covid 19; S&ED.', 'S&ED', 0);
-- The default width is 30 characters.
SELECT length(left), length(right) FROM kwic(printf('%.40c needle %.40c', 'a', 'b'), 'needle');
-- Line breaks and tabs in contexts are shown as spaces; match is as written.
SELECT left, match, right FROM kwic('one
two	three', 'two', 5);
SELECT substr(t, start, length) = match FROM (SELECT 'Ünïcödé “quotes” and Code of Conduct' AS t), kwic(t, 'code of conduct');
SELECT count(*) FROM kwic(NULL, 'x');
SELECT count(*) FROM kwic('x', NULL);
SELECT count(*) FROM kwic('x y', 'x', NULL);
SELECT * FROM kwic('abc', '—');
SELECT * FROM kwic('abc', 'abc', 'wide');
SELECT * FROM kwic('abc', 'abc', 10001);
SELECT * FROM kwic(x'616263', 'abc');
SELECT * FROM kwic('abc', x'616263');
SELECT * FROM kwic('abc');
