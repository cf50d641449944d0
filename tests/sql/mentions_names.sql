-- mentions(): how names are chunked and typed (issue 6 item 1).
-- Lower-case connectors and possessives inside organisation names.
SELECT name, type, mention FROM mentions('The hack of the Office of Personnel Management worried the Department of Homeland Security, the Bank of England and the Council on Foreign Relations.');
SELECT name, type, mention FROM mentions('Officials met at the U.S.-China Strategic and Economic Dialogue while the Department of Health and Human Services waited.');
SELECT name, type, mention FROM mentions('Five People’s Liberation Army officers and two People''s Liberation Army Navy ships were named.');
-- "and" between a person or a place and an organisation joins nothing.
SELECT name, type, mention FROM mentions('Senator John Smith and Senate Republicans met. Washington and Beijing agreed, and Ohio and the Bank of Japan did not.');
-- Canonical names drop a leading article; the mention keeps it.
SELECT name, type, mention FROM mentions('The White House said nothing. Later the Washington Post asked the White House again.');
-- Places come from the place lexicon; other capitalised words give no row.
SELECT name, type, mention FROM mentions('Progress was slow. Talks in New York and Paris, and later in the United States, went on while Congress waited.');
-- No name crosses a line break; heading and metadata lines give no rows;
-- an unresolved pronoun gives no row; no row has an empty name.
SELECT name, type, mention FROM mentions('Cyber Net Politics CFR
Blog Post

They met. Vice President Joe Biden spoke to the
Senate Foreign Relations Committee on Tuesday.

More on:

China

Up
Close');
SELECT count(*) FROM mentions('They said it. He agreed, and she left.') WHERE name IS NULL OR name = '';
-- Acronyms with an ampersand are one mention.
SELECT name, type, mention FROM mentions('The S&ED ended, and AT&T said it had no view.');
-- A descriptor noun before a full name makes it a person; a place is a place
-- even with an appositive after it.
SELECT name, type FROM mentions('Florida developer Mel Sembler expressed dismay. Ships sail the South China Sea, a busy waterway.');
-- An abbreviation alone ("Dec.") names no one.
SELECT count(*) FROM mentions('On Dec. 7 the aide spoke. Acme Inc. said nothing.') WHERE name IN ('Dec.', 'Inc.');
