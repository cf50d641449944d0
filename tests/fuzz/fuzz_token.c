/*
** fuzz_token.c: libFuzzer target for pt_tokenize with every flag
** combination: spans must lie inside the input and come in order.
*/
#include <stdint.h>
#include <string.h>

#include "pt_buf.h"
#include "pt_token.h"

typedef struct check {
  size_t n, last_word_end;
} check;

static int cb(void *ctx, const char *tok, size_t tok_len, size_t off, size_t len,
              int kind) {
  check *c = ctx;
  (void)tok;
  if (off + len > c->n || len == 0 || tok_len > 64 * len + 64) __builtin_trap();
  if (kind == PT_TOKEN_WORD) {
    if (off < c->last_word_end) __builtin_trap();
    c->last_word_end = off + len;
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  unsigned flags = data[0] & 15;
  check c = {size - 1, 0};
  pt_tokenize((const char *)data + 1, size - 1, flags, cb, &c);
  pt_buf b;
  pt_buf_init(&b);
  pt_token_fold((const char *)data + 1, size - 1, flags, &b);
  pt_buf_reset(&b);
  return 0;
}
