# policytext: a loadable SQLite extension for reading policy documents.
#
#   make            build ./policytext.so
#   make test       run the test suite (tests/run.sh)
#   make asan-test  the suite under AddressSanitizer + UBSan (same as SANITIZE=1 make test)
#   make valgrind-test  the suite under valgrind memcheck
#   make demo       example queries over the bundled sample corpus
#   make eval       accuracy against ../shared data (skips when absent)
#   make bench      throughput against SQLite's own floors
#   make deps       install the Debian/Ubuntu packages needed to build and test
#   make install    PREFIX=/usr/local (also DESTDIR); make uninstall
#   make clean

PREFIX ?= /usr/local
CC ?= cc
CFLAGS ?= -O3 -g
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
PKGS = sqlite3 libutf8proc
DEBS = build-essential pkg-config sqlite3 libsqlite3-dev libutf8proc-dev python3 \
       tcl libsqlite3-tcl libdbd-sqlite3-perl

HAVE_PKGS := $(shell pkg-config --exists $(PKGS) 2>/dev/null && echo yes)
ifeq ($(HAVE_PKGS),yes)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
UTF8PROC_LIBS := $(shell pkg-config --libs libutf8proc) -lm
SQLITE_LIBS := $(shell pkg-config --libs sqlite3)
endif

# SANITIZE=1: build everything with clang's ASan+UBSan into build/asan.
ifeq ($(SANITIZE),1)
CC = clang
BUILD = build/asan
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
CFLAGS = -O1 -g
else
BUILD = build/release
SANFLAGS =
# LTO=-flto=auto optimises across files; off by default: it measured no
# faster on make bench and triples the build time.
LTO ?=
endif

SO = $(if $(filter 1,$(SANITIZE)),$(BUILD)/policytext.so,policytext.so)
HOST = $(BUILD)/pthost
STRESS = $(BUILD)/stress
UNITS = $(patsubst tests/unit/%.c,$(BUILD)/%,$(wildcard tests/unit/test_*.c))
SRCS = $(sort $(wildcard ext/*.c))
OBJS = $(SRCS:ext/%.c=$(BUILD)/%.o)
ALL_CFLAGS = $(CFLAGS) $(LTO) $(WARN) -fPIC -fvisibility=hidden -Iinclude $(PKG_CFLAGS) $(SANFLAGS) -MMD -MP

.PHONY: all check-deps deps test asan-test valgrind-test demo eval bench clean install uninstall lint fuzz fuzz-build tsan-test bench-scale lexicons
all: check-deps $(SO) $(HOST) $(STRESS) $(UNITS)

check-deps:
ifneq ($(HAVE_PKGS),yes)
	@echo "policytext needs pkg-config, SQLite 3 and utf8proc development files." >&2
	@echo "On Debian/Ubuntu:  sudo apt-get install $(DEBS)   (or: make deps)" >&2
	@exit 1
endif

deps:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(DEBS) $(EXTRA_DEBS)

$(BUILD)/%.o: ext/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD):
	@mkdir -p $@

# Generated tables are committed; these rules remake them when their data changes.
ext/pt_segment_lexicon.inc: sql/lexicons/abbreviations.txt tools/lexicon_inc.awk
	LC_ALL=C sort -u sql/lexicons/abbreviations.txt | awk -f tools/lexicon_inc.awk > $@.tmp && mv $@.tmp $@
$(BUILD)/pt_segment.o: ext/pt_segment_lexicon.inc

# The built-in topic schemes: sql/lexicons/*.tsv compiled into a committed
# table (like cmark's entities.inc), regenerated when the data changes.
TOPIC_LEXICONS = $(wildcard sql/lexicons/schemes.tsv sql/lexicons/cap*.tsv sql/lexicons/place*.tsv sql/lexicons/issue*.tsv)
ext/pt_topic_data.inc: tools/gen_lexicons.py $(TOPIC_LEXICONS)
	python3 tools/gen_lexicons.py sql/lexicons $@
$(BUILD)/pt_topic.o: ext/pt_topic_data.inc

# Lexicons (sql/lexicons/*.tsv) are compiled in; the generated table is
# committed so a build needs no Python.  `make lexicons` forces it.
LEXICONS = $(addprefix sql/lexicons/,cues.tsv titles.tsv pronouns.tsv firstnames.tsv stopcaps.tsv orgwords.tsv abbreviations.txt placenames.tsv geowords.tsv closedwords.tsv)
ext/pt_lexicon_quotes.inc: $(LEXICONS) tools/gen_lexicon.py
	python3 tools/gen_lexicon.py sql/lexicons $@
$(BUILD)/pt_entity.o: ext/pt_lexicon_quotes.inc
lexicons:
	python3 tools/gen_lexicon.py sql/lexicons ext/pt_lexicon_quotes.inc
	python3 tools/gen_lexicons.py sql/lexicons ext/pt_topic_data.inc

$(SO): $(OBJS)
	$(CC) $(CFLAGS) $(LTO) $(SANFLAGS) -shared -o $@ $(OBJS) $(UTF8PROC_LIBS) $(LDFLAGS)

# The test host: a tiny SQL shell with the extension linked in, so that the
# whole suite runs inside one instrumented process under SANITIZE=1.
$(HOST): tests/pthost.c $(OBJS) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ tests/pthost.c $(OBJS) $(SQLITE_LIBS) $(UTF8PROC_LIBS) $(LDFLAGS)

# C unit tests of the plain analysis stages (no SQLite).
$(BUILD)/test_%: tests/unit/test_%.c tests/unit/harness.h $(OBJS) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(filter-out $(BUILD)/policytext.o $(BUILD)/pt_sql_%.o,$(OBJS)) $(UTF8PROC_LIBS) $(LDFLAGS)

$(STRESS): tests/stress.c $(OBJS) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ tests/stress.c $(OBJS) $(SQLITE_LIBS) $(UTF8PROC_LIBS) -lpthread $(LDFLAGS)

# ThreadSanitizer build of the stress program: 8 threads, every function.
TSAN = build/tsan
$(TSAN)/stress: tests/stress.c $(SRCS) | check-deps
	@mkdir -p $(TSAN)
	clang -O1 -g -fsanitize=thread -Iinclude $(PKG_CFLAGS) -o $@ tests/stress.c $(SRCS) $(SQLITE_LIBS) $(UTF8PROC_LIBS) -lpthread

tsan-test: $(TSAN)/stress
	@rm -f $(TSAN)/threads.db && $(TSAN)/stress threads $(TSAN)/threads.db

test: all
	@SO=$(SO) HOST=$(HOST) STRESS=$(STRESS) UNITS="$(UNITS)" SANITIZE=$(SANITIZE) VALGRIND=$(VALGRIND) bash tests/run.sh

asan-test:
	@$(MAKE) --no-print-directory SANITIZE=1 test

valgrind-test: all
	@SO=$(SO) HOST=$(HOST) STRESS=$(STRESS) UNITS="$(UNITS)" VALGRIND=1 bash tests/run.sh

demo: all
	@sqlite3 -header -column -cmd '.load ./policytext' :memory: < sql/examples/demo.sql

eval: all
	@bash tests/eval/run.sh

bench: all
	@bash bench/run.sh

# 10,000 files / 1 GB made in a temp folder (needs ~2 GB free in TMPDIR).
bench-scale: all
	@python3 bench/scale.py

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), each run FUZZ_SECONDS.
FUZZ_SECONDS ?= 30
FUZZ_BUILD = build/fuzz
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_OBJS = $(SRCS:ext/%.c=$(FUZZ_BUILD)/%.o)
FUZZ_BINS = $(patsubst tests/fuzz/%.c,$(FUZZ_BUILD)/%,$(wildcard tests/fuzz/fuzz_*.c))

$(FUZZ_BUILD)/%.o: ext/%.c | $(FUZZ_BUILD)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(WARN) -fPIC -Iinclude $(PKG_CFLAGS) -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -Iinclude $(PKG_CFLAGS) -o $@ $< $(FUZZ_OBJS) $(SQLITE_LIBS) $(UTF8PROC_LIBS)

$(FUZZ_BUILD):
	@mkdir -p $@

fuzz-build: check-deps $(FUZZ_BINS)

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run.sh $(FUZZ_BINS)

lint:
	@! grep -l 'sqlite3ext.h\|sqlite3.h' $$(ls ext/*.c | grep -v '/pt_sql_\|/policytext.c') || \
	  (echo "lint: only pt_sql_*.c and policytext.c may include SQLite headers" >&2; exit 1)

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/sqlite3 $(DESTDIR)$(PREFIX)/include/policytext \
	  $(DESTDIR)$(PREFIX)/share/doc/policytext $(DESTDIR)$(PREFIX)/share/policytext/sql
	install -m 755 policytext.so $(DESTDIR)$(PREFIX)/lib/sqlite3/policytext.so
	install -m 644 include/*.h $(DESTDIR)$(PREFIX)/include/policytext/
	install -m 644 README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/policytext/
	cp -R sql/. $(DESTDIR)$(PREFIX)/share/policytext/sql/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/sqlite3/policytext.so
	rm -rf $(DESTDIR)$(PREFIX)/include/policytext $(DESTDIR)$(PREFIX)/share/doc/policytext \
	  $(DESTDIR)$(PREFIX)/share/policytext

clean:
	rm -rf build policytext.so

-include $(OBJS:.o=.d)
