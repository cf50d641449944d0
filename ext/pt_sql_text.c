/*
** pt_sql_text.c: table-valued functions over any text.
**
**   SELECT n, sentence FROM sentences('It rained. Sen. Kerry spoke.');
**   SELECT paragraph FROM paragraphs(body);
**   SELECT short, long FROM docs, acronyms(docs.body);
**   SELECT left, match, right FROM kwic(body, 'code of conduct', 30);
**
** Columns (start and length are 1-based characters into the argument, so
** substr(text, start, length) gives the span back exactly):
**   sentences(text)          sentence, n, start, length, paragraph
**   paragraphs(text)         paragraph, n, start, length
**   acronyms(text)           short, long, start, length (the definition,
**                            parentheses included)
**   kwic(text, term [, width])  left, match, right, start, length
** and the HIDDEN argument columns (text, term, width).  NULL arguments give
** no rows; a BLOB is an error (CAST it to TEXT).
**
** How it works: one eponymous virtual table module shared by the four
** functions, each described by a tt_fn (schema, arguments, a fill function
** that runs the plain-C analysis and stores a batch of rows as byte spans,
** and a column function).  sentences() and paragraphs() stream in batches
** of about 64 KiB of text cut at blank lines, so memory stays bounded and
** SQLite can interrupt between batches; acronyms() and kwic() make one
** batch.  Byte offsets become character positions as the rows are stored,
** incrementally, since rows come in text order.
*/
#include <string.h>

#include "pt_acronym.h"
#include "pt_kwic.h"
#include "pt_mem.h"
#include "pt_segment.h"
#include "pt_sql.h"
#include "pt_utf8.h"

#define KWIC_DEFAULT_WIDTH 30
#define KWIC_MAX_WIDTH 10000

typedef struct tt_row {
  size_t off[3], len[3];        /* byte spans; what each is depends on the function */
  sqlite3_int64 start, length;  /* the row's span in characters (start 1-based) */
  sqlite3_int64 num;            /* paragraph number (sentences) */
} tt_row;

typedef struct tt_cursor tt_cursor;

typedef struct tt_fn {
  const char *name;
  const char *usage; /* for error messages */
  const char *schema;
  int n_visible;  /* visible columns; the hidden arguments follow */
  int n_args;     /* hidden argument columns (text first) */
  int n_required; /* how many of them must be given */
  int (*fill)(tt_cursor *c); /* next batch of rows; sets c->done at the end;
                             ** returns a PT_ code */
  void (*column)(tt_cursor *c, sqlite3_context *ctx, int col);
} tt_fn;

struct tt_cursor {
  sqlite3_vtab_cursor base;
  const tt_fn *fn;
  char *text;          /* pt_malloc'd copy of the text argument */
  size_t n;            /* its bytes */
  char *term;          /* kwic: the term (pt_malloc'd), NULL otherwise */
  size_t term_n;
  sqlite3_int64 width; /* kwic: context width in characters */
  tt_row *rows;        /* the current batch (pt_malloc'd), n_rows used of cap */
  size_t n_rows, cap;
  size_t i;            /* current row in the batch */
  sqlite3_int64 row_base; /* rows of earlier batches */
  size_t scan;         /* sentences/paragraphs: bytes of text already split */
  sqlite3_int64 para_base; /* paragraphs in them */
  int done;            /* no batch after this one */
  pt_charpos pos;      /* byte -> character positions in text */
};

/* ====================================================================
** Rows.
*/

/* A new row whose span (for start/length) is text[off..off+len). */
static tt_row *add_row(tt_cursor *c, size_t off, size_t len) {
  if (c->n_rows == c->cap) {
    size_t cap = c->cap ? 2 * c->cap : 32;
    tt_row *g = pt_realloc(c->rows, cap * sizeof *g);
    if (!g) return NULL;
    c->rows = g;
    c->cap = cap;
  }
  tt_row *r = &c->rows[c->n_rows++];
  memset(r, 0, sizeof *r);
  pt_utf8_snap(c->text, c->n, &off, &len); /* (moves only on invalid UTF-8) */
  r->start = pt_charpos_at(&c->pos, off) + 1;
  r->length = (sqlite3_int64)pt_utf8_chars(c->text + off, len);
  r->off[0] = off;
  r->len[0] = len;
  return r;
}

static void result_span(tt_cursor *c, sqlite3_context *ctx, size_t off, size_t len) {
  sqlite3_result_text64(ctx, c->text + off, len, SQLITE_TRANSIENT, SQLITE_UTF8);
}

/* ====================================================================
** sentences() and paragraphs().
*/
/* They stream: each batch splits the next TT_CHUNK bytes or so, up to a
** blank line (paragraphs never cross one, so the result is the same as one
** pass), which bounds memory and lets SQLite interrupt between batches. */
#define TT_CHUNK (64 * 1024)

/* End of the batch starting at c->scan: just after the first blank line at
** or after scan + TT_CHUNK, or the end of the text. */
static size_t chunk_end(const tt_cursor *c) {
  const char *s = c->text;
  size_t i = c->scan + TT_CHUNK;
  while (i < c->n) {
    const char *nl = memchr(s + i, '\n', c->n - i);
    if (!nl) break;
    size_t k = (size_t)(nl - s) + 1;
    while (k < c->n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\f' || s[k] == '\v'))
      k++;
    if (k < c->n && s[k] == '\n') return k + 1;
    i = (size_t)(nl - s) + 1;
  }
  return c->n;
}

static int on_segment(void *ctx, const pt_segment *seg) {
  tt_cursor *c = ctx;
  tt_row *r = add_row(c, c->scan + seg->byte_off, seg->byte_len);
  if (!r) return PT_NOMEM;
  r->num = c->para_base + (sqlite3_int64)seg->paragraph;
  return PT_OK;
}

static int count_segment(void *ctx, const pt_segment *seg) {
  (void)seg;
  ++*(sqlite3_int64 *)ctx;
  return PT_OK;
}

static int fill_segments(tt_cursor *c, int sentences) {
  size_t end = chunk_end(c);
  const char *s = c->text + c->scan;
  int rc;
  if (sentences) {
    rc = pt_sentences_each(s, end - c->scan, on_segment, c);
  } else {
    rc = pt_paragraphs_each(s, end - c->scan, on_segment, c);
  }
  sqlite3_int64 paras = 0;
  if (rc == PT_OK) rc = pt_paragraphs_each(s, end - c->scan, count_segment, &paras);
  c->para_base += paras;
  c->scan = end;
  c->done = end >= c->n;
  return rc;
}

static int fill_sentences(tt_cursor *c) { return fill_segments(c, 1); }
static int fill_paragraphs(tt_cursor *c) { return fill_segments(c, 0); }

/* Columns shared by both: TEXT, n, start, length[, paragraph]. */
static void segment_column(tt_cursor *c, sqlite3_context *ctx, int col) {
  const tt_row *r = &c->rows[c->i];
  switch (col) {
    case 0: result_span(c, ctx, r->off[0], r->len[0]); break;
    case 1: sqlite3_result_int64(ctx, c->row_base + (sqlite3_int64)c->i + 1); break;
    case 2: sqlite3_result_int64(ctx, r->start); break;
    case 3: sqlite3_result_int64(ctx, r->length); break;
    case 4: sqlite3_result_int64(ctx, r->num); break;
    default: break;
  }
}

/* ====================================================================
** acronyms().
*/
static int on_acronym(void *ctx, const pt_acronym *a) {
  tt_cursor *c = ctx;
  tt_row *r = add_row(c, a->byte_off, a->byte_len);
  if (!r) return PT_NOMEM;
  r->off[1] = a->short_off;
  r->len[1] = a->short_len;
  r->off[2] = a->long_off;
  r->len[2] = a->long_len;
  return PT_OK;
}

static int fill_acronyms(tt_cursor *c) {
  c->done = 1;
  return pt_acronyms_each(c->text, c->n, on_acronym, c);
}

static void acronym_column(tt_cursor *c, sqlite3_context *ctx, int col) {
  const tt_row *r = &c->rows[c->i];
  switch (col) {
    case 0: result_span(c, ctx, r->off[1], r->len[1]); break;
    case 1: result_span(c, ctx, r->off[2], r->len[2]); break;
    case 2: sqlite3_result_int64(ctx, r->start); break;
    case 3: sqlite3_result_int64(ctx, r->length); break;
    default: break;
  }
}

/* ====================================================================
** kwic().
*/
static int on_hit(void *ctx, const pt_kwic_hit *h) {
  tt_cursor *c = ctx;
  tt_row *r = add_row(c, h->byte_off, h->byte_len);
  if (!r) return PT_NOMEM;
  r->off[1] = h->left_off;
  r->len[1] = h->byte_off - h->left_off;
  r->off[2] = h->byte_off + h->byte_len;
  r->len[2] = h->right_end - r->off[2];
  return PT_OK;
}

static int fill_kwic(tt_cursor *c) {
  c->done = 1;
  return pt_kwic_each(c->text, c->n, c->term, c->term_n, (size_t)c->width, on_hit, c);
}

/* A context for display: line breaks and tabs become spaces. */
static void result_context(tt_cursor *c, sqlite3_context *ctx, size_t off, size_t len) {
  if (!memchr(c->text + off, '\n', len) && !memchr(c->text + off, '\t', len) &&
      !memchr(c->text + off, '\r', len)) {
    result_span(c, ctx, off, len);
    return;
  }
  char *z = sqlite3_malloc64(len + 1);
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  for (size_t i = 0; i < len; i++) {
    char ch = c->text[off + i];
    z[i] = (ch == '\n' || ch == '\t' || ch == '\r') ? ' ' : ch;
  }
  sqlite3_result_text64(ctx, z, len, sqlite3_free, SQLITE_UTF8);
}

static void kwic_column(tt_cursor *c, sqlite3_context *ctx, int col) {
  const tt_row *r = &c->rows[c->i];
  switch (col) {
    case 0: result_context(c, ctx, r->off[1], r->len[1]); break;
    case 1: result_span(c, ctx, r->off[0], r->len[0]); break;
    case 2: result_context(c, ctx, r->off[2], r->len[2]); break;
    case 3: sqlite3_result_int64(ctx, r->start); break;
    case 4: sqlite3_result_int64(ctx, r->length); break;
    default: break;
  }
}

/* ====================================================================
** The functions.
*/
static const tt_fn fn_sentences = {
    "sentences",
    "sentences(text)",
    "CREATE TABLE x(sentence TEXT, n INTEGER, start INTEGER, length INTEGER, "
    "paragraph INTEGER, text TEXT HIDDEN)",
    5, 1, 1, fill_sentences, segment_column};
static const tt_fn fn_paragraphs = {
    "paragraphs",
    "paragraphs(text)",
    "CREATE TABLE x(paragraph TEXT, n INTEGER, start INTEGER, length INTEGER, "
    "text TEXT HIDDEN)",
    4, 1, 1, fill_paragraphs, segment_column};
static const tt_fn fn_acronyms = {
    "acronyms",
    "acronyms(text)",
    "CREATE TABLE x(short TEXT, long TEXT, start INTEGER, length INTEGER, "
    "text TEXT HIDDEN)",
    4, 1, 1, fill_acronyms, acronym_column};
static const tt_fn fn_kwic = {
    "kwic",
    "kwic(text, term [, width])",
    "CREATE TABLE x(left TEXT, match TEXT, right TEXT, start INTEGER, length INTEGER, "
    "text TEXT HIDDEN, term TEXT HIDDEN, width INTEGER HIDDEN)",
    5, 3, 2, fill_kwic, kwic_column};

/* ====================================================================
** The module.
*/
typedef struct tt_vtab {
  sqlite3_vtab base;
  const tt_fn *fn;
} tt_vtab;

static int tt_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                      sqlite3_vtab **pp, char **pzErr) {
  (void)argc;
  (void)argv;
  (void)pzErr;
  const tt_fn *fn = aux;
  *pp = NULL;
  int rc = sqlite3_declare_vtab(db, fn->schema);
  if (rc != SQLITE_OK) return rc;
  tt_vtab *v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->fn = fn;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *pp = &v->base;
  return SQLITE_OK;
}

static int tt_disconnect(sqlite3_vtab *vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}

/* idxNum: bit j set when hidden argument j is passed to xFilter. */
static int tt_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  const tt_fn *fn = ((tt_vtab *)vt)->fn;
  int use[3] = {-1, -1, -1}, unusable[3] = {0, 0, 0};
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    int j = c->iColumn - fn->n_visible;
    if (j < 0 || j >= fn->n_args || c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c->usable)
      unusable[j] = 1;
    else if (use[j] < 0)
      use[j] = i;
  }
  int argi = 0, idx = 0;
  for (int j = 0; j < fn->n_args; j++) {
    if (use[j] < 0) {
      if (j >= fn->n_required) continue;
      if (unusable[j]) return SQLITE_CONSTRAINT;
      pt_sql_vtab_error(vt, "%s: missing argument %d; usage: %s", fn->name, j + 1, fn->usage);
      return SQLITE_ERROR;
    }
    info->aConstraintUsage[use[j]].argvIndex = ++argi;
    info->aConstraintUsage[use[j]].omit = 1;
    idx |= 1 << j;
  }
  info->idxNum = idx;
  info->estimatedCost = 1000;
  info->estimatedRows = 100;
  return SQLITE_OK;
}

static int tt_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **pp) {
  tt_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  c->fn = ((tt_vtab *)vt)->fn;
  *pp = &c->base;
  return SQLITE_OK;
}

static void cursor_reset(tt_cursor *c) {
  pt_free(c->text);
  pt_free(c->term);
  pt_free(c->rows);
  c->text = c->term = NULL;
  c->rows = NULL;
  c->n = c->term_n = c->n_rows = c->cap = c->i = c->scan = 0;
  c->row_base = c->para_base = 0;
  c->pos = (pt_charpos){NULL, 0, 0};
  c->done = 1; /* no rows until xFilter has text */
}

/* Makes c->i a row of the current batch, filling batches as needed (some
** may be empty), unless the rows are done.  Returns a PT_ code. */
static int next_batch(tt_cursor *c) {
  while (c->i >= c->n_rows && !c->done) {
    c->row_base += (sqlite3_int64)c->n_rows;
    c->n_rows = 0;
    c->i = 0;
    int rc = c->fn->fill(c);
    if (rc != PT_OK) return rc;
  }
  return PT_OK;
}

static int tt_close(sqlite3_vtab_cursor *cur) {
  cursor_reset((tt_cursor *)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int tt_filter(sqlite3_vtab_cursor *cur, int idx, const char *idx_str, int argc,
                     sqlite3_value **argv) {
  (void)idx_str;
  tt_cursor *c = (tt_cursor *)cur;
  cursor_reset(c);
  sqlite3_value *args[3] = {NULL, NULL, NULL};
  for (int j = 0, k = 0; j < 3; j++)
    if ((idx & (1 << j)) && k < argc) args[j] = argv[k++];
  c->width = KWIC_DEFAULT_WIDTH;
  if (!args[0]) return SQLITE_OK;
  int r = pt_sql_tvf_text_arg(cur->pVtab, c->fn->name, 1, args[0], &c->text, &c->n);
  if (r != SQLITE_OK || !c->text) return r;
  c->pos.text = c->text;
  if (c->fn->n_args > 1) { /* kwic */
    r = args[1] ? pt_sql_tvf_text_arg(cur->pVtab, c->fn->name, 2, args[1], &c->term, &c->term_n) : SQLITE_OK;
    if (r != SQLITE_OK || !c->term) {
      pt_free(c->text); /* no term: no rows */
      c->text = NULL;
      c->n = 0;
      return r;
    }
    if (args[2] && sqlite3_value_type(args[2]) != SQLITE_NULL) {
      int t = sqlite3_value_numeric_type(args[2]);
      sqlite3_int64 w = sqlite3_value_int64(args[2]);
      if (t != SQLITE_INTEGER || w < 0 || w > KWIC_MAX_WIDTH) {
        pt_sql_vtab_error(cur->pVtab, "kwic: width must be an integer from 0 to %d, not '%s'",
                          KWIC_MAX_WIDTH, (const char *)sqlite3_value_text(args[2]));
        return SQLITE_ERROR;
      }
      c->width = w;
    }
  }
  c->done = 0;
  int rc = next_batch(c);
  if (rc == PT_NOMEM) return SQLITE_NOMEM;
  if (rc == PT_MISUSE && c->fn == &fn_kwic) {
    pt_sql_vtab_error(cur->pVtab, "kwic: the term '%s' has no word to search for", c->term);
    return SQLITE_ERROR;
  }
  if (rc != PT_OK) {
    pt_sql_vtab_error(cur->pVtab, "%s: %s", c->fn->name, pt_errmsg(rc));
    return SQLITE_ERROR;
  }
  return SQLITE_OK;
}

static int tt_next(sqlite3_vtab_cursor *cur) {
  tt_cursor *c = (tt_cursor *)cur;
  c->i++;
  int rc = next_batch(c);
  if (rc == PT_OK) return SQLITE_OK;
  if (rc == PT_NOMEM) return SQLITE_NOMEM;
  pt_sql_vtab_error(cur->pVtab, "%s: %s", c->fn->name, pt_errmsg(rc));
  return SQLITE_ERROR;
}

static int tt_eof(sqlite3_vtab_cursor *cur) {
  tt_cursor *c = (tt_cursor *)cur;
  return c->i >= c->n_rows;
}

static int tt_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  tt_cursor *c = (tt_cursor *)cur;
  *rowid = c->row_base + (sqlite3_int64)c->i + 1;
  return SQLITE_OK;
}

static int tt_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  tt_cursor *c = (tt_cursor *)cur;
  int j = col - c->fn->n_visible;
  if (j < 0)
    c->fn->column(c, ctx, col);
  else if (j == 0)
    result_span(c, ctx, 0, c->n);
  else if (j == 1)
    sqlite3_result_text64(ctx, c->term, c->term_n, SQLITE_TRANSIENT, SQLITE_UTF8);
  else
    sqlite3_result_int64(ctx, c->width);
  return SQLITE_OK;
}

static sqlite3_module tt_module = {
    0,             /* iVersion */
    NULL,          /* xCreate: eponymous only */
    tt_connect,    /* xConnect */
    tt_best_index, /* xBestIndex */
    tt_disconnect, /* xDisconnect */
    NULL,          /* xDestroy */
    tt_open,       /* xOpen */
    tt_close,      /* xClose */
    tt_filter,     /* xFilter */
    tt_next,       /* xNext */
    tt_eof,        /* xEof */
    tt_column,     /* xColumn */
    tt_rowid,      /* xRowid */
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};

int pt_sql_register_text(sqlite3 *db) {
  static const tt_fn *const fns[] = {&fn_sentences, &fn_paragraphs, &fn_acronyms, &fn_kwic};
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
    int rc = sqlite3_create_module(db, fns[i]->name, &tt_module, (void *)fns[i]);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}
