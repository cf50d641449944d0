/*
** pt_sql_func.c: small scalar SQL functions.
**
**   SELECT policytext_version();              -- '0.1.0'
**   SELECT policytext_clean(x);                -- x as valid NFC UTF-8
**
** policytext_clean() is the pipeline's first stage on its own: invalid bytes
** and NUL become U+FFFD, CRLF becomes LF, a BOM is dropped, NFC applied.
*/
#include "policytext.h"
#include "pt_sql.h"

static void version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, POLICYTEXT_VERSION, -1, SQLITE_STATIC);
}

static void clean_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *s;
  size_t n;
  int t = sqlite3_value_type(argv[0]);
  if (t == SQLITE_NULL) return;
  if (t == SQLITE_BLOB) { /* bytes from readfile(): clean them too */
    s = sqlite3_value_blob(argv[0]);
    n = (size_t)sqlite3_value_bytes(argv[0]);
    if (!s) s = "";
  } else if (pt_sql_arg_text(ctx, argv[0], "policytext_clean", 1, &s, &n) <= 0) {
    return;
  }
  pt_text txt;
  int rc = pt_text_make(&txt, s, n, PT_TEXT_ALL);
  if (rc) {
    pt_sql_result_error(ctx, "policytext_clean", rc, NULL);
    return;
  }
  sqlite3_result_text64(ctx, txt.utf8, txt.len, pt_sql_free, SQLITE_UTF8);
}

int pt_sql_register_funcs(sqlite3 *db) {
  int rc = sqlite3_create_function(db, "policytext_version", 0, PT_SQL_PURE, NULL,
                                   version_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "policytext_clean", 1, PT_SQL_PURE, NULL,
                                 clean_func, NULL, NULL);
  return rc;
}
