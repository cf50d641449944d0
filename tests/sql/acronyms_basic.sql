-- acronyms(): both definition orders, function words skipped or used,
-- '&' and lower-case letters in the short form, the shortest long form.
SELECT short, long, start, length FROM acronyms(
  'After the hack of the Office of Personnel Management (OPM), the talks at the '
  || 'U.S.-China Strategic and Economic Dialogue (S&ED) resumed.');
SELECT short, long, start, length FROM acronyms('OPM (Office of Personnel Management) said so.');
SELECT short, long FROM acronyms('The Department of Defense (DoD) and the U.S. Department of Agriculture (USDA).');
SELECT short, long FROM acronyms('Research & Development (R&D) and the Cybersecurity and Infrastructure Security Agency (CISA).');
SELECT short, long FROM acronyms('The People’s Liberation Army (PLA) and intercontinental ballistic missiles (ICBMs).');
SELECT short, long FROM acronyms('NATO (the North Atlantic Treaty Organization) met.');
-- Not definitions: a state, a wire service, a lone word, words that do not spell it.
SELECT count(*) FROM acronyms('Sen. Bernie Sanders (I-Vt.) told reporters (AP) that Medicare (MC) and the budget (OPM) and (see page 4) mattered.');
-- substr() returns each definition exactly, non-ASCII before it included.
SELECT substr(t, start, length) FROM (SELECT 'Müller’s “Bundesamt für Sicherheit in der Informationstechnik (BSI)” was cited.' AS t), acronyms(t);
SELECT short, long FROM acronyms(NULL);
SELECT short, long FROM acronyms('');
SELECT short, long FROM acronyms(x'4f504d');
