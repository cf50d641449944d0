-- quotes() and speaker(): columns, NULL, errors.
.headers on
SELECT n, quote, start, length, speaker, role, cue, speaker_start, speaker_length, paragraph, kind, mention, mark, depth, how
  FROM quotes('“We will not give up on diplomacy,” said Secretary of State John Kerry. “It is the only way forward.”');
.headers off
-- substr(text, start, length) = quote, with multibyte characters before it.
SELECT substr(t, start, length) = quote, start, length FROM (SELECT 'Ünïcödé — “déjà vu all over again,” said Yogi Berra.' AS t), quotes(t);
-- NULL in, no rows; empty text, no rows.
SELECT count(*) FROM quotes(NULL);
SELECT count(*) FROM quotes('');
SELECT count(*) FROM quotes('No quotation marks here, said nobody.');
-- A number is read as text.
SELECT count(*) FROM quotes(42);
-- A blob is an error.
SELECT * FROM quotes(x'22616222');
-- Without an argument there are no rows.
SELECT count(*) FROM quotes;
-- speaker(): first attributed quotation, or the one covering a position.
SELECT speaker('The film “Citizen Kane” was shown. “We will win this state,” said Joe Biden.');
SELECT speaker('“We will win this state,” said Joe Biden. “We are ready to go,” Kamala Harris said.', 50);
SELECT speaker('“We will win this state,” said Joe Biden.', 1000) IS NULL;
SELECT speaker(NULL) IS NULL, speaker('no quotes') IS NULL, speaker('x', NULL) IS NULL;
SELECT speaker(x'00');
SELECT speaker('x', 'one');
-- Same answers as quotes(): per-document counts through a join.
CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO docs(body) VALUES
  ('“Taxes are too high for working families,” said Sen. Ted Cruz (R-Texas).'),
  (NULL),
  ('Mr. Garin, a Democratic pollster, said ''''the race is still wide open.'''' He added: ''''Nobody knows.''''');
SELECT d.id, q.n, q.speaker, q.role, q.cue, q.kind FROM docs d, quotes(d.body) q ORDER BY d.id, q.n;
SELECT id, speaker(body) FROM docs ORDER BY id;
-- Paragraphs: several blank lines are one break, leading ones none (as in mentions()).
SELECT q.paragraph, m.paragraph FROM (SELECT char(10,10) || 'Intro.' || char(10,10,10,10) || '“We will win this state,” said Joe Biden.' AS t), quotes(t) q, mentions(t) m;
