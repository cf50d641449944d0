-- Out-of-memory run over the policytext table and the scalar helpers.
SELECT policytext_version();
SELECT hex(policytext_clean('e' || char(769) || char(13,10) || x'ff'));
SELECT path, title, published, source, kind, author, tags, length(body), words, error
  FROM policytext('tests/fixtures/doc', 'pattern=blog_cfr_basic.txt,frontmatter_block_tags.md,no_metadata.txt');
CREATE VIRTUAL TABLE d USING policytext('sample/press', recursive=0);
SELECT rowid, length(raw) FROM d WHERE rowid = 2;
SELECT title FROM d WHERE path = 'sample/press/ev-charging-corridors.txt';
SELECT count(*) FROM policytext('/no/such/dir');
