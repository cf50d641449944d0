#!/usr/bin/env tclsh
# policytext from Tcl's sqlite3 package (Debian: libsqlite3-tcl).
#
# Run from the repository root after `make`:  tclsh docs/examples/tcl_example.tcl
package require sqlite3

sqlite3 db :memory:
db enable_load_extension 1
db eval {SELECT load_extension('./policytext')}
db enable_load_extension 0

# Prints each row of a query as values joined by '|' (NULL as empty).  The
# query runs in the caller's scope, so $name in the SQL binds the caller's
# variable as a parameter (never pasted into the SQL text).
proc show {sql} {
  uplevel 1 [list db eval $sql ::row {
    set vals {}
    foreach col $::row(*) { lappend vals $::row($col) }
    puts [join $vals |]
  }]
}

puts "-- documents by kind"
show {
  SELECT kind, count(*) FROM policytext('sample') WHERE kind IS NOT NULL
  GROUP BY kind ORDER BY 2 DESC, 1 LIMIT 3
}

puts "-- acronyms defined in the press releases"
set folder sample/press
show {SELECT short, long FROM policytext($folder), acronyms(body) ORDER BY short LIMIT 4}

puts "-- full-text search with the policytext tokenizer"
db eval {CREATE VIRTUAL TABLE ft USING fts5(title, body, tokenize = 'policytext')}
db eval {INSERT INTO ft SELECT title, body FROM policytext('sample')}
set query {"U.S." OR cyber*}
show {SELECT highlight(ft, 0, '[', ']') FROM ft WHERE ft MATCH $query ORDER BY rank LIMIT 2}

puts "-- keyword in context"
set term chips
show {
  SELECT left, match, right FROM policytext('sample/blog'), kwic(body, $term, 20)
  ORDER BY path, start LIMIT 3
}
db close
