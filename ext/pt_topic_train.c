/*
** pt_topic_train.c: naive-Bayes term tables from labelled texts (see
** pt_topic_train.h for the model and its contract).
**
** Each example is tokenized once (pt_token, the folding pt_topic uses) into
** a sorted set of feature ids; a feature is a word that is not a stop word,
** not a bare number and longer than one character, or two such words side
** by side.  Fitting counts, label by label, how many examples hold each
** feature: O(labels x feature occurrences) time, O(features) memory.
*/
#include "pt_topic_train.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pt_buf.h"
#include "pt_err.h"
#include "pt_mem.h"
#include "pt_token.h"

#define TOK_FLAGS (PT_TOK_FOLD | PT_TOK_UNACCENT | PT_TOK_COMPOUND)

/* English function words: never features on their own or in a pair. */
static const char *const stop_words[] = {
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "during", "each", "every", "few",
    "for", "from", "had", "has", "have", "having", "he", "her", "here", "hers",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
    "let", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not",
    "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
    "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "you", "your", "yours", "s", "t", "mr", "mrs",
    "ms", "etc", "per", "within", "without", "among", "amend", "amends", "act",
    "title", "code", "purposes", "provide", "provides", "bill", "section",
    /* frequent words that carry no topic */
    "two", "three", "four", "five", "first", "second", "third", "last", "next",
    "year", "years", "today", "tonight", "yesterday", "tomorrow", "new", "make",
    "made", "makes", "many", "much", "well", "way", "ways", "means", "whether",
    "time", "times", "need", "needs", "want", "know", "say", "said", "says",
    "get", "got", "go", "going", "come", "take", "give", "given", "like", "even",
    "ever", "still", "yet", "already", "always", "never", "less", "however",
    "since", "another", "around", "across", "back", "part", "including",
    "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december",
};

/* ====================================================================
** A string -> id hash table over an arena.
*/
typedef struct sid {
  uint64_t h;
  uint32_t off, len;
  int32_t id; /* -1 = empty slot */
} sid;

typedef struct sid_tab {
  sid *e;
  size_t cap, n;
  pt_buf arena;
} sid_tab;

static void sid_reset(sid_tab *t) {
  pt_free(t->e);
  pt_buf_reset(&t->arena);
  memset(t, 0, sizeof *t);
}

/* id of s[0..n); with add, a new id (= count) when absent; -1 absent; -2 OOM. */
static int32_t sid_get(sid_tab *t, const char *s, size_t n, int add) {
  uint64_t h = pt_topic_hash(s, n);
  if (t->cap) {
    size_t j = (size_t)h & (t->cap - 1);
    while (t->e[j].id >= 0) {
      if (t->e[j].h == h && t->e[j].len == n && !memcmp(t->arena.data + t->e[j].off, s, n))
        return t->e[j].id;
      j = (j + 1) & (t->cap - 1);
    }
  }
  if (!add) return -1;
  if ((t->n + 1) * 2 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 256;
    sid *e = pt_malloc(cap * sizeof *e);
    if (!e) return -2;
    for (size_t i = 0; i < cap; i++) e[i].id = -1;
    for (size_t i = 0; i < t->cap; i++) {
      if (t->e[i].id < 0) continue;
      size_t j = (size_t)t->e[i].h & (cap - 1);
      while (e[j].id >= 0) j = (j + 1) & (cap - 1);
      e[j] = t->e[i];
    }
    pt_free(t->e);
    t->e = e;
    t->cap = cap;
  }
  if (t->arena.len + n + 1 > 0xffffffffu) return -2;
  size_t off = t->arena.len;
  pt_buf_put(&t->arena, s, n);
  pt_buf_putc(&t->arena, 0);
  if (t->arena.rc) return -2;
  size_t j = (size_t)h & (t->cap - 1);
  while (t->e[j].id >= 0) j = (j + 1) & (t->cap - 1);
  t->e[j].h = h;
  t->e[j].off = (uint32_t)off;
  t->e[j].len = (uint32_t)n;
  t->e[j].id = (int32_t)t->n++;
  return t->e[j].id;
}

static const char *sid_str(const sid_tab *t, int32_t id, const uint32_t *offs) {
  return t->arena.data + offs[id];
}

/* ====================================================================
** The training set.
*/
typedef struct example {
  size_t feat_off, n_feat; /* sorted unique ids in t->feats */
  size_t text_off, text_len;
  int32_t label;
  int fold;
} example;

struct pt_topic_train {
  sid_tab features, labels, stops;
  uint32_t *feat_str;   /* arena offset of each feature id */
  size_t cap_feat_str;
  uint32_t *label_str;
  size_t cap_label_str;
  int32_t *feats;       /* every example's feature ids */
  size_t n_feats, cap_feats;
  example *ex;
  size_t n_ex, cap_ex;
  pt_buf texts;         /* example texts, for cross-validation */
};

void pt_topic_train_opts_default(pt_topic_train_opts *o) {
  o->folds = 5;
  o->min_count = 2;
  o->min_weight = 0.7;
  o->max_weight = 5.0;
  o->alpha = 0.5;
  o->bigrams = 1;
}

int pt_topic_train_new(pt_topic_train **pp) {
  *pp = NULL;
  pt_topic_train *t = pt_calloc(1, sizeof *t);
  if (!t) return PT_NOMEM;
  for (size_t i = 0; i < sizeof stop_words / sizeof *stop_words; i++) {
    if (sid_get(&t->stops, stop_words[i], strlen(stop_words[i]), 1) < 0) {
      pt_topic_train_free(t);
      return PT_NOMEM;
    }
  }
  *pp = t;
  return PT_OK;
}

void pt_topic_train_free(pt_topic_train *t) {
  if (!t) return;
  sid_reset(&t->features);
  sid_reset(&t->labels);
  sid_reset(&t->stops);
  pt_free(t->feat_str);
  pt_free(t->label_str);
  pt_free(t->feats);
  pt_free(t->ex);
  pt_buf_reset(&t->texts);
  pt_free(t);
}

size_t pt_topic_train_examples(const pt_topic_train *t) { return t->n_ex; }
size_t pt_topic_train_labels(const pt_topic_train *t) { return t->labels.n; }

/* Tokenizer state while reading one example. */
typedef struct feat_ctx {
  pt_topic_train *t;
  pt_buf prev;          /* previous usable word, for pairs */
  pt_buf pair;
  size_t skip_until;    /* parts of a compound already counted */
  int have_prev;
  int rc;
} feat_ctx;

static int usable(const pt_topic_train *t, const char *s, size_t n) {
  if (n < 2) return 0;
  size_t digits = 0;
  for (size_t i = 0; i < n; i++) digits += s[i] >= '0' && s[i] <= '9';
  if (digits == n) return 0;
  return sid_get((sid_tab *)&t->stops, s, n, 0) < 0;
}

static int add_feature(feat_ctx *c, const char *s, size_t n) {
  pt_topic_train *t = c->t;
  size_t before = t->features.n;
  int32_t id = sid_get(&t->features, s, n, 1);
  if (id < 0) return c->rc = PT_NOMEM;
  if (t->features.n > before) { /* new: remember where its string lives */
    if (pt_grow((void **)&t->feat_str, &t->cap_feat_str, t->features.n, sizeof *t->feat_str))
      return c->rc = PT_NOMEM;
    t->feat_str[id] = (uint32_t)(t->features.arena.len - n - 1);
  }
  if (pt_grow((void **)&t->feats, &t->cap_feats, t->n_feats + 1, sizeof *t->feats))
    return c->rc = PT_NOMEM;
  t->feats[t->n_feats++] = id;
  return 0;
}

static int feat_token(void *ctx, const char *tok, size_t tok_len, size_t byte_off,
                      size_t byte_len, int kind) {
  feat_ctx *c = ctx;
  if (kind == PT_TOKEN_WORD && byte_off < c->skip_until) return 0;
  if (kind == PT_TOKEN_COMPOUND) c->skip_until = byte_off + byte_len;
  if (!usable(c->t, tok, tok_len)) {
    c->have_prev = 0;
    return 0;
  }
  if (add_feature(c, tok, tok_len)) return 1;
  if (c->have_prev) {
    pt_buf_clear(&c->pair);
    pt_buf_put(&c->pair, c->prev.data, c->prev.len);
    pt_buf_putc(&c->pair, ' ');
    pt_buf_put(&c->pair, tok, tok_len);
    if (c->pair.rc) return c->rc = PT_NOMEM;
    if (add_feature(c, c->pair.data, c->pair.len)) return 1;
  }
  pt_buf_clear(&c->prev);
  pt_buf_put(&c->prev, tok, tok_len);
  if (c->prev.rc) return c->rc = PT_NOMEM;
  c->have_prev = 1;
  return 0;
}

static int cmp_i32(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return (x > y) - (x < y);
}

int pt_topic_train_add(pt_topic_train *t, const char *text, size_t n, const char *label,
                       size_t label_len) {
  if (pt_grow((void **)&t->ex, &t->cap_ex, t->n_ex + 1, sizeof *t->ex)) return PT_NOMEM;
  size_t before = t->labels.n;
  int32_t lab = sid_get(&t->labels, label, label_len, 1);
  if (lab < 0) return PT_NOMEM;
  if (t->labels.n > before) {
    if (pt_grow((void **)&t->label_str, &t->cap_label_str, t->labels.n, sizeof *t->label_str))
      return PT_NOMEM;
    t->label_str[lab] = (uint32_t)(t->labels.arena.len - label_len - 1);
  }
  example *e = &t->ex[t->n_ex];
  e->label = lab;
  e->feat_off = t->n_feats;
  e->text_off = t->texts.len;
  e->text_len = n;
  pt_buf_put(&t->texts, text, n);
  if (t->texts.rc) return PT_NOMEM;
  feat_ctx c;
  memset(&c, 0, sizeof c);
  c.t = t;
  pt_buf_init(&c.prev);
  pt_buf_init(&c.pair);
  int rc = pt_tokenize(text, n, TOK_FLAGS, feat_token, &c);
  if (c.rc) rc = c.rc;
  pt_buf_reset(&c.prev);
  pt_buf_reset(&c.pair);
  if (rc) {
    t->n_feats = e->feat_off;
    return rc;
  }
  /* Sorted unique ids: each example counts a feature once. */
  int32_t *f = t->feats + e->feat_off;
  size_t m = t->n_feats - e->feat_off, u = 0;
  qsort(f, m, sizeof *f, cmp_i32);
  for (size_t i = 0; i < m; i++)
    if (!u || f[u - 1] != f[i]) f[u++] = f[i];
  e->n_feat = u;
  t->n_feats = e->feat_off + u;
  /* A fixed pseudo-random fold (splitmix64 of the position). */
  uint64_t z = (uint64_t)t->n_ex + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  e->fold = (int)(z % 1000003u);
  t->n_ex++;
  return PT_OK;
}

/* ====================================================================
** Fitting.
*/
typedef struct kept {
  int32_t feat;
  double w;
} kept;

static int cmp_kept(const void *a, const void *b) {
  const kept *x = a, *y = b;
  if (x->w != y->w) return x->w < y->w ? 1 : -1;
  return (x->feat > y->feat) - (x->feat < y->feat);
}

/* Fits on the examples not in `fold` (of o->folds; all when fold < 0). */
static int fit(pt_topic_train *t, const pt_topic_train_opts *o, int fold,
               pt_topic_train_cb cb, void *ctx) {
  size_t nf = t->features.n, nl = t->labels.n;
  int rc = PT_OK;
  int *df = pt_calloc(nf ? nf : 1, sizeof *df);  /* examples holding f */
  int *dfc = pt_calloc(nf ? nf : 1, sizeof *dfc); /* ... of the current label */
  size_t *per_label = pt_calloc(nl ? nl : 1, sizeof *per_label);
  kept *k = NULL;
  size_t cap_k = 0;
  if (!df || !dfc || !per_label) {
    rc = PT_NOMEM;
    goto done;
  }
  size_t n_train = 0;
  for (size_t i = 0; i < t->n_ex; i++) {
    const example *e = &t->ex[i];
    if (fold >= 0 && e->fold % o->folds == fold) continue;
    n_train++;
    per_label[e->label]++;
    for (size_t j = 0; j < e->n_feat; j++) df[t->feats[e->feat_off + j]]++;
  }
  for (size_t lab = 0; lab < nl && rc == PT_OK; lab++) {
    if (!per_label[lab]) continue;
    memset(dfc, 0, nf * sizeof *dfc);
    for (size_t i = 0; i < t->n_ex; i++) {
      const example *e = &t->ex[i];
      if ((size_t)e->label != lab || (fold >= 0 && e->fold % o->folds == fold)) continue;
      for (size_t j = 0; j < e->n_feat; j++) dfc[t->feats[e->feat_off + j]]++;
    }
    double nc = (double)per_label[lab], nr = (double)(n_train - per_label[lab]);
    size_t n_k = 0;
    for (size_t f = 0; f < nf; f++) {
      if (dfc[f] < o->min_count) continue;
      double in = (dfc[f] + o->alpha) / (nc + 2 * o->alpha);
      double out = (df[f] - dfc[f] + o->alpha) / (nr + 2 * o->alpha);
      double w = log(in / out);
      if (w < o->min_weight) continue;
      if (w > o->max_weight) w = o->max_weight;
      if (!o->bigrams && strchr(sid_str(&t->features, (int32_t)f, t->feat_str), ' ')) continue;
      if (pt_grow((void **)&k, &cap_k, n_k + 1, sizeof *k)) {
        rc = PT_NOMEM;
        break;
      }
      k[n_k].feat = (int32_t)f;
      k[n_k].w = w;
      n_k++;
    }
    if (rc) break;
    qsort(k, n_k, sizeof *k, cmp_kept);
    const char *label = sid_str(&t->labels, (int32_t)lab, t->label_str);
    for (size_t i = 0; i < n_k; i++) {
      rc = cb(ctx, label, sid_str(&t->features, k[i].feat, t->feat_str),
              floor(k[i].w * 1000 + 0.5) / 1000);
      if (rc) break;
    }
  }
done:
  pt_free(df);
  pt_free(dfc);
  pt_free(per_label);
  pt_free(k);
  return rc;
}

int pt_topic_train_fit(pt_topic_train *t, const pt_topic_train_opts *o, pt_topic_train_cb cb,
                       void *ctx) {
  if (!t->n_ex) return PT_MISUSE;
  return fit(t, o, -1, cb, ctx);
}

static int add_to_scheme(void *ctx, const char *label, const char *term, double weight) {
  return pt_scheme_add(ctx, label, strlen(label), term, strlen(term), weight, NULL);
}

int pt_topic_train_scheme(pt_topic_train *t, const pt_topic_train_opts *o, int fold,
                          const char *name, pt_scheme **pp) {
  *pp = NULL;
  pt_scheme *s;
  int rc = pt_scheme_new(name, &s);
  if (rc) return rc;
  /* Declare labels in first-seen order, so ties rank the same way. */
  for (size_t i = 0; i < t->labels.n && rc == PT_OK; i++) {
    const char *l = sid_str(&t->labels, (int32_t)i, t->label_str);
    rc = pt_scheme_topic(s, l, strlen(l), NULL);
  }
  if (rc == PT_OK) rc = fit(t, o, fold, add_to_scheme, s);
  /* A PT_FORMAT from add_to_scheme cannot happen (features are words). */
  if (rc == PT_OK) rc = pt_scheme_finish(s);
  if (rc) {
    pt_scheme_free(s);
    return rc;
  }
  *pp = s;
  return PT_OK;
}

int pt_topic_train_cv(pt_topic_train *t, const pt_topic_train_opts *o, double *accuracy) {
  *accuracy = 0;
  if (o->folds < 2 || t->n_ex < (size_t)o->folds) return PT_MISUSE;
  size_t right = 0;
  int rc = PT_OK;
  pt_topic_text tx;
  pt_topic_text_init(&tx);
  pt_topic_list out;
  pt_topic_list_init(&out);
  for (int fold = 0; fold < o->folds && rc == PT_OK; fold++) {
    pt_scheme *s;
    rc = pt_topic_train_scheme(t, o, fold, "cv", &s);
    if (rc) break;
    for (size_t i = 0; i < t->n_ex && rc == PT_OK; i++) {
      const example *e = &t->ex[i];
      if (e->fold % o->folds != fold) continue;
      const char *text = t->texts.data ? t->texts.data + e->text_off : "";
      rc = pt_topic_text_make(&tx, text, e->text_len);
      if (rc == PT_OK) rc = pt_topic_match(s, &tx, 0, &out);
      if (rc == PT_OK && out.n &&
          strcmp(out.rows[0].topic, sid_str(&t->labels, e->label, t->label_str)) == 0)
        right++;
      pt_topic_list_reset(&out);
    }
    pt_scheme_free(s);
  }
  pt_topic_text_reset(&tx);
  pt_topic_list_reset(&out);
  if (rc == PT_OK) *accuracy = (double)right / (double)t->n_ex;
  return rc;
}
