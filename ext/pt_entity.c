/*
** pt_entity.c: tokens, mentions and entities of one document (see
** pt_entity.h for the contract).
**
** How it works, in one pass each:
**   1. tokenize(): words (letters/digits, with inner ' ’ - . as in "don't",
**      "U.S.", "cyber-enabled"), single punctuation characters, flags for
**      case, sentence and paragraph starts; quotation marks are boundaries;
**      every word is looked up once in the compiled lexicon (a hash table).
**   2. find_mentions(): titles + capitalised runs -> names, runs with an
**      organisation word or an acronym -> organisations, pronouns, "the" +
**      title -> title mentions.  Tokens inside quotations give no mention.
**   3. link as they are found: a name links to the last entity sharing its
**      surname (or, for one word, its first name); a pronoun to the first
**      person of its gender in the nearest sentence that has one; a title
**      to the last holder of that title.  All through a hash map and "last
**      seen" slots, so the pass stays linear.
*/
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pt_entity.h"
#include "pt_err.h"
#include "pt_mem.h"
#include "pt_utf8.h"

#include "pt_lexicon_quotes.inc"

/* pt_entity_lex() (its cached case is inline): most calls here are for
** capitalised words, looked up by the tokenizer already. */
#define LEX(d, j) pt_entity_lex((d), (j))


/* ====================================================================
** Lexicon.
*/
/* Fields of a lexicon slot (tools/gen_lexicon.py writes them). */
#define LS_FLAGS(v) ((int)((v) & 0xFFFF))
#define LS_GROUP(v) ((int)(((v) >> 16) & 0xFF) - 1)
#define LS_GENDER(v) ("\0mfp"[((v) >> 24) & 3])
#define LS_PREFIX(v) ((int)(((v) >> 26) & 1))
#define LS_LEN(v) ((size_t)(((v) >> 27) & 63))
#define LS_OFF(v) ((size_t)(((v) >> 33) & 0xFFFF))
#define LS_TAG(v) ((v) >> 49)

/* Bytes w[i..i+r) (1 <= r <= 8) as a little-endian word, zero above.
** `avail` (>= i + r) is how many bytes at w may be read: with eight to
** spare, one load and a mask. */
static inline uint64_t lex_chunk(const char *w, size_t i, size_t r, size_t avail) {
  uint64_t x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (i + 8 <= avail) {
    memcpy(&x, w + i, 8);
    return x & (~(uint64_t)0 >> (64 - 8 * r)); /* (a mask, not a branch on r == 8) */
  }
#endif
  for (size_t k = 0; k < r; k++) x |= (uint64_t)(unsigned char)w[i + k] << (8 * k);
  return x;
}

/* ASCII lower case of eight bytes at once ('A'..'Z' only, as eq_fold()
** did): a byte gets 0x20 when its low seven bits are in 'A'..'Z' and its
** top bit is clear. */
static inline uint64_t lex_fold8(uint64_t x) {
  const uint64_t H = 0x8080808080808080ull;
  uint64_t lo = x & ~H;
  uint64_t up = (lo + 0x3F3F3F3F3F3F3F3Full) & ~(lo + 0x2525252525252525ull) & ~x & H;
  return x | (up >> 2);
}

/* Could the key of hash h be listed: are both its bits set in the
** prefilter (tools/gen_lexicon.py's bloom_bits())?  8 KiB that stay in the
** cache spare a probe of the table for most words that are not listed
** (four in ten lookups), whose slots seldom are. */
static inline int lex_maybe(uint64_t h) {
  const uint64_t m = ((uint64_t)1 << LEX_BLOOM_BITS) - 1;
  uint64_t b1 = (h >> 18) & m, b2 = (h >> 34) & m;
  return (int)((lex_bloom[b1 >> 6] >> (b1 & 63)) & (lex_bloom[b2 >> 6] >> (b2 & 63)) & 1);
}

/* The lexicon's lookup (tools/gen_lexicon.py builds the table with the
** same hash): eight bytes at a time, each OR 0x20 -- ASCII case folding
** that keeps keys equal under lex_fold8() equal here -- one multiply each;
** the slot is the top bits, the tag bits 32..46.  Returns the slot word,
** 0 when w[0..n) is not listed; *cls gets the key's PT_W_ classes when it
** is (lex_cls). */
static uint64_t lex_find(const char *w, size_t n, size_t avail, unsigned *cls) {
  if (n == 0 || n > 40) return 0;
  const uint64_t K = 0x9E3779B97F4A7C15ull;
  if (n <= 8) {
    /* Most words: one chunk, no loops (the same hash and compare as below). */
    uint64_t x = lex_chunk(w, 0, n, avail), fx = lex_fold8(x);
    uint64_t h = ((uint64_t)n * K ^ (x | (0x2020202020202020ull >> (64 - 8 * n)))) * K;
    if (!lex_maybe(h)) return 0;
    uint64_t tag = (h >> 32) & 0x7FFF;
    for (size_t i = (size_t)(h >> (64 - LEX_SLOT_BITS));; i = (i + 1) & (LEX_SLOTS - 1)) {
      uint64_t v = lex_slots[i];
      if (!v) return 0;
      if (LS_TAG(v) == tag && LS_LEN(v) == n &&
          lex_chunk(lex_keys + LS_OFF(v), 0, n, sizeof lex_keys - LS_OFF(v)) == fx) {
        *cls = lex_cls[i];
        return v;
      }
    }
  }
  if (n <= 16) {
    /* Most of the rest (capitalised names, titles): two chunks, unrolled. */
    uint64_t x0 = lex_chunk(w, 0, 8, avail), x1 = lex_chunk(w, 8, n - 8, avail);
    uint64_t fx0 = lex_fold8(x0), fx1 = lex_fold8(x1);
    uint64_t h = ((uint64_t)n * K ^ (x0 | 0x2020202020202020ull)) * K;
    h = (h ^ (x1 | (0x2020202020202020ull >> (64 - 8 * (n - 8))))) * K;
    if (!lex_maybe(h)) return 0;
    uint64_t tag = (h >> 32) & 0x7FFF;
    for (size_t i = (size_t)(h >> (64 - LEX_SLOT_BITS));; i = (i + 1) & (LEX_SLOTS - 1)) {
      uint64_t v = lex_slots[i];
      if (!v) return 0;
      if (LS_TAG(v) == tag && LS_LEN(v) == n) {
        const char *k = lex_keys + LS_OFF(v);
        size_t ka = sizeof lex_keys - LS_OFF(v);
        if (lex_chunk(k, 0, 8, ka) == fx0 && lex_chunk(k, 8, n - 8, ka) == fx1) {
          *cls = lex_cls[i];
          return v;
        }
      }
    }
  }
  uint64_t x[5], h = (uint64_t)n * K;
  size_t nc = (n + 7) / 8;
  for (size_t c = 0; c < nc; c++) {
    size_t r = n - 8 * c < 8 ? n - 8 * c : 8;
    x[c] = lex_chunk(w, 8 * c, r, avail);
    uint64_t pad = r == 8 ? 0x2020202020202020ull : 0x2020202020202020ull & (((uint64_t)1 << (8 * r)) - 1);
    h = (h ^ (x[c] | pad)) * K;
  }
  if (!lex_maybe(h)) return 0;
  uint64_t tag = (h >> 32) & 0x7FFF;
  for (size_t i = (size_t)(h >> (64 - LEX_SLOT_BITS));; i = (i + 1) & (LEX_SLOTS - 1)) {
    uint64_t v = lex_slots[i];
    if (!v) return 0;
    if (LS_TAG(v) != tag || LS_LEN(v) != n) continue;
    const char *k = lex_keys + LS_OFF(v);
    size_t c = 0;
    for (; c < nc; c++) {
      size_t r = n - 8 * c < 8 ? n - 8 * c : 8;
      if (lex_fold8(x[c]) != lex_chunk(k, 8 * c, r, sizeof lex_keys - LS_OFF(v))) break;
    }
    if (c == nc) {
      *cls = lex_cls[i];
      return v;
    }
  }
}

/* pt_lex_lookup() for a word inside a buffer with `avail` bytes readable
** from w (the hot callers: the tokenizer and the lazy lookups). */
static inline int lex_lookup_in(const char *w, size_t n, size_t avail, int *group, int *gender, unsigned *cls) {
  unsigned c = 0;
  uint64_t v = lex_find(w, n, avail, &c);
  if (cls) *cls = c;
  if (group) *group = v ? LS_GROUP(v) : -1;
  if (gender) *gender = LS_GENDER(v);
  return LS_FLAGS(v);
}

int pt_lex_lookup(const char *w, size_t n, int *group, int *gender) {
  return lex_lookup_in(w, n, n, group, gender, NULL);
}

size_t pt_lex_phrase(const pt_entity_doc *d, size_t i, int want, int *flags,
                     int *group, int *gender) {
  char key[96 + 8] = {0}; /* (eight spare bytes: lex_find() loads eight at a time) */
  size_t klen = 0, best = 0;
  int bf = 0, bg = -1, bgen = 0;
  for (size_t k = 0; k < LEX_MAX_WORDS && i + k < d->n_tok; k++) {
    const pt_tok *t = &d->tok[i + k];
    if (!(t->flags & PT_TOK_WORD) || (k && t->para != d->tok[i].para)) break;
    if (klen + t->byte_len + 1 >= sizeof key - 8) break;
    if (k) key[klen++] = ' ';
    memcpy(key + klen, d->text + t->byte_off, t->byte_len);
    klen += t->byte_len;
    int f, g, gen, more;
    if (!k) {
      f = LEX(d, i), g = t->lex_group, gen = t->gender_grp;
      /* every first word of a longer entry has a head flag */
      more = (f & (PT_LEX_TITLE_HEAD | PT_LEX_CUE_HEAD | PT_LEX_PLACE_HEAD)) != 0;
    } else {
      unsigned c;
      uint64_t v = lex_find(key, klen, sizeof key, &c);
      f = LS_FLAGS(v), g = LS_GROUP(v), gen = LS_GENDER(v);
      /* A prefix that is no entry can still lead to one ("secretary of");
      ** the table lists every such prefix, so anything else ends here. */
      more = LS_PREFIX(v);
    }
    if (f & want) best = k + 1, bf = f, bg = g, bgen = gen;
    if (!more) break;
  }
  if (flags) *flags = bf;
  if (group) *group = bg;
  if (gender) *gender = bgen;
  return best;
}

/* Lexicon flags of token j, looked up on first use (the tokenizer only
** looks up capitalised and short words: most long lower-case words never
** matter, and skipping them is most of the speed).  The cache makes the
** const a white lie, as a memo is. */
int pt_entity_lex_lookup(const pt_entity_doc *cd, size_t j) {
  pt_tok *t = &((pt_entity_doc *)cd)->tok[j];
  if (!(t->flags & PT_TOK_LEXDONE)) {
    int g = -1, gen = 0;
    unsigned c = 0;
    t->lex = (t->flags & PT_TOK_WORD) && t->byte_len <= LEX_MAX_LEN
                 ? (uint16_t)lex_lookup_in(cd->text + t->byte_off, t->byte_len, cd->len - t->byte_off, &g, &gen, &c)
                 : 0;
    t->wcls = (uint16_t)c;
    t->lex_group = (int8_t)g;
    t->gender_grp = (int8_t)gen;
    /* A pronoun or a title word can start a mention: find_mentions() must
    ** stop at it (tokens it has passed are not looked at again). */
    t->flags |= PT_TOK_LEXDONE | (t->lex & (PT_LEX_PRONOUN | PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON | PT_LEX_TITLE_HEAD)
                                      ? PT_TOK_VISIT : 0);
  }
  return t->lex;
}

/* ====================================================================
** Closed-class words.
*/
/* The closed-class words the entity and attribution rules test, with their
** PT_W_ classes (sql/lexicons/closedwords.tsv), are lexicon keys with a
** class table by slot (lex_cls): a word looked up in the lexicon has its
** classes with it (most words asked about are), the others take one
** lookup, then remembered. */
static int lex_class(const char *s, size_t n, size_t avail) {
  unsigned c = 0;
  lex_find(s, n, avail, &c);
  return (int)c;
}

int pt_entity_word_class_lookup(const pt_entity_doc *cd, size_t j) {
  if (j >= cd->n_tok) return 0;
  pt_tok *t = &((pt_entity_doc *)cd)->tok[j]; /* a memo: d stays logically const */
  /* (a word looked up in the lexicon has its classes already) */
  if (!(t->flags & (PT_TOK_LEXDONE | PT_TOK_WCLS))) {
    t->wcls = (t->flags & PT_TOK_WORD) && t->byte_len <= CW_MAX_LEN
                  ? (uint16_t)lex_class(cd->text + t->byte_off, t->byte_len, cd->len - t->byte_off)
                  : 0;
    t->flags |= PT_TOK_WCLS;
  }
  return t->wcls;
}

int pt_entity_word_class_rare(const pt_entity_doc *d, size_t j) {
  if (j >= d->n_tok || !(d->tok[j].flags & PT_TOK_WORD) || d->tok[j].byte_len > CW_MAX_LEN) return 0;
  char w[CW_MAX_LEN + 1];
  size_t n = d->tok[j].byte_len;
  for (size_t k = 0; k < n; k++) {
    char c = d->text[d->tok[j].byte_off + k];
    w[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  w[n] = 0;
  /* (a short sorted list, asked of few tokens: a binary search) */
  size_t lo = 0, hi = sizeof lex_rare / sizeof lex_rare[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(w, lex_rare[mid].word);
    if (!c) return (int)lex_rare[mid].cls;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return 0;
}

/* ====================================================================
** Tokenizer.
*/
void pt_entity_init(pt_entity_doc *d) { memset(d, 0, sizeof *d); }

void pt_entity_reset(pt_entity_doc *d) {
  pt_free(d->tok);
  pt_free(d->ment);
  pt_free(d->ent);
  pt_free(d->map);
  pt_entity_init(d);
}

/* Byte classes for the fast path. */
#define C_SPACE 1
#define C_WORD 2
#define C_NL 4
#define C_HIGH 8
#define C_PUNCT 16
/* Class of each byte (C_ values); a constant table, so no initialisation
** race when several threads analyse at once. */
/* clang-format off */
static const unsigned char cls[256] = {
    1, 16, 16, 16, 16, 16, 16, 16, 16, 1, 4, 1, 1, 1, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    1, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 16, 16, 16, 16, 16, 16,
    16, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 16, 16, 16, 16, 16,
    16, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 16, 16, 16, 16, 16,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
};
/* clang-format on */

/* Decodes the character at byte i: its class (C_SPACE/C_WORD/C_PUNCT/C_NL)
** and code point. */
static inline int char_at(const char *s, size_t n, size_t i, int *cp, size_t *adv) {
  unsigned char c = (unsigned char)s[i];
  if (cls[c] != C_HIGH) {
    *cp = c;
    *adv = 1;
    return cls[c];
  }
  *cp = pt_utf8_decode(s + i, n - i, adv);
  if (pt_cp_is_word(*cp)) return C_WORD;
  if (pt_cp_is_space(*cp)) return (*cp == 0x2028 || *cp == 0x2029) ? C_NL : C_SPACE;
  return C_PUNCT;
}

/* End of the run of ASCII letters and digits starting at j (before lim).
** Words are short, so a byte loop mispredicts its exit once per word; with
** SSE2 (every x86-64) sixteen bytes are classified at once and the exit is
** a count of trailing bits, not a branch. */
#ifdef __SSE2__
/* Bit k set when byte k of v is an ASCII letter or digit (signed compares:
** bytes >= 0x80 are negative and fall out, as C_HIGH). */
static inline unsigned alnum_mask16(__m128i v) {
  __m128i lo = _mm_or_si128(v, _mm_set1_epi8(0x20));
  __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lo, _mm_set1_epi8('a' - 1)),
                                _mm_cmplt_epi8(lo, _mm_set1_epi8('z' + 1)));
  __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit));
}
#endif

static inline size_t ascii_word_end(const char *s, size_t j, size_t lim) {
#ifdef __SSE2__
  while (j + 16 <= lim) {
    unsigned m = alnum_mask16(_mm_loadu_si128((const __m128i *)(const void *)(s + j)));
    if (m != 0xFFFFu) return j + (size_t)__builtin_ctz(~m);
    j += 16;
  }
#endif
  while (j < lim && cls[(unsigned char)s[j]] == C_WORD) j++;
  return j;
}

/* Could the word w[0..n) be a pronoun (he, she, we, they)?  A cheap test
** that spares a lexicon lookup for most short words. */
static inline int is_pronoun_shape(const char *w, size_t n) {
  switch (n) {
    case 2: return (w[0] == 'h' || w[0] == 'w' || w[0] == 'H' || w[0] == 'W') && (w[1] == 'e' || w[1] == 'E');
    case 3: return (w[0] | 0x20) == 's' && (w[1] | 0x20) == 'h';
    case 4: return (w[0] | 0x20) == 't' && (w[1] | 0x20) == 'h' && (w[2] | 0x20) == 'e' && (w[3] | 0x20) == 'y';
    default: return 0;
  }
}

/* The gender of a noun kin_phrase() takes after a determiner ("mother",
** "woman", "son", "man"): 'f', 'm', or 0 for any other lower-case word
** w[0..n).  (Called for the words kin_first() lets through after a
** determiner: compares by length.) */
static int kin_noun(const char *w, size_t n) {
#define KIN(lit, g) \
  if (!memcmp(w, lit, n)) return g
  switch (n) {
    case 3: KIN("mom", 'f'); KIN("son", 'm'); KIN("dad", 'm'); KIN("man", 'm'); KIN("boy", 'm'); break;
    case 4: KIN("wife", 'f'); KIN("aunt", 'f'); KIN("girl", 'f'); KIN("lady", 'f'); break;
    case 5: KIN("niece", 'f'); KIN("woman", 'f'); KIN("widow", 'f'); KIN("uncle", 'm'); break;
    case 6: KIN("mother", 'f'); KIN("sister", 'f'); KIN("father", 'm'); KIN("nephew", 'm'); break;
    case 7: KIN("husband", 'm'); KIN("brother", 'm'); break;
    case 8: KIN("daughter", 'f'); break;
    case 11: KIN("grandmother", 'f'); KIN("grandfather", 'm'); break;
  }
#undef KIN
  return 0;
}

/* Could the lower-case word w[0..n) be one of kin_noun()'s: is its first
** letter that of one of theirs of its length?  Bit c - 'a' of entry n
** (keep in step with kin_noun()).  One load and a shift spare the lookups
** behind it for nearly every word: most words are no kin noun, and this
** test comes before the one of the word before. */
static inline int kin_first(const char *w, size_t n) {
#define KB(c) (1u << ((c) - 'a'))
  static const uint32_t first[16] = {
      0, 0, 0, KB('m') | KB('s') | KB('d') | KB('b'), KB('w') | KB('a') | KB('g') | KB('l'),
      KB('n') | KB('w') | KB('u'), KB('m') | KB('s') | KB('f') | KB('n'), KB('h') | KB('b'), KB('d'), 0, 0,
      KB('g')};
#undef KB
  unsigned c = (unsigned)(unsigned char)w[0] - 'a';
  return (int)((n < 16) & (c < 26) & (first[n & 15] >> (c & 31))); /* (no branches) */
}

/* Is the word whose first four bytes are x (the first letter folded to
** lower case; bytes past the word are masked off) and fifth byte c4, of n bytes, a
** determiner that may open a noun of gender: "a woman", "my mother",
** "their son", "the man" (kin_phrase())?  Free of branches, like
** visit_shape(): keys and masks laid out as bytes, so the byte order does
** not matter. */
static inline int det_word(uint32_t x, size_t n, char c4) {
  uint32_t m0, m01, m012, a, an, my, his, her, our, one, the, thei;
  memcpy(&m0, "\xff\0\0\0", 4), memcpy(&m01, "\xff\xff\0\0", 4), memcpy(&m012, "\xff\xff\xff\0", 4);
  memcpy(&a, "a\0\0\0", 4), memcpy(&an, "an\0\0", 4), memcpy(&my, "my\0\0", 4);
  memcpy(&his, "his\0", 4), memcpy(&her, "her\0", 4), memcpy(&our, "our\0", 4), memcpy(&one, "one\0", 4);
  memcpy(&the, "the\0", 4), memcpy(&thei, "thei", 4);
  uint32_t x01 = x & m01, x012 = x & m012;
  return ((n == 1) & ((x & m0) == a)) | ((n == 2) & ((x01 == an) | (x01 == my))) |
         ((n == 3) & ((x012 == his) | (x012 == her) | (x012 == our) | (x012 == one) | (x012 == the))) |
         ((n == 5) & (x == thei) & (c4 == 'r'));
}

/* det_word() of the word w[0..n), capitalised or not (only its first
** letter is folded).  The tokenizer marks it (PT_TOK_KIN) when a noun of
** gender follows. */
static inline int kin_det(const char *w, size_t n) {
  if (n > 5) return 0;
  char b[8] = {0};
  for (size_t k = 0; k < n; k++) b[k] = w[k];
  b[0] = (char)(b[0] | 0x20);
  uint32_t x;
  memcpy(&x, b, 4);
  return det_word(x, n, b[4]);
}

/* Is the lower-case word w[0..n) of token t a kin noun after a determiner
** ("a woman", "my mother"), the word before it a word of kin_det()?  Asked
** of the few words kin_first() lets through, so the determiner is looked
** at only then, not after every word. */
static inline int kin_after_det(const pt_entity_doc *d, const pt_tok *t, const char *w, size_t n) {
  return t > d->tok && (t[-1].flags & PT_TOK_WORD) && kin_det(d->text + t[-1].byte_off, t[-1].byte_len) &&
         kin_noun(w, n);
}

/* Could find_mentions() care about the word w[0..n), not capitalised, on
** its own: is it pronoun-shaped (is_pronoun_shape()) or "?he" ("the")?  A
** superset, case folded, and free of branches: short words are half the
** words, so a branch on each test would be mispredicted often.  `avail`
** bytes may be read at w. */
static inline int visit_shape(const char *w, size_t n, size_t avail) {
  if (avail < 4) return n >= 2 && n <= 4 && (is_pronoun_shape(w, n) || (n == 3 && w[1] == 'h' && w[2] == 'e'));
  /* four bytes, case folded, against two masks and keys by length (he
  ** or we; sh? or ?he; they), laid out as bytes, so the byte order does
  ** not matter; lengths with none have a key no masked word equals */
  static const char tab[8][4][4] = {
      {"", "\1", "", "\1"}, {"", "\1", "", "\1"},
      {"\xff\xff", "he", "\xff\xff", "we"}, {"\xff\xff", "sh", "\0\xff\xff", "\0he"},
      {"\xff\xff\xff\xff", "they", "\xff\xff\xff\xff", "they"}, {"", "\1", "", "\1"},
      {"", "\1", "", "\1"}, {"", "\1", "", "\1"}};
  uint32_t x, m0, k0, m1, k1;
  const char (*e)[4] = tab[n & 7];
  memcpy(&x, w, 4), memcpy(&m0, e[0], 4), memcpy(&k0, e[1], 4), memcpy(&m1, e[2], 4), memcpy(&k1, e[3], 4);
  x |= 0x20202020u;
  return (n < 8) & (((x & m0) == k0) | ((x & m1) == k1));
}

/* Bits set in x < 65536 (no POPCNT in baseline x86-64; libgcc's is a
** call). */
static inline int popcount16(unsigned x) {
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (int)((x + (x >> 8)) & 0x1Fu);
}

static int is_inner(int cp) { return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' || cp == 0x2010; }

static int tokenize(pt_entity_doc *d, const pt_span *skip, size_t n_skip,
                    const pt_span *marks, size_t n_marks) {
  const char *s = d->text;
  size_t n = d->len, i = 0, si = 0, mi = 0;
  int32_t para = 0;
  int para_start = 1, sent_start = 1;
  /* The tokens find_mentions() must look at are marked PT_TOK_VISIT (it
  ** skips the rest): a capitalised word and the word before it, a
  ** pronoun-shaped word, "the" and the word after it, a determiner that
  ** may open "a woman" or "my mother" -- its tests of a
  ** word and its neighbours, made here while the bytes are at hand (and a
  ** comma is PT_TOK_COMMA). */
  int after_the = 0;
  /* Where the next skipped span and the next mark start: until i reaches
  ** one of them, neither needs looking at. */
  size_t next_skip = n_skip ? skip[0].byte_off : SIZE_MAX;
  size_t next_mark = n_marks ? marks[0].byte_off : n;
  while (i < n) {
    if (s[i] == ' ') { i++; continue; }
    if (i >= next_skip) {
      while (si < n_skip && skip[si].byte_off + skip[si].byte_len <= i && skip[si].byte_off < i) si++;
      next_skip = si < n_skip ? skip[si].byte_off : SIZE_MAX;
      if (si < n_skip && skip[si].byte_off <= i) {
        /* A quotation becomes one placeholder token (PT_TOK_INQ): its words
        ** give no mentions, and windows stop at it.  Only its last character
        ** matters, as the end of a sentence. */
        size_t e = skip[si].byte_off + skip[si].byte_len;
        if (e <= i) {
          si++;
          next_skip = si < n_skip ? skip[si].byte_off : SIZE_MAX;
          continue;
        }
        if (d->n_tok == d->cap_tok &&
            pt_grow((void **)&d->tok, &d->cap_tok, d->n_tok + 1, sizeof(pt_tok)))
          return PT_NOMEM;
        pt_tok *t = &d->tok[d->n_tok++];
        t->byte_off = (uint32_t)i;
        t->byte_len = (uint32_t)(e - i);
        t->flags = PT_TOK_INQ | PT_TOK_LEXDONE;
        if (para_start) t->flags |= PT_TOK_PARA | PT_TOK_SENT;
        else if (sent_start) t->flags |= PT_TOK_SENT;
        t->lex = 0;
        t->wcls = 0;
        t->gender_grp = 0;
        t->para = para;
        t->ment = t->ment_end = -1;
        t->lex_group = -1;
        after_the = 0;
        size_t k = e;
        while (k > i && (s[k - 1] == ' ' || s[k - 1] == '\n')) k--;
        if (k > i && (s[k - 1] == '.' || s[k - 1] == '?' || s[k - 1] == '!')) sent_start = 1;
        else if (k > i) sent_start = 0;
        para_start = 0;
        i = e;
        si++;
        next_skip = si < n_skip ? skip[si].byte_off : SIZE_MAX;
        continue;
      }
    }
    if (i >= next_mark && mi < n_marks) {
      while (mi < n_marks && marks[mi].byte_off + marks[mi].byte_len <= i) mi++;
      next_mark = mi < n_marks ? marks[mi].byte_off : n;
      if (mi < n_marks && marks[mi].byte_off == i) {
        i += marks[mi].byte_len ? marks[mi].byte_len : 1;
        continue;
      }
    }
#ifdef __SSE2__
    if (((unsigned char)((s[i] | 0x20) - 'a') < 26) & (i + 16 <= n)) {
      /* Most tokens: an ASCII word ending at a space or a punctuation mark
      ** that no word continues through (not ' - . nor a non-ASCII
      ** character; but a lower-case word's dot ending a sentence is).  One 16-byte load gives its end and, for a
      ** capitalised word, its case counts; a lower-case one needs no
      ** lookup at all. */
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
      unsigned m = alnum_mask16(v);
      if (m != 0xFFFFu) {
        size_t j = i + (size_t)__builtin_ctz(~m);
        unsigned char e = (unsigned char)s[j];
        /* (a lower-case word before a dot that no word goes on through
        ** and no abbreviation keeps before a comma, "said.", is as the
        ** word loop below would make it: ends of sentences are common) */
        if (e < 0x80 && e != '\'' && e != '-' &&
            (e != '.' || (s[i] >= 'a' && j + 1 < n && (cls[(unsigned char)s[j + 1]] & (C_SPACE | C_NL | C_PUNCT)) &&
                          s[j + 1] != ',' && s[j + 1] != ')'))) {
          if (d->n_tok == d->cap_tok &&
              pt_grow((void **)&d->tok, &d->cap_tok, d->n_tok + 1, sizeof(pt_tok)))
            return PT_NOMEM;
          pt_tok *t = &d->tok[d->n_tok++];
          size_t wlen = j - i;
          t->byte_off = (uint32_t)i;
          t->byte_len = (uint32_t)wlen;
          t->para = para;
          t->ment = t->ment_end = -1;
          unsigned f = PT_TOK_WORD | (para_start ? PT_TOK_PARA | PT_TOK_SENT : 0);
          if (s[i] >= 'a') {
            f |= PT_TOK_LOWER | ((visit_shape(s + i, wlen, n - i) | after_the) ? PT_TOK_VISIT : 0);
            if (kin_first(s + i, wlen) && kin_after_det(d, t, s + i, wlen)) t[-1].flags |= PT_TOK_VISIT | PT_TOK_KIN; /* "a woman" */
            t->lex = 0;
            t->gender_grp = 0;
            t->lex_group = -1;
          } else {
            /* all capitals: two or more letters, none lower case */
            unsigned in = ((unsigned)1 << wlen) - 1;
            unsigned up = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                                                    _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)))) & in;
            unsigned lo = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                                                                    _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)))) & in;
            f |= PT_TOK_CAP | PT_TOK_LEXDONE | PT_TOK_VISIT | (sent_start ? PT_TOK_SENT : 0) |
                 (!lo && (up & (up - 1)) ? PT_TOK_ALLCAPS : 0);
            int g = -1, gen = 0;
            unsigned c = 0;
            t->lex = (uint16_t)lex_lookup_in(s + i, wlen, n - i, &g, &gen, &c); /* (a word over LEX_MAX_LEN is not found) */
            t->wcls = (uint16_t)c;
            t->lex_group = (int8_t)g;
            t->gender_grp = (int8_t)gen;
            if (d->n_tok > 1) /* a word before a name (no branch on its kind) */
              t[-1].flags |= (uint16_t)((t[-1].flags & PT_TOK_WORD) * PT_TOK_VISIT);
          }
          /* (sixteen bytes are readable: no branch on the length, which
          ** would be mispredicted often) */
          after_the = (wlen == 3) & (s[i + 1] == 'h') & (s[i + 2] == 'e');
          t->flags = (uint16_t)(f | (unsigned)(after_the & ((s[i] | 0x20) == 't')) * PT_TOK_THE);
          para_start = sent_start = 0;
          i = j;
          continue;
        }
      }
    }
#endif
    int cp;
    size_t adv;
    int k = char_at(s, n, i, &cp, &adv);
    if (k == C_SPACE) { i += adv; continue; }
    if (k == C_NL) {
      /* A blank line (only spaces between two newlines) ends a paragraph. */
      size_t j = i + adv;
      while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) j++;
      if (j < n && s[j] == '\n') {
        if (!para_start) para++;
        para_start = 1;
        sent_start = 1;
        i = j + 1;
      } else {
        i += adv;
      }
      continue;
    }
    if (d->n_tok == d->cap_tok &&
        pt_grow((void **)&d->tok, &d->cap_tok, d->n_tok + 1, sizeof(pt_tok)))
      return PT_NOMEM;
    pt_tok *t = &d->tok[d->n_tok];
    t->byte_off = (uint32_t)i;
    t->lex = 0;
    t->gender_grp = 0;
    t->para = para;
    t->ment = t->ment_end = -1;
    t->lex_group = -1;
    if (k == C_WORD) {
      int first = cp, upper = 0, lower = 0, letters = 0;
      size_t j = i;
      int c2;
      size_t a2;
      size_t lim = next_mark < n ? next_mark : n;
      /* The first run of ASCII letters and digits; with SSE2 its upper-
      ** and lower-case letters come from the same sixteen bytes, so a
      ** short ASCII word is counted without another pass or a branch. */
      size_t run = SIZE_MAX;
      unsigned upm = 0, lom = 0;
#ifdef __SSE2__
      if (i + 16 <= n && i < lim) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned m = alnum_mask16(v);
        upm = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                                        _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1))));
        lom = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                                                        _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1))));
        j = m != 0xFFFFu ? i + (size_t)__builtin_ctz(~m) : i + 16;
        if (j > lim) j = lim;
        else if (j == i + 16) j = ascii_word_end(s, j, lim);
        run = j;
      } else
#endif
        j = ascii_word_end(s, j, lim);
      for (;;) {
        /* ASCII fast path: letters are counted afterwards, and only for
        ** capitalised words (ALLCAPS, initials). */
        if (j >= lim) break;
        /* most words end at an ASCII space or punctuation that is no
        ** inner character: done without decoding */
        unsigned char e = (unsigned char)s[j];
        if (e < 0x80 && e != '\'' && e != '-' && e != '.') break;
        int k2 = char_at(s, n, j, &c2, &a2);
        if (k2 == C_WORD) {
          j = ascii_word_end(s, j + a2, lim);
          continue;
        }
        /* UTF-8 read as Latin-1 and encoded again, as scraped text has it:
        ** "PeÃ±a", "FranÃ§ois" -- Ã or Â and a character of U+0080-U+00BF
        ** (a sign, "±", "§") go on as one word */
        /* (the Ã may be decomposed, A and U+0303, as in PolNeAR's texts) */
        if (c2 >= 0x80 && c2 <= 0xBF && j >= 3 && j + a2 < lim &&
            ((unsigned char)s[j - 1] == 0x83 || (unsigned char)s[j - 1] == 0x82) &&
            ((unsigned char)s[j - 2] == 0xC3 || ((unsigned char)s[j - 2] == 0xCC && s[j - 3] == 'A'))) {
          j = ascii_word_end(s, j + a2, lim);
          continue;
        }
        if (k2 == C_PUNCT && is_inner(c2) && j + a2 < lim) {
          int c3;
          size_t a3;
          /* A possessive 's is its own token: "Trump's" -> Trump ' s. */
          if ((c2 == '\'' || c2 == 0x2019) && (s[j + a2] == 's' || s[j + a2] == 'S') &&
              (j + a2 + 1 >= n || cls[(unsigned char)s[j + a2 + 1]] != C_WORD))
            break;
          if (char_at(s, n, j + a2, &c3, &a3) == C_WORD) {
            /* "U.S.", "don't", "cyber-enabled" stay one word. */
            j = ascii_word_end(s, j + a2, lim);
            continue;
          }
        }
        break;
      }
      size_t wlen = j - i;
      int isup0 = first < 0x80 ? (first >= 'A' && first <= 'Z') : pt_cp_is_upper(first), counted = 0;
      if (j == run && wlen <= 16) {
        /* one ASCII run: counted from the masks (only capitalised words
        ** are counted at all) */
        unsigned in = (unsigned)(((uint32_t)1 << wlen) - 1);
        int u = popcount16(upm & in), l = popcount16(lom & in);
        upper = isup0 ? u : 0;
        lower = isup0 ? l : 0;
        letters = upper + lower;
        counted = 1;
      }
#ifdef __SSE2__
      if (isup0 && !counted && wlen <= 16 && i + 16 <= n) {
        /* An ASCII word of up to sixteen bytes: its letters counted from
        ** three byte masks. */
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned in = (unsigned)(((uint32_t)1 << wlen) - 1);
        if (!((unsigned)_mm_movemask_epi8(v) & in)) {
          unsigned up = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                                                  _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)))) & in;
          unsigned lo = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                                                                  _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)))) & in;
          upper = popcount16(up);
          lower = popcount16(lo);
          letters = upper + lower;
          counted = 1;
        }
      }
#endif
      if (isup0 && !counted) {
        for (size_t q = i; q < j;) {
          size_t aq = 1;
          int cq = (unsigned char)s[q];
          if (cq >= 0x80) cq = pt_utf8_decode(s + q, j - q, &aq);
          if (cq < 0x80 ? ((cq | 0x20) >= 'a' && (cq | 0x20) <= 'z') : pt_cp_is_letter(cq)) {
            letters++;
            if (cq < 0x80 ? (cq >= 'A' && cq <= 'Z') : pt_cp_is_upper(cq)) upper++;
            else lower++;
          }
          q += aq;
        }
      }
      /* Abbreviations keep their final dot: "Sen.", "Mr.", "J.", "U.S." */
      if (j + 1 < n && s[j] == '.' && j < next_mark && (s[j + 1] == ',' || s[j + 1] == ')')) {
        wlen++; /* "R-Ky.," "(D-Calif.)": a dot before a comma ends no sentence */
      } else if (j < n && s[j] == '.' && j < next_mark && wlen <= 6 && (upper || memchr(s + i, '.', wlen))) {
        int g, gen;
        int f = lex_lookup_in(s + i, wlen + 1, n - i, &g, &gen, NULL);
        if (!f && (lex_lookup_in(s + i, wlen, n - i, NULL, NULL, NULL) & PT_LEX_ABBREV)) f = PT_LEX_ABBREV;
        if ((f & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON | PT_LEX_TITLE_HEAD | PT_LEX_ABBREV)) ||
            (letters == 1 && upper == 1 && wlen == 1) || memchr(s + i, '.', wlen))
          wlen++;
      }
      t->byte_len = (uint32_t)wlen;
      t->flags = PT_TOK_WORD;
      int isup = first < 0x80 ? (first >= 'A' && first <= 'Z') : pt_cp_is_upper(first);
      int islow = first < 0x80 ? (first >= 'a' && first <= 'z') : pt_cp_is_lower(first);
      if (isup) t->flags |= PT_TOK_CAP;
      if (islow) t->flags |= PT_TOK_LOWER;
      if (letters >= 2 && lower == 0) t->flags |= PT_TOK_ALLCAPS;
      if (isup) {
        int g = -1, gen = 0;
        unsigned c = 0;
        t->lex = wlen <= LEX_MAX_LEN ? (uint16_t)lex_lookup_in(s + i, wlen, n - i, &g, &gen, &c) : 0;
        t->wcls = (uint16_t)c;
        t->lex_group = g;
        t->gender_grp = gen;
        t->flags |= PT_TOK_LEXDONE | PT_TOK_VISIT;
        if (d->n_tok) t[-1].flags |= (uint16_t)((t[-1].flags & PT_TOK_WORD) * PT_TOK_VISIT); /* a word before a name */
      } else {
        /* a pronoun, "the", a word after "the" */
        t->flags |= (uint16_t)((visit_shape(s + i, wlen, n - i) | after_the) ? PT_TOK_VISIT : 0);
        if ((t->flags & PT_TOK_LOWER) && kin_first(s + i, wlen) && kin_after_det(d, t, s + i, wlen))
          t[-1].flags |= PT_TOK_VISIT | PT_TOK_KIN;
      }
      after_the = wlen == 3 && s[i + 1] == 'h' && s[i + 2] == 'e'; /* (no read past a shorter word) */
      if (after_the && (s[i] | 0x20) == 't') t->flags |= PT_TOK_THE;
      i += wlen;
    } else {
      t->byte_len = (uint32_t)adv;
      t->flags = cp == ',' ? PT_TOK_PUNCT | PT_TOK_COMMA : PT_TOK_PUNCT;
      after_the = 0;
      if (cp == '.' || cp == '?' || cp == '!') t->flags |= PT_TOK_STOP;
      if (cp >= 0x80 && pt_cp_is_dash(cp)) t->flags |= PT_TOK_DASH; /* (ASCII: only '-') */
      if (cp == '-' && i + 1 < n && s[i + 1] == '-') {
        t->flags |= PT_TOK_DASH;
        t->byte_len = 2;
        adv = 2;
      }
      i += adv;
    }
    if (para_start) t->flags |= PT_TOK_PARA | PT_TOK_SENT;
    else if (sent_start && (t->flags & (PT_TOK_CAP | PT_TOK_PUNCT)) && !(t->flags & PT_TOK_STOP))
      t->flags |= PT_TOK_SENT;
    para_start = 0;
    if (t->flags & PT_TOK_STOP) sent_start = 1;
    else if (t->flags & PT_TOK_WORD) sent_start = 0;
    d->n_tok++;
  }
  return PT_OK;
}

size_t pt_entity_tok_at(const pt_entity_doc *d, size_t byte_off) {
  /* Branchless lower bound: the halving is a conditional move, not a
  ** branch mispredicted half the time. */
  const pt_tok *base = d->tok;
  size_t len = d->n_tok;
  if (!len) return 0;
  while (len > 1) {
    size_t half = len / 2;
    base = base[half].byte_off < byte_off ? base + half : base;
    len -= half;
  }
  return (size_t)(base - d->tok) + (base->byte_off < byte_off);
}

/* ====================================================================
** Name map: word text -> last entity with that surname / first name.
*/
typedef struct map_slot {
  uint32_t h;       /* hash bits, 4, kind (bits 0-1); 0 = empty */
  int32_t ent;
  uint32_t off, len;/* the key text (texts are < 4 GiB) */
} map_slot;

/* Are text[a..a+n) and text[b..b+n) equal?  Eight bytes at a time: keys
** are words and names, a call to memcmp() costs more than they do. */
static inline int text_eq(const pt_entity_doc *d, size_t a, size_t b, size_t n) {
  for (size_t i = 0; i < n; i += 8) {
    size_t r = n - i < 8 ? n - i : 8;
    if (lex_chunk(d->text, a + i, r, d->len) != lex_chunk(d->text, b + i, r, d->len)) return 0;
  }
  return 1;
}

/* Hash of a key, with bit 2 set and bits 0-1 clear for the kind, so one
** hash serves every kind of the same word (link_name() asks for up to
** four): eight bytes a multiply, as lex_hash(). */
static inline uint32_t map_hash(const pt_entity_doc *d, size_t off, size_t n) {
  const uint64_t K = 0x9E3779B97F4A7C15ull;
  uint64_t h = (uint64_t)n * K;
  for (size_t i = 0; i < n; i += 8) h = (h ^ lex_chunk(d->text, off + i, n - i < 8 ? n - i : 8, d->len)) * K;
  return ((uint32_t)(h >> 32) & ~7u) | 4u;
}

/* The entity of key text[off..off+len) of `kind`, or -1; hw is its
** map_hash(). */
static int map_get_h(const pt_entity_doc *d, uint32_t hw, size_t off, size_t len, int kind) {
  if (!d->map_cap) return -1;
  const map_slot *m = d->map;
  uint32_t h = hw | (uint32_t)kind;
  for (size_t i = (h >> 3) & (d->map_cap - 1);; i = (i + 1) & (d->map_cap - 1)) {
    if (!m[i].h) return -1;
    if (m[i].h == h && m[i].len == len && text_eq(d, m[i].off, off, len)) return m[i].ent;
  }
}

static int map_get(const pt_entity_doc *d, size_t off, size_t len, int kind) {
  return d->map_cap ? map_get_h(d, map_hash(d, off, len), off, len, kind) : -1;
}

static int map_put_h(pt_entity_doc *d, uint32_t hw, size_t off, size_t len, int kind, int ent) {
  if ((d->map_n + 1) * 2 > d->map_cap) {
    size_t nc = d->map_cap ? d->map_cap * 2 : 256;
    map_slot *nm = pt_calloc(nc, sizeof *nm);
    if (!nm) return PT_NOMEM;
    map_slot *om = d->map;
    for (size_t i = 0; i < d->map_cap; i++) {
      if (!om[i].h) continue;
      size_t j = (om[i].h >> 3) & (nc - 1);
      while (nm[j].h) j = (j + 1) & (nc - 1);
      nm[j] = om[i];
    }
    pt_free(om);
    d->map = nm;
    d->map_cap = nc;
  }
  map_slot *m = d->map;
  uint32_t h = hw | (uint32_t)kind;
  size_t i = (h >> 3) & (d->map_cap - 1);
  for (;; i = (i + 1) & (d->map_cap - 1)) {
    if (!m[i].h) break;
    if (m[i].h == h && m[i].len == len && text_eq(d, m[i].off, off, len)) {
      m[i].ent = ent;
      return PT_OK;
    }
  }
  m[i].h = h;
  m[i].ent = ent;
  m[i].off = (uint32_t)off;
  m[i].len = (uint32_t)len;
  d->map_n++;
  return PT_OK;
}

static int map_put(pt_entity_doc *d, size_t off, size_t len, int kind, int ent) {
  return map_put_h(d, map_hash(d, off, len), off, len, kind, ent);
}

/* ====================================================================
** Mentions and linking.
*/
#define MAX_GROUPS 128
/* How many sentences back a he/she looks for its person. */
#ifndef PRONOUN_WINDOW
#define PRONOUN_WINDOW 8
#endif

typedef struct link_state {
  int last_m, last_f, last_u; /* last person by gender (u: unknown, >= 2 words) */
  size_t at_m, at_f, at_u;    /* token index of those mentions */
  int modifier;               /* the name being linked qualifies a title + name */
  int32_t cur_sent;           /* sentence counter */
  int fs_ent[3];              /* first person of each class (m, f, unknown) ... */
  int32_t fs_sent[3];         /* ... in the latest sentence that had one */
  size_t fs_tok[3];
  int fs_weak[3];             /* ... only as a modifier so far */
  int fs_rep[3];              /* ... as the subject of a closing "X said." */
  int fs_pobj[3];             /* ... as a preposition's object */
  int pv_ent[3];              /* the one before, when it was no modifier ... */
  int32_t pv_sent[3];         /* ... and its sentence */
  int weak;                   /* the name being linked is a modifier */
  int pobj;                   /* ... is a preposition's object */
  int reporter;               /* ... is followed by "said." or "said," */
  int fronted;                /* inside a sentence-opening subordinate clause */
  int last_org;
  int by_group[MAX_GROUPS];   /* last entity holding each title group */
  /* the surnames of the latest persons named in full, for misspellings */
  struct { size_t off; uint32_t len; int ent; } sur[64];
  unsigned n_sur;             /* surnames seen (the ring holds the last 64) */
} link_state;

static int is_name_word(const pt_tok *t) {
  return (t->flags & PT_TOK_WORD) && (t->flags & PT_TOK_CAP) && !(t->flags & PT_TOK_INQ);
}

/* Is token j a quoted nickname inside a name: Rep. Robert C. "Bobby" Scott,
** Marcia "Cia" Price?  One capitalised word in marks, between name words. */
static int nickname(const pt_entity_doc *d, size_t j) {
  const pt_tok *t = &d->tok[j];
  if (j == 0 || j + 1 >= d->n_tok || t->byte_len < 2 || t->byte_len > 16) return 0;
  const char *w = d->text + t->byte_off;
  if (!(w[0] >= 'A' && w[0] <= 'Z')) return 0;
  for (size_t k = 1; k < t->byte_len; k++)
    if (!((w[k] >= 'a' && w[k] <= 'z') || w[k] == '.' || w[k] == '-')) return 0;
  const pt_tok *p = &d->tok[j - 1], *n = &d->tok[j + 1];
  return is_name_word(p) && is_name_word(n) && n->para == t->para && p->para == t->para &&
         !(LEX(d, j + 1) & (PT_LEX_STOPCAP | PT_LEX_PRONOUN)) &&
         n->byte_off - (t->byte_off + t->byte_len) <= 5 && t->byte_off - (p->byte_off + p->byte_len) <= 5;
}

/* A word that can continue a name run: capitalised, not a stop word, not a
** cue; a quoted nickname between two; or a lower-case particle before a
** capitalised word. */
static int name_cont(const pt_entity_doc *d, size_t j) {
  const pt_tok *t = &d->tok[j];
  if (t->flags & PT_TOK_INQ) return nickname(d, j);
  if (is_name_word(t)) {
    if (LEX(d, j) & (PT_LEX_STOPCAP | PT_LEX_PRONOUN)) return 0;
    return 1;
  }
  if ((t->flags & PT_TOK_LOWER) && t->byte_len <= 3 && j + 1 < d->n_tok &&
      is_name_word(&d->tok[j + 1]) && !(LEX(d, j + 1) & PT_LEX_STOPCAP)) {
    const char *w = d->text + t->byte_off;
    if ((t->byte_len == 2 && (!memcmp(w, "de", 2) || !memcmp(w, "da", 2))) ||
        (t->byte_len == 3 && (!memcmp(w, "van", 3) || !memcmp(w, "von", 3) ||
                              !memcmp(w, "bin", 3) || !memcmp(w, "del", 3))))
      return 1;
  }
  /* "Safia Taleb al-Suhail", "Abu Bakr al-Baghdadi", "Abdel Fattah el-Sisi" */
  if ((t->flags & PT_TOK_LOWER) && t->byte_len >= 5 && j > 0 && is_name_word(&d->tok[j - 1])) {
    const char *w = d->text + t->byte_off;
    if ((!memcmp(w, "al-", 3) || !memcmp(w, "el-", 3)) && w[3] >= 'A' && w[3] <= 'Z') return 1;
  }
  return 0;
}

/* Is there a line break between tokens j-1 and j?  A name never crosses
** one ("... Net Politics CFR\nBlog Post"). */
int pt_entity_line_break(const pt_entity_doc *d, size_t j) {
  if (j == 0 || j >= d->n_tok) return 0;
  size_t e = d->tok[j - 1].byte_off + d->tok[j - 1].byte_len, st = d->tok[j].byte_off;
  for (size_t k = e; k < st; k++)
    if (d->text[k] == '\n' || d->text[k] == '\r') return 1;
  return 0;
}

/* End (exclusive) of the capitalised name run starting at token a, at most
** lim: capitalised words (an organisation word may follow a stop word:
** "White House"), never across a paragraph or a line break, and stopping
** before a title that introduces another name. */
static size_t run_end(const pt_entity_doc *d, size_t a, size_t lim) {
  size_t b = a;
  int32_t para = d->tok[a].para;
  while (b < d->n_tok && b < lim && d->tok[b].para == para && (b == a || !pt_entity_line_break(d, b)) &&
         (name_cont(d, b) ||
          /* "White House", "Trump Tower": an organisation word ends a run */
          (b > a && is_name_word(&d->tok[b]) && (LEX(d, b) & PT_LEX_ORGWORD)))) {
    if (b > a && (LEX(d, b) & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON)) &&
        !(LEX(d, b) & PT_LEX_FIRST) && b + 1 < d->n_tok && name_cont(d, b + 1))
      break;
    if (b > a && (LEX(d, b) & PT_LEX_TITLE_HEAD) && !(LEX(d, b) & PT_LEX_FIRST)) {
      /* "Harbor Trust Executive Director Lena Ostrova": a title of several
      ** words ends the run too */
      size_t tn = pt_lex_phrase(d, b, PT_LEX_TITLE_ROLE, NULL, NULL, NULL);
      if (tn > 1 && b + tn < d->n_tok && name_cont(d, b + tn)) break;
    }
    b++;
  }
  return b;
}

static inline int word_is(const pt_entity_doc *d, size_t j, const char *w) {
  const char *s = d->text + d->tok[j].byte_off;
  if (s[0] != w[0]) return 0; /* most calls end here */
  size_t n = strlen(w);
  return d->tok[j].byte_len == n && !memcmp(s, w, n);
}

/* "U.S.-China", "EU-Japan", "China-Japan": a hyphenated pair of places or
** abbreviations that qualifies the name after it. */
static int is_hyphen_modifier(const pt_entity_doc *d, size_t j) {
  const pt_tok *t = &d->tok[j];
  const char *w = d->text + t->byte_off;
  const char *h = memchr(w, '-', t->byte_len);
  if (!h || h == w || (size_t)(h - w) + 1 >= t->byte_len) return 0;
  size_t n1 = (size_t)(h - w), n2 = t->byte_len - n1 - 1;
  const char *w2 = h + 1;
  if (!(w2[0] >= 'A' && w2[0] <= 'Z')) return 0;
  int abbr1 = w[n1 - 1] == '.' || (n1 >= 2 && n1 <= 4 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z');
  int place1 = (pt_lex_lookup(w, n1, NULL, NULL) & PT_LEX_PLACE) != 0;
  int place2 = (pt_lex_lookup(w2, n2, NULL, NULL) & PT_LEX_PLACE) != 0;
  return abbr1 || place1 || place2;
}

/* The same pair split by the tokenizer after an abbreviation: "U.S." "-"
** "China" (token j is "China"). */
static int is_hyphen_tail(const pt_entity_doc *d, size_t j) {
  if (j < 2) return 0;
  const pt_tok *h = &d->tok[j - 1], *p = &d->tok[j - 2], *t = &d->tok[j];
  if (!(h->flags & PT_TOK_PUNCT) || h->byte_len != 1 || d->text[h->byte_off] != '-') return 0;
  if (p->byte_off + p->byte_len != h->byte_off || h->byte_off + 1 != t->byte_off) return 0;
  if (!(p->flags & PT_TOK_WORD) || !(t->flags & PT_TOK_CAP)) return 0;
  return d->text[p->byte_off + p->byte_len - 1] == '.' || (p->flags & PT_TOK_ALLCAPS) ||
         (LEX(d, j - 2) & PT_LEX_PLACE) || (LEX(d, j) & PT_LEX_PLACE);
}

/* Extends the name run [a, b) of an organisation over lower-case
** connectors and possessives between capitalised words: "Office of
** Personnel Management", "Strategic and Economic Dialogue", "Department of
** Health and Human Services", "People's Liberation Army".  Only when the
** result is institutional (an organisation word on the left of "of"/"for"/
** "on", or ending the right side) and the left side is no person (given
** name, title or known surname) and, before "and" or a possessive, no
** place.  Returns the new end; *joined is set when it moved. */
static size_t org_extend(const pt_entity_doc *d, size_t a, size_t b, int *joined) {
  if (b <= a) return b; /* (an empty run: no left side) */
  int has_of = 0;
  while (b + 1 < d->n_tok && b - a < 12) {
    const pt_tok *t = &d->tok[b], *lt = &d->tok[b - 1];
    size_t c0;
    int kind; /* 1: of/for/on, 2: and/&, 3: possessive */
    if ((t->flags & PT_TOK_LOWER) && (word_is(d, b, "of") || word_is(d, b, "for") || word_is(d, b, "on")))
      kind = 1, c0 = b + 1;
    else if (((t->flags & PT_TOK_LOWER) && word_is(d, b, "and")) ||
             ((t->flags & PT_TOK_PUNCT) && d->text[t->byte_off] == '&'))
      kind = 2, c0 = b + 1;
    else if ((t->flags & PT_TOK_PUNCT) && t->byte_off == lt->byte_off + lt->byte_len && b + 2 < d->n_tok &&
             (d->text[t->byte_off] == '\'' || !memcmp(d->text + t->byte_off, "\xe2\x80\x99", 3)) &&
             (word_is(d, b + 1, "s") || word_is(d, b + 1, "S")) &&
             d->tok[b + 1].byte_off == t->byte_off + t->byte_len)
      kind = 3, c0 = b + 2;
    else
      break;
    if (pt_entity_line_break(d, b)) break;
    int left_org = 0, left_bad = 0, left_place = 0;
    for (size_t k = a; k < b; k++) {
      int f = LEX(d, k);
      if (f & PT_LEX_ORGWORD) left_org = 1;
      if (f & (PT_LEX_FIRST | PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON)) left_bad = 1;
      if (f & PT_LEX_PLACE) left_place = 1;
    }
    if (!left_org) {
      int pe = map_get(d, lt->byte_off, lt->byte_len, 0);
      if (pe >= 0 && (d->ent[pe].person || d->ent[pe].gender)) left_bad = 1;
    }
    /* "CEO of ...": an all-caps word alone is a title or an acronym */
    if (left_bad || (b - a == 1 && (d->tok[a].flags & PT_TOK_ALLCAPS))) break;
    if (c0 >= d->n_tok || pt_entity_line_break(d, c0) || !is_name_word(&d->tok[c0]) ||
        (LEX(d, c0) & (PT_LEX_STOPCAP | PT_LEX_PRONOUN | PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON)))
      break;
    size_t c = run_end(d, c0, c0 + 6);
    if (c == c0) break;
    int right_org = (LEX(d, c - 1) & PT_LEX_ORGWORD) != 0;
    /* (two words or more with no organisation word before "of" are a
    ** person's name: "Meenakshi Ganguly of Human Rights Watch") */
    int ok = kind == 1 ? (left_org || (right_org && b - a == 1))
             : kind == 2 ? !left_place && right_org && (!left_org || has_of)
                         : !left_place && !left_org && b - a == 1 && right_org;
    if (!ok) break;
    if (kind == 1) has_of = 1;
    b = c;
    *joined = 1;
  }
  return b;
}

/* Was word token w seen with a name mention of entity ent before token
** `before`: in the words that run up to the name ("Florida Sen. Marco
** Rubio", "Republican presidential nominee Donald Trump"), in "of X"
** after it ("Sen. Marco Rubio of Florida") or in its role?  Case is
** ignored. */
static int seen_with(const pt_entity_doc *d, int ent, size_t w, size_t before) {
  const pt_tok *wt = &d->tok[w];
  const char *ws = d->text + wt->byte_off;
  const pt_entity *e = &d->ent[ent];
  /* (or in its role: "Donald Trump, the Republican nominee,") */
  for (size_t r = e->role_off; e->role_len >= wt->byte_len && r + wt->byte_len <= e->role_off + e->role_len; r++)
    if (!strncasecmp(d->text + r, ws, wt->byte_len) && (r == e->role_off || d->text[r - 1] == ' ')) return 1;
  /* (the first mentions are where a name comes with its words: a bounded
  ** look keeps long texts linear) */
  for (size_t m = d->ent[ent].first_ment, n = 0; m < d->n_ment && d->ment[m].tok_first < before && n < 512; m++, n++) {
    const pt_mention *mm = &d->ment[m];
    if (mm->ent != ent || mm->type == PT_MENT_PRONOUN) continue;
    size_t lo = mm->tok_first;
    while (lo > 0 && lo + 5 > mm->tok_first && (d->tok[lo - 1].flags & PT_TOK_WORD) && !word_is(d, lo - 1, "and") &&
           !word_is(d, lo - 1, "or") && d->tok[lo - 1].para == d->tok[mm->tok_first].para)
      lo--;
    size_t hi = mm->tok_end;
    if (hi + 1 < d->n_tok && word_is(d, hi, "of")) hi += 3;
    if (hi > d->n_tok) hi = d->n_tok;
    for (size_t k = lo; k < hi; k++) {
      const pt_tok *t = &d->tok[k];
      if (t->byte_len == wt->byte_len && !strncasecmp(d->text + t->byte_off, ws, wt->byte_len)) return 1;
    }
  }
  return 0;
}

/* Titles in a row from token a, each capitalised, of a kind in `kinds`,
** not a given name, and followed by a capitalised word: "NATO Secretary
** General Jens Stoltenberg", "vice-presidential nominee Gov. Mike Pence".
** Returns the token after the last (a when there is none); ORs their kinds
** into *tf and keeps the last group and gender in *tg and *tgen. */
static size_t title_chain(pt_entity_doc *d, size_t a, int kinds, int *tf, int *tg, int *tgen) {
  size_t n;
  int f, g, gen;
  while (a + 1 < d->n_tok && (d->tok[a].flags & PT_TOK_CAP) && (LEX(d, a) & kinds) && !(LEX(d, a) & PT_LEX_FIRST) &&
         (f = 0, g = -1, gen = 0, n = pt_lex_phrase(d, a, kinds, &f, &g, &gen)) != 0 && a + n < d->n_tok &&
         (d->tok[a + n].flags & PT_TOK_CAP)) {
    a += n;
    *tf |= f;
    if (g >= 0) *tg = g;
    if (gen == 'm' || gen == 'f') *tgen = gen;
  }
  return a;
}

/* An epithet at token i: "the Florida senator", "the former Democratic
** governor", "the presumptive Republican presidential nominee" -- "the",
** up to four modifiers and a role title with a capitalised word among
** them, no name after it.  Returns the entity it names (the latest person
** of that title the text showed with every capitalised word) and sets
** *end, or -1 (a title alone, "the senator", is left to the caller). */
static int epithet(const pt_entity_doc *d, size_t i, size_t *end) {
  static const char *const mods[] = {"former", "then", "presumptive", "presidential", "outgoing", NULL};
  size_t p = i + 1, tn = 0;
  int tf = 0, tg = -1, tgen = 0;
  while (p < i + 5 && p < d->n_tok && (d->tok[p].flags & PT_TOK_WORD) && !(d->tok[p].flags & PT_TOK_INQ) &&
         d->tok[p].para == d->tok[i].para) {
    if ((LEX(d, p) & PT_LEX_TITLE_ROLE) &&
        (tn = pt_lex_phrase(d, p, PT_LEX_TITLE_ROLE, &tf, &tg, &tgen)) != 0)
      break;
    if (!(d->tok[p].flags & PT_TOK_CAP)) {
      int k = 0;
      while (mods[k] && !word_is(d, p, mods[k])) k++;
      if (!mods[k]) return -1;
    }
    p++;
  }
  if (!tn || tg < 0) return -1;
  size_t e = p + tn, k;
  if (!(d->tok[e - 1].flags & PT_TOK_LOWER)) return -1; /* "the Senate", "the President's" are other things */
  /* (not "the Florida senator Marco Rubio" nor "the White House
  ** spokesman, Josh Earnest,": the name is there) */
  if (e < d->n_tok && (d->tok[e].flags & PT_TOK_CAP)) return -1;
  if (e + 1 < d->n_tok && (d->tok[e].flags & PT_TOK_PUNCT) && d->text[d->tok[e].byte_off] == ',' &&
      (d->tok[e + 1].flags & PT_TOK_CAP))
    return -1;
  for (k = i + 1; k < e && !(d->tok[k].flags & PT_TOK_CAP); k++) {}
  if (k == e) return -1;
  *end = e;
  /* the latest holders of the title, each tried once, a few at most */
  int tried[8], n_tried = 0;
  for (size_t m = d->n_ment, n = 0; m-- > 0 && n < 4096 && n_tried < 8; n++) {
    int en = d->ment[m].ent, t2 = 0;
    if (en < 0 || d->ment[m].type == PT_MENT_PRONOUN || d->ent[en].title_group != tg ||
        d->ent[en].type != PT_ENT_PERSON)
      continue;
    while (t2 < n_tried && tried[t2] != en) t2++;
    if (t2 < n_tried) continue;
    tried[n_tried++] = en;
    for (k = i + 1; k < e; k++)
      if ((d->tok[k].flags & PT_TOK_CAP) && !seen_with(d, en, k, i)) break;
    if (k == e) return en;
  }
  return -1;
}

/* A person named only by a noun of gender at token i, "my mother", "his
** wife", "a woman", "the man", with no name after it: the noun's gender
** ('m' or 'f'), or 0. */
static int kin_phrase(const pt_entity_doc *d, size_t i) {
  const pt_tok *t = &d->tok[i];
  if (t->byte_len > 5 || i + 1 >= d->n_tok) return 0;
  const pt_tok *n = &d->tok[i + 1];
  if (!(n->flags & PT_TOK_LOWER) || n->byte_len < 3 || n->byte_len > 11 || n->para != t->para) return 0;
  if (!kin_det(d->text + t->byte_off, t->byte_len)) return 0;
  int g = kin_noun(d->text + n->byte_off, n->byte_len);
  if (!g) return 0;
  /* (not "his wife, Maria Vance," nor "her son Hunter": the name is there;
  ** nor "his son's team": a possessor) */
  size_t e = i + 2;
  if (pt_entity_possessive(d, e)) return 0;
  if (e < d->n_tok && (d->tok[e].flags & PT_TOK_CAP)) return 0;
  if (e + 1 < d->n_tok && (d->tok[e].flags & PT_TOK_PUNCT) && d->text[d->tok[e].byte_off] == ',' &&
      (d->tok[e + 1].flags & PT_TOK_CAP))
    return 0;
  return g;
}

static int add_mention(pt_entity_doc *d, size_t first, size_t end, size_t boff_tok,
                       int type, int ent) {
  if (pt_grow((void **)&d->ment, &d->cap_ment, d->n_ment + 1, sizeof(pt_mention)))
    return PT_NOMEM;
  pt_mention *m = &d->ment[d->n_ment];
  m->tok_first = first;
  m->tok_end = end;
  m->byte_off = d->tok[boff_tok].byte_off;
  m->byte_len = d->tok[end - 1].byte_off + d->tok[end - 1].byte_len - m->byte_off;
  m->type = type;
  m->ent = ent;
  d->tok[first].ment = (int32_t)d->n_ment;
  d->tok[end - 1].ment_end = (int32_t)d->n_ment;
  d->n_ment++;
  return PT_OK;
}

static int new_entity(pt_entity_doc *d, int type) {
  if (pt_grow((void **)&d->ent, &d->cap_ent, d->n_ent + 1, sizeof(pt_entity))) return -1;
  pt_entity *e = &d->ent[d->n_ent];
  memset(e, 0, sizeof *e);
  e->type = type;
  e->title_group = -1;
  e->first_ment = d->n_ment;
  return (int)d->n_ent++;
}

/* Records a mention of person `ent` at token tok: the last person of its
** gender, and the first of its gender in the current sentence (unless the
** name only qualifies another: "Clinton spokeswoman Jennifer Palmieri"). */
static void note_person(link_state *ls, const pt_entity_doc *d, int ent, size_t tok) {
  const pt_entity *e = &d->ent[ent];
  if (!e->gender && !e->person) return; /* no evidence it is a person yet */
  if (e->place) return;                  /* "the South China Sea, a waterway" */
  int c = e->gender == 'm' ? 0 : e->gender == 'f' ? 1 : 2;
  /* A modifier is only taken when the sentence has no other person of the
  ** class: "Trump senior adviser Jason Miller said ... ¶ “…,” he added"
  ** is Miller. */
  if (!ls->modifier && (ls->fs_sent[c] != ls->cur_sent || (ls->fs_weak[c] && !ls->weak) ||
                        (ls->reporter && !ls->fs_rep[c] && !ls->weak))) {
    if (ls->fs_sent[c] != ls->cur_sent && ls->fs_ent[c] >= 0 && !ls->fs_weak[c])
      ls->pv_ent[c] = ls->fs_ent[c], ls->pv_sent[c] = ls->fs_sent[c];
    ls->fs_ent[c] = ent;
    ls->fs_sent[c] = ls->cur_sent;
    ls->fs_tok[c] = tok;
    ls->fs_weak[c] = ls->weak;
    ls->fs_pobj[c] = ls->pobj;
    ls->fs_rep[c] = ls->reporter;
  }
  if (c == 0) ls->last_m = ent, ls->at_m = tok;
  else if (c == 1) ls->last_f = ent, ls->at_f = tok;
  else ls->last_u = ent, ls->at_u = tok;
}

/* Is token j a generational suffix that is not a surname ("Jr.", "III")? */
static int is_suffix(const pt_entity_doc *d, size_t j) {
  const pt_tok *t = &d->tok[j];
  const char *w = d->text + t->byte_off;
  return (t->byte_len == 3 && (!memcmp(w, "Jr.", 3) || !memcmp(w, "Sr.", 3) || !memcmp(w, "III", 3))) ||
         (t->byte_len == 2 && (!memcmp(w, "Jr", 2) || !memcmp(w, "II", 2)));
}

/* Are bytes a[0..n) and b[0..n) equal, ignoring ASCII case? */
static int eq_nocase(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return 0;
  return 1;
}

/* Do a[0..n) and b[0..m) differ by one inserted, deleted or changed byte,
** ignoring ASCII case ("McLenney", "McClenney")? */
static int one_edit(const char *a, size_t n, const char *b, size_t m) {
  if (n > m) {
    const char *t = a;
    a = b, b = t;
    size_t u = n;
    n = m, m = u;
  }
  if (m - n > 1) return 0;
  size_t i = 0;
  while (i < n && (a[i] | 0x20) == (b[i] | 0x20)) i++;
  if (i == n) return m - n == 1;
  if (n == m) return eq_nocase(a + i + 1, b + i + 1, n - i - 1);
  return eq_nocase(a + i, b + i + 1, n - i);
}

/* A person named in full among the latest 64 whose surname the word of
** token lt misspells by one letter ("McLenney" for Tyresha McClenney;
** surnames of six letters or more, first two letters kept, a plural is a
** family: "the Clintons"), or -1. */
static int misspelt_surname(const link_state *ls, const pt_entity_doc *d, const pt_tok *lt) {
  size_t m = lt->byte_len;
  if (m < 6) return -1;
  const char *w = d->text + lt->byte_off;
  unsigned n_ring = ls->n_sur < 64 ? ls->n_sur : 64;
  for (unsigned i = 0; i < n_ring; i++) {
    unsigned k = (ls->n_sur - 1 - i) % 64; /* latest first */
    size_t n = ls->sur[k].len;
    const char *sw = d->text + ls->sur[k].off;
    if (n < 6 || n + 1 < m || m + 1 < n || ((sw[0] ^ w[0]) | (sw[1] ^ w[1])) ||
        (n == m && !memcmp(sw, w, n)) || (m == n + 1 && w[n] == 's'))
      continue;
    const pt_entity *e = &d->ent[ls->sur[k].ent];
    if (e->type == PT_ENT_PERSON && !e->place && one_edit(sw, n, w, m)) return ls->sur[k].ent;
  }
  return -1;
}

/* The latest person other than entity `not` (within the last 256
** entities) whose canonical name ends with the word of token lt and whose
** gender is `gender` or unknown, or -1.  (Any entity so far, not only those
** before `not`: "Mrs. Clinton" after "Clinton", "Bill Clinton" and then
** "Hillary Clinton" is Hillary, named after Bill's entity was made.) */
static int same_surname(const pt_entity_doc *d, int not, const pt_tok *lt, char gender) {
  int from = (int)d->n_ent;
  for (int k = from - 1; k >= 0 && k >= from - 256; k--) {
    if (k == not) continue;
    const pt_entity *e = &d->ent[k];
    if (e->type != PT_ENT_PERSON || (e->gender && e->gender != gender) || e->name_len < lt->byte_len) continue;
    size_t off = e->name_off + e->name_len - lt->byte_len;
    if ((off == e->name_off || d->text[off - 1] == ' ') &&
        !memcmp(d->text + off, d->text + lt->byte_off, lt->byte_len))
      return k;
  }
  return -1;
}

/* Is token j a lower-case noun that can describe the person named after
** it ("developer", "strategist", "billionaire")?  Not a function word, a
** verb form (-ed, -ing, -s) or an adverb. */
static int descriptor(pt_entity_doc *d, size_t j) {
  const pt_tok *t = &d->tok[j];
  if (!(t->flags & PT_TOK_LOWER) || (t->flags & PT_TOK_INQ) || t->byte_len < 4) return 0;
  const char *w = d->text + t->byte_off;
  size_t n = t->byte_len;
  if (w[n - 1] == 's' || (w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 2] == 'l' && w[n - 1] == 'y') ||
      pt_entity_ends_ing(d, j))
    return 0;
  if (LEX(d, j) & (PT_LEX_CUE_VERB | PT_LEX_PRONOUN)) return 0;
  return !(pt_entity_word_class(d, j) & PT_W_PREP);
}

int pt_entity_word_in(const pt_entity_doc *d, size_t j, const char *const *list) {
  if (j >= d->n_tok || !(d->tok[j].flags & PT_TOK_WORD)) return 0;
  const char *s = d->text + d->tok[j].byte_off;
  size_t n = d->tok[j].byte_len;
  for (; *list; list++) {
    const char *w = *list;
    size_t i = 0;
    while (i < n && (s[i] | 0x20) == w[i]) i++; /* (w's NUL never equals a byte | 0x20) */
    if (i == n && w[n] == 0) return 1;
  }
  return 0;
}

int pt_entity_possessive(const pt_entity_doc *d, size_t k) {
  if (k + 1 >= d->n_tok || d->tok[k + 1].byte_len != 1 || (d->text[d->tok[k + 1].byte_off] | 0x20) != 's' ||
      !(d->tok[k + 1].flags & PT_TOK_WORD))
    return 0;
  const pt_tok *ap = &d->tok[k];
  return (ap->flags & PT_TOK_PUNCT) &&
         ((ap->byte_len == 1 && d->text[ap->byte_off] == '\'') ||
          (ap->byte_len == 3 && !memcmp(d->text + ap->byte_off, "\xE2\x80\x99", 3)));
}

/* Do tokens before j read "<organisation or place>'s"? */
static int possessed_by_body(const pt_entity_doc *d, size_t j) {
  if (j < 3 || !pt_entity_possessive(d, j - 2)) return 0;
  int m = d->tok[j - 3].ment_end;
  if (m < 0 || d->ment[m].ent < 0) return 0;
  const pt_entity *e = &d->ent[d->ment[m].ent];
  return e->type == PT_ENT_ORG || e->place;
}

/* Does token j start "Clinton's campaign manager" -- up to three
** capitalised words with a possessive, then a role within three words? */
static int possessive_role_after(const pt_entity_doc *d, size_t j) {
  size_t k = j;
  while (k < j + 3 && k < d->n_tok && (d->tok[k].flags & PT_TOK_CAP) && !pt_entity_possessive(d, k + 1)) k++;
  if (k >= d->n_tok || !(d->tok[k].flags & PT_TOK_CAP) || !pt_entity_possessive(d, k + 1)) return 0;
  for (size_t r = k + 3; r < k + 7 && r < d->n_tok && (d->tok[r].flags & PT_TOK_LOWER); r++)
    if (LEX(d, r) & PT_LEX_TITLE_ROLE) return 1;
  return 0;
}

/* Is the name at token a set off after its title: "Kazakhstan's foreign
** minister, Erlan Idrissov, plays down concerns", "the group's director,
** Ana Ruiz,"?  A title phrase from the lexicon ends at the comma before a,
** after a determiner or a possessive 's, and a comma closes the name at b.
** Returns the role's first token (the role ends at the comma) and sets
** *group, or 0. */
static size_t title_set_off_before(const pt_entity_doc *d, size_t a, size_t b, int *group) {
  if (a < 3 || b >= d->n_tok || !(d->tok[b].flags & PT_TOK_PUNCT) || d->text[d->tok[b].byte_off] != ',' ||
      !(d->tok[a - 1].flags & PT_TOK_PUNCT) || d->text[d->tok[a - 1].byte_off] != ',' || pt_entity_line_break(d, a))
    return 0;
  /* (not "his father, Brent Bozell, Jr.": a family's names merge, and
  ** the father's role would go to the son) */
  if (is_suffix(d, b - 1) || (b + 1 < d->n_tok && is_suffix(d, b + 1))) return 0;
  size_t end = a - 1, best = 0;
  for (size_t k = end - 1; k > 0 && k + 4 > end && (d->tok[k].flags & PT_TOK_LOWER) && d->tok[k].para == d->tok[a].para;
       k--) {
    int f, g, gen;
    if (pt_lex_phrase(d, k, PT_LEX_TITLE_ROLE, &f, &g, &gen) != end - k) continue;
    /* (after "the", "his" or "Bloomberg's": not "After meeting the
    ** president, Erlan Idrissov said") */
    size_t p = k - 1;
    if ((pt_entity_word_class(d, p) & PT_W_ART) || (p > 0 && pt_entity_possessive(d, p - 1))) {
      best = k;
      *group = g;
    }
  }
  return best;
}

/* Does a reporting verb follow the name ending at b, right after it or
** past one adverb in -ly ("Cruz openly admitted")?  (Not past a filler:
** "Carrier has said" is a company's, and "Earhardt then asked Rubio …"
** made the interviewer the "he" of Rubio's answer.) */
static int cue_follows(const pt_entity_doc *d, size_t b) {
  size_t v = b;
  if (pt_entity_is_filler(d, v) && !(pt_entity_word_class(d, v) & PT_W_FILLER)) v++;
  return v < d->n_tok && (d->tok[v].flags & PT_TOK_LOWER) && (LEX(d, v) & PT_LEX_CUE_VERB);
}

/* Does the sentence of the name ending at b go on to a reporting
** participle after a comma ("Obama also addressed Trump's concerns last
** Thursday, stating that …")?  Then the name is its subject and speaks. */
static int participle_reports(const pt_entity_doc *d, size_t b) {
  for (size_t k = b; k + 1 < d->n_tok && k < b + 30 && d->tok[k].para == d->tok[b].para; k++) {
    const pt_tok *t = &d->tok[k];
    if (t->flags & (PT_TOK_STOP | PT_TOK_INQ)) return 0;
    if ((t->flags & PT_TOK_COMMA) && (d->tok[k + 1].flags & PT_TOK_LOWER) && pt_entity_ends_ing(d, k + 1) &&
        (LEX(d, k + 1) & PT_LEX_CUE_VERB))
      return 1;
  }
  return 0;
}

/* Links a name run [a, b) (title tokens [ta, a) before it) and records the
** mention.  Returns PT_OK or PT_NOMEM. */
static int link_name(pt_entity_doc *d, link_state *ls, size_t ta, size_t a, size_t b,
                     int role_group, char gender, int is_org, size_t role_a, size_t role_b) {
  size_t last = b - 1;
  while (last > a && is_suffix(d, last)) last--;
  const pt_tok *lt = &d->tok[last], *ft = &d->tok[a];
  size_t nw = b - a;
  int ent = -1;
  if (is_org) {
    size_t off = ft->byte_off, len = lt->byte_off + lt->byte_len - off;
    ent = map_get(d, off, len, 2);
    if (ent < 0) {
      ent = new_entity(d, PT_ENT_ORG);
      if (ent < 0 || map_put(d, off, len, 2, ent)) return PT_NOMEM;
    }
  } else {
    /* One hash per word for all its lookups; the map does not change
    ** before the puts at the end, so the surname's holder is by_sur as
    ** first found. */
    uint32_t hl = map_hash(d, lt->byte_off, lt->byte_len), hf = ft == lt ? hl : map_hash(d, ft->byte_off, ft->byte_len);
    int by_sur = map_get_h(d, hl, lt->byte_off, lt->byte_len, 0), holder = by_sur;
    if (nw >= 2) {
      if (by_sur >= 0) {
        /* Same surname: the same person unless the given names differ. */
        pt_entity *e = &d->ent[by_sur];
        if (e->n_words >= 2 && !(e->name_len >= ft->byte_len &&
                                 !memcmp(d->text + e->name_off, d->text + ft->byte_off, ft->byte_len)))
          by_sur = -1;
      }
      if (by_sur < 0) {
        int by_first = map_get_h(d, hl, lt->byte_off, lt->byte_len, 1);
        /* "Hillary" first, then "Hillary Clinton". */
        if (by_first >= 0 && d->ent[by_first].n_words == 1 && d->ent[by_first].type == PT_ENT_PERSON &&
            d->ent[by_first].name_len == ft->byte_len &&
            !memcmp(d->text + d->ent[by_first].name_off, d->text + ft->byte_off, ft->byte_len))
          by_sur = by_first;
      }
      ent = by_sur;
      if (ent < 0) {
        int by_first = map_get_h(d, hf, ft->byte_off, ft->byte_len, 1);
        if (by_first >= 0 && d->ent[by_first].n_words == 1 &&
            d->ent[by_first].name_len == ft->byte_len &&
            !memcmp(d->text + d->ent[by_first].name_off, d->text + ft->byte_off, ft->byte_len))
          ent = by_first;
      }
    } else {
      ent = by_sur;
      if (ent < 0) ent = map_get_h(d, hl, lt->byte_off, lt->byte_len, 1);
      if (ent >= 0 && gender && d->ent[ent].gender && d->ent[ent].gender != gender)
        ent = same_surname(d, ent, lt, gender); /* "Mr. Trump" after "Ivana Trump" */
      if (ent < 0) ent = misspelt_surname(ls, d, lt); /* "McLenney" after "Tyresha McClenney" */
    }
    if (ent < 0) {
      ent = new_entity(d, PT_ENT_PERSON);
      if (ent < 0) return PT_NOMEM;
    }
    /* A bare surname means the person first introduced with it ("Cruz" is
    ** Ted Cruz even after "his wife, Heidi Cruz"). */
    if ((holder < 0 || holder == ent || d->ent[holder].n_words < 2 || d->ent[holder].type != PT_ENT_PERSON ||
         !(d->ent[holder].person || d->ent[holder].gender) || d->ent[holder].place) &&
        map_put_h(d, hl, lt->byte_off, lt->byte_len, 0, ent))
      return PT_NOMEM;
    if (nw >= 2 && map_put_h(d, hf, ft->byte_off, ft->byte_len, 1, ent)) return PT_NOMEM;
    if (last == a + 2 && (LEX(d, a) & PT_LEX_FIRST) && (d->tok[last].flags & PT_TOK_CAP) &&
        !(LEX(d, last) & (PT_LEX_CUE_VERB | PT_LEX_STOPCAP | PT_LEX_TITLE_HON | PT_LEX_TITLE_ROLE | PT_LEX_FIRST))) {
      /* "Miguel Basáñez Ebergenyi", "Hillary Rodham Clinton": a middle word
      ** that is no given name nor an initial is a first surname, which may
      ** stand alone later ("Basáñez took over the embassy"); not before a
      ** headline's verb or honorific ("Mike Pence Calls for …") */
      const pt_tok *mt = &d->tok[a + 1];
      if ((mt->flags & PT_TOK_CAP) && mt->byte_len > 2 && d->text[mt->byte_off + mt->byte_len - 1] != '.' &&
          !(LEX(d, a + 1) & (PT_LEX_FIRST | PT_LEX_STOPCAP)) &&
          map_get(d, mt->byte_off, mt->byte_len, 0) < 0 && map_put(d, mt->byte_off, mt->byte_len, 0, ent))
        return PT_NOMEM;
    }
    if (nw == 1 && d->ent[ent].n_words == 0 && map_put_h(d, hf, ft->byte_off, ft->byte_len, 1, ent))
      return PT_NOMEM;
  }
  pt_entity *e = &d->ent[ent];
  if ((int)nw > e->n_words) {
    /* The canonical name drops the article ("White House"); the mention
    ** keeps it ("the White House"). */
    e->n_words = (int)nw;
    e->name_off = ft->byte_off;
    e->name_len = d->tok[b - 1].byte_off + d->tok[b - 1].byte_len - ft->byte_off;
    if (!is_org && nw >= 2) {
      unsigned k = ls->n_sur++ % 64;
      ls->sur[k].off = lt->byte_off;
      ls->sur[k].len = lt->byte_len;
      ls->sur[k].ent = ent;
    }
    if (!is_org)
      e->place = (lex_lookup_in(d->text + e->name_off, e->name_len, d->len - e->name_off, NULL, NULL, NULL) & PT_LEX_PLACE) ||
                 (nw >= 2 && ((LEX(d, b - 1) & PT_LEX_GEO_TAIL) || (LEX(d, a) & PT_LEX_GEO_HEAD)));
  }
  if (!is_org && !e->gender) {
    if (gender) e->gender = gender;
    else if (ft->gender_grp == 'm' || ft->gender_grp == 'f') {
      /* (the first given name: "Christine Todd Whitman" is a woman) */
      if ((ft->lex & PT_LEX_FIRST) && (nw >= 2 || e->n_words == 1)) e->gender = (char)ft->gender_grp;
    } else if (nw >= 3 && !(ft->lex & PT_LEX_FIRST) && (LEX(d, a + 1) & PT_LEX_FIRST) &&
               (d->tok[a + 1].gender_grp == 'm' || d->tok[a + 1].gender_grp == 'f')) {
      /* "Army veteran John Tiegen" style runs: a word before the given name
      ** describes the person */
      e->gender = (char)d->tok[a + 1].gender_grp;
    }
  }
  if (role_b > role_a) {
    size_t roff = d->tok[role_a].byte_off;
    size_t rlen = d->tok[role_b - 1].byte_off + d->tok[role_b - 1].byte_len - roff;
    if (rlen > e->role_len) {
      e->role_off = roff;
      e->role_len = rlen;
    }
    if (role_group >= 0) e->title_group = role_group;
  }
  if (e->title_group >= 0 && e->title_group < MAX_GROUPS) ls->by_group[e->title_group] = ent;
  if (!is_org && !e->person) {
    /* Evidence that a name is a person: a title or role, a known given
    ** name, a middle initial, or a reporting verb / who-clause after it. */
    const pt_tok *nx = b < d->n_tok ? &d->tok[b] : NULL;
    if (ta < a || role_b > role_a || e->gender || (ft->lex & PT_LEX_FIRST) ||
        /* "Superintendent Paul Okonkwo": a given name before the surname */
        (nw >= 3 && (LEX(d, b - 2) & PT_LEX_FIRST) && !(LEX(d, b - 2) & PT_LEX_PLACE)) ||
        (nw >= 3 && d->tok[a + 1].byte_len == 2 && d->text[d->tok[a + 1].byte_off + 1] == '.') ||
        /* "Ayman al-Zawahiri": a particle only names take */
        (nw >= 2 && (d->tok[b - 1].flags & PT_TOK_LOWER)) ||
        (nx && cue_follows(d, b)) ||
        /* "Obama also addressed …, stating": a name opening its sentence */
        (nw == 1 && ta == a && (ft->flags & PT_TOK_SENT) && nx && (nx->flags & PT_TOK_LOWER) && participle_reports(d, b)) ||
        /* "Florida developer Mel Sembler": a descriptor noun before a full name */
        (nw >= 2 && ta == a && ta > 0 && descriptor(d, ta - 1)) ||
        /* "…, noted NBC's Dante Chinni.", "the Post's Ruth Marcus said": a
        ** body's or a place's possessive before a full name that ends the
        ** clause or speaks (not "POLITICO's Off Message podcast") */
        (nw >= 2 && ta == a && possessed_by_body(d, ta) &&
         (!nx || (nx->flags & PT_TOK_PUNCT) || ((nx->flags & PT_TOK_LOWER) && (LEX(d, b) & PT_LEX_CUE_VERB)))) ||
        /* "…, noted Kwabena Okoro." */
        (ta > 0 && (d->tok[ta - 1].flags & PT_TOK_LOWER) && (LEX(d, ta - 1) & PT_LEX_CUE_VERB) &&
         (!nx || (nx->flags & PT_TOK_PUNCT))) ||
        (nx && b + 1 < d->n_tok && d->text[nx->byte_off] == ',' && d->tok[b + 1].byte_len == 3 &&
         !memcmp(d->text + d->tok[b + 1].byte_off, "who", 3)) ||
        /* "…, Kimberley Fritts, said" (but a participle after the comma is
        ** the clause's subject's: "derided the return of Glass-Steagall,
        ** suggesting that …") */
        (nx && b + 1 < d->n_tok && d->text[nx->byte_off] == ',' && (d->tok[b + 1].flags & PT_TOK_LOWER) &&
         (LEX(d, b + 1) & PT_LEX_CUE_VERB) && !pt_entity_ends_ing(d, b + 1)) ||
        /* "Lesley Deutch, a senior vice president ...," */
        (nx && nw >= 2 && b + 1 < d->n_tok && d->text[nx->byte_off] == ',' && d->tok[b + 1].byte_len <= 3 &&
         ((d->tok[b + 1].byte_len == 1 && d->text[d->tok[b + 1].byte_off] == 'a') ||
          (d->tok[b + 1].byte_len == 2 && !memcmp(d->text + d->tok[b + 1].byte_off, "an", 2)))) ||
        /* "Robby Mook, Clinton's campaign manager" */
        (nx && nw >= 2 && d->text[nx->byte_off] == ',' && possessive_role_after(d, b + 1)) ||
        /* "Woodrow Benford, 58," */
        (nx && b + 2 < d->n_tok && d->text[nx->byte_off] == ',' && d->tok[b + 1].byte_len <= 3 &&
         d->text[d->tok[b + 1].byte_off] >= '1' && d->text[d->tok[b + 1].byte_off] <= '9' &&
         d->text[d->tok[b + 2].byte_off] == ','))
      e->person = 1;
  }
  if (add_mention(d, ta, b, ta, is_org ? PT_MENT_ORG : PT_MENT_NAME, ent)) return PT_NOMEM;
  if (is_org) ls->last_org = ent;
  else note_person(ls, d, ent, ta);
  return PT_OK;
}

/* An appositive role after a name: ", a state councilor," or ", the
** secretary of state,".  Returns the end token of the role (exclusive) and
** sets *ra, or 0. */
/* Is token j an auxiliary or copula ("was", "has", "will"): a clause's verb,
** which no appositive has? */
static int auxiliary(const pt_entity_doc *d, size_t j) {
  return (pt_entity_word_class(d, j) & PT_W_AUX) != 0;
}

static size_t appositive(const pt_entity_doc *d, size_t b, size_t *ra) {
  if (b + 2 >= d->n_tok) return 0;
  const pt_tok *c = &d->tok[b];
  if (!(c->flags & PT_TOK_PUNCT) || d->text[c->byte_off] != ',') return 0;
  size_t j = b + 1;
  const pt_tok *w = &d->tok[j];
  if (!(w->flags & PT_TOK_WORD) || (w->flags & PT_TOK_INQ)) return 0;
  const char *s = d->text + w->byte_off;
  int det = (w->byte_len == 1 && (s[0] == 'a' || s[0] == 'A')) ||
            (w->byte_len == 2 && !memcmp(s, "an", 2)) || (w->byte_len == 3 && !memcmp(s, "the", 3));
  /* (a preposition that opens titles must open one here: ", under fire
  ** over his taxes," is no "under secretary") */
  int title = (LEX(d, j) & PT_LEX_TITLE_ROLE) ||
              ((LEX(d, j) & PT_LEX_TITLE_HEAD) &&
               (!(pt_entity_word_class(d, j) & PT_W_PREP) || pt_lex_phrase(d, j, PT_LEX_TITLE_ROLE, NULL, NULL, NULL)));
  /* (not a group: "Fiorina and Carson, the two other political outsiders,") */
  if (det && j + 1 < d->n_tok &&
      (word_is(d, j + 1, "two") || word_is(d, j + 1, "three") || word_is(d, j + 1, "several") ||
       word_is(d, j + 1, "many") || word_is(d, j + 1, "both")))
    return 0;
  /* (or a possessor's role: ", Clinton's campaign manager,") */
  int poss = !det && !title && possessive_role_after(d, j);
  if (!det && !title && !poss) {
    /* (or a bare role a word or two in: ", political science professor at
    ** Seton Hall University,") */
    size_t r = j + 1;
    const char *e = s + w->byte_len;
    int verbish = (w->byte_len > 3 && e[-2] == 'e' && e[-1] == 'd') ||
                  (w->byte_len > 4 && e[-3] == 'i' && e[-2] == 'n' && e[-1] == 'g');
    while (r < j + 3 && r < d->n_tok && (d->tok[r].flags & PT_TOK_LOWER) && !(LEX(d, r) & PT_LEX_TITLE_ROLE)) r++;
    if (!(w->flags & PT_TOK_LOWER) || verbish ||
        (pt_entity_word_class(d, j) & (PT_W_FUNCTION | PT_W_SUBORD | PT_W_PREP | PT_W_DET | PT_W_FILLER)) ||
        r >= d->n_tok || r >= j + 3 || !(d->tok[r].flags & PT_TOK_LOWER) || !(LEX(d, r) & PT_LEX_TITLE_ROLE))
      return 0;
  }
  size_t k = j;
  for (; k < d->n_tok && k < j + 10; k++) {
    const pt_tok *t = &d->tok[k];
    if (t->para != c->para || (t->flags & PT_TOK_INQ)) return 0;
    if (t->flags & PT_TOK_PUNCT) {
      char ch = d->text[t->byte_off];
      if (ch == ',' || ch == '.' || ch == ';' || ch == ':' || ch == ')') break;
      if (!(t->flags & PT_TOK_DASH) && ch != '-' && ch != '\'' && !(poss && pt_entity_possessive(d, k)))
        return 0;
    }
    if ((t->flags & PT_TOK_LOWER) && (LEX(d, k) & PT_LEX_CUE_VERB)) return 0;
    if (k > j && (t->flags & PT_TOK_LOWER) && t->byte_len == 3 && !memcmp(d->text + t->byte_off, "who", 3))
      return 0;
    /* "at the Pentagon, the admiral's answer was indistinct": a clause */
    if (k > j && (t->flags & PT_TOK_LOWER) && auxiliary(d, k)) return 0;
    /* "For Harold Wexley, the plan exposes the logic …": a verb in -s
    ** between two noun phrases is a clause too */
    if (k > j + 1 && (pt_entity_word_class(d, k) & PT_W_ART) && (d->tok[k - 1].flags & PT_TOK_LOWER) &&
        (d->tok[k - 2].flags & PT_TOK_LOWER) && d->tok[k - 1].byte_len > 3 &&
        d->text[d->tok[k - 1].byte_off + d->tok[k - 1].byte_len - 1] == 's' &&
        d->text[d->tok[k - 1].byte_off + d->tok[k - 1].byte_len - 2] != 's' && !pt_entity_word_class(d, k - 1)) {
      /* (", a presidential historian and runs the … website": the role
      ** ends before "and") */
      if (k > j + 3 && word_is(d, k - 2, "and")) {
        *ra = j;
        return k - 2;
      }
      return 0;
    }
  }
  if (k == j || k >= d->n_tok || k >= j + 10) return 0;
  *ra = j;
  return k;
}

/* Does the name ending before token b only qualify a role and a name that
** follow ("Trump senior communications adviser Jason Miller")?  (A
** possessor, "Trump's misinformation", stays a candidate: readers and
** coreference systems do take it.) */
/* Does the name ending before token b own a noun that a name stands in
** apposition to: "Bloomberg's pollster, Douglas Schoen, says"?  Then the
** sentence is about the second person, not the possessor. */
static int possessor_of_apposition(pt_entity_doc *d, size_t b) {
  if (b + 4 >= d->n_tok || !pt_entity_possessive(d, b)) return 0;
  size_t k = b + 2;
  while (k < b + 5 && k < d->n_tok && (d->tok[k].flags & PT_TOK_LOWER)) k++;
  return k > b + 2 && k + 2 < d->n_tok && d->text[d->tok[k].byte_off] == ',' && d->tok[k].byte_len == 1 &&
         (d->tok[k + 1].flags & PT_TOK_CAP) && (d->tok[k + 2].flags & PT_TOK_CAP);
}

/* Does the sentence open with a subordinate clause ("While Obama had a
** wide array of artists …, that has not been happening for Clinton, which
** concerns Henry Crespo")?  Its names are background, not the topic. */
static int opens_subordinate(const pt_entity_doc *d, size_t j) {
  return (pt_entity_word_class(d, j) & PT_W_OPENER) != 0;
}

/* Does the sentence open with a participle phrase ("Noting that both
** Reagan and Trump battled the media, Schlafly put her finger on …")?  Its
** names are background too, up to its comma.  A capitalised word in -ing
** before a lower-case word that is no reporting verb ("Browning said" is a
** name), no title ("Running mate"), and a comma later in the sentence. */
static int opens_participle(pt_entity_doc *d, size_t j) {
  const pt_tok *t = &d->tok[j];
  if (!(t->flags & PT_TOK_CAP) || (t->flags & PT_TOK_ALLCAPS) || t->byte_len < 6 || !pt_entity_ends_ing(d, j) ||
      j + 2 >= d->n_tok || !(d->tok[j + 1].flags & PT_TOK_LOWER) || (LEX(d, j + 1) & PT_LEX_CUE_VERB) ||
      (LEX(d, j) & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HEAD | PT_LEX_TITLE_HON | PT_LEX_FIRST)))
    return 0;
  for (size_t k = j + 2; k < d->n_tok && k < j + 40 && !(d->tok[k].flags & (PT_TOK_SENT | PT_TOK_INQ)); k++)
    if (d->tok[k].flags & PT_TOK_COMMA) return 1;
  return 0;
}

/* Does the sentence open with a prepositional phrase ("In his 2004
** convention speech, a testimonial to John Kerry, …, Mr. Obama decried")?
** Its names are background too; returns 2 (the phrase may run on through
** an indefinite appositive).  Not "According to X," (X is the source) nor
** "For X," (X's view). */
static int opens_phrase(const pt_entity_doc *d, size_t j) {
  /* (in, at, during, on, under, throughout, despite, amid, with: the
  ** phrase class, one memo read after opens_subordinate()) */
  return (d->tok[j].flags & PT_TOK_CAP) && (pt_entity_word_class(d, j) & PT_W_PHRASE) ? 2 : 0;
}

/* Is token j "a" or "an"? */
static int indefinite(const pt_entity_doc *d, size_t j) {
  const pt_tok *t = &d->tok[j];
  const char *s = d->text + t->byte_off;
  return (t->flags & PT_TOK_LOWER) && ((t->byte_len == 1 && s[0] == 'a') || (t->byte_len == 2 && s[0] == 'a' && s[1] == 'n'));
}

/* Is the name at token a a preposition's object ("Choosing between Clinton
** and Sanders is …")?  Objects are less likely antecedents than subjects. */
static int preposition_object(pt_entity_doc *d, size_t a) {
  return a > 0 && (d->tok[a - 1].flags & PT_TOK_LOWER) && (pt_entity_word_class(d, a - 1) & PT_W_OBJPREP);
}

/* Is the name [a, b) inside a writer's aside set off by dashes within its
** sentence ("“I don't think the conventional wisdom” -- that Bloomberg is
** perceived as a nanny-state liberal -- “is going to last,” he says.")?
** Like a preposition's object, it yields to the person the sentence before
** was about. */
static int in_dash_aside(pt_entity_doc *d, size_t a, size_t b) {
  size_t k = a;
  for (;; k--) {
    if (k == 0 || a - k >= 12) return 0;
    const pt_tok *t = &d->tok[k - 1];
    if (t->flags & (PT_TOK_STOP | PT_TOK_INQ) || t->para != d->tok[a].para) return 0;
    if (t->flags & PT_TOK_DASH) break;
  }
  for (k = b; k < b + 16 && k < d->n_tok && d->tok[k].para == d->tok[a].para; k++) {
    if (d->tok[k].flags & (PT_TOK_STOP | PT_TOK_INQ)) return 0;
    if (d->tok[k].flags & PT_TOK_DASH) return 1;
  }
  return 0;
}

/* Does a reporting verb that ends its clause follow token b ("Cruz
** electrified the crowds, Stovall said.", "Trump, Sexton said, has")?  The
** name before it is who the sentence reports, and a "he said" after it
** most likely continues that speaker. */
static int reports_at(pt_entity_doc *d, size_t b) {
  if (b + 1 >= d->n_tok || !(d->tok[b].flags & PT_TOK_LOWER) || !(LEX(d, b) & PT_LEX_CUE_VERB)) return 0;
  const pt_tok *n = &d->tok[b + 1];
  return (n->flags & PT_TOK_PUNCT) && (d->text[n->byte_off] == '.' || d->text[n->byte_off] == ',');
}

/* Does a who-clause whose verb reports speech follow the name ending
** before token b ("Sen. Dianne Feinstein of California, the ranking
** Democrat on the committee, who said")? */
static int reports_who(pt_entity_doc *d, size_t b) {
  size_t k = b;
  if (k + 1 < d->n_tok && (word_is(d, k, "of") || word_is(d, k, "from")))
    for (k++; k < b + 5 && k < d->n_tok && (d->tok[k].flags & PT_TOK_CAP);) k++;
  if (k + 2 >= d->n_tok || !(d->tok[k].flags & PT_TOK_PUNCT) || d->text[d->tok[k].byte_off] != ',') return 0;
  if (!word_is(d, k + 1, "who")) { /* an appositive first */
    size_t e = k + 1;
    while (e < k + 14 && e < d->n_tok && !(d->tok[e].flags & (PT_TOK_PUNCT | PT_TOK_INQ))) e++;
    if (e >= d->n_tok || d->text[d->tok[e].byte_off] != ',' || !(d->tok[e].flags & PT_TOK_PUNCT)) return 0;
    k = e;
  }
  if (k + 2 >= d->n_tok || !word_is(d, k + 1, "who")) return 0;
  size_t v = k + 2;
  while (v < k + 5 && v < d->n_tok && (pt_entity_word_class(d, v) & PT_W_FILLER)) v++;
  /* (plain reporting verbs only: "who has called the notion a hoax" labels) */
  return v < d->n_tok && (d->tok[v].flags & PT_TOK_LOWER) && (pt_entity_word_class(d, v) & PT_W_SAID);
}

/* Does the clause end at token b (a comma, a stop, a dash or the end)? */
static int clause_ends_at(const pt_entity_doc *d, size_t b) {
  if (b >= d->n_tok || d->tok[b].para != d->tok[b - 1].para) return 1;
  const pt_tok *t = &d->tok[b];
  if (t->flags & PT_TOK_DASH) return 1;
  if (!(t->flags & PT_TOK_PUNCT)) return 0;
  char c = d->text[t->byte_off];
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '(';
}

/* Is the name at token a the speaker of an inverted attribution:
** "“…,” said Jeffery Hemsley", "…, said Jeffery Hemsley"? */
static int reported_by(pt_entity_doc *d, size_t a) {
  if (a < 2 || !(d->tok[a - 1].flags & PT_TOK_LOWER)) return 0;
  const pt_tok *p = &d->tok[a - 2];
  /* (a quotation is one skipped token) */
  if (!(p->flags & PT_TOK_INQ) && !((p->flags & PT_TOK_PUNCT) && d->text[p->byte_off] == ',')) return 0;
  return (LEX(d, a - 1) & PT_LEX_CUE_VERB) != 0;
}

static int weak_position(pt_entity_doc *d, size_t b) {
  int role = 0;
  for (size_t k = b; k < b + 4 && k < d->n_tok; k++) {
    const pt_tok *t = &d->tok[k];
    if (t->flags & PT_TOK_CAP) return role && k > b;
    if (!(t->flags & PT_TOK_LOWER)) return 0;
    if (LEX(d, k) & PT_LEX_TITLE_ROLE) role = 1;
  }
  return 0;
}

/* A headline in title case ("Chris Christie Calls Hillary Clinton ‘A
** Disgrace’ Over Police Shooting Comments."): a short paragraph of at least
** five words in which every word but short function words is capitalised.
** Its capitalised words run together into false names ("Chris Christie
** Calls Hillary Clinton"), so it gives no mentions.  Returns the end of the
** paragraph starting at token p when it is one, else p. */
static size_t headline_end(pt_entity_doc *d, size_t p, int byline) {
  size_t k = p;
  int words = 0, caps = 0;
  for (; k < d->n_tok && k < p + 40 && d->tok[k].para == d->tok[p].para; k++) {
    const pt_tok *t = &d->tok[k];
    /* (a later paragraph may go on to a byline, "… IN OTHER STATES -
    ** Michael P. McDonald: “…”": the headline ends at the dash or colon) */
    if (byline && (t->flags & PT_TOK_PUNCT) && ((t->flags & PT_TOK_DASH) || d->text[t->byte_off] == '-' ||
                                                d->text[t->byte_off] == ':'))
      break;
    if (!(t->flags & PT_TOK_WORD)) continue;
    /* (numbers count for neither: a list's count may open it, "9 (More)
    ** Offensive Things Donald Trump Has Said", and "U.S. Nominates Jim
    ** Yong Kim for 2nd Term at World Bank" has an ordinal) */
    if (d->text[t->byte_off] >= '0' && d->text[t->byte_off] <= '9') continue;
    words++;
    if (t->flags & PT_TOK_CAP) caps++;
    else if (t->byte_len > 3 || !(t->flags & PT_TOK_LOWER)) return p; /* "said", a number */
  }
  if (k == p + 40 || words < 5 || caps < 5 || caps * 4 < words * 3) return p;
  return k;
}

/* Where the role before a title at token i starts: the words that qualify
** the title as the text gives it, "former campaign manager", "Democratic
** pollster", "Clinton campaign chairman", "Trump's senior adviser" (up to
** four words, from a determiner, a preposition, a reporting verb, a
** possessive's owner or the start of the sentence).  When the words run
** on into a verb or past four ("The timing of Sanders' surge doesn't
** surprise Republican pollster Daron Shaw"), only the capitalised and the
** listed words next to the title stay.  A capitalised title ("Sen.",
** "President") takes lower-case words only from the list: "unilateral
** action President Obama" is no role. */
static size_t role_modifiers(pt_entity_doc *d, size_t i) {
  static const char *const listed[] = {"former",   "then",     "late",     "acting",     "state",     "deputy",
                                       "senior",   "ranking",  "interim",  "retired",    "outgoing",  "incoming",
                                       "top",      "longtime", "veteran",  "founding",   "managing",  "leading",
                                       "sitting",  "visiting", "embattled", "disgraced", "indicted",  "ousted",
                                       "fired",    "defeated", "appointed", "elected",   "jailed",    "convicted",
                                       "exiled",   "celebrated", "respected", "acclaimed", "decorated", "registered",
                                       "licensed", "certified", "failed",   NULL};
  int cap_title = (d->tok[i].flags & PT_TOK_CAP) != 0, clean = 0;
  size_t k = i;
  for (;;) {
    if (k == 0) {
      clean = 1;
      break;
    }
    if (k >= 3 && pt_entity_possessive(d, k - 2) && (d->tok[k - 3].flags & PT_TOK_WORD) &&
        d->tok[k - 3].para == d->tok[i].para && i - k < 4) {
      k -= 3; /* "Trump's senior adviser": the owner, then no further */
      clean = 1;
      break;
    }
    const pt_tok *t = &d->tok[k - 1];
    if (!(t->flags & PT_TOK_WORD) || (t->flags & PT_TOK_INQ) || t->para != d->tok[i].para ||
        pt_entity_line_break(d, k) ||
        (pt_entity_word_class(d, k - 1) & (PT_W_FUNCTION | PT_W_DET | PT_W_PREP | PT_W_SUBORD | PT_W_AUX |
                                           PT_W_ART | PT_W_TIME | PT_W_SAID | PT_W_OBJECT)) ||
        (LEX(d, k - 1) & PT_LEX_CUE_VERB)) {
      clean = 1; /* a boundary a noun phrase starts after */
      break;
    }
    if (i - k == 4 || !(t->flags & (PT_TOK_LOWER | PT_TOK_CAP)) || pt_entity_is_filler(d, k - 1) ||
        (pt_entity_word_class(d, k - 1) & PT_W_VERB))
      break;
    if (t->flags & PT_TOK_LOWER) {
      /* (a verb or a contraction: "singled out", "aggressively prosecuted",
      ** "denouncing", "doesn't") */
      if ((pt_entity_ends_ed(d, k - 1) || pt_entity_ends_ing(d, k - 1) || t->byte_len <= 3 || cap_title ||
           memchr(d->text + t->byte_off, '\'', t->byte_len) || memchr(d->text + t->byte_off, 0xE2, t->byte_len)) &&
          !pt_entity_word_in(d, k - 1, listed))
        break;
    } else {
      /* (a capitalised word: a party, a place, a body, a name -- not one
      ** glued to the word before it, "ImagesRepublican") */
      const char *w = d->text + t->byte_off;
      int camel = 0;
      for (size_t c = 3; c < t->byte_len && !camel; c++)
        camel = w[c] >= 'A' && w[c] <= 'Z' && w[c - 1] >= 'a' && w[c - 1] <= 'z' && w[c - 2] >= 'a' &&
                w[c - 2] <= 'z' && w[c - 3] >= 'a' && w[c - 3] <= 'z';
      if (camel) break;
    }
    k--;
  }
  if (!clean)
    while (k < i && !(d->tok[k].flags & PT_TOK_CAP) && !pt_entity_word_in(d, k, listed)) k++;
  return k;
}

/* A mention of person ent by the phrase [i, end) ("the Florida senator",
** "my mother"), noted as a name in its place would be: weak after a
** preposition or in a fronted phrase, salient when a sentence reports it. */
static int phrase_mention(pt_entity_doc *d, link_state *ls, size_t i, size_t end, int ent) {
  if (add_mention(d, i, end, i, PT_MENT_TITLE, ent)) return PT_NOMEM;
  ls->weak = weak_position(d, end) || ls->fronted || preposition_object(d, i);
  ls->reporter = reports_at(d, end) || (reported_by(d, i) && clause_ends_at(d, end));
  note_person(ls, d, ent, i);
  ls->weak = ls->reporter = 0;
  return PT_OK;
}

static int find_mentions(pt_entity_doc *d) {
  link_state ls;
  ls.last_m = ls.last_f = ls.last_u = ls.last_org = -1;
  ls.at_m = ls.at_f = ls.at_u = 0;
  ls.modifier = ls.weak = ls.pobj = ls.fronted = ls.reporter = 0;
  ls.cur_sent = 0;
  ls.n_sur = 0;
  for (int c = 0; c < 3; c++)
    ls.fs_ent[c] = -1, ls.fs_sent[c] = -1, ls.fs_tok[c] = 0, ls.fs_weak[c] = 0, ls.fs_rep[c] = 0,
    ls.pv_ent[c] = -1, ls.pv_sent[c] = -1, ls.fs_pobj[c] = 0;
  for (int g = 0; g < MAX_GROUPS; g++) ls.by_group[g] = -1;
  size_t i = 0;
  while (i < d->n_tok) {
    if (i > 0) {
      /* Most tokens are lower-case words that the tests below pass over:
      ** the tokenizer marked the others (PT_TOK_VISIT), as the lazy
      ** lookups mark a pronoun or a title word found since, so only those
      ** and sentence starts are looked at. */
      /* (a comma matters only inside a fronted clause, which it ends) */
      unsigned look = PT_TOK_VISIT | PT_TOK_SENT | (ls.fronted ? PT_TOK_COMMA : 0);
      while (!(d->tok[i].flags & look))
        if (++i == d->n_tok) return PT_OK;
    }
    pt_tok *t = &d->tok[i];
    /* (the text's first paragraph may be its headline, and a later one a
    ** linked story's: "America Ferrera Sent Donald Trump A Message About
    ** Latinos.") */
    if (i == 0 || ((t->flags & PT_TOK_PARA) &&
                   ((t->flags & PT_TOK_CAP) || (d->text[t->byte_off] >= '0' && d->text[t->byte_off] <= '9')))) {
      size_t e = headline_end(d, i, i > 0);
      if (e > i) {
        ls.cur_sent++;
        i = e;
        continue;
      }
    }
    if (t->flags & PT_TOK_SENT) {
      ls.cur_sent++;
      ls.fronted = opens_subordinate(d, i) || opens_phrase(d, i) || opens_participle(d, i);
    } else if ((t->flags & PT_TOK_PUNCT) && d->text[t->byte_off] == ',' &&
               !(ls.fronted == 2 && i + 1 < d->n_tok && indefinite(d, i + 1)))
      ls.fronted = 0; /* (a fronted phrase runs on through ", a testimonial to John Kerry,") */
    if ((t->flags & PT_TOK_INQ) || !(t->flags & PT_TOK_WORD)) { i++; continue; }
    /* "the Florida senator": an epithet for a person named before */
    if ((t->flags & PT_TOK_THE) && i + 2 < d->n_tok && (d->tok[i + 1].flags & (PT_TOK_CAP | PT_TOK_LOWER))) {
      size_t end;
      int ent = epithet(d, i, &end);
      if (ent >= 0) {
        if (phrase_mention(d, &ls, i, end, ent)) return PT_NOMEM;
        i = end;
        continue;
      }
    }
    int kin = (t->flags & PT_TOK_KIN) ? kin_phrase(d, i) : 0; /* (the tokenizer's mark: most words are none) */
    if (kin) {
      /* "my mother", "his wife": a person the text names only so (the same
      ** phrase again is the same person) */
      int ent = -1;
      for (size_t m = d->n_ment; m-- > 0 && ent < 0;) {
        const pt_mention *mm = &d->ment[m];
        if (mm->type == PT_MENT_TITLE && mm->tok_end == mm->tok_first + 2 && mm->ent >= 0 &&
            d->ent[mm->ent].gender == kin && d->tok[mm->tok_first].byte_len == t->byte_len &&
            !strncasecmp(d->text + d->tok[mm->tok_first].byte_off, d->text + t->byte_off, t->byte_len) &&
            d->tok[mm->tok_first + 1].byte_len == d->tok[i + 1].byte_len &&
            !memcmp(d->text + d->tok[mm->tok_first + 1].byte_off, d->text + d->tok[i + 1].byte_off,
                    d->tok[i + 1].byte_len))
          ent = mm->ent;
      }
      if (ent < 0) {
        if ((ent = new_entity(d, PT_ENT_PERSON)) < 0) return PT_NOMEM;
        pt_entity *e = &d->ent[ent];
        e->name_off = t->byte_off;
        e->name_len = d->tok[i + 1].byte_off + d->tok[i + 1].byte_len - t->byte_off;
        e->person = 1;
        e->gender = (char)kin;
      }
      if (phrase_mention(d, &ls, i, i + 2, ent)) return PT_NOMEM;
      i += 2;
      continue;
    }
    if (!(t->flags & PT_TOK_LEXDONE) && t->byte_len >= 2 && t->byte_len <= 4 && is_pronoun_shape(d->text + t->byte_off, t->byte_len))
      LEX(d, i);
    if (!(t->flags & PT_TOK_LEXDONE)) {
      /* A long lower-case word matters only as a title: after "the" or
      ** before a capitalised word ("former Gov. X", "the secretary"). */
      int after_the = i > 0 && d->tok[i - 1].byte_len == 3 && (d->tok[i - 1].flags & PT_TOK_WORD) &&
                      !memcmp(d->text + d->tok[i - 1].byte_off + 1, "he", 2);
      int before_cap = i + 1 < d->n_tok && (d->tok[i + 1].flags & PT_TOK_CAP);
      if (!after_the && !before_cap) { i++; continue; }
      LEX(d, i);
    }
    /* Pronouns. */
    if ((t->lex & PT_LEX_PRONOUN) && !(t->flags & PT_TOK_ALLCAPS)) {
      int ent = -1;
      if (t->gender_grp == 'm') ent = ls.last_u >= 0 && (ls.last_m < 0 || ls.at_u > ls.at_m) ? ls.last_u : ls.last_m;
      else if (t->gender_grp == 'f') ent = ls.last_u >= 0 && (ls.last_f < 0 || ls.at_u > ls.at_f) ? ls.last_u : ls.last_f;
      else ent = -1;
      /* A recent sentence subject outranks a later object ("Levin dismissed
      ** ... though Sanders won Michigan. ... he said"). */
      if (t->gender_grp == 'm' || t->gender_grp == 'f') {
        /* The first person of the right gender in the nearest sentence
        ** that has one (the order a reader -- and a coreference system --
        ** searches in). */
        int c0 = t->gender_grp == 'm' ? 0 : 1, best = -1;
        int32_t bs = -1;
        size_t bt = 0;
        const int cands[2] = {c0, 2}; /* that gender, or a person of unknown gender */
        int bw = 0, br = 0, bc = -1;
        for (int ci = 0; ci < 2; ci++) {
          int c = cands[ci];
          if (ls.fs_ent[c] >= 0 &&
              (ls.fs_sent[c] > bs ||
               (ls.fs_sent[c] == bs &&
                (ls.fs_rep[c] > br ||
                 (ls.fs_rep[c] == br &&
                  (bw > ls.fs_weak[c] || (bw == ls.fs_weak[c] && ls.fs_tok[c] < bt)))))))
            best = ls.fs_ent[c], bs = ls.fs_sent[c], bt = ls.fs_tok[c], bw = ls.fs_weak[c], br = ls.fs_rep[c], bc = c;
        }
        if (best >= 0 && ls.cur_sent - bs <= PRONOUN_WINDOW) ent = best;
        if (best >= 0 && bs == ls.cur_sent && ls.fs_pobj[bc]) {
          /* A preposition's object in the pronoun's own sentence yields to
          ** the person the sentence before was about: "Choosing between
          ** Clinton and Sanders is a “false choice,” she said." is still
          ** the woman just introduced (not "When Trump held rallies, he
          ** was …": a fronted clause's subject stays). */
          int pb = -1;
          int32_t ps = -1;
          for (int ci = 0; ci < 2; ci++) {
            int c = cands[ci];
            int e2 = ls.fs_sent[c] == ls.cur_sent ? ls.pv_ent[c] : (!ls.fs_weak[c] ? ls.fs_ent[c] : -1);
            int32_t s2 = ls.fs_sent[c] == ls.cur_sent ? ls.pv_sent[c] : ls.fs_sent[c];
            if (e2 >= 0 && s2 == ls.cur_sent - 1 && s2 > ps) pb = e2, ps = s2;
          }
          if (pb >= 0) ent = pb;
        }
      }
      if (ent >= 0 && !d->ent[ent].gender && (t->gender_grp == 'm' || t->gender_grp == 'f')) {
        d->ent[ent].gender = (char)t->gender_grp;
        note_person(&ls, d, ent, i);
        if (ls.last_u == ent) ls.last_u = -1;
      }
      if (add_mention(d, i, i + 1, i, PT_MENT_PRONOUN, ent)) return PT_NOMEM;
      ls.reporter = reports_at(d, i + 1);
      if (ent >= 0) note_person(&ls, d, ent, i);
      ls.reporter = 0;
      i++;
      continue;
    }
    /* "S&ED", "AT&T": an acronym with an ampersand is one organisation. */
    if ((t->flags & PT_TOK_CAP) && t->byte_len <= 3 && i + 2 < d->n_tok &&
        (t->byte_len == 1 || (t->flags & PT_TOK_ALLCAPS)) && (d->tok[i + 1].flags & PT_TOK_PUNCT) &&
        d->text[d->tok[i + 1].byte_off] == '&' && d->tok[i + 1].byte_off == t->byte_off + t->byte_len &&
        d->tok[i + 2].byte_off == d->tok[i + 1].byte_off + 1 && (d->tok[i + 2].flags & PT_TOK_CAP) &&
        (d->tok[i + 2].byte_len == 1 || (d->tok[i + 2].flags & PT_TOK_ALLCAPS)) &&
        !(d->tok[i + 2].flags & PT_TOK_INQ)) {
      if (link_name(d, &ls, i, i, i + 3, -1, 0, 1, 0, 0)) return PT_NOMEM;
      i += 3;
      continue;
    }
    /* Titles, then a name run. */
    int tf = 0, tg = -1, tgen = 0;
    size_t tn = 0;
    if (t->lex & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON | PT_LEX_TITLE_HEAD))
      tn = pt_lex_phrase(d, i, PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON, &tf, &tg, &tgen);
    /* "vice-presidential nominee Gov. Mike Pence": a second title is a
    ** title too, not the name's first word */
    if (tn) tn = title_chain(d, i + tn, PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON, &tf, &tg, &tgen) - i;
    size_t a = i + tn;
    /* "Secretary of State John Kerry": a role then an honorific is rare,
    ** but "former Sen." etc. are lexicon phrases. */
    /* (only a capitalised word, a quoted nickname or a short particle
    ** can start a run: most words need no call) */
    size_t b = a < d->n_tok && ((d->tok[a].flags & (PT_TOK_CAP | PT_TOK_INQ)) ||
                                ((d->tok[a].flags & PT_TOK_LOWER) && d->tok[a].byte_len <= 3))
                   ? run_end(d, a, a + 6)
                   : a;
    /* "The judge Trump was referring to", "the senator Trump attacked": a
    ** lower-case title after an article, then a surname already known as
    ** someone's and a verb -- a relative clause about the title's holder,
    ** not Trump's title */
    static const char *const article[] = {"the", "a", "an", NULL};
    if (tn && b == a + 1 && (t->flags & PT_TOK_LOWER) && i > 0 && pt_entity_word_in(d, i - 1, article) && b < d->n_tok &&
        (d->tok[b].flags & PT_TOK_LOWER) &&
        ((pt_entity_word_class(d, b) & PT_W_AUX) || (pt_entity_ends_ed(d, b) && !(LEX(d, b) & PT_LEX_CUE_VERB))) &&
        map_get(d, d->tok[a].byte_off, d->tok[a].byte_len, 0) >= 0) {
      i = a;
      continue;
    }
    int joined = 0;
    if (!tn && b == a && (t->flags & PT_TOK_CAP) && !(t->flags & PT_TOK_ALLCAPS) &&
        (t->lex & (PT_LEX_STOPCAP | PT_LEX_ORGWORD)) == (PT_LEX_STOPCAP | PT_LEX_ORGWORD)) {
      /* "Senate", "Congress": stop words that are organisations, alone or
      ** heading one ("Senate Foreign Relations Committee"). */
      size_t c = a + 1 < d->n_tok && !pt_entity_line_break(d, a + 1) ? run_end(d, a + 1, a + 7) : a + 1;
      if (c > a + 1 && (LEX(d, c - 1) & PT_LEX_ORGWORD)) b = c, joined = 1;
      /* (alone only: "House Republican Thomas Massie" is about Massie) */
      else if (a + 1 >= d->n_tok || !(d->tok[a + 1].flags & PT_TOK_CAP)) b = a + 1, joined = 1;
    }
    static const char *const month[] = {"january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december", NULL};
    if (!tn && b == a && !joined && (t->flags & PT_TOK_CAP) && !(t->flags & PT_TOK_ALLCAPS) &&
        (t->lex & PT_LEX_STOPCAP) && !(t->lex & PT_LEX_PRONOUN) && !pt_entity_word_class(d, a) &&
        !pt_entity_word_in(d, a, month)) {
      /* "Democratic National Committee", "Republican Party", "American
      ** Federation of Teachers": adjectives of party or nation heading an
      ** organisation's name, to its last word of orgwords.tsv (org_extend()
      ** below adds "of Teachers"; "Republican National Committee Chairman
      ** Reince Priebus" stops after Committee) */
      size_t c = a + 1, last = 0;
      while (c < a + 8 && c < d->n_tok && (d->tok[c].flags & PT_TOK_CAP) && !(d->tok[c].flags & PT_TOK_INQ) &&
             !pt_entity_line_break(d, c) && !pt_entity_word_class(d, c)) {
        if (LEX(d, c) & PT_LEX_ORGWORD) last = c + 1;
        c++;
      }
      if (last) b = last;
    }
    if (!tn && (b > a || ((d->tok[a].flags & PT_TOK_CAP) && (LEX(d, a) & PT_LEX_PLACE_HEAD))) && !joined) {
      /* "United States", "British Columbia": a place name whose words are
      ** stop words. */
      if (LEX(d, a) & PT_LEX_PLACE_HEAD) {
        size_t pn = pt_lex_phrase(d, a, PT_LEX_PLACE, NULL, NULL, NULL);
        if (pn >= 2 && a + pn > b) {
          size_t k = a + 1;
          while (k < a + pn && !pt_entity_line_break(d, k)) k++;
          /* (before a reporting verb, no mention at all: "the way the
          ** United States responds" names no speaker, and "United" alone
          ** would be a wrong one) */
          if (k == a + pn && a + pn < d->n_tok && (d->tok[a + pn].flags & PT_TOK_LOWER) &&
              (LEX(d, a + pn) & PT_LEX_CUE_VERB)) {
            i = a + pn;
            continue;
          }
          if (k == a + pn) b = a + pn;
        }
      }
      /* "U.S.-China Strategic ...": the hyphenated pair is a modifier. */
      if (b - a >= 2 && (is_hyphen_modifier(d, a) || is_hyphen_tail(d, a))) a++, i = a;
      b = org_extend(d, a, b, &joined); /* (b == a, a stop word that heads no place: no change) */
    }
    if (tn == 1 && b == a && (t->flags & PT_TOK_CAP) && map_get(d, t->byte_off, t->byte_len, 0) >= 0) {
      /* "King says": a title word that is a known surname is the name. */
      tn = 0;
      tf = 0;
      tg = -1;
      tgen = 0;
      a = i;
      b = i + 1;
    }
    if (tn && b == a) {
      /* A title alone: "the secretary", "the vice president", and with
      ** what it is of: "the Secretary of the Navy". */
      size_t te = i + tn;
      if (te + 2 < d->n_tok && word_is(d, te, "of") && !pt_entity_line_break(d, te + 1)) {
        /* (a body of one common word, "of the Navy", "of Finance": not a
        ** name, though a verb follows it; a longer body, an acronym or a
        ** place is found as ever) */
        size_t k = te + 1 + (word_is(d, te + 1, "the") ? 1 : 0);
        int j2 = 0;
        if (k + 1 < d->n_tok && (d->tok[k].flags & PT_TOK_CAP) && !(d->tok[k].flags & PT_TOK_ALLCAPS) &&
            !pt_entity_line_break(d, k) && (LEX(d, k) & PT_LEX_ORGWORD) && !(LEX(d, k) & (PT_LEX_PLACE | PT_LEX_PLACE_HEAD)) &&
            run_end(d, k, k + 6) == k + 1 && org_extend(d, k, k + 1, &j2) == k + 1 && !pt_entity_possessive(d, k + 1))
          te = k + 1;
      }
      if ((tf & PT_LEX_TITLE_ROLE) && i > 0 && (d->tok[i - 1].flags & PT_TOK_WORD) &&
          d->tok[i - 1].byte_len == 3 &&
          !memcmp(d->text + d->tok[i - 1].byte_off + 1, "he", 2) && tg >= 0 && tg < MAX_GROUPS &&
          ls.by_group[tg] >= 0) {
        int ent = ls.by_group[tg];
        /* ("The Democratic presidential nominee" is not the Republican one) */
        for (size_t k = i; k < i + tn && ent >= 0; k++)
          if ((d->tok[k].flags & PT_TOK_CAP) && !seen_with(d, ent, k, i - 1)) ent = -1;
        if (ent >= 0 && add_mention(d, i - 1, te, i - 1, PT_MENT_TITLE, ent)) return PT_NOMEM;
        if (ent >= 0 && d->ent[ent].type == PT_ENT_PERSON) note_person(&ls, d, ent, i);
      }
      i = te;
      continue;
    }
    if (b == a) {
      /* An acronym is an organisation ("CNN said"), but not a word of an
      ** all-caps heading or a dateline ("WASHINGTON --"). */
      int heading = (i > 0 && (d->tok[i - 1].flags & PT_TOK_ALLCAPS)) ||
                    (i + 1 < d->n_tok && (d->tok[i + 1].flags & (PT_TOK_ALLCAPS | PT_TOK_DASH))) ||
                    (i + 1 < d->n_tok && d->text[d->tok[i + 1].byte_off] == '-');
      if ((t->flags & PT_TOK_ALLCAPS) && t->byte_len >= 2 && t->byte_len <= 6 && !heading &&
          !(t->lex & PT_LEX_STOPCAP)) {
        if (link_name(d, &ls, i, i, i + 1, -1, 0, 1, 0, 0)) return PT_NOMEM;
      }
      i++;
      continue;
    }
    /* "See Sexton's timeline" after "Jared Sexton": a capitalised word
    ** opening the sentence before a known surname is not a given name. */
    if (b - a == 2 && !tn && (d->tok[a].flags & PT_TOK_SENT) && !(LEX(d, a) & PT_LEX_FIRST) &&
        map_get(d, d->tok[a + 1].byte_off, d->tok[a + 1].byte_len, 0) >= 0) {
      a++;
      i = a;
    }
    /* A name run [a, b).  A run of all-caps words is a heading or a
    ** dateline ("NEW YORK -"), not a name. */
    if (b - a >= 2) {
      size_t k = a;
      while (k < b && (d->tok[k].flags & PT_TOK_ALLCAPS)) k++;
      if (k == b) { i = b; continue; }
    } else if (!tn && d->tok[a].byte_len > 1 && d->text[d->tok[a].byte_off + d->tok[a].byte_len - 1] == '.' &&
               !(LEX(d, a) & (PT_LEX_PLACE | PT_LEX_FIRST | PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON)) &&
               (pt_lex_lookup(d->text + d->tok[a].byte_off, d->tok[a].byte_len - 1, NULL, NULL) & PT_LEX_ABBREV)) {
      /* "Dec.", "Inc.", "No.": an abbreviation alone names no one */
      i = b;
      continue;
    } else if ((d->tok[a].flags & (PT_TOK_ALLCAPS | PT_TOK_PARA)) == (PT_TOK_ALLCAPS | PT_TOK_PARA) &&
               b < d->n_tok && ((d->tok[b].flags & PT_TOK_DASH) || d->text[d->tok[b].byte_off] == '-' ||
                                d->text[d->tok[b].byte_off] == '(' || d->text[d->tok[b].byte_off] == ',')) {
      /* "WASHINGTON -- President Obama said": a dateline */
      i = b;
      continue;
    }
    int org = 0;
    for (size_t k = a; k < b; k++)
      if (k > a && (LEX(d, k) & PT_LEX_ORGWORD)) org = 1;
    if (b - a == 1 && (d->tok[a].flags & PT_TOK_ALLCAPS)) org = 1;
    if (joined) org = 1;
    if (org && !tn && b + 1 < d->n_tok && !pt_entity_line_break(d, b) &&
        (LEX(d, b) & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HEAD))) {
      /* "Heritage Foundation President Kay James", "Judicial Watch
      ** president Tom Fitton": a body's title before a name is the
      ** person's role, as "White House press secretary" is */
      int tf2 = 0, tg2 = -1, tgen2 = 0;
      size_t tn2 = pt_lex_phrase(d, b, PT_LEX_TITLE_ROLE, &tf2, &tg2, &tgen2), a2 = b + tn2, b2 = a2;
      /* ("NATO Secretary General Jens Stoltenberg": titles in a row) */
      if (tn2) a2 = title_chain(d, a2, PT_LEX_TITLE_ROLE, &tf2, &tg2, &tgen2);
      if (tn2 && a2 < d->n_tok && (d->tok[a2].flags & PT_TOK_CAP) && !pt_entity_line_break(d, a2))
        b2 = run_end(d, a2, a2 + 6);
      size_t k = a2;
      while (k < b2 && !(LEX(d, k) & PT_LEX_ORGWORD)) k++;
      if (b2 > a2 && k == b2) {
        tn = a2 - i, tf = tf2, tg = tg2, tgen = tgen2;
        a = a2, b = b2, org = 0, joined = 0;
      }
    }
    if (org && tn) org = 0, b = a; /* "Sen. Senate" makes no sense: skip */
    if (tn && b - a == 1 && (LEX(d, a) & PT_LEX_ORGWORD)) {
      /* "Justice Department", "State Department": a title word before an
      ** organisation word names the organisation. */
      org = 1;
      a = i;
      tn = 0;
      tf = 0;
    }
    if (b == a) { i += tn ? tn : 1; continue; }
    if (tn && !org && (tf & PT_LEX_TITLE_HON)) {
      /* "Mr. Speaker, Mr. Vice President, members of Congress": a title
      ** after an honorific, set off as one addresses someone, is not a
      ** name (but "Mr. King" after "Larry King" is he) */
      size_t k = a;
      while (k < b && (LEX(d, k) & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HON | PT_LEX_TITLE_HEAD)) &&
             map_get(d, d->tok[k].byte_off, d->tok[k].byte_len, 0) < 0)
        k++;
      /* (not "Mr. King, the clerk," nor "Mr. King, 82,": an appositive) */
      int appos = b + 1 < d->n_tok && (word_is(d, b + 1, "the") || word_is(d, b + 1, "a") || word_is(d, b + 1, "an") ||
                                       (d->text[d->tok[b + 1].byte_off] >= '0' && d->text[d->tok[b + 1].byte_off] <= '9'));
      if (k == b && b < d->n_tok && (d->tok[b].flags & PT_TOK_PUNCT) && !appos &&
          (d->text[d->tok[b].byte_off] == ',' || d->text[d->tok[b].byte_off] == ':' ||
           d->text[d->tok[b].byte_off] == '!' || d->text[d->tok[b].byte_off] == '?')) {
        i = b;
        continue;
      }
    }
    /* "Political Affairs Wendy Sherman", "NBC News Senior Investigative
    ** Correspondent Cynthia McFadden": capitalised words before a known
    ** given name and a surname describe the person (the role as written) */
    int cap_role = 0;
    if (!tn && !org && b - a >= 3) {
      size_t p = a + 1;
      while (p + 1 < b && !(LEX(d, p) & PT_LEX_FIRST)) p++;
      int ok = p + 1 < b && (LEX(d, p) & PT_LEX_FIRST) && !(LEX(d, p) & PT_LEX_PLACE) && !(LEX(d, a) & PT_LEX_FIRST) &&
               (d->tok[p].flags & PT_TOK_CAP) && !(d->tok[p - 1].flags & PT_TOK_PUNCT);
      /* (not an initial or "Fr.", "R. Gil Kerlikowske"; not a reporting
      ** verb, "Said Dorothy Poynter"; not a headline's verb or a plural
      ** before the name, "Bush Hits Marco Rubio", "Senators Mitch
      ** McConnell") */
      for (size_t k = a; ok && k < p; k++) {
        const pt_tok *w = &d->tok[k];
        char last = d->text[w->byte_off + w->byte_len - 1];
        if ((last == '.' && w->byte_len <= 3) || (LEX(d, k) & PT_LEX_CUE_VERB) || (k + 1 == p && (last | 0x20) == 's'))
          ok = 0;
      }
      if (ok) {
        a = p;
        cap_role = 1;
      } else if (p == a + 1 && p + 1 < b && (LEX(d, a) & PT_LEX_CUE_VERB) && (LEX(d, p) & PT_LEX_FIRST) &&
                 (d->tok[a].flags & PT_TOK_SENT)) {
        a = p; /* "Said Dorothy Poynter, who grew up …:" names her, with no role */
        i = p;
      }
    }
    if (!tn && (d->tok[a].flags & PT_TOK_SENT) && b - a == 1 && !org) {
      /* A lone capitalised word opening a sentence is a name only when it
      ** is already known or a reporting verb follows. */
      int known = map_get(d, d->tok[a].byte_off, d->tok[a].byte_len, 0) >= 0 ||
                  map_get(d, d->tok[a].byte_off, d->tok[a].byte_len, 1) >= 0;
      /* (not a capitalised plural, "Delegates questioned", "Critics said") */
      const pt_tok *w0 = &d->tok[a];
      int plural = w0->byte_len > 3 && d->text[w0->byte_off + w0->byte_len - 1] == 's' &&
                   !(w0->flags & PT_TOK_ALLCAPS);
      int cue = !plural && cue_follows(d, b);
      int place = (LEX(d, a) & PT_LEX_PLACE) != 0; /* "Washington and Beijing agreed" */
      if (!known && !cue && !place && !plural) {
        /* (or after an appositive: "Miller, a retired worker from a
        ** nuclear plant, said") */
        size_t ar, ae = appositive(d, b, &ar);
        cue = ae && ae + 1 < d->n_tok && d->text[d->tok[ae].byte_off] == ',' &&
              (d->tok[ae + 1].flags & PT_TOK_LOWER) && (LEX(d, ae + 1) & PT_LEX_CUE_VERB);
        /* (or a verb in the past follows: "ProPublica reported", "Whitlock
        ** also addressed the crowd" -- a name, though not yet a person's:
        ** "Brexit dominated the talks" must not become a "he") */
        /* (past fillers and adverbs in -ly: "Cruz openly admitted"; a known
        ** given name may open it: "Carson defied the question") */
        size_t v = b;
        while (v < b + 2 && pt_entity_is_filler(d, v)) v++;
        if (!cue && v < d->n_tok && (d->tok[v].flags & PT_TOK_LOWER) && d->tok[v].byte_len > 4 &&
            !(LEX(d, a) & ~PT_LEX_FIRST) &&
            pt_entity_ends_ed(d, v) &&
            !pt_entity_word_class(d, v) && !pt_entity_line_break(d, b))
          cue = 1;
      }
      if (!known && !cue && !place) { i = b; continue; }
    }
    size_t ta = i;
    if (org && i > 0 && (d->tok[i - 1].flags & PT_TOK_WORD) && d->tok[i - 1].byte_len == 3 &&
        (d->text[d->tok[i - 1].byte_off] | 0x20) == 't' &&
        !memcmp(d->text + d->tok[i - 1].byte_off + 1, "he", 2) && d->tok[i - 1].ment < 0 &&
        !pt_entity_line_break(d, i))
      ta = i - 1;
    size_t ra = i, rb = (tf & PT_LEX_TITLE_ROLE) || cap_role ? a : i;
    if ((tf & PT_LEX_TITLE_ROLE) && i > 0 && d->tok[i - 1].ment_end >= 0 && !pt_entity_line_break(d, i)) {
      /* "Florida Sen. Marco Rubio", "former Utah governor Michael Leavitt":
      ** the place before the title is part of the role as written */
      const pt_mention *pm = &d->ment[d->tok[i - 1].ment_end];
      if (pm->type == PT_MENT_NAME && pm->ent >= 0 && d->ent[pm->ent].place && pm->tok_end == i) {
        ra = pm->tok_first;
        if (ra > 0 && !pt_entity_line_break(d, ra) && (word_is(d, ra - 1, "former") || word_is(d, ra - 1, "then")))
          ra--;
      }
    }
    if ((tf & PT_LEX_TITLE_ROLE) && ra == i) ra = role_modifiers(d, i);
    /* ("national security editor Dr. Sebastian Gorka": the honorific is
    ** no part of the role) */
    while (rb > ra + 1 && (LEX(d, rb - 1) & (PT_LEX_TITLE_HON | PT_LEX_TITLE_ROLE)) == PT_LEX_TITLE_HON) rb--;
    int grp = (tf & PT_LEX_TITLE_ROLE) ? tg : -1;
    if (rb == ra && !org && ta == a) {
      int sg = -1;
      size_t sa = title_set_off_before(d, a, b, &sg);
      if (sa) ra = sa, rb = a - 1, grp = sg;
    }
    size_t ara = 0, arb = appositive(d, b, &ara);
    if (arb && rb == ra && !org) {
      ra = ara;
      rb = arb;
      int ag, agen;
      size_t k = ara;
      if (k < arb && !(LEX(d, k) & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HEAD))) k++;
      int af = 0;
      if (k < arb && pt_lex_phrase(d, k, PT_LEX_TITLE_ROLE, &af, &ag, &agen)) grp = ag;
    }
    char gender = (tgen == 'm' || tgen == 'f') ? (char)tgen : 0;
    ls.modifier = (b + 1 < d->n_tok && (d->tok[b].flags & PT_TOK_LOWER) &&
                   (LEX(d, b) & (PT_LEX_TITLE_ROLE | PT_LEX_TITLE_HEAD)) && (d->tok[b + 1].flags & PT_TOK_CAP)) ||
                  /* "the Clinton approach": a name between an article and a noun
                  ** (not a titled person: "The columnist Ruth Marcus wrote") */
                  (ta > 0 && ta == a && b < d->n_tok && (d->tok[b].flags & PT_TOK_LOWER) && d->tok[ta - 1].byte_len <= 3 &&
                   (d->tok[ta - 1].flags & PT_TOK_WORD) &&
                   ((d->tok[ta - 1].byte_len == 3 && !memcmp(d->text + d->tok[ta - 1].byte_off + 1, "he", 2)) ||
                    (d->tok[ta - 1].byte_len == 1 && (d->text[d->tok[ta - 1].byte_off] | 0x20) == 'a')));
    ls.pobj = !org && (preposition_object(d, ta) || in_dash_aside(d, ta, b));
    ls.weak = !org && (weak_position(d, b) || possessor_of_apposition(d, b) || ls.fronted || ls.pobj);
    ls.reporter = reports_at(d, b) || (reported_by(d, ta) && clause_ends_at(d, b)) ||
                  (reports_who(d, b) && !(ta > 0 && (word_is(d, ta - 1, "and") || word_is(d, ta - 1, "or"))));
    if (link_name(d, &ls, ta, a, b, grp, gender, org, ra, rb)) return PT_NOMEM;
    ls.modifier = ls.weak = ls.pobj = ls.reporter = 0;
    i = b;
  }
  return PT_OK;
}

int pt_entity_build(pt_entity_doc *d, const char *text, size_t len,
                    const pt_span *skip, size_t n_skip, const pt_span *marks,
                    size_t n_marks) {
  d->text = text;
  d->len = len;
  d->n_tok = d->n_ment = d->n_ent = 0;
  if (len >= 0xFFFFFFF0u) return PT_TOOBIG;
  /* The tokenizer walks the spans in step with the text: spans out of
  ** order or past its end would stall it. */
  for (int pass = 0; pass < 2; pass++) {
    const pt_span *sp = pass ? marks : skip;
    size_t ns = pass ? n_marks : n_skip, end = 0;
    for (size_t k = 0; k < ns; k++) {
      if (sp[k].byte_off < end || sp[k].byte_off > len || sp[k].byte_len > len - sp[k].byte_off) return PT_MISUSE;
      end = sp[k].byte_off + sp[k].byte_len;
    }
  }
  /* Clearing a map grown by one big document would cost every later small
  ** one: drop big maps instead (they grow back on demand). */
  if (d->map_cap > 1024) {
    pt_free(d->map);
    d->map = NULL;
    d->map_cap = 0;
  } else if (d->map_cap && d->map_n) {
    memset(d->map, 0, d->map_cap * sizeof(map_slot));
  }
  d->map_n = 0;
  int rc = tokenize(d, skip, n_skip, marks, n_marks);
  if (rc == PT_OK) rc = find_mentions(d);
  return rc;
}
