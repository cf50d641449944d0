/*
** pt_token.h: word tokens for search and matching (a utility stage).
**
** pt_tokenize() walks UTF-8 text once and calls back for each token with
** its folded form and its byte span in the input.  Words are maximal runs of
** letters, marks and digits (Unicode classes through utf8proc).  With
** PT_TOK_COMPOUND it also reports, before their parts, the compounds a
** policy reader searches for as one thing:
**
**   U.S.  U.K.  e.g.     single letters joined by dots (trailing dot kept)
**   S&ED  AT&T           letters joined by '&'
**   COVID-19  F-35  H-1B a hyphen next to a digit
**   9/11  24/7  1.5  1,000   digits joined by '/', '.' or ','
**   jane.doe@agency.gov  e-mail addresses
**
** A compound is reported with kind PT_TOKEN_COMPOUND at the start offset of
** its first part; the parts follow as ordinary words, so a consumer may
** index both (FTS5 colocated tokens) or only one of them.
**
** Folding (flags): PT_TOK_FOLD case-folds, PT_TOK_NFKC applies compatibility
** decomposition (ligatures, full-width forms), PT_TOK_UNACCENT removes
** combining marks ("Müller" -> "muller").  The folded token is NFC.
*/
#ifndef PT_TOKEN_H
#define PT_TOKEN_H

#include <stddef.h>

enum {
  PT_TOK_FOLD = 1,     /* case fold (utf8proc CASEFOLD) */
  PT_TOK_UNACCENT = 2, /* strip combining marks */
  PT_TOK_NFKC = 4,     /* compatibility forms */
  PT_TOK_COMPOUND = 8  /* also report compounds (see above) */
};

enum { PT_TOKEN_WORD = 0, PT_TOKEN_COMPOUND = 1 };

/* Called for each token: tok[0..tok_len) is the folded form (borrowed, valid
** during the call), byte_off/byte_len its span in the input, kind a
** PT_TOKEN_ value.  Return 0 to go on; any other value stops the walk and is
** returned by pt_tokenize(). */
typedef int (*pt_token_cb)(void *ctx, const char *tok, size_t tok_len,
                           size_t byte_off, size_t byte_len, int kind);

/* Tokenizes s[0..n) with PT_TOK_ flags.  Returns PT_OK, PT_NOMEM, or the
** callback's non-zero value.  Linear in n; one allocation per call. */
int pt_tokenize(const char *s, size_t n, unsigned flags, pt_token_cb cb,
                void *ctx);

/* 1 when s[a..b) holds no ASCII letter or digit nor any non-ASCII byte:
** the gap between two parts of a compound ("U" "." "S"), which is ASCII
** punctuation. */
int pt_token_no_word_chars(const char *s, size_t a, size_t b);

/* Folds s[0..n) as one token would be (flags as above) into out (cleared
** first).  For lexicon terms and queries.  Returns PT_OK or PT_NOMEM. */
struct pt_buf;
int pt_token_fold(const char *s, size_t n, unsigned flags, struct pt_buf *out);

#endif /* PT_TOKEN_H */
