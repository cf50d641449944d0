/*
** pt_quote.c: quotation marks, kinds and attribution (see pt_quote.h).
**
**   scan_marks()   one pass over the bytes: a stack of at most two open
**                  quotations per paragraph (outer and nested);
**   pt_entity_build()  tokens, mentions, entities (pt_entity.c);
**   attribute()    per top-level quotation, a bounded window of tokens around
**                  its marks: after it, before it, then the quotation or
**                  paragraph before;
**   classify()     kind from the marks, words, case and attribution.
** Each quotation looks at a bounded number of tokens, so the whole is linear.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pt_entity.h"
#include "pt_err.h"
#include "pt_mem.h"
#include "pt_quote.h"
#include "pt_utf8.h"

/* ====================================================================
** Names.
*/
const char *pt_quote_kind_name(int kind) {
  static const char *const k[] = {"full", "partial", "block", "scare", "title"};
  return kind >= 0 && kind <= 4 ? k[kind] : NULL;
}
const char *pt_quote_mark_name(int mark) {
  static const char *const k[] = {"curly", "straight", "doubled", "guillemet", "low", "single"};
  return mark >= 0 && mark <= 5 ? k[mark] : NULL;
}
const char *pt_quote_how_name(int how) {
  static const char *const k[] = {NULL,     "after",     "before", "colon",   "byline",
                                  "continued", "leadin", "subject", "turn"};
  return how > 0 && how <= 8 ? k[how] : NULL;
}

void pt_quote_init(pt_quote_list *l) {
  memset(l, 0, sizeof *l);
  pt_entity_init(&l->ents);
}

void pt_quote_reset(pt_quote_list *l) {
  pt_free(l->q);
  pt_free(l->spans);
  pt_free(l->marks);
  pt_entity_reset(&l->ents);
  pt_quote_init(l);
}

/* ====================================================================
** Marks.
*/
enum { M_NONE, M_DQ_OPEN, M_DQ_CLOSE, M_SQ_OPEN, M_SQ_CLOSE, M_STRAIGHT, M_DOUBLED,
       M_APOS, M_GUIL_OPEN, M_GUIL_CLOSE, M_LOW_OPEN };

static int is_ws(int cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || pt_cp_is_space(cp); }
static int is_wordc(int cp) { return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9') : pt_cp_is_word(cp); }

/* The code point before byte off (a space at the start). */
static int prev_cp(const char *s, size_t off) {
  if (off == 0) return ' ';
  unsigned char c = (unsigned char)s[off - 1];
  if (c < 0x80) return c;
  size_t st;
  return pt_utf8_decode_prev(s, off, &st);
}
static int next_cp(const char *s, size_t n, size_t off) {
  if (off >= n) return ' ';
  unsigned char c = (unsigned char)s[off];
  if (c < 0x80) return c;
  size_t adv;
  return pt_utf8_decode(s + off, n - off, &adv);
}

/* Mark at byte i; sets *len. */
static int mark_at(const char *s, size_t n, size_t i, size_t *len) {
  unsigned char c = (unsigned char)s[i];
  *len = 1;
  if (c == '"') return M_STRAIGHT;
  if (c == '\'') {
    if (i + 1 < n && s[i + 1] == '\'') return *len = 2, M_DOUBLED;
    return M_APOS;
  }
  if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
    *len = 3;
    switch ((unsigned char)s[i + 2]) {
      case 0x9C: return M_DQ_OPEN;
      case 0x9D: return M_DQ_CLOSE;
      case 0x98: return M_SQ_OPEN;
      case 0x99: return M_SQ_CLOSE;
      case 0x9E: return M_LOW_OPEN;
      default: return M_NONE;
    }
  }
  if (c == 0xC2 && i + 1 < n) {
    *len = 2;
    if ((unsigned char)s[i + 1] == 0xAB) return M_GUIL_OPEN;
    if ((unsigned char)s[i + 1] == 0xBB) return M_GUIL_CLOSE;
  }
  return M_NONE;
}

typedef struct open_q {
  int idx;      /* quote index in l->q */
  int mark;     /* PT_MARK_ */
} open_q;

typedef struct scan {
  pt_quote_list *l;
  const char *s;
  size_t n;
  open_q st[2];
  int depth;
  int para;
  int rc;
} scan;

static int opens_like(const char *s, size_t n, size_t i, size_t len) {
  int p = prev_cp(s, i), x = next_cp(s, n, i + len);
  return !is_wordc(p) && !is_ws(x) && x != ',' && x != '.' && x != ';';
}
static int closes_like(const char *s, size_t n, size_t i, size_t len) {
  int p = prev_cp(s, i), x = next_cp(s, n, i + len);
  return !is_ws(p) && !is_wordc(x);
}

static void open_quote(scan *sc, size_t i, size_t len, int mark) {
  if (sc->depth >= 2 || sc->rc) return;
  pt_quote_list *l = sc->l;
  if (pt_grow((void **)&l->q, &l->cap, l->n + 1, sizeof(pt_quote))) {
    sc->rc = PT_NOMEM;
    return;
  }
  pt_quote *q = &l->q[l->n];
  memset(q, 0, sizeof *q);
  q->open_off = i;
  q->open_len = len;
  q->byte_off = i + len;
  q->paragraph = sc->para;
  q->depth = sc->depth;
  q->mark = mark;
  q->ent = -1;
  q->gap = -1;
  sc->st[sc->depth].idx = (int)l->n;
  sc->st[sc->depth].mark = mark;
  sc->depth++;
  l->n++;
}

static void close_quote(scan *sc, size_t i, size_t len) {
  pt_quote *q = &sc->l->q[sc->st[sc->depth - 1].idx];
  q->close_off = i;
  q->close_len = len;
  q->byte_len = i - q->byte_off;
  sc->depth--;
}

/* Ends an unclosed quotation at byte `end` (trailing spaces trimmed); a
** nested single quote that never closed was an apostrophe: dropped. */
static void drop_or_end(scan *sc, size_t end) {
  while (sc->depth > 0) {
    pt_quote *q = &sc->l->q[sc->st[sc->depth - 1].idx];
    if (q->depth > 0 || q->mark == PT_MARK_SINGLE) {
      q->deleted = 1;
    } else {
      size_t e = end;
      while (e > q->byte_off && is_ws((unsigned char)sc->s[e - 1])) e--;
      q->byte_len = e - q->byte_off;
      q->close_off = e;
      q->close_len = 0;
    }
    sc->depth--;
  }
}

static void handle_mark(scan *sc, size_t i, size_t len, int m) {
  const char *s = sc->s;
  size_t n = sc->n;
  int top = sc->depth ? sc->st[sc->depth - 1].mark : -1;
  int outer = sc->depth ? sc->st[0].mark : -1;
  switch (m) {
    case M_DQ_OPEN:
      if (top == PT_MARK_LOW) { close_quote(sc, i, len); return; }
      if (sc->depth == 0) { open_quote(sc, i, len, PT_MARK_CURLY); return; }
      if (top == PT_MARK_CURLY && closes_like(s, n, i, len) && !opens_like(s, n, i, len)) {
        /* “ typed for ” ("fascist?“ he asked"). */
        close_quote(sc, i, len);
        return;
      }
      if (outer == PT_MARK_CURLY) {
        /* A second opener: the first never closed.  End it here. */
        drop_or_end(sc, i);
        open_quote(sc, i, len, PT_MARK_CURLY);
        return;
      }
      if (sc->depth == 1) open_quote(sc, i, len, PT_MARK_CURLY);
      return;
    case M_DQ_CLOSE:
      /* Sloppy text mixes families: "But Pete Wilson won,” Axelrod said. */
      if (top == PT_MARK_CURLY || top == PT_MARK_LOW ||
          ((top == PT_MARK_STRAIGHT || top == PT_MARK_DOUBLED) && sc->depth == 1)) {
        close_quote(sc, i, len);
        return;
      }
      if (sc->depth == 2 && outer == PT_MARK_CURLY) {
        sc->l->q[sc->st[1].idx].deleted = 1;
        sc->depth = 1;
        close_quote(sc, i, len);
        return;
      }
      /* ” typed for “: before a word, or opening a paragraph ("” … they are
      ** so not like him,” she said") */
      if (sc->depth == 0 && (opens_like(s, n, i, len) || i == 0 || s[i - 1] == '\n'))
        open_quote(sc, i, len, PT_MARK_CURLY);
      return;
    case M_STRAIGHT:
    case M_DOUBLED: {
      int mk = m == M_STRAIGHT ? PT_MARK_STRAIGHT : PT_MARK_DOUBLED;
      if (top == mk) { close_quote(sc, i, len); return; }
      if (top == PT_MARK_CURLY && sc->depth == 1 && closes_like(s, n, i, len) && !opens_like(s, n, i, len)) {
        close_quote(sc, i, len); /* “Nice try, not true," she said. */
        return;
      }
      if (sc->depth == 2 && outer == mk) {
        sc->l->q[sc->st[1].idx].deleted = 1;
        sc->depth = 1;
        close_quote(sc, i, len);
        return;
      }
      if (sc->depth == 0) {
        if (!closes_like(s, n, i, len) || opens_like(s, n, i, len)) open_quote(sc, i, len, mk);
        return;
      }
      if (sc->depth == 1 && opens_like(s, n, i, len)) open_quote(sc, i, len, mk);
      return;
    }
    case M_SQ_OPEN:
    case M_APOS:
    case M_SQ_CLOSE:
      if (top == PT_MARK_SINGLE && m != M_SQ_OPEN && closes_like(s, n, i, len)) {
        close_quote(sc, i, len);
        return;
      }
      if (m != M_SQ_CLOSE && opens_like(s, n, i, len) && !pt_cp_is_digit(next_cp(s, n, i + len)) &&
          (sc->depth == 1 || (sc->depth == 0 && m == M_SQ_OPEN)))
        open_quote(sc, i, len, PT_MARK_SINGLE);
      return;
    case M_GUIL_OPEN:
      if (sc->depth < 2) open_quote(sc, i, len, PT_MARK_GUILLEMET);
      return;
    case M_GUIL_CLOSE:
      if (top == PT_MARK_GUILLEMET) close_quote(sc, i, len);
      return;
    case M_LOW_OPEN:
      if (sc->depth < 2) open_quote(sc, i, len, PT_MARK_LOW);
      return;
    default:
      return;
  }
}

/* Does the paragraph starting at byte i open with a mark of family `mark`? */
static int reopens(const char *s, size_t n, size_t i, int mark) {
  while (i < n && is_ws((unsigned char)s[i])) i++;
  if (i >= n) return 0;
  size_t len;
  int m = mark_at(s, n, i, &len);
  switch (mark) {
    case PT_MARK_CURLY: return m == M_DQ_OPEN || m == M_DQ_CLOSE;
    case PT_MARK_STRAIGHT: return m == M_STRAIGHT;
    case PT_MARK_DOUBLED: return m == M_DOUBLED;
    case PT_MARK_GUILLEMET: return m == M_GUIL_OPEN;
    case PT_MARK_LOW: return m == M_LOW_OPEN;
    default: return 0;
  }
}

/* Bytes that can start a mark or a markup tag, or end a paragraph. */
static const unsigned char interesting[256] = {['\n'] = 1, ['"'] = 1, ['\''] = 1, ['<'] = 1, [0xE2] = 1, [0xC2] = 1};

/* End (one past '>') of a markup tag opening at s[i] == '<' ("<a href=\"…\">",
** "<tweet id=\"…\" author=\"@x\">", "</a>"), or 0: the quotation marks of
** attribute values are not quotations.  A tag starts with a letter or '/'
** and ends on the same line. */
static size_t tag_end(const char *s, size_t n, size_t i) {
  if (i + 2 >= n) return 0;
  unsigned char c = (unsigned char)s[i + 1];
  if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c != '/') return 0;
  for (size_t j = i + 2; j < n && j < i + 2000; j++) {
    if (s[j] == '>') return j + 1;
    if (s[j] == '\n' || s[j] == '<') return 0;
  }
  return 0;
}

/* SWAR test: could any of the 8 bytes at p be '\n', '"', '\'', 0xC2 or
** 0xE2?  (haszero(v ^ pattern) for each; false positives only cost a
** byte-by-byte look.) */
static int may_be_interesting(const char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
#define HASZERO(x) (((x) - ones) & ~(x) & highs)
  uint64_t r = HASZERO(v ^ (ones * '\n')) | HASZERO(v ^ (ones * '"')) | HASZERO(v ^ (ones * '\'')) |
               HASZERO(v ^ (ones * '<')) | HASZERO(v ^ (ones * 0xC2u)) | HASZERO(v ^ (ones * 0xE2u));
#undef HASZERO
  return r != 0;
}

static int scan_marks(pt_quote_list *l, const char *s, size_t n) {
  scan sc;
  memset(&sc, 0, sizeof sc);
  sc.l = l;
  sc.s = s;
  sc.n = n;
  int block_head = -1; /* index of the first row of an open block */
  size_t para_from = 0; /* where the current paragraph's bytes start */
  size_t i = 0;
  while (i < n) {
    /* Sixteen (SSE2) or eight bytes at a time while none can start a mark
    ** or end a line. */
#ifdef __SSE2__
    for (;;) {
      if (i + 16 > n) break;
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
      __m128i hit = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')),
                                    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2))),
                       _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)),
                                    _mm_cmpeq_epi8(v, _mm_set1_epi8('<')))));
      unsigned m = (unsigned)_mm_movemask_epi8(hit);
      if (m) {
        i += (size_t)__builtin_ctz(m);
        break;
      }
      i += 16;
    }
    /* (the eight-byte test is for the last bytes only: i is at a hit) */
    if (i + 16 > n)
#endif
      while (i + 8 <= n && !may_be_interesting(s + i)) i += 8;
    if (i >= n) break;
    unsigned char c = (unsigned char)s[i];
    if (!interesting[c]) { i++; continue; }
    if (c == '\n') {
      size_t j = i + 1;
      while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) j++;
      if (j < n && s[j] == '\n') {
        /* Paragraph end (counted, like the tokenizer does, only after some
        ** text: several blank lines are one break). */
        int cont = 0;
        int had_text = 0;
        for (size_t k = i; k > para_from; k--)
          if (!is_ws((unsigned char)s[k - 1])) { had_text = 1; break; }
        if (sc.depth > 0) {
          pt_quote *q0 = &l->q[sc.st[0].idx];
          int idx0 = sc.st[0].idx;
          cont = q0->mark != PT_MARK_SINGLE && reopens(s, n, j + 1, q0->mark);
          drop_or_end(&sc, i);
          if (cont) {
            if (block_head < 0) block_head = idx0;
            q0 = &l->q[idx0];
            q0->block = block_head + 1;
          }
        }
        if (!cont && block_head >= 0) block_head = -1;
        if (had_text) sc.para++;
        i = j + 1;
        para_from = i;
        /* The reopening mark of a block continues it. */
        if (cont) {
          while (i < n && is_ws((unsigned char)s[i])) i++; /* more blank lines */
          size_t len;
          mark_at(s, n, i, &len);
          open_quote(&sc, i, len, l->q[block_head].mark);
          if (sc.rc) return sc.rc;
          l->q[l->n - 1].block = block_head + 1;
          i += len;
        }
        continue;
      }
      i++;
      continue;
    }
    if (!interesting[c]) { i++; continue; }
    if (c == '<') {
      size_t e = tag_end(s, n, i);
      i = e ? e : i + 1;
      continue;
    }
    size_t len;
    int m = mark_at(s, n, i, &len);
    if (m == M_NONE) { i++; continue; }
    handle_mark(&sc, i, len, m);
    if (sc.rc) return sc.rc;
    i += len;
  }
  drop_or_end(&sc, n);
  /* Drop the deleted rows, keeping block indexes right. */
  size_t k = 0;
  int *remap = NULL;
  int has_block = 0;
  for (size_t j = 0; j < l->n; j++) has_block |= l->q[j].block != 0;
  if (has_block) {
    remap = pt_malloc(l->n * sizeof(int) + 1);
    if (!remap) return PT_NOMEM;
  }
  for (size_t j = 0; j < l->n; j++) {
    if (remap) remap[j] = (int)k;
    if (l->q[j].deleted) continue;
    l->q[k++] = l->q[j];
  }
  if (remap) {
    for (size_t j = 0; j < k; j++)
      if (l->q[j].block) l->q[j].block = remap[l->q[j].block - 1] + 1;
    pt_free(remap);
  }
  l->n = k;
  return PT_OK;
}

/* ====================================================================
** Attribution.
*/
typedef struct attr {
  int ment;           /* mention, or -1 */
  size_t np_a, np_b;  /* a common noun phrase speaker [np_a, np_b) tokens */
  size_t cue_a, cue_b;/* cue tokens */
  int how;
  int body;           /* for an "it" or "they" speaker [np_a, np_b): 1 + the
                      ** mention of the body it stands for, or 0 */
  size_t ref_a, ref_b;/* ... or the words naming the group "they" stands for */
  int prev_it;        /* for an "it": 1 + the quotation whose speaker it is */
} attr;

/* No attribution: every field 0 but the mention (a new field needs no
** edit of each initialiser). */
static const attr attr_none = {.ment = -1};

static int tok_punct(const pt_entity_doc *d, size_t j, char ch) {
  return j < d->n_tok && (d->tok[j].flags & PT_TOK_PUNCT) && d->text[d->tok[j].byte_off] == ch &&
         d->tok[j].byte_len == 1;
}

static int tok_word(const pt_entity_doc *d, size_t j, const char *w) {
  if (j >= d->n_tok || !(d->tok[j].flags & PT_TOK_WORD)) return 0;
  const char *s = d->text + d->tok[j].byte_off;
  size_t n = d->tok[j].byte_len;
  if ((s[0] | 0x20) != w[0]) return 0; /* most calls end here */
  for (size_t i = 1; i < n; i++) /* (w's NUL never equals a byte | 0x20) */
    if ((s[i] | 0x20) != w[i]) return 0;
  return w[n] == 0;
}

/* Does the sentence at lo open with a capitalised plural that no mention
** holds ("Officials", "Sources", "People"): a group as subject? */
static int opening_plural(const pt_entity_doc *d, size_t lo) {
  const pt_tok *f = &d->tok[lo];
  if (!(f->flags & PT_TOK_CAP) || (f->flags & PT_TOK_ALLCAPS) || f->ment >= 0 || lo + 1 >= d->n_tok ||
      !(d->tok[lo + 1].flags & PT_TOK_LOWER))
    return 0;
  const char *w = d->text + f->byte_off;
  size_t n = f->byte_len;
  return (n > 3 && w[n - 1] == 's' && w[n - 2] != 's') || tok_word(d, lo, "people");
}

/* A reporting verb, but not "agreed to", "vowed to" (an infinitive follows). */
static int is_cue(const pt_entity_doc *d, size_t j) {
  if (j >= d->n_tok || !(d->tok[j].flags & PT_TOK_LOWER) || (d->tok[j].flags & PT_TOK_INQ) ||
      !(pt_entity_lex(d, j) & PT_LEX_CUE_VERB))
    return 0;
  /* "the tweets", "his statement", "Trump's tweets": after an article or a
  ** possessive the word is a noun */
  if (j > 0) {
    if (pt_entity_word_class(d, j - 1) & PT_W_ART) return 0;
    if (j > 2 && pt_entity_possessive(d, j - 2) &&
        !(pt_entity_lex(d, j - 3) & PT_LEX_PRONOUN) && !tok_word(d, j - 3, "it") && !tok_word(d, j - 3, "that"))
      return 0; /* (but "He's claiming" is he is) */
  }
  if (tok_word(d, j, "put") && !tok_word(d, j + 1, "it")) return 0; /* "as X put it" */
  if (tok_word(d, j + 1, "to")) {
    static const char *const inf[] = {"agreed",   "went",        "continued", "continues", "declined",
                                      "threatened", "claimed", "claims",    "called",    NULL};
    if (pt_entity_word_in(d, j, inf)) return 0;
  }
  return 1;
}

/* Words that may stand between a speaker and the verb, or after the verb
** before the speaker: "also said", "has said", "said Sunday". */
static int is_filler(const pt_entity_doc *d, size_t j) { return pt_entity_is_filler(d, j); }

/* Function words that end a run of modifiers before a name. */
static int is_function(const pt_entity_doc *d, size_t j) {
  return (pt_entity_word_class(d, j) & PT_W_FUNCTION) != 0;
}

/* Words that open a subordinate clause: a name after one is not the
** subject of the verb that follows ("until Haley said"). */
static int is_subordinator(const pt_entity_doc *d, size_t j) {
  return (pt_entity_word_class(d, j) & PT_W_SUBORD) != 0;
}

static int is_time_word(const pt_entity_doc *d, size_t j) {
  return (pt_entity_word_class(d, j) & PT_W_TIME) != 0;
}

static int is_det(const pt_entity_doc *d, size_t j) {
  return (pt_entity_word_class(d, j) & PT_W_DET) != 0;
}

/* Is token j inside a name mention (a quoted nickname: Robert C. “Bobby”
** Scott)? */
static int inside_name(const pt_entity_doc *d, size_t j) {
  for (size_t k = j; k-- > 0 && k + 4 > j;)
    if (d->tok[k].ment >= 0) return d->ment[d->tok[k].ment].tok_end > j;
  return 0;
}

/* A usable token inside the window: same paragraph, not inside a quotation
** (but a nickname inside a name is part of it). */
static int ok_tok(const pt_entity_doc *d, size_t j, int para) {
  return j < d->n_tok && d->tok[j].para == para && (!(d->tok[j].flags & PT_TOK_INQ) || inside_name(d, j));
}

/* Is token j a short quoted phrase that a lower-case word continues, a
** modifier inside the clause ("wearing a cowboy hat and “Ted Cruz"
** campaign pins, said")?  (A quotation's body is one token.) */
static int quoted_modifier(const pt_entity_doc *d, size_t j, int para) {
  return j + 1 < d->n_tok && (d->tok[j].flags & PT_TOK_INQ) && d->tok[j].para == para &&
         d->tok[j].byte_len <= 40 && d->tok[j + 1].para == para && (d->tok[j + 1].flags & PT_TOK_LOWER);
}

/* Mention starting at token j (skipping "Sen." style titles is built in). */
static int ment_at(const pt_entity_doc *d, size_t j, int para) {
  if (!ok_tok(d, j, para)) return -1;
  return d->tok[j].ment;
}

/* Is mention m a person (or a pronoun), who outranks a place or a body? */
static int personish(const pt_entity_doc *d, int m) {
  if (m < 0) return 0;
  int e = d->ment[m].ent;
  return d->ment[m].type == PT_MENT_PRONOUN || (e >= 0 && !d->ent[e].place && (d->ent[e].person || d->ent[e].gender));
}

/* Is mention m a place ("N.H.", "Puerto Rico")? */
static int place_ment(const pt_entity_doc *d, int m) {
  int e = d->ment[m].ent;
  return e >= 0 && d->ent[e].place;
}

/* Is mention m followed by a possessive 's? */
static int possessive(const pt_entity_doc *d, int m) {
  if (d->ment[m].type == PT_MENT_PRONOUN) return 0; /* "He's claiming": he is */
  return pt_entity_possessive(d, d->ment[m].tok_end);
}

/* Is token j a lower-case auxiliary or copula ("could", "will", "is")? */
static int is_aux_verb(const pt_entity_doc *d, size_t j) {
  return j < d->n_tok && (d->tok[j].flags & PT_TOK_LOWER) && (pt_entity_word_class(d, j) & PT_W_AUX);
}

/* Is token j a lower-case relative pronoun (who, whom, whose, which, that)? */
static int is_relative(const pt_entity_doc *d, size_t j) {
  return (d->tok[j].flags & PT_TOK_LOWER) && (pt_entity_word_class(d, j) & PT_W_RELATIVE);
}

/* A noun-phrase speaker starting at j: "a spokesman for the campaign",
** "officials".  Returns its end (exclusive) or 0. */
static size_t np_after(const pt_entity_doc *d, size_t j, int para) {
  if (!ok_tok(d, j, para) || !is_det(d, j)) return 0;
  size_t k = j + 1;
  while (k < j + 9 && ok_tok(d, k, para) && (d->tok[k].flags & PT_TOK_WORD) && !is_cue(d, k)) {
    /* "said a Democratic strategist who spoke on the condition …" */
    if (k > j + 1 && is_relative(d, k)) break;
    /* "said the candidate could be …": the subject of what was said */
    if (k > j + 1 && is_aux_verb(d, k)) return 0;
    int m = d->tok[k].ment;
    if (m >= 0 && d->ment[m].type != PT_MENT_PRONOUN) {
      /* "a court document filed by state attorney Dave Aronberg": the
      ** phrase takes in a name it reaches, and ends with it when it names a
      ** person ("a New Hampshire Republican", "a Trump supporter" go on) */
      int e = d->ment[m].ent;
      k = d->ment[m].tok_end;
      if (e >= 0 && !d->ent[e].place && (d->ent[e].person || d->ent[e].gender) &&
          !(k < d->n_tok && (d->tok[k].flags & PT_TOK_LOWER)))
        break;
      continue;
    }
    if (k == j + 6) { /* beyond seven words only to reach a name */
      size_t n = k + 1;
      while (n < j + 9 && ok_tok(d, n, para) && (d->tok[n].flags & PT_TOK_WORD) && d->tok[n].ment < 0) n++;
      if (n >= j + 9 || !ok_tok(d, n, para) || d->tok[n].ment < 0 ||
          d->ment[d->tok[n].ment].type == PT_MENT_PRONOUN) {
        k++;
        break;
      }
    }
    k++;
  }
  return k > j + 1 ? k : 0;
}

/* Does the clause at lo open "Name, the/a ..." (an appositive that may not
** be closed before the verb: "Nate Silver, the polling guru who founded
** fivethirtyeight.com tweeted")? */
static int appositive_opens(const pt_entity_doc *d, size_t lo, int para) {
  if (!ok_tok(d, lo, para) || d->tok[lo].ment < 0) return 0;
  const pt_mention *m = &d->ment[d->tok[lo].ment];
  return m->type != PT_MENT_PRONOUN && tok_punct(d, m->tok_end, ',') && is_det(d, m->tok_end + 1);
}

static int np_subject(const pt_entity_doc *d, size_t lo, size_t c, int para, attr *a);
static size_t past_fronted(const pt_entity_doc *d, size_t lo, size_t c, int para);

/* "Mayor Angela Sorensen of Eastport told", "Sen. Lindsey Graham of South
** Carolina said": for a mention after "of"/"from" that ends a person's
** name, the person (not before token lo); else m. */
static int person_of_place(const pt_entity_doc *d, int m, size_t lo) {
  /* (through a chain of places and bodies, named or not: "Stacy Baker of
  ** Columbia, South Carolina", "Archbishop Aris Shirvanian of the Armenian
  ** Patriarchate of Jerusalem") */
  size_t f = d->ment[m].tok_first;
  for (int hop = 0; hop < 4; hop++) {
    if (f > lo && is_det(d, f - 1)) f--;
    if (f < lo + 2 || !(d->tok[f - 2].flags & PT_TOK_CAP) || (d->tok[f - 2].flags & PT_TOK_INQ)) break;
    if (hop == 0 && tok_punct(d, f - 1, ',') && place_ment(d, m)) {
      /* "Columbia, South Carolina": the town before its state */
    } else if (tok_word(d, f - 1, "of") || tok_word(d, f - 1, "from")) {
      int p = d->tok[f - 2].ment_end;
      if (p >= 0 && d->ment[p].type == PT_MENT_NAME && personish(d, p)) return p;
    } else {
      break;
    }
    /* back over the capitalised words before it */
    size_t g = f - 2;
    while (g > lo && g + 6 > f && (d->tok[g - 1].flags & PT_TOK_CAP) && !(d->tok[g - 1].flags & PT_TOK_INQ)) g--;
    f = g;
  }
  return m;
}

/* The subject before cue token c, not before token lo: a mention (allowing
** a parenthesis, an appositive or a who-clause, and fillers in between) or
** a noun phrase.  Returns 1 with *a filled. */
/* Does a preposition govern mention m ("of the Massachusetts Congress",
** "in Ohio"), within [lo, ...)? */
static int governed(const pt_entity_doc *d, int m, size_t lo) {
  size_t f = d->ment[m].tok_first;
  if (f > lo && is_det(d, f - 1)) f--;
  return f > lo && (d->tok[f - 1].flags & PT_TOK_LOWER) && (pt_entity_word_class(d, f - 1) & PT_W_OBJPREP);
}

static int subject_before(const pt_entity_doc *d, size_t c, size_t lo, int para, attr *a) {
  if (c == 0 || c <= lo) return 0;
  size_t k = c - 1;
  /* (fillers, auxiliaries and a time: "President Obama on Friday
  ** declared", "The Florida senator is telling") */
  while (k > lo && (is_filler(d, k) || is_aux_verb(d, k) ||
                    ((d->tok[k].flags & PT_TOK_CAP) && is_time_word(d, k) && k > lo + 1 && tok_word(d, k - 1, "on"))))
    k -= is_filler(d, k) || is_aux_verb(d, k) ? 1 : 2;
  for (int round = 0; round < 2; round++) {
    if (!ok_tok(d, k, para)) return 0;
    /* "Thiel wrote in a statement to Wired explaining", "Clinton responded
    ** on Facebook writing": the object of "to", "on", "at" or "in" right
    ** before a participle is not its subject (a verb before it may have
    ** one); but "footage of Trump saying", "with Gorka noting", "no
    ** different from Bush calling" are */
    if (d->tok[k].ment_end >= 0 && k + 1 == c && pt_entity_ends_ing(d, c)) {
      size_t f = d->ment[d->tok[k].ment_end].tok_first;
      if (f > lo && is_det(d, f - 1)) f--;
      static const char *const adjunct[] = {"to", "on", "at", "in", NULL};
      if (f > lo && pt_entity_word_in(d, f - 1, adjunct)) return 0;
    }
    if (d->tok[k].ment_end >= 0 && !possessive(d, d->tok[k].ment_end)) {
      int m = person_of_place(d, d->tok[k].ment_end, lo);
      /* "A spokesman for Mayor Dana Whitcomb said", "An aide to Sanders
      ** said", "Another source speaking to Fox News said": the phrase that
      ** the name ends */
      attr t = *a;
      size_t pf = d->ment[m].tok_first - 1;
      /* (not before a participle: "The ad uses footage of Hillary Clinton
      ** asking" is Clinton) */
      static const char *const tie[] = {"to", "with", "at", "of", "from", NULL};
      if ((tok_word(d, pf, "for") || (!pt_entity_ends_ing(d, c) && pt_entity_word_in(d, pf, tie))) &&
          np_subject(d, lo, c, para, &t) && t.np_b == d->ment[m].tok_end) {
        *a = t;
        return 1;
      }
      /* (or a capitalised plural opening the sentence: "Sources close to
      ** Trump said", "Officials close to the governor said") */
      if (!pt_entity_ends_ing(d, c) && pt_entity_word_in(d, pf, tie) && lo + 1 < pf && pf < lo + 5 &&
          opening_plural(d, lo)) {
        a->np_a = lo;
        a->np_b = d->ment[m].tok_end;
        return 1;
      }
      a->ment = m;
      return 1;
    }
    if (tok_punct(d, k, ')')) {
      size_t p = k;
      while (p > lo && p + 10 > k && !tok_punct(d, p, '(')) p--;
      if (!tok_punct(d, p, '(') || p == 0) return 0;
      k = p - 1;
      continue;
    }
    /* (past a fronted phrase: "Of Carson, Levine, who has given money to
    ** Marco Rubio, said," is Levine's) */
    size_t s0 = round == 0 ? past_fronted(d, lo, c, para) : lo;
    if (s0 >= k) s0 = lo;
    if (round == 0) {
      /* "Katie Packer, who is chairman of Our Principles PAC, said" */
      size_t f = s0;
      if (ok_tok(d, f, para) && d->tok[f].ment >= 0) {
        int m = d->tok[f].ment;
        size_t e = d->ment[m].tok_end;
        if (d->ment[m].type != PT_MENT_PRONOUN && e + 1 < k && tok_punct(d, e, ',') &&
            (tok_word(d, e + 1, "who") || tok_word(d, e + 1, "whose"))) {
          a->ment = m;
          return 1;
        }
      }
    }
    if (round == 0 && (tok_punct(d, k, ',') || appositive_opens(d, lo, para))) {
      /* "Donna Rawlings, 59, of Ashton, Md., who watched it on the Mall,
      ** said": a sentence that opens with a name and a comma is about it. */
      for (size_t f = s0; f < s0 + 5 && f < k && ok_tok(d, f, para); f++) {
        if (is_subordinator(d, f) || tok_punct(d, f, ',')) break;
        if (d->tok[f].ment < 0) continue;
        int m = d->tok[f].ment;
        int e = d->ment[m].ent;
        int personish = e >= 0 && (d->ent[e].person || d->ent[e].gender);
        /* "Mayor Colin Travers of Millbrook, New York, a city …, said": a
        ** titled person opening the sentence, the verb after a comma. */
        int titled = f == s0 && d->ment[m].type == PT_MENT_NAME && tok_punct(d, k, ',') && !possessive(d, m) &&
                     d->ment[m].tok_end < k &&
                     (pt_entity_lex(d, d->ment[m].tok_first) &
                      (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON | PT_LEX_TITLE_HEAD));
        if (titled) {
          a->ment = m;
          return 1;
        }
        if (d->ment[m].type != PT_MENT_PRONOUN && tok_punct(d, d->ment[m].tok_end, ',') &&
            d->ment[m].tok_end < k && !possessive(d, m) && (f == s0 || personish)) {
          a->ment = m;
          return 1;
        }
      }
    }
    if (tok_punct(d, k, ',') && k > lo && ok_tok(d, k - 1, para) && d->tok[k - 1].ment_end >= 0 &&
        !possessive(d, d->tok[k - 1].ment_end) && !governed(d, d->tok[k - 1].ment_end, lo)) {
      /* "the previous nominee, Mitt Romney, called" (but not "Dr. Joseph
      ** Warren, President of the Massachusetts Congress, said") */
      a->ment = d->tok[k - 1].ment_end;
      return 1;
    }
    if (tok_punct(d, k, ',')) {
      size_t p = k;
      while (p > lo && p + 32 > k) {
        p--;
        if (!ok_tok(d, p, para)) return 0;
        if (tok_punct(d, p, ',')) break;
      }
      if (!tok_punct(d, p, ',') || p == 0) return 0;
      /* "Scott's niece, state Del. Marcia “Cia” Price (D-Newport News),
      ** shouted": a person's name set off by the commas is the speaker */
      for (size_t f = p + 1; f < p + 4 && f < k; f++) {
        int m = d->tok[f].ment;
        if (m >= 0) {
          if (d->ment[m].type == PT_MENT_NAME && personish(d, m) && !possessive(d, m)) {
            a->ment = m;
            return 1;
          }
          break;
        }
        if (!(d->tok[f].flags & PT_TOK_LOWER) || is_function(d, f)) break;
      }
      k = p - 1;
      continue;
    }
    break;
  }
  if (!ok_tok(d, k, para) || !(d->tok[k].flags & PT_TOK_WORD)) return 0;
  /* A noun phrase: back to a determiner within 6 words. */
  size_t p = k;
  while (p > lo && p + 6 > k && ok_tok(d, p, para) && (d->tok[p].flags & PT_TOK_WORD) && !is_det(d, p) &&
         !is_cue(d, p))
    p--;
  if (is_det(d, p) && p > lo + 2 && (tok_word(d, p - 1, "in") || tok_word(d, p - 1, "of") || tok_word(d, p - 1, "for"))) {
    /* "a narrator in the Clinton ad asks": the phrase's own determiner */
    size_t q = p - 2;
    while (q > lo && q + 5 > p && ok_tok(d, q, para) && (d->tok[q].flags & PT_TOK_WORD) && !is_det(d, q) &&
           !is_cue(d, q) && !is_function(d, q))
      q--;
    if (is_det(d, q) && ok_tok(d, q, para) && (q == lo || tok_punct(d, q - 1, ',') || (d->tok[q].flags & PT_TOK_SENT)))
      p = q;
  }
  if (is_det(d, p) && p > lo + 1 && p < lo + 5 && !pt_entity_ends_ing(d, c) && opening_plural(d, lo) &&
      (tok_word(d, p - 1, "to") || tok_word(d, p - 1, "with") || tok_word(d, p - 1, "of") || tok_word(d, p - 1, "in"))) {
    /* "Officials close to the governor said", "People familiar with the
    ** talks said": a plural opening the sentence, and its phrase */
    a->np_a = lo;
    a->np_b = k + 1;
    return 1;
  }
  if (is_det(d, p) && ok_tok(d, p, para) &&
      (p == lo || tok_punct(d, p - 1, ',') || tok_word(d, p - 1, "and") || (d->tok[p].flags & PT_TOK_SENT))) {
    a->np_a = p;
    a->np_b = k + 1;
    /* ("The crowd kept shouting “…”": a verb before the participle is no
    ** part of the phrase) */
    while (a->np_b > p + 2 && (d->tok[a->np_b - 1].flags & PT_TOK_LOWER) &&
           (pt_entity_word_class(d, a->np_b - 1) & (PT_W_VERB | PT_W_AUX)))
      a->np_b--;
    return 1;
  }
  /* "Ryan's office said", "the senator's campaign said": a possessor and
  ** one or two lower-case nouns speak as one body. */
  if (p > lo && p + 2 <= k && p + 4 > k && ok_tok(d, p, para) && pt_entity_possessive(d, p) &&
      (d->tok[k].flags & PT_TOK_LOWER) && ok_tok(d, p - 1, para)) {
    size_t f = p; /* the possessor: a name, or a determiner phrase */
    if (d->tok[p - 1].ment_end >= 0) f = d->ment[d->tok[p - 1].ment_end].tok_first;
    else {
      while (f > lo && f + 4 > p && ok_tok(d, f - 1, para) && (d->tok[f - 1].flags & PT_TOK_WORD) &&
             !is_det(d, f - 1) && !is_cue(d, f - 1))
        f--;
      if (f > lo && is_det(d, f - 1)) f--;
      if (!is_det(d, f)) f = p;
      /* (or capitalised words no mention holds yet: "Ryan’s campaign told
      ** reporters," at a sentence's start; not "Here's what it says:") */
      while (f > lo && f + 3 > p && ok_tok(d, f - 1, para) && (d->tok[f - 1].flags & PT_TOK_CAP) &&
             !pt_entity_word_class(d, f - 1) && !(pt_entity_lex(d, f - 1) & (PT_LEX_STOPCAP | PT_LEX_PRONOUN)))
        f--;
    }
    /* (the possessor's own modifiers may open the clause: "Libertarian
    ** presidential candidate Gary Johnson's doctor is calling") */
    size_t g = f;
    while (g > lo && g + 4 > f && ok_tok(d, g - 1, para) && (d->tok[g - 1].flags & PT_TOK_WORD) &&
           !is_function(d, g - 1) && !is_det(d, g - 1) && !is_cue(d, g - 1) && !is_aux_verb(d, g - 1))
      g--;
    if (f < p && (f == lo || g == lo || tok_punct(d, f - 1, ',') || (d->tok[f].flags & PT_TOK_SENT))) {
      if (g == lo) f = lo;
      a->np_a = f;
      a->np_b = k + 1;
      return 1;
    }
  }
  /* A bare plural: "officials said" (but not "tweets accusing her of":
  ** a participle after a plural qualifies it). */
  const pt_tok *t = &d->tok[k];
  int participle = pt_entity_ends_ing(d, c);
  /* (nor "marching through the streets chanted": an object, not a subject) */
  int object = k > lo && (is_det(d, k - 1) || is_function(d, k - 1));
  if ((t->flags & PT_TOK_LOWER) && t->byte_len > 3 && d->text[t->byte_off + t->byte_len - 1] == 's' &&
      k + 1 == c && !participle && object) {
    /* then the subject may be the plural opening the sentence: "Protesters
    ** marching through the streets chanted" */
    if (opening_plural(d, lo) && lo + 1 < k && !is_function(d, lo + 1)) {
      a->np_a = lo;
      a->np_b = lo + 1;
      return 1;
    }
  }
  if ((t->flags & PT_TOK_LOWER) && t->byte_len > 3 && d->text[t->byte_off + t->byte_len - 1] == 's' &&
      k + 1 == c && !participle && !object) {
    a->np_a = k;
    a->np_b = k + 1;
    return 1;
  }
  /* A capitalised plural opening its clause: "Mexicans often say,",
  ** "Republicans said" -- a group, not a name */
  if ((t->flags & PT_TOK_CAP) && !(t->flags & PT_TOK_ALLCAPS) && t->ment < 0 && t->byte_len > 4 &&
      d->text[t->byte_off + t->byte_len - 1] == 's' && d->text[t->byte_off + t->byte_len - 2] != 's' &&
      !participle && (k == lo || tok_punct(d, k - 1, ','))) {
    a->np_a = k;
    a->np_b = k + 1;
    return 1;
  }
  return 0;
}

/* Speaker after the cue at c: "said Kerry", "said Sunday Mr. Kerry",
** "said a spokesman". */
static int speaker_after_cue(const pt_entity_doc *d, size_t c, int para, attr *a) {
  /* ("accused the Democratic leadership of using “…”": that is its object) */
  if (pt_entity_word_class(d, c) & PT_W_OBJECT) return 0;
  size_t j = c + 1;
  for (int k = 0; k < 3 && (is_time_word(d, j) || tok_word(d, j, "on")); k++) j++;
  int m = ment_at(d, j, para);
  /* (a possessive determiner too: "added his campaign manager Jeff Weaver"
  ** is Weaver, not the owner of "his") */
  if (m < 0 && (!is_det(d, j) || tok_word(d, j, "his") || tok_word(d, j, "her") || tok_word(d, j, "their") ||
                tok_word(d, j, "its"))) {
    /* "said conservative activist Bob Klaus", "said 9/11 widow Terry Strada" */
    for (size_t k = j + 1; k < j + 6 && ok_tok(d, k, para) &&
                           ((d->tok[k].flags & PT_TOK_WORD) || tok_punct(d, k, '/') || tok_punct(d, k, '-')) &&
                           !is_cue(d, k - 1) && !is_subordinator(d, k - 1) && !tok_word(d, k - 1, "and"); k++)
      if (d->tok[k].ment >= 0 && d->ment[d->tok[k].ment].type != PT_MENT_PRONOUN) {
        /* (after "his", only a person: not "his best friend at Lehigh") */
        if (!is_det(d, j) || (d->ment[d->tok[k].ment].type == PT_MENT_NAME && personish(d, d->tok[k].ment)))
          m = d->tok[k].ment;
        break;
      }
  }
  if (m < 0 && (tok_word(d, j, "the") || tok_word(d, j, "a") || tok_word(d, j, "an"))) {
    /* "said the columnist Ruth Marcus.", "said the lawyer Ann Park,": an
    ** article and lower-case words before a person's name that ends the
    ** phrase describe the person (not "a court document filed by …") */
    for (size_t k = j + 1; k < j + 5 && ok_tok(d, k, para) && (d->tok[k].flags & PT_TOK_WORD); k++) {
      int n = d->tok[k].ment;
      if (n >= 0) {
        size_t e = d->ment[n].tok_end;
        if (d->ment[n].type == PT_MENT_NAME && personish(d, n) && !possessive(d, n) &&
            (e >= d->n_tok || d->tok[e].para != para || (d->tok[e].flags & PT_TOK_PUNCT)))
          m = n;
        break;
      }
      /* (not "the younger Mr. Trump", "the other Mr. Khan": another one) */
      static const char *const other[] = {"younger", "elder", "older", "other", NULL};
      if (!(d->tok[k].flags & PT_TOK_LOWER) || is_function(d, k) || is_cue(d, k) || is_det(d, k) ||
          pt_entity_word_in(d, k, other))
        break;
    }
  }
  if (m >= 0 && d->ment[m].type == PT_MENT_NAME && !personish(d, m)) {
    /* "said Ohio State University professor Paul Beck": a body or a place
    ** and a role word before a person's name only describe the person */
    size_t k = d->ment[m].tok_end; /* ("Ohio State professor": words of the body too) */
    /* (and a place, or another body, right before the person: "said former
    ** Utah governor Michael Leavitt", "said South Carolina Democratic Party
    ** Chairman Jaime Harrison") */
    while (k < d->ment[m].tok_end + 6 && ok_tok(d, k, para) && (d->tok[k].flags & PT_TOK_WORD) &&
           (d->tok[k].ment < 0 || !personish(d, d->tok[k].ment)) && !is_cue(d, k) && !is_function(d, k) &&
           !is_subordinator(d, k))
      k = d->tok[k].ment >= 0 ? d->ment[d->tok[k].ment].tok_end : k + 1;
    /* (or a person whose title follows: "explained Los Angeles-based
    ** attorney Edgar Martirosyan") */
    if ((k > d->ment[m].tok_end || place_ment(d, m) ||
         (ok_tok(d, k, para) && (pt_entity_lex(d, k) & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HEAD)))) &&
        ok_tok(d, k, para) && d->tok[k].ment >= 0 &&
        d->ment[d->tok[k].ment].type == PT_MENT_NAME && personish(d, d->tok[k].ment))
      m = d->tok[k].ment;
  }
  if (m >= 0 && possessive(d, m)) {
    /* "exhorted Clinton's introducer, actress Jamie Lee Curtis" */
    int m2 = -1;
    for (size_t p = d->ment[m].tok_end; p < d->ment[m].tok_end + 8 && ok_tok(d, p, para); p++)
      if (d->tok[p].ment >= 0 && !possessive(d, d->tok[p].ment)) {
        m2 = d->tok[p].ment;
        break;
      }
    m = m2;
  }
  /* "said Clinton would …", "promising the Friends of Abe will …": the
  ** subject of what was said */
  if (m >= 0 && is_aux_verb(d, d->ment[m].tok_end)) return 0;
  if (m >= 0 && d->ment[m].type != PT_MENT_PRONOUN) {
    a->ment = m;
    return 1;
  }
  if (m >= 0 && d->ment[m].type == PT_MENT_PRONOUN && j > c + 1) return 0;
  size_t e = np_after(d, j, para);
  if (e && tok_punct(d, e, ',') && (m = ment_at(d, e + 1, para)) >= 0 && d->ment[m].type == PT_MENT_NAME) {
    /* "said his best friend at Lehigh, Bruce Turry, who …": the name in
    ** apposition is the speaker */
    size_t f = d->ment[m].tok_end;
    if (f >= d->n_tok || !ok_tok(d, f, para) || tok_punct(d, f, ',') || tok_punct(d, f, '.')) {
      a->ment = m;
      return 1;
    }
  }
  if (e) {
    a->np_a = j;
    a->np_b = e;
    return 1;
  }
  return 0;
}

static void set_cue(const pt_entity_doc *d, attr *a, size_t c) {
  a->cue_a = c;
  a->cue_b = c + 1;
  if (pt_entity_lex(d, c) & PT_LEX_CUE_PREP) a->cue_b = c + 2;
}

/* "according to X" at token k: X, a mention or a noun phrase, speaks;
** sets the attribution (its cue "according to", and `how`) and returns 1,
** or 0 when no speaker follows. */
static int according_to(const pt_entity_doc *d, size_t k, int para, int how, attr *a) {
  int m = ment_at(d, k + 2, para);
  size_t e = m >= 0 ? 0 : np_after(d, k + 2, para);
  if (m < 0 && !e) return 0;
  if (m >= 0) a->ment = m;
  else a->np_a = k + 2, a->np_b = e;
  set_cue(d, a, k);
  a->how = how;
  return 1;
}

/* Does the clause end at token j (a stop, a comma, the paragraph end)? */
static int ends_clause(const pt_entity_doc *d, size_t j, int para) {
  if (j >= d->n_tok || d->tok[j].para != para) return 1;
  return (d->tok[j].flags & PT_TOK_STOP) || tok_punct(d, j, ',') || (d->tok[j].flags & PT_TOK_INQ);
}

/* Does the sentence end at token j, or after adjuncts of the verb before
** it: "said in an interview.", "wrote in a court filing on Monday.", "said
** last week."?  Not when what follows says something of its own ("said
** that …", "said the talks would resume"): a phrase opened by a
** preposition or a time word, with no subordinator, verb of saying or
** quotation, to the sentence's end.  (A comma ends the clause as ever.) */
static int ends_with_adjuncts(const pt_entity_doc *d, size_t j, int para) {
  if (ends_clause(d, j, para)) return 1;
  if (!(pt_entity_word_class(d, j) & (PT_W_PREP | PT_W_PHRASE | PT_W_TIME)) || is_subordinator(d, j)) return 0;
  for (size_t k = j + 1; k < j + 16; k++) {
    if (k >= d->n_tok || d->tok[k].para != para || (d->tok[k].flags & PT_TOK_STOP)) return 1;
    if ((d->tok[k].flags & PT_TOK_INQ) || is_subordinator(d, k) || is_cue(d, k) || tok_punct(d, k, ',') ||
        tok_punct(d, k, ';') || tok_punct(d, k, ':') || (pt_entity_word_class(d, k) & PT_W_AUX))
      return 0;
  }
  return 0;
}

/* After the closing mark: tokens a.. of paragraph para.  `end` is the
** quotation's last character: after '.' it ended its sentence (then only
** "X said." alone counts, or with adjuncts, "X said on Monday."); after '?'
** or '!' a name and a verb followed by a comma and another quotation belong
** to that one. */
static int attr_after(const pt_entity_doc *d, size_t j, int para, int end, attr *a) {
  int stop = end == '.';
  if (!ok_tok(d, j, para)) return 0;
  while (tok_punct(d, j, '\'') || tok_punct(d, j, '"')) j++;
  if (tok_punct(d, j, ',')) j++;
  if (!ok_tok(d, j, para)) return 0;
  if (d->tok[j].flags & PT_TOK_DASH) {
    int m = ment_at(d, j + 1, para);
    if (m >= 0 && d->ment[m].type != PT_MENT_PRONOUN) {
      a->ment = m;
      a->how = PT_ATTR_BYLINE;
      return 1;
    }
    return 0;
  }
  if (stop && (d->tok[j].flags & PT_TOK_SENT) && !(pt_entity_lex(d, j) & PT_LEX_PRONOUN) &&
      d->tok[j].ment < 0)
    return 0;
  if (stop && pt_entity_line_break(d, j)) return 0; /* a new line after a finished sentence */
  if ((end == '!' || end == '?') && (d->tok[j].flags & PT_TOK_SENT) && (d->tok[j].flags & PT_TOK_CAP) &&
      (pt_entity_lex(d, j) & PT_LEX_PRONOUN)) {
    /* "“… for the long run!” She replied to him that it was an honor": a
    ** capitalised pronoun after ! or ? opens a sentence of its own when
    ** its verb reports a that-clause (not "“…?” He said.", "He asked it
    ** twice", "He tweeted when …") */
    size_t v = j + 1;
    while (v < j + 3 && is_filler(d, v)) v++;
    if (ok_tok(d, v, para) && is_cue(d, v))
      for (size_t k = v + 1; k < v + 5 && ok_tok(d, k, para) && !ends_clause(d, k, para); k++)
        if (tok_word(d, k, "that")) return 0;
  }
  /* "according to X" */
  if (tok_word(d, j, "according") && tok_word(d, j + 1, "to")) return according_to(d, j, para, PT_ATTR_AFTER, a);
  /* "“…,” it recommended.": a body named before (attribute() finds it) */
  if (tok_word(d, j, "it") && ok_tok(d, j + 1, para) && (d->tok[j + 1].flags & PT_TOK_LOWER) && is_cue(d, j + 1) &&
      !pt_entity_ends_ing(d, j + 1) && ends_clause(d, j + 2, para)) {
    a->np_a = j, a->np_b = j + 1;
    set_cue(d, a, j + 1);
    a->how = PT_ATTR_AFTER;
    return 1;
  }
  /* "“…,” as a Homeland Security memo put it": a noun phrase */
  if (tok_word(d, j, "as") && ok_tok(d, j + 1, para) && d->tok[j + 1].ment < 0 && is_det(d, j + 1)) {
    size_t e = np_after(d, j + 1, para), v = e;
    while (v && is_filler(d, v)) v++;
    if (e && ok_tok(d, v, para) && is_cue(d, v) && !pt_entity_ends_ing(d, v)) {
      int m = d->tok[e - 1].ment_end; /* (the person it reaches: "as the host Steve Doocy said") */
      if (m >= 0 && d->ment[m].type == PT_MENT_NAME && personish(d, m)) a->ment = m;
      else a->np_a = j + 1, a->np_b = e;
      set_cue(d, a, v);
      a->how = PT_ATTR_AFTER;
      return 1;
    }
  }
  /* "“…,” as Cruz said on Monday", "as he put it" */
  if (tok_word(d, j, "as") && ok_tok(d, j + 1, para) && d->tok[j + 1].ment >= 0) {
    int m = d->tok[j + 1].ment;
    size_t v = d->ment[m].tok_end;
    while (is_filler(d, v)) v++;
    if (ok_tok(d, v, para) && is_cue(d, v) && !pt_entity_ends_ing(d, v)) {
      a->ment = m;
      set_cue(d, a, v);
      a->how = PT_ATTR_AFTER;
      return 1;
    }
  }
  if ((tok_word(d, j, "is") || tok_word(d, j, "was")) && (tok_word(d, j + 1, "how") || tok_word(d, j + 1, "what"))) {
    /* "“…” is how one benefits consultant described the file", "“…” was
    ** what Lowe called it": the subject of the clause after "how" */
    size_t k = j + 2;
    while (k < j + 12 && ok_tok(d, k, para) && !(d->tok[k].flags & PT_TOK_STOP) && !is_cue(d, k)) k++;
    attr t = *a;
    if (ok_tok(d, k, para) && is_cue(d, k) && k > j + 2 &&
        (subject_before(d, k, j + 2, para, &t) || np_subject(d, j + 2, k, para, &t))) {
      *a = t;
      set_cue(d, a, k);
      a->how = PT_ATTR_AFTER;
      return 1;
    }
  }
  if (is_cue(d, j)) {
    /* (not after a participle: "“…,” urging the congregation to vote" --
    ** the phrase after it is its object) */
    if (pt_entity_ends_ing(d, j) || !speaker_after_cue(d, j, para, a)) return 0;
    if (stop && !ends_with_adjuncts(d, a->ment >= 0 ? d->ment[a->ment].tok_end : a->np_b, para)) return 0;
    set_cue(d, a, j);
    a->how = PT_ATTR_AFTER;
    return 1;
  }
  /* Speaker first: the first reporting verb of the clause after the quote,
  ** and its subject ("Huckabee spokeswoman Alice Stewart said", "Sen. Ted
  ** Cruz (R-Texas), who had criticized them, said", "he added"). */
  size_t k = j;
  while (k < j + 24 && (ok_tok(d, k, para) || (k > j && quoted_modifier(d, k, para))) &&
         !(d->tok[k].flags & PT_TOK_STOP) && !is_cue(d, k) && !tok_punct(d, k, ';') && !tok_punct(d, k, ':')) {
    if (k > j && tok_punct(d, k - 1, ',') && (tok_word(d, k, "who") || tok_word(d, k, "which"))) {
      /* ", who has proposed repealing the mandate, said": not that verb */
      size_t e = k + 1;
      while (e < j + 24 && ok_tok(d, e, para) && !tok_punct(d, e, ',') && !(d->tok[e].flags & PT_TOK_STOP)) e++;
      if (tok_punct(d, e, ',')) {
        k = e + 1;
        continue;
      }
    }
    k++;
  }
  size_t mj = j;
  while (mj < j + 3 && ok_tok(d, mj, para) && d->tok[mj].ment < 0 && (d->tok[mj].flags & PT_TOK_LOWER) &&
         !is_subordinator(d, mj) && !is_cue(d, mj))
    mj++;
  if (ok_tok(d, k, para) && !is_cue(d, k) && ok_tok(d, mj, para) && d->tok[mj].ment >= 0 &&
      d->ment[d->tok[mj].ment].type != PT_MENT_PRONOUN) {
    /* "“…,” an angry Hollande retaliated.": a name, one verb, and the end of
    ** the clause is an attribution whatever the verb. */
    size_t v = d->ment[d->tok[mj].ment].tok_end;
    while (is_filler(d, v)) v++;
    const pt_tok *vt = v < d->n_tok ? &d->tok[v] : NULL;
    if (vt && ok_tok(d, v, para) && (vt->flags & PT_TOK_LOWER) && vt->byte_len > 3 &&
        (d->text[vt->byte_off + vt->byte_len - 1] == 'd' || d->text[vt->byte_off + vt->byte_len - 1] == 's') &&
        !is_function(d, v) && ends_clause(d, v + 1, para)) {
      a->ment = d->tok[mj].ment;
      set_cue(d, a, v);
      a->how = PT_ATTR_AFTER;
      return 1;
    }
  }
  if (!ok_tok(d, k, para) || !is_cue(d, k) || k == j) return 0;
  /* The subject must start the clause: no other verb-like stretch. */
  attr t = *a;
  if (k == j + 1 && (d->tok[j].flags & PT_TOK_CAP) && !(d->tok[j].flags & (PT_TOK_ALLCAPS | PT_TOK_SENT)) &&
      d->tok[j].ment < 0 && !(pt_entity_lex(d, j) & PT_LEX_PRONOUN) && !pt_entity_ends_ing(d, k) &&
      d->tok[j].byte_len > 2 && !tok_word(d, j, "we") && ends_with_adjuncts(d, k + 1, para)) {
    /* "“…,” From said.": a capitalised word that no mention holds, between
    ** the quotation and a verb ending the clause, is a name that looks
    ** like a word (Al From; not "I said", the writer) */
    a->ment = -1;
    a->np_a = j, a->np_b = j + 1;
    set_cue(d, a, k);
    a->how = PT_ATTR_AFTER;
    return 1;
  }
  if (!subject_before(d, k, j, para, &t)) return 0;
  if (tok_punct(d, k - 1, ',') && !(t.ment >= 0 && personish(d, t.ment))) {
    /* "“…” for the EU, said Geert Wilders, founder of …": a person named
    ** right after the verb, ending the clause, rather than a body or a
    ** place before it */
    int m = ment_at(d, k + 1, para);
    if (m >= 0 && d->ment[m].type == PT_MENT_NAME && personish(d, m) && ends_clause(d, d->ment[m].tok_end, para)) {
      t.ment = m;
      t.np_a = t.np_b = 0;
    }
  }
  {
    size_t first = t.ment >= 0 ? d->ment[t.ment].tok_first : t.np_a;
    if (first > j + 6 && t.ment >= 0) {
      /* A mention far into the clause is only the subject when the words
      ** before it are modifiers of a name ("veteran analyst Charlie Cook"). */
      for (size_t p = j; p < first; p++)
        if (is_subordinator(d, p)) return 0;
    }
    for (size_t p = j; p < first; p++)
      if (is_subordinator(d, p)) return 0;
    /* "Cruz said he'd make sand “glow in the dark,” for instance, and
    ** Trump vowed": a clause joined after words of the quotation's own
    ** is not its attribution */
    for (size_t p = j + 1; p < first; p++)
      if (tok_punct(d, p - 1, ',') && p - 1 > j && (tok_word(d, p, "and") || tok_word(d, p, "but"))) return 0;
    {
      /* "“…,” in regards to a question posed by Dr. Cornel West, a Sanders
      ** supporter who has vociferously criticized Clinton.": the verb of a
      ** relative clause is not the attribution's (but "Nate Silver, the
      ** polling guru who founded fivethirtyeight.com tweeted" is) */
      size_t p = k;
      while (p > j && (is_aux_verb(d, p - 1) || is_filler(d, p - 1))) p--;
      if (p > j && is_relative(d, p - 1)) return 0;
    }
    /* "“…”), endorsed Senator Ted Cruz of Texas, urging", "“…” during the
    ** launch event for Trump Tower Manila, calling it": a participle after a
    ** comma is said by the sentence's subject, not by a name that a verb or
    ** a preposition in between governs. */
    if (tok_punct(d, k - 1, ',') && pt_entity_ends_ing(d, k))
      for (size_t p = j; p < first; p++)
        if ((d->tok[p].flags & PT_TOK_LOWER) && !is_filler(d, p) && !is_det(d, p)) return 0;
  }
  /* After a quotation that ended its sentence, "He added: …" starts a new
  ** one: only a bare "X said." belongs to the quotation before, and "X
  ** added, “…”" belongs to the quotation after. */
  /* ("Mills then writes back, “…”": a particle may follow the verb) */
  size_t kp = k + 1;
  if (tok_word(d, kp, "back") || tok_word(d, kp, "out") || tok_word(d, kp, "up")) kp++;
  if (stop && !ends_with_adjuncts(d, kp, para)) return 0;
  if ((stop || (t.ment >= 0 && d->ment[t.ment].type == PT_MENT_NAME && (end == '?' || end == '!'))) &&
      (tok_punct(d, kp, ',') || tok_punct(d, kp, ':')) && kp + 1 < d->n_tok && (d->tok[kp + 1].flags & PT_TOK_INQ))
    return 0; /* ("“Why now?” Mills then writes back, “You look cute.”") */
  *a = t;
  set_cue(d, a, k);
  a->how = PT_ATTR_AFTER;
  return 1;
}

/* The subject of the sentence [lo, c): the last name followed by a
** lower-case word that is not a function word (a verb, most likely), else
** the first name.  Possessives ("Trump's") are never subjects. */
/* Past a fronted phrase: "In a 2014 interview with POLITICO Magazine, Gore
** insisted", "Speaking to supporters in South Carolina, Cruz said" -- the
** subject follows the phrase's comma.  Returns lo when there is none. */
static size_t past_fronted(const pt_entity_doc *d, size_t lo, size_t c, int para) {
  if (!ok_tok(d, lo, para) || !(d->tok[lo].flags & PT_TOK_WORD)) return lo;
  if ((d->tok[lo].flags & PT_TOK_ALLCAPS) && d->tok[lo].byte_len >= 3 && (d->tok[lo].flags & PT_TOK_PARA)) {
    /* A dateline, "WASHINGTON, Dec. 8 (UPI) — In response to …, Clinton's
    ** aide rallied supporters, saying": the sentence starts after it */
    for (size_t k = lo + 1; k < lo + 10 && k + 1 < c && ok_tok(d, k, para); k++)
      if (d->tok[k].flags & PT_TOK_DASH) return past_fronted(d, k + 1, c, para);
  }
  int ing = pt_entity_ends_ing(d, lo);
  if (tok_word(d, lo, "as")) return lo; /* "As The Post's Ruth Marcus puts it," */
  /* "Ever since she endorsed Mrs. Clinton this month, Ms. Warren has":
  ** an adverb before the subordinator */
  int adv_sub = lo + 1 < c && ok_tok(d, lo + 1, para) && is_subordinator(d, lo + 1) &&
                (tok_word(d, lo, "ever") || tok_word(d, lo, "even") || tok_word(d, lo, "just") ||
                 tok_word(d, lo, "long") || tok_word(d, lo, "soon") || tok_word(d, lo, "shortly") ||
                 tok_word(d, lo, "only") || tok_word(d, lo, "right"));
  if (!ing && !adv_sub && !is_subordinator(d, lo) && !(is_function(d, lo) && !(pt_entity_lex(d, lo) & PT_LEX_PRONOUN) &&
                                           !tok_word(d, lo, "it")))
    return lo;
  for (size_t k = lo + 1; k < c && k < lo + 40; k++) {
    /* (through an appositive of the phrase: "In his 2004 convention
    ** speech, a testimonial to John Kerry, the Democratic nominee that
    ** year, Mr. Obama decried") */
    if (tok_punct(d, k, ',') && k + 1 < c && (tok_word(d, k + 1, "a") || tok_word(d, k + 1, "an"))) {
      size_t e = k + 2;
      while (e < c && e < k + 14 && !tok_punct(d, e, ',') && ok_tok(d, e, para)) e++;
      if (e < c && tok_punct(d, e, ',')) {
        k = e;
        while (k + 1 < c && tok_word(d, k + 1, "the")) { /* ", the Democratic nominee that year," */
          size_t f = k + 2;
          while (f < c && f < k + 10 && !tok_punct(d, f, ',') && ok_tok(d, f, para)) f++;
          if (!(f < c && tok_punct(d, f, ','))) break;
          k = f;
        }
        return k + 1 < c ? k + 1 : lo;
      }
    }
    if (tok_punct(d, k, ',')) return k + 1 < c ? k + 1 : lo;
    if (!ok_tok(d, k, para) && !(d->tok[k].flags & PT_TOK_INQ)) break;
    /* "On “Face the Nation,” Sen. Bernie Sanders": the comma inside the marks */
    if ((d->tok[k].flags & PT_TOK_INQ) && d->tok[k].byte_len && d->text[d->tok[k].byte_off + d->tok[k].byte_len - 1] == ',')
      return k + 1 < c ? k + 1 : lo;
  }
  return lo;
}

/* The subject of the clause [lo, c): the last mention followed by a verb-like
** word that is neither in a subordinate clause nor a preposition's object,
** else the first mention.  With inner_ok, a quotation inside a subordinate
** clause takes that clause's subject ("though the group America's Renewable
** Future is “confident …”"). */
static int clause_subject_from(const pt_entity_doc *d, size_t lo, size_t c, int para, int inner_ok,
                               attr *a) {
  int first = -1, last = -1, inner = -1;
  int sub = 0;   /* inside a subordinate clause (to the next comma) */
  int appos = 0; /* inside an appositive: "Chris Christie (R), a staunch Donald Trump ally," */
  int head = -1; /* the mention the appositive describes */
  for (size_t k = lo; k < c; k++) {
    if (tok_punct(d, k, ',')) {
      /* ", saying he had been …": a participle's phrase, like a
      ** subordinate clause, holds no subject of the sentence */
      sub = k + 1 < c && ok_tok(d, k + 1, para) && (d->tok[k + 1].flags & PT_TOK_LOWER) && pt_entity_ends_ing(d, k + 1);
      inner = -1;
      if (appos) {
        /* the appositive closed: a verb after it makes its head the subject */
        size_t v = k + 1;
        while (v < c && is_filler(d, v)) v++;
        if (head >= 0 && v < c && (d->tok[v].flags & PT_TOK_LOWER) && !is_function(d, v) && !is_det(d, v) &&
            (personish(d, head) || !personish(d, last)))
          last = head;
        appos = 0;
      } else {
        size_t h = k;
        if (k > lo && tok_punct(d, k - 1, ')')) { /* "Chris Christie (R)," */
          size_t p = k - 1;
          while (p > lo && p + 6 > k && !tok_punct(d, p, '(')) p--;
          if (tok_punct(d, p, '(')) h = p;
        }
        head = h > lo ? d->tok[h - 1].ment_end : -1;
        if (head >= 0) head = person_of_place(d, head, lo);
        appos = head >= 0 && (pt_entity_word_class(d, k + 1) & PT_W_ART) && !(d->tok[k + 1].flags & PT_TOK_CAP);
      }
    } else if (ok_tok(d, k, para) && is_subordinator(d, k))
      sub = 1, inner = -1;
    if (!appos && !sub && ok_tok(d, k, para) && d->tok[k].ment < 0 && (tok_word(d, k, "i") || tok_word(d, k, "we")) &&
        k + 1 < c && (d->tok[k + 1].flags & PT_TOK_LOWER) && !is_function(d, k + 1) && !is_det(d, k + 1)) {
      /* "when my mother mentioned it, I laughed and said": the writer,
      ** whom no mention stands for */
      last = -2;
      continue;
    }
    if (appos || !ok_tok(d, k, para) || d->tok[k].ment < 0) continue;
    int m = d->tok[k].ment;
    if (possessive(d, m)) continue;
    if (first < 0 || (place_ment(d, first) && !place_ment(d, m))) first = m;
    size_t e = d->ment[m].tok_end;
    /* not the object of a preposition ("refugees coming from Syria") */
    if (k > lo && is_function(d, k - 1) && !tok_word(d, k - 1, "and") && !tok_word(d, k - 1, "or")) continue;
    /* nor a person's name modifying a noun ("the Clinton campaign's
    ** headquarters", "a Sanders supporter") */
    if (k > lo && d->ment[m].type == PT_MENT_NAME && is_det(d, k - 1) && personish(d, m) &&
        d->ment[m].tok_end < c && (d->tok[d->ment[m].tok_end].flags & PT_TOK_LOWER))
      continue;
    /* nor a place before a title ("The Florida senator sought …, saying":
    ** the senator, whom no mention stands for) */
    if (k > lo && place_ment(d, m) && is_det(d, k - 1) && d->ment[m].tok_end < c &&
        (pt_entity_lex(d, d->ment[m].tok_end) & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HEAD))) {
      if (first == m) first = -1;
      continue;
    }
    /* "Senator Bernie Sanders of Vermont endorsed": past the place */
    if (e + 1 < c && (tok_word(d, e, "of") || tok_word(d, e, "from")) && ok_tok(d, e + 1, para) &&
        d->tok[e + 1].ment >= 0 && place_ment(d, d->tok[e + 1].ment)) {
      e = d->ment[d->tok[e + 1].ment].tok_end;
      k = e - 1;
    }
    while (e < c && is_filler(d, e)) e++;
    if (e < c && (d->tok[e].flags & PT_TOK_LOWER) && !is_function(d, e) && !is_det(d, e) &&
        !(pt_entity_word_class(d, e) & PT_W_PREP)) { /* (not "Barack Obama over Clinton") */
      /* "Bradley apologized after they came out, saying", "the raid that
      ** killed Osama bin Laden and said": the subject of a subordinate
      ** clause is not the sentence's; a place ("the Puerto Rico deal")
      ** does not displace a name before it */
      int *slot = sub ? &inner : &last;
      if (personish(d, m) || (!personish(d, *slot) && !(place_ment(d, m) && *slot >= 0))) *slot = m;
    }
  }
  if (last == -2 && !(inner_ok && sub && inner >= 0)) return 0;
  int m = inner_ok && sub && inner >= 0 ? inner : last >= 0 ? last : first;
  if (m < 0) return 0;
  a->ment = m;
  return 1;
}

/* The subject of the clause [lo, c): past a fronted phrase when one is
** there and names someone after it. */
static int clause_subject(const pt_entity_doc *d, size_t lo, size_t c, int para, int inner_ok, attr *a) {
  size_t f = past_fronted(d, lo, c, para);
  return (f > lo && clause_subject_from(d, f, c, para, inner_ok, a)) ||
         clause_subject_from(d, lo, c, para, inner_ok, a);
}

/* A sentence that opens with a noun phrase: "A senior engineer at one
** Shenzhen firm, …, told me", "One plant manager in Ohio summed it up:".
** The phrase runs from the determiner at lo to the end of the first name
** in it, or to a comma, within eight words. */
static int np_subject(const pt_entity_doc *d, size_t lo, size_t c, int para, attr *a) {
  if (!ok_tok(d, lo, para) || !is_det(d, lo) || d->tok[lo].ment >= 0) return 0;
  size_t k = lo + 1;
  while (k < c && k < lo + 9 && ok_tok(d, k, para)) {
    if (d->tok[k].ment >= 0) {
      k = d->ment[d->tok[k].ment].tok_end;
      /* "one Shenzhen firm,": the head noun after the name, when a comma
      ** or the verb follows it */
      size_t e = k;
      for (int extra = 0; extra < 2 && e < c && ok_tok(d, e, para) && (d->tok[e].flags & PT_TOK_LOWER) &&
                          !is_cue(d, e) && !is_function(d, e) && !is_subordinator(d, e) && !is_filler(d, e) &&
                          !is_aux_verb(d, e);
           extra++)
        e++;
      if (e > k && (tok_punct(d, e, ',') || is_cue(d, e))) k = e;
      /* ("The Florida senator": a title after the name is the head) */
      else if (k < c && ok_tok(d, k, para) && (d->tok[k].flags & PT_TOK_LOWER) &&
               (pt_entity_lex(d, k) & PT_LEX_TITLE_ROLE))
        k++;
      break;
    }
    if (!(d->tok[k].flags & PT_TOK_WORD) || is_cue(d, k) || is_subordinator(d, k)) break;
    /* "The Republican nominee also outlined his plan and vowed": the
    ** phrase ends before an adverb, another determiner or an auxiliary */
    if (k > lo + 1 && (is_filler(d, k) || is_aux_verb(d, k) || (is_det(d, k) && !is_function(d, k - 1)))) break;
    /* ("The president attacked Hillary Clinton:", "The town released a
    ** statement": a word in -ed after a noun is a verb, or a participle
    ** that qualifies the phrase: "a Quinnipiac poll conducted in February"
    ** becomes "a Quinnipiac poll", "a woman named Caroline" "a woman", no
    ** harm; an -ed word right after the determiner is an adjective, "the
    ** retired neurosurgeon") */
    if (k > lo + 1 && (d->tok[k].flags & PT_TOK_LOWER) && pt_entity_ends_ed(d, k) &&
        (d->tok[k - 1].flags & PT_TOK_WORD) && !is_function(d, k - 1) && !is_det(d, k - 1) && !is_filler(d, k - 1))
      break;
    /* (and before any other verb: "The first incident came during …",
    ** "The group seeks to prevent …") */
    if (k > lo + 1 && (d->tok[k].flags & PT_TOK_LOWER) && (pt_entity_word_class(d, k) & PT_W_VERB)) break;
    /* ("The Republican candidate appeared to assert …, saying": a verb
    ** taking an infinitive ends it) */
    if (k > lo + 1 && (d->tok[k].flags & PT_TOK_LOWER) && pt_entity_ends_ed(d, k) && tok_word(d, k + 1, "to"))
      break;
    k++;
  }
  if (k > c || k < lo + 2 || k >= lo + 12) return 0;
  if (is_aux_verb(d, k) && is_cue(d, c)) {
    /* "The scheduling was so odd that a spokesman … could only quip:": a
    ** phrase with a verb of its own is not the reporting verb's subject
    ** (a lead-in's may have one: "His answer was long, and worth quoting
    ** in full:") */
    size_t v = k;
    while (v < c && (is_filler(d, v) || is_aux_verb(d, v))) v++;
    if (v < c) return 0;
  }
  a->np_a = lo;
  a->np_b = k;
  return 1;
}

/* Is there a verb at h, past fillers and before c: a lower-case auxiliary,
** a word in -ed, a verb of closedwords.tsv's `verb` class or a reporting
** verb (what makes the phrase before h a clause's subject)? */
static int verb_after(const pt_entity_doc *d, size_t h, size_t c, int para) {
  size_t v = h;
  while (v < c && is_filler(d, v)) v++;
  return v < c && ok_tok(d, v, para) && (d->tok[v].flags & PT_TOK_LOWER) &&
         (is_aux_verb(d, v) || pt_entity_ends_ed(d, v) || (pt_entity_word_class(d, v) & PT_W_VERB) || is_cue(d, v));
}

/* A group opening the clause at lo as its subject: a plural noun with its
** modifiers, a verb right after it ("Hundreds of pro-Sanders demonstrators
** marched …, chanting", "about 200 protesters congregated …, holding signs
** and chanting").  No mention speaks for such a group, so without this the
** participle went to a name later in the clause.  Returns the phrase's end
** (exclusive) or 0. */
static size_t group_subject(const pt_entity_doc *d, size_t lo, size_t c, int para) {
  for (size_t k = lo; k < c && k < lo + 7 && ok_tok(d, k, para) && (d->tok[k].flags & PT_TOK_WORD); k++) {
    const pt_tok *t = &d->tok[k];
    if (k == lo && is_det(d, k)) continue; /* "his supporters", "some protesters" */
    if (t->ment >= 0) {
      /* a name only as a modifier: "Sanders supporters", "pro-Sanders" */
      size_t e = d->ment[t->ment].tok_end;
      if (d->ment[t->ment].type == PT_MENT_PRONOUN || possessive(d, t->ment) || e >= c ||
          !(d->tok[e].flags & PT_TOK_LOWER))
        return 0;
      k = e - 1;
      continue;
    }
    if (is_cue(d, k) || is_aux_verb(d, k) || is_subordinator(d, k) || is_relative(d, k) || is_filler(d, k))
      return 0;
    if (is_function(d, k) && !tok_word(d, k, "of") && !tok_word(d, k, "than")) return 0;
    const char *w = d->text + t->byte_off;
    size_t n = t->byte_len;
    if (k == lo || !(t->flags & PT_TOK_LOWER) || n < 5 || w[n - 1] != 's' || w[n - 2] == 's' || w[n - 2] == 'u' ||
        (pt_entity_word_class(d, k) & (PT_W_VERB | PT_W_FUNCTION | PT_W_DET)))
      continue;
    if (verb_after(d, k + 1, c, para)) return k + 1;
  }
  return 0;
}

/* A possessor's phrase opening the clause at lo as its subject, a verb
** right after it: "Ryan's campaign shrugged off …, telling reporters",
** "Lazar's public defense counsel asked for …, calling".  Returns the
** phrase's end (exclusive) or 0. */
static size_t possessor_subject(const pt_entity_doc *d, size_t lo, size_t c, int para) {
  if (!ok_tok(d, lo, para) || d->tok[lo].ment < 0) return 0;
  int m = d->tok[lo].ment;
  if (d->ment[m].type != PT_MENT_NAME || !possessive(d, m)) return 0;
  size_t k = d->ment[m].tok_end + 2, h = 0; /* past ' s */
  for (; k < c && k < d->ment[m].tok_end + 6 && ok_tok(d, k, para); k++) {
    if (!(d->tok[k].flags & PT_TOK_LOWER) || is_function(d, k) || is_det(d, k) || is_cue(d, k) ||
        is_aux_verb(d, k) || is_filler(d, k) || pt_entity_ends_ed(d, k) || (pt_entity_word_class(d, k) & PT_W_VERB))
      break;
    h = k + 1;
  }
  return h && h < c && verb_after(d, h, c, para) ? h : 0;
}

/* Is the reporting verb (or the colon) at c the writer's: "I" or "we"
** opening its clause a few words before it ("I laughed and said", "that I
** had to change my answer:")? */
static int first_person_before(const pt_entity_doc *d, size_t lo, size_t c) {
  for (size_t k = c, n = 0; k-- > lo && n < 8; n++) {
    if (!(d->tok[k].flags & PT_TOK_WORD) || d->tok[k].ment >= 0 || is_subordinator(d, k)) return 0;
    if (tok_word(d, k, "i") || tok_word(d, k, "we")) return 1;
  }
  return 0;
}

/* Is the verb at c passive: a form of "be" before it (fillers between),
** and not a participle in -ing ("was asked", "was also labeled"; not "is
** calling")? */
static int passive(const pt_entity_doc *d, size_t lo, size_t c) {
  size_t v = c;
  while (v > lo && is_filler(d, v - 1)) v--;
  return v > lo && !pt_entity_ends_ing(d, c) &&
         (tok_word(d, v - 1, "was") || tok_word(d, v - 1, "were") || tok_word(d, v - 1, "is") ||
          tok_word(d, v - 1, "are") || tok_word(d, v - 1, "been") || tok_word(d, v - 1, "being") ||
          tok_word(d, v - 1, "be"));
}

/* Is token j a verb of address whose passive's subject is who was spoken
** to ("asked", "told", "pressed")? */
static int addressed(const pt_entity_doc *d, size_t j) {
  return tok_word(d, j, "asked") || tok_word(d, j, "told") || tok_word(d, j, "questioned") ||
         tok_word(d, j, "pressed") || tok_word(d, j, "warned") || tok_word(d, j, "urged") ||
         tok_word(d, j, "reminded");
}

/* Before the opening mark: the sentence tokens [lo, b]. */
static int attr_before(const pt_entity_doc *d, size_t lo, size_t b, int para, attr *a) {
  if (b >= d->n_tok || b < lo) return 0;
  /* "When Trump suggested that …, Rubio fired back forcefully: “…”": a
  ** reporting verb inside a sentence-opening clause is not the
  ** quotation's when the main clause has words before the mark */
  size_t from = lo, main = past_fronted(d, lo, b + 1, para);
  if (main > lo && main <= b && (d->tok[main].flags & PT_TOK_WORD) && !(d->tok[main].flags & PT_TOK_INQ) &&
      !tok_word(d, lo, "according")) /* ("According to X," is the source) */
    from = main;
  for (size_t c = b + 1; c-- > from;) {
    /* a reporting verb before another quotation is that one's */
    if (d->tok[c].flags & PT_TOK_INQ) break;
    if (tok_word(d, c, "according") && tok_word(d, c + 1, "to")) {
      /* (not inside what someone said: "X said Tuesday that according to
      ** its analysis, …, but “…”" is X's) */
      size_t t = c;
      if (t > from && tok_punct(d, t - 1, ',')) t--;
      if (t > from && tok_word(d, t - 1, "that")) continue;
      if (according_to(d, c, para, PT_ATTR_BEFORE, a)) return 1;
      continue;
    }
    if (!is_cue(d, c)) continue;
    {
      /* "Barrett's dictum to his interns (repeated to me over the years)
      ** was, “…”": a verb inside a parenthesis that closes before the
      ** quotation is an aside, not its reporting verb */
      size_t k = c + 1;
      while (k <= b && !tok_punct(d, k, ')') && !tok_punct(d, k, '(')) k++;
      if (k <= b && tok_punct(d, k, ')')) continue;
    }
    {
      /* "Trump was asked, “…”", "he was told:": the subject of a passive
      ** verb of address was spoken to; the speaker is the agent after
      ** "by", or unknown (no other rule may take the subject) */
      size_t v = c;
      while (v > lo && is_filler(d, v - 1)) v--;
      if (addressed(d, c) && passive(d, lo, c)) {
        attr t = *a;
        if (tok_word(d, c + 1, "by") && speaker_after_cue(d, c + 1, para, &t) && t.ment >= 0 &&
            d->ment[t.ment].type != PT_MENT_PRONOUN)
          a->ment = t.ment;
        /* (or "According to the playbook, salespersons were told, “…”") */
        for (size_t k = lo; a->ment < 0 && k + 2 < v; k++)
          if (tok_word(d, k, "according") && tok_word(d, k + 1, "to")) {
            if (!according_to(d, k, para, PT_ATTR_BEFORE, a)) set_cue(d, a, k), a->how = PT_ATTR_BEFORE;
            return 1;
          }
        set_cue(d, a, c);
        a->how = PT_ATTR_BEFORE;
        return 1;
      }
    }
    int participle = pt_entity_ends_ing(d, c);
    /* "She says Trump's tweets accusing her … are “lies”": a participle
    ** right after a plural noun qualifies it; the reporting verb is before. */
    if (participle && c > lo && (d->tok[c - 1].flags & PT_TOK_LOWER) && d->tok[c - 1].byte_len > 3 &&
        d->text[d->tok[c - 1].byte_off + d->tok[c - 1].byte_len - 1] == 's')
      continue;
    {
      /* "Sen. Marco Rubio of Florida, who mused in the debate that “…”":
      ** the verb of a who-clause is said by the clause's antecedent */
      size_t w = c;
      while (w > lo && is_filler(d, w - 1)) w--;
      /* (or "the Chicago Police Department which reported “…”": a body's
      ** which- or that-clause, the name right before it) */
      int who = w > lo + 2 && tok_word(d, w - 1, "who") && tok_punct(d, w - 2, ','), rel = who;
      /* (a name ending right before it, no place: not "a sign at an exit in
      ** Corona, which read", nor the "that" of "said …, New York, that") */
      size_t ae = w > lo + 2 && tok_punct(d, w - 2, ',') ? w - 2 : w - 1;
      if (!who && w > lo + 2 && (tok_word(d, w - 1, "which") || tok_word(d, w - 1, "who") ||
                                 (tok_word(d, w - 1, "that") && ae == w - 1))) {
        int m = ae > lo ? d->tok[ae - 1].ment_end : -1;
        rel = m >= 0 && !place_ment(d, m);
      }
      if (rel) {
        attr t = *a;
        if (subject_before(d, ae, lo, para, &t) && t.ment >= 0 &&
            (who || d->ment[t.ment].tok_end == ae) &&
            d->ment[t.ment].type != PT_MENT_PRONOUN) {
          *a = t;
          set_cue(d, a, c);
          a->how = PT_ATTR_BEFORE;
          return 1;
        }
      }
    }
    if (first_person_before(d, lo, c)) return 0; /* "I laughed and said": the writer */
    if (participle && c > lo + 2 && tok_punct(d, c - 1, ',') && ok_tok(d, c - 2, para) && is_cue(d, c - 2) &&
        !pt_entity_ends_ing(d, c - 2)) {
      /* "Comey cannot say that “…,” Lewandowski added, saying it should be
      ** “…”": a participle right after "X added," is X's */
      int m = ok_tok(d, c - 3, para) ? d->tok[c - 3].ment_end : -1;
      if (m >= 0 && d->ment[m].tok_end == c - 2 && !possessive(d, m)) {
        a->ment = m;
        set_cue(d, a, c);
        a->how = PT_ATTR_BEFORE;
        return 1;
      }
    }
    /* (", chanting", "while chanting": a group opening the clause is the
    ** participle's subject, not a name after it) */
    if (c > lo + 1 && participle &&
        (tok_punct(d, c - 1, ',') || tok_word(d, c - 1, "while") || tok_word(d, c - 1, "and") ||
         tok_word(d, c - 1, "shown") || tok_word(d, c - 1, "seen") || tok_word(d, c - 1, "heard"))) {
      size_t f = past_fronted(d, lo, c, para);
      /* (past a fronted place too: "Outside the arena, about 200 protesters") */
      if (f == lo && (pt_entity_word_class(d, lo) & (PT_W_PREP | PT_W_PHRASE)))
        for (size_t k = lo + 1; k < c && k < lo + 16 && ok_tok(d, k, para); k++)
          if (tok_punct(d, k, ',')) {
            f = k + 1;
            break;
          }
      /* (a clause inside it first: "…, where about 50 protesters had
      ** gathered, chanting") */
      size_t g = 0;
      for (size_t k = c - 1; k > f && !g; k--)
        if (tok_word(d, k, "where") || tok_word(d, k, "as") || tok_word(d, k, "when"))
          g = group_subject(d, k + 1, c, para), f = g ? k + 1 : f;
      if (!g) g = group_subject(d, f, c, para);
      if (!g) g = possessor_subject(d, f, c, para);
      if (g) {
        a->ment = -1;
        a->np_a = f, a->np_b = g;
        set_cue(d, a, c);
        a->how = PT_ATTR_BEFORE;
        return 1;
      }
    }
    if (c > lo && ((participle && tok_punct(d, c - 1, ',')) || tok_word(d, c - 1, "and")) &&
        clause_subject(d, lo, c, para, 0, a)) {
      /* "Trump returned the compliment to Adelson, telling Reuters",
      ** "Bush thought for a moment and said": the verb's subject is the
      ** clause's, not the nearest name -- nor a name after a phrase that
      ** opens the clause ("The senator praised Ann Smith and said") */
      attr t = attr_none;
      size_t f = past_fronted(d, lo, c, para), mf = a->ment >= 0 ? d->ment[a->ment].tok_first : 0;
      /* (but "One official said Reid quieted the chatter, telling his
      ** colleagues" is Reid's: the subject of what was said) */
      if (a->ment >= 0 && np_subject(d, f, c, para, &t) && mf >= t.np_b && !tok_punct(d, mf - 1, ',') &&
          !(is_cue(d, mf - 1) && !(pt_entity_word_class(d, mf - 1) & PT_W_OBJECT)) && !tok_word(d, mf - 1, "that")) {
        a->ment = -1;
        a->np_a = t.np_a, a->np_b = t.np_b;
      }
      set_cue(d, a, c);
      a->how = PT_ATTR_BEFORE;
      return 1;
    }
    if (c > lo && tok_punct(d, c - 1, ',')) {
      /* "The paradox of Nancy, says Carl Anthony, historian …, is that": a
      ** reporting verb and a name set off by commas inside the clause (not
      ** "X, who …, told POLITICO, “…”") */
      int m = ment_at(d, c + 1, para);
      if (m >= 0 && d->ment[m].type == PT_MENT_NAME && tok_punct(d, d->ment[m].tok_end, ',') &&
          d->ment[m].tok_end < b) {
        a->ment = m;
        set_cue(d, a, c);
        a->how = PT_ATTR_BEFORE;
        return 1;
      }
    }
    {
      /* "It added, “…”": a body's "it" opening the clause (attribute()
      ** finds what it stands for) */
      size_t v = c;
      while (v > lo && is_filler(d, v - 1)) v--;
      if (v > lo && tok_word(d, v - 1, "it") && (v - 1 == lo || tok_punct(d, v - 2, ',')) &&
          !pt_entity_ends_ing(d, c) && !passive(d, lo, c)) {
        a->ment = -1;
        a->np_a = v - 1, a->np_b = v;
        set_cue(d, a, c);
        a->how = PT_ATTR_BEFORE;
        return 1;
      }
    }
    if (subject_before(d, c, lo, para, a)) {
      set_cue(d, a, c);
      a->how = PT_ATTR_BEFORE;
      return 1;
    }
    if (np_subject(d, lo, c, para, a)) {
      set_cue(d, a, c);
      a->how = PT_ATTR_BEFORE;
      return 1;
    }
    /* The sentence's subject: "Weaver didn't seem impressed, telling
    ** reporters", "Bush thought for a moment and said". */
    for (size_t k = past_fronted(d, lo, c, para); k < c; k++) {
      if (!ok_tok(d, k, para)) continue;
      int m = d->tok[k].ment;
      /* (a name right before another only modifies it: "Former Arkansas
      ** Gov. Mike Huckabee") */
      if (m >= 0 && ok_tok(d, d->ment[m].tok_end, para) && d->tok[d->ment[m].tok_end].ment >= 0 &&
          d->ment[d->tok[d->ment[m].tok_end].ment].type != PT_MENT_PRONOUN)
        continue;
      if (m >= 0 && !possessive(d, m)) {
        a->ment = m;
        set_cue(d, a, c);
        a->how = PT_ATTR_BEFORE;
        return 1;
      }
    }
    {
      /* "said Kerry:" -- but in "King says Ali talked the talk" Ali is
      ** what was said, so the name must end at a colon, a comma or the
      ** opening mark. */
      attr t = *a;
      if ((pt_entity_word_class(d, c) & PT_W_OBJECT) && !passive(d, lo, c) &&
          clause_subject(d, lo, c, para, 0, &t) && t.ment >= 0) {
        /* (a verb whose object follows it: "Mr. Sanders showed no sign of
        ** backing down, releasing a statement that … accused the
        ** leadership of using “…”" is the clause's subject's; not a
        ** passive: "it was labeled “Mostly True.”") */
        *a = t;
        set_cue(d, a, c);
        a->how = PT_ATTR_BEFORE;
        return 1;
      }
      if (speaker_after_cue(d, c, para, &t)) {
        size_t e = t.ment >= 0 ? d->ment[t.ment].tok_end : t.np_b;
        if (e > b || tok_punct(d, e, ':') || tok_punct(d, e, ',')) {
          *a = t;
          set_cue(d, a, c);
          a->how = PT_ATTR_BEFORE;
          return 1;
        }
      }
    }
  }
  if (tok_punct(d, b, ':')) {
    if (first_person_before(d, lo, b)) return 0;
    if (np_subject(d, lo, b, para, a)) {
      /* "The timing of Sanders' surge doesn't surprise Republican pollster
      ** Daron Shaw:": a phrase with no one at its head ("timing": no
      ** title, no name, no plural) gives way to a person named last, right
      ** before the colon, after a verb rather than a preposition */
      size_t hd = a->np_a;
      while (hd + 1 < a->np_b && is_det(d, hd)) hd++;
      const pt_tok *h = &d->tok[hd];
      int m = d->tok[b - 1].ment_end;
      int nobody = (h->flags & PT_TOK_LOWER) && h->ment < 0 && d->text[h->byte_off + h->byte_len - 1] != 's' &&
                   !(pt_entity_lex(d, hd) & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HEAD));
      if (nobody && m >= 0 && d->ment[m].type == PT_MENT_NAME && personish(d, m)) {
        size_t v = d->ment[m].tok_first;
        if (v > a->np_b && ok_tok(d, v - 1, para) && (d->tok[v - 1].flags & PT_TOK_WORD) &&
            !is_function(d, v - 1) && !is_det(d, v - 1) && !(pt_entity_word_class(d, v - 1) & (PT_W_PREP | PT_W_AUX))) {
          a->np_a = a->np_b = 0;
          a->ment = m;
        }
      }
      a->how = PT_ATTR_COLON;
      return 1;
    }
    /* "Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt
    ** message to Trump:": the clause's subject, when a verb follows it,
    ** rather than the last name before the colon */
    attr t = *a;
    size_t f = past_fronted(d, lo, b, para);
    int ok = clause_subject(d, lo, b, para, 0, &t) && t.ment >= 0 &&
             d->ment[t.ment].type != PT_MENT_PRONOUN && personish(d, t.ment) &&
             d->ment[t.ment].tok_first >= f && d->ment[t.ment].tok_first <= f + 3;
    /* (only modifiers before it: "Board chairwoman Greta Solvang") */
    for (size_t k = f; ok && k < d->ment[t.ment].tok_first; k++)
      if (!(d->tok[k].flags & PT_TOK_WORD) || is_function(d, k) || is_det(d, k)) ok = 0;
    if (ok) {
      size_t v = d->ment[t.ment].tok_end;
      if (tok_punct(d, v, ',')) { /* an appositive: ", R-Ky.," ", a doctor," */
        size_t e = v + 1;
        while (e < v + 12 && ok_tok(d, e, para) && !tok_punct(d, e, ',')) e++;
        v = tok_punct(d, e, ',') ? e + 1 : v;
      }
      while (v < b && is_filler(d, v)) v++;
      if (v < b && (d->tok[v].flags & PT_TOK_LOWER) && !is_function(d, v) && !is_det(d, v)) {
        *a = t;
        a->how = PT_ATTR_COLON;
        return 1;
      }
    }
    for (size_t k = b; k-- > lo;) {
      if (!ok_tok(d, k, para)) break;
      int m = d->tok[k].ment_end;
      if (m >= 0 && d->ment[m].type != PT_MENT_PRONOUN) {
        /* (not a place, nor a name a preposition governs: "visiting the
        ** headquarters in New York … with a simple message:", "later that
        ** month on CNN:" -- but "And from Chairwoman Rosenworcel:") */
        /* ("with Trump reportedly yelling:" is Trump's) */
        size_t mf = d->ment[m].tok_first, v = d->ment[m].tok_end;
        while (v < b && is_filler(d, v)) v++;
        int ing = v < b && (d->tok[v].flags & PT_TOK_LOWER) && pt_entity_ends_ing(d, v);
        if (place_ment(d, m) ||
            (mf > lo && (d->tok[mf - 1].flags & PT_TOK_LOWER) && (pt_entity_word_class(d, mf - 1) & PT_W_OBJPREP) &&
             !tok_word(d, mf - 1, "from") && !(tok_word(d, mf - 1, "with") && ing)))
          continue;
        a->ment = m;
        a->how = PT_ATTR_COLON;
        return 1;
      }
    }
  }
  return 0;
}

/* First token of the sentence holding token b (bounded look back). */
static size_t sentence_start(const pt_entity_doc *d, size_t b, int para) {
  size_t lo = b;
  while (lo > 0 && b - lo < 60) {
    const pt_tok *t = &d->tok[lo];
    if (t->flags & (PT_TOK_SENT | PT_TOK_PARA)) break;
    if (!ok_tok(d, lo - 1, para)) {
      /* a quoted title or phrase inside the sentence does not end it */
      if (lo < 2 || d->tok[lo - 1].para != para || !(d->tok[lo - 1].flags & PT_TOK_INQ) ||
          (d->tok[lo - 1].flags & (PT_TOK_SENT | PT_TOK_PARA)) || !ok_tok(d, lo - 2, para) ||
          (d->tok[lo - 2].flags & PT_TOK_STOP))
        break;
    }
    lo--;
  }
  return lo;
}

/* The end of the phrase [a, b) without dangling words: a phrase cut off at
** a mark or a bound names "the authors" for "the authors of the “…”" and
** "A coalition" for "A coalition of nearly"; a number stays ("the mother
** of three"), and two words always do. */
static size_t phrase_end(const pt_entity_doc *d, size_t a, size_t b) {
  while (b > a + 2 && (d->tok[b - 1].flags & PT_TOK_LOWER) &&
         ((is_function(d, b - 1) && !is_det(d, b - 1)) || (pt_entity_word_class(d, b - 1) & PT_W_ART) ||
          is_subordinator(d, b - 1) || is_aux_verb(d, b - 1) || is_filler(d, b - 1) ||
          (pt_entity_word_class(d, b - 1) & PT_W_PREP)))
    b--;
  return b;
}

static void fill_speaker(pt_quote_list *l, pt_quote *q, const attr *a) {
  const pt_entity_doc *d = &l->ents;
  q->how = a->how;
  if (a->cue_b > a->cue_a) {
    q->cue_off = d->tok[a->cue_a].byte_off;
    q->cue_len = d->tok[a->cue_b - 1].byte_off + d->tok[a->cue_b - 1].byte_len - q->cue_off;
  }
  if (a->ment >= 0) {
    const pt_mention *m = &d->ment[a->ment];
    q->spk_off = m->byte_off;
    q->spk_len = m->byte_len;
    q->ent = m->ent;
    if (m->ent >= 0) {
      const pt_entity *e = &d->ent[m->ent];
      q->name_off = e->name_off;
      q->name_len = e->name_len;
      q->role_off = e->role_off;
      q->role_len = e->role_len;
    }
  } else if (a->prev_it > 0) {
    /* "It added, “…”": the pronoun as the mention, the body or phrase that
    ** spoke before as the speaker */
    const pt_quote *p = &l->q[a->prev_it - 1];
    q->spk_off = d->tok[a->np_a].byte_off;
    q->spk_len = d->tok[a->np_b - 1].byte_off + d->tok[a->np_b - 1].byte_len - q->spk_off;
    q->ent = p->ent;
    q->name_off = p->name_off, q->name_len = p->name_len;
    q->role_off = p->role_off, q->role_len = p->role_len;
  } else if (a->ref_b > a->ref_a) {
    /* "“…,” they argued": the pronoun as the mention, the words naming the
    ** group as the speaker ("Autor and Dorn") */
    q->spk_off = d->tok[a->np_a].byte_off;
    q->spk_len = d->tok[a->np_b - 1].byte_off + d->tok[a->np_b - 1].byte_len - q->spk_off;
    size_t rb = phrase_end(d, a->ref_a, a->ref_b);
    q->name_off = d->tok[a->ref_a].byte_off;
    q->name_len = d->tok[rb - 1].byte_off + d->tok[rb - 1].byte_len - q->name_off;
  } else if (a->body > 0) {
    /* "“…,” it recommended": the pronoun as the mention, the body it
    ** stands for as the speaker */
    const pt_entity *e = &d->ent[d->ment[a->body - 1].ent];
    q->spk_off = d->tok[a->np_a].byte_off;
    q->spk_len = d->tok[a->np_b - 1].byte_off + d->tok[a->np_b - 1].byte_len - q->spk_off;
    q->ent = d->ment[a->body - 1].ent;
    q->name_off = e->name_off, q->name_len = e->name_len;
    q->role_off = e->role_off, q->role_len = e->role_len;
  } else if (a->np_b > a->np_a) {
    size_t nb = phrase_end(d, a->np_a, a->np_b);
    /* "The first incident came during a speech …, shouting “…”", "The
    ** dispute centers on …": a phrase whose head (its last word, or the
    ** word before "of" or another preposition) never speaks names no one */
    size_t head = nb - 1;
    for (size_t k = a->np_a + 1; k < nb; k++)
      if (tok_word(d, k, "of") || (pt_entity_word_class(d, k) & PT_W_PREP)) {
        head = k - 1;
        break;
      }
    if ((d->tok[head].flags & PT_TOK_LOWER) && (pt_entity_word_class_rare(d, head) & PT_W_MUTE)) return;
    q->spk_off = d->tok[a->np_a].byte_off;
    q->spk_len = d->tok[nb - 1].byte_off + d->tok[nb - 1].byte_len - q->spk_off;
    q->name_off = q->spk_off;
    q->name_len = q->spk_len;
    /* "His answer was long, and worth quoting in full:" -- a noun phrase
    ** owned by "his"/"her" speaks for its owner: the latest person of that
    ** gender before it. */
    const pt_tok *t0 = &d->tok[a->np_a];
    const char *w = d->text + t0->byte_off;
    char g = 0;
    if (t0->byte_len == 3 && (w[0] | 0x20) == 'h' && (w[1] | 0x20) == 'i' && (w[2] | 0x20) == 's') g = 'm';
    if (t0->byte_len == 3 && (w[0] | 0x20) == 'h' && (w[1] | 0x20) == 'e' && (w[2] | 0x20) == 'r') g = 'f';
    /* (not a plural: "his supporters chanted" are not he) */
    const pt_tok *tl = &d->tok[nb - 1];
    const char *wl = d->text + tl->byte_off;
    if ((tl->flags & PT_TOK_LOWER) && tl->byte_len > 3 && wl[tl->byte_len - 1] == 's' && wl[tl->byte_len - 2] != 's')
      g = 0;
    for (size_t k = a->np_a, n = 0; g && k > 0 && n < 120; k--, n++) {
      int m = d->tok[k - 1].ment;
      if (m < 0 || (d->tok[k - 1].flags & PT_TOK_INQ)) continue;
      int e = d->ment[m].ent;
      if (e < 0 || d->ent[e].gender != g) continue;
      q->ent = e;
      q->name_off = d->ent[e].name_off, q->name_len = d->ent[e].name_len;
      q->role_off = d->ent[e].role_off, q->role_len = d->ent[e].role_len;
      break;
    }
  }
}

static void copy_speaker(pt_quote *q, const pt_quote *from, int how) {
  q->how = how;
  q->ent = from->ent;
  q->spk_off = from->spk_off, q->spk_len = from->spk_len;
  q->name_off = from->name_off, q->name_len = from->name_len;
  q->role_off = from->role_off, q->role_len = from->role_len;
}

/* The quotation's last character but spaces, or 0. */
static int content_end(const char *s, const pt_quote *q) {
  size_t e = q->byte_off + q->byte_len;
  while (e > q->byte_off && is_ws((unsigned char)s[e - 1])) e--;
  return e > q->byte_off ? s[e - 1] : 0;
}

static int is_stop_char(int c) { return c == '.' || c == '?' || c == '!'; }

/* A quotation inside a sentence that ends with its attribution: "Couple
** global exposure with a “candidate who is a lightning rod” and
** Clevelanders get nervous, said Christine Link." -- the first comma after
** the quotation (token j on), before the sentence ends, that starts an
** attribution running to the end.  Another quotation inside the sentence
** does not end it: "Fundraising was “stagnant for a month” as donors
** waited to see how a “turbulent election cycle” played out, he said." */
static int attr_sentence_end(const pt_entity_doc *d, size_t j, int para, attr *a) {
  for (size_t k = j; k < j + 40 && k < d->n_tok && d->tok[k].para == para; k++) {
    const pt_tok *t = &d->tok[k];
    if (t->flags & PT_TOK_STOP) return 0;
    if (t->flags & PT_TOK_INQ) {
      /* (one that ends its sentence ends the search) */
      if (k + 1 < d->n_tok && (d->tok[k + 1].flags & PT_TOK_SENT)) return 0;
      continue;
    }
    if (tok_punct(d, k, ';') || tok_punct(d, k, ':')) return 0;
    if (k > j && tok_punct(d, k, ',')) {
      attr t2 = *a;
      /* (a reporting verb, "according to", or a verb in the past -- "Mr.
      ** Kasich forcefully differed." -- but "…, and promoting Trump-branded
      ** steaks, wine and water." is no attribution) */
      if (attr_after(d, k, para, '.', &t2) && t2.how == PT_ATTR_AFTER &&
          (is_cue(d, t2.cue_a) || tok_word(d, t2.cue_a, "according") || pt_entity_ends_ed(d, t2.cue_a))) {
        *a = t2;
        return 1;
      }
    }
  }
  return 0;
}

/* A transcript turn's label opening the quotation, "“PENCE: Well, look,
** …" or "“MR. TRUMP: …": up to four upper-case words of 2 to 24 letters
** and a colon.  Sets its span and returns 1, or returns 0. */
static int turn_label(const char *s, const pt_quote *q, size_t *lab_off, size_t *lab_len) {
  size_t k = q->byte_off, e = q->byte_off + q->byte_len;
  while (k < e && k < q->byte_off + 8 && is_ws((unsigned char)s[k])) k++;
  size_t start = k;
  for (int words = 0;; words++) {
    size_t w = k;
    while (k < e && k < w + 25 && ((s[k] >= 'A' && s[k] <= 'Z') || s[k] == '\'' || s[k] == '-')) k++;
    if (k - w < 2 || k - w > 24) return 0;
    if (k < e && s[k] == '.') k++; /* "MR." */
    if (k < e && s[k] == ':') break;
    if (words == 3 || !(k + 1 < e && s[k] == ' ' && s[k + 1] >= 'A' && s[k + 1] <= 'Z')) return 0;
    k++;
  }
  /* (a space, or a no-break space as in "RAMOS:" U+00A0 " Secretary Clinton") */
  if (k + 1 >= e || !(is_ws((unsigned char)s[k + 1]) || ((unsigned char)s[k + 1] == 0xC2 && k + 2 < e &&
                                                        (unsigned char)s[k + 2] == 0xA0)))
    return 0;
  *lab_off = start;
  *lab_len = k - start;
  return 1;
}

/* Is the quotation only a parenthesis or brackets, a transcript's "(CROSSTALK.)",
** "(APPLAUSE)" or "[inaudible]"? */
static int stage_direction(const char *s, const pt_quote *q) {
  size_t k = q->byte_off, e = q->byte_off + q->byte_len;
  while (k < e && is_ws((unsigned char)s[k])) k++;
  while (e > k && (is_ws((unsigned char)s[e - 1]) || s[e - 1] == '.')) e--;
  return e > k + 1 && ((s[k] == '(' && s[e - 1] == ')') || (s[k] == '[' && s[e - 1] == ']')) &&
         !memchr(s + k + 1, s[k], e - k - 1);
}

/* Where the last word of s[off, off+len) starts ("TRUMP" of "MR. TRUMP"). */
static size_t last_word(const char *s, size_t off, size_t len) {
  size_t w = off + len;
  while (w > off && s[w - 1] != ' ') w--;
  return w;
}

/* The person a turn's label names: one whose canonical name ends with the
** label's last word ("PENCE", "MR. TRUMP"), the latest mentioned before
** byte `before`, else any.  -1 when none.  (Bounded: transcripts are
** short next to the mentions a text can have.) */
static int turn_person(const pt_entity_doc *d, size_t before, size_t lab_off, size_t lab_len) {
  const char *s = d->text;
  size_t w0 = last_word(s, lab_off, lab_len), wn = lab_off + lab_len - w0;
  for (int pass = 0; pass < 2; pass++) {
    size_t seen = 0;
    for (size_t m = d->n_ment; m-- > 0 && seen < 4096; seen++) {
      const pt_mention *mm = &d->ment[m];
      if (mm->ent < 0 || mm->type == PT_MENT_PRONOUN || (pass == 0 && mm->byte_off > before)) continue;
      const pt_entity *en = &d->ent[mm->ent];
      if (en->type != PT_ENT_PERSON || en->place || en->name_len < wn) continue;
      size_t ne = en->name_off + en->name_len;
      if (!strncasecmp(s + ne - wn, s + w0, wn) && (en->name_len == wn || s[ne - wn - 1] == ' ')) return mm->ent;
    }
  }
  return -1;
}

/* Who the sentence ending before token o is about, for an "it" or a
** "they" after it: its opening subject when that is an organisation
** ("Still, the Business Council of British Columbia opposed an increase.
** ¶ “…,” it recommended."; returns the mention); for "they" (`plural`)
** also two names joined by "and" or a noun phrase in the plural ("Autor
** and Dorn found …", "The authors of the report argue …"), set as the
** span [*ra, *rb) of tokens.  -1 when it is none of these. */
static int referent_before(const pt_entity_doc *d, size_t o, int plural, size_t *ra, size_t *rb) {
  *ra = *rb = 0;
  if (o == 0 || (d->tok[o - 1].flags & PT_TOK_INQ)) return -1;
  size_t b = o - 1;
  int para = d->tok[b].para;
  size_t lo = sentence_start(d, (d->tok[b].flags & PT_TOK_STOP) && b > 0 ? b - 1 : b, para);
  size_t f0 = past_fronted(d, lo, b + 1, para);
  attr t = attr_none;
  /* (the subject opening the sentence, maybe after a fronted phrase or a
  ** short adverbial, "Still, the …"; not a name inside a phrase: "A
  ** coalition of 40 groups - including the American Academy of …") */
#define OPENS(f) ((f) == lo || (f) == f0 || ((f) > lo && (f) <= lo + 4 && tok_punct(d, (f) - 1, ',')))
  if (clause_subject(d, lo, b + 1, para, 0, &t) && t.ment >= 0) {
    size_t f = d->ment[t.ment].tok_first;
    int e = d->ment[t.ment].ent;
    if (OPENS(f) && e >= 0 && d->ent[e].type == PT_ENT_ORG) return t.ment;
    if (plural && f >= lo + 2 && tok_word(d, f - 1, "and") && d->tok[f - 2].ment_end >= 0 &&
        d->ment[t.ment].type == PT_MENT_NAME && !place_ment(d, t.ment)) {
      /* (two names, one of them a person's) */
      int m1 = d->tok[f - 2].ment_end;
      if (d->ment[m1].type == PT_MENT_NAME && !place_ment(d, m1) && (personish(d, m1) || personish(d, t.ment)) &&
          OPENS(d->ment[m1].tok_first)) {
        *ra = d->ment[m1].tok_first, *rb = d->ment[t.ment].tok_end;
        return -1;
      }
    }
  }
  if (np_subject(d, f0, b + 1, para, &t) && t.np_b > t.np_a + 1) {
    /* the head noun: the last word before "of" or a name ("The authors
    ** of the Growth and Opportunity Project"), in the plural for "they"
    ** and in the singular, no title, for "it" ("A coalition of nearly 40
    ** groups sent a letter.") */
    size_t h = t.np_a + 1;
    while (h + 1 < t.np_b && (d->tok[h + 1].flags & PT_TOK_WORD) && d->tok[h + 1].ment < 0 && !is_function(d, h + 1))
      h++;
    const pt_tok *ht = &d->tok[h];
    int pl = ht->byte_len > 3 && d->text[ht->byte_off + ht->byte_len - 1] == 's' &&
             d->text[ht->byte_off + ht->byte_len - 2] != 's';
    if (ht->ment < 0 && (ht->flags & PT_TOK_LOWER) && (plural ? pl : !pl && !(pt_entity_lex(d, h) & (PT_LEX_TITLE_ROLE | PT_LEX_PRONOUN))) &&
        !pt_entity_possessive(d, h + 1) && !pt_entity_possessive(d, t.np_b)) /* (not cut at "the county's …") */
      *ra = t.np_a, *rb = t.np_b;
  }
  if (!plural && *rb <= *ra && f0 + 4 < b && (d->tok[f0].flags & PT_TOK_WORD) && pt_entity_possessive(d, f0 + 1)) {
    /* "Thursday's memo from the panel seemed aimed at …", "Ryan's office
    ** released a statement": a possessor and a singular noun, no title */
    size_t h = f0 + 3;
    if (h + 1 < b && (d->tok[h].flags & PT_TOK_LOWER) && (d->tok[h + 1].flags & PT_TOK_LOWER) && !is_function(d, h + 1) &&
        !is_aux_verb(d, h + 1) && !pt_entity_ends_ed(d, h + 1) && !is_cue(d, h + 1) &&
        !(pt_entity_word_class(d, h + 1) & (PT_W_VERB | PT_W_FILLER)))
      h++; /* ("Ryan's campaign office") */
    const pt_tok *ht = &d->tok[h];
    const char *w = d->text + ht->byte_off;
    if ((ht->flags & PT_TOK_LOWER) && ht->ment < 0 && ht->byte_len > 2 && w[ht->byte_len - 1] != 's' &&
        !is_function(d, h) && !is_cue(d, h) && !(pt_entity_lex(d, h) & (PT_LEX_TITLE_ROLE | PT_LEX_PRONOUN)))
      *ra = f0, *rb = h + 1;
  }
#undef OPENS
  return -1;
}

/* What the "it" of attribution *a stands for: the organisation or the
** singular phrase that the sentence ending before token o opens with ("A
** coalition of 40 groups sent a letter. ¶ “…,” it said."), else the
** speaker of the quotation before, prev, when that is no person and it is in
** the same paragraph or the one before ("“…,” the company wrote. ¶ It
** added, “…”").  Returns 0 (no attribution) when it is neither. */
static int it_referent(const pt_quote_list *l, const pt_quote *q, int prev, size_t o, attr *a) {
  const pt_entity_doc *d = &l->ents;
  size_t ra, rb;
  a->body = 1 + referent_before(d, o, 0, &ra, &rb);
  if (a->body) return 1;
  if (rb > ra) { /* a phrase */
    a->ref_a = ra, a->ref_b = rb;
    return 1;
  }
  if (prev >= 0 && o > 0) {
    /* (only when that quotation is in the sentence right before: not past
    ** "The Post reported that Klein said …. It added, “…”") */
    const pt_quote *p = &l->q[prev];
    size_t b = o - 1, ps = sentence_start(d, b > 0 && (d->tok[b].flags & PT_TOK_STOP) ? b - 1 : b, d->tok[b].para);
    int ent = p->ent >= 0 ? p->ent : -1;
    int person = ent >= 0 && d->ent[ent].type == PT_ENT_PERSON;
    if (p->name_len && !person && (p->paragraph == q->paragraph || p->paragraph + 1 == q->paragraph) &&
        pt_entity_tok_at(d, p->byte_off) >= ps) {
      a->prev_it = prev + 1;
      return 1;
    }
  }
  *a = attr_none;
  return 0;
}

/* attr_before(), with an "it" resolved by it_referent() (or no
** attribution). */
static int attr_before_it(const pt_quote_list *l, const pt_quote *q, int prev, size_t lo, size_t b, int para,
                          attr *a) {
  const pt_entity_doc *d = &l->ents;
  if (!attr_before(d, lo, b, para, a)) return 0;
  if (a->ment < 0 && a->np_b == a->np_a + 1 && tok_word(d, a->np_a, "it"))
    return it_referent(l, q, prev, sentence_start(d, a->np_a, para), a);
  return 1;
}

static void attribute(pt_quote_list *l) {
  const pt_entity_doc *d = &l->ents;
  const char *s = d->text;
  int prev_top = -1;        /* previous top-level quotation */
  for (size_t i = 0; i < l->n; i++) {
    pt_quote *q = &l->q[i];
    if (q->depth > 0) continue;
    int para = 0;
    size_t a_tok = pt_entity_tok_at(d, q->close_len ? q->close_off + q->close_len : q->byte_off + q->byte_len);
    size_t o_tok = pt_entity_tok_at(d, q->open_off);
    /* A nickname inside a name (Walter J. “Buddy” Harlan) is nobody's words. */
    if (o_tok < d->n_tok && (d->tok[o_tok].flags & PT_TOK_INQ) && inside_name(d, o_tok)) continue;
    attr a = attr_none;
    int found = 0;
    if (o_tok < d->n_tok) para = d->tok[o_tok].para;
    else if (d->n_tok) para = d->tok[d->n_tok - 1].para;
    /* the paragraph of the opening mark: the first token after it may be in
    ** a later paragraph when the quote is empty; use the token before. */
    if (o_tok > 0 && (o_tok == d->n_tok || d->tok[o_tok].byte_off >= q->byte_off + q->byte_len + 1))
      para = d->tok[o_tok - 1].para;
    /* "what Mr. Hedge called ''the prior economy model,'' the club …": a
    ** reporting verb right before the opening mark speaks first. */
    if (o_tok > 0 && ok_tok(d, o_tok - 1, para) && is_cue(d, o_tok - 1))
      found = attr_before_it(l, q, prev_top, sentence_start(d, o_tok - 1, para), o_tok - 1, para, &a);
    if (!found && q->close_len && a_tok < d->n_tok) {
      found = attr_after(d, a_tok, d->tok[a_tok].para == para ? para : -1, content_end(s, q), &a);
      if (found && a.ment < 0 && a.np_b == a.np_a + 1 && tok_word(d, a.np_a, "it"))
        found = it_referent(l, q, prev_top, o_tok, &a);
    }
    if (!found && o_tok > 2 && q->close_len) {
      /* "including the former presidential candidate Mitt Romney --
      ** ''…'' -- and Fred Goldberg": a quotation set off by dashes right
      ** after a person's name is that person's */
      size_t k = o_tok - 1;
      int dash = (d->tok[k].flags & PT_TOK_DASH) || tok_punct(d, k, '-');
      if (dash && tok_punct(d, k, '-') && tok_punct(d, k - 1, '-')) k--;
      size_t e = dash ? pt_entity_tok_at(d, q->close_off + q->close_len) : 0;
      int dash_after = dash && e + 1 < d->n_tok && ((d->tok[e].flags & PT_TOK_DASH) || tok_punct(d, e, '-'));
      int m = dash && dash_after && k > 0 && ok_tok(d, k - 1, para) ? d->tok[k - 1].ment_end : -1;
      /* (three words or more: not a nickname, Sam Rayburn--"Mr. Sam"--) */
      int spaces = 0;
      for (size_t j = q->byte_off; j < q->byte_off + q->byte_len && spaces < 2; j++) spaces += s[j] == ' ';
      if (m >= 0 && spaces >= 2 && d->ment[m].type == PT_MENT_NAME && personish(d, m) && !possessive(d, m)) {
        a.ment = m;
        a.how = PT_ATTR_BEFORE;
        found = 1;
      }
    }
    /* After "…,” Kerry said. the next quotation continues Kerry rather than
    ** being attributed again by the sentence before it. */
    int after_stop = o_tok > 0 && (d->tok[o_tok - 1].flags & PT_TOK_STOP) && prev_top >= 0 &&
                     l->q[prev_top].paragraph == q->paragraph && l->q[prev_top].spk_len;
    if (!found && o_tok > 0 && ok_tok(d, o_tok - 1, para) && !after_stop) {
      size_t b = o_tok - 1;
      found = attr_before_it(l, q, prev_top, sentence_start(d, b, para), b, para, &a);
    }
    if (!found && q->close_len && a_tok < d->n_tok && d->tok[a_tok].para == para + 1) {
      /* A byline paragraph after the quotation: "- Bernie Sanders." */
      size_t j = a_tok;
      if ((d->tok[j].flags & PT_TOK_DASH) || tok_punct(d, j, '-')) {
        int m = ment_at(d, j + 1, para + 1);
        if (m >= 0 && d->ment[m].type != PT_MENT_PRONOUN) {
          size_t e = d->ment[m].tok_end;
          if (e >= d->n_tok || d->tok[e].para != para + 1 || (d->tok[e].flags & PT_TOK_STOP) ||
              tok_punct(d, e, ',')) {
            a.ment = m;
            a.how = PT_ATTR_BYLINE;
            found = 1;
          }
        }
      }
    }
    /* (not when the quotation ended its sentence: "“…came from.” As it
    ** stands, …, according to the Bureau." is the writer's next sentence) */
    if (!found && q->close_len && a_tok < d->n_tok && d->tok[a_tok].para == para &&
        !((d->tok[a_tok].flags & PT_TOK_SENT) && is_stop_char(content_end(s, q))))
      found = attr_sentence_end(d, a_tok, para, &a);
    q->gap = -1;
    if (found && a.how == PT_ATTR_BEFORE && a.cue_b > 0 && a.cue_b <= o_tok) {
      int g = 0;
      for (size_t k = a.cue_b; k < o_tok; k++)
        if (d->tok[k].flags & PT_TOK_WORD) g++;
      q->gap = g;
    }
    if (found && a.ment >= 0 && d->ment[a.ment].type == PT_MENT_PRONOUN && d->ment[a.ment].ent < 0 &&
        tok_word(d, d->ment[a.ment].tok_first, "they")) {
      /* "“…,” they argued.": the body or the group the sentence before the
      ** pronoun's is about, if any */
      size_t pt = d->ment[a.ment].tok_first, ra, rb, ref = sentence_start(d, pt, d->tok[pt].para);
      int m = referent_before(d, ref < o_tok ? ref : o_tok, 1, &ra, &rb);
      if (m >= 0 || rb > ra) {
        a.np_a = pt, a.np_b = pt + 1, a.ment = -1;
        a.body = m + 1, a.ref_a = ra, a.ref_b = rb;
      }
    }
    if (found) {
      fill_speaker(l, q, &a);
    } else {
      /* The quotation before, in the same paragraph or the previous one. */
      int starts_para = o_tok >= d->n_tok || (d->tok[o_tok].flags & PT_TOK_PARA) ||
                        o_tok == 0 || d->tok[o_tok - 1].para != para;
      int own = 0; /* the quotation's own sentence is about someone */
      if (!starts_para && o_tok > 1 && ok_tok(d, o_tok - 1, para) && !(d->tok[o_tok - 1].flags & PT_TOK_STOP) &&
          prev_top >= 0 && l->q[prev_top].paragraph == q->paragraph) {
        /* "Trump attacked Romney, calling him “a failed candidate.” Romney
        ** fired back in March, attacking Trump for “the greed …”": a new
        ** sentence with a person as its subject is that person's, not the
        ** quotation before's */
        size_t lo = sentence_start(d, o_tok - 1, para);
        const pt_quote *pq = &l->q[prev_top];
        size_t pc = pt_entity_tok_at(d, pq->byte_off);
        if (pc >= lo && pq->close_len) {
          /* "in a clip that Judge Mosman called “distasteful,” Santilli
          ** expressed a desire to “…”": after a quotation and its comma, a
          ** clause of its own */
          size_t pe = pt_entity_tok_at(d, pq->close_off + pq->close_len);
          if (pe < o_tok && tok_punct(d, pe, ',')) lo = pe + 1, pc = 0;
          else if (pe < o_tok && content_end(d->text, pq) == ',') lo = pe, pc = 0;
        }
        attr t = attr_none;
        size_t v = 0;
        if (pc < lo && clause_subject(d, lo, o_tok, para, 0, &t) && t.ment >= 0 &&
            d->ment[t.ment].type == PT_MENT_NAME && personish(d, t.ment) &&
            (d->ment[t.ment].tok_first == lo || d->ment[t.ment].tok_first == past_fronted(d, lo, o_tok, para)) &&
            (v = d->ment[t.ment].tok_end) + 1 < o_tok && (d->tok[v].flags & PT_TOK_LOWER) &&
            /* (an auxiliary may follow: "Reid has gone after Trump as …") */
            (!is_function(d, v) || (pt_entity_word_class(d, v) & PT_W_AUX))) {
          t.how = PT_ATTR_SUBJECT;
          fill_speaker(l, q, &t);
          own = 1;
        }
      }
      if (!own && prev_top >= 0) {
        pt_quote *p = &l->q[prev_top];
        if (p->spk_len && (p->paragraph == q->paragraph ||
                           (starts_para && p->paragraph + 1 == q->paragraph)))
          copy_speaker(q, p, PT_ATTR_CONTINUED);
      }
      if (!q->spk_len && !starts_para && o_tok > 1 && ok_tok(d, o_tok - 1, para) &&
          (d->tok[o_tok - 1].flags & PT_TOK_STOP) && ok_tok(d, o_tok - 2, para)) {
        /* "Not everyone was happy. “…”": the sentence before, when it is
        ** about a person and names no one else speaking. */
        size_t b = o_tok - 2, lo = sentence_start(d, b, para);
        attr t = attr_none;
        if (attr_before_it(l, q, prev_top, lo, b, para, &t) || clause_subject(d, lo, b + 1, para, 0, &t)) {
          int e = t.ment >= 0 ? d->ment[t.ment].ent : -1;
          if (t.how || (e >= 0 && (d->ent[e].person || d->ent[e].gender))) {
            if (!t.how) t.how = PT_ATTR_SUBJECT;
            fill_speaker(l, q, &t);
          }
        }
      }
      if (!q->spk_len && !starts_para && o_tok > 0 && d->tok[o_tok - 1].para == para) {
        /* "This makes it difficult to dislodge misinformation, he said. Good
        ** information can still drive out bad, but only when “the truth is
        ** sexier than the lie.”": the sentence before ends with an
        ** attribution of its own, so the writer is still reporting it. */
        size_t lo = (d->tok[o_tok - 1].flags & PT_TOK_STOP) ? o_tok : sentence_start(d, o_tok - 1, para);
        if (lo > 1 && lo <= o_tok && (d->tok[lo - 1].flags & PT_TOK_STOP) && d->tok[lo - 1].para == para) {
          for (size_t k = lo - 1; k-- > 0 && k + 8 > lo && ok_tok(d, k, para) && !(d->tok[k].flags & PT_TOK_STOP);)
            if (tok_punct(d, k, ',')) {
              attr t = attr_none;
              /* (a short ", he said." or ", said Kerry.": the speaker right
              ** after the comma or the verb, someone the text names -- not an
              ** unresolved "they", nor "…, we heard America shouting.") */
              if (attr_after(d, k, para, '.', &t) && t.how == PT_ATTR_AFTER && is_cue(d, t.cue_a) &&
                  t.cue_b + 1 >= lo && t.ment >= 0 && d->ment[t.ment].ent >= 0 &&
                  (d->ment[t.ment].tok_first == k + 1 || d->ment[t.ment].tok_first == t.cue_b)) {
                t.how = PT_ATTR_CONTINUED;
                fill_speaker(l, q, &t);
              }
              break;
            }
        }
      }
      if (!q->spk_len && !starts_para && o_tok > 2 && ok_tok(d, o_tok - 1, para)) {
        /* "Barrett's dictum to his interns (repeated to me over the years)
        ** was, “…”", "Park's words were: “…”": a person's speech noun
        ** (cues.tsv `noun`) as the subject of "was" before the quotation */
        size_t v = o_tok - 1, lo = 0;
        static const char *const be[] = {"was", "were", "is", "are", NULL};
        /* (a comma or a colon before the mark: "Trump's statement … is
        ** “true,”" describes the statement) */
        if ((tok_punct(d, v, ',') || tok_punct(d, v, ':')) && pt_entity_word_in(d, v - 1, be) &&
            (lo = sentence_start(d, v - 1, para)) < v - 1 && (v = v - 1) > lo)
          for (size_t k = v; k-- > lo && k + 16 > v;) {
            if (tok_punct(d, k, ';')) break;
            int m = d->tok[k].ment_end;
            if (m < 0 || d->ment[m].type != PT_MENT_NAME || !personish(d, m) || !possessive(d, m)) continue;
            size_t n = d->ment[m].tok_end + 2;
            if (n < v && (d->tok[n].flags & PT_TOK_LOWER) && (pt_entity_lex(d, n) & PT_LEX_CUE_NOUN)) {
              attr t = attr_none;
              t.ment = m;
              t.how = PT_ATTR_SUBJECT;
              fill_speaker(l, q, &t);
            }
            break;
          }
      }
      if (!q->spk_len && !starts_para && o_tok > 0 && ok_tok(d, o_tok - 1, para) &&
          !(d->tok[o_tok - 1].flags & PT_TOK_STOP)) {
        /* No reporting verb, but the quotation sits in a sentence about
        ** someone: "Obama released a statement condemning “…”", "McCrory
        ** blamed the court's “…”".  Its subject, when a person or a body. */
        size_t b = o_tok - 1, lo = sentence_start(d, b, para);
        attr t = attr_none;
        /* (a possessor's phrase: "Rubio's campaign sent out a press release
        ** saying Murphy owes “…”" is the campaign's, not Murphy's) */
        size_t f = past_fronted(d, lo, b + 1, para), g = possessor_subject(d, f, b + 1, para), v = g;
        while (g && v < b && is_filler(d, v)) v++;
        /* (not a copula: "Trump's gloomy tone was a jarring contrast to …") */
        if (g && is_aux_verb(d, v) && !pt_entity_ends_ing(d, v + 1) && !pt_entity_ends_ed(d, v + 1)) g = 0;
        if (g && !first_person_before(d, lo, b + 1)) {
          t.np_a = f, t.np_b = g;
          t.how = PT_ATTR_SUBJECT;
          fill_speaker(l, q, &t);
        } else if (!first_person_before(d, lo, (d->tok[b].flags & PT_TOK_PUNCT) ? b : b + 1) &&
            clause_subject(d, lo, b + 1, para, 0, &t) && t.ment >= 0) {
          int e = d->ment[t.ment].ent;
          if (e >= 0 && (d->ent[e].person || d->ent[e].gender || d->ent[e].type == PT_ENT_ORG)) {
            t.how = PT_ATTR_SUBJECT;
            fill_speaker(l, q, &t);
          }
        }
      }
      if (!q->spk_len && starts_para && o_tok > 0 && !(d->tok[o_tok - 1].flags & PT_TOK_INQ) &&
          d->tok[o_tok - 1].para + 1 == para) {
        /* The paragraph before ends "X said:" or "X continued his remarks." */
        size_t b = o_tok - 1;
        int pp = d->tok[b].para;
        size_t lo = sentence_start(d, b > 0 && (d->tok[b].flags & PT_TOK_STOP) ? b - 1 : b, pp);
        if (attr_before_it(l, q, prev_top, lo, b, pp, &a) && (tok_punct(d, b, ':') || a.how == PT_ATTR_BEFORE)) {
          fill_speaker(l, q, &a);
          q->how = PT_ATTR_LEADIN;
        } else if (!(prev_top >= 0 && l->q[prev_top].paragraph == pp)) {
          /* "Howard was not impressed. ¶ “…”": a paragraph that is only a
          ** quotation after one about a person (with no quotation of its own). */
          attr t = attr_none;
          if (clause_subject(d, lo, b + 1, pp, 0, &t) && t.ment >= 0) {
            int e = d->ment[t.ment].ent;
            if (e >= 0 && (d->ent[e].person || d->ent[e].gender)) {
              t.how = PT_ATTR_SUBJECT;
              fill_speaker(l, q, &t);
            }
          }
        }
      }
    }
    prev_top = (int)i;
  }
  /* “A” and “B,” X said: quotations joined by "and", "or" or a comma
  ** share the attribution after the last (back to front, for a list). */
  for (size_t i = l->n; i-- > 1;) {
    const pt_quote *nx = &l->q[i];
    if (nx->depth || nx->how != PT_ATTR_AFTER) continue;
    size_t j = i - 1;
    while (j > 0 && l->q[j].depth) j--;
    pt_quote *q = &l->q[j];
    if (q->depth || q->spk_len || !q->close_len || q->paragraph != nx->paragraph) continue;
    size_t a_tok = pt_entity_tok_at(d, q->close_off + q->close_len), o_tok = pt_entity_tok_at(d, nx->open_off);
    /* (the comma may be inside the marks: “bold,” “fair” and …) */
    if (!(a_tok == o_tok && content_end(d->text, q) == ',') &&
        (a_tok + 1 != o_tok || !ok_tok(d, a_tok, d->tok[a_tok].para) ||
         !(tok_word(d, a_tok, "and") || tok_word(d, a_tok, "or") || tok_punct(d, a_tok, ','))))
      continue;
    copy_speaker(q, nx, PT_ATTR_AFTER);
    q->cue_off = nx->cue_off, q->cue_len = nx->cue_len;
  }
  /* Blocks: every paragraph of a block gets the block's speaker (its
  ** first paragraph's own, found once a block). */
  int blk = 0, src = -1;
  for (size_t i = 0; i < l->n; i++) {
    pt_quote *q = &l->q[i];
    if (!q->block || q->spk_len) continue;
    if (q->block != blk) {
      blk = q->block, src = -1;
      for (size_t j = (size_t)(q->block - 1); j < l->n && l->q[j].block == q->block; j++)
        if (l->q[j].spk_len && l->q[j].how != PT_ATTR_CONTINUED) {
          src = (int)j;
          break;
        }
    }
    if (src >= 0) copy_speaker(q, &l->q[src], PT_ATTR_CONTINUED);
  }
  /* Transcripts (after the blocks' speakers): a turn's label names its
  ** speaker, whoever introduced the transcript. */
  int last_turn = -1; /* the turn before, in the same block */
  /* The last labels' people: a transcript has few speakers, and looking
  ** each turn up again would be quadratic in a long one. */
  struct {
    size_t w, n;
    int ent;
  } seen[8];
  int n_seen = 0, misses = 0;
  for (size_t i = 0; i < l->n; i++) {
    pt_quote *q = &l->q[i];
    size_t lo = 0, ln = 0;
    if (q->depth) continue;
    if (last_turn >= 0 && l->q[last_turn].block != q->block) last_turn = -1;
    int labelled = turn_label(s, q, &lo, &ln);
    int e = -1;
    if (labelled) {
      size_t w = last_word(s, lo, ln), wn = lo + ln - w;
      int c = 0;
      while (c < n_seen && !(seen[c].n == wn && !memcmp(s + seen[c].w, s + w, wn))) c++;
      if (c < n_seen) e = seen[c].ent;
      else if (misses < 64) {
        misses++;
        e = turn_person(d, q->byte_off, lo, ln);
        c = n_seen < 8 ? n_seen++ : (int)(i % 8);
        seen[c].w = w, seen[c].n = wn, seen[c].ent = e;
      }
    }
    if (e < 0 && labelled) {
      /* a label the text names no one by is still a speaker when a turn
      ** near it has it too ("WALLACE:" of a host), but "VIDEO:" once is not */
      int again = 0;
      size_t w = last_word(s, lo, ln);
      for (size_t j = i > 64 ? i - 64 : 0; j < l->n && j < i + 64 && !again; j++) {
        size_t lo2 = 0, ln2 = 0;
        if (j == i || l->q[j].depth || !turn_label(s, &l->q[j], &lo2, &ln2)) continue;
        size_t w2 = last_word(s, lo2, ln2);
        again = lo2 + ln2 - w2 == lo + ln - w && !memcmp(s + w2, s + w, lo + ln - w);
      }
      if (again) {
        if (q->block) last_turn = (int)i;
        q->how = PT_ATTR_TURN;
        q->ent = -1;
        q->spk_off = lo, q->spk_len = ln;
        q->name_off = w, q->name_len = lo + ln - w; /* "WALLACE" of "MR. WALLACE" */
        q->cue_len = q->role_len = 0;
        continue;
      }
    }
    if (e < 0) {
      /* (a paragraph with no label goes on with the turn before it; one
      ** with a label that names no one, or a stage direction, is no one's) */
      if (last_turn >= 0 && !labelled && !stage_direction(s, q)) copy_speaker(q, &l->q[last_turn], PT_ATTR_CONTINUED);
      else if (last_turn >= 0) {
        q->how = PT_ATTR_NONE, q->ent = -1;
        q->spk_len = q->name_len = q->role_len = q->cue_len = 0;
      }
      continue;
    }
    if (q->block) last_turn = (int)i;
    q->how = PT_ATTR_TURN;
    q->ent = e;
    q->spk_off = lo, q->spk_len = ln;
    q->cue_len = 0;
    q->name_off = d->ent[e].name_off, q->name_len = d->ent[e].name_len;
    q->role_off = d->ent[e].role_off, q->role_len = d->ent[e].role_len;
  }
}

/* ====================================================================
** Kinds.
*/
/* Does the sentence end with the quotation ("… was “very optimistic.”")? */
static int ends_sentence(const char *s, size_t n, const pt_quote *q) {
  size_t e = q->byte_off + q->byte_len;
  while (e > q->byte_off && is_ws((unsigned char)s[e - 1])) e--;
  if (e > q->byte_off && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?')) return 1;
  size_t k = q->close_len ? q->close_off + q->close_len : e;
  return k < n && (s[k] == '.' || s[k] == '!' || s[k] == '?');
}

/* Does a new sentence, a new paragraph or the end of the text follow the
** quotation's closing mark? */
static int sentence_after(const char *s, size_t n, const pt_quote *q) {
  if (!q->close_len) return 0;
  size_t k = q->close_off + q->close_len;
  while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
  if (k >= n || s[k] == '\n' || s[k] == '\r') return 1;
  int c = (unsigned char)s[k];
  if (c >= 0x80) {
    size_t adv;
    c = pt_utf8_decode(s + k, n - k, &adv);
    return c == 0x201C || c == 0x00A0 || pt_cp_is_upper(c);
  }
  return (c >= 'A' && c <= 'Z') || c == '"' || c == '(';
}

/* Is the quotation a title by what stands right before it (a comma between
** allowed): "an article titled “…”", or, when it is in title case, a word
** naming a work ("his 2002 book, ''Make Your Kid a Millionaire,''", "the
** anthem “A Change Is Gonna Come”", "a website called “…”", "a shirt that
** read “…”"), "on" or "in" ("said on “The View”"; not "of": "a goal of
** “Peace Through Strength”" is a slogan he gave) or a possessive ("on
** CNN's “State of the Union”")? */
static int names_work(const pt_entity_doc *d, const pt_quote *q, int title_case) {
  /* (pieces of writing often have sentence-case titles) */
  static const char *const named[] = {"titled", "entitled", "headlined", "dubbed", "hashtag", "column",
                                      "op-ed", "editorial", "essay", "commentary", "headline", NULL};
  static const char *const work[] = {"book", "memoir", "novel", "film", "movie", "documentary", "song",
                                     "anthem", "album", "show", "series", "program", "programme",
                                     "podcast", "musical", "called", "read", "on", "in", "the", NULL};
  size_t o = pt_entity_tok_at(d, q->open_off);
  if (o == 0 || o > d->n_tok) return 0;
  size_t j = o - 1;
  if (tok_punct(d, j, ',') && j > 0) j--;
  if (!ok_tok(d, j, d->tok[j].para)) return 0;
  if (pt_entity_word_in(d, j, named)) return 1;
  if (!title_case) return 0; /* "said of the show, ''I don't like it''" */
  if (pt_entity_word_in(d, j, work)) return 1;
  return j > 0 && tok_word(d, j, "s") && pt_entity_possessive(d, j - 1);
}

/* Does the sentence go on right after the closing mark ("“Top secret” is
** the highest level", "“Refoulement” (forcible return)")? */
static int word_follows(const char *s, size_t n, const pt_quote *q) {
  if (!q->close_len) return 0;
  size_t k = q->close_off + q->close_len;
  while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
  return k < n && ((s[k] >= 'a' && s[k] <= 'z') || s[k] == '(');
}

/* Does a byline follow the closing mark: "“Pop-up art show strives to
** confront gentrification,” by DNAinfo's Eddie Small" (an article's
** headline, a title)? */
static int byline_follows(const char *s, size_t n, const pt_quote *q) {
  if (!q->close_len) return 0;
  size_t k = q->close_off + q->close_len;
  while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
  if (!(k + 3 < n && s[k] == 'b' && s[k + 1] == 'y' && s[k + 2] == ' ')) return 0;
  k += 3;
  if (k + 4 < n && !memcmp(s + k, "the ", 4)) k += 4; /* "by the Courier's Lena Ortiz" */
  return k < n && s[k] >= 'A' && s[k] <= 'Z';
}

#ifdef __SSE2__
/* Bit k set when byte k of v is an ASCII letter, digit, ' or - (what goes
** on a word in classify(); signed compares: bytes >= 0x80 fall out). */
static inline unsigned word_mask16(__m128i v) {
  __m128i lo = _mm_or_si128(v, _mm_set1_epi8(0x20));
  __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lo, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lo, _mm_set1_epi8('z' + 1)));
  __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  __m128i inner = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(alpha, digit), inner));
}
#endif

static void classify(pt_quote_list *l) {
  const char *s = l->ents.text;
  size_t n = l->ents.len;
  for (size_t i = 0; i < l->n; i++) {
    pt_quote *q = &l->q[i];
    /* Words, capitalised words and the first letter: only the first 13
    ** words matter (scare < 4, title <= 12), so this stays bounded. */
    int words = 0, caps = 0, longw = 0, first_upper = -1;
    size_t e = q->byte_off + q->byte_len;
    for (size_t j = q->byte_off; j < e && words < 13;) {
      size_t adv = 1;
      int cp = (unsigned char)s[j];
      if (cp >= 0x80) cp = pt_utf8_decode(s + j, e - j, &adv);
      if (!is_wordc(cp)) { j += adv; continue; }
      words++;
      int up = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : pt_cp_is_upper(cp);
      if (first_upper < 0) first_upper = up || (cp >= '0' && cp <= '9');
      size_t k = j + adv;
      int len = 1;
      while (k < e) {
#ifdef __SSE2__
        /* The ASCII run of the word sixteen bytes at a time: its end is a
        ** count of trailing bits, not a branch mispredicted once a word. */
        unsigned m = 0xFFFFu;
        while (k + 16 <= e && (m = word_mask16(_mm_loadu_si128((const __m128i *)(const void *)(s + k)))) == 0xFFFFu)
          k += 16, len += 16;
        if (m != 0xFFFFu) {
          unsigned r = (unsigned)__builtin_ctz(~m);
          k += r;
          len += (int)r;
        }
        if (k >= e) break;
#endif
        int c2 = (unsigned char)s[k];
        size_t a2 = 1;
        if (c2 >= 0x80) c2 = pt_utf8_decode(s + k, e - k, &a2);
        /* ("3,210" and "2.5" are one word each) */
        int num = (c2 == ',' || c2 == '.') && s[k - 1] >= '0' && s[k - 1] <= '9' && k + 1 < e && s[k + 1] >= '0' &&
                  s[k + 1] <= '9';
        if (!is_wordc(c2) && !(c2 == '\'' || c2 == 0x2019 || c2 == '-') && !num) break;
        k += a2;
        len++;
      }
      /* title case leaves short prepositions lower case ("Flip the Script
      ** with Liz Plank") */
      int minor = !up && len == 4 && (!memcmp(s + j, "with", 4) || !memcmp(s + j, "from", 4) ||
                                      !memcmp(s + j, "into", 4) || !memcmp(s + j, "over", 4) ||
                                      !memcmp(s + j, "upon", 4) || !memcmp(s + j, "onto", 4));
      if ((len > 3 && !minor) || up) {
        longw++;
        if (up) caps++;
      }
      j = k;
    }
    q->words = words;
    size_t le = e;
    while (le > q->byte_off && is_ws((unsigned char)s[le - 1])) le--;
    char last = le > q->byte_off ? s[le - 1] : 0;
    int ends_punct = last == '.' || last == ',' || last == '?' || last == '!' || last == ':' || last == ';';
    /* Sentence start before the opening mark? */
    size_t b = q->open_off;
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
    char before = b > 0 ? s[b - 1] : '\n';
    int at_start = before == '\n' || before == ':' || before == '.' || before == ',' || before == '?' || before == '>' ||
                   before == '!' || (unsigned char)before >= 0x80 /* dashes, marks */;
    /* A quotation that is a sentence of its own after a finished one is
    ** speech in any case: "…,” he said. “That’s Jeb Bush and Marco Rubio.”" */
    int after_stop = before == '.' || before == '?' || before == '!';
    /* A bracketed stage direction, “(CROSSTALK.)” in a transcript's block
    ** or “[inaudible]”: nobody's words. */
    if (stage_direction(s, q)) {
      q->kind = PT_QUOTE_SCARE;
      q->how = PT_ATTR_NONE;
      q->ent = -1;
      q->spk_len = q->name_len = q->role_len = q->cue_len = 0;
      continue;
    }
    if (q->block) q->kind = PT_QUOTE_BLOCK;
    else if (q->depth == 0 && words <= 12 && first_upper > 0 && names_work(&l->ents, q, longw > 0 && caps == longw))
      q->kind = PT_QUOTE_TITLE;
    else if (q->depth == 0 && words <= 24 && first_upper > 0 && at_start &&
             !q->cue_len && byline_follows(s, n, q))
      q->kind = PT_QUOTE_TITLE;
    else if ((!q->spk_len || q->how == PT_ATTR_CONTINUED || q->how == PT_ATTR_SUBJECT || q->depth > 0) &&
             words >= 2 && words <= 12 && !(after_stop && last == '.' && sentence_after(s, n, q)) &&
             longw > 1 && caps == longw && last != '?' && last != '!' && (!ends_punct || words < 8))
      q->kind = PT_QUOTE_TITLE;
    else if (q->depth > 0)
      q->kind = PT_QUOTE_SCARE; /* the speaker quoting someone: not a quotation of its own */
    else if (words < 4 && q->how == PT_ATTR_CONTINUED && word_follows(s, n, q))
      q->kind = PT_QUOTE_SCARE; /* “Refoulement” (forcible return) is forbidden: a word, not speech */
    else if (q->mark == PT_MARK_SINGLE && !q->cue_len)
      q->kind = PT_QUOTE_SCARE; /* ‘…’ outside double marks: a headline's or a voice, not reported speech */
    else if (words < 4 && (!q->spk_len || q->how == PT_ATTR_SUBJECT || !(first_upper > 0 && at_start)) &&
             !(q->gap >= 0 && words >= q->gap && words >= 2 && ends_sentence(s, n, q)))
      /* Short and not a sentence of its own -- unless it is most of what
      ** the speaker is reported to have said ("Obama said “there is
      ** love”", "he was “very optimistic”"). */
      q->kind = PT_QUOTE_SCARE;
    else if (first_upper > 0 && at_start) q->kind = PT_QUOTE_FULL;
    else q->kind = PT_QUOTE_PARTIAL;
    if (q->kind == PT_QUOTE_SCARE || q->kind == PT_QUOTE_TITLE) {
      /* A scare quote or a title has no speaker of its own (a scare quote
      ** keeps the one whose words frame it: "Trump called it “rigged”"). */
      if (q->how == PT_ATTR_CONTINUED || q->kind == PT_QUOTE_TITLE) {
        q->how = PT_ATTR_NONE;
        q->ent = -1;
        q->spk_len = q->name_len = q->role_len = q->cue_len = 0;
      }
    }
  }
}

/* ====================================================================
** Entry point.
*/
static int cmp_span(const void *a, const void *b) {
  const pt_span *x = a, *y = b;
  return x->byte_off < y->byte_off ? -1 : x->byte_off > y->byte_off;
}

int pt_quote_extract(pt_quote_list *l, const char *text, size_t len) {
  l->n = 0;
  l->n_spans = l->n_marks = 0;
  int rc = scan_marks(l, text, len);
  if (rc) return rc;
  for (size_t i = 0; i < l->n; i++) {
    pt_quote *q = &l->q[i];
    if (pt_grow((void **)&l->marks, &l->cap_marks, l->n_marks + 2, sizeof(pt_span))) return PT_NOMEM;
    l->marks[l->n_marks++] = (pt_span){q->open_off, q->open_len};
    if (q->close_len) l->marks[l->n_marks++] = (pt_span){q->close_off, q->close_len};
    if (q->depth == 0) {
      if (pt_grow((void **)&l->spans, &l->cap_spans, l->n_spans + 1, sizeof(pt_span))) return PT_NOMEM;
      l->spans[l->n_spans++] = (pt_span){q->byte_off, q->byte_len};
    }
  }
  /* The marks come nearly sorted (a quotation's closing mark is out of
  ** place only before the marks of the quotations inside it): an insertion
  ** sort is linear here and needs no allocation, with qsort() for the
  ** pathological rest. */
  size_t moves = 0;
  for (size_t k = 1; k < l->n_marks && moves <= 4 * l->n_marks + 64; k++) {
    pt_span m = l->marks[k];
    size_t j = k;
    for (; j > 0 && l->marks[j - 1].byte_off > m.byte_off; j--) l->marks[j] = l->marks[j - 1];
    moves += k - j;
    l->marks[j] = m;
  }
  if (moves > 4 * l->n_marks + 64) qsort(l->marks, l->n_marks, sizeof(pt_span), cmp_span);
  if (l->n == 0 && !l->keep_entities) { /* nothing to attribute */
    l->ents.text = text;
    l->ents.len = len;
    l->ents.n_tok = l->ents.n_ment = l->ents.n_ent = 0;
    return PT_OK;
  }
  rc = pt_entity_build(&l->ents, text, len, l->spans, l->n_spans, l->marks, l->n_marks);
  if (rc) return rc;
  attribute(l);
  classify(l);
  return PT_OK;
}
