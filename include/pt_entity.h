/*
** pt_entity.h: the light entity layer (who is who within one document).
**
** pt_entity_build() tokenizes a text once, finds the mentions of people and
** organisations outside quotations and links them into entities:
**
**   "Secretary of State John Kerry" (title + full name)  -> new entity
**   "Kerry", "Mr. Kerry", "Secretary Kerry"               -> same entity (surname)
**   "the secretary"                                       -> last entity with that title
**   "he" / "she"      -> first person of that gender in the nearest sentence with one
**   "the White House", "CNN"                              -> organisation
**
** The canonical name of an entity is the fullest form of its name met in the
** text ("John Kerry" even when the first mention is "Kerry"); its role is the
** longest title or appositive given ("Secretary of State", "a state
** councilor").  Everything is a byte span into the caller's text (0-based,
** half-open): nothing is copied, the text must outlive the pt_entity_doc.
**
** Cost: one pass over the bytes, O(1) hash lookups per word (the lexicons of
** sql/lexicons/ are compiled in as ext/pt_lexicon_quotes.inc), and links
** found through hash maps and "last seen" slots, so time and memory are
** linear in the text.  Text spans given as `skip` (quotations) become one
** placeholder token each and give no mentions: a name inside a quotation is
** not a speaker, and attribution windows stop at a quotation.
*/
#ifndef PT_ENTITY_H
#define PT_ENTITY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Lexicon flags (bits of pt_tok.lex), one per list of sql/lexicons/. */
enum {
  PT_LEX_CUE_VERB = 1,    /* cues.tsv verb: said, told, quipped */
  PT_LEX_CUE_PREP = 2,    /* cues.tsv prep: according (to) */
  PT_LEX_CUE_NOUN = 4,    /* cues.tsv noun: statement, interview */
  PT_LEX_TITLE_ROLE = 8,  /* titles.tsv role: Sen., Secretary of State */
  PT_LEX_TITLE_HON = 16,  /* titles.tsv honorific: Mr., Ms. */
  PT_LEX_PRONOUN = 32,    /* pronouns.tsv: he, she, they */
  PT_LEX_FIRST = 64,      /* firstnames.tsv */
  PT_LEX_STOPCAP = 128,   /* stopcaps.tsv: capitalised non-names */
  PT_LEX_ORGWORD = 256,   /* orgwords.tsv: House, Department */
  PT_LEX_TITLE_HEAD = 512,/* first word of a multi-word title */
  PT_LEX_CUE_HEAD = 1024, /* first word of a multi-word cue */
  PT_LEX_ABBREV = 2048,   /* abbreviations.txt: Dec., Calif., Jr. (the dot stays) */
  PT_LEX_PLACE = 4096,    /* placenames.tsv: China, New York, U.S. */
  PT_LEX_PLACE_HEAD = 8192,/* first word of a multi-word place name */
  PT_LEX_GEO_TAIL = 16384, /* geowords.tsv tail: Sea, Shoal, County */
  PT_LEX_GEO_HEAD = 32768  /* geowords.tsv head: Lake, Mount */
};

/* Token flags (pt_tok.flags). */
enum {
  PT_TOK_WORD = 1,       /* letters/digits (with inner ' - .) */
  PT_TOK_CAP = 2,        /* word starting with an upper-case letter */
  PT_TOK_ALLCAPS = 4,    /* word of >= 2 letters, all upper case */
  PT_TOK_LOWER = 8,      /* word starting with a lower-case letter */
  PT_TOK_PUNCT = 16,     /* one punctuation character */
  PT_TOK_STOP = 32,      /* . ? ! ending a sentence */
  PT_TOK_DASH = 64,      /* a dash (Pd) */
  PT_TOK_SENT = 128,     /* first token of a sentence */
  PT_TOK_PARA = 256,     /* first token of a paragraph */
  PT_TOK_INQ = 512,      /* inside a skipped span (a quotation) */
  PT_TOK_LEXDONE = 1024, /* .lex, .lex_group, .gender_grp are set */
  PT_TOK_VISIT = 2048,   /* internal: a token find_mentions() must look at
                            (a capitalised or pronoun-shaped word, "the", a
                            word after "the" or before a capitalised word,
                            a PT_TOK_KIN determiner, and a pronoun or title
                            word once looked up); the others it skips */
  PT_TOK_COMMA = 4096,   /* internal: a comma (find_mentions() looks at it
                            only inside a fronted clause, which it ends) */
  PT_TOK_KIN = 8192,     /* internal: a determiner before a noun of gender
                            ("my mother", "The man": kin_phrase()) */
  PT_TOK_THE = 16384,    /* internal: the word "the" or "The" */
  PT_TOK_WCLS = 32768    /* .wcls is set (as it is once PT_TOK_LEXDONE) */
};

typedef struct pt_tok {
  uint32_t byte_off;  /* start in the text (texts are < 4 GiB, see build) */
  uint32_t byte_len;  /* length in bytes */
  uint16_t flags;     /* PT_TOK_ bits */
  uint16_t lex;       /* PT_LEX_ bits of the word, once PT_TOK_LEXDONE */
  int8_t gender_grp;  /* lexicon gender char ('m','f','p') or 0 */
  int8_t lex_group;   /* title group id from titles.tsv, or -1 */
  uint16_t wcls;      /* PT_W_ classes (pt_entity_word_class()), once
                         PT_TOK_LEXDONE (the same lookup gives them) or
                         PT_TOK_WCLS */
  int32_t para;       /* 0-based paragraph */
  int32_t ment;       /* mention starting at this token, or -1 */
  int32_t ment_end;   /* mention whose last token this is, or -1 */
} pt_tok;

enum {
  PT_MENT_NAME = 1,    /* a proper name, with or without title */
  PT_MENT_ORG = 2,     /* an organisation ("the White House", "CNN") */
  PT_MENT_PRONOUN = 3, /* he, she, they */
  PT_MENT_TITLE = 4    /* a title alone: "the secretary" */
};

enum { PT_ENT_PERSON = 1, PT_ENT_ORG = 2 };

typedef struct pt_mention {
  size_t tok_first, tok_end; /* tokens [tok_first, tok_end) */
  size_t byte_off, byte_len; /* the mention as written (title included) */
  int type;                  /* PT_MENT_ */
  int ent;                   /* linked entity, or -1 (unresolved pronoun) */
} pt_mention;

typedef struct pt_entity {
  int type;                  /* PT_ENT_PERSON or PT_ENT_ORG */
  char gender;               /* 'm', 'f' or 0 when unknown */
  int n_words;               /* name words of the canonical form */
  size_t name_off, name_len; /* canonical name: fullest form met */
  size_t role_off, role_len; /* role as written (role_len 0: none) */
  int title_group;           /* title group of its role, or -1 */
  int person;                /* 1 once there is evidence it is a person */
  int place;                 /* its canonical name is a place ("Orlando",
                                "South China Sea"): never a he/she */
  size_t first_ment;         /* its first mention */
} pt_entity;

typedef struct pt_entity_doc {
  const char *text;     /* borrowed */
  size_t len;
  pt_tok *tok;          /* owned arrays */
  size_t n_tok, cap_tok;
  pt_mention *ment;
  size_t n_ment, cap_ment;
  pt_entity *ent;
  size_t n_ent, cap_ent;
  void *map;            /* name-word -> entity hash map (private) */
  size_t map_cap, map_n;
} pt_entity_doc;

/* A byte span [byte_off, byte_off+byte_len) given to pt_entity_build. */
typedef struct pt_span {
  size_t byte_off, byte_len;
} pt_span;

/* Initialises d to empty; no allocation. */
void pt_entity_init(pt_entity_doc *d);
/* Frees everything d owns and re-initialises it. */
void pt_entity_reset(pt_entity_doc *d);

/* Tokenizes text[0..len) and builds mentions and entities into d (which is
** cleared first; its arrays are reused).  skip[0..n_skip) are sorted,
** non-overlapping byte spans (quotations, marks excluded) whose tokens get
** one placeholder token each (PT_TOK_INQ); marks[0..n_marks) are byte spans of quotation marks,
** which are token boundaries.  The text must outlive d.  Returns PT_OK,
** PT_MISUSE when the spans are out of order or past len, PT_TOOBIG for a
** text of 4 GiB or more, or PT_NOMEM (d then holds a consistent prefix and
** must still be reset). */
int pt_entity_build(pt_entity_doc *d, const char *text, size_t len,
                    const pt_span *skip, size_t n_skip, const pt_span *marks,
                    size_t n_marks);

/* Lexicon flags (PT_LEX_) of token j, looked up on first use and cached in
** the token (so d is logically const).  0 for punctuation.  The cached case
** is inline: the rules ask about the same tokens often. */
int pt_entity_lex_lookup(const pt_entity_doc *d, size_t j);
static inline int pt_entity_lex(const pt_entity_doc *d, size_t j) {
  return (d->tok[j].flags & PT_TOK_LEXDONE) ? d->tok[j].lex : pt_entity_lex_lookup(d, j);
}

/* Classes of the closed-class words the rules test (bits of
** pt_entity_word_class()). */
enum {
  PT_W_FUNCTION = 1,    /* ends a run of modifiers: of, in, and, that, he */
  PT_W_SUBORD = 2,      /* opens a subordinate clause: until, as, which, who */
  PT_W_DET = 4,         /* determiner: the, a, his, some, two */
  PT_W_FILLER = 8,      /* between a speaker and the verb: also, has, later */
  PT_W_TIME = 16,       /* a time after the verb: Monday, today, last */
  PT_W_ART = 32,        /* article or possessive: a noun follows */
  PT_W_AUX = 64,        /* auxiliary or copula: is, was, has, will */
  PT_W_PREP = 128,      /* preposition-like, never a descriptor: about, during */
  PT_W_OPENER = 256,    /* opens a fronted clause: while, although, when, if */
  PT_W_PHRASE = 512,    /* opens a fronted prepositional phrase: in, during, amid */
  PT_W_RELATIVE = 1024, /* a relative pronoun: who, which, that */
  PT_W_OBJPREP = 2048,  /* its object is a weak he/she antecedent: between, of */
  PT_W_NOUN = 4096,     /* a noun in -ly, not an adverb: family, rally */
  PT_W_SAID = 8192,     /* a plain reporting verb, no label: said, told, wrote */
  PT_W_OBJECT = 16384,  /* its noun phrase after is its object: accused, called */
  PT_W_VERB = 32768,    /* a verb that is no reporting verb: began, came, seeks */
  /* rare classes, beyond the token's sixteen bits: pt_entity_word_class_rare() */
  PT_W_MUTE = 65536     /* a noun that never speaks: incident, dispute, bias */
};

/* PT_W_ classes of token j (ASCII case folded; 0 for other tokens),
** remembered in the token (so d is logically const).  The remembered
** case is inline: the attribution rules ask about the same tokens often. */
int pt_entity_word_class_lookup(const pt_entity_doc *d, size_t j);
static inline int pt_entity_word_class(const pt_entity_doc *d, size_t j) {
  if (j < d->n_tok && (d->tok[j].flags & (PT_TOK_LEXDONE | PT_TOK_WCLS))) return d->tok[j].wcls;
  return pt_entity_word_class_lookup(d, j);
}

/* The rare PT_W_ classes (PT_W_MUTE and any above sixteen bits) of token
** j, from their own short list; 0 for most words.  Not remembered: for
** the few tokens a rule asks about. */
int pt_entity_word_class_rare(const pt_entity_doc *d, size_t j);

/* Does token j end in "-ing" (a participle: "saying", "suggesting"; more
** than four bytes) or in "-ed" (a past form: "addressed"; more than three)? */
static inline int pt_entity_ends_ing(const pt_entity_doc *d, size_t j) {
  const pt_tok *t = &d->tok[j];
  return t->byte_len > 4 && !memcmp(d->text + t->byte_off + t->byte_len - 3, "ing", 3);
}
static inline int pt_entity_ends_ed(const pt_entity_doc *d, size_t j) {
  const pt_tok *t = &d->tok[j];
  return t->byte_len > 3 && !memcmp(d->text + t->byte_off + t->byte_len - 2, "ed", 2);
}

/* Is token j a word that may stand between a subject and its verb: a
** lower-case word of the `filler` class ("also", "has") or an adverb in -ly
** that is no noun ("openly", but not "family")? */
static inline int pt_entity_is_filler(const pt_entity_doc *d, size_t j) {
  if (j >= d->n_tok || !(d->tok[j].flags & PT_TOK_LOWER) || (d->tok[j].flags & PT_TOK_INQ)) return 0;
  int wc = pt_entity_word_class(d, j);
  if (wc & PT_W_FILLER) return 1;
  const pt_tok *t = &d->tok[j];
  return t->byte_len > 4 && !memcmp(d->text + t->byte_off + t->byte_len - 2, "ly", 2) && !(wc & PT_W_NOUN);
}

/* Is there a line break between token j-1 and token j (quotation marks
** between them included)? */
int pt_entity_line_break(const pt_entity_doc *d, size_t j);

/* Are tokens k, k+1 a possessive 's (straight or curly apostrophe, s or S)? */
int pt_entity_possessive(const pt_entity_doc *d, size_t k);

/* Is token j a word of the NULL-ended list of lower-case words (ASCII case
** folded: "Former" is "former")? */
int pt_entity_word_in(const pt_entity_doc *d, size_t j, const char *const *list);

/* Index of the first token whose byte_off >= byte_off (n_tok when none). */
size_t pt_entity_tok_at(const pt_entity_doc *d, size_t byte_off);

/* Lexicon flags of word w[0..n) (ASCII case folded), 0 when not listed.
** *group (may be NULL) gets the title group or -1, *gender the lexicon gender
** char or 0.  Multi-word entries are looked up with single spaces. */
int pt_lex_lookup(const char *w, size_t n, int *group, int *gender);

/* Longest multi-word lexicon entry with any of `want` flags starting at token
** i: returns its number of tokens (0 when none), with its flags in *flags,
** group in *group and gender in *gender (each may be NULL). */
size_t pt_lex_phrase(const pt_entity_doc *d, size_t i, int want, int *flags,
                     int *group, int *gender);

#endif /* PT_ENTITY_H */
