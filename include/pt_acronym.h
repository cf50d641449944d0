/*
** pt_acronym.h: acronym definitions in running text (an analysis stage;
** plain C, no SQLite).
**
** pt_acronyms_each() finds the two ways policy prose defines a short form:
**
**   Office of Personnel Management (OPM)       long form, then (SHORT)
**   OPM (Office of Personnel Management)       SHORT, then (long form)
**
** The short form is 2 to 12 characters of letters, digits, '&', '.', '-',
** starting with a letter, with at least two capitals ("OPM", "S&ED", "DoD").
** It must spell the long form's words: each letter of the short form (others
** are ignored) is the initial of the next word, or a later letter of the
** same word; function words (of, and, the, for, on, in, to, ...) may give a
** letter ("DoD") or be skipped ("OPM"), other words must give one.  The
** long form is the fewest words before the parenthesis that do this (so "the
** hack of the Office of Personnel Management (OPM)" gives "Office of
** Personnel Management"), starts with a content word and has two or more
** words.  Words are split at spaces, hyphens, dots and slashes.
** Linear in the input: each candidate looks at a bounded window.
*/
#ifndef PT_ACRONYM_H
#define PT_ACRONYM_H

#include <stddef.h>

typedef struct pt_acronym {
  size_t short_off, short_len; /* byte span of the short form ("OPM") */
  size_t long_off, long_len;   /* byte span of the long form */
  size_t byte_off, byte_len;   /* the whole definition, parentheses included */
} pt_acronym;

/* Called for each definition in text order; return 0 to go on, anything
** else stops the walk and is returned by pt_acronyms_each(). */
typedef int (*pt_acronym_cb)(void *ctx, const pt_acronym *a);

/* Walks the acronym definitions of s[0..n).  No allocation; returns PT_OK
** or the callback's value. */
int pt_acronyms_each(const char *s, size_t n, pt_acronym_cb cb, void *ctx);

/* The same as an owned array (free with pt_free(); NULL when empty).
** Returns PT_OK or PT_NOMEM (then *out is NULL and *n_out 0). */
int pt_acronyms(const char *s, size_t n, pt_acronym **out, size_t *n_out);

#endif /* PT_ACRONYM_H */
