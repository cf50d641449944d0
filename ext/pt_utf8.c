/*
** pt_utf8.c: UTF-8 decoding and character classes (see pt_utf8.h).
*/
#include "pt_utf8.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

size_t pt_utf8_ascii_run(const char *s, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & HIGHS) break;
  }
  while (i < n && (unsigned char)s[i] < 0x80) i++;
  return i;
}

size_t pt_utf8_plain_run(const char *s, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    /* any byte >= 0x80, or any byte < 0x20 */
    if ((w & HIGHS) || ((w - ONES * 0x20) & ~w & HIGHS)) break;
  }
  while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x80) i++;
  return i;
}

int pt_utf8_decode(const char *str, size_t n, size_t *adv) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned c = s[0];
  if (c < 0x80) {
    *adv = 1;
    return (int)c;
  }
  size_t len;
  unsigned cp, min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    *adv = 1;
    return 0xFFFD;
  }
  if (len > n) {
    *adv = 1;
    return 0xFFFD;
  }
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *adv = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *adv = 1;
    return 0xFFFD;
  }
  *adv = len;
  return (int)cp;
}

int pt_utf8_decode_prev(const char *s, size_t off, size_t *start) {
  if (off == 0) {
    *start = 0;
    return 0;
  }
  size_t i = off - 1;
  size_t lim = off >= 4 ? off - 4 : 0;
  while (i > lim && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
  size_t adv;
  int cp = pt_utf8_decode(s + i, off - i, &adv);
  if (i + adv != off) {
    /* The bytes before off are not one valid sequence: step back one byte. */
    *start = off - 1;
    return 0xFFFD;
  }
  *start = i;
  return cp;
}

int pt_utf8_char_start(const char *text, size_t off) {
  const unsigned char *s = (const unsigned char *)text;
  if (off == 0 || (s[off] & 0xC0) != 0x80) return 1;
  /* a continuation byte belongs to the lead byte (>= 0xC0) that the run of
  ** continuation bytes before it follows, else it is a character itself */
  while (off > 0 && (s[off - 1] & 0xC0) == 0x80) off--;
  return off == 0 || s[off - 1] < 0xC0;
}

/* Character starts among text[a..b). */
static size_t chars_between(const char *text, size_t a, size_t b) {
  if (a < b && !pt_utf8_char_start(text, a))
    while (a < b && ((unsigned char)text[a] & 0xC0) == 0x80) a++;
  return pt_utf8_chars(text + a, b - a);
}

long long pt_charpos_at(pt_charpos *p, size_t off) {
  if (off >= p->byte) p->chars += (long long)chars_between(p->text, p->byte, off);
  else p->chars -= (long long)chars_between(p->text, off, p->byte);
  p->byte = off;
  return p->chars;
}

size_t pt_utf8_chars(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  /* Most text: every byte that is not 10xxxxxx starts a character.  A
  ** continuation byte after an ASCII one (Latin-1 passed off as UTF-8)
  ** starts one too, in SQLite's count: then count as SQLite does. */
  size_t count = 0;
  unsigned stray = n && (s[0] & 0xC0) == 0x80;
  for (size_t i = 0; i < n; i++) count += (s[i] & 0xC0) != 0x80;
  for (size_t i = 1; i < n; i++) stray |= ((s[i] & 0xC0) == 0x80) & (s[i - 1] < 0x80);
  if (!stray) return count;
  count = 0;
  for (size_t i = 0; i < n;) {
    count++;
    if (s[i++] >= 0xC0)
      while (i < n && (s[i] & 0xC0) == 0x80) i++;
  }
  return count;
}

void pt_utf8_snap(const char *text, size_t len, size_t *off, size_t *n) {
  size_t a = *off, b = *off + *n;
  while (a < b && !pt_utf8_char_start(text, a)) a++;
  while (b < len && !pt_utf8_char_start(text, b)) b++;
  *off = a;
  *n = b - a;
}

size_t pt_utf8_valid_prefix(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    if ((unsigned char)s[i] < 0x80) {
      i += pt_utf8_ascii_run(s + i, n - i);
      continue;
    }
    size_t adv;
    int cp = pt_utf8_decode(s + i, n - i, &adv);
    if (cp == 0xFFFD && adv == 1) return i;
    i += adv;
  }
  return n;
}

static utf8proc_category_t cat(int cp) {
  return utf8proc_category((utf8proc_int32_t)cp);
}

int pt_cp_is_letter(int cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  utf8proc_category_t c = cat(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int pt_cp_is_upper(int cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = cat(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int pt_cp_is_lower(int cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return cat(cp) == UTF8PROC_CATEGORY_LL;
}

int pt_cp_is_digit(int cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return cat(cp) == UTF8PROC_CATEGORY_ND;
}

int pt_cp_is_space(int cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 9 && cp <= 13);
  if (cp == 0x85 || cp == 0xA0) return 1;
  utf8proc_category_t c = cat(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
         c == UTF8PROC_CATEGORY_ZP;
}

int pt_cp_is_mark(int cp) {
  if (cp < 0x300) return 0;
  utf8proc_category_t c = cat(cp);
  return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int pt_cp_is_word(int cp) {
  if (cp < 0x80)
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
           (cp >= '0' && cp <= '9');
  utf8proc_category_t c = cat(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ND);
}

int pt_cp_is_dash(int cp) {
  if (cp < 0x80) return cp == '-';
  return cat(cp) == UTF8PROC_CATEGORY_PD;
}

int pt_cp_fold(int cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return (int)utf8proc_tolower((utf8proc_int32_t)cp);
}

int pt_cp_strip_accent(int cp) {
  if (cp < 0xC0) return cp;
  utf8proc_int32_t out[8];
  int last = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      (utf8proc_int32_t)cp, out, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK,
      &last);
  if (n >= 1 && n <= 8) return (int)out[0];
  return cp;
}
