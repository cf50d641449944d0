/*
** pt_mem.c: the allocator indirection described in pt_mem.h.
*/
#include "pt_err.h"
#include "pt_mem.h"

#include <stdlib.h>
#include <string.h>

static void *libc_malloc(size_t n) { return malloc(n ? n : 1); }
static void *libc_realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
static void libc_free(void *p) { free(p); }

static pt_allocator alloc = {libc_malloc, libc_realloc, libc_free};

void pt_mem_set(const pt_allocator *a) {
  if (a) {
    /* Loading the extension on every connection installs the same hooks:
    ** write only when they change, so concurrent loads only read. */
    if (alloc.malloc_fn == a->malloc_fn && alloc.realloc_fn == a->realloc_fn &&
        alloc.free_fn == a->free_fn)
      return;
    alloc = *a;
  } else {
    alloc.malloc_fn = libc_malloc;
    alloc.realloc_fn = libc_realloc;
    alloc.free_fn = libc_free;
  }
}

void *pt_malloc(size_t n) { return alloc.malloc_fn(n ? n : 1); }

void *pt_calloc(size_t n, size_t size) {
  if (size && n > (size_t)-1 / size) return NULL;
  size_t bytes = n * size;
  void *p = alloc.malloc_fn(bytes ? bytes : 1);
  if (p) memset(p, 0, bytes);
  return p;
}

void *pt_realloc(void *p, size_t n) {
  if (!p) return alloc.malloc_fn(n ? n : 1);
  return alloc.realloc_fn(p, n ? n : 1);
}

void pt_free(void *p) {
  if (p) alloc.free_fn(p);
}

int pt_grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return PT_OK;
  size_t c = *cap ? *cap : 32;
  while (c < need) {
    if (c > ((size_t)-1 / 2) / size) return PT_NOMEM;
    c *= 2;
  }
  void *g = pt_realloc(*p, c * size);
  if (!g) return PT_NOMEM;
  *p = g;
  *cap = c;
  return PT_OK;
}

char *pt_strndup(const char *s, size_t n) {
  char *d = alloc.malloc_fn(n + 1);
  if (!d) return NULL;
  if (n) memcpy(d, s, n);
  d[n] = 0;
  return d;
}
