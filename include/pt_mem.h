/*
** pt_mem.h: the one allocator every policytext module uses.
**
** Analysis code never calls malloc() directly: it calls pt_malloc() and
** friends, which by default are the C library's.  The SQLite extension points
** them at sqlite3_malloc64()/sqlite3_realloc64()/sqlite3_free() when it loads,
** so text built by the analysis stages can be handed to SQLite without a copy
** (sqlite3_result_text64(..., sqlite3_free)) and SQLite's memory accounting
** and fault injection (SQLITE_CONFIG_MALLOC) see every byte.
**
** Ownership rule: memory from pt_malloc()/pt_realloc() is freed with pt_free().
*/
#ifndef PT_MEM_H
#define PT_MEM_H

#include <stddef.h>

/* Allocation hooks.  All three must be set together or not at all. */
typedef struct pt_allocator {
  void *(*malloc_fn)(size_t n);
  void *(*realloc_fn)(void *p, size_t n);
  void (*free_fn)(void *p);
} pt_allocator;

/* Installs `a` (copied) as the allocator; NULL restores the C library's.
** Call once before any other pt_ function; not thread-safe while other
** threads allocate (the extension calls it at load time with the same
** SQLite allocator every time, so repeated loads are harmless). */
void pt_mem_set(const pt_allocator *a);

/* n bytes, or NULL when out of memory (n == 0 returns a valid pointer). */
void *pt_malloc(size_t n);
/* Zeroed array of n*size bytes; NULL on overflow or out of memory. */
void *pt_calloc(size_t n, size_t size);
/* Resizes p (which may be NULL); on failure returns NULL and p is untouched. */
void *pt_realloc(void *p, size_t n);
/* Frees p; NULL is harmless. */
void pt_free(void *p);
/* Makes the array *p (of *cap elements of `size` bytes, may be NULL) hold
** at least `need` elements, doubling its capacity; *p and *cap are updated.
** Returns PT_OK (0), or PT_NOMEM (the array untouched) when out of memory
** or the size would overflow.  Every growable array of the pipeline uses it. */
int pt_grow(void **p, size_t *cap, size_t need, size_t size);
/* Copy of the n bytes at s plus a NUL terminator; free with pt_free(). */
char *pt_strndup(const char *s, size_t n);

#endif /* PT_MEM_H */
