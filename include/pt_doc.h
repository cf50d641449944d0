/*
** pt_doc.h: the document model (pipeline stage 2).
**
** pt_doc_parse() reads one document's clean text (from pt_text_make with
** PT_TEXT_ALL) and finds its metadata and its own body:
**
**   title      YAML front matter `title:`, a Markdown `# ` heading, the title
**              line of a page dump, or else the first line
**   published  ISO 8601 YYYY-MM-DD from front matter `date:` or the first
**              date line ("June 25, 2015", "25 June 2015", "2015-06-25",
**              "Jun. 25, 2015", "Published: ..."), else a dateline in the
**              first paragraph ("WASHINGTON, June 3, 2019 --")
**   source     a "From X" line or front matter `source:`
**   kind       a line naming the genre ("Blog Post", "PRESS RELEASE", ...)
**              normalised to title case, or front matter `kind:`/`type:`
**   author     "By X", "Author: X", "Authors: X", front matter `author:`
**   tags       a "More on:" / "Topics:" / "Tags:" block or front matter `tags:`
**   body       the article's paragraphs joined by "\n\n", without page
**              chrome: disclaimers, "More on:" trailers, navigation words
**              (Up, Close, Share, Print...), "###" end marks, contact lines,
**              lines repeated from the header
**
** A document with no metadata at all keeps its whole text as body and its
** first line as title.  Everything is plain C: no SQLite types.
*/
#ifndef PT_DOC_H
#define PT_DOC_H

#include <stddef.h>

typedef struct pt_doc {
  char *title;      /* owned, NULL when absent (same for the next four) */
  char *published;  /* "YYYY-MM-DD" */
  char *source;
  char *kind;
  char *author;
  char **tags;      /* owned array of n_tags owned strings */
  size_t n_tags;
  char *tags_json;  /* owned JSON array text, "[]" when there are none */
  char *body;       /* owned body text, NUL-terminated, "" when empty */
  size_t body_len;  /* bytes */
  size_t words;     /* words in body (pt_count_words), with PT_DOC_WORDS */
  int header_ended; /* 1 when the header phase found the body's start (so a
                    ** text cut after it gives the same metadata) */
} pt_doc;

/* Empties d without allocating. */
void pt_doc_init(pt_doc *d);
/* Frees everything d owns and re-initialises it. */
void pt_doc_reset(pt_doc *d);

/* Parses text[0..len) (clean UTF-8, LF line ends) into d, which must be
** initialised or reset.  Returns PT_OK or PT_NOMEM (then d is reset). */
int pt_doc_parse(pt_doc *d, const char *text, size_t len);

enum {
  PT_DOC_META_ONLY = 1, /* metadata only: body stays NULL and words 0 */
  PT_DOC_WORDS = 2      /* count the body's words (pt_doc_parse always does) */
};

/* pt_doc_parse() with PT_DOC_ flags.  With PT_DOC_META_ONLY the text may be
** just the document's first part (the header and first paragraph, e.g. 64
** KiB cut at a line end): the metadata found is the same as from the whole
** text unless the header itself is longer. */
int pt_doc_parse_ex(pt_doc *d, const char *text, size_t len, unsigned flags);

/* Parses a date at the start of s[0..n) (an optional weekday first) into
** iso ("YYYY-MM-DD" + NUL).  Returns the bytes consumed, 0 when none. */
size_t pt_date_parse(const char *s, size_t n, char iso[11]);

/* Finds the first date within s[0..n); returns its byte offset or n. */
size_t pt_date_find(const char *s, size_t n, char iso[11]);

/* Number of words (maximal runs of letters/digits, with inner ' - . joined)
** in s[0..n). */
size_t pt_count_words(const char *s, size_t n);

#endif /* PT_DOC_H */
