/*
** pt_kwic.c: keyword in context (see pt_kwic.h).
**
** How it works: the term is tokenized once into folded words.  The text is
** tokenized with the same flags; the last k words (k = the term's word
** count) are kept in a ring of buffers and compared with the term after each
** word, so the walk is linear in the text.  Contexts are measured in
** characters by stepping over UTF-8 sequences from the match.
**
** Compounds (U.S., S&ED, COVID-19, 9/11) follow the FTS5 tokenizer's rule:
** in the term a compound stands in for its first part, and in the text a
** compound's first word also matches the compound, so "U.S." finds "U.S."
** but not "U S", while "covid" still finds "COVID-19".
*/
#include "pt_kwic.h"

#include <string.h>

#include "pt_buf.h"
#include "pt_err.h"
#include "pt_mem.h"
#include "pt_token.h"
#include "pt_utf8.h"

#define KWIC_FLAGS (PT_TOK_FOLD | PT_TOK_NFKC | PT_TOK_UNACCENT | PT_TOK_COMPOUND)
#define MAX_TERM_WORDS 64

typedef struct slot {
  pt_buf tok;      /* folded word */
  pt_buf alt;      /* the compound starting with it, or empty */
  size_t off, end; /* its span in the text */
} slot;

typedef struct kwic {
  const char *s;
  size_t n, width;
  pt_buf *terms;    /* folded words of the term (compounds in place of
                    ** their first part) */
  size_t k;         /* how many */
  int prefix;       /* the last term word is a prefix */
  slot *ring;       /* the last k words of the text */
  size_t seen;      /* words in the ring (up to k), reset after a hit */
  size_t pos;       /* next ring slot */
  pt_buf compound;  /* folded compound waiting for its first word */
  int pending;      /* compound holds one */
  size_t c_off, c_end; /* span of the last compound seen */
  pt_kwic_cb cb;
  void *ctx;
  int nomem;
} kwic;

/* A compound's token without its final dot ("u.s." and "u.s" are one). */
static size_t compound_len(const char *tok, size_t len) {
  return len > 1 && tok[len - 1] == '.' ? len - 1 : len;
}

static int collect_term(void *ctx, const char *tok, size_t tok_len, size_t byte_off,
                        size_t byte_len, int kind) {
  kwic *kw = ctx;
  if (kind == PT_TOKEN_COMPOUND) {
    tok_len = compound_len(tok, tok_len);
    kw->pending = 1;
    kw->c_off = byte_off;
    kw->c_end = byte_off + byte_len;
  } else if (kw->pending && byte_off == kw->c_off) {
    kw->pending = 0; /* the compound took its place */
    return 0;
  }
  if (kw->k == MAX_TERM_WORDS) return 0;
  pt_buf *b = &kw->terms[kw->k++];
  pt_buf_put(b, tok, tok_len);
  return b->rc;
}

static int word_eq(const pt_buf *term, const char *tok, size_t len, int prefix) {
  if (prefix) return len >= term->len && memcmp(tok, term->data, term->len) == 0;
  return len == term->len && memcmp(tok, term->data, len) == 0;
}

static int slot_eq(const pt_buf *term, const slot *w, int prefix) {
  return word_eq(term, w->tok.data ? w->tok.data : "", w->tok.len, prefix) ||
         (w->alt.len && word_eq(term, w->alt.data, w->alt.len, prefix));
}

static int report(kwic *kw, size_t off, size_t end) {
  pt_kwic_hit h;
  h.byte_off = off;
  h.byte_len = end - off;
  size_t l = off;
  /* Characters as SQLite counts them: one starts at every byte that is not
  ** a continuation byte (10xxxxxx). */
  for (size_t c = 0; c < kw->width && l > 0; c++) {
    l--;
    while (l > 0 && ((unsigned char)kw->s[l] & 0xC0) == 0x80) l--;
  }
  size_t r = end;
  for (size_t c = 0; c < kw->width && r < kw->n; c++) {
    r++;
    while (r < kw->n && ((unsigned char)kw->s[r] & 0xC0) == 0x80) r++;
  }
  h.left_off = l;
  h.right_end = r;
  return kw->cb(kw->ctx, &h);
}


static int on_word(void *ctx, const char *tok, size_t tok_len, size_t byte_off,
                   size_t byte_len, int kind) {
  kwic *kw = ctx;
  if (kind == PT_TOKEN_COMPOUND) {
    pt_buf_clear(&kw->compound);
    pt_buf_put(&kw->compound, tok, compound_len(tok, tok_len));
    if (kw->compound.rc) return kw->nomem = PT_NOMEM;
    kw->pending = 1;
    kw->c_off = byte_off;
    kw->c_end = byte_off + byte_len;
    return 0;
  }
  int first = kw->pending && byte_off == kw->c_off; /* a compound's first word */
  kw->pending = 0;
  size_t end = byte_off + byte_len;
  /* A compound's last word ends where the compound does ("U.S." whole). */
  if (byte_off >= kw->c_off && end < kw->c_end && pt_token_no_word_chars(kw->s, end, kw->c_end))
    end = kw->c_end;
  slot *sl = &kw->ring[kw->pos];
  pt_buf_clear(&sl->tok);
  pt_buf_clear(&sl->alt);
  pt_buf_put(&sl->tok, tok, tok_len);
  if (first) pt_buf_put(&sl->alt, kw->compound.data, kw->compound.len);
  if (sl->tok.rc || sl->alt.rc) return kw->nomem = PT_NOMEM;
  sl->off = byte_off;
  sl->end = end;
  kw->pos = (kw->pos + 1) % kw->k;
  if (kw->seen < kw->k) kw->seen++;
  if (kw->seen < kw->k) return 0;
  /* The ring holds the last k words, oldest at pos. */
  for (size_t j = 0; j < kw->k; j++)
    if (!slot_eq(&kw->terms[j], &kw->ring[(kw->pos + j) % kw->k], kw->prefix && j + 1 == kw->k))
      return 0;
  kw->seen = 0;
  return report(kw, kw->ring[kw->pos].off, end);
}

int pt_kwic_each(const char *s, size_t n, const char *term, size_t term_n,
                 size_t width, pt_kwic_cb cb, void *ctx) {
  kwic kw;
  memset(&kw, 0, sizeof kw);
  kw.s = s;
  kw.n = n;
  kw.width = width;
  kw.cb = cb;
  kw.ctx = ctx;
  pt_buf_init(&kw.compound);
  while (term_n && (term[term_n - 1] == ' ' || term[term_n - 1] == '\t')) term_n--;
  if (term_n && term[term_n - 1] == '*') {
    kw.prefix = 1;
    term_n--;
  }
  kw.terms = pt_calloc(MAX_TERM_WORDS, sizeof *kw.terms);
  if (!kw.terms) return PT_NOMEM;
  int rc = pt_tokenize(term, term_n, KWIC_FLAGS, collect_term, &kw);
  if (rc == PT_OK && kw.k == 0) rc = PT_MISUSE;
  if (rc == PT_OK) {
    kw.ring = pt_calloc(kw.k, sizeof *kw.ring);
    if (!kw.ring) rc = PT_NOMEM;
  }
  if (rc == PT_OK) {
    kw.pending = 0;
    kw.c_off = kw.c_end = 0;
    rc = pt_tokenize(s, n, KWIC_FLAGS, on_word, &kw);
    if (kw.nomem) rc = PT_NOMEM;
  }
  if (kw.ring)
    for (size_t j = 0; j < kw.k; j++) {
      pt_buf_reset(&kw.ring[j].tok);
      pt_buf_reset(&kw.ring[j].alt);
    }
  for (size_t j = 0; j < MAX_TERM_WORDS; j++) pt_buf_reset(&kw.terms[j]);
  pt_buf_reset(&kw.compound);
  pt_free(kw.ring);
  pt_free(kw.terms);
  return rc;
}
