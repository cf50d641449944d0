-- Out-of-memory run over sentences(), paragraphs(), acronyms(), kwic() and
-- the FTS5 tokenizer.
SELECT n, paragraph, start, length, sentence FROM sentences('Sen. Kerry spoke. “Yes.” He left.

- a bullet
Müller’s turn... Then 9/11.');
SELECT n, start, length FROM paragraphs('One.

Two.');
SELECT short, long, start, length FROM acronyms('the Office of Personnel Management (OPM) and OPM (Office of Personnel Management)');
SELECT left, match, right, start FROM kwic('Herr Müller and the code of
conduct, MULLER.', 'muller', 5);
SELECT match FROM kwic('the code of conduct and the code', 'code of conduct');
CREATE VIRTUAL TABLE ft USING fts5(body, tokenize = 'policytext');
INSERT INTO ft VALUES ('U.S. officials met Müller about COVID-19 and S&ED, e-mail jane.doe@agency.gov.');
SELECT highlight(ft, 0, '[', ']') FROM ft WHERE ft MATCH '"U.S." AND muller';
