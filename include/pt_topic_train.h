/*
** pt_topic_train.h: learning a term-table scheme from labelled texts.
**
**   pt_topic_train *t;  pt_topic_train_new(&t);
**   pt_topic_train_add(t, text, n, label, label_len);      -- every example
**   pt_topic_train_cv(t, &opts, &accuracy);                -- k-fold estimate
**   pt_topic_train_fit(t, &opts, emit, ctx);               -- the model's terms
**   pt_topic_train_free(t);
**
** The model is a one-vs-rest Bernoulli naive Bayes reduced to what a term
** table can hold: for each label c and feature f (a folded word, or two
** adjacent words, that is not a stop word), the weight is the log ratio
**
**   w(c, f) = ln [ (n_cf + a) / (N_c + 2a) ] - ln [ (n_-cf + a) / (N_-c + 2a) ]
**
** of the share of c's examples containing f to the share of the other
** examples containing it (a = alpha smoothing).  Only features seen in at
** least min_count examples of c with w >= min_weight are kept, capped at
** max_weight: positive evidence a reader can check in `evidence`.  The
** scheme that pt_topic_match() builds from these rows scores a text by the
** summed weights of the terms it contains, so the cross-validated accuracy
** is measured with exactly the matcher that topics() uses.
**
** Plain C: no SQLite types.
*/
#ifndef PT_TOPIC_TRAIN_H
#define PT_TOPIC_TRAIN_H

#include <stddef.h>

#include "pt_topic.h"

typedef struct pt_topic_train pt_topic_train;

typedef struct pt_topic_train_opts {
  int folds;          /* cross-validation folds (default 5) */
  int min_count;      /* examples of the label holding the feature (2) */
  double min_weight;  /* smallest weight kept (0.7) */
  double max_weight;  /* weights are capped here (5) */
  double alpha;       /* smoothing (0.5) */
  int bigrams;        /* also two-word features (1) */
} pt_topic_train_opts;

/* Fills o with the defaults above. */
void pt_topic_train_opts_default(pt_topic_train_opts *o);

/* A new empty training set.  *pp is NULL on failure.  PT_OK or PT_NOMEM. */
int pt_topic_train_new(pt_topic_train **pp);
/* Frees t; NULL is harmless. */
void pt_topic_train_free(pt_topic_train *t);

/* Adds one example: text[0..n) with label[0..label_len) (both copied as
** features and a label index).  PT_OK or PT_NOMEM. */
int pt_topic_train_add(pt_topic_train *t, const char *text, size_t n,
                       const char *label, size_t label_len);

size_t pt_topic_train_examples(const pt_topic_train *t);
size_t pt_topic_train_labels(const pt_topic_train *t);

/* Called for each term of a fitted model; return non-zero to stop (that
** value is returned by pt_topic_train_fit). */
typedef int (*pt_topic_train_cb)(void *ctx, const char *label, const char *term,
                                 double weight);

/* Fits on every example and reports each kept (label, term, weight), label
** by label in first-seen order, terms by falling weight.  Returns PT_OK,
** PT_NOMEM, PT_MISUSE (no examples), or the callback's value. */
int pt_topic_train_fit(pt_topic_train *t, const pt_topic_train_opts *o,
                       pt_topic_train_cb cb, void *ctx);

/* The model of the examples whose fold differs from `fold` (or all with
** fold < 0), as a finished scheme named name.  Returns PT_OK or PT_NOMEM;
** the caller frees *pp with pt_scheme_free. */
int pt_topic_train_scheme(pt_topic_train *t, const pt_topic_train_opts *o,
                          int fold, const char *name, pt_scheme **pp);

/* k-fold cross-validated accuracy (rank-1 topic equals the label; a text
** with no row counts as wrong).  Folds are a fixed pseudo-random split, so
** the figure is reproducible.  PT_OK, PT_NOMEM, or PT_MISUSE (fewer examples
** than folds). */
int pt_topic_train_cv(pt_topic_train *t, const pt_topic_train_opts *o,
                      double *accuracy);

#endif /* PT_TOPIC_TRAIN_H */
