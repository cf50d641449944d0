/*
** pt_quote.h: direct quotations and who said them.
**
** pt_quote_extract() finds every quotation in a text and attributes it:
**
**   1. Marks, in one linear pass: curly “ ” and ‘ ’, straight " and ', the
**      doubled apostrophe '' of wire archives, guillemets « », low „ “.
**      Apostrophes (don't, the '90s, Jones') are never marks: a single quote
**      only opens inside a double-quoted quotation (or ‘ at a word start)
**      and is forgotten if it never closes.  An unclosed quotation ends at
**      its paragraph's end; when the next paragraph reopens with the same
**      mark, the paragraphs form one block quotation (one row each).
**   2. Entities: pt_entity_build() over the text, quotations skipped.
**   3. Attribution, looking only at the quotation's own sentence: after the
**      closing mark ("…,” said X / X said / X, a doctor, said / — X), then
**      before the opening mark (X said: / X said that / according to X, /
**      a colon lead-in with no verb), then the previous quotation of the
**      paragraph or the previous paragraph (follow-on paragraphs, lead-ins
**      ending in ':').  The speaker is the linked entity's canonical name.
**
** All positions are byte offsets into the caller's text, 0-based and
** half-open; the text is not copied and must outlive the list.
*/
#ifndef PT_QUOTE_H
#define PT_QUOTE_H

#include <stddef.h>

#include "pt_entity.h"

/* What kind of quotation (the `kind` column). */
enum {
  PT_QUOTE_FULL = 0,    /* a sentence or more */
  PT_QUOTE_PARTIAL = 1, /* a fragment inside the writer's sentence */
  PT_QUOTE_BLOCK = 2,   /* one paragraph of a multi-paragraph quotation */
  PT_QUOTE_SCARE = 3,   /* a short quoted phrase with no speaker */
  PT_QUOTE_TITLE = 4    /* a quoted title: "Make America Great Again" */
};

/* Which marks (the `mark` column). */
enum {
  PT_MARK_CURLY = 0,   /* “ ” */
  PT_MARK_STRAIGHT = 1,/* " " */
  PT_MARK_DOUBLED = 2, /* '' '' */
  PT_MARK_GUILLEMET = 3,/* « » */
  PT_MARK_LOW = 4,     /* „ “ */
  PT_MARK_SINGLE = 5   /* ‘ ’ or ' ' */
};

/* How the speaker was found (the `how` column). */
enum {
  PT_ATTR_NONE = 0,
  PT_ATTR_AFTER = 1,     /* "…," said X / X said after the closing mark */
  PT_ATTR_BEFORE = 2,    /* X said: / X said that / according to X before it */
  PT_ATTR_COLON = 3,     /* a lead-in ending in ':' with no verb */
  PT_ATTR_BYLINE = 4,    /* ” — Commissioner Geoffrey Starks */
  PT_ATTR_CONTINUED = 5, /* same speaker as the quotation before */
  PT_ATTR_LEADIN = 6,    /* previous paragraph ends "X said:" */
  PT_ATTR_SUBJECT = 7,   /* no reporting verb: the subject of the sentence */
  PT_ATTR_TURN = 8       /* a transcript turn in the quotation: “PENCE: …” */
};

typedef struct pt_quote {
  size_t byte_off, byte_len;   /* the words inside the marks */
  size_t open_off, open_len;   /* the opening mark */
  size_t close_off, close_len; /* the closing mark; close_len 0 when unclosed */
  int paragraph;               /* 0-based paragraph of the opening mark */
  int depth;                   /* 0, or 1 for a quotation inside another */
  int mark;                    /* PT_MARK_ */
  int kind;                    /* PT_QUOTE_ */
  int words;                   /* words inside */
  int block;                   /* 0, or 1 + index of the block's first row */
  int how;                     /* PT_ATTR_ */
  int gap;                     /* words between the cue and the opening mark
                               ** (PT_ATTR_BEFORE), else -1 */
  int ent;                     /* speaker entity in list->ents, or -1 */
  size_t spk_off, spk_len;     /* the attributing mention; spk_len 0: none */
  size_t name_off, name_len;   /* speaker name; name_len 0: NULL */
  size_t role_off, role_len;   /* role as written; role_len 0: NULL */
  size_t cue_off, cue_len;     /* reporting words; cue_len 0: NULL */
  int deleted;                 /* internal: a single quote that never closed */
} pt_quote;

typedef struct pt_quote_list {
  pt_quote *q;         /* owned, in reading order (by opening mark) */
  size_t n, cap;
  pt_entity_doc ents;  /* the document's tokens, mentions and entities */
  pt_span *spans;      /* internal scratch (top-level quotation bodies) */
  size_t n_spans, cap_spans;
  pt_span *marks;      /* internal scratch (accepted marks) */
  size_t n_marks, cap_marks;
  int keep_entities;   /* set by the caller: build ents even for a text with
                          no quotation (mentions()); otherwise such a text
                          costs one scan for marks */
} pt_quote_list;

/* Initialises l to empty; no allocation. */
void pt_quote_init(pt_quote_list *l);
/* Frees everything l owns and re-initialises it. */
void pt_quote_reset(pt_quote_list *l);

/* Finds and attributes the quotations of text[0..len) into l (cleared first,
** memory reused).  Any bytes are accepted (invalid UTF-8 and NUL are plain
** non-word characters).  Time and memory are linear in len.  The text must
** outlive l.  Returns PT_OK or PT_NOMEM. */
int pt_quote_extract(pt_quote_list *l, const char *text, size_t len);

/* SQL names of the enums: "full", "partial", ...; "curly", ...; "after", ...
** Never NULL for a valid value; NULL for PT_ATTR_NONE. */
const char *pt_quote_kind_name(int kind);
const char *pt_quote_mark_name(int mark);
const char *pt_quote_how_name(int how);

#endif /* PT_QUOTE_H */
