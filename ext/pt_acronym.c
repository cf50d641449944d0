/*
** pt_acronym.c: acronym definitions (see pt_acronym.h for the rules).
**
** How it works: one scan for '('; for each parenthesis closed on the same
** stretch of text, either its content is a short form and the words before
** it are searched for the long form, or the word before it is a short form
** and the content must be its long form.  Matching a short form's letters
** against a run of words is a small memoised search (letters x words, both
** bounded), so each candidate costs a bounded amount of work.
*/
#include "pt_acronym.h"

#include <string.h>

#include "pt_err.h"
#include "pt_mem.h"
#include "pt_utf8.h"

#define MAX_LETTERS 12   /* letters in a short form */
#define MAX_WORDS 24     /* words in a long form */
#define MAX_PAREN 200    /* bytes inside the parentheses */

typedef struct word {
  size_t off, len; /* byte span */
  int func;        /* a function word, which may be skipped */
} word;

static const char *const function_words[] = {
    "a", "an", "and", "at", "by", "da", "das", "de", "del", "der", "des", "di", "du",
    "et", "for", "from", "f\xc3\xbcr", "in", "la", "le", "of", "on", "or", "the", "to",
    "und", "with", NULL};

static int is_function_word(const char *s, size_t len) {
  if (len > 4) return 0;
  char low[5];
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  low[len] = 0;
  for (const char *const *f = function_words; *f; f++)
    if (!strcmp(low, *f)) return 1;
  return 0;
}

/* Letters of a word are word characters; an apostrophe inside keeps the
** word whole (People’s). */
static int is_word_cp(int cp) { return pt_cp_is_word(cp); }
static int is_apostrophe(int cp) { return cp == '\'' || cp == 0x2019; }

/* ====================================================================
** Matching letters to words.
*/
typedef struct matcher {
  const char *s;
  int letters[MAX_LETTERS]; /* folded letters of the short form */
  int m;
  const word *w; /* candidate words */
  int nw;
  signed char memo[MAX_LETTERS + 1][MAX_WORDS + 1]; /* -1 unknown, 0, 1 */
} matcher;

/* Can letters [i..m) be given by words [j..nw)?  Word j: a function word
** may give nothing; otherwise its initial gives letter i, and later letters
** of the word may give the next ones in order.  The last word must give a
** letter. */
static int match_from(matcher *mt, int i, int j) {
  if (j == mt->nw) return i == mt->m;
  if (mt->memo[i][j] >= 0) return mt->memo[i][j];
  int ok = 0;
  const word *w = &mt->w[j];
  if (w->func && j + 1 < mt->nw) ok = match_from(mt, i, j + 1);
  if (!ok && i < mt->m) {
    size_t adv;
    const char *p = mt->s + w->off, *end = p + w->len;
    int cp = pt_cp_fold(pt_cp_strip_accent(pt_utf8_decode(p, (size_t)(end - p), &adv)));
    if (cp == mt->letters[i]) {
      p += adv;
      int k = i + 1;
      ok = match_from(mt, k, j + 1);
      /* Later letters of the same word, in order. */
      while (!ok && k < mt->m && p < end) {
        cp = pt_cp_fold(pt_cp_strip_accent(pt_utf8_decode(p, (size_t)(end - p), &adv)));
        p += adv;
        if (cp == mt->letters[k]) {
          k++;
          ok = match_from(mt, k, j + 1);
        }
      }
    }
  }
  mt->memo[i][j] = (signed char)ok;
  return ok;
}

/* Sets up mt's letters from the short form s[off..off+len); 0 if invalid. */
static int short_form(matcher *mt, const char *s, size_t off, size_t len) {
  if (len < 2 || len > 2 * MAX_LETTERS) return 0;
  int upper = 0;
  mt->m = 0;
  for (size_t i = off; i < off + len;) {
    size_t adv;
    int cp = pt_utf8_decode(s + i, off + len - i, &adv);
    if (pt_cp_is_letter(cp)) {
      if (mt->m == MAX_LETTERS) return 0;
      mt->letters[mt->m++] = pt_cp_fold(pt_cp_strip_accent(cp));
      upper += pt_cp_is_upper(cp);
    } else if (i == off || !(pt_cp_is_digit(cp) || cp == '&' || cp == '.' || cp == '-')) {
      return 0;
    }
    i += adv;
  }
  return upper >= 2 && mt->m >= 2;
}

/* Does words w[0..nw) spell the letters (all of them, first and last word
** giving one)? */
static int spells(matcher *mt, const word *w, int nw) {
  if (nw < 2 || nw > MAX_WORDS || w[0].func) return 0;
  mt->w = w;
  mt->nw = nw;
  memset(mt->memo, -1, sizeof mt->memo);
  return match_from(mt, 0, 0);
}

/* ====================================================================
** Words around a parenthesis.
*/

/* Up to max words ending before byte `end` (stopping at a clause
** boundary), stored nearest-last in out[]; returns how many. */
static int words_before(const char *s, size_t lo, size_t end, word *out, int max) {
  word tmp[MAX_WORDS];
  int n = 0;
  size_t i = end;
  while (i > lo && n < max) {
    size_t st;
    int cp = pt_utf8_decode_prev(s, i, &st);
    if (is_word_cp(cp)) {
      size_t we = i;
      while (i > lo) {
        cp = pt_utf8_decode_prev(s, i, &st);
        if (is_word_cp(cp)) {
          i = st;
        } else if (is_apostrophe(cp) && st > lo) {
          size_t st2;
          if (!is_word_cp(pt_utf8_decode_prev(s, st, &st2))) break;
          i = st;
        } else {
          break;
        }
      }
      tmp[n].off = i;
      tmp[n].len = we - i;
      tmp[n].func = is_function_word(s + i, we - i);
      n++;
      continue;
    }
    if (cp == ',' || cp == ';' || cp == ':' || cp == '(' || cp == ')' || cp == '[' ||
        cp == ']' || cp == '"' || cp == 0x201C || cp == 0x201D || cp == '!' || cp == '?' ||
        cp == '\n')
      break;
    i = st;
  }
  for (int k = 0; k < n; k++) out[k] = tmp[n - 1 - k];
  return n;
}

/* The words of s[a..b); returns how many, or -1 when over max. */
static int words_in(const char *s, size_t a, size_t b, word *out, int max) {
  int n = 0;
  size_t i = a;
  while (i < b) {
    size_t adv;
    int cp = pt_utf8_decode(s + i, b - i, &adv);
    if (!is_word_cp(cp)) {
      if (cp == ',' || cp == ';' || cp == ':' || cp == '(' || cp == '"' || cp == '\n') return -1;
      i += adv;
      continue;
    }
    if (n == max) return -1;
    size_t ws = i;
    while (i < b) {
      cp = pt_utf8_decode(s + i, b - i, &adv);
      if (is_word_cp(cp)) {
        i += adv;
      } else if (is_apostrophe(cp) && i + adv < b) {
        size_t adv2;
        if (!is_word_cp(pt_utf8_decode(s + i + adv, b - i - adv, &adv2))) break;
        i += adv;
      } else {
        break;
      }
    }
    out[n].off = ws;
    out[n].len = i - ws;
    out[n].func = is_function_word(s + ws, i - ws);
    n++;
  }
  return n;
}

/* The short-form token ending at byte `end` (after trimming blanks): its
** start, or `end` when there is none. */
static size_t token_before(const char *s, size_t lo, size_t end, size_t *tok_end) {
  while (end > lo && (s[end - 1] == ' ' || s[end - 1] == '\t')) end--;
  *tok_end = end;
  size_t i = end;
  while (i > lo && end - i <= 2 * MAX_LETTERS) {
    size_t st;
    int cp = pt_utf8_decode_prev(s, i, &st);
    if (!(pt_cp_is_letter(cp) || pt_cp_is_digit(cp) || cp == '&' || cp == '.' || cp == '-'))
      break;
    i = st;
  }
  /* A trailing sentence dot is not part of it; neither are leading dots. */
  while (i < end && (s[i] == '.' || s[i] == '-')) i++;
  return i;
}

int pt_acronyms_each(const char *s, size_t n, pt_acronym_cb cb, void *ctx) {
  matcher mt;
  mt.s = s;
  size_t i = 0;
  while (i < n) {
    const char *open = memchr(s + i, '(', n - i);
    if (!open) break;
    size_t p = (size_t)(open - s);
    i = p + 1;
    /* The closing parenthesis, on the same line and close by. */
    size_t q = p + 1;
    while (q < n && q - p <= MAX_PAREN && s[q] != ')' && s[q] != '(' && s[q] != '\n') q++;
    if (q >= n || s[q] != ')') continue;
    size_t a = p + 1, b = q;
    while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
    if (a == b) continue;
    size_t lo = p > 400 ? p - 400 : 0;
    pt_acronym ac;
    int found = 0;
    if (short_form(&mt, s, a, b - a)) {
      /* Long form (SHORT): the fewest words before that spell it. */
      word w[MAX_WORDS];
      int max = mt.m + 6 < MAX_WORDS ? mt.m + 6 : MAX_WORDS;
      int nw = words_before(s, lo, p, w, max);
      for (int k = nw - 2; k >= 0 && !found; k--) {
        if (w[k].func) continue;
        if (spells(&mt, w + k, nw - k)) {
          found = 1;
          ac.short_off = a;
          ac.short_len = b - a;
          ac.long_off = w[k].off;
          ac.long_len = w[nw - 1].off + w[nw - 1].len - w[k].off;
          ac.byte_off = w[k].off;
        }
      }
    } else {
      /* SHORT (long form). */
      size_t te, ts = token_before(s, lo, p, &te);
      if (ts < te && short_form(&mt, s, ts, te - ts)) {
        word w[MAX_WORDS];
        int nw = words_in(s, a, b, w, MAX_WORDS);
        int k = 0;
        while (k < nw && w[k].func) k++; /* "(the Office of ...)" */
        if (nw > 0 && spells(&mt, w + k, nw - k)) {
          found = 1;
          ac.short_off = ts;
          ac.short_len = te - ts;
          ac.long_off = w[k].off;
          ac.long_len = w[nw - 1].off + w[nw - 1].len - w[k].off;
          ac.byte_off = ts;
        }
      }
    }
    if (found) {
      ac.byte_len = q + 1 - ac.byte_off;
      int rc = cb(ctx, &ac);
      if (rc) return rc;
      i = q + 1;
    }
  }
  return PT_OK;
}

typedef struct ac_array {
  pt_acronym *a;
  size_t n, cap;
} ac_array;

static int push_acronym(void *ctx, const pt_acronym *ac) {
  ac_array *arr = ctx;
  if (arr->n == arr->cap) {
    size_t cap = arr->cap ? arr->cap * 2 : 8;
    pt_acronym *g = pt_realloc(arr->a, cap * sizeof *g);
    if (!g) return PT_NOMEM;
    arr->a = g;
    arr->cap = cap;
  }
  arr->a[arr->n++] = *ac;
  return PT_OK;
}

int pt_acronyms(const char *s, size_t n, pt_acronym **out, size_t *n_out) {
  ac_array arr = {NULL, 0, 0};
  int rc = pt_acronyms_each(s, n, push_acronym, &arr);
  if (rc != PT_OK) {
    pt_free(arr.a);
    arr.a = NULL;
    arr.n = 0;
  }
  *out = arr.a;
  *n_out = arr.n;
  return rc;
}
