/*
** pt_err.c: messages for the PT_ result codes.
*/
#include "pt_err.h"

#include <stdarg.h>
#include <stdio.h>

const char *pt_errmsg(int rc) {
  switch (rc) {
    case PT_OK: return "not an error";
    case PT_NOMEM: return "out of memory";
    case PT_TOOBIG: return "input too large";
    case PT_IO: return "I/O error";
    case PT_MISUSE: return "bad arguments";
    case PT_FORMAT: return "malformed input";
    case PT_NOTFOUND: return "not found";
    case PT_INTERRUPT: return "interrupted";
  }
  return "unknown error";
}

int pt_err_set(pt_err *e, int rc, size_t byte_off, const char *fmt, ...) {
  if (!e) return rc;
  e->rc = rc;
  e->byte_off = byte_off;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  return rc;
}
