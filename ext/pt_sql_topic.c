/*
** pt_sql_topic.c: the topics() table-valued function and topics_train().
**
**   SELECT topic, scheme, round(score, 2), evidence FROM topics(body);
**   SELECT topic FROM topics(body, 'cap') WHERE rank = 1;
**   SELECT * FROM topics(body, 'place,issue');             -- a list
**   SELECT * FROM topics(body, 'mylexicon');                -- a user table
**   SELECT topics_train('mycodes', 'SELECT text, label FROM coded');
**
** Columns: topic, scheme, score (0..1), rank (1 = best within its scheme),
** hits, evidence, description, and the HIDDEN arguments arg_text and
** arg_scheme (named so that a column "text" of the outer query is not
** shadowed inside a correlated subquery).
** Without a scheme (or NULL) every built-in scheme is used, best first;
** when the text is a whole document whose page states its tags (pt_doc
** finds a "More on:"/"Topics:"/"Tags:" block or front-matter tags) those
** come first with scheme 'declared' and the other schemes read its body.
**
** A user scheme is any table or view with columns topic and term and
** optionally weight (default 1).  Rows whose topic or term is NULL are
** skipped; a term that cannot be used is an error naming the table.  The
** compiled scheme is cached on the connection and rebuilt when the database
** may have changed: the connection's total_changes, the main database's
** data_version (other connections' commits) or its schema_version moved
** (total_changes counts finished statements, so a statement sees the table
** as it was when the statement began).  Up to four tables are cached; cursors
** hold references, so an evicted scheme lives until its rows are gone.
** Built-in names (cap, place, issue, declared) come before tables.
**
** topics_train(name, query [, options]) runs query (columns text and label,
** or the first two), learns a naive-Bayes term table (pt_topic_train.h), stores it
** as the ordinary table `name` (topic, term, weight) plus a row in
** topics_models, and returns the 5-fold cross-validated accuracy.  It only
** replaces a table that topics_models lists as a model.  Options
** are "key=value" pairs: folds, min_count, min_weight, max_weight, alpha,
** bigrams (see pt_topic_train.h).
**
** topics() can read tables (user schemes), so the module is DIRECTONLY:
** a view or trigger of an attached, untrusted database cannot use it to
** read another database's tables.  topics_train() runs queries and writes
** tables, so it is DIRECTONLY too.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "policytext.h"
#include "pt_buf.h"
#include "pt_doc.h"
#include "pt_mem.h"
#include "pt_sql.h"
#include "pt_text.h"
#include "pt_topic.h"
#include "pt_topic_train.h"

enum {
  COL_TOPIC, COL_SCHEME, COL_SCORE, COL_RANK, COL_HITS, COL_EVIDENCE, COL_DESC,
  COL_TEXT, COL_SCHEMES
};

#define SCHEMA                                                                   \
  "CREATE TABLE x(topic TEXT, scheme TEXT, score REAL, rank INTEGER, hits "     \
  "INTEGER, evidence TEXT, description TEXT, arg_text TEXT HIDDEN, arg_scheme " \
  "TEXT HIDDEN)"

#define N_USER_CACHE 4

/* A compiled user scheme shared by the cache and the cursors whose rows
** point into it (topic names): freed when the last reference goes, so a
** rebuild while another cursor of the same statement still shows rows of the
** old table is safe. */
typedef struct scheme_ref {
  pt_scheme *scheme;
  int refs;
} scheme_ref;

static void scheme_unref(scheme_ref *r) {
  if (r && --r->refs == 0) {
    pt_scheme_free(r->scheme);
    sqlite3_free(r);
  }
}

/* A user table compiled into a scheme, with the state it was read in. */
typedef struct user_scheme {
  char *name;                 /* sqlite3_malloc'd table name, NULL = empty slot */
  scheme_ref *ref;            /* one reference held by the cache */
  sqlite3_int64 changes;      /* sqlite3_total_changes64 then */
  unsigned int data_version;  /* main's SQLITE_FCNTL_DATA_VERSION then */
  int schema_version;
  unsigned use;               /* LRU clock */
} user_scheme;

typedef struct topics_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  pt_scheme **builtin;        /* compiled on first use, pt_topic_builtin_count() */
  user_scheme user[N_USER_CACHE];
  unsigned clock;
  sqlite3_stmt *schema_stmt;  /* PRAGMA schema_version, kept prepared */
} topics_vtab;

typedef struct topics_cursor {
  sqlite3_vtab_cursor base;
  pt_topic_list rows;
  size_t i;
  char *text;                 /* copies for the hidden columns */
  char *schemes;
  pt_topic_text tx;           /* tokens, kept so its memory serves every call */
  scheme_ref **held;          /* user schemes the current rows point into */
  size_t n_held, cap_held;
} topics_cursor;

/* ====================================================================
** Connect / disconnect.
*/
static int topics_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                          sqlite3_vtab **pp, char **pzErr) {
  (void)aux;
  (void)argc;
  (void)argv;
  (void)pzErr;
  *pp = NULL;
  int rc = sqlite3_declare_vtab(db, SCHEMA);
  if (rc != SQLITE_OK) return rc;
  topics_vtab *v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->db = db;
  v->builtin = sqlite3_malloc64(pt_topic_builtin_count() * sizeof *v->builtin + 1);
  if (!v->builtin) {
    sqlite3_free(v);
    return SQLITE_NOMEM;
  }
  memset(v->builtin, 0, pt_topic_builtin_count() * sizeof *v->builtin);
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  *pp = &v->base;
  return SQLITE_OK;
}

static int topics_disconnect(sqlite3_vtab *vt) {
  topics_vtab *v = (topics_vtab *)vt;
  for (size_t i = 0; i < pt_topic_builtin_count(); i++) pt_scheme_free(v->builtin[i]);
  sqlite3_free(v->builtin);
  for (int i = 0; i < N_USER_CACHE; i++) {
    sqlite3_free(v->user[i].name);
    scheme_unref(v->user[i].ref);
  }
  sqlite3_finalize(v->schema_stmt);
  sqlite3_free(v);
  return SQLITE_OK;
}

/* ====================================================================
** Planning: text (required) and schemes (optional) are equality arguments.
*/
static int topics_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  (void)vt;
  int text_ix = -1, scheme_ix = -1;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (c->iColumn == COL_TEXT) {
      if (!c->usable) return SQLITE_CONSTRAINT;
      text_ix = i;
    } else if (c->iColumn == COL_SCHEMES) {
      if (!c->usable) return SQLITE_CONSTRAINT;
      scheme_ix = i;
    }
  }
  int n = 0, idx = 0;
  if (text_ix >= 0) {
    info->aConstraintUsage[text_ix].argvIndex = ++n;
    info->aConstraintUsage[text_ix].omit = 1;
    idx |= 1;
  }
  if (scheme_ix >= 0) {
    info->aConstraintUsage[scheme_ix].argvIndex = ++n;
    info->aConstraintUsage[scheme_ix].omit = 1;
    idx |= 2;
  }
  /* Copy the arguments for the hidden columns only when they are read. */
  if (info->colUsed & ((sqlite3_uint64)1 << COL_TEXT)) idx |= 4;
  if (info->colUsed & ((sqlite3_uint64)1 << COL_SCHEMES)) idx |= 8;
  /* Evidence strings are built only for queries that read them. */
  if (info->colUsed & ((sqlite3_uint64)1 << COL_EVIDENCE)) idx |= 16;
  info->idxNum = idx;
  info->estimatedCost = text_ix >= 0 ? 100.0 : 1e12;
  info->estimatedRows = 20;
  return SQLITE_OK;
}

/* ====================================================================
** Schemes.
*/

/* Built-in scheme i, compiled on first use. */
static int builtin_scheme(topics_vtab *v, size_t i, pt_scheme **out) {
  if (!v->builtin[i]) {
    pt_err err = {0, 0, ""};
    int rc = pt_topic_builtin(i, &v->builtin[i], &err);
    if (rc == PT_NOMEM) return SQLITE_NOMEM;
    if (rc) {
      pt_sql_vtab_error(&v->base, "topics: built-in scheme '%s': %s",
                        pt_topic_builtin_name(i), err.msg[0] ? err.msg : pt_errmsg(rc));
      return SQLITE_ERROR;
    }
  }
  *out = v->builtin[i];
  return SQLITE_OK;
}

static int db_state(topics_vtab *v, sqlite3_int64 *changes, unsigned int *dv, int *sv) {
  *changes = sqlite3_total_changes64(v->db);
  *dv = 0;
  sqlite3_file_control(v->db, "main", SQLITE_FCNTL_DATA_VERSION, dv);
  if (!v->schema_stmt) {
    int rc = sqlite3_prepare_v2(v->db, "PRAGMA main.schema_version", -1, &v->schema_stmt, NULL);
    if (rc) return rc;
  }
  *sv = 0;
  if (sqlite3_step(v->schema_stmt) == SQLITE_ROW) *sv = sqlite3_column_int(v->schema_stmt, 0);
  return sqlite3_reset(v->schema_stmt);
}

/* Column index of name among st's columns, or -1. */
static int column_of(sqlite3_stmt *st, const char *name) {
  for (int i = 0; i < sqlite3_column_count(st); i++)
    if (sqlite3_stricmp(sqlite3_column_name(st, i), name) == 0) return i;
  return -1;
}

/* Reads table `name` into a new scheme. */
static int read_user_scheme(topics_vtab *v, const char *name, pt_scheme **out) {
  *out = NULL;
  sqlite3_stmt *st = NULL;
  pt_scheme *s = NULL;
  char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", name);
  if (!sql) return SQLITE_NOMEM;
  int rc = sqlite3_prepare_v2(v->db, sql, -1, &st, NULL);
  sqlite3_free(sql);
  if (rc != SQLITE_OK) {
    if (rc == SQLITE_NOMEM) return rc;
    char list[256] = "";
    for (size_t i = 0; i < pt_topic_builtin_count(); i++) {
      size_t l = strlen(list);
      sqlite3_snprintf((int)(sizeof list - l), list + l, "%s, ", pt_topic_builtin_name(i));
    }
    pt_sql_vtab_error(&v->base,
                      "topics: no scheme or table named '%s' (built-in schemes: %sdeclared): %s",
                      name, list, sqlite3_errmsg(v->db));
    return SQLITE_ERROR;
  }
  int c_topic = column_of(st, "topic"), c_term = column_of(st, "term");
  int c_weight = column_of(st, "weight");
  if (c_topic < 0 || c_term < 0) {
    pt_sql_vtab_error(&v->base,
                      "topics: table '%s' needs columns topic and term (and optionally weight)",
                      name);
    sqlite3_finalize(st);
    return SQLITE_ERROR;
  }
  int prc = pt_scheme_new(name, &s);
  if (prc) {
    sqlite3_finalize(st);
    return SQLITE_NOMEM;
  }
  sqlite3_int64 row = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    row++;
    const char *topic = (const char *)sqlite3_column_text(st, c_topic);
    int topic_n = sqlite3_column_bytes(st, c_topic);
    const char *term = (const char *)sqlite3_column_text(st, c_term);
    int term_n = sqlite3_column_bytes(st, c_term);
    if (!topic || !term) continue; /* NULLs are skipped (documented) */
    double w = 1.0;
    if (c_weight >= 0) {
      int t = sqlite3_column_type(st, c_weight);
      if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
        w = sqlite3_column_double(st, c_weight);
      } else if (t != SQLITE_NULL) {
        pt_sql_vtab_error(&v->base, "topics: table '%s' row %lld: weight must be a number",
                          name, row);
        rc = SQLITE_ERROR;
        break;
      }
      if (!isfinite(w)) {
        pt_sql_vtab_error(&v->base, "topics: table '%s' row %lld: weight must be finite", name,
                          row);
        rc = SQLITE_ERROR;
        break;
      }
    }
    pt_err err = {0, 0, ""};
    prc = pt_scheme_add(s, topic, (size_t)topic_n, term, (size_t)term_n, w, &err);
    if (prc == PT_NOMEM) {
      rc = SQLITE_NOMEM;
      break;
    }
    if (prc) {
      pt_sql_vtab_error(&v->base, "topics: table '%s' row %lld: %s", name, row, err.msg);
      rc = SQLITE_ERROR;
      break;
    }
  }
  if (rc == SQLITE_DONE) {
    rc = SQLITE_OK;
  } else if (rc != SQLITE_ERROR && rc != SQLITE_NOMEM) {
    pt_sql_vtab_error(&v->base, "topics: reading table '%s': %s", name, sqlite3_errmsg(v->db));
  }
  sqlite3_finalize(st);
  if (rc == SQLITE_OK && pt_scheme_finish(s)) rc = SQLITE_NOMEM;
  if (rc != SQLITE_OK) {
    pt_scheme_free(s);
    return rc;
  }
  *out = s;
  return SQLITE_OK;
}

/* The user scheme `name`, from the cache when the database is unchanged. */
static int user_scheme_get(topics_vtab *v, const char *name, scheme_ref **out) {
  sqlite3_int64 changes;
  unsigned int dv;
  int sv;
  int rc = db_state(v, &changes, &dv, &sv);
  if (rc) return rc;
  user_scheme *slot = &v->user[0];
  for (int i = 0; i < N_USER_CACHE; i++) {
    user_scheme *u = &v->user[i];
    if (u->name && sqlite3_stricmp(u->name, name) == 0) {
      if (u->changes == changes && u->data_version == dv && u->schema_version == sv) {
        u->use = ++v->clock;
        *out = u->ref;
        return SQLITE_OK;
      }
      slot = u;
      break;
    }
    if (!u->name || u->use < slot->use) slot = u;
  }
  pt_scheme *s;
  rc = read_user_scheme(v, name, &s);
  if (rc) return rc;
  char *copy = sqlite3_mprintf("%s", name);
  scheme_ref *ref = sqlite3_malloc(sizeof *ref);
  if (!copy || !ref) {
    sqlite3_free(copy);
    sqlite3_free(ref);
    pt_scheme_free(s);
    return SQLITE_NOMEM;
  }
  ref->scheme = s;
  ref->refs = 1;
  sqlite3_free(slot->name);
  scheme_unref(slot->ref);
  slot->name = copy;
  slot->ref = ref;
  /* Reading the table changed nothing, but re-read the state in case the
  ** statement itself was the first to open the database file. */
  db_state(v, &slot->changes, &slot->data_version, &slot->schema_version);
  slot->use = ++v->clock;
  *out = ref;
  return SQLITE_OK;
}

/* ====================================================================
** Declared tags.
*/

/* Cheap test before parsing: could the text hold a tag block? */
static int may_have_tags(const char *s, size_t n) {
  if (n >= 3 && memcmp(s, "---", 3) == 0) return 1;
  if (n >= 6 && memcmp(s, "\xEF\xBB\xBF---", 6) == 0) return 1;
  static const char *const marks[] = {"more on", "topics", "tags", "filed under"};
  for (const char *p = s; (p = memchr(p, ':', (size_t)(s + n - p))) != NULL; p++) {
    for (size_t m = 0; m < sizeof marks / sizeof *marks; m++) {
      size_t l = strlen(marks[m]);
      if ((size_t)(p - s) >= l && sqlite3_strnicmp(p - l, marks[m], (int)l) == 0) return 1;
    }
  }
  return 0;
}

/* ====================================================================
** Scanning.
*/
static int topics_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **pp) {
  (void)vt;
  topics_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  pt_topic_list_init(&c->rows);
  pt_topic_text_init(&c->tx);
  *pp = &c->base;
  return SQLITE_OK;
}

static void cursor_reset(topics_cursor *c) {
  pt_topic_list_reset(&c->rows);
  for (size_t i = 0; i < c->n_held; i++) scheme_unref(c->held[i]);
  c->n_held = 0;
  sqlite3_free(c->text);
  sqlite3_free(c->schemes);
  c->text = c->schemes = NULL;
  c->i = 0;
}

static int topics_close(sqlite3_vtab_cursor *cur) {
  topics_cursor *c = (topics_cursor *)cur;
  cursor_reset(c);
  pt_topic_text_reset(&c->tx);
  sqlite3_free(c->held);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* Matches one named scheme (built-in, 'declared' handled by the caller, or
** a table) over tx into c->rows. */
static int match_named(topics_vtab *v, topics_cursor *c, const char *name, size_t n,
                       pt_topic_text *tx, unsigned flags) {
  for (size_t i = 0; i < pt_topic_builtin_count(); i++) {
    const char *b = pt_topic_builtin_name(i);
    if (strlen(b) == n && sqlite3_strnicmp(b, name, (int)n) == 0) {
      pt_scheme *s;
      int rc = builtin_scheme(v, i, &s);
      if (rc) return rc;
      return pt_topic_match(s, tx, flags, &c->rows) ? SQLITE_NOMEM : SQLITE_OK;
    }
  }
  char *tab = sqlite3_mprintf("%.*s", (int)n, name);
  if (!tab) return SQLITE_NOMEM;
  scheme_ref *ref;
  int rc = user_scheme_get(v, tab, &ref);
  sqlite3_free(tab);
  if (rc) return rc;
  /* The rows will point into the scheme: hold it until they go. */
  if (c->n_held == c->cap_held) {
    size_t cap = c->cap_held ? c->cap_held * 2 : 4;
    scheme_ref **g = sqlite3_realloc64(c->held, cap * sizeof *g);
    if (!g) return SQLITE_NOMEM;
    c->held = g;
    c->cap_held = cap;
  }
  ref->refs++;
  c->held[c->n_held++] = ref;
  return pt_topic_match(ref->scheme, tx, flags, &c->rows) ? SQLITE_NOMEM : SQLITE_OK;
}

static int topics_filter(sqlite3_vtab_cursor *cur, int idx, const char *idx_str, int argc,
                         sqlite3_value **argv) {
  (void)idx_str;
  (void)argc;
  topics_cursor *c = (topics_cursor *)cur;
  topics_vtab *v = (topics_vtab *)cur->pVtab;
  cursor_reset(c);
  int a = 0;
  sqlite3_value *text_v = (idx & 1) ? argv[a++] : NULL;
  sqlite3_value *scheme_v = (idx & 2) ? argv[a++] : NULL;
  if (!text_v || sqlite3_value_type(text_v) == SQLITE_NULL) return SQLITE_OK;
  if (sqlite3_value_type(text_v) == SQLITE_BLOB) {
    pt_sql_vtab_error(cur->pVtab, "topics: argument 1 must be text, not a blob "
                                  "(CAST(x AS TEXT) reads it as UTF-8)");
    return SQLITE_ERROR;
  }
  const char *text = (const char *)sqlite3_value_text(text_v);
  size_t n = (size_t)sqlite3_value_bytes(text_v);
  if (!text) return SQLITE_NOMEM;
  const char *schemes = NULL;
  if (scheme_v && sqlite3_value_type(scheme_v) != SQLITE_NULL) {
    schemes = (const char *)sqlite3_value_text(scheme_v);
    if (!schemes) return SQLITE_NOMEM;
  }
  /* Keep the arguments for the hidden columns when the query reads them. */
  if ((idx & 4) && !(c->text = sqlite3_mprintf("%s", text))) return SQLITE_NOMEM;
  if ((idx & 8) && schemes && !(c->schemes = sqlite3_mprintf("%s", schemes)))
    return SQLITE_NOMEM;

  unsigned mflags = (idx & 16) ? PT_TOPIC_EVIDENCE : 0;
  int want_declared = !schemes;
  if (schemes) {
    for (const char *p = schemes; *p;) {
      while (*p == ',' || *p == ' ') p++;
      const char *e = p;
      while (*e && *e != ',') e++;
      const char *t = e;
      while (t > p && t[-1] == ' ') t--;
      if (t - p == 8 && sqlite3_strnicmp(p, "declared", 8) == 0) want_declared = 1;
      p = e;
    }
  }
  int rc = SQLITE_OK;
  pt_text clean;
  pt_text_init(&clean);
  pt_doc doc;
  pt_doc_init(&doc);
  pt_topic_text *tx = &c->tx;
  const char *body = text;
  size_t body_n = n;
  size_t n_declared = 0;
  if (want_declared && may_have_tags(text, n)) {
    if (pt_text_make(&clean, text, n, PT_TEXT_ALL) || pt_doc_parse(&doc, clean.utf8, clean.len)) {
      rc = SQLITE_NOMEM;
      goto done;
    }
    if (doc.n_tags) {
      body = doc.body;
      body_n = doc.body_len;
      for (size_t i = 0; i < doc.n_tags; i++) {
        /* The tag goes in evidence (copied) since doc is freed below;
        ** topics_column shows it as the topic of a declared row. */
        pt_topic_row r = {"", "declared", "stated by the document's own tags",
                          1.0, 1.0, (int)i + 1, 1, NULL};
        if (pt_topic_list_push(&c->rows, &r, doc.tags[i])) {
          rc = SQLITE_NOMEM;
          goto done;
        }
      }
      n_declared = doc.n_tags;
    }
  }
  int trc = pt_topic_text_make(tx, body, body_n);
  if (trc) {
    if (trc == PT_NOMEM) {
      rc = SQLITE_NOMEM;
    } else {
      pt_sql_vtab_error(cur->pVtab, "topics: %s", pt_errmsg(trc));
      rc = SQLITE_ERROR;
    }
    goto done;
  }
  if (!schemes) {
    for (size_t i = 0; i < pt_topic_builtin_count() && rc == SQLITE_OK; i++)
      rc = match_named(v, c, pt_topic_builtin_name(i), strlen(pt_topic_builtin_name(i)), tx,
                       mflags);
    if (rc == SQLITE_OK) pt_topic_list_sort(&c->rows, n_declared);
  } else {
    for (const char *p = schemes; *p && rc == SQLITE_OK;) {
      while (*p == ',' || *p == ' ') p++;
      const char *e = p;
      while (*e && *e != ',') e++;
      const char *t = e;
      while (t > p && t[-1] == ' ') t--;
      if (t > p && !(t - p == 8 && sqlite3_strnicmp(p, "declared", 8) == 0))
        rc = match_named(v, c, p, (size_t)(t - p), tx, mflags);
      p = e;
    }
  }
done:
  if (tx->folded_cap > ((size_t)1 << 24)) pt_topic_text_reset(tx); /* a huge text: give back */
  pt_doc_reset(&doc);
  pt_text_reset(&clean);
  return rc;
}

static int topics_next(sqlite3_vtab_cursor *cur) {
  ((topics_cursor *)cur)->i++;
  return SQLITE_OK;
}

static int topics_eof(sqlite3_vtab_cursor *cur) {
  topics_cursor *c = (topics_cursor *)cur;
  return c->i >= c->rows.n;
}

static int topics_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = (sqlite3_int64)((topics_cursor *)cur)->i + 1;
  return SQLITE_OK;
}

static int topics_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  topics_cursor *c = (topics_cursor *)cur;
  const pt_topic_row *r = &c->rows.rows[c->i];
  int declared = strcmp(r->scheme, "declared") == 0;
  switch (col) {
    case COL_TOPIC:
      sqlite3_result_text(ctx, declared ? r->evidence : r->topic, -1, SQLITE_TRANSIENT);
      break;
    case COL_SCHEME: sqlite3_result_text(ctx, r->scheme, -1, SQLITE_TRANSIENT); break;
    case COL_SCORE: sqlite3_result_double(ctx, r->score); break;
    case COL_RANK: sqlite3_result_int(ctx, r->rank); break;
    case COL_HITS: sqlite3_result_int(ctx, r->hits); break;
    case COL_EVIDENCE:
      if (declared || r->evidence)
        sqlite3_result_text(ctx, declared ? "stated in the document's tags" : r->evidence, -1,
                            SQLITE_TRANSIENT);
      break;
    case COL_DESC:
      if (r->desc) sqlite3_result_text(ctx, r->desc, -1, SQLITE_TRANSIENT);
      break;
    case COL_TEXT:
      if (c->text) sqlite3_result_text(ctx, c->text, -1, SQLITE_TRANSIENT);
      break;
    case COL_SCHEMES:
      if (c->schemes) sqlite3_result_text(ctx, c->schemes, -1, SQLITE_TRANSIENT);
      break;
    default: break;
  }
  return SQLITE_OK;
}

static sqlite3_module topics_module = {
    0,                 /* iVersion */
    NULL,              /* xCreate: eponymous only */
    topics_connect,    /* xConnect */
    topics_best_index, /* xBestIndex */
    topics_disconnect, /* xDisconnect */
    NULL,              /* xDestroy */
    topics_open,       /* xOpen */
    topics_close,      /* xClose */
    topics_filter,     /* xFilter */
    topics_next,       /* xNext */
    topics_eof,        /* xEof */
    topics_column,     /* xColumn */
    topics_rowid,      /* xRowid */
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};

/* ====================================================================
** topics_train(name, query)
*/
typedef struct store_ctx {
  sqlite3_stmt *ins;
  int rc;
  size_t terms;
} store_ctx;

static int store_term(void *ctx, const char *label, const char *term, double weight) {
  store_ctx *s = ctx;
  sqlite3_bind_text(s->ins, 1, label, -1, SQLITE_STATIC);
  sqlite3_bind_text(s->ins, 2, term, -1, SQLITE_STATIC);
  sqlite3_bind_double(s->ins, 3, weight);
  int rc = sqlite3_step(s->ins);
  sqlite3_reset(s->ins);
  if (rc != SQLITE_DONE) return s->rc = rc ? rc : SQLITE_ERROR;
  s->terms++;
  return 0;
}

static void train_error(sqlite3_context *ctx, const char *fmt, const char *a, const char *b) {
  char *m = sqlite3_mprintf(fmt, a, b);
  if (!m) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_error(ctx, m, -1);
  sqlite3_free(m);
}

/* Applies "key=value" options (spaces or commas between) to o; returns 0
** or sets an error on ctx and returns -1. */
static int train_options(sqlite3_context *ctx, const char *s, pt_topic_train_opts *o) {
  while (*s) {
    while (*s == ' ' || *s == ',' || *s == ';') s++;
    if (!*s) break;
    const char *k = s;
    while (*s && *s != '=' && *s != ' ' && *s != ',') s++;
    size_t kn = (size_t)(s - k);
    if (*s != '=') goto bad;
    const char *val = ++s;
    char *end;
    double d = strtod(val, &end);
    if (end == val) goto bad;
    s = end;
    if (kn == 5 && !sqlite3_strnicmp(k, "folds", 5) && d >= 2 && d <= 100) o->folds = (int)d;
    else if (kn == 9 && !sqlite3_strnicmp(k, "min_count", 9) && d >= 1) o->min_count = (int)d;
    else if (kn == 10 && !sqlite3_strnicmp(k, "min_weight", 10) && d >= 0) o->min_weight = d;
    else if (kn == 10 && !sqlite3_strnicmp(k, "max_weight", 10) && d > 0) o->max_weight = d;
    else if (kn == 5 && !sqlite3_strnicmp(k, "alpha", 5) && d > 0) o->alpha = d;
    else if (kn == 7 && !sqlite3_strnicmp(k, "bigrams", 7) && (d == 0 || d == 1))
      o->bigrams = (int)d;
    else goto bad;
    continue;
  bad:
    train_error(ctx,
                "topics_train: bad option near '%s' (known: folds=5 min_count=2 "
                "min_weight=0.7 max_weight=5 alpha=0.5 bigrams=1)%s",
                k, "");
    return -1;
  }
  return 0;
}

static void train_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *name, *query;
  size_t name_n, query_n;
  if (pt_sql_arg_text(ctx, argv[0], "topics_train", 1, &name, &name_n) <= 0) return;
  if (pt_sql_arg_text(ctx, argv[1], "topics_train", 2, &query, &query_n) <= 0) return;
  if (argc > 2 && sqlite3_value_type(argv[2]) != SQLITE_NULL) {
    pt_topic_train_opts o; /* checked before any work is done */
    pt_topic_train_opts_default(&o);
    const char *opts = (const char *)sqlite3_value_text(argv[2]);
    if (opts && train_options(ctx, opts, &o)) return;
  }
  if (!name_n) {
    sqlite3_result_error(ctx, "topics_train: the model needs a name", -1);
    return;
  }
  for (size_t i = 0; i < pt_topic_builtin_count(); i++) {
    if (sqlite3_stricmp(name, pt_topic_builtin_name(i)) == 0 ||
        sqlite3_stricmp(name, "declared") == 0) {
      train_error(ctx, "topics_train: '%s' is a built-in scheme; choose another name%s", name,
                  "");
      return;
    }
  }
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  sqlite3_stmt *st = NULL, *ins = NULL;
  pt_topic_train *t = NULL;
  char *sql = NULL;
  int rc = sqlite3_prepare_v2(db, query, (int)query_n, &st, NULL);
  if (rc != SQLITE_OK) {
    train_error(ctx, "topics_train: query: %s%s", sqlite3_errmsg(db), "");
    return;
  }
  if (!st || sqlite3_column_count(st) < 2) {
    train_error(ctx, "topics_train: the query must return text and label columns%s%s", "", "");
    sqlite3_finalize(st);
    return;
  }
  int c_text = column_of(st, "text"), c_label = column_of(st, "label");
  if (c_text < 0 || c_label < 0) c_text = 0, c_label = 1;
  if (pt_topic_train_new(&t)) goto nomem;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *x = (const char *)sqlite3_column_text(st, c_text);
    int xn = sqlite3_column_bytes(st, c_text);
    const char *l = (const char *)sqlite3_column_text(st, c_label);
    int ln = sqlite3_column_bytes(st, c_label);
    if (!x || !l || !ln) continue; /* unlabelled rows teach nothing */
    if (pt_topic_train_add(t, x, (size_t)xn, l, (size_t)ln)) goto nomem;
  }
  if (rc != SQLITE_DONE) {
    train_error(ctx, "topics_train: query: %s%s", sqlite3_errmsg(db), "");
    goto done;
  }
  sqlite3_finalize(st);
  st = NULL;
  pt_topic_train_opts o;
  pt_topic_train_opts_default(&o);
  if (argc > 2 && sqlite3_value_type(argv[2]) != SQLITE_NULL) {
    const char *opts = (const char *)sqlite3_value_text(argv[2]);
    if (opts && train_options(ctx, opts, &o)) goto done;
  }
  if (pt_topic_train_examples(t) < (size_t)o.folds * 2 || pt_topic_train_labels(t) < 2) {
    train_error(ctx, "topics_train: need at least 10 labelled rows and 2 labels%s%s", "", "");
    goto done;
  }
  double acc;
  int prc = pt_topic_train_cv(t, &o, &acc);
  if (prc == PT_NOMEM) goto nomem;
  if (prc) {
    train_error(ctx, "topics_train: %s%s", pt_errmsg(prc), "");
    goto done;
  }
  /* Never replace a table that is not one of our models. */
  {
    sqlite3_stmt *chk = NULL;
    int exists = 0, is_model = 0;
    rc = sqlite3_prepare_v2(db,
                            "SELECT 1 FROM main.sqlite_master WHERE type IN ('table', 'view') "
                            "AND name = ?1 COLLATE NOCASE",
                            -1, &chk, NULL);
    if (rc == SQLITE_OK) {
      sqlite3_bind_text(chk, 1, name, (int)name_n, SQLITE_STATIC);
      exists = sqlite3_step(chk) == SQLITE_ROW;
      sqlite3_finalize(chk);
      chk = NULL;
    }
    if (exists && sqlite3_prepare_v2(db,
                                     "SELECT 1 FROM main.topics_models WHERE name = ?1 "
                                     "COLLATE NOCASE",
                                     -1, &chk, NULL) == SQLITE_OK) {
      sqlite3_bind_text(chk, 1, name, (int)name_n, SQLITE_STATIC);
      is_model = sqlite3_step(chk) == SQLITE_ROW;
    }
    sqlite3_finalize(chk);
    if (rc == SQLITE_NOMEM) goto nomem;
    if (exists && !is_model) {
      train_error(ctx,
                  "topics_train: table '%s' exists and is not a topics model (see "
                  "topics_models); choose another name%s",
                  name, "");
      goto done;
    }
  }
  /* Store the model as ordinary tables. */
  sql = sqlite3_mprintf(
      "CREATE TABLE IF NOT EXISTS topics_models(name TEXT PRIMARY KEY, trained TEXT, "
      "examples INTEGER, labels INTEGER, terms INTEGER, cv_folds INTEGER, cv_accuracy REAL, "
      "query TEXT);"
      "DROP TABLE IF EXISTS \"%w\";"
      "CREATE TABLE \"%w\"(topic TEXT NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL);",
      name, name);
  if (!sql) goto nomem;
  char *err = NULL;
  rc = sqlite3_exec(db, sql, NULL, NULL, &err);
  sqlite3_free(sql);
  sql = NULL;
  if (rc != SQLITE_OK) {
    train_error(ctx, "topics_train: storing the model: %s%s", err ? err : sqlite3_errstr(rc), "");
    sqlite3_free(err);
    goto done;
  }
  sql = sqlite3_mprintf("INSERT INTO \"%w\"(topic, term, weight) VALUES (?1, ?2, ?3)", name);
  if (!sql) goto nomem;
  rc = sqlite3_prepare_v2(db, sql, -1, &ins, NULL);
  sqlite3_free(sql);
  sql = NULL;
  if (rc != SQLITE_OK) {
    train_error(ctx, "topics_train: storing the model: %s%s", sqlite3_errmsg(db), "");
    goto done;
  }
  store_ctx sc = {ins, SQLITE_OK, 0};
  prc = pt_topic_train_fit(t, &o, store_term, &sc);
  if (prc == PT_NOMEM || sc.rc == SQLITE_NOMEM) goto nomem;
  if (prc || sc.rc) {
    train_error(ctx, "topics_train: storing the model: %s%s", sqlite3_errmsg(db), "");
    goto done;
  }
  sqlite3_finalize(ins);
  ins = NULL;
  sql = sqlite3_mprintf(
      "INSERT OR REPLACE INTO topics_models VALUES (%Q, strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ'), "
      "%lld, %lld, %lld, %d, %.4f, %Q)",
      name, (long long)pt_topic_train_examples(t), (long long)pt_topic_train_labels(t),
      (long long)sc.terms, o.folds, acc, query);
  if (!sql) goto nomem;
  rc = sqlite3_exec(db, sql, NULL, NULL, &err);
  if (rc != SQLITE_OK) {
    train_error(ctx, "topics_train: storing the model: %s%s", err ? err : sqlite3_errstr(rc), "");
    sqlite3_free(err);
    goto done;
  }
  sqlite3_result_double(ctx, floor(acc * 10000 + 0.5) / 10000);
  goto done;
nomem:
  sqlite3_result_error_nomem(ctx);
done:
  sqlite3_free(sql);
  sqlite3_finalize(st);
  sqlite3_finalize(ins);
  pt_topic_train_free(t);
}

int pt_sql_register_topics(sqlite3 *db) {
  int rc = sqlite3_create_module(db, "topics", &topics_module, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "topics_train", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                 train_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "topics_train", 3, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                 train_func, NULL, NULL);
  return rc;
}
