/*
** fuzz_doc.c: libFuzzer target for the first pipeline stages: arbitrary
** bytes -> pt_text_make (repair, NFC) -> pt_doc_parse (full and metadata
** only), plus the date parser and word counter on the raw bytes.
*/
#include <stdint.h>
#include <string.h>

#include "pt_doc.h"
#include "pt_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  char iso[11];
  pt_date_parse(s, size, iso);
  pt_date_find(s, size < 4096 ? size : 4096, iso);
  pt_count_words(s, size);
  size_t bad;
  pt_text_looks_binary(s, size, &bad);
  pt_text t;
  if (pt_text_make(&t, s, size, PT_TEXT_ALL) != PT_OK) return 0;
  pt_doc d;
  pt_doc_init(&d);
  if (pt_doc_parse(&d, t.utf8, t.len) == PT_OK) {
    /* the body is NUL-terminated text of the stated length */
    if (d.body && strlen(d.body) > d.body_len) __builtin_trap();
  }
  pt_doc_reset(&d);
  if (pt_doc_parse_ex(&d, t.utf8, t.len, PT_DOC_META_ONLY) == PT_OK && d.body)
    __builtin_trap();
  pt_doc_reset(&d);
  pt_text_reset(&t);
  /* Repair only must keep valid input byte-identical. */
  if (pt_text_make(&t, s, size, PT_TEXT_REPAIR) == PT_OK) {
    if (!t.changed && (t.len != size || memcmp(t.utf8, s, size) != 0)) __builtin_trap();
    pt_text_reset(&t);
  }
  return 0;
}
