/*
** pt_utf8.h: small, allocation-free UTF-8 helpers every stage shares.
**
** Decoding never fails: a byte that does not start a valid sequence decodes
** as U+FFFD and advances one byte, so scanners stay linear on any input.
** Character positions follow SQLite's rule (a character starts at every byte
** that is not 10xxxxxx, and at a 10xxxxxx byte that no lead byte's run
** takes: see pt_utf8_char_start()), which equals code points on valid UTF-8
** and keeps substr(text, start, length) exact even on invalid input.
*/
#ifndef PT_UTF8_H
#define PT_UTF8_H

#include <stddef.h>

/* Decodes the code point at s[0..n) (n >= 1), stores its byte length in *adv
** (1 for an invalid byte) and returns it (0xFFFD when invalid). */
int pt_utf8_decode(const char *s, size_t n, size_t *adv);

/* Code point that ends just before byte `off` of s, and its start in *start.
** Returns 0 when off == 0. */
int pt_utf8_decode_prev(const char *s, size_t off, size_t *start);

/* Number of characters (SQLite's counting) in s[0..n), s[0] starting one. */
size_t pt_utf8_chars(const char *s, size_t n);

/* Does a character start at byte off of text, in SQLite's count?  Every
** byte that is not 10xxxxxx does; a 10xxxxxx byte does unless the run of
** them it is in follows a lead byte (>= 0xC0), whose character takes them
** all (SQLite's SQLITE_SKIP_UTF8).  On valid UTF-8: off is a code point's
** first byte. */
int pt_utf8_char_start(const char *text, size_t off);

/* Shrinks the span text[*off..*off + *n) (text is len bytes) to start at a
** character and widens it to end before one, so that SQL's
** substr(text, start, length) gives exactly its bytes even on invalid
** UTF-8.  Valid UTF-8 spans on code point boundaries do not move. */
void pt_utf8_snap(const char *text, size_t len, size_t *off, size_t *n);

/* Byte offsets to character positions over one text, for results that come
** mostly in text order (rows of a table-valued function): each call counts
** only the characters between the last offset asked and this one, in
** either direction.  Start it zeroed, with `text` set. */
typedef struct pt_charpos {
  const char *text; /* borrowed */
  size_t byte;      /* the last offset asked ... */
  long long chars;  /* ... and its 0-based character position */
} pt_charpos;

/* 0-based character position of byte `off` of p->text (off <= its length). */
long long pt_charpos_at(pt_charpos *p, size_t off);

/* Length of the prefix of s[0..n) made of ASCII bytes (below 0x80), and of
** printable ASCII (0x20..0x7F) for pt_utf8_plain_run: the fast paths of
** every scanner, eight bytes at a time. */
size_t pt_utf8_ascii_run(const char *s, size_t n);
size_t pt_utf8_plain_run(const char *s, size_t n);

/* Byte length of a valid UTF-8 prefix of s[0..n): returns n when all valid. */
size_t pt_utf8_valid_prefix(const char *s, size_t n);

/* Character classes through utf8proc's Unicode tables. */
int pt_cp_is_letter(int cp);   /* L* categories */
int pt_cp_is_upper(int cp);    /* Lu or Lt */
int pt_cp_is_lower(int cp);    /* Ll */
int pt_cp_is_digit(int cp);    /* Nd */
int pt_cp_is_space(int cp);    /* Zs/Zl/Zp and ASCII/Latin-1 whitespace */
int pt_cp_is_mark(int cp);     /* M* categories */
int pt_cp_is_word(int cp);     /* letter, mark or digit */
int pt_cp_is_dash(int cp);     /* Pd: - – — etc. */
/* Simple case fold of one code point (lowercase mapping). */
int pt_cp_fold(int cp);
/* Base letter of cp with accents removed ('é' -> 'e'), or cp itself. */
int pt_cp_strip_accent(int cp);

#endif /* PT_UTF8_H */
