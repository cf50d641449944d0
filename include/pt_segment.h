/*
** pt_segment.h: paragraphs and sentences (pipeline stage after pt_doc).
**
** Both functions read UTF-8 text (any bytes are safe: the scanner only acts
** on ASCII bytes and a few punctuation code points) and report spans of it,
** in order, in one linear pass.  A span never starts or ends with
** whitespace; empty segments are not reported.
**
** Paragraphs are separated by blank lines (lines holding only spaces/tabs).
**
** Sentences are found inside paragraphs.  A sentence ends at . ! ? or an
** ellipsis followed by whitespace and something that can open a sentence
** (not a lower-case letter), with closing quotes and brackets kept in the
** sentence (.” ?’ .) ).  A period does not end one after:
**   - a `title` abbreviation of sql/lexicons/abbreviations.txt (Sen., Dr.,
**     e.g.), a `number` one before a digit (No. 5, Jan. 20);
**   - an `other` abbreviation (Inc., U.S.), an initial (John F. Kennedy) or
**     dotted letters (D.C.) unless a typical sentence opener follows
**     ("in the U.S. The talks" splits; "the U.S. Senate" does not);
**   - anything not followed by whitespace (1.5, $1.5 billion, U.S.-China).
** A line break also ends a sentence before a bullet item ("- ", "* ", "• ",
** "1. ", "2) ") or a Markdown heading ("# "), after a heading line, and
** after a short title-like line without a full stop (a heading inside a
** paragraph).  Bullet and heading markers are left out of the sentence.
*/
#ifndef PT_SEGMENT_H
#define PT_SEGMENT_H

#include <stddef.h>

typedef struct pt_segment {
  size_t byte_off;  /* first byte, 0-based, into the text given */
  size_t byte_len;  /* bytes (half-open span) */
  size_t paragraph; /* 1-based number of the paragraph holding it */
} pt_segment;

/* Called for each segment in text order; return 0 to go on, anything else
** stops the walk and is returned by the walker. */
typedef int (*pt_segment_cb)(void *ctx, const pt_segment *seg);

/* Walks the paragraphs / sentences of s[0..n) (s may be NULL when n == 0).
** No allocation; returns PT_OK or the callback's non-zero value. */
int pt_paragraphs_each(const char *s, size_t n, pt_segment_cb cb, void *ctx);
int pt_sentences_each(const char *s, size_t n, pt_segment_cb cb, void *ctx);

/* The same as owned arrays: on PT_OK *out holds *n_out segments (NULL when
** there are none) and the caller frees it with pt_free().  On PT_NOMEM
** *out is NULL and *n_out 0. */
int pt_paragraphs(const char *s, size_t n, pt_segment **out, size_t *n_out);
int pt_sentences(const char *s, size_t n, pt_segment **out, size_t *n_out);

#endif /* PT_SEGMENT_H */
