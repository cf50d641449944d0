-- needs: shared
-- Issue 6 acceptance: the seed's two acronyms with their long forms.
SELECT short, long, substr(body, start, length) FROM policytext('../shared/seeds'), acronyms(body);
