#!/usr/bin/perl
# policytext from Perl's DBI with DBD::SQLite (Debian: libdbd-sqlite3-perl).
#
# Run from the repository root after `make`:  perl docs/examples/perl_example.pl
use strict;
use warnings;
use DBI;

binmode STDOUT, ':encoding(UTF-8)';
my $dbh = DBI->connect('dbi:SQLite:dbname=:memory:', '', '',
                       { RaiseError => 1, sqlite_unicode => 1 });
$dbh->sqlite_enable_load_extension(1);
$dbh->sqlite_load_extension('./policytext.so');
$dbh->sqlite_enable_load_extension(0);

# Prints each row of a query as values joined by '|' (NULL as empty).
sub show {
  my ($sql, @bind) = @_;
  for my $row (@{ $dbh->selectall_arrayref($sql, undef, @bind) }) {
    print join('|', map { defined $_ ? $_ : '' } @$row), "\n";
  }
}

print "-- documents by kind\n";
show(q{SELECT kind, count(*) FROM policytext('sample') WHERE kind IS NOT NULL
       GROUP BY kind ORDER BY 2 DESC, 1 LIMIT 3});

print "-- acronyms defined in the press releases\n";
show(q{SELECT short, long FROM policytext(?), acronyms(body) ORDER BY short LIMIT 4},
     'sample/press');

print "-- full-text search with the policytext tokenizer\n";
$dbh->do(q{CREATE VIRTUAL TABLE ft USING fts5(title, body, tokenize = 'policytext')});
$dbh->do(q{INSERT INTO ft SELECT title, body FROM policytext('sample')});
show(q{SELECT highlight(ft, 0, '[', ']') FROM ft WHERE ft MATCH ? ORDER BY rank LIMIT 2},
     '"U.S." OR cyber*');

print "-- keyword in context\n";
show(q{SELECT left, match, right FROM policytext('sample/blog'), kwic(body, ?, 20)
       ORDER BY path, start LIMIT 3}, 'chips');
$dbh->disconnect;
