/*
** pt_kwic.h: keyword in context (an analysis stage; plain C, no SQLite).
**
** pt_kwic_each() finds a term in text the way a reader searches: by words,
** ignoring case, accents and compatibility forms (utf8proc case folding,
** NFKC and mark removal through pt_token), so "muller" finds "Müller" and
** "code of conduct" finds "Code of  Conduct" across a line break.  The
** term is split into words the same way; a trailing '*' makes its last word
** a prefix ("cyber*" finds "cybersecurity").  Punctuation between words is
** ignored on both sides, except in the compounds pt_token keeps whole
** (U.S., S&ED, COVID-19, 9/11), which match as the FTS5 tokenizer does:
** "U.S." finds "U.S." but not "U S"; "covid" and "covid 19" find
** "COVID-19".  Hits do not overlap; the text is not changed.
*/
#ifndef PT_KWIC_H
#define PT_KWIC_H

#include <stddef.h>

typedef struct pt_kwic_hit {
  size_t byte_off, byte_len; /* the match, from its first word's start to
                             ** its last word's end */
  size_t left_off;           /* start of the left context (<= byte_off) */
  size_t right_end;          /* end of the right context (>= match end) */
} pt_kwic_hit;

/* Called for each hit in text order; return 0 to go on, anything else stops
** the walk and is returned by pt_kwic_each(). */
typedef int (*pt_kwic_cb)(void *ctx, const pt_kwic_hit *hit);

/* Finds term[0..term_n) in s[0..n); the contexts are `width` characters
** (SQLite's counting) on each side, or less at the ends of the text.
** Returns PT_OK, PT_NOMEM, PT_MISUSE when the term has no word in it, or
** the callback's value.  Linear in n (times the term's word count). */
int pt_kwic_each(const char *s, size_t n, const char *term, size_t term_n,
                 size_t width, pt_kwic_cb cb, void *ctx);

#endif /* PT_KWIC_H */
