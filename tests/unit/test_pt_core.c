/*
** test_pt_core.c: unit tests of the plain-C stages SQL cannot reach
** directly: dates, word counts, UTF-8 helpers, buffers, text repair, the
** tokenizer's spans, and the allocator hook (no SQLite here).
*/
#include <stdlib.h>

#include "harness.h"
#include "policytext.h"
#include "pt_entity.h"
#include "pt_token.h"

static const char *date(const char *s) {
  static char iso[11];
  return pt_date_parse(s, strlen(s), iso) ? iso : NULL;
}

typedef struct toks {
  char out[512];
} toks;

static int tok_cb(void *ctx, const char *t, size_t tl, size_t off, size_t len, int kind) {
  toks *k = ctx;
  size_t n = strlen(k->out);
  snprintf(k->out + n, sizeof k->out - n, "%s%.*s%s@%zu+%zu", n ? " " : "", (int)tl, t,
           kind == PT_TOKEN_COMPOUND ? "*" : "", off, len);
  return 0;
}

static const char *tokens(const char *s, unsigned flags) {
  static toks k;
  k.out[0] = 0;
  pt_tokenize(s, strlen(s), flags, tok_cb, &k);
  return k.out;
}

static int n_alloc = 0;
static void *count_malloc(size_t n) { n_alloc++; return malloc(n); }
static void *count_realloc(void *p, size_t n) { n_alloc++; return realloc(p, n); }

int main(void) {
  /* dates */
  CHECK_STR(date("June 25, 2015"), "2015-06-25");
  CHECK_STR(date("Jun. 25, 2015"), "2015-06-25");
  CHECK_STR(date("Sept. 3, 2019"), "2019-09-03");
  CHECK_STR(date("25 June 2015"), "2015-06-25");
  CHECK_STR(date("2015-06-25"), "2015-06-25");
  CHECK_STR(date("2015/06/25"), "2015-06-25");
  CHECK_STR(date("Thursday, June 25, 2015"), "2015-06-25");
  CHECK_STR(date("June 25th, 2015"), "2015-06-25");
  CHECK_STR(date("February 29, 2016"), "2016-02-29");
  CHECK_STR(date("February 29, 2015"), NULL); /* not a leap year */
  CHECK_STR(date("June 31, 2015"), NULL);
  CHECK_STR(date("Junk 25, 2015"), NULL);
  CHECK_STR(date("May 2015"), NULL);
  CHECK_STR(date("12345-06-25"), NULL);
  {
    char iso[11];
    const char *s = "WASHINGTON, June 3, 2019 -- The agency";
    CHECK(pt_date_find(s, strlen(s), iso) == 12);
    CHECK_STR(iso, "2019-06-03");
  }
  /* words */
  CHECK(pt_count_words("", 0) == 0);
  CHECK(pt_count_words("Don't stop the U.S. cyber-enabled plan.", 39) == 6);
  CHECK(pt_count_words("Zoë’s café — 3.5%", strlen("Zoë’s café — 3.5%")) == 3);
  /* UTF-8 */
  {
    size_t adv;
    CHECK(pt_utf8_decode("\xC3\xA9", 2, &adv) == 0xE9 && adv == 2);
    CHECK(pt_utf8_decode("\xC3", 1, &adv) == 0xFFFD && adv == 1);
    CHECK(pt_utf8_decode("\xED\xA0\x80", 3, &adv) == 0xFFFD && adv == 1); /* surrogate */
    CHECK(pt_utf8_decode("\xC0\xAF", 2, &adv) == 0xFFFD);                /* overlong */
    CHECK(pt_utf8_chars("a\xC3\xA9\xE2\x80\x9C", 6) == 3);
    CHECK(pt_utf8_valid_prefix("ab\xff", 3) == 2);
    CHECK(pt_utf8_ascii_run("abcdefghij\xC3\xA9", 12) == 10);
    CHECK(pt_utf8_plain_run("abcdefghijklm\n", 14) == 13);
    size_t st;
    CHECK(pt_utf8_decode_prev("a\xC3\xA9", 3, &st) == 0xE9 && st == 1);
    CHECK(pt_cp_is_upper(0xC9) && pt_cp_is_lower(0xE9) && pt_cp_fold(0xC9) == 0xE9);
    CHECK(pt_cp_strip_accent(0xE9) == 'e');
    CHECK(pt_cp_is_dash(0x2014) && !pt_cp_is_dash('a'));
  }
  /* buffers */
  {
    pt_buf b;
    pt_buf_init(&b);
    pt_buf_puts(&b, "x");
    pt_buf_printf(&b, "%d-%s", 42, "y");
    pt_buf_put_json(&b, "a\"b\\\n\x01", 6);
    pt_buf_put_cp(&b, 0x201C);
    CHECK_STR(pt_buf_cstr(&b), "x42-y\"a\\\"b\\\\\\n\\u0001\"\xE2\x80\x9C");
    size_t n;
    char *s = pt_buf_detach(&b, &n);
    CHECK(s && n == strlen(s) && b.data == NULL);
    pt_free(s);
  }
  /* text repair */
  {
    pt_text t;
    CHECK(pt_text_make(&t, "\xEF\xBB\xBF" "a\r\nb\rc\0d\xff", 12, PT_TEXT_ALL) == PT_OK);
    CHECK_STR(t.utf8, "a\nb\nc\xEF\xBF\xBD" "d\xEF\xBF\xBD");
    CHECK(t.n_invalid == 1 && t.n_nul == 1 && t.first_bad_off == 9 && t.changed);
    pt_text_reset(&t);
    CHECK(pt_text_make(&t, "A\xCC\x8A", 3, PT_TEXT_ALL) == PT_OK); /* A + ring -> Å */
    CHECK_STR(t.utf8, "\xC3\x85");
    pt_text_reset(&t);
    CHECK(pt_text_make(&t, "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", 13, PT_TEXT_ALL) == PT_OK);
    CHECK(!t.changed);
    pt_text_reset(&t);
    size_t bad;
    CHECK(!pt_text_looks_binary("plain text\n", 11, &bad));
    CHECK(pt_text_looks_binary("\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00", 12, &bad));
  }
  /* tokenizer */
  CHECK_STR(tokens("The U.S. and S&ED", PT_TOK_FOLD | PT_TOK_COMPOUND),
            "the@0+3 u.s.*@4+4 u@4+1 s@6+1 and@9+3 s&ed*@13+4 s@13+1 ed@15+2");
  CHECK_STR(tokens("Müller COVID-19", PT_TOK_FOLD | PT_TOK_UNACCENT | PT_TOK_COMPOUND),
            "muller@0+7 covid-19*@8+8 covid@8+5 19@14+2");
  CHECK_STR(tokens("ﬁnance", PT_TOK_FOLD | PT_TOK_NFKC), "finance@0+8");
  CHECK_STR(tokens("cyber-enabled", PT_TOK_FOLD | PT_TOK_COMPOUND), "cyber@0+5 enabled@6+7");
  /* the entity layer refuses spans it cannot walk (out of order, past the
  ** end) instead of stalling, and builds from good ones */
  {
    const char *t = "Sen. Ada Quist said “yes” today.";
    pt_entity_doc d;
    pt_entity_init(&d);
    pt_span bad1[2] = {{20, 3}, {5, 2}}, bad2[1] = {{30, 50}}, good[1] = {{20, 3}};
    CHECK(pt_entity_build(&d, t, strlen(t), bad1, 2, NULL, 0) == PT_MISUSE);
    CHECK(pt_entity_build(&d, t, strlen(t), NULL, 0, bad2, 1) == PT_MISUSE);
    CHECK(pt_entity_build(&d, t, strlen(t), good, 1, NULL, 0) == PT_OK && d.n_ment >= 1);
    CHECK(d.n_ment >= 1 && pt_entity_word_class(&d, d.n_tok - 1) == 0);
    pt_entity_reset(&d);
  }
  /* the allocator hook sees every allocation */
  {
    pt_allocator a = {count_malloc, count_realloc, free};
    pt_mem_set(&a);
    pt_doc d;
    pt_doc_init(&d);
    const char *doc = "Title\n\nBy Jane Doe\n\nA body paragraph with enough words to be prose for sure.";
    CHECK(pt_doc_parse(&d, doc, strlen(doc)) == PT_OK);
    CHECK_STR(d.author, "Jane Doe");
    CHECK(n_alloc > 0);
    pt_doc_reset(&d);
    pt_mem_set(NULL);
  }
  return harness_report("unit/pt_core");
}
