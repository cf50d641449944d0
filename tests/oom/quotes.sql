-- Out-of-memory run over quotes(), speaker() and mentions().
SELECT quote, start, length, speaker, role, cue, kind FROM quotes('Secretary of State John Kerry told reporters that the talks were “honest and useful.” “We will meet again,” he added. Sen. Ted Cruz (R-Texas) said: “No deal.”');
SELECT speaker('“Go,” said Mayor Ana Ruiz.'), speaker('“Go,” said Mayor Ana Ruiz. “Stop,” said Tom Li.', 32), speaker(NULL);
SELECT name, type, mention FROM mentions('The Office of Personnel Management (OPM) hired Jane Doe. Doe said the OPM would grow.');
SELECT count(*) FROM quotes(NULL);
