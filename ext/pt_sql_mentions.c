/*
** pt_sql_mentions.c: mentions(text), the entity layer as rows.
**
**   SELECT name, type, mention, role FROM mentions('Secretary of State John Kerry met Mr. Yang. Kerry said he was hopeful.');
**   SELECT name, count(*) FROM docs, mentions(docs.body) WHERE type = 'person' GROUP BY name;
**
** One row per mention of a person or organisation outside quotations, in
** reading order: `name` the canonical (fullest) name of the entity it links
** to (a pronoun with no antecedent gives no row), `type` person, org,
** acronym or place (a name of the place lexicon, sql/lexicons/placenames.tsv);
** a capitalised name that is none of these, and any name on a heading or
** metadata line (a line with no lower-case word but "of", "and"...), gives
** no row;
** `mention` the words as written (titles included: "Secretary Kerry", "he",
** "the secretary"), `role` the entity's role, `start`/`length` 1-based
** character position and length of the mention, `sentence` and `paragraph`
** 1-based.  Built on the same analysis as quotes() (pt_quote_extract, then
** the entity layer of pt_entity.h), so names agree with quotes().speaker.
** NULL gives no rows; a BLOB is an error; the text ends at a NUL.
*/
#include <string.h>

#include "pt_mem.h"
#include "pt_quote.h"
#include "pt_segment.h"
#include "pt_sql.h"
#include "pt_utf8.h"

enum { COL_NAME, COL_TYPE, COL_MENTION, COL_ROLE, COL_START, COL_LENGTH, COL_SENTENCE,
       COL_PARAGRAPH, COL_TEXT };

#define SCHEMA                                                                 \
  "CREATE TABLE x(name TEXT, type TEXT, mention TEXT, role TEXT, start INTEGER, " \
  "length INTEGER, sentence INTEGER, paragraph INTEGER, text TEXT HIDDEN)"

typedef struct mentions_cursor {
  sqlite3_vtab_cursor base;
  char *text;            /* pt_malloc'd copy of the argument */
  size_t len;
  pt_quote_list l;       /* quotations and the entity layer */
  int32_t *sentence;     /* 1-based sentence of each mention (pt_malloc) */
  int32_t *paragraph;    /* 1-based paragraph of each mention (pt_malloc) */
  signed char *kind;     /* K_ type of each mention, K_SKIP: no row (pt_malloc) */
  size_t i;              /* current mention */
  pt_charpos pos;        /* byte -> character positions in text */
} mentions_cursor;

enum { K_SKIP, K_PERSON, K_ORG, K_PLACE, K_ACRONYM };
static const char *const kind_name[] = {NULL, "person", "org", "place", "acronym"};

static int is_function_word(const char *w, size_t n) {
  static const char *const fw[] = {"a", "an", "the", "of", "and", "or", "for", "on", "in", "at",
                                   "to", "by", "with", "from", "vs", "de", "du", "la", "le", NULL};
  for (int k = 0; fw[k]; k++)
    if (strlen(fw[k]) == n && !memcmp(fw[k], w, n)) return 1;
  return 0;
}

/* Is the line text[ls, le) a heading or metadata line ("Was There Progress
** on Cyber at the U.S.-China Strategic and Economic Dialogue?", "Blog
** Post", "China")?  True when it has a capitalised word, no lower-case word
** but function words, and does not end with a full stop. */
static int heading_line(const char *t, size_t ls, size_t le) {
  int cap = 0, lower = 0;
  size_t i = ls, last = le;
  while (last > ls && (t[last - 1] == ' ' || t[last - 1] == '\t' || t[last - 1] == '\r')) last--;
  if (last > ls && t[last - 1] == '.') return 0;
  while (i < le) {
    while (i < le && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r')) i++;
    size_t ws = i;
    while (i < le && t[i] != ' ' && t[i] != '\t' && t[i] != '\r') i++;
    size_t we = i, k = ws;
    /* first letter of the word, past opening punctuation */
    while (k < we) {
      size_t adv = 1;
      int cp = (unsigned char)t[k];
      if (cp >= 0x80) cp = pt_utf8_decode(t + k, we - k, &adv);
      if (pt_cp_is_letter(cp) || (cp >= '0' && cp <= '9')) {
        if (cp >= '0' && cp <= '9') break;
        if (pt_cp_is_upper(cp)) cap++;
        else if (!is_function_word(t + k, we - k)) lower++;
        break;
      }
      k += adv;
    }
    if (lower) return 0;
  }
  return cap > 0;
}

/* The row type of mention m, or K_SKIP when it gives no row. */
static int mention_kind(const pt_entity_doc *d, const pt_mention *m) {
  if (m->ent < 0) return K_SKIP; /* a pronoun with no antecedent */
  const pt_entity *e = &d->ent[m->ent];
  if (!e->name_len) return K_SKIP;
  const char *nm = d->text + e->name_off;
  size_t nl = e->name_len;
  int place = (pt_lex_lookup(nm, nl, NULL, NULL) & PT_LEX_PLACE) != 0;
  if (e->type == PT_ENT_PERSON && e->place && m->type == PT_MENT_NAME) return K_PLACE; /* "South China Sea" */
  if (e->type == PT_ENT_ORG) {
    if (place) return K_PLACE; /* "the U.S." */
    int lower = 0;
    for (size_t k = 0; k < nl; k++)
      if ((nm[k] >= 'a' && nm[k] <= 'z') || nm[k] == ' ') lower = 1;
    return lower ? K_ORG : K_ACRONYM; /* "CNN", "S&ED" */
  }
  if (place && !e->role_len && m->type != PT_MENT_PRONOUN) return K_PLACE;
  if (e->person || e->gender || m->type == PT_MENT_PRONOUN || m->type == PT_MENT_TITLE) return K_PERSON;
  if (place) return K_PLACE;
  /* "Congress", "Senate": one organisation word */
  const char *w = nm + nl;
  while (w > nm && w[-1] != ' ') w--;
  if (pt_lex_lookup(w, (size_t)(nm + nl - w), NULL, NULL) & PT_LEX_ORGWORD) return K_ORG;
  return K_SKIP; /* a capitalised word with no sign of what it is */
}

/* Numbers each mention with the sentence that holds it (or, between two,
** the next one) and that sentence's paragraph. */
typedef struct sent_walk {
  const pt_entity_doc *d;
  int32_t *sentence, *paragraph; /* out, one per mention */
  size_t m;                      /* next mention */
  int32_t n;                     /* sentences seen */
  int32_t para;                  /* paragraph of the last one */
} sent_walk;

static int on_sentence(void *ctx, const pt_segment *seg) {
  sent_walk *w = ctx;
  w->n++;
  w->para = (int32_t)seg->paragraph;
  while (w->m < w->d->n_ment && w->d->ment[w->m].byte_off < seg->byte_off + seg->byte_len) {
    w->sentence[w->m] = w->n;
    w->paragraph[w->m] = w->para;
    w->m++;
  }
  return w->m < w->d->n_ment ? 0 : 1; /* stop once every mention has one */
}

static int mentions_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                          sqlite3_vtab **pp, char **err) {
  (void)aux, (void)argc, (void)argv, (void)err;
  return pt_sql_tvf_connect(db, SCHEMA, pp);
}

static int mentions_open(sqlite3_vtab *v, sqlite3_vtab_cursor **pp) {
  (void)v;
  mentions_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  pt_quote_init(&c->l);
  *pp = &c->base;
  return SQLITE_OK;
}

static void cursor_clear(mentions_cursor *c) {
  pt_free(c->text);
  pt_free(c->sentence);
  pt_free(c->paragraph);
  pt_free(c->kind);
  c->text = NULL;
  c->sentence = NULL;
  c->paragraph = NULL;
  c->kind = NULL;
  c->len = 0;
  c->l.n = 0;
  c->l.ents.n_ment = 0;
  c->i = 0;
  c->pos = (pt_charpos){NULL, 0, 0};
}

static int mentions_close(sqlite3_vtab_cursor *cur) {
  mentions_cursor *c = (mentions_cursor *)cur;
  cursor_clear(c);
  pt_quote_reset(&c->l);
  sqlite3_free(c);
  return SQLITE_OK;
}

static int mentions_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxStr, int argc,
                           sqlite3_value **argv) {
  (void)idxStr;
  mentions_cursor *c = (mentions_cursor *)cur;
  cursor_clear(c);
  if (idx == 0 || argc < 1) return SQLITE_OK;
  int rc = pt_sql_tvf_text_arg(cur->pVtab, "mentions", 1, argv[0], &c->text, &c->len);
  if (rc != SQLITE_OK || !c->text) return rc;
  c->pos.text = c->text;
  c->l.keep_entities = 1; /* a text without quotations still has mentions */
  rc = pt_quote_extract(&c->l, c->text, c->len);
  if (rc == PT_NOMEM) return SQLITE_NOMEM;
  if (rc) {
    pt_sql_vtab_error(cur->pVtab, "mentions: %s", pt_errmsg(rc));
    return SQLITE_ERROR;
  }
  /* Sentence and paragraph numbers from the sentence splitter, so they are
  ** those of sentences(): one walk, mentions in text order. */
  const pt_entity_doc *d = &c->l.ents;
  if (d->n_ment) {
    c->sentence = pt_malloc(d->n_ment * sizeof(int32_t));
    c->paragraph = pt_malloc(d->n_ment * sizeof(int32_t));
    if (!c->sentence || !c->paragraph) return SQLITE_NOMEM;
    sent_walk w = {d, c->sentence, c->paragraph, 0, 0, 1};
    pt_sentences_each(c->text, c->len, on_sentence, &w);
    for (size_t m = w.m; m < d->n_ment; m++) { /* after the last sentence */
      c->sentence[m] = w.n ? w.n : 1;
      c->paragraph[m] = w.para;
    }
    /* Row types; mentions on heading lines give none.  Mentions come in
    ** text order, so each line is scanned once. */
    c->kind = pt_malloc(d->n_ment);
    if (!c->kind) return SQLITE_NOMEM;
    size_t ls = 0, le = 0;
    int head = 0;
    for (size_t m = 0; m < d->n_ment; m++) {
      const pt_mention *mm = &d->ment[m];
      if (mm->byte_off >= le || m == 0) {
        ls = mm->byte_off;
        while (ls > 0 && c->text[ls - 1] != '\n') ls--;
        le = mm->byte_off;
        while (le < c->len && c->text[le] != '\n') le++;
        head = heading_line(c->text, ls, le);
      }
      c->kind[m] = (signed char)(head ? K_SKIP : mention_kind(d, mm));
    }
    while (c->i < d->n_ment && c->kind[c->i] == K_SKIP) c->i++;
  }
  return SQLITE_OK;
}

static int mentions_next(sqlite3_vtab_cursor *cur) {
  mentions_cursor *c = (mentions_cursor *)cur;
  c->i++;
  while (c->i < c->l.ents.n_ment && c->kind && c->kind[c->i] == K_SKIP) c->i++;
  return SQLITE_OK;
}

static int mentions_eof(sqlite3_vtab_cursor *cur) {
  mentions_cursor *c = (mentions_cursor *)cur;
  return c->i >= c->l.ents.n_ment;
}

static int mentions_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  mentions_cursor *c = (mentions_cursor *)cur;
  const pt_entity_doc *d = &c->l.ents;
  const pt_mention *m = &d->ment[c->i];
  const pt_entity *e = m->ent >= 0 ? &d->ent[m->ent] : NULL;
  size_t off = m->byte_off, len = m->byte_len;
  if (col == COL_MENTION || col == COL_START || col == COL_LENGTH)
    pt_utf8_snap(c->text, c->len, &off, &len); /* (moves only on invalid UTF-8) */
  switch (col) {
    case COL_NAME:
      if (e) sqlite3_result_text64(ctx, c->text + e->name_off, e->name_len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case COL_TYPE:
      if (c->kind && kind_name[c->kind[c->i]])
        sqlite3_result_text(ctx, kind_name[c->kind[c->i]], -1, SQLITE_STATIC);
      break;
    case COL_MENTION:
      sqlite3_result_text64(ctx, c->text + off, len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case COL_ROLE:
      if (e && e->role_len)
        sqlite3_result_text64(ctx, c->text + e->role_off, e->role_len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case COL_START: sqlite3_result_int64(ctx, pt_charpos_at(&c->pos, off) + 1); break;
    case COL_LENGTH:
      sqlite3_result_int64(ctx, (sqlite3_int64)pt_utf8_chars(c->text + off, len));
      break;
    case COL_SENTENCE: sqlite3_result_int(ctx, c->sentence ? c->sentence[c->i] : 1); break;
    case COL_PARAGRAPH: sqlite3_result_int(ctx, c->paragraph ? c->paragraph[c->i] : 1); break;
    case COL_TEXT:
      if (c->text) sqlite3_result_text64(ctx, c->text, c->len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    default: break;
  }
  return SQLITE_OK;
}

static int mentions_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = (sqlite3_int64)((mentions_cursor *)cur)->i + 1;
  return SQLITE_OK;
}

static int mentions_best_index(sqlite3_vtab *v, sqlite3_index_info *info) {
  (void)v;
  return pt_sql_tvf_best_index(info, COL_TEXT, 50);
}

static sqlite3_module mentions_module = {
    0,                   /* iVersion */
    0,                   /* xCreate: eponymous only */
    mentions_connect,    /* xConnect */
    mentions_best_index, /* xBestIndex */
    pt_sql_tvf_disconnect, /* xDisconnect */
    0,                   /* xDestroy */
    mentions_open,       /* xOpen */
    mentions_close,      /* xClose */
    mentions_filter,     /* xFilter */
    mentions_next,       /* xNext */
    mentions_eof,        /* xEof */
    mentions_column,     /* xColumn */
    mentions_rowid,      /* xRowid */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

int pt_sql_register_mentions(sqlite3 *db) {
  return sqlite3_create_module(db, "mentions", &mentions_module, NULL);
}
