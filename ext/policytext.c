/*
** policytext.c: entry point of the policytext SQLite extension.
**
**   sqlite> .load ./policytext
**   sqlite> SELECT policytext_version();
**   sqlite> SELECT title, published FROM policytext('sample/');
**
** This is the only file that knows every SQL module: it points the pt_
** allocator at SQLite's (so results go to SQLite without copies and SQLite
** sees every allocation) and calls each module's registration function,
** stopping at the first failure.
*/
#define _DEFAULT_SOURCE /* memccpy, madvise */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "policytext.h"
#include "pt_mem.h"
#include "pt_sql.h"

static void *sql_malloc(size_t n) { return sqlite3_malloc64(n); }
static void *sql_realloc(void *p, size_t n) { return sqlite3_realloc64(p, n); }
static void sql_free(void *p) { sqlite3_free(p); }

void pt_sql_free(void *p) { sqlite3_free(p); }

void pt_sql_result_error(sqlite3_context *ctx, const char *fn, int rc,
                         const pt_err *err) {
  if (rc == PT_NOMEM) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  char *msg;
  if (err && err->msg[0])
    msg = sqlite3_mprintf("%s: %s", fn, err->msg);
  else
    msg = sqlite3_mprintf("%s: %s", fn, pt_errmsg(rc));
  if (!msg) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_error(ctx, msg, -1);
  sqlite3_free(msg);
}

int pt_sql_arg_text(sqlite3_context *ctx, sqlite3_value *v, const char *fn,
                    int argi, const char **s, size_t *n) {
  int t = sqlite3_value_type(v);
  if (t == SQLITE_NULL) return 0;
  if (t == SQLITE_BLOB) {
    char *msg = sqlite3_mprintf(
        "%s: argument %d must be text, not a blob (CAST(x AS TEXT) reads it as "
        "UTF-8)",
        fn, argi);
    if (msg) {
      sqlite3_result_error(ctx, msg, -1);
      sqlite3_free(msg);
    } else {
      sqlite3_result_error_nomem(ctx);
    }
    return -1;
  }
  const unsigned char *p = sqlite3_value_text(v);
  if (!p) {
    sqlite3_result_error_nomem(ctx);
    return -1;
  }
  *s = (const char *)p;
  *n = (size_t)sqlite3_value_bytes(v);
  return 1;
}

int pt_sql_tvf_connect(sqlite3 *db, const char *schema, sqlite3_vtab **pp) {
  *pp = NULL;
  int rc = sqlite3_declare_vtab(db, schema);
  if (rc != SQLITE_OK) return rc;
  sqlite3_vtab *v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *pp = v;
  return SQLITE_OK;
}

int pt_sql_tvf_disconnect(sqlite3_vtab *v) {
  sqlite3_free(v);
  return SQLITE_OK;
}

int pt_sql_tvf_best_index(sqlite3_index_info *info, int text_col, double rows) {
  int arg = -1;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *k = &info->aConstraint[i];
    if (k->iColumn != text_col || k->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!k->usable) return SQLITE_CONSTRAINT; /* wait for the argument */
    arg = i;
  }
  if (arg >= 0) {
    info->aConstraintUsage[arg].argvIndex = 1;
    info->aConstraintUsage[arg].omit = 1;
    info->idxNum = 1;
    info->estimatedCost = 100;
    info->estimatedRows = (sqlite3_int64)rows;
  } else {
    info->idxNum = 0;
    info->estimatedCost = 1e9;
    info->estimatedRows = 1;
  }
  return SQLITE_OK;
}

/* A text of many megabytes is copied into fresh memory whose page faults,
** one per 4 KiB, cost more than the copy itself on virtual machines; ask
** Linux for transparent huge pages over the buffer's page-aligned middle
** (where THP is set to "madvise").  Only a hint: failure changes nothing. */
static void hint_huge_pages(void *p, size_t n) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (n < ((size_t)8 << 20)) return;
  uintptr_t a = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
  uintptr_t e = ((uintptr_t)p + n) & ~(uintptr_t)4095;
  if (e > a) madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
  (void)p, (void)n;
#endif
}

int pt_sql_tvf_text_arg_buf(sqlite3_vtab *vtab, const char *fn, int argi, sqlite3_value *v, char **buf,
                            size_t *cap, char **out, size_t *n) {
  *out = NULL;
  *n = 0;
  int t = sqlite3_value_type(v);
  if (t == SQLITE_NULL) return SQLITE_OK;
  if (t == SQLITE_BLOB) {
    pt_sql_vtab_error(vtab, "%s: argument %d must be text, not a blob (CAST(x AS TEXT) reads it as UTF-8)",
                      fn, argi);
    return SQLITE_ERROR;
  }
  const char *s = (const char *)sqlite3_value_text(v);
  size_t len = (size_t)sqlite3_value_bytes(v);
  if (!s) return SQLITE_NOMEM;
  if (!*buf || *cap < len + 1) {
    /* (the old contents are not needed: no realloc copy) */
    pt_free(*buf);
    *cap = 0;
    *buf = pt_malloc(len + 1);
    if (!*buf) return SQLITE_NOMEM;
    *cap = len + 1;
    hint_huge_pages(*buf, len + 1);
  }
  char *c = *buf;
  /* One pass copies the text and finds a NUL. */
  char *nul = memccpy(c, s, 0, len);
  if (nul) len = (size_t)(nul - c) - 1;
  c[len] = 0;
  *out = c;
  *n = len;
  return SQLITE_OK;
}

int pt_sql_tvf_text_arg(sqlite3_vtab *vtab, const char *fn, int argi, sqlite3_value *v, char **out,
                        size_t *n) {
  char *buf = NULL;
  size_t cap = 0;
  int rc = pt_sql_tvf_text_arg_buf(vtab, fn, argi, v, &buf, &cap, out, n);
  if (!*out) pt_free(buf); /* (NULL when nothing was copied) */
  return rc;
}

void pt_sql_vtab_error(sqlite3_vtab *vtab, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = sqlite3_vmprintf(fmt, ap);
  va_end(ap);
}

/* Every SQL module, in registration order. */
static int (*const registrations[])(sqlite3 *) = {
    pt_sql_register_funcs,
    pt_sql_register_docs,
    pt_sql_register_text,
    pt_sql_register_fts,
    pt_sql_register_quotes,
    pt_sql_register_mentions,
    pt_sql_register_topics,
};

#ifdef _WIN32
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
int sqlite3_policytext_init(sqlite3 *db, char **pzErrMsg,
                            const sqlite3_api_routines *pApi) {
  /* SQLITE_EXTENSION_INIT2, but writing the shared pointer only when it
  ** changes: connections opened in several threads then only read it. */
  if (sqlite3_api != pApi) sqlite3_api = pApi;
  static const pt_allocator a = {sql_malloc, sql_realloc, sql_free};
  pt_mem_set(&a);
  for (size_t i = 0; i < sizeof registrations / sizeof registrations[0]; i++) {
    int rc = registrations[i](db);
    if (rc != SQLITE_OK) {
      if (pzErrMsg)
        *pzErrMsg = sqlite3_mprintf("policytext: registration failed: %s",
                                    sqlite3_errstr(rc));
      return rc;
    }
  }
  return SQLITE_OK;
}
