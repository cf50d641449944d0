/*
** harness.h: a tiny unit-test harness that works under NDEBUG (cmark's
** api_test habit).  CHECK(cond) and CHECK_STR(got, want) count and report;
** main() returns harness_report().
*/
#ifndef PT_HARNESS_H
#define PT_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_pass = 0, harness_fail = 0;

#define CHECK(cond)                                                         \
  do {                                                                      \
    if (cond) {                                                             \
      harness_pass++;                                                       \
    } else {                                                                \
      harness_fail++;                                                       \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                \
    }                                                                       \
  } while (0)

#define CHECK_STR(got, want)                                                \
  do {                                                                      \
    const char *g_ = (got), *w_ = (want);                                   \
    if ((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0)) {  \
      harness_pass++;                                                       \
    } else {                                                                \
      harness_fail++;                                                       \
      printf("FAIL %s:%d: %s\n     got:  %s\n     want: %s\n", __FILE__,   \
             __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");       \
    }                                                                       \
  } while (0)

static int harness_report(const char *name) {
  printf("%s: %d passed, %d failed\n", name, harness_pass, harness_fail);
  return harness_fail ? 1 : 0;
}

#endif
