/*
** pt_buf.h: a growable byte buffer with a sticky error code.
**
** Builders append without checking each call: the first failed allocation
** sets buf->rc to PT_NOMEM and every later append does nothing, so callers
** check rc once at the end (the fts5_buffer.c habit).  The bytes are always
** NUL-terminated when len > 0 or after pt_buf_cstr().
**
**   pt_buf b; pt_buf_init(&b);
**   pt_buf_puts(&b, "hello"); pt_buf_printf(&b, " %d", 42);
**   if (b.rc) ...;  char *s = pt_buf_detach(&b, &n);  ...  pt_free(s);
*/
#ifndef PT_BUF_H
#define PT_BUF_H

#include <stddef.h>

typedef struct pt_buf {
  char *data;  /* pt_malloc'd bytes, or NULL while empty */
  size_t len;  /* bytes in use, excluding the NUL terminator */
  size_t cap;  /* bytes allocated */
  int rc;      /* PT_OK, or PT_NOMEM after a failed allocation */
} pt_buf;

/* Empties b without allocating. */
void pt_buf_init(pt_buf *b);
/* Frees b's memory and re-initialises it. */
void pt_buf_reset(pt_buf *b);
/* Keeps the memory, sets len to 0 and rc to PT_OK. */
void pt_buf_clear(pt_buf *b);
/* Makes room for `extra` more bytes (+1 for the NUL). Returns b->rc. */
int pt_buf_reserve(pt_buf *b, size_t extra);
/* Appends n bytes. */
void pt_buf_put(pt_buf *b, const void *p, size_t n);
/* Appends a NUL-terminated string. */
void pt_buf_puts(pt_buf *b, const char *s);
/* Appends one byte. */
void pt_buf_putc(pt_buf *b, char c);
/* Appends the UTF-8 encoding of code point cp. */
void pt_buf_put_cp(pt_buf *b, int cp);
/* Appends printf-formatted text. */
void pt_buf_printf(pt_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends s[0..n) as a JSON string literal, quotes included. */
void pt_buf_put_json(pt_buf *b, const char *s, size_t n);
/* Ensures a NUL terminator and returns the bytes ("" when empty), borrowed. */
const char *pt_buf_cstr(pt_buf *b);
/* Hands the bytes to the caller, who frees them with pt_free(); b is emptied.
** Returns NULL if b->rc is set (and frees the bytes). *len may be NULL. */
char *pt_buf_detach(pt_buf *b, size_t *len);

#endif /* PT_BUF_H */
