/*
** pt_err.h: result codes shared by every policytext module.
**
** Analysis functions return an int code and pass results through
** out-parameters.  Details (a byte offset, a short message) go into a pt_err,
** a fixed-size struct, so reporting an error never allocates.
*/
#ifndef PT_ERR_H
#define PT_ERR_H

#include <stddef.h>

enum {
  PT_OK = 0,      /* success */
  PT_NOMEM = 1,   /* an allocation failed */
  PT_TOOBIG = 2,  /* input larger than the configured limit */
  PT_IO = 3,      /* a file could not be opened or read */
  PT_MISUSE = 4,  /* bad arguments (a bug in the caller) */
  PT_FORMAT = 5,  /* malformed input that could not be used (e.g. a lexicon) */
  PT_NOTFOUND = 6,/* a named thing does not exist */
  PT_INTERRUPT = 7/* the caller asked to stop */
};

#define PT_ERRMSG_MAX 256

typedef struct pt_err {
  int rc;                     /* a PT_ code, PT_OK when nothing went wrong */
  size_t byte_off;            /* where in the input, when it applies */
  char msg[PT_ERRMSG_MAX];    /* NUL-terminated human-readable detail */
} pt_err;

/* Static English text for a PT_ code ("out of memory", ...). Never NULL. */
const char *pt_errmsg(int rc);

/* Sets e->rc, e->byte_off and a printf-formatted message (truncated to fit).
** Returns rc so callers can write `return pt_err_set(e, PT_IO, 0, ...)`.
** e may be NULL, then only rc is returned. */
int pt_err_set(pt_err *e, int rc, size_t byte_off, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif /* PT_ERR_H */
