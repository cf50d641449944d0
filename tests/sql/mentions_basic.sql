-- mentions(): the entity layer as rows (issue 6 item 1).
.headers on
SELECT * FROM mentions('Secretary of State John Kerry met State Councilor Yang Jiechi in Beijing. Kerry said he was hopeful.

“We will talk again,” the secretary told the White House. Mr. Yang smiled. Ms. Clinton said she agreed.');
.headers off
-- Canonical names are the fullest form, wherever it comes.
SELECT name, mention FROM mentions('Trump spoke first. Later, Donald Trump said he would win. Mr. Trump left.');
-- Names inside quotations are not mentions; positions are exact.
SELECT count(*) FROM mentions('“John Smith is a liar,” she said.');
SELECT substr(t, start, length) = mention FROM (SELECT 'Ünïcödé. Sen. Ted Cruz (R-Texas) spoke, and CNN reported it.' AS t), mentions(t);
-- Agrees with quotes(): the speaker is a mention's name.
SELECT q.speaker IN (SELECT name FROM mentions(t)) FROM (SELECT '“We will win,” said Vice President Joe Biden.' AS t), quotes(t) q;
SELECT count(*) FROM mentions(NULL);
SELECT * FROM mentions(x'00');
