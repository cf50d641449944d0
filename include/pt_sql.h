/*
** pt_sql.h: internal contract of the SQL glue (pt_sql_*.c and policytext.c).
**
** Only files that include this header see SQLite.  Each pt_sql_ module
** registers its functions or virtual tables through one pt_sql_register_*()
** function listed in policytext.c's registration table, and turns analysis
** results (plain C, the pt_ headers) into rows.
*/
#ifndef PT_SQL_H
#define PT_SQL_H

#include <sqlite3ext.h>
#include <stddef.h>

#include "pt_err.h"

SQLITE_EXTENSION_INIT3

/* Registration of each SQL module; each returns an SQLite result code. */
int pt_sql_register_docs(sqlite3 *db);   /* policytext virtual table */
int pt_sql_register_funcs(sqlite3 *db);  /* policytext_version() and helpers */
int pt_sql_register_text(sqlite3 *db);   /* sentences, paragraphs, acronyms, kwic */
int pt_sql_register_fts(sqlite3 *db);    /* the FTS5 tokenizer `policytext` */
int pt_sql_register_quotes(sqlite3 *db); /* quotes() table, speaker() */
int pt_sql_register_mentions(sqlite3 *db); /* mentions() table */
int pt_sql_register_topics(sqlite3 *db); /* topics() and topics_train() */

/* Flags for text functions whose result depends only on their arguments. */
#define PT_SQL_PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

/* Reports rc from function `fn` on ctx: PT_NOMEM becomes
** sqlite3_result_error_nomem, anything else "fn: message". */
void pt_sql_result_error(sqlite3_context *ctx, const char *fn, int rc,
                         const pt_err *err);

/* Text of argument v for function `fn` (argument number argi, 1-based).
** Returns 1 with *s and *n set for text (and numbers, as SQLite converts them),
** 0 for NULL (nothing set on ctx), and -1 after setting an error on ctx for
** a BLOB (which is not text). */
int pt_sql_arg_text(sqlite3_context *ctx, sqlite3_value *v, const char *fn,
                    int argi, const char **s, size_t *n);

/* xConnect/xDisconnect of a plain eponymous table-valued function over text
** (quotes, mentions): declares `schema`, marks the table INNOCUOUS and
** allocates a bare sqlite3_vtab. */
int pt_sql_tvf_connect(sqlite3 *db, const char *schema, sqlite3_vtab **pp);
int pt_sql_tvf_disconnect(sqlite3_vtab *v);
/* xBestIndex body of such a function: takes an EQ constraint on the hidden
** argument column text_col as argv[0] (idxNum 1; SQLITE_CONSTRAINT while it
** is unusable, so the planner supplies it); without one, no rows (idxNum
** 0).  rows is the estimate per argument. */
int pt_sql_tvf_best_index(sqlite3_index_info *info, int text_col, double rows);

/* The text argument v (number argi) of table-valued function `fn`, copied
** for the cursor to keep (argument values live only during xFilter) into a
** NUL-terminated pt_malloc() buffer *out of *n bytes, cut at the first NUL
** as SQLite's own text functions are.  Returns SQLITE_OK with *out NULL for
** a NULL argument, SQLITE_OK with the copy, SQLITE_ERROR after setting
** vtab's error for a BLOB (not text: CAST it), or SQLITE_NOMEM. */
int pt_sql_tvf_text_arg(sqlite3_vtab *vtab, const char *fn, int argi, sqlite3_value *v, char **out,
                        size_t *n);
/* The same copy into *buf, a pt_malloc() buffer of *cap bytes the caller
** keeps from call to call (NULL and 0 at first; grown when too small), so
** that a cursor filtered once per row allocates once, not once a row.
** *out is *buf, or NULL for a NULL argument. */
int pt_sql_tvf_text_arg_buf(sqlite3_vtab *vtab, const char *fn, int argi, sqlite3_value *v, char **buf,
                            size_t *cap, char **out, size_t *n);
/* Replaces vtab->zErrMsg with a formatted message (the old one is freed). */
void pt_sql_vtab_error(sqlite3_vtab *vtab, const char *fmt, ...);

/* The SQLite-side free function for memory from pt_malloc(): hands a pt_
** buffer to sqlite3_result_text64() with no copy. */
void pt_sql_free(void *p);

#endif /* PT_SQL_H */
