/*
** pt_source.c: listing and reading document files (see pt_source.h).
*/
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include "pt_source.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pt_mem.h"

void pt_source_list_init(pt_source_list *l) {
  l->items = NULL;
  l->n = l->cap = 0;
}

void pt_source_list_reset(pt_source_list *l) {
  for (size_t i = 0; i < l->n; i++) pt_free(l->items[i].path);
  pt_free(l->items);
  pt_source_list_init(l);
}

static int add_entry(pt_source_list *l, const char *path, size_t n, int err) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 64;
    pt_source_entry *g = pt_realloc(l->items, cap * sizeof *g);
    if (!g) return PT_NOMEM;
    l->items = g;
    l->cap = cap;
  }
  char *p = pt_strndup(path, n);
  if (!p) return PT_NOMEM;
  l->items[l->n].path = p;
  l->items[l->n].err = err;
  l->n++;
  return PT_OK;
}

static int matches(const char *name, const char *patterns) {
  if (!patterns || !*patterns) patterns = "*.txt,*.md";
  char pat[256];
  const char *p = patterns;
  while (*p) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    while (n && *p == ' ') p++, n--;
    while (n && p[n - 1] == ' ') n--;
    if (n && n < sizeof pat) {
      memcpy(pat, p, n);
      pat[n] = 0;
      if (fnmatch(pat, name, 0) == 0) return 1;
    }
    if (!comma) break;
    p = comma + 1;
  }
  return 0;
}

/* Folders on the current walk path, to stop symlink loops. */
typedef struct walk_stack {
  dev_t dev[64];
  ino_t ino[64];
  int depth;
} walk_stack;

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static int walk(pt_source_list *l, char *path, size_t len, size_t cap,
                const pt_source_opts *o, walk_stack *ws) {
  DIR *dir = opendir(path);
  if (!dir) return add_entry(l, path, len, errno ? errno : EACCES);
  /* Names first, sorted, so the listing is in path order without a global
  ** sort of deep trees being needed for correctness (we still sort once at
  ** the end, since "a/b" < "a.txt" orders differ from walk order). */
  char **names = NULL;
  size_t n = 0, ncap = 0;
  int rc = PT_OK;
  struct dirent *de;
  while ((de = readdir(dir)) != NULL) {
    if (de->d_name[0] == '.') continue;
    if (n == ncap) {
      size_t c = ncap ? 2 * ncap : 32;
      char **g = pt_realloc(names, c * sizeof *g);
      if (!g) {
        rc = PT_NOMEM;
        break;
      }
      names = g;
      ncap = c;
    }
    /* Keep the entry type in a byte before the name: regular files then
    ** need no stat() (the bulk of a corpus). */
    size_t nl = strlen(de->d_name);
    names[n] = pt_malloc(nl + 2);
    if (names[n]) {
      names[n][0] = de->d_type == DT_REG ? 'f' : de->d_type == DT_DIR ? 'd' : '?';
      memcpy(names[n] + 1, de->d_name, nl + 1);
    }
    if (!names[n]) {
      rc = PT_NOMEM;
      break;
    }
    n++;
  }
  closedir(dir);
  if (n) qsort(names, n, sizeof *names, cmp_names);
  for (size_t i = 0; i < n && rc == PT_OK; i++) {
    char type = names[i][0];
    const char *name = names[i] + 1;
    size_t nl = strlen(name);
    if (len + 1 + nl + 1 > cap) continue; /* path too long: skip */
    size_t sub = len;
    if (sub && path[sub - 1] != '/') path[sub++] = '/';
    memcpy(path + sub, name, nl + 1);
    if (type == 'f') {
      if (matches(name, o->patterns)) rc = add_entry(l, path, sub + nl, 0);
      if (o->max_files && l->n >= o->max_files) break;
      path[len] = 0;
      continue;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
      /* A dangling link or a file that vanished: report it as a row if it
      ** would have matched. */
      if (matches(name, o->patterns))
        rc = add_entry(l, path, sub + nl, errno ? errno : ENOENT);
    } else if (S_ISDIR(st.st_mode)) {
      if (o->recursive) {
        int loop = 0;
        for (int k = 0; k < ws->depth; k++)
          if (ws->dev[k] == st.st_dev && ws->ino[k] == st.st_ino) loop = 1;
        if (!loop && ws->depth < 64) {
          ws->dev[ws->depth] = st.st_dev;
          ws->ino[ws->depth] = st.st_ino;
          ws->depth++;
          rc = walk(l, path, sub + nl, cap, o, ws);
          ws->depth--;
        }
      }
    } else if (S_ISREG(st.st_mode) && matches(name, o->patterns)) {
      rc = add_entry(l, path, sub + nl, 0);
    }
    if (o->max_files && l->n >= o->max_files) break;
    path[len] = 0;
  }
  for (size_t i = 0; i < n; i++) pt_free(names[i]);
  pt_free(names);
  return rc;
}

static int cmp_entries(const void *a, const void *b) {
  return strcmp(((const pt_source_entry *)a)->path,
                ((const pt_source_entry *)b)->path);
}

static int add_root(pt_source_list *l, const char *root, const pt_source_opts *o,
                    pt_err *e) {
  struct stat st;
  if (stat(root, &st) != 0)
    return pt_err_set(e, errno == ENOENT || errno == ENOTDIR ? PT_NOTFOUND : PT_IO,
                      0, "cannot open '%s': %s", root, strerror(errno));
  if (!S_ISDIR(st.st_mode)) return add_entry(l, root, strlen(root), 0);
  size_t cap = 4096;
  char *path = pt_malloc(cap);
  if (!path) return PT_NOMEM;
  size_t len = strlen(root);
  if (len + 2 > cap) {
    pt_free(path);
    return pt_err_set(e, PT_IO, 0, "path too long: '%.100s...'", root);
  }
  memcpy(path, root, len + 1);
  walk_stack ws;
  ws.dev[0] = st.st_dev;
  ws.ino[0] = st.st_ino;
  ws.depth = 1;
  /* Report an unreadable root as an error, not as a row. */
  DIR *probe = opendir(root);
  if (!probe) {
    int err = errno;
    pt_free(path);
    return pt_err_set(e, PT_IO, 0, "cannot read folder '%s': %s", root, strerror(err));
  }
  closedir(probe);
  int rc = walk(l, path, len, cap, o, &ws);
  pt_free(path);
  return rc;
}

int pt_source_list_make(pt_source_list *l, const char *root,
                        const pt_source_opts *o, pt_err *e) {
  pt_source_opts def = {NULL, 1, 0};
  if (!o) o = &def;
  int rc;
  if (!root || !*root) return pt_err_set(e, PT_MISUSE, 0, "empty path");
  struct stat st;
  if (stat(root, &st) != 0 && strpbrk(root, "*?[")) {
    glob_t g;
    int grc = glob(root, 0, NULL, &g);
    if (grc == GLOB_NOMATCH) {
      globfree(&g);
      return pt_err_set(e, PT_NOTFOUND, 0, "no file matches '%s'", root);
    }
    if (grc != 0) {
      globfree(&g);
      return grc == GLOB_NOSPACE ? PT_NOMEM
                                 : pt_err_set(e, PT_IO, 0, "cannot read '%s'", root);
    }
    rc = PT_OK;
    for (size_t i = 0; i < g.gl_pathc && rc == PT_OK; i++)
      rc = add_root(l, g.gl_pathv[i], o, e);
    globfree(&g);
  } else {
    rc = add_root(l, root, o, e);
  }
  if (rc) {
    pt_source_list_reset(l);
    return rc;
  }
  if (l->n > 1) qsort(l->items, l->n, sizeof *l->items, cmp_entries);
  /* A glob may name one file twice (through two patterns): keep one. */
  size_t w = 0;
  for (size_t i = 0; i < l->n; i++) {
    if (w && strcmp(l->items[w - 1].path, l->items[i].path) == 0) {
      pt_free(l->items[i].path);
      continue;
    }
    l->items[w++] = l->items[i];
  }
  l->n = w;
  return PT_OK;
}

size_t pt_source_list_find(const pt_source_list *l, const char *path) {
  size_t lo = 0, hi = l->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(l->items[mid].path, path);
    if (c == 0) return mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return l->n;
}

int pt_source_stat_file(const char *path, pt_source_stat *st, pt_err *e) {
  struct stat s;
  if (stat(path, &s) != 0)
    return pt_err_set(e, PT_IO, 0, "cannot stat '%s': %s", path, strerror(errno));
  st->bytes = (int64_t)s.st_size;
  st->mtime = (int64_t)s.st_mtime;
  st->is_regular = S_ISREG(s.st_mode);
  return PT_OK;
}

int pt_source_read(const char *path, size_t max_bytes, size_t limit, char **bytes,
                   size_t *n, int *truncated, pt_err *e) {
  *bytes = NULL;
  *n = 0;
  if (truncated) *truncated = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return pt_err_set(e, PT_IO, 0, "cannot open '%s': %s", path, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    int err = errno;
    close(fd);
    return pt_err_set(e, PT_IO, 0, "'%s' is not a readable regular file%s%s", path,
                      err ? ": " : "", err ? strerror(err) : "");
  }
  if ((uint64_t)st.st_size > (uint64_t)max_bytes) {
    close(fd);
    return pt_err_set(e, PT_TOOBIG, 0,
                      "'%s' is %lld bytes, over the limit of %llu (option max_bytes)",
                      path, (long long)st.st_size, (unsigned long long)max_bytes);
  }
  if (limit && (uint64_t)st.st_size > (uint64_t)limit) {
    max_bytes = limit; /* read only the head; the loop stops at the cap */
    if (truncated) *truncated = 1;
  }
  size_t cap = ((uint64_t)st.st_size > (uint64_t)max_bytes ? max_bytes : (size_t)st.st_size) + 1;
  char *buf = pt_malloc(cap);
  if (!buf) {
    close(fd);
    return PT_NOMEM;
  }
  size_t len = 0;
  for (;;) {
    if (len + 1 == cap) {
      /* The file grew while we read it: take more, up to the cap. */
      if (cap - 1 >= max_bytes) break;
      size_t ncap = cap * 2 > max_bytes + 1 ? max_bytes + 1 : cap * 2;
      char *g = pt_realloc(buf, ncap);
      if (!g) {
        pt_free(buf);
        close(fd);
        return PT_NOMEM;
      }
      buf = g;
      cap = ncap;
    }
    ssize_t r = read(fd, buf + len, cap - 1 - len);
    if (r < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      pt_free(buf);
      close(fd);
      return pt_err_set(e, PT_IO, len, "cannot read '%s' at byte %zu: %s", path, len,
                        strerror(err));
    }
    if (r == 0) break;
    len += (size_t)r;
  }
  close(fd);
  buf[len] = 0;
  *bytes = buf;
  *n = len;
  return PT_OK;
}

void pt_source_iso_time(int64_t t, char out[21]) {
  time_t tt = (time_t)t;
  struct tm tm;
  if (!gmtime_r(&tt, &tm)) {
    memcpy(out, "1970-01-01T00:00:00Z", 21);
    return;
  }
  strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ====================================================================
** Allowed folders.
*/
void pt_source_allow_reset(pt_source_allow *a) {
  for (size_t i = 0; i < a->n; i++) pt_free(a->roots[i]);
  pt_free(a->roots);
  a->roots = NULL;
  a->n = 0;
}

/* Is resolved path p inside resolved folder root? */
static int inside(const char *p, const char *root) {
  size_t n = strlen(root);
  if (n == 1 && root[0] == '/') return 1;
  return strncmp(p, root, n) == 0 && (p[n] == 0 || p[n] == '/');
}

static int within(const pt_source_allow *a, const char *resolved) {
  for (size_t i = 0; i < a->n; i++)
    if (inside(resolved, a->roots[i])) return 1;
  return 0;
}

int pt_source_allow_add(pt_source_allow *a, const char *path, pt_err *e) {
  char *r = realpath(path, NULL); /* libc malloc: copied and freed below */
  if (!r)
    return pt_err_set(e, PT_NOTFOUND, 0, "cannot resolve '%s': %s", path, strerror(errno));
  if (a->n && !within(a, r)) {
    free(r);
    return pt_err_set(e, PT_MISUSE, 0,
                      "'%s' is outside the allowed paths; allowed paths can only narrow",
                      path);
  }
  char **g = pt_realloc(a->roots, (a->n + 1) * sizeof *g);
  char *copy = g ? pt_strndup(r, strlen(r)) : NULL;
  free(r);
  if (!g || !copy) {
    if (g) a->roots = g;
    return PT_NOMEM;
  }
  a->roots = g;
  a->roots[a->n++] = copy;
  return PT_OK;
}

int pt_source_allowed(const pt_source_allow *a, const char *path) {
  if (!a || !a->n) return 1;
  char *r = realpath(path, NULL);
  if (!r) return 0;
  int ok = within(a, r);
  free(r);
  return ok;
}
