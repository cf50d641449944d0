-- The FTS5 tokenizer `policytext` next to unicode61 on the same rows:
-- cases where unicode61 fails and ones where both must agree.
CREATE VIRTUAL TABLE ours USING fts5(body, tokenize = 'policytext');
CREATE VIRTUAL TABLE u61 USING fts5(body, tokenize = 'unicode61');
INSERT INTO ours(rowid, body) VALUES
  (1, 'U.S. officials met Herr Müller in Berlin.'),
  (2, 'Section U S of the code, and us.'),
  (3, 'COVID-19 spread; after 9/11 the S&ED talks began.'),
  (4, 'Write to jane.doe@agency.gov today.'),
  (5, 'The U.S.-China Strategic and Economic Dialogue (S&ED) concluded.'),
  (6, 'ﬁnance, ＡＢＣ and STRASSE and Straße'),
  (7, 'MULLER and Mu' || char(776) || 'ller, decomposed.'),
  (8, 'Cybersecurity and the code of conduct for cyber activities.');
INSERT INTO u61(rowid, body) SELECT rowid, body FROM ours;
.echo -- "U.S." finds U.S. only (unicode61 also finds "U S" and marks "[U.S]."):
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH '"U.S."' ORDER BY rowid;
SELECT 'u61', rowid, highlight(u61, 0, '[', ']') FROM u61 WHERE u61 MATCH '"U.S."' ORDER BY rowid;
SELECT 'ours', rowid FROM ours WHERE ours MATCH '"U.S"' ORDER BY rowid;
.echo -- compounds whole, and their parts:
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH '"COVID-19"';
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH 'covid AND 19';
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH '"covid 19"';
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH '"9/11"';
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH '"S&ED"' ORDER BY rowid;
SELECT 'u61', rowid, highlight(u61, 0, '[', ']') FROM u61 WHERE u61 MATCH '"S&ED"' ORDER BY rowid;
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH '"jane.doe@agency.gov"';
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH 'agency';
.echo -- phrases through compounds:
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH '"U.S. officials"';
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH '"the U.S. China strategic"';
.echo -- accents, case folding, NFKC (unicode61 misses ligatures, full width, ß):
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH 'muller' ORDER BY rowid;
SELECT 'u61', rowid, highlight(u61, 0, '[', ']') FROM u61 WHERE u61 MATCH 'muller' ORDER BY rowid;
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH 'finance AND abc AND strasse';
SELECT 'u61', rowid, highlight(u61, 0, '[', ']') FROM u61 WHERE u61 MATCH 'finance OR abc OR strasse';
.echo -- where both agree:
SELECT 'ours', rowid, highlight(ours, 0, '[', ']') FROM ours WHERE ours MATCH 'cyber*' ORDER BY rowid;
SELECT 'u61', rowid, highlight(u61, 0, '[', ']') FROM u61 WHERE u61 MATCH 'cyber*' ORDER BY rowid;
SELECT 'ours', rowid, snippet(ours, 0, '[', ']', '…', 8) FROM ours WHERE ours MATCH '"code of conduct"';
SELECT 'u61', rowid, snippet(u61, 0, '[', ']', '…', 8) FROM u61 WHERE u61 MATCH '"code of conduct"';
SELECT 'both', (SELECT group_concat(rowid) FROM ours WHERE ours MATCH 'berlin OR dialogue OR talks'),
               (SELECT group_concat(rowid) FROM u61 WHERE u61 MATCH 'berlin OR dialogue OR talks');
.echo -- remove_diacritics 0 keeps accents apart:
CREATE VIRTUAL TABLE acc USING fts5(body, tokenize = 'policytext remove_diacritics 0');
INSERT INTO acc(rowid, body) SELECT rowid, body FROM ours;
SELECT 'acc', rowid FROM acc WHERE acc MATCH 'muller' ORDER BY rowid;
SELECT 'acc', rowid FROM acc WHERE acc MATCH 'müller' ORDER BY rowid;
.echo -- the tokens of one row:
CREATE VIRTUAL TABLE v USING fts5vocab(ours, 'instance');
SELECT term, offset FROM v WHERE doc = 5 ORDER BY offset, term;
.echo -- bad arguments:
CREATE VIRTUAL TABLE bad1 USING fts5(body, tokenize = 'policytext remove_diacritics 3');
CREATE VIRTUAL TABLE bad2 USING fts5(body, tokenize = 'policytext nonsense');
