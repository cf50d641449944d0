/*
** pt_buf.c: growable byte buffer (see pt_buf.h).
*/
#include "pt_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pt_err.h"
#include "pt_mem.h"

void pt_buf_init(pt_buf *b) {
  b->data = NULL;
  b->len = b->cap = 0;
  b->rc = PT_OK;
}

void pt_buf_reset(pt_buf *b) {
  pt_free(b->data);
  pt_buf_init(b);
}

void pt_buf_clear(pt_buf *b) {
  b->len = 0;
  b->rc = PT_OK;
  if (b->data) b->data[0] = 0;
}

int pt_buf_reserve(pt_buf *b, size_t extra) {
  if (b->rc) return b->rc;
  if (extra > (size_t)-1 / 2 - b->len) return b->rc = PT_NOMEM;
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return PT_OK;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap *= 2;
  char *p = pt_realloc(b->data, cap);
  if (!p) return b->rc = PT_NOMEM;
  b->data = p;
  b->cap = cap;
  return PT_OK;
}

void pt_buf_put(pt_buf *b, const void *p, size_t n) {
  if (pt_buf_reserve(b, n)) return;
  if (n) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = 0;
}

void pt_buf_puts(pt_buf *b, const char *s) { pt_buf_put(b, s, strlen(s)); }

void pt_buf_putc(pt_buf *b, char c) {
  if (pt_buf_reserve(b, 1)) return;
  b->data[b->len++] = c;
  b->data[b->len] = 0;
}

void pt_buf_put_cp(pt_buf *b, int cp) {
  char u[4];
  size_t n;
  unsigned c = (unsigned)cp;
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    u[0] = (char)c;
    n = 1;
  } else if (c < 0x800) {
    u[0] = (char)(0xC0 | (c >> 6));
    u[1] = (char)(0x80 | (c & 0x3F));
    n = 2;
  } else if (c < 0x10000) {
    u[0] = (char)(0xE0 | (c >> 12));
    u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    u[2] = (char)(0x80 | (c & 0x3F));
    n = 3;
  } else {
    u[0] = (char)(0xF0 | (c >> 18));
    u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    u[3] = (char)(0x80 | (c & 0x3F));
    n = 4;
  }
  pt_buf_put(b, u, n);
}

void pt_buf_printf(pt_buf *b, const char *fmt, ...) {
  if (b->rc) return;
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    pt_buf_put(b, tmp, (size_t)n);
    return;
  }
  if (pt_buf_reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void pt_buf_put_json(pt_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  pt_buf_putc(b, '"');
  size_t run = 0; /* start of the pending run of bytes that need no escape */
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    pt_buf_put(b, s + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': pt_buf_put(b, "\\\"", 2); break;
      case '\\': pt_buf_put(b, "\\\\", 2); break;
      case '\n': pt_buf_put(b, "\\n", 2); break;
      case '\r': pt_buf_put(b, "\\r", 2); break;
      case '\t': pt_buf_put(b, "\\t", 2); break;
      default: {
        char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        pt_buf_put(b, e, 6);
      }
    }
  }
  pt_buf_put(b, s + run, n - run);
  pt_buf_putc(b, '"');
}

const char *pt_buf_cstr(pt_buf *b) {
  if (!b->data) return "";
  return b->data;
}

char *pt_buf_detach(pt_buf *b, size_t *len) {
  char *p = b->data;
  if (b->rc) {
    pt_free(p);
    p = NULL;
  } else if (!p) {
    p = pt_strndup("", 0);
  }
  if (len) *len = p ? b->len : 0;
  pt_buf_init(b);
  return p;
}
