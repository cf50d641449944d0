/*
** pt_doc.c: metadata and body of one document (see pt_doc.h).
**
** How it works: the text is cut into lines and blocks (runs of non-blank
** lines).  Optional YAML front matter is read first.  Then a header phase
** classifies lines until the first prose paragraph: each line is a source,
** date, kind, byline, tag list, title or page chrome.  The body phase copies
** the remaining paragraphs, dropping chrome and stopping at trailers ("More
** on:", "###").  Every decision is made line by line, so the parse is linear
** in the size of the document.
*/
#define _GNU_SOURCE /* memmem */
#include "pt_doc.h"

#include <string.h>

#include "pt_buf.h"
#include "pt_err.h"
#include "pt_mem.h"
#include "pt_utf8.h"

/* ====================================================================
** Small string helpers on byte spans.
*/
typedef struct span {
  const char *s;
  size_t n;
} span;

static int is_blank_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static span trim(span x) {
  while (x.n && is_blank_byte(x.s[0])) x.s++, x.n--;
  while (x.n && is_blank_byte(x.s[x.n - 1])) x.n--;
  /* U+00A0 no-break space at either end */
  while (x.n >= 2 && (unsigned char)x.s[0] == 0xC2 && (unsigned char)x.s[1] == 0xA0)
    x.s += 2, x.n -= 2;
  while (x.n >= 2 && (unsigned char)x.s[x.n - 2] == 0xC2 &&
         (unsigned char)x.s[x.n - 1] == 0xA0)
    x.n -= 2;
  return x;
}

/* Trim plus Markdown decoration (emphasis, quote marks, list bullets). */
static span strip_md(span x) {
  x = trim(x);
  while (x.n && (x.s[0] == '*' || x.s[0] == '_' || x.s[0] == '>'))
    x.s++, x.n--;
  while (x.n && (x.s[x.n - 1] == '*' || x.s[x.n - 1] == '_')) x.n--;
  return trim(x);
}

static int lower_ascii(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/* Case-insensitive ASCII prefix test of p (n bytes); *rest gets what follows.
** has_prefix() passes strlen(p), which the compiler folds for literals. */
static int has_prefix_n(span x, const char *p, size_t n, span *rest) {
  if (x.n < n) return 0;
  for (size_t i = 0; i < n; i++)
    if (lower_ascii((unsigned char)x.s[i]) != lower_ascii((unsigned char)p[i]))
      return 0;
  if (rest) {
    rest->s = x.s + n;
    rest->n = x.n - n;
  }
  return 1;
}
#define has_prefix(x, p, rest) has_prefix_n((x), (p), strlen(p), (rest))

#define equals_ci(x, p) equals_ci_n((x), (p), strlen(p))
static int equals_ci_n(span x, const char *p, size_t n) {
  return x.n == n && has_prefix_n(x, p, n, NULL);
}

static size_t word_count(span x) { return pt_count_words(x.s, x.n); }

static int cp_at(span x, size_t i) {
  size_t adv;
  return pt_utf8_decode(x.s + i, x.n - i, &adv);
}

/* Last code point of x, 0 when empty. */
static int last_cp(span x) {
  size_t st;
  return pt_utf8_decode_prev(x.s, x.n, &st);
}

static int ends_sentence(span x) {
  int c = last_cp(x);
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
         c == 0x201D || c == 0x2019 || c == '\'' || c == ')' || c == 0x2026;
}

/* ====================================================================
** Dates.
*/
static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

/* Month at s (full name, 3-letter or "Sept" abbreviation, optional '.');
** returns 1..12 and the bytes used, 0 when none. */
static int parse_month(const char *s, size_t n, size_t *used) {
  size_t w = 0;
  while (w < n && ((s[w] | 0x20) >= 'a' && (s[w] | 0x20) <= 'z')) w++;
  if (w < 3) return 0;
  for (int m = 0; m < 12; m++) {
    const char *name = month_names[m];
    size_t len = strlen(name);
    int ok = 1;
    if (w > len) continue;
    for (size_t i = 0; i < w; i++)
      if (lower_ascii((unsigned char)s[i]) != name[i]) ok = 0;
    if (!ok) continue;
    /* Full name, a 3-letter abbreviation, or "Sept". */
    if (w != len && w != 3 && !(m == 8 && w == 4)) continue;
    size_t u = w;
    if (w != len && u < n && s[u] == '.') u++;
    *used = u;
    return m + 1;
  }
  return 0;
}

static size_t parse_uint(const char *s, size_t n, int maxdigits, int *v) {
  size_t i = 0;
  int x = 0;
  while (i < n && i < (size_t)maxdigits && s[i] >= '0' && s[i] <= '9')
    x = x * 10 + (s[i++] - '0');
  if (i < n && s[i] >= '0' && s[i] <= '9') return 0; /* too many digits */
  *v = x;
  return i;
}

static size_t skip_ws(const char *s, size_t n, size_t i) {
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  return i;
}

static int valid_date(int y, int m, int d) {
  static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1) return 0;
  if (d > mdays[m - 1]) return 0;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 0;
  return 1;
}

static void format_iso(char iso[11], int y, int m, int d) {
  iso[0] = (char)('0' + y / 1000);
  iso[1] = (char)('0' + y / 100 % 10);
  iso[2] = (char)('0' + y / 10 % 10);
  iso[3] = (char)('0' + y % 10);
  iso[4] = '-';
  iso[5] = (char)('0' + m / 10);
  iso[6] = (char)('0' + m % 10);
  iso[7] = '-';
  iso[8] = (char)('0' + d / 10);
  iso[9] = (char)('0' + d % 10);
  iso[10] = 0;
}

static const char *const weekdays[7] = {"monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday",
                                         "sunday"};

size_t pt_date_parse(const char *s, size_t n, char iso[11]) {
  size_t i = 0;
  /* Optional weekday: "Thursday, " or "Thu, ". */
  for (int k = 0; k < 7; k++) {
    size_t len = strlen(weekdays[k]);
    span x = {s, n}, rest;
    size_t used = 0;
    if (has_prefix(x, weekdays[k], &rest))
      used = len;
    else if (n > 3 && has_prefix_n(x, weekdays[k], 3, &rest) &&
             !((s[3] | 0x20) >= 'a' && (s[3] | 0x20) <= 'z'))
      used = 3;
    if (used) {
      size_t j = used;
      if (j < n && s[j] == '.') j++;
      if (j < n && s[j] == ',') j++;
      j = skip_ws(s, n, j);
      if (j > used) i = j;
      break;
    }
  }
  int y = 0, m = 0, d = 0;
  size_t k, used;
  if (i < n && s[i] >= '0' && s[i] <= '9') {
    /* 2015-06-25 (also with '/' or '.'), or 25 June 2015 */
    k = parse_uint(s + i, n - i, 4, &y);
    if (k == 4 && i + k < n && (s[i + k] == '-' || s[i + k] == '/' || s[i + k] == '.')) {
      char sep = s[i + k];
      size_t j = i + k + 1;
      size_t a = parse_uint(s + j, n - j, 2, &m);
      if (a && j + a < n && s[j + a] == sep) {
        j += a + 1;
        size_t b = parse_uint(s + j, n - j, 2, &d);
        if (b && valid_date(y, m, d)) {
          format_iso(iso, y, m, d);
          return j + b;
        }
      }
      return 0;
    }
    if (k >= 1 && k <= 2) {
      d = y;
      size_t j = i + k;
      /* "25th" */
      if (j + 2 <= n && (memcmp(s + j, "st", 2) == 0 || memcmp(s + j, "nd", 2) == 0 ||
                         memcmp(s + j, "rd", 2) == 0 || memcmp(s + j, "th", 2) == 0))
        j += 2;
      j = skip_ws(s, n, j);
      if (j + 3 <= n && has_prefix_n((span){s + j, n - j}, "of ", 3, NULL)) j = skip_ws(s, n, j + 3);
      m = parse_month(s + j, n - j, &used);
      if (!m) return 0;
      j += used;
      if (j < n && s[j] == ',') j++;
      j = skip_ws(s, n, j);
      size_t c = parse_uint(s + j, n - j, 4, &y);
      if (c == 4 && valid_date(y, m, d)) {
        format_iso(iso, y, m, d);
        return j + c;
      }
    }
    return 0;
  }
  m = parse_month(s + i, n - i, &used);
  if (!m) return 0;
  size_t j = skip_ws(s, n, i + used);
  k = parse_uint(s + j, n - j, 2, &d);
  if (!k) return 0;
  j += k;
  if (j + 2 <= n && (memcmp(s + j, "st", 2) == 0 || memcmp(s + j, "nd", 2) == 0 ||
                     memcmp(s + j, "rd", 2) == 0 || memcmp(s + j, "th", 2) == 0))
    j += 2;
  if (j < n && s[j] == ',') j++;
  j = skip_ws(s, n, j);
  k = parse_uint(s + j, n - j, 4, &y);
  if (k != 4 || !valid_date(y, m, d)) return 0;
  format_iso(iso, y, m, d);
  return j + k;
}

size_t pt_date_find(const char *s, size_t n, char iso[11]) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int starts_word = i == 0 || !(((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z') ||
                                  (s[i - 1] >= '0' && s[i - 1] <= '9'));
    if (!starts_word) continue;
    if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
      if (pt_date_parse(s + i, n - i, iso)) return i;
    }
  }
  return n;
}

/* Byte classes for pt_count_words: 1 ASCII letter or digit, 2 a joiner
** inside words (' - .), 3 a non-ASCII lead byte, 4 a continuation byte. */
static const unsigned char word_class[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
    ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
    ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
    ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
    ['\''] = 2, ['-'] = 2, ['.'] = 2,
#define R4(x) x, x, x, x
#define R16(x) R4(x), R4(x), R4(x), R4(x)
    [0x80] = R16(4), R16(4), R16(4), R16(4),
    [0xC0] = R16(3), R16(3), R16(3), R16(3)
#undef R4
#undef R16
};

/* Is the character starting at s[i] a word character? */
static int word_at(const char *s, size_t n, size_t i) {
  unsigned char k = word_class[(unsigned char)s[i]];
  if (k == 1) return 1;
  if (k != 3) return 0;
  size_t adv;
  return pt_cp_is_word(pt_utf8_decode(s + i, n - i, &adv));
}

size_t pt_count_words(const char *s, size_t n) {
  size_t words = 0;
  int in_word = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char k = word_class[(unsigned char)s[i]];
    switch (k) {
      case 1:
        words += !in_word;
        in_word = 1;
        break;
      case 0:
        in_word = 0;
        break;
      case 4: /* continuation byte: belongs to the character before */
        break;
      case 2: /* joiners inside a word: don't, U.S., cyber-enabled */
        in_word = in_word && i + 1 < n && word_at(s, n, i + 1);
        break;
      case 3: {
        size_t adv;
        int cp = pt_utf8_decode(s + i, n - i, &adv);
        if (pt_cp_is_word(cp)) {
          words += !in_word;
          in_word = 1;
        } else if (cp == 0x2019 && in_word && i + adv < n) { /* ’ as in don’t */
          in_word = word_at(s, n, i + adv);
        } else {
          in_word = 0;
        }
        i += adv - 1;
        break;
      }
    }
  }
  return words;
}

/* ====================================================================
** Line classes.
*/

/* Genre names, lower case, and the form reported. */
static const struct {
  const char *line;
  const char *kind;
} kinds[] = {
    {"blog post", "Blog Post"},       {"blog", "Blog Post"},
    {"speech", "Speech"},             {"remarks", "Remarks"},
    {"press release", "Press Release"}, {"news release", "Press Release"},
    {"media release", "Press Release"}, {"report", "Report"},
    {"op-ed", "Op-Ed"},               {"op ed", "Op-Ed"},
    {"oped", "Op-Ed"},                {"opinion", "Op-Ed"},
    {"testimony", "Testimony"},       {"transcript", "Transcript"},
    {"statement", "Statement"},       {"interview", "Interview"},
    {"article", "Article"},           {"policy brief", "Policy Brief"},
    {"brief", "Policy Brief"},        {"commentary", "Commentary"},
    {"analysis", "Analysis"},         {"fact sheet", "Fact Sheet"},
    {"backgrounder", "Backgrounder"}, {"news", "News"},
    {"letter", "Letter"},             {"memo", "Memo"},
};

/* The canonical genre for a whole line, or NULL. */
static const char *kind_of(span x) {
  if (x.n > 48) return NULL; /* "Type: Press Release" at most */
  x = strip_md(x);
  if (x.n && x.s[x.n - 1] == ':') x.n--;
  x = trim(x);
  if (has_prefix(x, "type:", &x) || has_prefix(x, "kind:", &x) ||
      has_prefix(x, "format:", &x))
    x = trim(x);
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (equals_ci(x, kinds[i].line)) return kinds[i].kind;
  return NULL;
}

/* A front-matter kind value: a known genre in its canonical form, or the
** value as written. */
static const char *kind_value(span v) {
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (equals_ci(v, kinds[i].line)) return kinds[i].kind;
  return NULL;
}

/* Navigation and share words that page dumps leave on their own line. */
static int is_nav_line(span x) {
  static const char *const nav[] = {
      "up",       "close",   "share",    "print",     "download", "email",
      "e-mail",   "tweet",   "top",      "back to top", "facebook", "twitter",
      "linkedin", "reddit",  "subscribe", "menu",     "search",   "next",
      "previous", "related", "share this", "print this page", "skip to content",
      "read more", "copy link", "whatsapp", "x", "save", "comments"};
  x = strip_md(x);
  if (!x.n || x.n > 24) return 0;
  for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++)
    if (equals_ci(x, nav[i])) return 1;
  return 0;
}

/* Institutional disclaimers that pages repeat on every post.  memmem on
** fragments past the first letter keeps this cheap on long body lines. */
static int is_disclaimer(span x) {
  if (x.n > 400) return 0; /* a disclaimer is one short paragraph */
  /* Anchors first (rare in prose), then the exact phrases. */
  const char *v = memmem(x.s, x.n, "views of", 8);
  if (v && v - x.s >= 13 && memcmp(v - 13, "epresent the ", 13) == 0) goto yes;
  if (memmem(x.s, x.n, "nstitutional position", 21)) goto yes;
  if (memmem(x.s, x.n, "ecessarily reflect", 18)) goto yes;
  const char *r = memmem(x.s, x.n, "ights ", 6);
  if (r && x.s + x.n - r >= 14 &&
      has_prefix_n((span){r + 6, (size_t)(x.s + x.n - r) - 6}, "reserved", 8, NULL))
    goto yes;
  r = memmem(x.s, x.n, "IGHTS RESERVED", 14);
  if (r) goto yes;
  return 0;
yes:
  return word_count(x) < 60;
}

static int is_release_marker(span x) {
  x = strip_md(x);
  return has_prefix(x, "for immediate release", NULL) ||
         has_prefix(x, "embargoed", NULL);
}

/* Lines that end the body: trailers and press-release end marks. */
static int is_end_marker(span x) {
  x = strip_md(x);
  return equals_ci(x, "more on:") || equals_ci(x, "###") || equals_ci(x, "# # #") ||
         equals_ci(x, "-30-") || equals_ci(x, "- 30 -") || equals_ci(x, "-###-") ||
         has_prefix(x, "contact:", NULL) || has_prefix(x, "media contact", NULL) ||
         has_prefix(x, "press contact", NULL) ||
         has_prefix(x, "media inquiries", NULL) ||
         has_prefix(x, "for more information, contact", NULL);
}

/* "Jane Doe", "Jane Doe and Tom Li", "J. R. Smith, Jr.": words that start with
** a capital (connectives and particles allowed), at most 12 words. */
static int looks_like_names(span x) {
  size_t words = 0, caps = 0;
  size_t i = 0;
  while (i < x.n) {
    while (i < x.n && (x.s[i] == ' ' || x.s[i] == ',' || x.s[i] == '&')) i++;
    if (i >= x.n) break;
    size_t st = i;
    while (i < x.n && x.s[i] != ' ' && x.s[i] != ',') i++;
    span w = {x.s + st, i - st};
    words++;
    int c = cp_at(w, 0);
    if (pt_cp_is_upper(c))
      caps++;
    else if (!(equals_ci(w, "and") || equals_ci(w, "de") || equals_ci(w, "van") ||
               equals_ci(w, "von") || equals_ci(w, "der") || equals_ci(w, "da") ||
               equals_ci(w, "la") || equals_ci(w, "le") || equals_ci(w, "bin") ||
               equals_ci(w, "al") || equals_ci(w, "del") || equals_ci(w, "dos")))
      return 0;
  }
  return words >= 1 && words <= 12 && caps >= 1;
}

/* Drops a leading title from a byline name: "Ambassador Zoë Lindqvist" ->
** "Zoë Lindqvist"; "Secretary of Energy Maria Delgado" -> "Maria Delgado"
** (after "Title of Office", the last two words are the name). */
static span strip_title(span x) {
  static const char *const titles[] = {
      "vice president ", "president ", "deputy secretary ", "under secretary ",
      "assistant secretary ", "secretary ", "ambassador ", "senator ", "sen. ",
      "representative ", "rep. ", "congressman ", "congresswoman ", "governor ",
      "gov. ", "mayor ", "commissioner ", "chairman ", "chairwoman ", "chair ",
      "minister ", "prime minister ", "judge ", "justice ", "general ", "gen. ",
      "admiral ", "dr. ", "dr ", "professor ", "prof. ", "mr. ", "ms. ", "mrs. ",
      "the honorable ", "hon. ", "director ", "administrator ", "attorney general "};
  span rest;
  for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
    if (!has_prefix(x, titles[i], &rest)) continue;
    rest = trim(rest);
    if (has_prefix(rest, "of ", NULL) || has_prefix(rest, "for ", NULL)) {
      /* keep the last two words */
      size_t words = 0, k = rest.n;
      while (k > 0 && words < 2) {
        while (k > 0 && rest.s[k - 1] == ' ') k--;
        while (k > 0 && rest.s[k - 1] != ' ') k--;
        words++;
      }
      return trim((span){rest.s + k, rest.n - k});
    }
    return rest;
  }
  return x;
}

/* The name(s) of a byline, or a zero span. */
static span byline(span x) {
  span rest = {0, 0};
  x = strip_md(x);
  int c0 = x.n ? lower_ascii((unsigned char)x.s[0]) : 0;
  if (c0 != 'b' && c0 != 'a' && c0 != 'w' && c0 != 'p' && c0 != 'd') return rest;
  if (has_prefix(x, "by ", &rest) || has_prefix(x, "by: ", &rest) ||
      has_prefix(x, "author: ", &rest) || has_prefix(x, "authors: ", &rest) ||
      has_prefix(x, "written by ", &rest) || has_prefix(x, "posted by ", &rest) ||
      has_prefix(x, "delivered by ", &rest)) {
    rest = trim(rest);
    /* Cut at a separator that starts a description: "|", " - ", " — ". */
    for (size_t i = 0; i < rest.n; i++) {
      if (rest.s[i] == '|' || rest.s[i] == ';' ||
          (rest.s[i] == ' ' && i + 2 < rest.n &&
           (rest.s[i + 1] == '-' || memcmp(rest.s + i + 1, "\xE2\x80\x94", 3) == 0 ||
            memcmp(rest.s + i + 1, "\xE2\x80\x93", 3) == 0))) {
        rest.n = i;
        break;
      }
    }
    rest = trim(rest);
    if (rest.n && rest.s[rest.n - 1] == '.' && rest.n >= 2 &&
        !pt_cp_is_upper((unsigned char)rest.s[rest.n - 2]))
      rest.n--;
    /* "Jane Doe, Senior Fellow": keep the name before a lower-case or
    ** title description after a comma. */
    for (size_t i = 0; i < rest.n; i++) {
      if (rest.s[i] != ',') continue;
      span after = trim((span){rest.s + i + 1, rest.n - i - 1});
      if (!looks_like_names(after) || has_prefix(after, "senior ", NULL) ||
          has_prefix(after, "director", NULL) || has_prefix(after, "fellow", NULL) ||
          has_prefix(after, "professor", NULL) || has_prefix(after, "president", NULL) ||
          has_prefix(after, "chief ", NULL) || has_prefix(after, "former ", NULL)) {
        rest.n = i;
        break;
      }
    }
    rest = strip_title(trim(rest));
    if (rest.n && looks_like_names(rest)) return rest;
  }
  return (span){0, 0};
}

/* A whole line that is a date, possibly labelled ("Published: ..."). */
static int date_line(span x, char iso[11]) {
  span rest;
  x = strip_md(x);
  if (x.n > 80 || (!memchr(x.s, '2', x.n) && !memchr(x.s, '1', x.n) &&
                   !memchr(x.s, '0', x.n) && !memchr(x.s, '9', x.n))) {
    /* every accepted date has a year with one of these digits */
    return 0;
  }
  static const char *const labels[] = {"published on ", "published: ", "published ",
                                       "posted on ", "posted: ", "posted ",
                                       "date: ", "dated ", "updated: ", "updated ",
                                       "released ", "released: ", "delivered "};
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (has_prefix(x, labels[i], &rest)) {
      x = trim(rest);
      break;
    }
  size_t used = pt_date_parse(x.s, x.n, iso);
  if (!used) return 0;
  /* Allow a trailing time or time zone of a few characters, nothing wordy. */
  span tail = trim((span){x.s + used, x.n - used});
  return tail.n <= 24 && word_count(tail) <= 4 &&
         (tail.n == 0 || tail.s[0] == ',' || tail.s[0] == '|' || tail.s[0] == '-' ||
          tail.s[0] == 'T' || (tail.s[0] >= '0' && tail.s[0] <= '9') ||
          tail.s[0] == '(' || tail.s[0] == '\xE2' || tail.s[0] == 'a' || tail.s[0] == 'A');
}

/* ====================================================================
** The parser.
*/
typedef struct line {
  size_t off, len; /* bytes in the text, without the LF */
  size_t block;    /* index of the block (paragraph) it belongs to */
  int blank;
} line;

typedef struct parser {
  const char *text;
  size_t len;
  line *lines;
  size_t n_lines;
  pt_doc *d;
  pt_buf tags;      /* JSON array under construction */
  int rc;
  span skipped[16]; /* header lines dropped as chrome, to drop repeats */
  size_t n_skipped;
  int has_meta;     /* any metadata found */
} parser;

static span line_span(parser *p, size_t i) {
  return (span){p->text + p->lines[i].off, p->lines[i].len};
}

static int split_lines(parser *p) {
  size_t cap = 64, n = 0, block = 0;
  int prev_blank = 1;
  line *ls = pt_malloc(cap * sizeof *ls);
  if (!ls) return PT_NOMEM;
  size_t i = 0;
  while (i < p->len || (i == p->len && n == 0 && p->len == 0)) {
    if (p->len == 0) break;
    const char *nl = memchr(p->text + i, '\n', p->len - i);
    size_t end = nl ? (size_t)(nl - p->text) : p->len;
    if (n == cap) {
      line *g = pt_realloc(ls, 2 * cap * sizeof *ls);
      if (!g) {
        pt_free(ls);
        return PT_NOMEM;
      }
      ls = g;
      cap *= 2;
    }
    span t = trim((span){p->text + i, end - i});
    int blank = t.n == 0;
    if (!blank && prev_blank && n) block++;
    ls[n].off = i;
    ls[n].len = end - i;
    ls[n].block = block;
    ls[n].blank = blank;
    prev_blank = blank;
    n++;
    i = end + 1;
  }
  p->lines = ls;
  p->n_lines = n;
  return PT_OK;
}

static char *dup_span(parser *p, span x) {
  char *s = pt_strndup(x.s, x.n);
  if (!s) p->rc = PT_NOMEM;
  return s;
}

static void set_field(parser *p, char **field, span x) {
  if (*field || p->rc) return;
  x = trim(x);
  if (!x.n) return;
  *field = dup_span(p, x);
  if (field != &p->d->title) p->has_meta = 1; /* a title alone is no metadata */
}

static span unquote(span v) {
  v = trim(v);
  if (v.n >= 2 && ((v.s[0] == '"' && v.s[v.n - 1] == '"') ||
                   (v.s[0] == '\'' && v.s[v.n - 1] == '\'')))
    v.s++, v.n -= 2;
  return trim(v);
}

static void add_tag(parser *p, span t) {
  t = unquote(strip_md(t));
  if (!t.n || p->rc) return;
  for (size_t i = 0; i < p->d->n_tags; i++)
    if (strlen(p->d->tags[i]) == t.n && memcmp(p->d->tags[i], t.s, t.n) == 0) return;
  char **g = pt_realloc(p->d->tags, (p->d->n_tags + 1) * sizeof *g);
  if (!g) {
    p->rc = PT_NOMEM;
    return;
  }
  p->d->tags = g;
  char *s = dup_span(p, t);
  if (!s) return;
  g[p->d->n_tags++] = s;
  pt_buf_putc(&p->tags, p->tags.len ? ',' : '[');
  pt_buf_put_json(&p->tags, t.s, t.n);
  p->has_meta = 1;
}

/* "a, b, c" or "[a, b]" */
static void add_tag_list(parser *p, span v) {
  v = trim(v);
  if (v.n && v.s[0] == '[') v.s++, v.n--;
  if (v.n && v.s[v.n - 1] == ']') v.n--;
  size_t st = 0;
  for (size_t i = 0; i <= v.n; i++) {
    if (i == v.n || v.s[i] == ',' || v.s[i] == ';') {
      add_tag(p, (span){v.s + st, i - st});
      st = i + 1;
    }
  }
}

static void set_date(parser *p, const char iso[11]) {
  if (p->d->published || p->rc) return;
  p->d->published = dup_span(p, (span){iso, 10});
  p->has_meta = 1;
}

/* YAML front matter: returns the index of the first line after it, 0 when
** there is none.  Only flat keys and simple lists are read. */
static size_t front_matter(parser *p) {
  if (p->n_lines < 2 || !equals_ci(trim(line_span(p, 0)), "---")) return 0;
  size_t end = 0;
  for (size_t i = 1; i < p->n_lines; i++) {
    span t = trim(line_span(p, i));
    if (equals_ci(t, "---") || equals_ci(t, "...")) {
      end = i;
      break;
    }
  }
  if (!end) return 0;
  int in_tags = 0;
  for (size_t i = 1; i < end && !p->rc; i++) {
    span raw = line_span(p, i), t = trim(raw);
    if (in_tags && t.n >= 1 && t.s[0] == '-' && raw.n && is_blank_byte(raw.s[0]) == is_blank_byte(raw.s[0])) {
      add_tag(p, (span){t.s + 1, t.n - 1});
      continue;
    }
    in_tags = 0;
    size_t colon = 0;
    while (colon < t.n && t.s[colon] != ':') colon++;
    if (colon == t.n) continue;
    span key = trim((span){t.s, colon});
    span v = unquote((span){t.s + colon + 1, t.n - colon - 1});
    char iso[11];
    if (equals_ci(key, "title")) {
      set_field(p, &p->d->title, v);
    } else if (equals_ci(key, "date") || equals_ci(key, "published") ||
               equals_ci(key, "pubdate") || equals_ci(key, "published_at")) {
      if (pt_date_parse(v.s, v.n, iso)) set_date(p, iso);
    } else if (equals_ci(key, "author") || equals_ci(key, "authors") ||
               equals_ci(key, "by")) {
      if (v.n && v.s[0] == '[') { /* [A, B] -> "A and B" is lossy: keep text */
        v.s++, v.n--;
        if (v.n && v.s[v.n - 1] == ']') v.n--;
      }
      set_field(p, &p->d->author, unquote(v));
    } else if (equals_ci(key, "tags") || equals_ci(key, "topics") ||
               equals_ci(key, "keywords") || equals_ci(key, "categories")) {
      if (v.n)
        add_tag_list(p, v);
      else
        in_tags = 1;
    } else if (equals_ci(key, "source") || equals_ci(key, "publisher") ||
               equals_ci(key, "outlet") || equals_ci(key, "blog") ||
               equals_ci(key, "program")) {
      set_field(p, &p->d->source, v);
    } else if (equals_ci(key, "kind") || equals_ci(key, "type") ||
               equals_ci(key, "genre") || equals_ci(key, "format")) {
      const char *k = kind_value(v);
      if (k)
        set_field(p, &p->d->kind, (span){k, strlen(k)});
      else
        set_field(p, &p->d->kind, v);
    }
  }
  p->has_meta = 1;
  return end + 1;
}

/* Short lines that the header skipped, remembered so that repeats of them
** (page captions, keyword lines) are dropped from the body too. */
static void remember_skipped(parser *p, span t) {
  if (p->n_skipped < sizeof p->skipped / sizeof p->skipped[0])
    p->skipped[p->n_skipped++] = t;
}

static int was_skipped(parser *p, span t) {
  for (size_t i = 0; i < p->n_skipped; i++)
    if (p->skipped[i].n == t.n && memcmp(p->skipped[i].s, t.s, t.n) == 0) return 1;
  return 0;
}

/* A line the header phase would take as metadata or chrome. */
static int is_meta_line(parser *p, span t) {
  span m = strip_md(t);
  char iso[11];
  return date_line(m, iso) || kind_of(m) || byline(m).n || is_disclaimer(m) ||
         is_nav_line(m) || is_release_marker(m) || was_skipped(p, t) ||
         equals_ci(m, "more on:");
}

/* Does the rest of the block from line i read as prose (the start of the
** body)?  Metadata lines sharing the block do not count. */
static int block_is_prose(parser *p, size_t i) {
  size_t words = 0;
  span last = {0, 0};
  for (size_t k = i; k < p->n_lines && p->lines[k].block == p->lines[i].block; k++) {
    span t = trim(line_span(p, k));
    if (!t.n || is_meta_line(p, t)) continue;
    words += word_count(t);
    last = t;
  }
  return words >= 20 || (words >= 8 && ends_sentence(last));
}

static int is_tag_line(span t) {
  int c = last_cp(t);
  return t.n && word_count(t) <= 8 && t.n < 80 && c != '.' && c != '!' &&
         c != '?' && c != ':' && c != ',';
}

/* Header phase from line `from`: returns the first body line. */
static size_t header(parser *p, size_t from) {
  int in_tags = 0;
  size_t i = from;
  for (; i < p->n_lines && !p->rc; i++) {
    if (p->lines[i].blank) continue;
    span t = trim(line_span(p, i));
    span m = strip_md(t);
    span rest;
    char iso[11];
    if (in_tags) {
      if (is_tag_line(m) && !date_line(m, iso) && !kind_of(m) && !is_nav_line(m)) {
        add_tag(p, m);
        continue;
      }
      in_tags = 0;
    }
    if (equals_ci(m, "more on:") || equals_ci(m, "topics:") || equals_ci(m, "tags:") ||
        equals_ci(m, "related topics:") || equals_ci(m, "filed under:")) {
      in_tags = 1;
      continue;
    }
    if (has_prefix(m, "tags:", &rest) || has_prefix(m, "topics:", &rest) ||
        has_prefix(m, "filed under:", &rest) || has_prefix(m, "keywords:", &rest)) {
      add_tag_list(p, rest);
      continue;
    }
    if (t.n >= 2 && t.s[0] == '#' && (t.s[1] == ' ' || t.s[1] == '#')) {
      span h = t;
      while (h.n && h.s[0] == '#') h.s++, h.n--;
      if (!p->d->title) {
        set_field(p, &p->d->title, h);
        p->has_meta = 1; /* a Markdown heading is markup, not body */
        continue;
      }
      if (block_is_prose(p, i)) break;
      continue;
    }
    if (!p->d->source && has_prefix(m, "from ", &rest) && word_count(m) <= 16 &&
        !ends_sentence(m) && pt_cp_is_upper(cp_at(trim(rest), 0))) {
      set_field(p, &p->d->source, rest);
      continue;
    }
    if (has_prefix(m, "source:", &rest) || has_prefix(m, "publisher:", &rest)) {
      set_field(p, &p->d->source, rest);
      continue;
    }
    if (date_line(m, iso)) {
      set_date(p, iso);
      continue;
    }
    const char *k = kind_of(m);
    if (k) {
      if (!p->d->kind) set_field(p, &p->d->kind, (span){k, strlen(k)});
      continue;
    }
    span by = byline(m);
    if (by.n) {
      set_field(p, &p->d->author, by);
      continue;
    }
    if (is_release_marker(m)) {
      if (!p->d->kind) set_field(p, &p->d->kind, (span){"Press Release", 13});
      continue;
    }
    if (is_disclaimer(m) || is_nav_line(m) || was_skipped(p, t)) continue;
    /* A title stands alone: its neighbours in the block, if any, are
    ** metadata lines ("Interview" / "Jun. 19, 2017" / "By ..."). */
    int alone = (i + 1 >= p->n_lines || p->lines[i + 1].blank ||
                 is_meta_line(p, trim(line_span(p, i + 1)))) &&
                (i == from || p->lines[i - 1].blank ||
                 is_meta_line(p, trim(line_span(p, i - 1))));
    if (!p->d->title && alone && word_count(m) <= 30) {
      set_field(p, &p->d->title, m);
      continue;
    }
    if (block_is_prose(p, i)) break;
    remember_skipped(p, t);
  }
  return i;
}

/* Appends a body line with page-dump spacing cleaned: no-break spaces become
** plain spaces and zero-width spaces go, as a reader sees them. */
static void put_clean(pt_buf *out, span x) {
  size_t run = 0;
  for (size_t i = 0; i + 1 < x.n; i++) {
    unsigned char c = (unsigned char)x.s[i];
    if (c == 0xC2 && (unsigned char)x.s[i + 1] == 0xA0) {
      pt_buf_put(out, x.s + run, i - run);
      pt_buf_putc(out, ' ');
      run = i + 2;
      i++;
    } else if (c == 0xE2 && i + 2 < x.n && (unsigned char)x.s[i + 1] == 0x80 &&
               (unsigned char)x.s[i + 2] == 0x8B) {
      pt_buf_put(out, x.s + run, i - run);
      run = i + 3;
      i += 2;
    }
  }
  pt_buf_put(out, x.s + run, x.n - run);
}

/* Body phase: copies the paragraphs from line `from`, dropping chrome. */
static void body(parser *p, size_t from, pt_buf *out, size_t limit) {
  size_t cur_block = (size_t)-1;
  size_t last_kept_block = (size_t)-1;
  for (size_t i = from; i < p->n_lines && !p->rc && out->len < limit; i++) {
    if (p->lines[i].blank) continue;
    span t = trim(line_span(p, i));
    if (is_end_marker(t)) break;
    if (is_nav_line(t) || is_disclaimer(t) || is_release_marker(t) ||
        was_skipped(p, t))
      continue;
    span raw = line_span(p, i);
    while (raw.n && is_blank_byte(raw.s[raw.n - 1])) raw.n--;
    if (p->lines[i].block != cur_block) {
      cur_block = p->lines[i].block;
      if (last_kept_block != (size_t)-1) pt_buf_put(out, "\n\n", 2);
    } else if (last_kept_block == cur_block) {
      pt_buf_putc(out, '\n');
    } else if (last_kept_block != (size_t)-1) {
      pt_buf_put(out, "\n\n", 2);
    }
    last_kept_block = cur_block;
    put_clean(out, raw);
  }
  /* Trailing nav lines after the last paragraph are already dropped; a
  ** "More on:" trailer stopped the loop. */
}

void pt_doc_init(pt_doc *d) { memset(d, 0, sizeof *d); }

void pt_doc_reset(pt_doc *d) {
  pt_free(d->title);
  pt_free(d->published);
  pt_free(d->source);
  pt_free(d->kind);
  pt_free(d->author);
  for (size_t i = 0; i < d->n_tags; i++) pt_free(d->tags[i]);
  pt_free(d->tags);
  pt_free(d->tags_json);
  pt_free(d->body);
  pt_doc_init(d);
}

int pt_doc_parse(pt_doc *d, const char *text, size_t len) {
  return pt_doc_parse_ex(d, text, len, PT_DOC_WORDS);
}

int pt_doc_parse_ex(pt_doc *d, const char *text, size_t len, unsigned flags) {
  parser p;
  memset(&p, 0, sizeof p);
  p.text = text;
  p.len = len;
  p.d = d;
  pt_buf_init(&p.tags);
  pt_buf body_buf;
  pt_buf_init(&body_buf);
  p.rc = split_lines(&p);
  if (!p.rc) {
    size_t start = front_matter(&p);
    int fm = start > 0;
    size_t body_from = header(&p, start);
    d->header_ended = body_from < p.n_lines;
    if (!p.has_meta && !fm) {
      /* No metadata at all: the whole text is the body. */
      body_from = start;
    }
    /* Metadata needs only the body's first lines (dateline, fallback title). */
    body(&p, body_from, &body_buf, (flags & PT_DOC_META_ONLY) ? 256 : (size_t)-1);
    if (!d->published && !p.rc) {
      /* A press-release dateline: "WASHINGTON, June 3, 2019 -- ..." */
      char iso[11];
      size_t lim = body_buf.len < 160 ? body_buf.len : 160;
      if (pt_date_find(pt_buf_cstr(&body_buf), lim, iso) < lim) set_date(&p, iso);
    }
    if (!d->title && !p.rc) {
      /* First line of the body, at most 200 bytes. */
      const char *b = pt_buf_cstr(&body_buf);
      const char *nl = memchr(b, '\n', body_buf.len);
      size_t n = nl ? (size_t)(nl - b) : body_buf.len;
      if (n > 200) {
        size_t st;
        n = 200;
        pt_utf8_decode_prev(b, n, &st); /* do not cut a character */
        while (n > 0 && ((unsigned char)b[n] & 0xC0) == 0x80) n--;
      }
      span tt = trim((span){b, n});
      if (tt.n) d->title = dup_span(&p, tt);
    }
  }
  if (!p.rc) {
    if (p.tags.len)
      pt_buf_putc(&p.tags, ']');
    else
      pt_buf_puts(&p.tags, "[]");
    d->tags_json = pt_buf_detach(&p.tags, NULL);
    if (!(flags & PT_DOC_META_ONLY)) {
      d->body = pt_buf_detach(&body_buf, &d->body_len);
      if (!d->body) p.rc = PT_NOMEM;
    }
    if (!d->tags_json) p.rc = PT_NOMEM;
    if (!p.rc && d->body && (flags & PT_DOC_WORDS))
      d->words = pt_count_words(d->body, d->body_len);
  }
  pt_buf_reset(&p.tags);
  pt_buf_reset(&body_buf);
  pt_free(p.lines);
  if (p.rc) pt_doc_reset(d);
  return p.rc;
}
