/*
** test_pt_segment.c: unit tests of the plain-C text stages without SQLite:
** pt_segment (owned arrays and callbacks), pt_acronym and pt_kwic.
*/
#include "harness.h"

#include "pt_acronym.h"
#include "pt_err.h"
#include "pt_kwic.h"
#include "pt_mem.h"
#include "pt_segment.h"

/* 1 when s[seg] equals want. */
static int span_is(const char *s, size_t off, size_t len, const char *want) {
  return len == strlen(want) && memcmp(s + off, want, len) == 0;
}

static void test_sentences(void) {
  const char *s = "Sen. Kerry met Dr. Yang. “We agree.” Then\n\n- one\n- two";
  pt_segment *seg = NULL;
  size_t n = 99;
  CHECK(pt_sentences(s, strlen(s), &seg, &n) == PT_OK);
  CHECK(n == 5);
  if (n == 5) {
    CHECK(span_is(s, seg[0].byte_off, seg[0].byte_len, "Sen. Kerry met Dr. Yang."));
    CHECK(span_is(s, seg[1].byte_off, seg[1].byte_len, "“We agree.”"));
    CHECK(span_is(s, seg[2].byte_off, seg[2].byte_len, "Then"));
    CHECK(span_is(s, seg[3].byte_off, seg[3].byte_len, "one"));
    CHECK(seg[3].paragraph == 2 && seg[0].paragraph == 1);
  }
  pt_free(seg);
  /* Empty input: no segments, no allocation. */
  CHECK(pt_sentences(NULL, 0, &seg, &n) == PT_OK && n == 0 && seg == NULL);
  CHECK(pt_paragraphs("  \n\t\n", 5, &seg, &n) == PT_OK && n == 0 && seg == NULL);
}

static void test_paragraphs(void) {
  const char *s = "One\ntwo.\n  \nThree.";
  pt_segment *seg = NULL;
  size_t n = 0;
  CHECK(pt_paragraphs(s, strlen(s), &seg, &n) == PT_OK && n == 2);
  if (n == 2) {
    CHECK(span_is(s, seg[0].byte_off, seg[0].byte_len, "One\ntwo."));
    CHECK(span_is(s, seg[1].byte_off, seg[1].byte_len, "Three."));
    CHECK(seg[1].paragraph == 2);
  }
  pt_free(seg);
}

static int stop_after_one(void *ctx, const pt_segment *seg) {
  (void)seg;
  ++*(int *)ctx;
  return 42;
}

static void test_callback_stop(void) {
  int calls = 0;
  CHECK(pt_sentences_each("A. B. C.", 8, stop_after_one, &calls) == 42);
  CHECK(calls == 1);
}

static void test_acronyms(void) {
  const char *s = "the Office of Personnel Management (OPM) and S&ED (Strategic and Economic Dialogue).";
  pt_acronym *a = NULL;
  size_t n = 0;
  CHECK(pt_acronyms(s, strlen(s), &a, &n) == PT_OK && n == 2);
  if (n == 2) {
    CHECK(span_is(s, a[0].short_off, a[0].short_len, "OPM"));
    CHECK(span_is(s, a[0].long_off, a[0].long_len, "Office of Personnel Management"));
    CHECK(span_is(s, a[0].byte_off, a[0].byte_len, "Office of Personnel Management (OPM)"));
    CHECK(span_is(s, a[1].short_off, a[1].short_len, "S&ED"));
    CHECK(span_is(s, a[1].long_off, a[1].long_len, "Strategic and Economic Dialogue"));
  }
  pt_free(a);
}

typedef struct hits {
  pt_kwic_hit h[4];
  int n;
} hits;

static int on_hit(void *ctx, const pt_kwic_hit *h) {
  hits *hs = ctx;
  if (hs->n < 4) hs->h[hs->n] = *h;
  hs->n++;
  return 0;
}

static void test_kwic(void) {
  const char *s = "Herr Müller, then MULLER.";
  hits hs = {{{0, 0, 0, 0}}, 0};
  CHECK(pt_kwic_each(s, strlen(s), "muller", 6, 3, on_hit, &hs) == PT_OK);
  CHECK(hs.n == 2);
  if (hs.n == 2) {
    CHECK(span_is(s, hs.h[0].byte_off, hs.h[0].byte_len, "Müller"));
    CHECK(span_is(s, hs.h[0].left_off, hs.h[0].byte_off - hs.h[0].left_off, "rr "));
    CHECK(span_is(s, hs.h[1].byte_off, hs.h[1].byte_len, "MULLER"));
    CHECK(hs.h[1].right_end == strlen(s)); /* only "." is left */
  }
  CHECK(pt_kwic_each(s, strlen(s), " ... ", 5, 3, on_hit, &hs) == PT_MISUSE);
}

int main(void) {
  test_sentences();
  test_paragraphs();
  test_callback_stop();
  test_acronyms();
  test_kwic();
  return harness_report("test_pt_segment");
}
