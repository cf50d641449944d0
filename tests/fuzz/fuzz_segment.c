/*
** fuzz_segment.c: libFuzzer target for the text stages: pt_paragraphs,
** pt_sentences, pt_acronyms and pt_kwic_each.  Spans must lie inside the
** input, come in order without overlapping, and never start or end with
** ASCII whitespace; the first input byte picks the kwic width, the next
** line (up to '\n') is the kwic term.
*/
#include <stdint.h>
#include <string.h>

#include "pt_acronym.h"
#include "pt_kwic.h"
#include "pt_mem.h"
#include "pt_segment.h"

static int is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static void check_segments(const char *s, size_t n, const pt_segment *seg, size_t k) {
  size_t last_end = 0, last_para = 0;
  for (size_t i = 0; i < k; i++) {
    if (seg[i].byte_len == 0 || seg[i].byte_off + seg[i].byte_len > n) __builtin_trap();
    if (seg[i].byte_off < last_end || seg[i].paragraph < last_para) __builtin_trap();
    if (is_ascii_space(s[seg[i].byte_off]) || is_ascii_space(s[seg[i].byte_off + seg[i].byte_len - 1]))
      __builtin_trap();
    last_end = seg[i].byte_off + seg[i].byte_len;
    last_para = seg[i].paragraph;
  }
}

typedef struct kw {
  size_t n, last_end;
} kw;

static int on_hit(void *ctx, const pt_kwic_hit *h) {
  kw *k = ctx;
  if (h->byte_off < k->last_end || h->left_off > h->byte_off ||
      h->byte_off + h->byte_len > h->right_end || h->right_end > k->n)
    __builtin_trap();
  k->last_end = h->byte_off + h->byte_len;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  size_t width = data[0];
  const char *s = (const char *)data + 1;
  size_t n = size - 1;
  pt_segment *seg;
  size_t k;
  if (pt_paragraphs(s, n, &seg, &k) == 0) check_segments(s, n, seg, k);
  pt_free(seg);
  if (pt_sentences(s, n, &seg, &k) == 0) check_segments(s, n, seg, k);
  pt_free(seg);
  pt_acronym *a;
  if (pt_acronyms(s, n, &a, &k) == 0) {
    size_t last = 0;
    for (size_t i = 0; i < k; i++) {
      if (a[i].byte_off < last || a[i].byte_off + a[i].byte_len > n || a[i].short_len < 2 ||
          a[i].long_len == 0 || a[i].short_off < a[i].byte_off || a[i].long_off < a[i].byte_off)
        __builtin_trap();
      last = a[i].byte_off + a[i].byte_len;
    }
  }
  pt_free(a);
  const char *nl = memchr(s, '\n', n);
  size_t term_n = nl ? (size_t)(nl - s) : (n < 16 ? n : 16);
  kw c = {n, 0};
  pt_kwic_each(s, n, s, term_n, width, on_hit, &c);
  return 0;
}
