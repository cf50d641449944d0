/*
** pt_topic.h: what a text is about (pipeline stage pt_topic).
**
** A scheme is a term table: rows (topic, term, weight).  A term is one word
** or a phrase of words; a word ending in '*' matches every word that starts
** with it ("cyber*" finds cyberattack, cybersecurity).  Matching is
** case-insensitive and accent-insensitive (pt_token folding), except that a
** word written in capitals in the term (two letters or more, "US", "EU",
** "NATO", "U.S.") only matches text written in capitals, so "US" is not
** "us".  A compound of pt_token (U.S., COVID-19, 9/11) is one word.
**
**   pt_scheme *s;  pt_scheme_new("mine", &s);
**   pt_scheme_add(s, "Health", 6, "medicare", 8, 1.0, &err);  ...
**   pt_scheme_finish(s);
**   pt_topic_text t;  pt_topic_text_make(&t, text, len);    -- tokenize once
**   pt_topic_list out; pt_topic_list_init(&out);
**   pt_topic_match(s, &t, &out);                            -- per scheme
**   pt_topic_list_sort(&out); ... pt_topic_list_reset(&out); pt_topic_text_reset(&t);
**
** How matching works: the text is tokenized once (pt_topic_text) into
** tokens and distinct folded types with a 64-bit hash.  A scheme holds a hash of its
** words (symbols), a hash of its '*' prefixes by length, and a trie of its
** phrases whose edges are (node, symbol) pairs in one more hash.  At each
** token the longest term starting there wins (leftmost-longest), and the
** scan resumes after it: one pass, work independent of the number of terms.
** Each scheme looks up each distinct type once per text (a 64 Ki-bit filter
** skips most probes), then walks the tokens through arrays.
**
** Scoring (see docs/topics.md): a term found c times adds weight*(1+ln c) to
** its topic's mass m.  A topic gives a row when m >= the scheme's min_mass;
** score = (1 - exp(-m/K)) * cbrt(m / M), where M is the summed mass of every
** topic of the scheme with positive mass and K the scheme's saturation
** constant.  The first factor says how much evidence there is (saturating, so
** long and short texts compare), the second how dominant the topic is.
**
** Everything here is plain C: no SQLite types.
*/
#ifndef PT_TOPIC_H
#define PT_TOPIC_H

#include <stddef.h>
#include <stdint.h>

#include "pt_err.h"

/* Tokens of one text, made once and matched against every scheme.  Equal
** folded tokens share a type, so a scheme looks each distinct word up once. */
typedef struct pt_topic_tok {
  uint32_t type;      /* index into types */
  uint8_t caps;       /* 1 when written in capitals (2+ letters, no lower) */
  uint8_t words;      /* 0 for a word; for a compound, the words it covers */
} pt_topic_tok;

typedef struct pt_topic_type {
  uint64_t hash;      /* 64-bit hash of the folded form */
  uint32_t off;       /* folded form at text->folded[off..off+len) */
  uint32_t len;       /* bytes (tokens longer than 64 KiB are cut) */
} pt_topic_type;

typedef struct pt_topic_text {
  pt_topic_tok *toks;   /* owned array of n tokens in text order */
  size_t n, cap;
  pt_topic_type *types; /* owned array of n_types distinct folded tokens */
  size_t n_types, cap_types;
  int32_t *slots;       /* owned hash of types (-1 = empty), n_slots a power of 2 */
  size_t n_slots;
  char *folded;         /* owned arena of folded token bytes */
  size_t folded_len, folded_cap;
  int32_t *scratch;     /* owned work space of pt_topic_match (per-type symbols) */
  size_t scratch_cap;
} pt_topic_text;

/* Empties t without allocating. */
void pt_topic_text_init(pt_topic_text *t);
/* Frees t's memory and re-initialises it. */
void pt_topic_text_reset(pt_topic_text *t);
/* Tokenizes s[0..n) (UTF-8; invalid bytes are skipped as non-words) into t,
** replacing what it held (its memory is reused: keep one t for many texts).
** Returns PT_OK, PT_NOMEM, or PT_TOOBIG when the folded text would pass
** 4 GiB. */
int pt_topic_text_make(pt_topic_text *t, const char *s, size_t n);

/* A compiled scheme (opaque).  Made by pt_scheme_new, filled by
** pt_scheme_add, sealed by pt_scheme_finish, freed by pt_scheme_free.  A
** finished scheme is read-only: several threads may match against it. */
typedef struct pt_scheme pt_scheme;

/* A new empty scheme called name (copied).  *pp is NULL on failure.
** Returns PT_OK or PT_NOMEM. */
int pt_scheme_new(const char *name, pt_scheme **pp);
/* Frees s; NULL is harmless. */
void pt_scheme_free(pt_scheme *s);

/* Sets the scoring constants: K (> 0, default 3) and min_mass (default
** 1e-9, i.e. any positive mass gives a row). */
void pt_scheme_set_scoring(pt_scheme *s, double k, double min_mass);

/* Declares topic[0..topic_len) with an optional description (may be NULL),
** so it has an index (topics are ordered by first mention).  Returns PT_OK
** or PT_NOMEM. */
int pt_scheme_topic(pt_scheme *s, const char *topic, size_t topic_len,
                    const char *desc);

/* Adds a term to a topic (declared on first use).  The same term in the same
** topic twice adds the weights.  Returns PT_OK, PT_NOMEM, or PT_FORMAT with
** err set when the term has no word, more than 8 words, or a '*' that does
** not end a word; an empty topic is PT_FORMAT too. */
int pt_scheme_add(pt_scheme *s, const char *topic, size_t topic_len,
                  const char *term, size_t term_len, double weight, pt_err *err);

/* Seals s for matching.  Returns PT_OK or PT_NOMEM. */
int pt_scheme_finish(pt_scheme *s);

const char *pt_scheme_name(const pt_scheme *s); /* borrowed */
size_t pt_scheme_topics(const pt_scheme *s);    /* number of topics */
size_t pt_scheme_terms(const pt_scheme *s);     /* distinct terms */
/* Name and description (NULL if none) of topic i, borrowed. */
const char *pt_scheme_topic_name(const pt_scheme *s, size_t i);
const char *pt_scheme_topic_desc(const pt_scheme *s, size_t i);

/* One result row. */
typedef struct pt_topic_row {
  const char *topic;   /* borrowed from the scheme */
  const char *scheme;  /* borrowed from the scheme, or static "declared" */
  const char *desc;    /* borrowed, may be NULL */
  double score;        /* 0..1 */
  double mass;         /* summed evidence before scaling */
  int rank;            /* 1 = best within its scheme */
  int hits;            /* term occurrences found */
  char *evidence;      /* owned: "cyber (9), hackers (2)" */
} pt_topic_row;

typedef struct pt_topic_list {
  pt_topic_row *rows;  /* owned array */
  size_t n, cap;
} pt_topic_list;

void pt_topic_list_init(pt_topic_list *l);
/* Frees every row's evidence and the array. */
void pt_topic_list_reset(pt_topic_list *l);
/* Appends a row (evidence is copied; may be NULL).  PT_OK or PT_NOMEM. */
int pt_topic_list_push(pt_topic_list *l, const pt_topic_row *row,
                       const char *evidence);

/* Flags of pt_topic_match. */
enum { PT_TOPIC_EVIDENCE = 1 /* build each row's evidence string */ };

/* Matches scheme s over t and appends one row per topic with mass >=
** min_mass to out, ranked within the scheme (best first).  Without
** PT_TOPIC_EVIDENCE in flags, rows have evidence NULL (cheaper).  t's scratch
** buffer is reused, so one t must not be matched from two threads at once.  Returns PT_OK or
** PT_NOMEM (out keeps the rows appended before). */
int pt_topic_match(const pt_scheme *s, pt_topic_text *t, unsigned flags,
                   pt_topic_list *out);

/* Sorts rows [from, l->n) by score, best first (stable; ties keep order). */
void pt_topic_list_sort(pt_topic_list *l, size_t from);

/* Helpers shared with pt_topic_train.c. */

/* The 64-bit hash of s[0..n) that schemes and texts use (only compared
** within one process). */
uint64_t pt_topic_hash(const char *s, size_t n);

/* Built-in schemes (sql/lexicons/, compiled in as ext/pt_topic_data.inc):
** how many, and the name and description of number i (static strings). */
size_t pt_topic_builtin_count(void);
const char *pt_topic_builtin_name(size_t i);
const char *pt_topic_builtin_desc(size_t i);
/* Compiles built-in scheme i into a new scheme (free with pt_scheme_free).
** PT_OK, PT_NOMEM, PT_NOTFOUND, or PT_FORMAT (a bad term in the data; err
** says which). */
int pt_topic_builtin(size_t i, pt_scheme **pp, pt_err *err);

#endif /* PT_TOPIC_H */
