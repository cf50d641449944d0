/*
** fuzz_fts.c: libFuzzer target for the FTS5 tokenizer `policytext`: the
** input is indexed (document mode), searched as a quoted phrase (query mode)
** and highlighted (aux mode).  A phrase made of a row's own (ASCII) text
** must find that row.  The first byte picks remove_diacritics.
*/
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

int sqlite3_policytext_init(sqlite3 *db, char **pzErrMsg,
                            const sqlite3_api_routines *pApi);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int init = 0;
  if (!init) {
    sqlite3_auto_extension((void (*)(void))sqlite3_policytext_init);
    init = 1;
  }
  if (size < 1 || size > 20000) return 0;
  sqlite3 *db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 0;
  const char *create = data[0] & 1
      ? "CREATE VIRTUAL TABLE ft USING fts5(body, tokenize = 'policytext remove_diacritics 0')"
      : "CREATE VIRTUAL TABLE ft USING fts5(body, tokenize = 'policytext')";
  sqlite3_stmt *st = NULL;
  if (sqlite3_exec(db, create, NULL, NULL, NULL) != SQLITE_OK) __builtin_trap();
  if (sqlite3_prepare_v2(db, "INSERT INTO ft(rowid, body) VALUES (1, ?1)", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, (const char *)data + 1, (int)size - 1, SQLITE_TRANSIENT);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  /* The row's own text, as a phrase ('"' doubled), must find it when it has
  ** a word; highlight() must run. */
  st = NULL;
  if (sqlite3_prepare_v2(db,
                         "SELECT count(*), max(length(highlight(ft, 0, '[', ']'))) FROM ft "
                         "WHERE ft MATCH '\"' || replace(?1, '\"', '\"\"') || '\"'",
                         -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, (const char *)data + 1, (int)size - 1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
      /* Plain ASCII text holding a letter must find itself (other text may
      ** hold no word at all, or characters FTS5's query parser reads
      ** differently). */
      int plain = 1, letter = 0;
      for (size_t i = 1; i < size; i++) {
        if (data[i] == 0 || data[i] >= 0x80) plain = 0;
        if ((data[i] | 0x20) >= 'a' && (data[i] | 0x20) <= 'z') letter = 1;
      }
      if (plain && letter && sqlite3_column_int(st, 0) != 1) __builtin_trap();
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}
