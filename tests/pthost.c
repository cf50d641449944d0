/*
** pthost.c: the test host, a tiny SQL shell with policytext linked in.
**
**   pthost [-db FILE] [SCRIPT.sql]      run a script (standard input without one)
**   pthost -oom SCRIPT.sql              out-of-memory test of the script
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
**
** -oom runs the script once to get the reference output, then again for
** N = 1, 2, ... with SQLite's allocator (which policytext also uses) failing
** from the Nth allocation on, until a run needs fewer than N allocations.
** Every statement must print either exactly its reference output, or a
** prefix of it followed by an error; nothing may crash, and every run must
** give back all of SQLite's memory (sqlite3_memory_used() as before it).
*/
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sqlite3_policytext_init(sqlite3 *db, char **pzErrMsg,
                            const sqlite3_api_routines *pApi);

static int headers = 0;
static int failed = 0;
static int separators = 0; /* -oom: mark the end of each statement's output */

/* ---------------------------------------------------------------------
** Fault injection through SQLite's allocator.
*/
static sqlite3_mem_methods orig_mem;
static long long alloc_count = 0, fail_at = 0, faults = 0;

static int should_fail(void) {
  if (!fail_at) return 0;
  if (++alloc_count >= fail_at) {
    faults++;
    return 1;
  }
  return 0;
}
static void *fault_malloc(int n) { return should_fail() ? NULL : orig_mem.xMalloc(n); }
static void *fault_realloc(void *p, int n) {
  return should_fail() ? NULL : orig_mem.xRealloc(p, n);
}

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

static void run_sql(sqlite3 *db, const char *sql, FILE *out) {
  while (sql && *sql) {
    while (*sql == ' ' || *sql == '\n' || *sql == '\t' || *sql == '\r') sql++;
    if (!*sql) break;
    if (!sqlite3_complete(sql) && !strstr(sql, ";")) {
      /* only a comment or an unterminated tail: prepare it only if it
      ** holds something besides comments */
      const char *q = sql;
      while (*q == '-' && q[1] == '-') {
        q = strchr(q, '\n');
        if (!q) break;
        while (*q == '\n' || *q == ' ' || *q == '\t' || *q == '\r') q++;
      }
      if (!q || !*q) break;
    }
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, &tail);
    if (rc != SQLITE_OK) {
      fprintf(out, "Error: %s\n", sqlite3_errmsg(db));
      if (separators) fputs("\x1e\n", out);
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
          fprintf(out, "%s%s", i ? "|" : "", sqlite3_column_name(st, i));
        fputc('\n', out);
      }
      first = 0;
      int nomem = 0;
      char *row = NULL;
      size_t row_len = 0;
      FILE *rf = open_memstream(&row, &row_len);
      for (int i = 0; i < ncol && !nomem && rf; i++) {
        int type = sqlite3_column_type(st, i);
        const unsigned char *v = sqlite3_column_text(st, i);
        /* NULL text for a non-NULL value: converting it ran out of memory */
        if (!v && type != SQLITE_NULL) nomem = 1;
        if (i) fputc('|', rf);
        if (v) fwrite(v, 1, (size_t)sqlite3_column_bytes(st, i), rf);
      }
      if (rf) fclose(rf);
      if (!nomem && row) {
        fwrite(row, 1, row_len, out);
        fputc('\n', out);
      }
      free(row);
      if (nomem) {
        fprintf(out, "Error: out of memory (in the host, reading a column)\n");
        rc = SQLITE_NOMEM;
        break;
      }
    }
    if (rc != SQLITE_DONE && rc != SQLITE_NOMEM) {
      fprintf(out, "Error: %s\n", sqlite3_errmsg(db));
      failed = 1;
    } else if (rc == SQLITE_NOMEM) {
      if (sqlite3_errcode(db) == SQLITE_NOMEM) fprintf(out, "Error: %s\n", sqlite3_errmsg(db));
      failed = 1;
    }
    sqlite3_finalize(st);
    if (separators) fputs("\x1e\n", out);
  }
}

/* Runs the whole script on a new connection; returns 0, or 2 when the
** database cannot be opened (under -oom that is a clean failure). */
static int run_script(const char *dbname, const char *script, FILE *out) {
  sqlite3 *db = NULL;
  if (sqlite3_open(dbname, &db) != SQLITE_OK) {
    fprintf(out, "Error: cannot open database: %s\n", db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return 2;
  }
  sqlite3_create_function(db, "readfile", 1, SQLITE_UTF8, NULL, readfile_func,
                          NULL, NULL);
  headers = 0;
  const char *p = script;
  size_t cap = strlen(script) + 1, n = 0;
  char *sql = malloc(cap);
  while (sql && *p) {
    const char *eol = strchr(p, '\n');
    size_t len = eol ? (size_t)(eol - p) + 1 : strlen(p);
    if (p[0] == '.') {
      sql[n] = 0;
      run_sql(db, sql, out);
      n = 0;
      char cmd[4096];
      size_t cl = len < sizeof cmd ? len : sizeof cmd - 1;
      memcpy(cmd, p, cl);
      cmd[cl] = 0;
      cmd[strcspn(cmd, "\r\n")] = 0;
      if (!strcmp(cmd, ".headers on")) headers = 1;
      else if (!strcmp(cmd, ".headers off")) headers = 0;
      else if (!strncmp(cmd, ".echo ", 6)) fprintf(out, "%s\n", cmd + 6);
      else {
        fprintf(out, "Error: unknown command %s\n", cmd);
        failed = 1;
      }
    } else {
      memcpy(sql + n, p, len);
      n += len;
    }
    p += len;
  }
  if (sql) {
    sql[n] = 0;
    run_sql(db, sql, out);
  }
  free(sql);
  sqlite3_close(db);
  return 0;
}

static char *read_all(FILE *in) {
  size_t cap = 1 << 16, n = 0, r;
  char *s = malloc(cap);
  while (s && (r = fread(s + n, 1, cap - n - 1, in)) > 0) {
    n += r;
    if (n + 1 == cap) {
      char *g = realloc(s, cap * 2);
      if (!g) {
        free(s);
        return NULL;
      }
      s = g;
      cap *= 2;
    }
  }
  if (s) s[n] = 0;
  return s;
}

/* Splits captured output into statements (at the \x1e lines). */
static size_t split_stmts(char *s, char **parts, size_t max) {
  size_t k = 0;
  while (*s && k < max) {
    char *sep = strstr(s, "\x1e\n");
    parts[k++] = s;
    if (!sep) break;
    *sep = 0;
    s = sep + 2;
  }
  return k;
}

/* Is got an acceptable output for a statement whose reference is ref? */
static int acceptable(const char *ref, const char *got) {
  if (!strcmp(ref, got)) return 1;
  const char *err = strstr(got, "Error: ");
  if (!err) return 0;
  /* rows printed before the error must be the reference's first rows */
  size_t pre = (size_t)(err - got);
  return strncmp(ref, got, pre) == 0;
}

static int oom_test(const char *dbname, const char *script) {
  separators = 1;
  char *ref = NULL, *got = NULL;
  size_t ref_len = 0, got_len = 0;
  /* The auto-extension list is SQLite memory that outlives connections. */
  sqlite3_int64 base = sqlite3_memory_used();
  FILE *f = open_memstream(&ref, &ref_len);
  run_script(dbname, script, f);
  fclose(f);
  if (sqlite3_memory_used() != base) {
    printf("oom: reference run leaked %lld bytes\n", (long long)(sqlite3_memory_used() - base));
    return 1;
  }
  static char *ref_parts[100000], *got_parts[100000];
  size_t nref = split_stmts(ref, ref_parts, 100000);
  int bad = 0;
  long long n;
  for (n = 1; !bad; n++) {
    alloc_count = 0;
    faults = 0;
    fail_at = n;
    f = open_memstream(&got, &got_len);
    run_script(dbname, script, f);
    fclose(f);
    fail_at = 0;
    if (sqlite3_memory_used() != base) {
      printf("oom: failing allocation %lld on: %lld bytes not freed\n", n,
             (long long)(sqlite3_memory_used() - base));
      bad = 1;
    }
    size_t ngot = split_stmts(got, got_parts, 100000);
    for (size_t i = 0; i < ngot && !bad; i++) {
      if (i >= nref) {
        printf("oom: failing allocation %lld on: extra output %s\n", n, got_parts[i]);
        bad = 1;
      } else if (!acceptable(ref_parts[i], got_parts[i])) {
        printf("oom: failing allocation %lld on: statement %zu printed\n%s\ninstead of\n%s\n",
               n, i + 1, got_parts[i], ref_parts[i]);
        bad = 1;
      }
    }
    free(got);
    got = NULL;
    if (!faults) break; /* the run needed fewer than n allocations */
  }
  free(ref);
  if (!bad) printf("oom: %lld runs, every failure clean\n", n);
  return bad;
}

int main(int argc, char **argv) {
  const char *dbname = ":memory:";
  const char *script_path = NULL;
  int oom = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-db") && i + 1 < argc)
      dbname = argv[++i];
    else if (!strcmp(argv[i], "-oom"))
      oom = 1;
    else if (!strcmp(argv[i], "-fail") && i + 1 < argc)
      oom = -atoi(argv[++i]); /* debugging: fail from allocation N on */
    else
      script_path = argv[i];
  }
  FILE *in = script_path ? fopen(script_path, "rb") : stdin;
  if (!in) {
    fprintf(stderr, "pthost: cannot open %s\n", script_path);
    return 2;
  }
  char *script = read_all(in);
  if (in != stdin) fclose(in);
  if (!script) return 2;
  if (oom) {
    /* Before anything initialises SQLite: count every allocation, and turn
    ** off lookaside so small allocations go through the counter too. */
    sqlite3_config(SQLITE_CONFIG_GETMALLOC, &orig_mem);
    sqlite3_mem_methods m = orig_mem;
    m.xMalloc = fault_malloc;
    m.xRealloc = fault_realloc;
    sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
    sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
  }
  sqlite3_auto_extension((void (*)(void))sqlite3_policytext_init);
  int rc;
  if (oom < 0) {
    fail_at = -oom;
    run_script(dbname, script, stdout);
    rc = failed;
  } else if (oom) {
    rc = oom_test(dbname, script);
  } else {
    run_script(dbname, script, stdout);
    rc = failed;
  }
  free(script);
  sqlite3_reset_auto_extension();
  sqlite3_shutdown();
  return rc;
}
