/*
** fuzz_quote.c: libFuzzer target for the quotation and entity stages,
** pt_quote_extract() and pt_entity_build() under it, without SQLite (so
** thousands of inputs a second; fuzz_sql reaches them through quotes() and
** mentions() too).  Every span a row or a mention reports must lie inside
** the input, quotations must come in order, and each text is analysed
** twice with one list, as a cursor reuses it, giving the same rows.
*/
#include <stdint.h>
#include <string.h>

#include "pt_err.h"
#include "pt_mem.h"
#include "pt_quote.h"

static void in(size_t off, size_t len, size_t n) {
  if (off > n || len > n - off) __builtin_trap();
}

static size_t check(const pt_quote_list *l, size_t n) {
  size_t last = 0, sum = 0;
  for (size_t i = 0; i < l->n; i++) {
    const pt_quote *q = &l->q[i];
    in(q->byte_off, q->byte_len, n);
    in(q->open_off, q->open_len, n);
    if (q->close_len) in(q->close_off, q->close_len, n);
    in(q->spk_off, q->spk_len, n);
    in(q->name_off, q->name_len, n);
    in(q->role_off, q->role_len, n);
    in(q->cue_off, q->cue_len, n);
    if (q->open_off < last || q->kind < 0 || q->kind > 4) __builtin_trap();
    if (q->block && (size_t)(q->block - 1) > i) __builtin_trap();
    last = q->open_off;
    sum += q->byte_off + 3 * q->spk_off + 7 * q->kind + 11 * (size_t)q->how;
  }
  const pt_entity_doc *d = &l->ents;
  for (size_t m = 0; m < d->n_ment; m++) {
    in(d->ment[m].byte_off, d->ment[m].byte_len, n);
    if (d->ment[m].ent >= (int)d->n_ent || d->ment[m].tok_end > d->n_tok) __builtin_trap();
  }
  for (size_t e = 0; e < d->n_ent; e++) {
    in(d->ent[e].name_off, d->ent[e].name_len, n);
    in(d->ent[e].role_off, d->ent[e].role_len, n);
  }
  return sum + l->n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  pt_quote_list l;
  pt_quote_init(&l);
  const char *s = (const char *)data;
  int rc = pt_quote_extract(&l, s, size);
  if (rc == PT_MISUSE) __builtin_trap(); /* its own spans must always be walkable */
  if (rc == 0) {
    size_t a = check(&l, size);
    if (pt_quote_extract(&l, s, size) != 0 || check(&l, size) != a) __builtin_trap();
  }
  pt_quote_reset(&l);
  return 0;
}
