/*
** pt_segment.c: paragraphs and sentences (see pt_segment.h for the rules).
**
** How it works: paragraphs are runs of non-blank lines.  Inside each, one
** forward scan stops at sentence punctuation and at line breaks; at each
** stop a decision looks at most a few bytes back (the word before the
** period, at most WORD_MAX bytes) and forward (the next word), so the whole
** walk is linear in the input.  Abbreviations and sentence openers are data:
** sql/lexicons/abbreviations.txt, compiled into pt_segment_lexicon.inc by
** tools/lexicon_inc.awk.
*/
#include "pt_segment.h"

#include <string.h>

#include "pt_err.h"
#include "pt_mem.h"
#include "pt_utf8.h"

/* ====================================================================
** The lexicon.
*/
enum { LEX_TITLE = 1, LEX_NUMBER = 2, LEX_OTHER = 4, LEX_OPENER = 8 };

typedef struct lex_entry {
  const char *word; /* as written, without its final period */
  unsigned char len;
  unsigned char cls; /* one LEX_ value */
} lex_entry;

#include "pt_segment_lexicon.inc"

#define N_LEXICON (sizeof lexicon / sizeof lexicon[0])
#define WORD_MAX 24 /* longer words are never abbreviations */

static int lex_cmp(const char *w, size_t n, const lex_entry *e) {
  size_t m = n < e->len ? n : e->len;
  int c = memcmp(w, e->word, m);
  if (c) return c;
  return n < e->len ? -1 : n > e->len;
}

/* Classes (LEX_ bits) of the word w[0..n): a word may be listed twice. */
static unsigned lex_classes(const char *w, size_t n) {
  size_t lo = 0, hi = N_LEXICON;
  while (lo < hi) { /* first entry >= w */
    size_t mid = lo + (hi - lo) / 2;
    if (lex_cmp(w, n, &lexicon[mid]) > 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  unsigned cls = 0;
  for (; lo < N_LEXICON && lex_cmp(w, n, &lexicon[lo]) == 0; lo++) cls |= lexicon[lo].cls;
  return cls;
}

/* ====================================================================
** Characters.
*/
static int is_hspace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Bytes of the whitespace character at s[i] (ASCII or U+00A0), or 0. */
static size_t space_len(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (is_hspace(c) || c == '\n') return 1;
  if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) return 2;
  return 0;
}

/* 1 when s[i..] starts with the 3-byte UTF-8 sequence b0 b1 b2. */
static int has3(const char *s, size_t n, size_t i, int b0, int b1, int b2) {
  return i + 2 < n && (unsigned char)s[i] == b0 && (unsigned char)s[i + 1] == b1 &&
         (unsigned char)s[i + 2] == b2;
}

/* Bytes of a closing quote or bracket at s[i], or 0. */
static size_t closer_len(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_') return 1;
  if (has3(s, n, i, 0xE2, 0x80, 0x9D) || has3(s, n, i, 0xE2, 0x80, 0x99)) return 3; /* ” ’ */
  if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xBB) return 2;       /* » */
  return 0;
}

/* Bytes of an opening quote or bracket at s[i], or 0. */
static size_t opener_len(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '*' || c == '_') return 1;
  if (has3(s, n, i, 0xE2, 0x80, 0x9C) || has3(s, n, i, 0xE2, 0x80, 0x98)) return 3; /* “ ‘ */
  if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAB) return 2;       /* « */
  return 0;
}

/* ====================================================================
** Line starts: bullets and Markdown headings.
*/

/* End of a bullet marker and the blanks after it at s[k..b), or 0. */
static size_t bullet_end(const char *s, size_t b, size_t k) {
  if (k >= b) return 0;
  size_t j = k;
  unsigned char c = (unsigned char)s[j];
  if (c == '-' || c == '*' || c == '+') {
    j++;
  } else if (has3(s, b, j, 0xE2, 0x80, 0xA2) || has3(s, b, j, 0xE2, 0x96, 0xAA)) { /* • ▪ */
    j += 3;
  } else if (c >= '0' && c <= '9') {
    while (j < b && j - k < 3 && s[j] >= '0' && s[j] <= '9') j++;
    if (j >= b || (s[j] != '.' && s[j] != ')')) return 0;
    j++;
  } else if (c >= 'a' && c <= 'z' && j + 1 < b && s[j + 1] == ')') {
    j += 2;
  } else {
    return 0;
  }
  if (j >= b || !is_hspace((unsigned char)s[j])) return 0;
  while (j < b && is_hspace((unsigned char)s[j])) j++;
  return j < b && s[j] != '\n' ? j : 0; /* a marker alone is not a bullet */
}

/* End of a Markdown heading marker ("## ") at s[k..b), or 0. */
static size_t heading_end(const char *s, size_t b, size_t k) {
  if (k >= b) return 0;
  size_t j = k;
  while (j < b && j - k < 6 && s[j] == '#') j++;
  if (j == k || j >= b || !is_hspace((unsigned char)s[j])) return 0;
  while (j < b && is_hspace((unsigned char)s[j])) j++;
  return j < b && s[j] != '\n' ? j : 0;
}

/* Where the text of a line starting at k begins (after any marker). */
static size_t skip_marker(const char *s, size_t b, size_t k) {
  size_t j = bullet_end(s, b, k);
  if (!j) j = heading_end(s, b, k);
  return j ? j : k;
}

/* 1 when the line s[a..e) reads like a heading: no final punctuation, at
** most 12 words, and Title Case (or at most 5 words). */
static int heading_like(const char *s, size_t a, size_t e) {
  while (e > a && is_hspace((unsigned char)s[e - 1])) e--;
  if (e <= a || e - a > 160) return 0;
  if (strchr(".,;:!?-", s[e - 1])) return 0;
  size_t words = 0, lower_words = 0;
  for (size_t i = a; i < e;) {
    while (i < e && is_hspace((unsigned char)s[i])) i++;
    if (i >= e) break;
    size_t letters = 0;
    int first = 0;
    while (i < e && !is_hspace((unsigned char)s[i])) {
      size_t adv;
      int cp = pt_utf8_decode(s + i, e - i, &adv);
      if (pt_cp_is_letter(cp)) {
        if (!letters) first = cp;
        letters++;
      }
      i += adv;
    }
    words++;
    if (letters >= 4 && pt_cp_is_lower(first)) lower_words++;
  }
  if (words > 12) return 0;
  return lower_words == 0 || words <= 5;
}

/* ====================================================================
** Sentence ends.
*/

/* 1 when the word at s[k..b) is a typical sentence opener. */
static int opener_at(const char *s, size_t b, size_t k) {
  size_t j = k;
  while (j < b && j - k <= WORD_MAX &&
         ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
    j++;
  if (j == k || j - k > WORD_MAX) return 0;
  return (lex_classes(s + k, j - k) & LEX_OPENER) != 0;
}

/* LEX_ classes of the word that ends at the period at `dot`. */
static unsigned word_classes(const char *s, size_t a, size_t dot) {
  size_t w = dot;
  while (w > a && dot - w <= WORD_MAX) {
    size_t st;
    int cp = pt_utf8_decode_prev(s, w, &st);
    if (pt_cp_is_space(cp) || cp == '(' || cp == '[' || cp == '"' || cp == 0x201C ||
        cp == 0x2018 || cp == 0x2014 || cp == '/')
      break;
    w = st;
  }
  if (w == dot || dot - w > WORD_MAX) return 0;
  unsigned cls = lex_classes(s + w, dot - w) & ~(unsigned)LEX_OPENER; /* "A." is an initial */
  if (cls) return cls;
  /* An initial (one capital letter) or dotted letters (D.C, U.S.A). */
  size_t i = w, letters = 0;
  for (;;) {
    size_t adv;
    int cp = pt_utf8_decode(s + i, dot - i, &adv);
    if (!pt_cp_is_upper(cp) && !(letters && pt_cp_is_letter(cp))) return 0;
    i += adv;
    letters++;
    if (i == dot) return LEX_OTHER;
    if (s[i] != '.' || i + 1 >= dot) return 0;
    i++;
  }
}

/* Does the punctuation at s[p..e) (the word before it starting after a)
** end a sentence, given the next text starts at k? */
static int ends_sentence(const char *s, size_t a, size_t p, size_t e, size_t k,
                         size_t b) {
  size_t dots = 0;
  int strong = 0, ellipsis = 0;
  for (size_t i = p; i < e;) {
    if (s[i] == '.') dots++, i++;
    else if (s[i] == ' ') i++;
    else if (s[i] == '!' || s[i] == '?') strong = 1, i++;
    else ellipsis = 1, i += 3; /* U+2026 */
  }
  if (dots >= 2) ellipsis = 1;
  if (bullet_end(s, b, k) || heading_end(s, b, k)) return 1;
  size_t k2 = k, ol;
  while (k2 < b && (ol = opener_len(s, b, k2)) > 0) k2 += ol;
  if (k2 >= b) return 1;
  size_t adv;
  int cp = pt_utf8_decode(s + k2, b - k2, &adv);
  if (pt_cp_is_lower(cp)) return 0;
  if (strong) return 1;
  if (ellipsis) return pt_cp_is_upper(cp);
  unsigned cls = word_classes(s, a, p);
  if (cls & LEX_TITLE) return 0;
  if (cls & LEX_NUMBER) {
    if (pt_cp_is_digit(cp)) return 0;
    if (!(cls & LEX_OTHER)) return 1;
  }
  if (cls & LEX_OTHER) return opener_at(s, b, k2);
  return 1;
}

typedef struct walker {
  pt_segment_cb cb;
  void *ctx;
  size_t paragraph;
} walker;

static int emit(walker *w, const char *s, size_t a, size_t e) {
  size_t sl;
  while (a < e && (sl = space_len(s, e, a)) > 0) a += sl;
  while (e > a) {
    size_t st;
    int cp = pt_utf8_decode_prev(s, e, &st);
    if (!pt_cp_is_space(cp) && cp != '\n') break;
    e = st;
  }
  if (e <= a) return PT_OK;
  pt_segment seg = {a, e - a, w->paragraph};
  return w->cb(w->ctx, &seg);
}

/* Sentences of the paragraph s[a..b) (a and b not at whitespace). */
static int split_paragraph(walker *w, const char *s, size_t a, size_t b) {
  size_t start = skip_marker(s, b, a);
  size_t line_start = a;
  int line_heading = heading_end(s, b, a) != 0;
  size_t i = start;
  int rc = PT_OK;
  while (i < b && rc == PT_OK) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n') {
      size_t k = i + 1;
      while (k < b && is_hspace((unsigned char)s[k])) k++;
      int brk = line_heading || bullet_end(s, b, k) || heading_end(s, b, k);
      if (!brk && start >= line_start && heading_like(s, start, i)) {
        size_t adv;
        int cp = pt_utf8_decode(s + k, b - k, &adv);
        brk = pt_cp_is_upper(cp) || pt_cp_is_digit(cp);
      }
      line_start = k;
      line_heading = heading_end(s, b, k) != 0;
      if (brk) {
        rc = emit(w, s, start, i);
        start = skip_marker(s, b, k);
        i = start;
      } else {
        i = k;
      }
      continue;
    }
    int ell = has3(s, b, i, 0xE2, 0x80, 0xA6);
    if (c != '.' && c != '!' && c != '?' && !ell) {
      i++;
      continue;
    }
    size_t e = i;
    for (;;) {
      if (e < b && (s[e] == '.' || s[e] == '!' || s[e] == '?')) e++;
      else if (has3(s, b, e, 0xE2, 0x80, 0xA6)) e += 3;
      else if (e + 1 < b && s[e] == ' ' && s[e + 1] == '.' && s[e - 1] == '.') e++; /* . . . */
      else break;
    }
    size_t q = e, cl;
    while (q < b && (cl = closer_len(s, b, q)) > 0) q += cl;
    if (q >= b || !space_len(s, b, q)) {
      i = q > e ? q : e;
      continue;
    }
    size_t k = q, sl;
    int newline = 0;
    while (k < b && (sl = space_len(s, b, k)) > 0) newline |= s[k] == '\n', k += sl;
    if (ends_sentence(s, start, i, e, k, b)) {
      rc = emit(w, s, start, q);
      if (newline) {
        line_start = k;
        line_heading = heading_end(s, b, k) != 0;
      }
      start = newline ? skip_marker(s, b, k) : k;
      i = start;
    } else {
      i = q;
    }
  }
  if (rc == PT_OK) rc = emit(w, s, start, b);
  return rc;
}

/* Calls each_para(w, s, a, b) for every paragraph s[a..b). */
static int walk_paragraphs(const char *s, size_t n, walker *w,
                           int (*each_para)(walker *, const char *, size_t, size_t)) {
  size_t i = 0;
  int rc = PT_OK;
  while (i < n && rc == PT_OK) {
    /* Skip blank lines and leading blanks. */
    size_t a = i;
    while (a < n && (is_hspace((unsigned char)s[a]) || s[a] == '\n')) a++;
    if (a >= n) break;
    /* Extend line by line until a blank line. */
    size_t end = a, j = a;
    for (;;) {
      const char *nl = memchr(s + j, '\n', n - j);
      size_t le = nl ? (size_t)(nl - s) : n;
      size_t t = le;
      while (t > j && is_hspace((unsigned char)s[t - 1])) t--;
      size_t h = j;
      while (h < le && is_hspace((unsigned char)s[h])) h++;
      if (h == le) break; /* blank line */
      end = t;
      if (!nl) {
        j = n;
        break;
      }
      j = le + 1;
    }
    w->paragraph++;
    rc = each_para(w, s, a, end);
    i = j > end ? j : end;
  }
  return rc;
}

static int each_paragraph(walker *w, const char *s, size_t a, size_t b) {
  (void)s;
  pt_segment seg = {a, b - a, w->paragraph};
  return w->cb(w->ctx, &seg);
}

int pt_paragraphs_each(const char *s, size_t n, pt_segment_cb cb, void *ctx) {
  walker w = {cb, ctx, 0};
  return walk_paragraphs(s, n, &w, each_paragraph);
}

int pt_sentences_each(const char *s, size_t n, pt_segment_cb cb, void *ctx) {
  walker w = {cb, ctx, 0};
  return walk_paragraphs(s, n, &w, split_paragraph);
}

/* ====================================================================
** Owned arrays.
*/
typedef struct seg_array {
  pt_segment *a;
  size_t n, cap;
} seg_array;

static int push_segment(void *ctx, const pt_segment *seg) {
  seg_array *arr = ctx;
  if (arr->n == arr->cap) {
    size_t cap = arr->cap ? arr->cap * 2 : 16;
    pt_segment *g = pt_realloc(arr->a, cap * sizeof *g);
    if (!g) return PT_NOMEM;
    arr->a = g;
    arr->cap = cap;
  }
  arr->a[arr->n++] = *seg;
  return PT_OK;
}

static int collect(int (*each)(const char *, size_t, pt_segment_cb, void *),
                   const char *s, size_t n, pt_segment **out, size_t *n_out) {
  seg_array arr = {NULL, 0, 0};
  int rc = each(s, n, push_segment, &arr);
  if (rc != PT_OK) {
    pt_free(arr.a);
    arr.a = NULL;
    arr.n = 0;
  }
  *out = arr.a;
  *n_out = arr.n;
  return rc;
}

int pt_paragraphs(const char *s, size_t n, pt_segment **out, size_t *n_out) {
  return collect(pt_paragraphs_each, s, n, out, n_out);
}

int pt_sentences(const char *s, size_t n, pt_segment **out, size_t *n_out) {
  return collect(pt_sentences_each, s, n, out, n_out);
}
