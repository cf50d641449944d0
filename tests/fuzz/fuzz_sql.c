/*
** fuzz_sql.c: libFuzzer target for the SQL surface: the policytext table's
** argument and option parser (CREATE VIRTUAL TABLE arguments and the
** table-valued function's options string) and every SQL function that takes
** text, called with the input as its text argument.
**
** The first input byte picks what to do; the rest is the text (or, for
** topics() with a user lexicon, "topic|term" lines that fill the table).
*/
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sqlite3_policytext_init(sqlite3 *db, char **pzErrMsg,
                            const sqlite3_api_routines *pApi);

/* Queries that take the fuzz text as ?1.  Functions that do not exist in a
** build are simply errors. */
static const char *const queries[] = {
    "SELECT count(*), max(length(title)) FROM policytext('tests/fixtures/doc', ?1)",
    "SELECT policytext_clean(?1)",
    "SELECT count(*), sum(length(quote)), max(speaker) FROM quotes(?1)",
    "SELECT speaker(?1), speaker(?1, 10)",
    "SELECT count(*), sum(score) FROM topics(?1)",
    "SELECT count(*), sum(length) FROM sentences(?1)",
    "SELECT count(*) FROM paragraphs(?1)",
    "SELECT count(*) FROM acronyms(?1)",
    "SELECT count(*) FROM mentions(?1)",
    "SELECT count(*) FROM kwic(?1, 'the')",
    /* Invariants (CHECK: the first column must be 0): every position is
    ** exact for substr(), whatever the bytes. */
    "/*CHECK*/ SELECT count(*) FROM quotes(?1) WHERE substr(?1, start, length) IS NOT quote"
    " OR (mention IS NOT NULL AND substr(?1, speaker_start, speaker_length) IS NOT mention)",
    "/*CHECK*/ SELECT count(*) FROM mentions(?1) WHERE substr(?1, start, length) IS NOT mention",
    "/*CHECK*/ SELECT count(*) FROM sentences(?1) WHERE substr(?1, start, length) IS NOT sentence",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int init = 0;
  if (!init) {
    sqlite3_auto_extension((void (*)(void))sqlite3_policytext_init);
    init = 1;
  }
  if (size < 1 || size > 100000) return 0;
  sqlite3 *db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 0;
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000);
  unsigned op = data[0];
  const char *text = (const char *)data + 1;
  size_t n = size - 1;
  size_t nq = sizeof queries / sizeof queries[0];
  if (op % (nq + 2) == nq + 1) {
    /* topics() with a user lexicon made from the input: "topic|term" lines */
    sqlite3_exec(db, "CREATE TABLE u(topic, term, weight)", NULL, NULL, NULL);
    sqlite3_stmt *ins;
    if (sqlite3_prepare_v2(db, "INSERT INTO u VALUES (?1, ?2, ?3)", -1, &ins, NULL) == SQLITE_OK) {
      size_t i = 0;
      while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - text) : n;
        const char *bar = memchr(text + i, '|', end - i);
        if (bar) {
          sqlite3_bind_text(ins, 1, text + i, (int)(bar - text - i), SQLITE_TRANSIENT);
          sqlite3_bind_text(ins, 2, bar + 1, (int)(end - (size_t)(bar - text) - 1), SQLITE_TRANSIENT);
          sqlite3_bind_int(ins, 3, (int)(end - i) % 5 - 1);
          sqlite3_step(ins);
          sqlite3_reset(ins);
        }
        i = end + 1;
      }
      sqlite3_finalize(ins);
    }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT count(*), sum(score), max(evidence) FROM topics(?1, 'u')", -1, &st,
                           NULL) == SQLITE_OK) {
      sqlite3_bind_text(st, 1, text, (int)n, SQLITE_TRANSIENT);
      while (sqlite3_step(st) == SQLITE_ROW) {
      }
      sqlite3_finalize(st);
    }
  } else if (op % (nq + 2) == nq) {
    /* CREATE VIRTUAL TABLE options (after a fixed PATH, so that no input
    ** walks the whole file system) */
    char *sql = sqlite3_mprintf("CREATE VIRTUAL TABLE t USING policytext('tests/fixtures/doc', %.*s)", (int)n, text);
    if (sql) {
      if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
        sqlite3_exec(db, "SELECT count(*), max(title) FROM t WHERE rowid < 3", NULL, NULL, NULL);
      sqlite3_free(sql);
    }
  } else {
    sqlite3_stmt *st;
    const char *q = queries[op % (nq + 2)];
    if (sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK) {
      sqlite3_bind_text(st, 1, text, (int)n, SQLITE_TRANSIENT);
      while (sqlite3_step(st) == SQLITE_ROW) {
        if (!strncmp(q, "/*CHECK*/", 9) && sqlite3_column_int64(st, 0) != 0) {
          fprintf(stderr, "invariant broken (%lld rows): %s\n", (long long)sqlite3_column_int64(st, 0), q);
          abort();
        }
      }
      sqlite3_finalize(st);
    }
  }
  sqlite3_close(db);
  return 0;
}
