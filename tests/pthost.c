/*
** pthost.c: the test host, a tiny SQL shell with policytext linked in.
**
**   pthost [-db FILE] [SCRIPT.sql]      (reads standard input without SCRIPT)
**
** Runs each statement of the script and prints rows in list mode: values
** separated by '|', NULL as an empty string, errors as "Error: MESSAGE"
** (then it goes on with the next statement, and exits 1 at the end).  Lines
** starting with '.' are commands: `.headers on|off`, `.echo TEXT`.  It also
** defines readfile(PATH), which returns a file's bytes as a BLOB.
**
** Because the extension is linked in rather than loaded, the whole suite can
** run in one binary built with AddressSanitizer/UBSan (make asan-test) or
** under valgrind, where the system sqlite3 shell would not be instrumented.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sqlite3_policytext_init(sqlite3 *db, char **pzErrMsg,
                            const sqlite3_api_routines *pApi);

static int headers = 0;
static int failed = 0;

static void readfile_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *path = (const char *)sqlite3_value_text(argv[0]);
  if (!path) return;
  FILE *f = fopen(path, "rb");
  if (!f) return;
  size_t cap = 4096, n = 0;
  char *buf = sqlite3_malloc64(cap);
  size_t r;
  while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) {
      char *g = sqlite3_realloc64(buf, cap * 2);
      if (!g) {
        sqlite3_free(buf);
        buf = NULL;
        break;
      }
      buf = g;
      cap *= 2;
    }
  }
  fclose(f);
  if (!buf) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_blob64(ctx, buf, n, sqlite3_free);
}

static void run_sql(sqlite3 *db, const char *sql) {
  while (sql && *sql) {
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, &tail);
    if (rc != SQLITE_OK) {
      printf("Error: %s\n", sqlite3_errmsg(db));
      failed = 1;
      /* Skip to the next ';' to go on. */
      const char *semi = strchr(sql, ';');
      sql = semi ? semi + 1 : NULL;
      continue;
    }
    sql = tail;
    if (!st) continue; /* whitespace or comment */
    int ncol = sqlite3_column_count(st);
    int first = 1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      if (first && headers && ncol) {
        for (int i = 0; i < ncol; i++)
          printf("%s%s", i ? "|" : "", sqlite3_column_name(st, i));
        printf("\n");
      }
      first = 0;
      for (int i = 0; i < ncol; i++) {
        const unsigned char *v = sqlite3_column_text(st, i);
        if (i) putchar('|');
        if (v) fwrite(v, 1, (size_t)sqlite3_column_bytes(st, i), stdout);
      }
      putchar('\n');
    }
    if (rc != SQLITE_DONE) {
      printf("Error: %s\n", sqlite3_errmsg(db));
      failed = 1;
    }
    sqlite3_finalize(st);
  }
}

int main(int argc, char **argv) {
  const char *dbname = ":memory:";
  const char *script = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-db") && i + 1 < argc)
      dbname = argv[++i];
    else
      script = argv[i];
  }
  FILE *in = script ? fopen(script, "rb") : stdin;
  if (!in) {
    fprintf(stderr, "pthost: cannot open %s\n", script);
    return 2;
  }
  sqlite3_auto_extension((void (*)(void))sqlite3_policytext_init);
  sqlite3 *db;
  if (sqlite3_open(dbname, &db) != SQLITE_OK) {
    fprintf(stderr, "pthost: cannot open database %s\n", dbname);
    return 2;
  }
  sqlite3_create_function(db, "readfile", 1, SQLITE_UTF8, NULL, readfile_func,
                          NULL, NULL);
  /* Read the script, executing SQL between dot-command lines. */
  size_t cap = 1 << 16, n = 0;
  char *sql = malloc(cap);
  char line[65536];
  while (sql && fgets(line, sizeof line, in)) {
    if (line[0] == '.') {
      sql[n] = 0;
      run_sql(db, sql);
      n = 0;
      line[strcspn(line, "\r\n")] = 0;
      if (!strcmp(line, ".headers on")) headers = 1;
      else if (!strcmp(line, ".headers off")) headers = 0;
      else if (!strncmp(line, ".echo ", 6)) printf("%s\n", line + 6);
      else {
        printf("Error: unknown command %s\n", line);
        failed = 1;
      }
      continue;
    }
    size_t l = strlen(line);
    if (n + l + 1 > cap) {
      cap = 2 * (n + l + 1);
      char *g = realloc(sql, cap);
      if (!g) break;
      sql = g;
    }
    memcpy(sql + n, line, l);
    n += l;
  }
  if (sql) {
    sql[n] = 0;
    run_sql(db, sql);
  }
  free(sql);
  if (in != stdin) fclose(in);
  sqlite3_close(db);
  sqlite3_reset_auto_extension();
  return failed;
}
