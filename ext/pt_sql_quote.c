/*
** pt_sql_quote.c: quotes(text) and speaker(text [, pos]).
**
**   SELECT speaker, role, cue, quote FROM quotes('“We will win,” said Sen. Ted Cruz.');
**   SELECT d.title, q.speaker, q.quote FROM docs d, quotes(d.body) q WHERE q.kind <> 'scare';
**   SELECT speaker(body) FROM docs;               -- speaker of the first attributed quotation
**   SELECT speaker(body, 120) FROM docs;          -- of the quotation covering character 120
**
** quotes() is an eponymous table-valued function: one row per quotation in
** reading order, with the columns of docs/quotes.md.  Positions are 1-based
** character positions into the argument (substr(text, start, length) =
** quote): the text is analysed as given (no NFC; like SQLite's own text
** functions it ends at a NUL character), and byte offsets become
** character positions through one moving cursor (pt_utf8_chars), so the
** conversion is linear too.  NULL gives no rows; a BLOB is an error.
**
** How it works: xFilter runs pt_quote_extract() on the argument (texts over
** 1 MiB chunk by chunk, see next_chunk); the cursor then walks the result.  The argument's bytes belong to SQLite for
** the duration of the statement step, so the cursor keeps its own copy (in
** a buffer reused from row to row).
*/
#include <stdint.h>
#include <string.h>

#include "pt_mem.h"
#include "pt_quote.h"
#include "pt_sql.h"
#include "pt_utf8.h"

enum {
  COL_QUOTE, COL_START, COL_LENGTH, COL_SPEAKER, COL_ROLE, COL_CUE, COL_SPEAKER_START,
  COL_SPEAKER_LENGTH, COL_PARAGRAPH, COL_KIND, COL_N, COL_MENTION, COL_MARK, COL_DEPTH,
  COL_HOW, COL_CLOSED, COL_TEXT
};

#define SCHEMA                                                                       \
  "CREATE TABLE x(quote TEXT, start INTEGER, length INTEGER, speaker TEXT, "       \
  "role TEXT, cue TEXT, speaker_start INTEGER, speaker_length INTEGER, "           \
  "paragraph INTEGER, kind TEXT, n INTEGER, mention TEXT, mark TEXT, "            \
  "depth INTEGER, how TEXT, closed INTEGER, text TEXT HIDDEN)"

typedef struct quotes_cursor {
  sqlite3_vtab_cursor base;
  char *text;           /* copy of the argument (in buf), or NULL */
  char *buf;            /* pt_malloc'd, kept from row to row */
  size_t cap;           /* bytes at buf */
  size_t len;
  int have_text;        /* 0 after a NULL argument */
  pt_quote_list l;      /* the quotations of the current chunk */
  size_t i;             /* current row within the chunk */
  size_t chunk_off;     /* byte offset of the current chunk in text */
  size_t next;          /* byte offset where the next chunk starts */
  int para_base;        /* paragraphs before the current chunk */
  size_t row_base;      /* rows before the current chunk */
  pt_charpos pos;       /* byte -> character positions in text */
} quotes_cursor;

/* SQLite's text functions (length, substr, instr) stop at the first NUL, so
** positions past one could never be used: the text ends there. */
static size_t text_end(const char *s, size_t n) {
  const char *z = memchr(s, 0, n);
  return z ? (size_t)(z - s) : n;
}

static int quotes_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                          sqlite3_vtab **pp, char **err) {
  (void)aux, (void)argc, (void)argv, (void)err;
  return pt_sql_tvf_connect(db, SCHEMA, pp);
}

static int quotes_open(sqlite3_vtab *v, sqlite3_vtab_cursor **pp) {
  (void)v;
  quotes_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  pt_quote_init(&c->l);
  *pp = &c->base;
  return SQLITE_OK;
}

static void cursor_clear(quotes_cursor *c) {
  c->text = NULL;
  /* (a buffer grown by one big text is not kept for the small ones) */
  if (c->cap > ((size_t)1 << 20)) {
    pt_free(c->buf);
    c->buf = NULL;
    c->cap = 0;
  }
  c->len = 0;
  c->have_text = 0;
  c->l.n = 0;
  c->i = 0;
  c->chunk_off = c->next = 0;
  c->para_base = 0;
  c->row_base = 0;
  c->pos = (pt_charpos){NULL, 0, 0};
}

static int quotes_close(sqlite3_vtab_cursor *cur) {
  quotes_cursor *c = (quotes_cursor *)cur;
  cursor_clear(c);
  pt_free(c->buf);
  pt_quote_reset(&c->l);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* Long texts are read in chunks of about CHUNK bytes cut at blank lines, so
** that rows start flowing (and sqlite3_interrupt() or a progress handler can
** stop the statement) before a whole book has been analysed.  A chunk holds
** whole paragraphs; only a he/she or surname reaching back across a chunk
** boundary, in texts over 256 KiB, is lost. */
#define CHUNK ((size_t)256 << 10)

static int is_blank_run(const char *s, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r') return 0;
  return 1;
}

/* End of the chunk starting at `start`: just after a blank line at or past
** start + CHUNK, else after a newline, else at a space, else between two
** characters; the text's end when it is near.  (In pathological text with
** no line breaks, a quotation can thus end at a chunk's end.) */
static size_t chunk_end(const char *s, size_t n, size_t start) {
  if (n - start <= CHUNK + CHUNK / 2) return n;
  size_t lim = start + 2 * CHUNK < n ? start + 2 * CHUNK : n;
  size_t first_nl = 0;
  for (size_t i = start + CHUNK; i < lim; i++) {
    if (s[i] != '\n') continue;
    if (!first_nl) first_nl = i + 1;
    const char *nl = memchr(s + i + 1, '\n', lim - i - 1);
    if (nl && is_blank_run(s, i + 1, (size_t)(nl - s))) return (size_t)(nl - s) + 1;
  }
  if (first_nl) return first_nl;
  for (size_t i = start + CHUNK; i < lim; i++)
    if (s[i] == ' ') return i + 1;
  /* no space either: cut between characters */
  while (lim > start + CHUNK && ((unsigned char)s[lim] & 0xC0) == 0x80) lim--;
  return lim;
}

/* Paragraphs (runs of non-blank lines) in s[0..n). */
static int count_paragraphs(const char *s, size_t n) {
  int paras = 0, in_para = 0;
  size_t i = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t end = nl ? (size_t)(nl - s) : n;
    int blank = is_blank_run(s, i, end);
    if (!blank && !in_para) paras++;
    in_para = !blank;
    i = end + 1;
  }
  return paras;
}

/* Analyses the next chunk; returns SQLITE_OK or SQLITE_NOMEM. */
static int next_chunk(quotes_cursor *c) {
  if (c->next > c->chunk_off) c->para_base += count_paragraphs(c->text + c->chunk_off, c->next - c->chunk_off);
  c->row_base += c->l.n;
  c->chunk_off = c->next;
  c->next = chunk_end(c->text, c->len, c->chunk_off);
  c->i = 0;
  int rc = pt_quote_extract(&c->l, c->text + c->chunk_off, c->next - c->chunk_off);
  return rc == PT_NOMEM ? SQLITE_NOMEM : rc ? SQLITE_ERROR : SQLITE_OK;
}

static int quotes_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxStr, int argc,
                         sqlite3_value **argv) {
  (void)idxStr;
  quotes_cursor *c = (quotes_cursor *)cur;
  cursor_clear(c);
  if (idx == 0 || argc < 1) return SQLITE_OK; /* no argument: no rows */
  int rc = pt_sql_tvf_text_arg_buf(cur->pVtab, "quotes", 1, argv[0], &c->buf, &c->cap, &c->text, &c->len);
  if (rc != SQLITE_OK || !c->text) return rc;
  c->pos.text = c->text;
  c->have_text = 1;
  rc = next_chunk(c);
  while (rc == SQLITE_OK && c->l.n == 0 && c->next < c->len) rc = next_chunk(c);
  if (rc == SQLITE_ERROR) pt_sql_vtab_error(cur->pVtab, "quotes: %s", pt_errmsg(PT_MISUSE));
  return rc;
}

static int quotes_next(sqlite3_vtab_cursor *cur) {
  quotes_cursor *c = (quotes_cursor *)cur;
  c->i++;
  int rc = SQLITE_OK;
  while (rc == SQLITE_OK && c->i >= c->l.n && c->next < c->len) rc = next_chunk(c);
  return rc;
}

static int quotes_eof(sqlite3_vtab_cursor *cur) {
  quotes_cursor *c = (quotes_cursor *)cur;
  return c->i >= c->l.n && c->next >= c->len;
}

static void result_span(sqlite3_context *ctx, quotes_cursor *c, size_t off, size_t len, int null_if_empty) {
  if (!len && null_if_empty) return;
  sqlite3_result_text64(ctx, c->text + c->chunk_off + off, len, SQLITE_TRANSIENT, SQLITE_UTF8);
}

/* The span [*off, *off + *len) of the current chunk, on the characters that
** SQL's substr() counts (it moves only on invalid UTF-8). */
static void snap(const quotes_cursor *c, size_t *off, size_t *len) {
  size_t a = c->chunk_off + *off;
  pt_utf8_snap(c->text, c->len, &a, len);
  *off = a - c->chunk_off;
}

static int quotes_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  quotes_cursor *c = (quotes_cursor *)cur;
  const pt_quote *q = &c->l.q[c->i];
  const char *chunk = c->text + c->chunk_off; /* offsets in q are chunk-relative */
  size_t off = q->byte_off, len = q->byte_len, soff = q->spk_off, slen = q->spk_len;
  if (col == COL_QUOTE || col == COL_START || col == COL_LENGTH) snap(c, &off, &len);
  if (slen && (col == COL_SPEAKER_START || col == COL_SPEAKER_LENGTH || col == COL_MENTION)) snap(c, &soff, &slen);
  switch (col) {
    case COL_QUOTE: result_span(ctx, c, off, len, 0); break;
    case COL_START: sqlite3_result_int64(ctx, pt_charpos_at(&c->pos, c->chunk_off + off) + 1); break;
    case COL_LENGTH: sqlite3_result_int64(ctx, (sqlite3_int64)pt_utf8_chars(chunk + off, len)); break;
    case COL_SPEAKER: result_span(ctx, c, q->name_off, q->name_len, 1); break;
    case COL_ROLE: result_span(ctx, c, q->role_off, q->role_len, 1); break;
    case COL_CUE: result_span(ctx, c, q->cue_off, q->cue_len, 1); break;
    case COL_SPEAKER_START:
      if (slen) sqlite3_result_int64(ctx, pt_charpos_at(&c->pos, c->chunk_off + soff) + 1);
      break;
    case COL_SPEAKER_LENGTH:
      if (slen) sqlite3_result_int64(ctx, (sqlite3_int64)pt_utf8_chars(chunk + soff, slen));
      break;
    case COL_PARAGRAPH: sqlite3_result_int(ctx, c->para_base + q->paragraph + 1); break;
    case COL_KIND: sqlite3_result_text(ctx, pt_quote_kind_name(q->kind), -1, SQLITE_STATIC); break;
    case COL_N: sqlite3_result_int64(ctx, (sqlite3_int64)(c->row_base + c->i) + 1); break;
    case COL_MENTION: result_span(ctx, c, soff, slen, 1); break;
    case COL_MARK: sqlite3_result_text(ctx, pt_quote_mark_name(q->mark), -1, SQLITE_STATIC); break;
    case COL_DEPTH: sqlite3_result_int(ctx, q->depth); break;
    case COL_HOW: {
      const char *h = pt_quote_how_name(q->how);
      if (h) sqlite3_result_text(ctx, h, -1, SQLITE_STATIC);
      break;
    }
    case COL_CLOSED: sqlite3_result_int(ctx, q->close_len > 0); break;
    case COL_TEXT:
      if (c->have_text) sqlite3_result_text64(ctx, c->text, c->len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    default: break;
  }
  return SQLITE_OK;
}

static int quotes_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  quotes_cursor *c = (quotes_cursor *)cur;
  *rowid = (sqlite3_int64)(c->row_base + c->i) + 1;
  return SQLITE_OK;
}

static int quotes_best_index(sqlite3_vtab *v, sqlite3_index_info *info) {
  (void)v;
  return pt_sql_tvf_best_index(info, COL_TEXT, 20);
}

static sqlite3_module quotes_module = {
    0,                 /* iVersion */
    0,                 /* xCreate: eponymous only */
    quotes_connect,    /* xConnect */
    quotes_best_index, /* xBestIndex */
    pt_sql_tvf_disconnect, /* xDisconnect */
    0,                 /* xDestroy */
    quotes_open,       /* xOpen */
    quotes_close,      /* xClose */
    quotes_filter,     /* xFilter */
    quotes_next,       /* xNext */
    quotes_eof,        /* xEof */
    quotes_column,     /* xColumn */
    quotes_rowid,      /* xRowid */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

/* ====================================================================
** speaker(text [, pos])
*/
static void speaker_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *s;
  size_t n;
  int r = pt_sql_arg_text(ctx, argv[0], "speaker", 1, &s, &n);
  if (r <= 0) return;
  n = text_end(s, n);
  sqlite3_int64 pos = 0;
  if (argc > 1) {
    int t = sqlite3_value_type(argv[1]);
    if (t == SQLITE_NULL) return;
    if (t != SQLITE_INTEGER && t != SQLITE_FLOAT) {
      sqlite3_result_error(ctx, "speaker: argument 2 must be a 1-based character position", -1);
      return;
    }
    pos = sqlite3_value_int64(argv[1]);
  }
  pt_quote_list l;
  pt_quote_init(&l);
  int rc = pt_quote_extract(&l, s, n);
  if (rc) {
    pt_quote_reset(&l);
    pt_sql_result_error(ctx, "speaker", rc, NULL);
    return;
  }
  size_t byte = 0;
  sqlite3_int64 chr = 0;
  for (size_t i = 0; i < l.n; i++) {
    const pt_quote *q = &l.q[i];
    if (q->kind == PT_QUOTE_SCARE || q->kind == PT_QUOTE_TITLE) continue;
    if (argc > 1) {
      /* The quotation covering pos, marks included. */
      chr += (sqlite3_int64)pt_utf8_chars(s + byte, q->open_off - byte);
      byte = q->open_off;
      size_t end = q->close_len ? q->close_off + q->close_len : q->byte_off + q->byte_len;
      sqlite3_int64 first = chr + 1;
      sqlite3_int64 last = chr + (sqlite3_int64)pt_utf8_chars(s + q->open_off, end - q->open_off);
      if (pos < first) break;
      if (pos > last) continue;
    } else if (!q->name_len) {
      continue;
    }
    if (q->name_len) sqlite3_result_text64(ctx, s + q->name_off, q->name_len, SQLITE_TRANSIENT, SQLITE_UTF8);
    break;
  }
  pt_quote_reset(&l);
}

int pt_sql_register_quotes(sqlite3 *db) {
  int rc = sqlite3_create_module(db, "quotes", &quotes_module, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "speaker", 1, PT_SQL_PURE, NULL, speaker_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "speaker", 2, PT_SQL_PURE, NULL, speaker_func, NULL, NULL);
  return rc;
}
