/*
** pt_sql_vtab.c: the `policytext` virtual table, one row per document.
**
**   CREATE VIRTUAL TABLE docs USING policytext('sample/', pattern='*.md');
**   SELECT published, kind, title FROM docs ORDER BY published;
**   SELECT title FROM policytext('../shared/seeds');           -- eponymous
**   SELECT title FROM policytext('corpus', 'pattern=*.txt recursive=0');
**
** Columns: path, title, published, source, kind, author, tags (JSON array),
** body, words, bytes, modified (file mtime, ISO 8601 UTC), error, and the
** HIDDEN root and options (the table-valued function's arguments) and raw
** (the file's text).  Options: pattern (comma-separated globs, default
** "*.txt,*.md"), recursive (1), max_bytes (256 MiB, never above
** SQLITE_LIMIT_LENGTH).
**
** How it works: xFilter lists the files (pt_source) in path order; the
** rowid is the 1-based position in that order.  Each row is computed lazily
** in three levels, only as far as the asked-for columns need: stat (bytes,
** modified), read (raw, error), parse (pt_text + pt_doc: everything else).
** Only one document is in memory at a time.  A lookup by rowid or path
** reuses the listing of the last scan instead of walking the folder again.
** Files that cannot be used still give a row whose `error` says why.
*/
#define _GNU_SOURCE /* memrchr */
#include <stdlib.h>
#include <string.h>

#include "policytext.h"
#include "pt_source.h"
#include "pt_sql.h"

enum {
  COL_PATH, COL_TITLE, COL_PUBLISHED, COL_SOURCE, COL_KIND, COL_AUTHOR,
  COL_TAGS, COL_BODY, COL_WORDS, COL_BYTES, COL_MODIFIED, COL_ERROR,
  COL_ROOT, COL_OPTIONS, COL_RAW
};

#define SCHEMA                                                              \
  "CREATE TABLE x(path TEXT, title TEXT, published TEXT, source TEXT, "    \
  "kind TEXT, author TEXT, tags TEXT, body TEXT, words INTEGER, "          \
  "bytes INTEGER, modified TEXT, error TEXT, root TEXT HIDDEN, "          \
  "options TEXT HIDDEN, raw TEXT HIDDEN)"

/* idxNum bits */
#define IDX_ROOT 1
#define IDX_OPTIONS 2
#define IDX_ROWID 4
#define IDX_PATH 8

#define DEFAULT_MAX_BYTES ((size_t)256 << 20)

/* A listing shared by the table's cache and its open cursors. */
typedef struct docs_list {
  int refs;
  char *key; /* root + options it was made for */
  pt_source_list l;
} docs_list;

typedef struct docs_opts {
  char *patterns;   /* sqlite3_malloc'd or NULL */
  int recursive;
  sqlite3_int64 max_bytes;
} docs_opts;

/* Per-connection state shared by the module and policytext_allow(). */
typedef struct docs_conn {
  pt_source_allow allow; /* folders this connection may read; none = any */
} docs_conn;

typedef struct docs_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  docs_conn *conn;   /* the connection's state (owned by the module) */
  char *root;        /* PATH from CREATE VIRTUAL TABLE, NULL when eponymous */
  char *options;     /* options from CREATE VIRTUAL TABLE as "k=v k=v" */
  docs_list *cache;  /* listing of the last scan, for rowid/path lookups */
} docs_vtab;

typedef struct docs_cursor {
  sqlite3_vtab_cursor base;
  docs_list *list;   /* referenced listing */
  size_t i, end;     /* current row and one past the last */
  char *root;        /* sqlite3_malloc'd copies for the hidden columns */
  char *options;
  sqlite3_int64 max_bytes;
  sqlite3_uint64 col_used;
  /* Row state, reset by row_reset().  Each level is computed on demand. */
  int have_stat;     /* st is set */
  int have_read;     /* 0 nothing, 1 the file's head, 2 the whole file */
  int have_check;    /* the whole file was checked for bad bytes (err, raw) */
  int have_doc;      /* 0, 1 metadata parsed, 2 body parsed too */
  pt_source_stat st;
  char *bytes;       /* file bytes (pt_malloc), NULL once handed to SQLite */
  size_t n_bytes;
  int truncated;     /* bytes hold only the file's head */
  char *raw;         /* repaired text when bytes were not valid UTF-8 */
  size_t n_raw;
  int binary;        /* not parsed: the file is binary or unreadable */
  char *err;         /* sqlite3_malloc'd row error, or NULL */
  pt_doc doc;
} docs_cursor;

/* ====================================================================
** Options.
*/
static char *dequote(const char *z, size_t n) {
  while (n && (z[0] == ' ' || z[0] == '\t')) z++, n--;
  while (n && (z[n - 1] == ' ' || z[n - 1] == '\t')) n--;
  char q = n >= 2 ? z[0] : 0;
  if ((q == '\'' || q == '"' || q == '`') && z[n - 1] == q) {
    char *out = sqlite3_malloc64(n);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 1; i + 1 < n; i++) {
      out[k++] = z[i];
      if (z[i] == q && i + 2 < n && z[i + 1] == q) i++;
    }
    out[k] = 0;
    return out;
  }
  if (q == '[' && z[n - 1] == ']') return sqlite3_mprintf("%.*s", (int)n - 2, z + 1);
  return sqlite3_mprintf("%.*s", (int)n, z);
}

static int parse_bool(const char *v, int *out) {
  if (!sqlite3_stricmp(v, "1") || !sqlite3_stricmp(v, "true") ||
      !sqlite3_stricmp(v, "yes") || !sqlite3_stricmp(v, "on"))
    return *out = 1, 1;
  if (!sqlite3_stricmp(v, "0") || !sqlite3_stricmp(v, "false") ||
      !sqlite3_stricmp(v, "no") || !sqlite3_stricmp(v, "off"))
    return *out = 0, 1;
  return 0;
}

static int parse_size(const char *v, sqlite3_int64 *out) {
  char *end;
  double d = strtod(v, &end);
  if (end == v || d < 0) return 0;
  while (*end == ' ') end++;
  double mul = 1;
  switch (*end | 0x20) {
    case 'k': mul = 1024.0; end++; break;
    case 'm': mul = 1048576.0; end++; break;
    case 'g': mul = 1073741824.0; end++; break;
    default: break;
  }
  if ((*end | 0x20) == 'b') end++;
  if (*end) return 0;
  d *= mul;
  if (d > 9.0e18) return 0;
  *out = (sqlite3_int64)d;
  return 1;
}

/* Applies one "key=value" to o; on error returns a message to free. */
static char *apply_option(docs_opts *o, const char *kv, size_t n) {
  const char *eq = memchr(kv, '=', n);
  if (!eq) return sqlite3_mprintf("policytext: option '%.*s' is not key=value", (int)n, kv);
  char *key = dequote(kv, (size_t)(eq - kv));
  char *val = dequote(eq + 1, n - (size_t)(eq - kv) - 1);
  char *msg = NULL;
  if (!key || !val) {
    msg = sqlite3_mprintf("out of memory");
  } else if (!sqlite3_stricmp(key, "pattern") || !sqlite3_stricmp(key, "patterns")) {
    sqlite3_free(o->patterns);
    o->patterns = val;
    val = NULL;
  } else if (!sqlite3_stricmp(key, "recursive")) {
    if (!parse_bool(val, &o->recursive))
      msg = sqlite3_mprintf("policytext: recursive must be 0 or 1, not '%s'", val);
  } else if (!sqlite3_stricmp(key, "max_bytes")) {
    if (!parse_size(val, &o->max_bytes))
      msg = sqlite3_mprintf("policytext: max_bytes must be a size like 1000000 or 64M, not '%s'", val);
  } else {
    msg = sqlite3_mprintf("policytext: unknown option '%s' (known: pattern, recursive, max_bytes)", key);
  }
  sqlite3_free(key);
  sqlite3_free(val);
  return msg;
}

/* Applies a string of options separated by spaces or ';' (values may be
** quoted).  Returns an error message to free, or NULL. */
static char *apply_options(docs_opts *o, const char *s) {
  if (!s) return NULL;
  size_t i = 0, n = strlen(s);
  while (i < n) {
    while (i < n && (s[i] == ' ' || s[i] == ';' || s[i] == '\t' || s[i] == '\n')) i++;
    if (i >= n) break;
    size_t st = i;
    char q = 0;
    while (i < n) {
      if (q) {
        if (s[i] == q) q = 0;
      } else if (s[i] == '\'' || s[i] == '"') {
        q = s[i];
      } else if (s[i] == ' ' || s[i] == ';' || s[i] == '\t' || s[i] == '\n') {
        break;
      }
      i++;
    }
    char *msg = apply_option(o, s + st, i - st);
    if (msg) return msg;
  }
  return NULL;
}

static void opts_reset(docs_opts *o) {
  sqlite3_free(o->patterns);
  o->patterns = NULL;
}

/* ====================================================================
** Listings.
*/
static void list_unref(docs_list *dl) {
  if (dl && --dl->refs == 0) {
    pt_source_list_reset(&dl->l);
    sqlite3_free(dl->key);
    sqlite3_free(dl);
  }
}

/* ====================================================================
** Connect / disconnect.
*/
static int docs_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                        sqlite3_vtab **pp, char **pzErr) {
  *pp = NULL;
  int rc = sqlite3_declare_vtab(db, SCHEMA);
  if (rc != SQLITE_OK) return rc;
  docs_vtab *v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->db = db;
  v->conn = aux;
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  /* argv[0..2]: module, database, table; then PATH and key=value options. */
  docs_opts o = {NULL, 1, 0};
  for (int i = 3; i < argc; i++) {
    const char *a = argv[i];
    size_t n = strlen(a);
    const char *eq = memchr(a, '=', n);
    int is_opt = eq && a[0] != '\'' && a[0] != '"';
    if (!is_opt && !v->root) {
      v->root = dequote(a, n);
      if (!v->root) goto nomem;
      continue;
    }
    if (!is_opt) {
      *pzErr = sqlite3_mprintf("policytext: unexpected argument %s (one PATH, then key=value options)", a);
      goto fail;
    }
    char *msg = apply_option(&o, a, n);
    if (msg) {
      *pzErr = msg;
      goto fail;
    }
    char *opt = v->options ? sqlite3_mprintf("%s %s", v->options, a) : sqlite3_mprintf("%s", a);
    if (!opt) goto nomem;
    sqlite3_free(v->options);
    v->options = opt;
  }
  if (argc > 3 && !v->root) {
    *pzErr = sqlite3_mprintf("policytext: a PATH argument is required, e.g. USING policytext('docs/')");
    goto fail;
  }
  opts_reset(&o);
  *pp = &v->base;
  return SQLITE_OK;
nomem:
  opts_reset(&o);
  sqlite3_free(v->root);
  sqlite3_free(v->options);
  sqlite3_free(v);
  return SQLITE_NOMEM;
fail:
  opts_reset(&o);
  sqlite3_free(v->root);
  sqlite3_free(v->options);
  sqlite3_free(v);
  return SQLITE_ERROR;
}

static int docs_disconnect(sqlite3_vtab *vt) {
  docs_vtab *v = (docs_vtab *)vt;
  list_unref(v->cache);
  sqlite3_free(v->root);
  sqlite3_free(v->options);
  sqlite3_free(v);
  return SQLITE_OK;
}

/* ====================================================================
** Query planning.
*/
static int docs_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  docs_vtab *v = (docs_vtab *)vt;
  int root = -1, options = -1, rowid = -1, path = -1;
  int root_unusable = 0;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c->usable) {
      if (c->iColumn == COL_ROOT) root_unusable = 1;
      continue;
    }
    if (c->iColumn == COL_ROOT && root < 0) root = i;
    if (c->iColumn == COL_OPTIONS && options < 0) options = i;
    if (c->iColumn == -1 && rowid < 0) rowid = i;
    if (c->iColumn == COL_PATH && path < 0) path = i;
  }
  if (root < 0 && !v->root) {
    if (root_unusable) return SQLITE_CONSTRAINT;
    pt_sql_vtab_error(vt, "policytext: a PATH argument is required, e.g. policytext('docs/')");
    return SQLITE_ERROR;
  }
  int argi = 0, idx = 0;
  if (root >= 0) {
    info->aConstraintUsage[root].argvIndex = ++argi;
    info->aConstraintUsage[root].omit = 1;
    idx |= IDX_ROOT;
  }
  if (options >= 0) {
    info->aConstraintUsage[options].argvIndex = ++argi;
    info->aConstraintUsage[options].omit = 1;
    idx |= IDX_OPTIONS;
  }
  if (rowid >= 0) {
    info->aConstraintUsage[rowid].argvIndex = ++argi;
    info->aConstraintUsage[rowid].omit = 1;
    idx |= IDX_ROWID;
    info->estimatedCost = 10;
    info->estimatedRows = 1;
    info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
  } else if (path >= 0) {
    info->aConstraintUsage[path].argvIndex = ++argi;
    info->aConstraintUsage[path].omit = 1;
    idx |= IDX_PATH;
    info->estimatedCost = 20;
    info->estimatedRows = 1;
    info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
  } else {
    info->estimatedCost = 1e6;
    info->estimatedRows = 1000;
  }
  if (info->nOrderBy == 1 && !info->aOrderBy[0].desc &&
      (info->aOrderBy[0].iColumn == COL_PATH || info->aOrderBy[0].iColumn == -1))
    info->orderByConsumed = 1;
  info->idxNum = idx;
  info->idxStr = sqlite3_mprintf("%llx", (unsigned long long)info->colUsed);
  if (!info->idxStr) return SQLITE_NOMEM;
  info->needToFreeIdxStr = 1;
  return SQLITE_OK;
}

/* ====================================================================
** Cursor.
*/
static int docs_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **pp) {
  (void)vt;
  docs_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  pt_doc_init(&c->doc);
  *pp = &c->base;
  return SQLITE_OK;
}

static void row_reset(docs_cursor *c) {
  pt_free(c->bytes);
  pt_free(c->raw);
  sqlite3_free(c->err);
  pt_doc_reset(&c->doc);
  c->bytes = c->raw = c->err = NULL;
  c->n_bytes = c->n_raw = 0;
  c->have_stat = c->have_read = c->have_check = c->have_doc = 0;
  c->binary = c->truncated = 0;
}

static int docs_close(sqlite3_vtab_cursor *cur) {
  docs_cursor *c = (docs_cursor *)cur;
  row_reset(c);
  list_unref(c->list);
  sqlite3_free(c->root);
  sqlite3_free(c->options);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* Lists root into a new listing that becomes v->cache (key is copied). */
static int list_folder(docs_vtab *v, sqlite3_vtab_cursor *cur, const char *root,
                       const docs_opts *o, const char *key) {
  docs_list *dl = sqlite3_malloc(sizeof *dl);
  if (!dl) return SQLITE_NOMEM;
  dl->refs = 1;
  dl->key = sqlite3_mprintf("%s", key);
  pt_source_list_init(&dl->l);
  if (!dl->key) {
    list_unref(dl);
    return SQLITE_NOMEM;
  }
  pt_source_opts so = {o->patterns, o->recursive, 0};
  pt_err e;
  e.msg[0] = 0;
  int rc = pt_source_list_make(&dl->l, root, &so, &e);
  if (rc) {
    list_unref(dl);
    if (rc == PT_NOMEM) return SQLITE_NOMEM;
    pt_sql_vtab_error(cur->pVtab, "policytext: %s", e.msg[0] ? e.msg : pt_errmsg(rc));
    return SQLITE_ERROR;
  }
  list_unref(v->cache);
  v->cache = dl;
  return SQLITE_OK;
}

static int docs_filter(sqlite3_vtab_cursor *cur, int idx, const char *idx_str,
                       int argc, sqlite3_value **argv) {
  docs_cursor *c = (docs_cursor *)cur;
  docs_vtab *v = (docs_vtab *)cur->pVtab;
  (void)argc;
  row_reset(c);
  list_unref(c->list);
  c->list = NULL;
  sqlite3_free(c->root);
  sqlite3_free(c->options);
  c->root = c->options = NULL;
  c->i = c->end = 0;
  c->col_used = idx_str ? strtoull(idx_str, NULL, 16) : ~(sqlite3_uint64)0;

  int a = 0;
  const char *root = v->root;
  if (idx & IDX_ROOT) {
    root = (const char *)sqlite3_value_text(argv[a++]);
    if (!root) return SQLITE_OK; /* policytext(NULL): no rows */
  }
  const char *extra = NULL;
  if (idx & IDX_OPTIONS) extra = (const char *)sqlite3_value_text(argv[a++]);

  docs_opts o = {NULL, 1, (sqlite3_int64)DEFAULT_MAX_BYTES};
  char *msg = apply_options(&o, v->options);
  if (!msg) msg = apply_options(&o, extra);
  if (msg) {
    sqlite3_free(cur->pVtab->zErrMsg);
    cur->pVtab->zErrMsg = msg;
    opts_reset(&o);
    return SQLITE_ERROR;
  }
  if (!pt_source_allowed(&v->conn->allow, root) && !strpbrk(root, "*?[")) {
    opts_reset(&o);
    pt_sql_vtab_error(cur->pVtab, "policytext: '%s' is outside the paths allowed by policytext_allow()", root);
    return SQLITE_AUTH;
  }
  sqlite3_int64 lim = sqlite3_limit(v->db, SQLITE_LIMIT_LENGTH, -1);
  c->max_bytes = o.max_bytes < lim ? o.max_bytes : lim;
  c->root = sqlite3_mprintf("%s", root);
  c->options = extra ? sqlite3_mprintf("%s", extra) : NULL;
  char *key = sqlite3_mprintf("%s\x01%s\x01%d", root, o.patterns ? o.patterns : "",
                              o.recursive);
  if (!c->root || !key || (extra && !c->options)) {
    sqlite3_free(key);
    opts_reset(&o);
    return SQLITE_NOMEM;
  }
  /* A lookup by rowid or path reuses the last scan's listing; if the row
  ** is not there (the folder changed since), the folder is listed again. */
  int lookup = (idx & (IDX_ROWID | IDX_PATH)) != 0;
  int from_cache = lookup && v->cache && strcmp(v->cache->key, key) == 0;
  sqlite3_value *key_arg = lookup ? argv[a] : NULL;
  for (;;) {
    int rc = from_cache ? SQLITE_OK : list_folder(v, cur, root, &o, key);
    if (rc) {
      sqlite3_free(key);
      opts_reset(&o);
      return rc;
    }
    c->list = v->cache;
    c->list->refs++;
    size_t n = c->list->l.n;
    c->i = 0;
    c->end = n;
    if (idx & IDX_ROWID) {
      sqlite3_int64 r = sqlite3_value_int64(key_arg);
      if (sqlite3_value_numeric_type(key_arg) != SQLITE_INTEGER || r < 1 ||
          (sqlite3_uint64)r > n) {
        c->i = c->end = n;
      } else {
        c->i = (size_t)(r - 1);
        c->end = c->i + 1;
      }
    } else if (idx & IDX_PATH) {
      const char *p = (const char *)sqlite3_value_text(key_arg);
      size_t k = p ? pt_source_list_find(&c->list->l, p) : n;
      c->i = k;
      c->end = k < n ? k + 1 : n;
    }
    if (!from_cache || c->i < c->end) break;
    list_unref(c->list); /* missed in a cached listing: list again once */
    c->list = NULL;
    from_cache = 0;
  }
  sqlite3_free(key);
  opts_reset(&o);
  return SQLITE_OK;
}

static int docs_next(sqlite3_vtab_cursor *cur) {
  docs_cursor *c = (docs_cursor *)cur;
  row_reset(c);
  c->i++;
  return SQLITE_OK;
}

static int docs_eof(sqlite3_vtab_cursor *cur) {
  docs_cursor *c = (docs_cursor *)cur;
  return c->i >= c->end;
}

static int docs_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  docs_cursor *c = (docs_cursor *)cur;
  *rowid = (sqlite3_int64)c->i + 1;
  return SQLITE_OK;
}

/* Level 1: stat. */
static void row_stat(docs_cursor *c) {
  if (c->have_stat) return;
  c->have_stat = 1;
  pt_err e;
  if (pt_source_stat_file(c->list->l.items[c->i].path, &c->st, &e)) {
    c->st.bytes = -1;
    c->st.mtime = -1;
  }
}

/* The head of a file that metadata needs: headers are short, so 16 KiB
** (cut at a line end) nearly always holds them; if not, the whole file is
** read after all. */
#define HEAD_BYTES ((size_t)16 << 10)

/* Level 2: read the head (whole = 0) or the whole file.  Returns
** SQLITE_NOMEM or SQLITE_OK; a file that cannot be used sets c->binary and
** c->err. */
static int row_read(docs_cursor *c, int whole) {
  if (c->have_read >= (whole ? 2 : 1) || c->binary) return SQLITE_OK;
  const pt_source_entry *ent = &c->list->l.items[c->i];
  pt_free(c->bytes);
  c->bytes = NULL;
  if (ent->err) {
    c->binary = 1;
    c->err = sqlite3_mprintf("cannot read '%s': %s", ent->path, strerror(ent->err));
    return c->err ? SQLITE_OK : SQLITE_NOMEM;
  }
  docs_vtab *v = (docs_vtab *)c->base.pVtab;
  if (!pt_source_allowed(&v->conn->allow, ent->path)) {
    c->binary = 1;
    c->err = sqlite3_mprintf("'%s' is outside the paths allowed by policytext_allow(), not read",
                             ent->path);
    return c->err ? SQLITE_OK : SQLITE_NOMEM;
  }
  pt_err e;
  e.msg[0] = 0;
  int rc = pt_source_read(ent->path, (size_t)c->max_bytes, whole ? 0 : HEAD_BYTES,
                          &c->bytes, &c->n_bytes, &c->truncated, &e);
  if (rc == PT_NOMEM) return SQLITE_NOMEM;
  c->have_read = c->truncated ? 1 : 2;
  if (rc) {
    c->binary = 1;
    c->err = sqlite3_mprintf("%s", e.msg);
    return c->err ? SQLITE_OK : SQLITE_NOMEM;
  }
  size_t bad;
  if (pt_text_looks_binary(c->bytes, c->n_bytes, &bad)) {
    c->binary = 1;
    c->err = sqlite3_mprintf("'%s' looks binary (byte 0x%02x at offset %llu), not parsed",
                             ent->path, (unsigned char)c->bytes[bad],
                             (unsigned long long)bad);
    return c->err ? SQLITE_OK : SQLITE_NOMEM;
  }
  if (c->truncated) { /* keep whole lines only */
    const char *nl = c->n_bytes > 1 ? memrchr(c->bytes, '\n', c->n_bytes) : NULL;
    if (nl) c->n_bytes = (size_t)(nl - c->bytes) + 1;
  }
  return SQLITE_OK;
}

/* Level 2b: the whole file checked for invalid UTF-8 and NUL bytes, which
** the `error` and `raw` columns report; makes c->raw when it must differ
** from the bytes. */
static int row_check(docs_cursor *c) {
  if (c->have_check) return SQLITE_OK;
  int rc = row_read(c, 1);
  if (rc) return rc;
  if (c->binary) return SQLITE_OK;
  if (!c->bytes && !c->raw) { /* handed over as `raw` already: read again */
    c->have_read = 0;
    if ((rc = row_read(c, 1)) != SQLITE_OK || c->binary) return rc;
  }
  c->have_check = 1;
  if (c->raw || !c->bytes) return SQLITE_OK;
  size_t valid = pt_utf8_valid_prefix(c->bytes, c->n_bytes);
  if (valid == c->n_bytes && !memchr(c->bytes, 0, c->n_bytes)) return SQLITE_OK;
  pt_text t;
  if (pt_text_make(&t, c->bytes, c->n_bytes, PT_TEXT_REPAIR)) return SQLITE_NOMEM;
  c->raw = t.utf8;
  c->n_raw = t.len;
  pt_free(c->bytes); /* the repaired text replaces them from here on */
  c->bytes = NULL;
  sqlite3_free(c->err);
  c->err = sqlite3_mprintf(
      "'%s': %s at byte offset %llu (%llu invalid and %llu NUL bytes replaced by U+FFFD)",
      c->list->l.items[c->i].path, t.n_invalid ? "invalid UTF-8" : "NUL byte",
      (unsigned long long)t.first_bad_off, (unsigned long long)t.n_invalid,
      (unsigned long long)t.n_nul);
  return c->err ? SQLITE_OK : SQLITE_NOMEM;
}

/* Level 3: parse.  Metadata alone (full = 0) comes from the file's head;
** body and words need the whole file. */
static int row_parse(docs_cursor *c, int full) {
  if (c->have_doc >= (full ? 2 : 1)) return SQLITE_OK;
  int rc = row_read(c, full);
  if (rc) return rc;
  if (c->binary) return SQLITE_OK;
  if (!c->bytes && !c->raw) { /* handed over as `raw` already: read again */
    c->have_read = c->have_check = 0;
    if ((rc = row_read(c, full)) != SQLITE_OK || c->binary) return rc;
  }
  for (;;) {
    const char *src = c->raw ? c->raw : c->bytes;
    size_t n = c->raw ? c->n_raw : c->n_bytes;
    pt_text t;
    if (pt_text_make(&t, src, n, PT_TEXT_ALL)) return SQLITE_NOMEM;
    pt_doc_reset(&c->doc);
    rc = pt_doc_parse_ex(&c->doc, t.utf8, t.len,
                         full ? ((c->col_used & (1ull << COL_WORDS)) ? PT_DOC_WORDS : 0)
                              : PT_DOC_META_ONLY);
    pt_text_reset(&t);
    if (rc) return SQLITE_NOMEM;
    if (full || !c->truncated || c->doc.header_ended) break;
    /* The header runs past the head: read and parse the whole file. */
    if ((rc = row_read(c, 1)) != SQLITE_OK) return rc;
    if (c->binary) return SQLITE_OK;
  }
  c->have_doc = full ? 2 : 1;
  return SQLITE_OK;
}

#define BODY_COLS ((1ull << COL_BODY) | (1ull << COL_WORDS))
#define DOC_COLS                                                          \
  ((1ull << COL_TITLE) | (1ull << COL_PUBLISHED) | (1ull << COL_SOURCE) | \
   (1ull << COL_KIND) | (1ull << COL_AUTHOR) | (1ull << COL_TAGS) |       \
   (1ull << COL_BODY) | (1ull << COL_WORDS))

static void result_str(sqlite3_context *ctx, const char *s) {
  if (s) sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
}

static int docs_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  docs_cursor *c = (docs_cursor *)cur;
  int rc = SQLITE_OK;
  if (col >= COL_TITLE && col <= COL_WORDS) {
    rc = row_parse(c, col == COL_BODY || col == COL_WORDS || (c->col_used & BODY_COLS));
    if (rc) return rc;
    if (c->binary) return SQLITE_OK;
  }
  switch (col) {
    case COL_PATH:
      result_str(ctx, c->list->l.items[c->i].path);
      break;
    case COL_TITLE: result_str(ctx, c->doc.title); break;
    case COL_PUBLISHED: result_str(ctx, c->doc.published); break;
    case COL_SOURCE: result_str(ctx, c->doc.source); break;
    case COL_KIND: result_str(ctx, c->doc.kind); break;
    case COL_AUTHOR: result_str(ctx, c->doc.author); break;
    case COL_TAGS: result_str(ctx, c->doc.tags_json); break;
    case COL_BODY:
      if (!c->doc.body) { /* handed over earlier in this row: parse again */
        c->have_doc = 0;
        rc = row_parse(c, 1);
        if (rc) return rc;
        if (!c->doc.body) break;
      }
      /* The body goes to SQLite without a copy. */
      sqlite3_result_text64(ctx, c->doc.body, c->doc.body_len, pt_sql_free,
                            SQLITE_UTF8);
      c->doc.body = NULL;
      break;
    case COL_WORDS: sqlite3_result_int64(ctx, (sqlite3_int64)c->doc.words); break;
    case COL_BYTES:
      row_stat(c);
      if (c->st.bytes >= 0) sqlite3_result_int64(ctx, c->st.bytes);
      break;
    case COL_MODIFIED: {
      row_stat(c);
      if (c->st.mtime >= 0) {
        char iso[21];
        pt_source_iso_time(c->st.mtime, iso);
        sqlite3_result_text(ctx, iso, -1, SQLITE_TRANSIENT);
      }
      break;
    }
    case COL_ERROR:
      rc = row_check(c);
      if (rc) return rc;
      result_str(ctx, c->err);
      break;
    case COL_RAW:
      /* Parse first when doc columns are wanted, so that the bytes can go to
      ** SQLite without a copy. */
      if ((c->col_used & DOC_COLS) && !c->have_doc) {
        rc = row_parse(c, (c->col_used & BODY_COLS) != 0);
        if (rc) return rc;
      }
      rc = row_check(c);
      if (rc) return rc;
      if (c->binary) break;
      if (c->raw) {
        sqlite3_result_text64(ctx, c->raw, c->n_raw, pt_sql_free, SQLITE_UTF8);
        c->raw = NULL;
      } else if (c->bytes) {
        sqlite3_result_text64(ctx, c->bytes, c->n_bytes, pt_sql_free, SQLITE_UTF8);
        c->bytes = NULL;
      }
      c->have_check = 0; /* a second `raw` in this row reads again */
      c->have_read = 0;
      break;
    case COL_ROOT: result_str(ctx, c->root); break;
    case COL_OPTIONS: result_str(ctx, c->options); break;
  }
  return SQLITE_OK;
}

static sqlite3_module docs_module = {
    0,                /* iVersion */
    docs_connect,     /* xCreate: same as xConnect, so also eponymous */
    docs_connect,     /* xConnect */
    docs_best_index,  /* xBestIndex */
    docs_disconnect,  /* xDisconnect */
    docs_disconnect,  /* xDestroy */
    docs_open,        /* xOpen */
    docs_close,       /* xClose */
    docs_filter,      /* xFilter */
    docs_next,        /* xNext */
    docs_eof,         /* xEof */
    docs_column,      /* xColumn */
    docs_rowid,       /* xRowid */
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};

static void conn_free(void *p) {
  docs_conn *cs = p;
  pt_source_allow_reset(&cs->allow);
  sqlite3_free(cs);
}

/* policytext_allow(PATH): from now on this connection reads files only
** inside PATH (and other allowed paths, which can only narrow). */
static void allow_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  docs_conn *cs = sqlite3_user_data(ctx);
  const char *path;
  size_t n;
  int t = pt_sql_arg_text(ctx, argv[0], "policytext_allow", 1, &path, &n);
  if (t <= 0) return;
  pt_err e;
  e.msg[0] = 0;
  int rc = pt_source_allow_add(&cs->allow, path, &e);
  if (rc) {
    pt_sql_result_error(ctx, "policytext_allow", rc, &e);
    return;
  }
  sqlite3_result_text(ctx, cs->allow.roots[cs->allow.n - 1], -1, SQLITE_TRANSIENT);
}

int pt_sql_register_docs(sqlite3 *db) {
  docs_conn *cs = sqlite3_malloc(sizeof *cs);
  if (!cs) return SQLITE_NOMEM;
  memset(cs, 0, sizeof *cs);
  /* The module owns cs and frees it when the connection closes. */
  int rc = sqlite3_create_module_v2(db, "policytext", &docs_module, cs, conn_free);
  if (rc != SQLITE_OK) return rc;
  return sqlite3_create_function(db, "policytext_allow", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                 cs, allow_func, NULL, NULL);
}
