-- needs: shared
-- issue 6 item 1 acceptance: on the seed, mentions() names every person and
-- organisation of its .expected.json with that canonical name (no heading
-- or metadata words, no empty names, no names across line breaks).
SELECT name, type, count(*) FROM mentions(CAST(readfile('../shared/seeds/000_68a7428225f7b6fc.txt') AS TEXT)) GROUP BY 1,2 ORDER BY 1;
