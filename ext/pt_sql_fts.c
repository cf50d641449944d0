/*
** pt_sql_fts.c: the FTS5 tokenizer `policytext`, registered on load.
**
**   CREATE VIRTUAL TABLE ft USING fts5(title, body, tokenize = 'policytext');
**   CREATE VIRTUAL TABLE ft USING fts5(body, tokenize = 'policytext remove_diacritics 0');
**   SELECT highlight(ft, 1, '[', ']') FROM ft WHERE ft MATCH '"U.S." AND muller';
**
** Tokens are pt_token's words: case folded and NFKC through utf8proc, with
** accents removed unless `remove_diacritics 0` (default 1, as unicode61).
** The policy compounds pt_token finds (U.S., S&ED, COVID-19, 9/11, 1,000,
** e-mail addresses) are indexed as well as their parts:
**
**   document "U.S. policy"   u + u.s (colocated) | s | policy
**   query    "U.S. policy"   u.s | s | policy
**
** In a query a compound stands in for its first part, so "U.S." matches
** only where the text has the compound (never "u s" elsewhere) while
** phrases keep their length on both sides and every part stays searchable
** ("covid", "19", "covid 19" still find COVID-19).  A final dot is dropped
** from a compound's token so "U.S" and "U.S." are the same.  Offsets are the
** input's bytes; the last part's token ends where the compound ends, so
** highlight() marks "[U.S.]" whole.
*/
#include <string.h>

#include "pt_buf.h"
#include "pt_mem.h"
#include "pt_sql.h"
#include "pt_token.h"

typedef struct pt_fts_tok {
  unsigned flags; /* PT_TOK_ flags */
} pt_fts_tok;

static int tok_create(void *aux, const char **argv, int argc, Fts5Tokenizer **pp) {
  (void)aux;
  *pp = NULL;
  unsigned flags = PT_TOK_FOLD | PT_TOK_NFKC | PT_TOK_COMPOUND | PT_TOK_UNACCENT;
  for (int i = 0; i < argc; i += 2) {
    if (!sqlite3_stricmp(argv[i], "remove_diacritics") && i + 1 < argc &&
        (!strcmp(argv[i + 1], "0") || !strcmp(argv[i + 1], "1") || !strcmp(argv[i + 1], "2"))) {
      if (argv[i + 1][0] == '0')
        flags &= ~(unsigned)PT_TOK_UNACCENT;
      else
        flags |= PT_TOK_UNACCENT;
    } else {
      return SQLITE_ERROR; /* fts5 reports "error in tokenizer constructor" */
    }
  }
  pt_fts_tok *t = sqlite3_malloc(sizeof *t);
  if (!t) return SQLITE_NOMEM;
  t->flags = flags;
  *pp = (Fts5Tokenizer *)t;
  return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *p) { sqlite3_free(p); }

typedef struct tok_state {
  const char *text;
  void *ctx;
  int (*xToken)(void *, int, const char *, int, int, int);
  int query;         /* FTS5_TOKENIZE_QUERY */
  int rc;            /* first non-OK rc from xToken */
  pt_buf compound;   /* folded compound waiting for its first part */
  int have_compound; /* compound holds one */
  size_t c_off, c_end; /* the compound's byte span */
} tok_state;


static int emit(tok_state *st, int tflags, const char *tok, size_t len, size_t a, size_t b) {
  int rc = st->xToken(st->ctx, tflags, tok, (int)len, (int)a, (int)b);
  if (rc) st->rc = rc;
  return rc;
}

static int on_token(void *ctx, const char *tok, size_t tok_len, size_t byte_off,
                    size_t byte_len, int kind) {
  tok_state *st = ctx;
  size_t end = byte_off + byte_len;
  if (kind == PT_TOKEN_COMPOUND) {
    if (tok_len > 1 && tok[tok_len - 1] == '.') tok_len--;
    if (st->query) {
      st->c_off = byte_off;
      st->c_end = end;
      st->have_compound = 1; /* its first part is skipped */
      return emit(st, 0, tok, tok_len, byte_off, end);
    }
    pt_buf_clear(&st->compound);
    pt_buf_put(&st->compound, tok, tok_len);
    if (st->compound.rc) return st->rc = SQLITE_NOMEM;
    st->c_off = byte_off;
    st->c_end = end;
    st->have_compound = 1;
    return 0;
  }
  if (st->have_compound && byte_off == st->c_off) { /* the first part */
    st->have_compound = 0;
    if (st->query) return 0;
    if (emit(st, 0, tok, tok_len, byte_off, end)) return st->rc;
    return emit(st, FTS5_TOKEN_COLOCATED, st->compound.data, st->compound.len, st->c_off,
                st->c_end);
  }
  /* The last part of a compound ends where the compound does. */
  if (!st->query && end < st->c_end && byte_off >= st->c_off &&
      pt_token_no_word_chars(st->text, end, st->c_end))
    end = st->c_end;
  return emit(st, 0, tok, tok_len, byte_off, end);
}

static int tok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
                        int (*xToken)(void *, int, const char *, int, int, int)) {
  pt_fts_tok *t = (pt_fts_tok *)p;
  if (n <= 0 || !text) return SQLITE_OK;
  tok_state st;
  memset(&st, 0, sizeof st);
  st.text = text;
  st.ctx = ctx;
  st.xToken = xToken;
  st.query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  pt_buf_init(&st.compound);
  int rc = pt_tokenize(text, (size_t)n, t->flags, on_token, &st);
  pt_buf_reset(&st.compound);
  if (st.rc) return st.rc;
  return rc == PT_OK ? SQLITE_OK : SQLITE_NOMEM;
}

/* The fts5_api of db, or NULL when SQLite was built without FTS5. */
static fts5_api *fts5_api_of(sqlite3 *db) {
  fts5_api *api = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

int pt_sql_register_fts(sqlite3 *db) {
  fts5_api *api = fts5_api_of(db);
  if (!api) return SQLITE_OK; /* no FTS5 in this SQLite: nothing to add to */
  static fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
  return api->xCreateTokenizer(api, "policytext", NULL, &tok, NULL);
}
