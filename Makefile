# sp: corpus analysis as Unix filters.  GNU make or any make with
# $(wildcard); see README.md for the targets.

VERSION = 0.1.0
PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man

CC = cc
CFLAGS = -std=c11 -O2 -Wall -Wextra -Wpedantic
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DSP_VERSION=\"$(VERSION)\" -Ilib
LDLIBS = -lm -lpthread

# The sanitizer build lives in its own tree so both can coexist.  It also
# builds the portable eight-bytes-at-a-time scans (SP_NO_SSE2) in place of
# the SSE2 ones, so that make check runs every suite through both.  The
# portable build takes the routes of other machines (SP_PORTABLE: no SSE2,
# no compiler builtins, big-endian byte-order routes; lib/swar.h).
SANFLAGS = -std=c11 -O1 -g -fno-omit-frame-pointer -DSP_NO_SSE2 \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-Wall -Wextra -Wpedantic
PORTFLAGS = -std=c11 -O2 -DSP_PORTABLE -Wall -Wextra -Wpedantic

O = build
LIBSRC = $(sort $(wildcard lib/*.c))
LIBOBJ = $(LIBSRC:lib/%.c=$(O)/lib/%.o)
LIBHDR = $(wildcard lib/*.h)
CMDSRC = $(sort $(wildcard cmd/sp-*.c))
PROGS = $(CMDSRC:cmd/%.c=bin/%)
MANS = $(CMDSRC:.c=.1)
UNITSRC = $(sort $(wildcard tests/unit/test_*.c))
UNITS = $(UNITSRC:tests/unit/%.c=$(O)/unit/%)

all: $(PROGS)

bin/%: $(O)/cmd/%.o $(O)/libsp.a
	@mkdir -p bin
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(O)/libsp.a $(LDLIBS)

$(O)/cmd/%.o: cmd/%.c $(LIBHDR)
	@mkdir -p $(O)/cmd
	$(CC) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<

$(O)/lib/%.o: lib/%.c $(LIBHDR)
	@mkdir -p $(O)/lib
	$(CC) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<

$(O)/libsp.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(O)/unit/%: tests/unit/%.c tests/unit/unit.h $(O)/libsp.a
	@mkdir -p $(O)/unit
	$(CC) $(CFLAGS) $(CPPFLAGS) -o $@ $< $(O)/libsp.a $(LDLIBS)

units: $(UNITS)

# make check: unit tests and bats suites against bin/; then again under
# ASan+UBSan, leaving out the suites tagged once (they do not depend on
# the build: build, fuzz replay, man pages, README, report) and with 6
# seeds for the comparison with the references, not 30; then the unit
# tests and the suites tagged portable (cli.bats and the comparison with
# the references) on the portable build.  It ends with the totals,
# skipped tests counted apart, and the time it took.
check: all units
	@start=$$(awk 'BEGIN { srand(); print srand() }'); \
	rm -f build/check.counts; \
	sh tests/run-all.sh plain bin $(O)/unit; s1=$$?; \
	$(MAKE) -s O=build/san CFLAGS="$(SANFLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" sanbins && \
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    SP_REFERENCE_SEEDS=$${SP_REFERENCE_SEEDS:-6} \
	    sh tests/run-all.sh sanitized build/san/bin build/san/unit '!once'; \
	s2=$$?; \
	$(MAKE) -s O=build/portable CFLAGS="$(PORTFLAGS)" sanbins && \
	    sh tests/run-all.sh portable build/portable/bin \
	    build/portable/unit portable; s3=$$?; \
	awk '{ p += $$1; f += $$2; s += $$3 } END { printf "check: %d passed, %d failed, %d skipped\n", p, f, s }' \
	    build/check.counts; \
	end=$$(awk 'BEGIN { srand(); print srand() }'); \
	echo "check: took $$((end - start)) s"; \
	test $$s1 -eq 0 && test $$s2 -eq 0 && test $$s3 -eq 0

sanbins: $(CMDSRC:cmd/%.c=$(O)/bin/%) $(UNITS)

$(O)/bin/%: $(O)/cmd/%.o $(O)/libsp.a
	@mkdir -p $(O)/bin
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(O)/libsp.a $(LDLIBS)

# make report: the main job.  Every table in $(OUT)/ is built from the one
# before it by the sp programs, so "make -j2 report" runs independent steps
# in parallel and a second "make report" does nothing.  CORPUS=dir analyses
# another folder of .txt files (with its own INDEX.tsv, or none).
CORPUS = corpus
OUT = out
TOPICS = 6
DOCS = $(sort $(wildcard $(CORPUS)/*.txt))
INDEX = $(wildcard $(CORPUS)/INDEX.tsv)
KEYTERMS = prevent* extrem* terror* communit*
R = lib/report

report: $(OUT)/report.html $(OUT)/summary.txt

$(OUT)/segments.tsv: $(DOCS) bin/sp-split
	@mkdir -p $(OUT)
	bin/sp-split $(DOCS) > $@.tmp && mv $@.tmp $@

$(OUT)/tokens.tsv: $(OUT)/segments.tsv bin/sp-tokens
	bin/sp-tokens $(OUT)/segments.tsv > $@.tmp && mv $@.tmp $@

# Content words: no stop words, no bare numbers, two letters or more.  The
# stop list is the built-in one plus the words of $(R)/speech-stop.txt,
# which are frequent in speeches whatever their subject ("will", "us").
$(OUT)/stop.txt: bin/sp-tokens $(R)/speech-stop.txt
	@mkdir -p $(OUT)
	{ bin/sp-tokens --print-stop; cat $(R)/speech-stop.txt; } > $@

$(OUT)/content.tsv: $(OUT)/segments.tsv $(OUT)/stop.txt bin/sp-tokens
	bin/sp-tokens --stop=$(OUT)/stop.txt --no-numbers --min-len 2 \
	    $(OUT)/segments.tsv > $@.tmp && mv $@.tmp $@

$(OUT)/sizes.tsv: $(OUT)/segments.tsv $(OUT)/tokens.tsv
	sh $(R)/sizes.sh $(OUT)/segments.tsv $(OUT)/tokens.tsv > $@.tmp && \
	    mv $@.tmp $@

$(OUT)/freq.tsv: $(OUT)/tokens.tsv bin/sp-count
	bin/sp-count --by doc --rel $(OUT)/tokens.tsv > $@.tmp && mv $@.tmp $@

# Count tables by document and by speaker; keyness is computed from them.
$(OUT)/counts-doc.tsv: $(OUT)/content.tsv bin/sp-count
	bin/sp-count --by doc $(OUT)/content.tsv > $@.tmp && mv $@.tmp $@

$(OUT)/counts-speaker.tsv: $(OUT)/content.tsv $(INDEX) bin/sp-count
	sh $(R)/by-speaker.sh "$(INDEX)" $(OUT)/content.tsv | \
	    bin/sp-count --by doc > $@.tmp && mv $@.tmp $@

$(OUT)/keyness-doc.tsv: $(OUT)/counts-doc.tsv bin/sp-count
	sh $(R)/keyness.sh $(OUT)/counts-doc.tsv > $@.tmp && mv $@.tmp $@

$(OUT)/keyness-speaker.tsv: $(OUT)/counts-speaker.tsv bin/sp-count
	sh $(R)/keyness.sh $(OUT)/counts-speaker.tsv > $@.tmp && mv $@.tmp $@

$(OUT)/colloc.tsv: $(OUT)/content.tsv bin/sp-count
	bin/sp-count --colloc --min 3 -n 100 $(OUT)/content.tsv > $@.tmp && \
	    mv $@.tmp $@

$(OUT)/kwic.tsv: $(OUT)/segments.tsv bin/sp-grep
	bin/sp-grep --kwic=50 $(KEYTERMS:%=-e '%') $(OUT)/segments.tsv \
	    > $@.tmp; test $$? -le 1 && mv $@.tmp $@

$(OUT)/keyterms.tsv: $(OUT)/segments.tsv bin/sp-grep
	sh $(R)/keyterms.sh $(OUT)/segments.tsv $(KEYTERMS) > $@.tmp && \
	    mv $@.tmp $@

# Topics are fitted on paragraphs; each document's mix is then inferred
# with the saved model.
$(OUT)/topics.txt: $(OUT)/content.tsv bin/sp-topics
	bin/sp-topics -k $(TOPICS) -n 500 --by para --top 10 \
	    --save $(OUT)/topics.model $(OUT)/content.tsv > $@.tmp && \
	    mv $@.tmp $@

$(OUT)/doc-topics.tsv: $(OUT)/topics.txt $(OUT)/content.tsv
	bin/sp-topics --infer $(OUT)/topics.model --by doc \
	    --doc-topics $@.tmp $(OUT)/content.tsv > /dev/null && \
	    mv $@.tmp $@

REPORT_TABLES = $(OUT)/sizes.tsv $(OUT)/keyness-doc.tsv \
	$(OUT)/keyness-speaker.tsv $(OUT)/topics.txt $(OUT)/doc-topics.tsv \
	$(OUT)/keyterms.tsv $(OUT)/colloc.tsv $(OUT)/kwic.tsv $(OUT)/freq.tsv

$(OUT)/summary.txt: $(REPORT_TABLES) $(R)/summary.sh
	sh $(R)/summary.sh "$(OUT)" "$(INDEX)" > $@.tmp && mv $@.tmp $@
	@cat $@

$(OUT)/report.html: $(REPORT_TABLES) $(R)/html.sh $(R)/html.awk
	CORPUS="$(CORPUS)" sh $(R)/html.sh "$(OUT)" "$(INDEX)" > $@.tmp && \
	    mv $@.tmp $@

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1
	cp -f $(PROGS) $(DESTDIR)$(PREFIX)/bin/
	cp -f $(MANS) $(DESTDIR)$(MANPREFIX)/man1/

uninstall:
	cd $(DESTDIR)$(PREFIX)/bin && rm -f $(PROGS:bin/%=%)
	cd $(DESTDIR)$(MANPREFIX)/man1 && rm -f $(MANS:cmd/%=%)

# make bench: time the tools against the standard ones on ~100 MB of
# English (tests/bench/run.sh); make fuzz: fuzz each parser for
# FUZZ_SECONDS (tests/fuzz/run.sh).  Neither is part of make check.
bench: all
	sh tests/bench/run.sh

fuzz:
	sh tests/fuzz/run.sh

clean:
	rm -rf bin build out

.PHONY: all check units sanbins install uninstall bench fuzz clean report
.SECONDARY:
