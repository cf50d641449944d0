/*
** pt_source.h: where documents come from (pipeline stage 0).
**
** Lists the files a PATH names (a folder walked in sorted order, a single
** file, or a glob) and reads one file's bytes with a size cap.  Plain C and
** POSIX; no SQLite types.
**
** Listing rules: hidden entries (names starting with '.') are skipped; files
** inside folders must match one of the patterns (fnmatch globs, default
** "*.txt,*.md") while a PATH naming a file directly is always taken;
** symbolic links are followed, and a folder already on the walk's path is
** never entered twice (so link loops end); a folder that cannot be opened
** becomes an entry with its errno so the caller can report it as a row.
*/
#ifndef PT_SOURCE_H
#define PT_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "pt_err.h"

typedef struct pt_source_entry {
  char *path; /* owned; root joined with the relative name */
  int err;    /* 0, or the errno of a folder that could not be read */
} pt_source_entry;

typedef struct pt_source_list {
  pt_source_entry *items; /* owned, sorted by path (bytewise) */
  size_t n;
  size_t cap;
} pt_source_list;

typedef struct pt_source_opts {
  const char *patterns; /* comma-separated globs; NULL or "" = "*.txt,*.md" */
  int recursive;        /* descend into sub-folders */
  size_t max_files;     /* stop listing after this many (0 = no limit) */
} pt_source_opts;

/* Initialises l to empty without allocating. */
void pt_source_list_init(pt_source_list *l);
/* Frees the entries and re-initialises l. */
void pt_source_list_reset(pt_source_list *l);

/* Lists the files of `root` into l (initialised, empty).  Returns PT_OK,
** PT_NOMEM, PT_NOTFOUND (root missing and not a glob that matches; e says
** which) or PT_IO (root unreadable).  On error l is left empty. */
int pt_source_list_make(pt_source_list *l, const char *root,
                        const pt_source_opts *o, pt_err *e);

/* Index of `path` in l, or l->n when absent (binary search). */
size_t pt_source_list_find(const pt_source_list *l, const char *path);

/* Facts about one file. */
typedef struct pt_source_stat {
  int64_t bytes;     /* size in bytes */
  int64_t mtime;     /* seconds since 1970 */
  int is_regular;    /* 1 for a regular file */
} pt_source_stat;

/* stat(2) of path.  Returns PT_OK, or PT_IO with e naming the file. */
int pt_source_stat_file(const char *path, pt_source_stat *st, pt_err *e);

/* Reads a file into *bytes (owned, pt_free; NUL-terminated, *n bytes
** without it): the whole file, or only its first `limit` bytes when limit is
** not 0 (then *truncated says whether more remained; truncated may be NULL).
** Files over max_bytes are refused with PT_TOOBIG before any read.  Returns
** PT_OK, PT_IO, PT_TOOBIG or PT_NOMEM, with e naming the file and, for read
** errors, the byte offset reached. */
int pt_source_read(const char *path, size_t max_bytes, size_t limit, char **bytes,
                   size_t *n, int *truncated, pt_err *e);

/* A set of allowed folders (absolute, resolved paths). */
typedef struct pt_source_allow {
  char **roots;  /* owned; each resolved with realpath() */
  size_t n;
} pt_source_allow;

/* Frees the roots and empties a. */
void pt_source_allow_reset(pt_source_allow *a);

/* Adds path (resolved with realpath) to a.  Once a has roots, only paths
** inside one of them may be added, so the set can only narrow what can be
** read.  Returns PT_OK, PT_NOTFOUND (path does not resolve), PT_MISUSE (path
** outside the allowed roots) or PT_NOMEM, with e saying which. */
int pt_source_allow_add(pt_source_allow *a, const char *path, pt_err *e);

/* 1 when a has no roots (no restriction) or path resolves (symlinks
** followed, ".." removed) to a place inside one of them. */
int pt_source_allowed(const pt_source_allow *a, const char *path);

/* Writes t (seconds since 1970, UTC) as "YYYY-MM-DDTHH:MM:SSZ" into out. */
void pt_source_iso_time(int64_t t, char out[21]);

#endif /* PT_SOURCE_H */
