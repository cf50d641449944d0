/*
** pt_topic.c: term-table schemes, one-pass matching and scoring (see
** pt_topic.h for the contract and docs/topics.md for the user's view).
**
** A scheme has three hash tables with open addressing and linear probing:
**   words     folded word -> symbol ids (one for any case, one caps-only)
**   prefixes  folded prefix (a term word that ended in '*') -> symbol id
**   edges     (trie node, symbol) -> child node
** and a node array whose terminal nodes list (topic, weight) outputs.  The
** text side (pt_topic_text) hashes every folded token once, so a scheme
** looks each token up with one probe; prefixes cost one probe per prefix
** length that the scheme actually uses.
*/
#include "pt_topic.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pt_buf.h"
#include "pt_err.h"
#include "pt_mem.h"
#include "pt_token.h"
#include "pt_utf8.h"

#define TOK_FLAGS (PT_TOK_FOLD | PT_TOK_UNACCENT | PT_TOK_COMPOUND)
#define MAX_TERM_WORDS 8  /* words in one phrase */
#define MAX_CAND 8        /* symbols one token can stand for */
#define MAX_PREFIX 63     /* longest '*' prefix in bytes */
#define MAX_EVIDENCE 8    /* terms listed per topic before "..." */
#define FILTER_WORDS 1024 /* 64 Ki bits: most tokens of a text are no term */
#define FILTER_SHIFT 48

/* ====================================================================
** Hashing.
*/
/* A fast 64-bit string hash, eight bytes at a time (multiply-xorshift
** mixing).  Values are only compared within one process. */
uint64_t pt_topic_hash(const char *s, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
  while (n >= 8) {
    uint64_t v;
    memcpy(&v, s, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
    s += 8;
    n -= 8;
  }
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) v |= (uint64_t)(unsigned char)s[i] << (8 * i);
  h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 32;
  return h;
}

/* 1 when s[0..n) has two or more capitals and no lower-case letter. */
static int written_in_caps(const char *s, size_t n) {
  int upper = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') return 0;
      if (c >= 'A' && c <= 'Z') upper++;
      i++;
      continue;
    }
    size_t adv;
    int cp = pt_utf8_decode(s + i, n - i, &adv);
    if (pt_cp_is_lower(cp)) return 0;
    if (pt_cp_is_upper(cp)) upper++;
    i += adv;
  }
  return upper >= 2;
}

/* ====================================================================
** The text side: tokens with hashes.
*/
void pt_topic_text_init(pt_topic_text *t) { memset(t, 0, sizeof *t); }

void pt_topic_text_reset(pt_topic_text *t) {
  pt_free(t->toks);
  pt_free(t->types);
  pt_free(t->slots);
  pt_free(t->folded);
  pt_free(t->scratch);
  pt_topic_text_init(t);
}

typedef struct text_ctx {
  pt_topic_text *t;
  const char *src;     /* the text being tokenized */
  size_t compound;     /* index of the open compound + 1, or 0 */
  size_t compound_end; /* its end byte in src */
  int rc;
} text_ctx;

/* Rebuilds the type hash with n slots (a power of two). */
static int rehash_types(pt_topic_text *t, size_t n) {
  int32_t *slots = pt_malloc(n * sizeof *slots);
  if (!slots) return PT_NOMEM;
  for (size_t i = 0; i < n; i++) slots[i] = -1;
  for (size_t i = 0; i < t->n_types; i++) {
    size_t j = (size_t)t->types[i].hash & (n - 1);
    while (slots[j] >= 0) j = (j + 1) & (n - 1);
    slots[j] = (int32_t)i;
  }
  pt_free(t->slots);
  t->slots = slots;
  t->n_slots = n;
  return PT_OK;
}

/* Type index of tok[0..len) (added when new), or -1 on OOM/too big. */
static int32_t type_of(text_ctx *c, const char *tok, size_t len) {
  pt_topic_text *t = c->t;
  uint64_t h = pt_topic_hash(tok, len);
  size_t j = (size_t)h & (t->n_slots - 1);
  for (int32_t x; (x = t->slots[j]) >= 0; j = (j + 1) & (t->n_slots - 1)) {
    const pt_topic_type *y = &t->types[x];
    if (y->hash == h && y->len == len && memcmp(t->folded + y->off, tok, len) == 0) return x;
  }
  if (t->folded_len + len > 0xffffffffu || t->n_types >= 0x7fffffff) {
    c->rc = PT_TOOBIG;
    return -1;
  }
  if ((t->n_types == t->cap_types &&
       pt_grow((void **)&t->types, &t->cap_types, t->n_types + 1, sizeof *t->types)) ||
      (t->folded_len + len + 1 > t->folded_cap &&
       pt_grow((void **)&t->folded, &t->folded_cap, t->folded_len + len + 1, 1))) {
    c->rc = PT_NOMEM;
    return -1;
  }
  pt_topic_type *y = &t->types[t->n_types];
  y->hash = h;
  y->off = (uint32_t)t->folded_len;
  y->len = (uint32_t)len;
  memcpy(t->folded + t->folded_len, tok, len);
  t->folded_len += len;
  t->slots[j] = (int32_t)t->n_types++;
  if (t->n_types * 2 > t->n_slots && rehash_types(t, t->n_slots * 2)) {
    c->rc = PT_NOMEM;
    return -1;
  }
  return (int32_t)(t->n_types - 1);
}

static int text_token(void *ctx, const char *tok, size_t tok_len, size_t byte_off,
                      size_t byte_len, int kind) {
  text_ctx *c = ctx;
  pt_topic_text *t = c->t;
  if (tok_len > 0xffff) tok_len = 0xffff;
  if (t->n == t->cap && pt_grow((void **)&t->toks, &t->cap, t->n + 1, sizeof *t->toks))
    return c->rc = PT_NOMEM;
  if (kind == PT_TOKEN_WORD && c->compound && byte_off < c->compound_end) {
    pt_topic_tok *ct = &t->toks[c->compound - 1];
    if (ct->words < 255) ct->words++;
  } else if (kind == PT_TOKEN_WORD) {
    c->compound = 0;
  }
  int32_t type = type_of(c, tok, tok_len);
  if (type < 0) return c->rc;
  pt_topic_tok *k = &t->toks[t->n];
  k->type = (uint32_t)type;
  /* A token in capitals starts with a capital (or a non-ASCII letter). */
  unsigned char first = (unsigned char)c->src[byte_off];
  k->caps = (uint8_t)((first >= 'A' && first <= 'Z') || first >= 0x80
                          ? written_in_caps(c->src + byte_off, byte_len)
                          : 0);
  k->words = 0;
  t->n++;
  if (kind == PT_TOKEN_COMPOUND) {
    c->compound = t->n;
    c->compound_end = byte_off + byte_len;
  }
  return 0;
}

int pt_topic_text_make(pt_topic_text *t, const char *s, size_t n) {
  t->n = 0;
  t->n_types = 0;
  t->folded_len = 0;
  if (!t->slots || t->n_slots > 65536) {
    if (rehash_types(t, 256)) return PT_NOMEM;
  } else {
    memset(t->slots, 0xff, t->n_slots * sizeof *t->slots); /* all -1 */
  }
  text_ctx c = {t, s, 0, 0, PT_OK};
  int rc = pt_tokenize(s, n, TOK_FLAGS, text_token, &c);
  if (c.rc) rc = c.rc;
  return rc;
}

/* ====================================================================
** Hash tables of the scheme.
*/
typedef struct str_ent {
  uint64_t hash;
  uint32_t off, len; /* key bytes in the scheme's arena */
  int32_t a, b;      /* words: sym any-case, sym caps; prefixes: sym, -; topics: index */
  int used;
} str_ent;

typedef struct str_tab {
  str_ent *e;
  size_t cap, n; /* cap is 0 or a power of two */
} str_tab;

typedef struct edge_ent {
  uint64_t key;  /* node << 32 | sym */
  int32_t child; /* 0 = empty slot (the root is never a child) */
} edge_ent;

typedef struct edge_tab {
  edge_ent *e;
  size_t cap, n;
} edge_tab;

typedef struct t_node {
  int32_t out;       /* first output, -1 when the node ends no term */
  int32_t children;  /* number of edges out of the node */
  uint64_t child_mask; /* bit (sym & 63) set for each edge's symbol: skips probes */
  uint32_t term_off; /* the term as first written, in the arena */
  uint32_t term_len;
} t_node;

typedef struct t_out {
  int32_t topic;
  int32_t next;  /* next output of the same node, -1 */
  double weight;
} t_out;

typedef struct t_topic {
  char *name;    /* owned */
  char *desc;    /* owned or NULL */
} t_topic;

struct pt_scheme {
  char *name;          /* owned */
  double k, min_mass;  /* scoring constants */
  pt_buf arena;        /* key strings and term spellings */
  str_tab words, prefixes, topic_ix;
  edge_tab edges;
  t_node *nodes;       /* nodes[0] is the root */
  size_t n_nodes, cap_nodes;
  t_out *outs;
  size_t n_outs, cap_outs;
  t_topic *topics;
  size_t n_topics, cap_topics;
  int32_t n_syms;
  int32_t *root_child;  /* child of the root for each symbol, 0 = none */
  size_t cap_root;
  uint64_t prefix_lens; /* bit L set when a prefix of L bytes exists */
  size_t prefix_max;    /* longest prefix in bytes */
  uint64_t filter[FILTER_WORDS]; /* bit (hash >> FILTER_SHIFT) set for every word */
  size_t n_terms;
};

static int str_tab_grow(str_tab *t) {
  size_t cap = t->cap ? t->cap * 2 : 64;
  str_ent *e = pt_calloc(cap, sizeof *e);
  if (!e) return PT_NOMEM;
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->e[i].used) continue;
    size_t j = (size_t)t->e[i].hash & (cap - 1);
    while (e[j].used) j = (j + 1) & (cap - 1);
    e[j] = t->e[i];
  }
  pt_free(t->e);
  t->e = e;
  t->cap = cap;
  return PT_OK;
}

/* The entry for key s[0..n) with hash h, or NULL. */
static const str_ent *str_tab_find(const str_tab *t, const pt_buf *arena, uint64_t h,
                                   const char *s, size_t n) {
  if (!t->cap) return NULL;
  size_t j = (size_t)h & (t->cap - 1);
  while (t->e[j].used) {
    const str_ent *x = &t->e[j];
    if (x->hash == h && x->len == n && memcmp(arena->data + x->off, s, n) == 0) return x;
    j = (j + 1) & (t->cap - 1);
  }
  return NULL;
}

/* The entry for s[0..n), made (a = b = -1) when absent; NULL on OOM. */
static str_ent *str_tab_get(str_tab *t, pt_buf *arena, const char *s, size_t n) {
  uint64_t h = pt_topic_hash(s, n);
  str_ent *x = (str_ent *)str_tab_find(t, arena, h, s, n);
  if (x) return x;
  if ((t->n + 1) * 2 > t->cap && str_tab_grow(t)) return NULL;
  if (arena->len + n > 0xffffffffu) return NULL;
  size_t off = arena->len;
  pt_buf_put(arena, s, n);
  if (arena->rc) return NULL;
  size_t j = (size_t)h & (t->cap - 1);
  while (t->e[j].used) j = (j + 1) & (t->cap - 1);
  x = &t->e[j];
  x->hash = h;
  x->off = (uint32_t)off;
  x->len = (uint32_t)n;
  x->a = x->b = -1;
  x->used = 1;
  t->n++;
  return x;
}

static size_t edge_slot(uint64_t key, size_t cap) {
  return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & (cap - 1);
}

static int32_t edge_find(const edge_tab *t, int32_t node, int32_t sym) {
  if (!t->cap) return 0;
  uint64_t key = (uint64_t)(uint32_t)node << 32 | (uint32_t)sym;
  size_t j = edge_slot(key, t->cap);
  while (t->e[j].child) {
    if (t->e[j].key == key) return t->e[j].child;
    j = (j + 1) & (t->cap - 1);
  }
  return 0;
}

static int edge_put(edge_tab *t, int32_t node, int32_t sym, int32_t child) {
  if ((t->n + 1) * 2 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 64;
    edge_ent *e = pt_calloc(cap, sizeof *e);
    if (!e) return PT_NOMEM;
    for (size_t i = 0; i < t->cap; i++) {
      if (!t->e[i].child) continue;
      size_t j = edge_slot(t->e[i].key, cap);
      while (e[j].child) j = (j + 1) & (cap - 1);
      e[j] = t->e[i];
    }
    pt_free(t->e);
    t->e = e;
    t->cap = cap;
  }
  uint64_t key = (uint64_t)(uint32_t)node << 32 | (uint32_t)sym;
  size_t j = edge_slot(key, t->cap);
  while (t->e[j].child) j = (j + 1) & (t->cap - 1);
  t->e[j].key = key;
  t->e[j].child = child;
  t->n++;
  return PT_OK;
}

/* ====================================================================
** Building a scheme.
*/
int pt_scheme_new(const char *name, pt_scheme **pp) {
  *pp = NULL;
  pt_scheme *s = pt_calloc(1, sizeof *s);
  if (!s) return PT_NOMEM;
  s->name = pt_strndup(name, strlen(name));
  s->k = 3.0;
  s->min_mass = 1e-9;
  pt_buf_init(&s->arena);
  s->nodes = pt_malloc(64 * sizeof *s->nodes);
  if (!s->name || !s->nodes) {
    pt_scheme_free(s);
    return PT_NOMEM;
  }
  s->cap_nodes = 64;
  s->n_nodes = 1;
  s->nodes[0].out = -1;
  s->nodes[0].children = 0;
  s->nodes[0].child_mask = 0;
  s->nodes[0].term_off = s->nodes[0].term_len = 0;
  *pp = s;
  return PT_OK;
}

void pt_scheme_free(pt_scheme *s) {
  if (!s) return;
  for (size_t i = 0; i < s->n_topics; i++) {
    pt_free(s->topics[i].name);
    pt_free(s->topics[i].desc);
  }
  pt_free(s->topics);
  pt_free(s->name);
  pt_buf_reset(&s->arena);
  pt_free(s->words.e);
  pt_free(s->prefixes.e);
  pt_free(s->topic_ix.e);
  pt_free(s->edges.e);
  pt_free(s->nodes);
  pt_free(s->outs);
  pt_free(s->root_child);
  pt_free(s);
}

void pt_scheme_set_scoring(pt_scheme *s, double k, double min_mass) {
  if (k > 0) s->k = k;
  s->min_mass = min_mass > 0 ? min_mass : 1e-9;
}

/* Index of topic[0..n), declared when new; -1 on OOM. */
static int32_t topic_index(pt_scheme *s, const char *topic, size_t n, const char *desc) {
  str_ent *x = str_tab_get(&s->topic_ix, &s->arena, topic, n);
  if (!x) return -1;
  if (x->a < 0) {
    if (pt_grow((void **)&s->topics, &s->cap_topics, s->n_topics + 1, sizeof *s->topics))
      return -1;
    t_topic *t = &s->topics[s->n_topics];
    t->name = pt_strndup(topic, n);
    t->desc = NULL;
    if (!t->name) return -1;
    x->a = (int32_t)s->n_topics++;
  }
  t_topic *t = &s->topics[x->a];
  if (desc && *desc && !t->desc) {
    t->desc = pt_strndup(desc, strlen(desc));
    if (!t->desc) return -1;
  }
  return x->a;
}

int pt_scheme_topic(pt_scheme *s, const char *topic, size_t topic_len, const char *desc) {
  return topic_index(s, topic, topic_len, desc) < 0 ? PT_NOMEM : PT_OK;
}

/* A term word while parsing. */
typedef struct term_word {
  size_t fold_off, fold_len; /* in the parse buffer */
  size_t byte_off, byte_len; /* in the term */
  int kind, caps, prefix;
} term_word;

typedef struct term_ctx {
  const char *src;
  pt_buf folded;
  term_word w[MAX_TERM_WORDS + 1];
  size_t n;
  size_t skip_until; /* words inside the last compound are not separate */
  int too_long;
} term_ctx;

static int term_token(void *ctx, const char *tok, size_t tok_len, size_t byte_off,
                      size_t byte_len, int kind) {
  term_ctx *c = ctx;
  if (kind == PT_TOKEN_WORD && byte_off < c->skip_until) return 0;
  if (c->n >= MAX_TERM_WORDS) {
    c->too_long = 1;
    return 1;
  }
  term_word *w = &c->w[c->n++];
  w->fold_off = c->folded.len;
  w->fold_len = tok_len;
  pt_buf_put(&c->folded, tok, tok_len);
  w->byte_off = byte_off;
  w->byte_len = byte_len;
  w->kind = kind;
  w->caps = written_in_caps(c->src + byte_off, byte_len);
  w->prefix = 0;
  if (kind == PT_TOKEN_COMPOUND) c->skip_until = byte_off + byte_len;
  return 0;
}

static int32_t new_sym(pt_scheme *s) { return s->n_syms++; }

int pt_scheme_add(pt_scheme *s, const char *topic, size_t topic_len, const char *term,
                  size_t term_len, double weight, pt_err *err) {
  while (topic_len && (*topic == ' ' || *topic == '\t')) topic++, topic_len--;
  while (topic_len && (topic[topic_len - 1] == ' ' || topic[topic_len - 1] == '\t'))
    topic_len--;
  while (term_len && (*term == ' ' || *term == '\t')) term++, term_len--;
  while (term_len && (term[term_len - 1] == ' ' || term[term_len - 1] == '\t' ||
                      term[term_len - 1] == '\r'))
    term_len--;
  if (!topic_len) return pt_err_set(err, PT_FORMAT, 0, "empty topic for term '%.*s'",
                                    (int)(term_len > 80 ? 80 : term_len), term);
  term_ctx c;
  memset(&c, 0, sizeof c);
  c.src = term;
  pt_buf_init(&c.folded);
  int rc = pt_tokenize(term, term_len, TOK_FLAGS, term_token, &c);
  if (c.folded.rc) rc = PT_NOMEM;
  if (c.too_long) { /* the callback stopped the walk (its 1 is not PT_NOMEM) */
    rc = pt_err_set(err, PT_FORMAT, 0, "term '%.*s' has more than %d words",
                    (int)(term_len > 80 ? 80 : term_len), term, MAX_TERM_WORDS);
    goto done;
  }
  if (rc) goto done; /* PT_NOMEM */
  if (c.n == 0) {
    rc = pt_err_set(err, PT_FORMAT, 0, "term '%.*s' has no word",
                    (int)(term_len > 80 ? 80 : term_len), term);
    goto done;
  }
  /* Each '*' must end a word: mark that word as a prefix. */
  for (size_t i = 0; i < term_len; i++) {
    if (term[i] != '*') continue;
    int ok = 0;
    for (size_t k = 0; k < c.n; k++) {
      if (c.w[k].byte_off + c.w[k].byte_len == i && c.w[k].fold_len <= MAX_PREFIX) {
        c.w[k].prefix = 1;
        ok = 1;
      }
    }
    if (ok && i + 1 < term_len && term[i + 1] != ' ' && term[i + 1] != '\t') ok = 0;
    if (!ok) {
      rc = pt_err_set(err, PT_FORMAT, i, "in term '%.*s', '*' must end a word",
                      (int)(term_len > 80 ? 80 : term_len), term);
      goto done;
    }
  }
  int32_t ti = topic_index(s, topic, topic_len, NULL);
  if (ti < 0) {
    rc = PT_NOMEM;
    goto done;
  }
  /* Walk / extend the trie. */
  int32_t node = 0;
  for (size_t k = 0; k < c.n; k++) {
    term_word *w = &c.w[k];
    const char *f = c.folded.data + w->fold_off;
    int32_t sym;
    if (w->prefix) {
      str_ent *x = str_tab_get(&s->prefixes, &s->arena, f, w->fold_len);
      if (!x) goto nomem;
      if (x->a < 0) x->a = new_sym(s);
      sym = x->a;
      s->prefix_lens |= (uint64_t)1 << w->fold_len;
      if (w->fold_len > s->prefix_max) s->prefix_max = w->fold_len;
    } else {
      str_ent *x = str_tab_get(&s->words, &s->arena, f, w->fold_len);
      if (!x) goto nomem;
      uint64_t bit = x->hash >> FILTER_SHIFT;
      s->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
      int32_t *slot = w->caps ? &x->b : &x->a;
      if (*slot < 0) *slot = new_sym(s);
      sym = *slot;
    }
    int32_t child = edge_find(&s->edges, node, sym);
    if (!child) {
      if (pt_grow((void **)&s->nodes, &s->cap_nodes, s->n_nodes + 1, sizeof *s->nodes))
        goto nomem;
      child = (int32_t)s->n_nodes++;
      s->nodes[child].out = -1;
      s->nodes[child].children = 0;
      s->nodes[child].child_mask = 0;
      s->nodes[child].term_off = s->nodes[child].term_len = 0;
      if (edge_put(&s->edges, node, sym, child)) goto nomem;
      s->nodes[node].children++;
      s->nodes[node].child_mask |= (uint64_t)1 << (sym & 63);
      if (node == 0) {
        size_t old = s->cap_root;
        if (pt_grow((void **)&s->root_child, &s->cap_root, (size_t)sym + 1,
                          sizeof *s->root_child))
          goto nomem;
        memset(s->root_child + old, 0, (s->cap_root - old) * sizeof *s->root_child);
        s->root_child[sym] = child;
      }
    }
    node = child;
  }
  t_node *nd = &s->nodes[node];
  if (nd->out < 0 && nd->term_len == 0) {
    if (s->arena.len + term_len > 0xffffffffu) goto nomem;
    nd->term_off = (uint32_t)s->arena.len;
    nd->term_len = (uint32_t)term_len;
    pt_buf_put(&s->arena, term, term_len);
    if (s->arena.rc) goto nomem;
    s->n_terms++;
  }
  for (int32_t o = nd->out; o >= 0; o = s->outs[o].next) {
    if (s->outs[o].topic == ti) {
      s->outs[o].weight += weight;
      goto done;
    }
  }
  if (pt_grow((void **)&s->outs, &s->cap_outs, s->n_outs + 1, sizeof *s->outs)) goto nomem;
  s->outs[s->n_outs].topic = ti;
  s->outs[s->n_outs].weight = weight;
  s->outs[s->n_outs].next = nd->out;
  nd->out = (int32_t)s->n_outs++;
  rc = PT_OK;
  goto done;
nomem:
  rc = PT_NOMEM;
done:
  pt_buf_reset(&c.folded);
  return rc;
}

int pt_scheme_finish(pt_scheme *s) {
  /* Every symbol gets a root_child slot, so lookups need no bounds test. */
  size_t old = s->cap_root;
  if (pt_grow((void **)&s->root_child, &s->cap_root, (size_t)s->n_syms + 1,
                    sizeof *s->root_child))
    return PT_NOMEM;
  memset(s->root_child + old, 0, (s->cap_root - old) * sizeof *s->root_child);
  return s->arena.rc;
}

const char *pt_scheme_name(const pt_scheme *s) { return s->name; }
size_t pt_scheme_topics(const pt_scheme *s) { return s->n_topics; }
size_t pt_scheme_terms(const pt_scheme *s) { return s->n_terms; }
const char *pt_scheme_topic_name(const pt_scheme *s, size_t i) {
  return i < s->n_topics ? s->topics[i].name : NULL;
}
const char *pt_scheme_topic_desc(const pt_scheme *s, size_t i) {
  return i < s->n_topics ? s->topics[i].desc : NULL;
}

/* ====================================================================
** Matching.
*/

/* Per-text symbol table: for each type, the symbols it stands for in s. */
#define TYPE_SYMS 4 /* any-case, caps-only, two prefixes */

static void type_syms(const pt_scheme *s, const pt_topic_text *t, size_t ty,
                      int32_t out[TYPE_SYMS]) {
  const pt_topic_type *y = &t->types[ty];
  const char *f = t->folded + y->off;
  out[0] = out[1] = out[2] = out[3] = -1;
  uint64_t bit = y->hash >> FILTER_SHIFT;
  if (s->filter[bit >> 6] >> (bit & 63) & 1) {
    const str_ent *x = str_tab_find(&s->words, &s->arena, y->hash, f, y->len);
    if (x) {
      out[0] = x->a;
      out[1] = x->b;
    }
  }
  if (s->prefix_lens) {
    size_t max = y->len < s->prefix_max ? y->len : s->prefix_max;
    int np = 2;
    for (size_t L = 1; L <= max && np < TYPE_SYMS; L++) {
      if (!(s->prefix_lens >> L & 1)) continue;
      const str_ent *p = str_tab_find(&s->prefixes, &s->arena, pt_topic_hash(f, L), f, L);
      if (p) out[np++] = p->a;
    }
  }
}

/* Symbols token k stands for (from the per-text table); how many. */
static int candidates(const int32_t *syms, const pt_topic_text *t, size_t k,
                      int32_t cand[MAX_CAND]) {
  const pt_topic_tok *tok = &t->toks[k];
  const int32_t *y = syms + (size_t)tok->type * TYPE_SYMS;
  int n = 0;
  if (y[0] >= 0) cand[n++] = y[0];
  if (y[1] >= 0 && tok->caps) cand[n++] = y[1];
  if (y[2] >= 0) cand[n++] = y[2];
  if (y[3] >= 0) cand[n++] = y[3];
  return n;
}

typedef struct walk {
  const pt_scheme *s;
  const pt_topic_text *t;
  const int32_t *syms; /* per-type symbols */
  int32_t best_node;
  size_t best_end; /* token index after the match */
} walk;

/* Extends a match at node over tokens from k (depth words used so far). */
static void walk_from(walk *w, int32_t node, size_t k, int depth) {
  const pt_topic_text *t = w->t;
  if (depth >= MAX_TERM_WORDS || k >= t->n) return;
  const pt_topic_tok *tok = &t->toks[k];
  int32_t cand[MAX_CAND];
  int nc = candidates(w->syms, t, k, cand);
  size_t next = k + 1 + tok->words; /* a compound skips its parts */
  uint64_t mask = node ? w->s->nodes[node].child_mask : ~(uint64_t)0;
  for (int i = 0; i < nc; i++) {
    if (!(mask >> (cand[i] & 63) & 1)) continue;
    int32_t child = node == 0 ? w->s->root_child[cand[i]] : edge_find(&w->s->edges, node, cand[i]);
    if (!child) continue;
    const t_node *nd = &w->s->nodes[child];
    if (nd->out >= 0 && (w->best_node < 0 || next > w->best_end)) {
      w->best_node = child;
      w->best_end = next;
    }
    if (nd->children) walk_from(w, child, next, depth + 1);
  }
  /* Inside a phrase a compound may also be read as its parts. */
  if (tok->words && depth > 0) walk_from(w, node, k + 1, depth);
}

typedef struct ev {
  int32_t topic, node;
  int count;
  double contrib;
} ev;

typedef struct hit_ent {
  int32_t node;  /* -1 = empty slot */
  int count;
} hit_ent;

/* Counts one more match of node in the hash *h (n used of cap slots). */
static int hit_add(hit_ent **h, size_t *n, size_t *cap, int32_t node) {
  if ((*n + 1) * 2 > *cap) {
    size_t c = *cap ? *cap * 2 : 64;
    hit_ent *g = pt_malloc(c * sizeof *g);
    if (!g) return PT_NOMEM;
    for (size_t i = 0; i < c; i++) g[i].node = -1;
    for (size_t i = 0; i < *cap; i++) {
      if ((*h)[i].node < 0) continue;
      size_t j = ((size_t)(*h)[i].node * 2654435761u) & (c - 1);
      while (g[j].node >= 0) j = (j + 1) & (c - 1);
      g[j] = (*h)[i];
    }
    pt_free(*h);
    *h = g;
    *cap = c;
  }
  size_t j = ((size_t)node * 2654435761u) & (*cap - 1);
  while ((*h)[j].node >= 0 && (*h)[j].node != node) j = (j + 1) & (*cap - 1);
  if ((*h)[j].node < 0) {
    (*h)[j].node = node;
    (*h)[j].count = 0;
    (*n)++;
  }
  (*h)[j].count++;
  return PT_OK;
}

static int cmp_ev(const void *a, const void *b) {
  const ev *x = a, *y = b;
  if (x->topic != y->topic) return (x->topic > y->topic) - (x->topic < y->topic);
  if (x->count != y->count) return x->count < y->count ? 1 : -1;
  if (x->contrib != y->contrib) return x->contrib < y->contrib ? 1 : -1;
  return (x->node > y->node) - (x->node < y->node);
}

void pt_topic_list_init(pt_topic_list *l) { memset(l, 0, sizeof *l); }

void pt_topic_list_reset(pt_topic_list *l) {
  for (size_t i = 0; i < l->n; i++) pt_free(l->rows[i].evidence);
  pt_free(l->rows);
  pt_topic_list_init(l);
}

int pt_topic_list_push(pt_topic_list *l, const pt_topic_row *row, const char *evidence) {
  if (pt_grow((void **)&l->rows, &l->cap, l->n + 1, sizeof *l->rows)) return PT_NOMEM;
  char *e = NULL;
  if (evidence) {
    e = pt_strndup(evidence, strlen(evidence));
    if (!e) return PT_NOMEM;
  }
  l->rows[l->n] = *row;
  l->rows[l->n].evidence = e;
  l->n++;
  return PT_OK;
}

static int cmp_row(const void *a, const void *b) {
  const pt_topic_row *x = a, *y = b;
  if (x->score != y->score) return x->score < y->score ? 1 : -1;
  return 0; /* equal: pt_topic_list_sort is stable, so the order stays */
}

void pt_topic_list_sort(pt_topic_list *l, size_t from) {
  /* Insertion sort: stable, and lists are short (topics of a few schemes). */
  for (size_t i = from + 1; i < l->n; i++) {
    pt_topic_row r = l->rows[i];
    size_t j = i;
    while (j > from && cmp_row(&l->rows[j - 1], &r) > 0) {
      l->rows[j] = l->rows[j - 1];
      j--;
    }
    l->rows[j] = r;
  }
}

int pt_topic_match(const pt_scheme *s, pt_topic_text *t, unsigned flags,
                   pt_topic_list *out) {
  int rc = PT_OK;
  hit_ent *hit = NULL; /* node -> count, open addressing, cap_hit a power of 2 */
  size_t n_hit = 0, cap_hit = 0;
  ev *evs = NULL;
  size_t n_ev = 0, cap_ev = 0;
  double *mass = NULL;
  int *hits = NULL;
  pt_buf e;
  pt_buf_init(&e);
  pt_topic_text *tm = t; /* only its scratch buffer is written */
  if (pt_grow((void **)&tm->scratch, &tm->scratch_cap,
                    (t->n_types ? t->n_types : 1) * TYPE_SYMS, sizeof *tm->scratch))
    goto nomem;
  int32_t *syms = tm->scratch;
  for (size_t i = 0; i < t->n_types; i++) type_syms(s, t, i, syms + i * TYPE_SYMS);
  walk w = {s, t, syms, -1, 0};
  for (size_t k = 0; k < t->n;) {
    /* Fast path: a token that starts no term. */
    const int32_t *y = syms + (size_t)t->toks[k].type * TYPE_SYMS;
    if (y[0] < 0 && y[2] < 0 && (y[1] < 0 || !t->toks[k].caps)) {
      k++;
      continue;
    }
    w.best_node = -1;
    walk_from(&w, 0, k, 0);
    if (w.best_node < 0) {
      k++;
      continue;
    }
    if (hit_add(&hit, &n_hit, &cap_hit, w.best_node)) goto nomem;
    k = w.best_end;
  }
  if (!n_hit) goto done;
  mass = pt_calloc(s->n_topics, sizeof *mass);
  hits = pt_calloc(s->n_topics, sizeof *hits);
  if (!mass || !hits) goto nomem;
  for (size_t i = 0; i < cap_hit; i++) {
    if (hit[i].node < 0) continue;
    int count = hit[i].count;
    double tf = 1.0 + log((double)count);
    for (int32_t o = s->nodes[hit[i].node].out; o >= 0; o = s->outs[o].next) {
      const t_out *x = &s->outs[o];
      mass[x->topic] += x->weight * tf;
      hits[x->topic] += count;
      if (pt_grow((void **)&evs, &cap_ev, n_ev + 1, sizeof *evs)) goto nomem;
      evs[n_ev].topic = x->topic;
      evs[n_ev].node = hit[i].node;
      evs[n_ev].count = count;
      evs[n_ev].contrib = x->weight * tf;
      n_ev++;
    }
  }
  /* Group by topic (a counting sort: stable, linear), then order each
  ** topic's terms; groups are small, and only their first terms are shown. */
  ev *sorted = pt_malloc((n_ev ? n_ev : 1) * sizeof *sorted);
  size_t *start = pt_calloc(s->n_topics + 1, sizeof *start);
  if (!sorted || !start) {
    pt_free(sorted);
    pt_free(start);
    goto nomem;
  }
  for (size_t i = 0; i < n_ev; i++) start[evs[i].topic + 1]++;
  for (size_t i = 0; i < s->n_topics; i++) start[i + 1] += start[i];
  for (size_t i = 0; i < n_ev; i++) sorted[start[evs[i].topic]++] = evs[i];
  pt_free(start);
  pt_free(evs);
  evs = sorted;
  for (size_t i = 0; i < n_ev && (flags & PT_TOPIC_EVIDENCE);) {
    size_t j = i;
    while (j < n_ev && evs[j].topic == evs[i].topic) j++;
    /* Selection of the first MAX_EVIDENCE + 1 in order; the rest stay. */
    size_t lim = j - i < MAX_EVIDENCE + 1 ? j : i + MAX_EVIDENCE + 1;
    for (size_t a = i; a < lim; a++) {
      size_t best = a;
      for (size_t b = a + 1; b < j; b++)
        if (cmp_ev(&evs[b], &evs[best]) < 0) best = b;
      ev tmp = evs[a];
      evs[a] = evs[best];
      evs[best] = tmp;
    }
    i = j;
  }
  double total = 0;
  for (size_t i = 0; i < s->n_topics; i++)
    if (mass[i] > 0) total += mass[i];
  size_t first = out->n;
  for (size_t i = 0; i < n_ev;) {
    int32_t tp = evs[i].topic;
    size_t j = i;
    while (j < n_ev && evs[j].topic == tp) j++;
    double m = mass[tp];
    if (m > 0 && m >= s->min_mass) {
      pt_buf_clear(&e);
      int listed = 0;
      for (size_t q = i; q < j && (flags & PT_TOPIC_EVIDENCE); q++) {
        if (evs[q].contrib <= 0) continue;
        if (listed == MAX_EVIDENCE) {
          pt_buf_puts(&e, ", ...");
          break;
        }
        const t_node *nd = &s->nodes[evs[q].node];
        char num[24];
        size_t k = sizeof num;
        num[--k] = ')';
        for (unsigned c = (unsigned)evs[q].count; k > 2;) {
          num[--k] = (char)('0' + c % 10);
          c /= 10;
          if (!c) break;
        }
        num[--k] = '(';
        num[--k] = ' ';
        if (listed) pt_buf_put(&e, ", ", 2);
        pt_buf_put(&e, s->arena.data + nd->term_off, nd->term_len);
        pt_buf_put(&e, num + k, sizeof num - k);
        listed++;
      }
      if (e.rc) goto nomem;
      pt_topic_row r;
      r.topic = s->topics[tp].name;
      r.scheme = s->name;
      r.desc = s->topics[tp].desc;
      r.mass = m;
      r.score = (1.0 - exp(-m / s->k)) * cbrt(m / total);
      r.rank = 0;
      r.hits = hits[tp];
      r.evidence = NULL;
      if (pt_topic_list_push(out, &r, NULL)) goto nomem;
      if (flags & PT_TOPIC_EVIDENCE) {
        pt_topic_row *last = &out->rows[out->n - 1];
        last->evidence = pt_buf_detach(&e, NULL);
        if (!last->evidence && !(last->evidence = pt_strndup("", 0))) goto nomem;
      }
    }
    i = j;
  }
  pt_topic_list_sort(out, first);
  for (size_t i = first; i < out->n; i++) out->rows[i].rank = (int)(i - first + 1);
  goto done;
nomem:
  rc = PT_NOMEM;
done:
  pt_buf_reset(&e);
  pt_free(hit);
  pt_free(evs);
  pt_free(mass);
  pt_free(hits);
  return rc;
}

/* ====================================================================
** Built-in schemes, compiled in from sql/lexicons/ (tools/gen_lexicons.py).
*/
typedef struct lex_topic {
  const char *name, *desc;
} lex_topic;

typedef struct lex_term {
  unsigned short topic; /* index into the scheme's topics */
  float weight;
  const char *term;
} lex_term;

typedef struct lex_scheme {
  const char *name, *desc;
  double k, min_mass;
  const lex_topic *topics;
  size_t n_topics;
  const lex_term *terms;
  size_t n_terms;
} lex_scheme;

#include "pt_topic_data.inc"

size_t pt_topic_builtin_count(void) { return sizeof lex_schemes / sizeof *lex_schemes; }

const char *pt_topic_builtin_name(size_t i) {
  return i < pt_topic_builtin_count() ? lex_schemes[i].name : NULL;
}

const char *pt_topic_builtin_desc(size_t i) {
  return i < pt_topic_builtin_count() ? lex_schemes[i].desc : NULL;
}

int pt_topic_builtin(size_t i, pt_scheme **pp, pt_err *err) {
  *pp = NULL;
  if (i >= pt_topic_builtin_count()) return PT_NOTFOUND;
  const lex_scheme *x = &lex_schemes[i];
  pt_scheme *s;
  int rc = pt_scheme_new(x->name, &s);
  if (rc) return rc;
  pt_scheme_set_scoring(s, x->k, x->min_mass);
  for (size_t j = 0; j < x->n_topics && rc == PT_OK; j++)
    rc = pt_scheme_topic(s, x->topics[j].name, strlen(x->topics[j].name), x->topics[j].desc);
  for (size_t j = 0; j < x->n_terms && rc == PT_OK; j++) {
    const lex_term *t = &x->terms[j];
    const char *tn = x->topics[t->topic].name;
    rc = pt_scheme_add(s, tn, strlen(tn), t->term, strlen(t->term), t->weight, err);
  }
  if (rc == PT_OK) rc = pt_scheme_finish(s);
  if (rc) {
    pt_scheme_free(s);
    return rc;
  }
  *pp = s;
  return PT_OK;
}
