/*
** pt_text.c: validation, repair and NFC normalisation (see pt_text.h).
**
** One pass copies the input, repairing bytes and line ends, and notes whether
** any line holds a character that NFC could change.  Only those lines go
** through utf8proc, one line at a time (LF never combines with its
** neighbours, so lines normalise independently): ASCII and typical policy
** text with curly quotes and dashes never pay for normalisation.
*/
#include "pt_text.h"

#include <string.h>
#include <utf8proc.h>

#include "pt_buf.h"
#include "pt_mem.h"
#include "pt_utf8.h"

void pt_text_init(pt_text *t) { memset(t, 0, sizeof *t); }

void pt_text_reset(pt_text *t) {
  pt_free(t->utf8);
  pt_text_init(t);
}

/* Could NFC change a text containing cp?  Everything below U+0300 is stable
** and composes with nothing before it; so is general punctuation and the
** currency block (curly quotes, dashes, ellipsis, euro), except the two
** singletons U+2000/U+2001 which sit below that range. */
static int may_need_nfc(int cp) {
  if (cp < 0x300) return 0;
  if (cp >= 0x2010 && cp <= 0x20CF) return 0;
  if (cp == 0xFFFD || cp == 0xFEFF) return 0;
  return 1;
}

int pt_text_looks_binary(const char *in, size_t n, size_t *bad_off) {
  /* A stray NUL or bad byte in a text file is repaired, not fatal; many of
  ** them in the first 8 KiB mean the file is not text at all. */
  size_t lim = n < 8192 ? n : 8192;
  size_t bad = 0, nul = 0, first = 0;
  for (size_t i = 0; i < lim;) {
    i += pt_utf8_plain_run(in + i, lim - i);
    if (i >= lim) break;
    unsigned char c = (unsigned char)in[i];
    if (c < 0x80) {
      if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
        if (!bad++) first = i;
        nul += c == 0;
      }
      i++;
      continue;
    }
    size_t adv;
    int cp = pt_utf8_decode(in + i, n - i, &adv);
    if (cp == 0xFFFD && adv == 1) {
      if (!bad++) first = i;
    }
    i += adv;
  }
  if (lim && (bad * 10 > lim || nul * 100 > lim || (nul > 0 && lim < 100 && nul * 4 > lim))) {
    *bad_off = first;
    return 1;
  }
  return 0;
}

/* NFC of one line s[0..n) appended to out. */
static void nfc_line(pt_buf *out, const char *s, size_t n) {
  utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  utf8proc_ssize_t need =
      utf8proc_decompose_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                NULL, 0, opt, NULL, NULL);
  if (need < 0) { /* cannot happen on repaired text; keep the line as is */
    pt_buf_put(out, s, n);
    return;
  }
  /* reencode writes UTF-8 in place, which needs up to 4 bytes per code
  ** point: exactly the size of the int32 buffer. */
  utf8proc_int32_t *cps = pt_malloc(((size_t)need + 1) * sizeof *cps);
  if (!cps) {
    out->rc = PT_NOMEM;
    return;
  }
  utf8proc_ssize_t got = utf8proc_decompose_custom(
      (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cps, need, opt, NULL,
      NULL);
  if (got >= 0) got = utf8proc_reencode(cps, got, opt);
  if (got >= 0)
    pt_buf_put(out, cps, (size_t)got);
  else
    pt_buf_put(out, s, n);
  pt_free(cps);
}

int pt_text_make(pt_text *t, const char *in, size_t n, unsigned flags) {
  pt_text_init(t);
  pt_buf b;
  pt_buf_init(&b);
  if (pt_buf_reserve(&b, n + n / 16)) return PT_NOMEM;
  size_t i = 0;
  if ((flags & PT_TEXT_STRIP_BOM) && n >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
    i = 3, t->changed = 1;
  int want_nfc = 0;
  size_t run = i; /* start of the pending run of bytes copied unchanged */
  while (i < n) {
    i += pt_utf8_plain_run(in + i, n - i);
    if (i >= n) break;
    unsigned char c = (unsigned char)in[i];
    if (c >= 0x80) {
      size_t adv;
      int cp = pt_utf8_decode(in + i, n - i, &adv);
      if (cp == 0xFFFD && adv == 1) {
        pt_buf_put(&b, in + run, i - run);
        pt_buf_put(&b, "\xEF\xBF\xBD", 3);
        if (!t->n_invalid++ && !t->n_nul) t->first_bad_off = i;
        t->changed = 1;
        run = ++i;
        continue;
      }
      if (!want_nfc && (flags & PT_TEXT_NFC) && may_need_nfc(cp)) want_nfc = 1;
      i += adv;
      continue;
    }
    if (c == 0) {
      pt_buf_put(&b, in + run, i - run);
      pt_buf_put(&b, "\xEF\xBF\xBD", 3);
      if (!t->n_nul++ && !t->n_invalid) t->first_bad_off = i;
      t->changed = 1;
      run = ++i;
      continue;
    }
    if (c == '\r' && (flags & PT_TEXT_LF)) {
      pt_buf_put(&b, in + run, i - run);
      pt_buf_putc(&b, '\n');
      t->changed = 1;
      i += (i + 1 < n && in[i + 1] == '\n') ? 2 : 1;
      run = i;
      continue;
    }
    i++;
  }
  pt_buf_put(&b, in + run, i - run);
  if (b.rc) {
    pt_buf_reset(&b);
    return PT_NOMEM;
  }
  if (want_nfc) {
    pt_buf nfc;
    pt_buf_init(&nfc);
    pt_buf_reserve(&nfc, b.len + 16);
    const char *s = pt_buf_cstr(&b);
    size_t line = 0;
    while (line < b.len && !nfc.rc) {
      const char *nl = memchr(s + line, '\n', b.len - line);
      size_t end = nl ? (size_t)(nl - s) + 1 : b.len;
      int need = 0;
      for (size_t k = line; k < end;) {
        if ((unsigned char)s[k] < 0x80) {
          k++;
          continue;
        }
        size_t adv;
        if (may_need_nfc(pt_utf8_decode(s + k, end - k, &adv))) {
          need = 1;
          break;
        }
        k += adv;
      }
      if (need)
        nfc_line(&nfc, s + line, end - line);
      else
        pt_buf_put(&nfc, s + line, end - line);
      line = end;
    }
    if (nfc.rc) {
      pt_buf_reset(&nfc);
      pt_buf_reset(&b);
      return PT_NOMEM;
    }
    if (nfc.len != b.len || memcmp(nfc.data, b.data, b.len) != 0) t->changed = 1;
    pt_buf_reset(&b);
    b = nfc;
  }
  if (!t->changed && b.len != n) t->changed = 1;
  t->utf8 = pt_buf_detach(&b, &t->len);
  return t->utf8 ? PT_OK : PT_NOMEM;
}
