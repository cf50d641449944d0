/*
** pt_text.h: bytes in, clean text out (the first stage of the pipeline).
**
** pt_text_make() turns arbitrary bytes into valid UTF-8 that later stages can
** trust: invalid sequences and NUL bytes become U+FFFD (one per bad byte), a
** leading BOM is dropped, CRLF and lone CR become LF, and the result is put
** in Unicode Normalization Form C through utf8proc.  It also sniffs binary
** files so callers can refuse them instead of parsing noise.
**
** Each step is a flag, because positions matter: SQL functions that report
** character positions into the caller's text use PT_TEXT_REPAIR only (which
** keeps every valid character where it was), while the document parser
** asks for the full treatment.
*/
#ifndef PT_TEXT_H
#define PT_TEXT_H

#include <stddef.h>

#include "pt_err.h"

enum {
  PT_TEXT_REPAIR = 0,     /* always: bad bytes and NUL -> U+FFFD */
  PT_TEXT_STRIP_BOM = 1,  /* drop a leading U+FEFF */
  PT_TEXT_LF = 2,         /* CRLF and lone CR -> LF */
  PT_TEXT_NFC = 4,        /* Unicode NFC via utf8proc */
  PT_TEXT_ALL = 7
};

typedef struct pt_text {
  char *utf8;            /* owned (pt_free), NUL-terminated clean text */
  size_t len;            /* its length in bytes */
  size_t n_invalid;      /* invalid bytes replaced */
  size_t n_nul;          /* NUL bytes replaced */
  size_t first_bad_off;  /* input byte offset of the first replaced byte */
  int changed;           /* 1 when utf8 differs from the input bytes */
} pt_text;

/* Initialises t to empty; no allocation. */
void pt_text_init(pt_text *t);
/* Frees t->utf8 and re-initialises t. */
void pt_text_reset(pt_text *t);

/* Makes clean text from in[0..n) with the PT_TEXT_ flags.  On success t owns
** a new buffer (free with pt_text_reset).  Returns PT_OK or PT_NOMEM; bad bytes
** are not an error (see n_invalid / n_nul). */
int pt_text_make(pt_text *t, const char *in, size_t n, unsigned flags);

/* 1 when in[0..n) looks binary rather than text: within the first 8 KiB,
** more than 1% NUL bytes or more than 10% control/invalid bytes.  *bad_off
** gets the offset of the first offending byte.  A stray NUL is not binary. */
int pt_text_looks_binary(const char *in, size_t n, size_t *bad_off);

#endif /* PT_TEXT_H */
