/*
** pt_token.c: word tokenizer with utf8proc folding (see pt_token.h).
**
** ASCII takes a fast path (a table lookup per byte); other code points are
** folded through utf8proc_decompose_char and the token is recomposed to NFC
** only when it held a non-ASCII character.
*/
#include "pt_token.h"

#include <string.h>
#include <utf8proc.h>

#include "pt_buf.h"
#include "pt_err.h"
#include "pt_mem.h"
#include "pt_utf8.h"

/* Folded form of s[0..n) appended to out. */
static void fold_into(pt_buf *out, const char *s, size_t n, unsigned flags) {
  size_t start = out->len;
  int non_ascii = 0;
  if (pt_buf_reserve(out, n)) return; /* room for the ASCII fast path */
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (out->len + 1 >= out->cap && pt_buf_reserve(out, 1)) return;
      out->data[out->len++] = (char)((flags & PT_TOK_FOLD) && c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    size_t adv;
    int cp = pt_utf8_decode(s + i, n - i, &adv);
    i += adv;
    non_ascii = 1;
    utf8proc_option_t opt = UTF8PROC_DECOMPOSE;
    if (flags & PT_TOK_FOLD) opt |= UTF8PROC_CASEFOLD;
    if (flags & PT_TOK_NFKC) opt |= UTF8PROC_COMPAT;
    if (flags & PT_TOK_UNACCENT) opt |= UTF8PROC_STRIPMARK;
    utf8proc_int32_t d[16];
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(cp, d, 16, opt, &last);
    if (k < 0 || k > 16) {
      pt_buf_put_cp(out, cp);
      continue;
    }
    for (utf8proc_ssize_t j = 0; j < k; j++) {
      /* STRIPMARK only strips with COMPOSE/DECOMPOSE of whole strings:
      ** drop marks here ourselves. */
      if ((flags & PT_TOK_UNACCENT) && pt_cp_is_mark(d[j])) continue;
      pt_buf_put_cp(out, d[j]);
    }
  }
  if (out->rc) return;
  out->data[out->len] = 0; /* the ASCII path leaves it to here */
  if (!non_ascii) return;
  /* Recompose the token to NFC so equal words have equal bytes. */
  size_t len = out->len - start;
  utf8proc_int32_t *cps = pt_malloc((len + 1) * sizeof *cps);
  if (!cps) {
    out->rc = PT_NOMEM;
    return;
  }
  utf8proc_ssize_t m = 0;
  for (size_t i = start; i < out->len;) {
    size_t adv;
    cps[m++] = pt_utf8_decode(out->data + i, out->len - i, &adv);
    i += adv;
  }
  m = utf8proc_normalize_utf32(cps, m, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  if (m >= 0) {
    out->len = start;
    for (utf8proc_ssize_t j = 0; j < m; j++) pt_buf_put_cp(out, cps[j]);
  }
  pt_free(cps);
}

int pt_token_no_word_chars(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
      return 0;
  }
  return 1;
}

int pt_token_fold(const char *s, size_t n, unsigned flags, pt_buf *out) {
  pt_buf_clear(out);
  fold_into(out, s, n, flags);
  if (!out->data) pt_buf_put(out, "", 0);
  return out->rc;
}

/* 1 for the ASCII letters and digits (a table: one load per byte). */
static const unsigned char ascii_word[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
    ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
    ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1};

static int is_word_slow(const char *s, size_t n, size_t i) {
  size_t adv;
  int cp = pt_utf8_decode(s + i, n - i, &adv);
  return pt_cp_is_word(cp) || pt_cp_is_mark(cp);
}

/* Inline for ASCII, the inner loop's common case. */
static inline int is_word_at(const char *s, size_t n, size_t i) {
  if (i >= n) return 0;
  unsigned char c = (unsigned char)s[i];
  return c < 0x80 ? ascii_word[c] : is_word_slow(s, n, i);
}

static int is_digit_at(const char *s, size_t n, size_t i) {
  return i < n && s[i] >= '0' && s[i] <= '9';
}

/* End of the word run starting at i. */
static size_t word_end(const char *s, size_t n, size_t i) {
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (!ascii_word[c]) break;
      i++;
      continue;
    }
    size_t adv;
    int cp = pt_utf8_decode(s + i, n - i, &adv);
    if (!pt_cp_is_word(cp) && !pt_cp_is_mark(cp)) break;
    i += adv;
  }
  return i;
}

static int all_digits(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return b > a;
}

static int has_digit(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (s[i] >= '0' && s[i] <= '9') return 1;
  return 0;
}

static int is_upper_run(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))) return 0;
  return b > a;
}

#define EMAIL_LOCAL_MAX 64
#define EMAIL_DOMAIN_MAX 255

/* If a compound starts at word [i, e), returns its end (> e), else e. */
static size_t compound_end(const char *s, size_t n, size_t i, size_t e) {
  /* e-mail: word chars and . _ - + then @ then a dotted domain.  The scans
  ** stop at the RFC 5321 limits (64-byte local part, 255-byte domain) so a
  ** long run like "ab.cd.ef..." stays linear (2026-11-25: it was quadratic,
  ** each word rescanning the rest of the run). */
  {
    size_t k = e;
    while (k < n && k - i <= EMAIL_LOCAL_MAX &&
           (is_word_at(s, n, k) || s[k] == '.' || s[k] == '_' || s[k] == '-' || s[k] == '+'))
      k++;
    if (k < n && k - i <= EMAIL_LOCAL_MAX && s[k] == '@' && is_word_at(s, n, k + 1)) {
      size_t d = k + 1, dots = 0;
      while (d < n && d - k <= EMAIL_DOMAIN_MAX &&
             (is_word_at(s, n, d) || ((s[d] == '.' || s[d] == '-') && is_word_at(s, n, d + 1)))) {
        dots += s[d] == '.';
        d++;
      }
      if (dots && d - k <= EMAIL_DOMAIN_MAX) return d;
    }
  }
  size_t end = e;
  /* U.S. / e.g.: single letters separated by dots */
  if (e - i == 1 && e < n && s[e] == '.' && is_word_at(s, n, e + 1) &&
      word_end(s, n, e + 1) == e + 2 && !is_digit_at(s, n, i)) {
    size_t k = e;
    while (k + 2 < n + 1 && s[k] == '.' && is_word_at(s, n, k + 1) &&
           word_end(s, n, k + 1) == k + 2)
      k += 2;
    if (k < n && s[k] == '.') k++;
    return k;
  }
  for (;;) {
    if (end >= n) break;
    char c = s[end];
    size_t nx = end + 1;
    /* Only these join parts: stop before scanning the next word. */
    if (c != '&' && c != '-' && c != '/' && c != '.' && c != ',') break;
    if (!is_word_at(s, n, nx)) break;
    size_t ne = word_end(s, n, nx);
    int ok = 0;
    if (c == '&')
      ok = is_upper_run(s, i, end) && is_upper_run(s, nx, ne) && (end - i) <= 4 && (ne - nx) <= 4;
    else if (c == '-')
      ok = has_digit(s, i, end) || has_digit(s, nx, ne);
    else if (c == '/' || c == '.' || c == ',')
      ok = all_digits(s, i, end) && all_digits(s, nx, ne) &&
           (c != ',' || ne - nx == 3);
    if (!ok) break;
    i = nx; /* the next part is checked against its own predecessor */
    end = ne;
  }
  return end;
}

int pt_tokenize(const char *s, size_t n, unsigned flags, pt_token_cb cb, void *ctx) {
  pt_buf tok; /* one buffer for every token of the call */
  pt_buf_init(&tok);
  int rc = PT_OK;
  size_t i = 0;
  size_t compound_until = 0; /* parts of a compound already reported */
  while (i < n && rc == PT_OK) {
    if (!is_word_at(s, n, i)) {
      size_t adv;
      if ((unsigned char)s[i] < 0x80)
        adv = 1;
      else
        pt_utf8_decode(s + i, n - i, &adv);
      i += adv;
      continue;
    }
    size_t e = word_end(s, n, i);
    if ((flags & PT_TOK_COMPOUND) && i >= compound_until) {
      size_t ce = compound_end(s, n, i, e);
      if (ce > e) {
        tok.len = 0;
        fold_into(&tok, s + i, ce - i, flags);
        if (tok.rc) break;
        rc = cb(ctx, tok.data, tok.len, i, ce - i, PT_TOKEN_COMPOUND);
        compound_until = ce;
        if (rc) break;
      }
    }
    tok.len = 0;
    fold_into(&tok, s + i, e - i, flags);
    if (tok.rc) break;
    rc = cb(ctx, tok.data, tok.len, i, e - i, PT_TOKEN_WORD);
    i = e;
  }
  int nomem = tok.rc;
  pt_buf_reset(&tok);
  return nomem ? PT_NOMEM : rc;
}
