# sp: corpus analysis as Unix filters.  GNU make or any make with
# $(wildcard) (make report: GNU make 4.3 or later); see README.md for the
# targets.

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

$(O)/unit/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(O)/libsp.a
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
# The builds take both cores unless make was given -j itself.
J2 = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j2)

check:
	@start=$$(awk 'BEGIN { srand(); print srand() }'); \
	$(MAKE) -s $(J2) all units || exit 2; \
	rm -f build/check.counts; \
	sh tests/run-all.sh plain bin $(O)/unit; s1=$$?; \
	$(MAKE) -s $(J2) O=build/san CFLAGS="$(SANFLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" sanbins && \
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    SP_REFERENCE_SEEDS=$${SP_REFERENCE_SEEDS:-6} \
	    sh tests/run-all.sh sanitized build/san/bin build/san/unit '!once'; \
	s2=$$?; \
	$(MAKE) -s $(J2) O=build/portable CFLAGS="$(PORTFLAGS)" sanbins && \
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

# make report: the main job (README, "The main job: make report").  Every
# table in $(OUT)/ is built from those before it, so "make -j2 report" runs
# independent steps in parallel, and a second "make report" does nothing.
# The settings (make help lists them):
CORPUS = corpus
META = $(wildcard $(CORPUS)/INDEX.tsv)
GROUP = speaker
DATE = auto
PERIOD = year
KEYTERMS =
TOPICS = 6
SWEEPS = 500
FIT = 200000
OUT = out

R = lib/report
S = $(OUT)/set
# The documents as make sees them.  A name make cannot take (white space,
# a colon) is left out here, and check.sh stops on it before any work.
safe = $(foreach f,$1,$(if $(findstring :,$f),,$f))
INPUTS = $(call safe,$(if $(wildcard $(CORPUS)/.),$(wildcard \
	$(sort $(wildcard $(CORPUS)/*.txt))),$(wildcard $(CORPUS))))
# A value as one word of a recipe, between single quotes, whatever it
# holds: settings reach the scripts in the environment, never unquoted.
q = '$(subst ','\'',$1)'
GIVEN = $(foreach v,CORPUS META GROUP DATE PERIOD KEYTERMS TOPICS SWEEPS \
	FIT OUT,$(if $(filter command line,$(origin $v)),$v))

report: $(OUT)/report.html $(OUT)/summary.txt
	@cat $(OUT)/summary.txt

# Run every time: check the settings and inputs, and rewrite each stamp
# in $(S)/ only when what it records has changed (check.sh).  A rule
# with several targets made at once ("&:") needs GNU make 4.3.
$(S)/inputs $(S)/group $(S)/period $(S)/keyterms $(S)/topics \
    $(S)/covariates $(OUT)/settings.tsv &: FORCE bin/sp-count bin/sp-grep \
    bin/sp-split $(R)/check.sh $(R)/keyterms.sh
	@$(if $(filter grouped-target,$(.FEATURES)),,echo "make report: \
	    needs GNU make 4.3 or later; this is make $(MAKE_VERSION)" >&2; \
	    exit 2;) CORPUS=$(call q,$(CORPUS)) META=$(call q,$(META)) \
	    GROUP=$(call q,$(GROUP)) DATE=$(call q,$(DATE)) \
	    PERIOD=$(call q,$(PERIOD)) KEYTERMS=$(call q,$(value KEYTERMS)) \
	    TOPICS=$(call q,$(TOPICS)) SWEEPS=$(call q,$(SWEEPS)) \
	    FIT=$(call q,$(FIT)) OUT=$(call q,$(OUT)) GIVEN='$(GIVEN)' \
	    sh $(R)/check.sh

$(OUT)/segments.tsv $(OUT)/ids.txt $(OUT)/split.log &: $(S)/inputs \
    $(INPUTS) bin/sp-split $(R)/split.sh
	@echo 'make report: sentences (sp-split)'
	@sh $(R)/split.sh "$(CORPUS)" "$(OUT)"

# Content words: no stop words, no bare numbers, two letters or more.  The
# stop list is the built-in one plus the words of $(R)/speech-stop.txt,
# which are frequent in speeches whatever their subject ("will", "us").
$(OUT)/stop.txt: bin/sp-tokens $(R)/speech-stop.txt | $(S)/inputs
	@bin/sp-tokens --print-stop > $@ && cat $(R)/speech-stop.txt >> $@

$(OUT)/content.tsv: $(OUT)/segments.tsv $(OUT)/stop.txt bin/sp-tokens
	@echo 'make report: content words (sp-tokens)'
	@bin/sp-tokens --stop=$(OUT)/stop.txt --no-numbers --min-len 2 \
	    $(OUT)/segments.tsv > $@

# Each document's group, period and size; the groups (largest first) and
# the periods (in order) with their sizes.
$(OUT)/docs.tsv $(OUT)/docs.log &: $(OUT)/segments.tsv $(OUT)/ids.txt \
    $(S)/group $(S)/period $(call safe,$(META)) bin/sp-tokens bin/sp-count \
    $(R)/docs.sh
	@echo 'make report: documents, groups and periods'
	@sh $(R)/docs.sh "$(OUT)"

$(OUT)/groups.tsv: $(OUT)/docs.tsv $(R)/sizes.sh
	@sh $(R)/sizes.sh $(OUT)/docs.tsv 2 > $@

$(OUT)/periods.tsv: $(OUT)/docs.tsv $(R)/sizes.sh
	@sh $(R)/sizes.sh $(OUT)/docs.tsv 3 > $@

# Content-word counts and keyness of every group (period) against the
# rest, each in one pass over its table.  They depend on the stamps of
# the settings they use, not on settings.tsv, which every setting changes.
$(OUT)/counts-group.tsv: $(OUT)/content.tsv $(S)/group $(call safe,$(META)) \
    bin/sp-count $(R)/count-by.sh
	@echo 'make report: counts by group (sp-count --meta)'
	@sh $(R)/count-by.sh $(OUT) group $(OUT)/content.tsv > $@

$(OUT)/counts-period.tsv: $(OUT)/content.tsv $(S)/period $(call safe,$(META)) \
    bin/sp-count $(R)/count-by.sh
	@echo 'make report: counts by period (sp-count --meta)'
	@sh $(R)/count-by.sh $(OUT) period $(OUT)/content.tsv > $@

# Keyness of every group against the rest, in one run of sp-count.  A
# table of one group (or none) has no reference: its keyness is empty.
$(OUT)/keyness-group.tsv: $(OUT)/counts-group.tsv bin/sp-count
	@echo 'make report: keyness of each group'
	@if [ "$$(cut -f1 $< | uniq | sed -n '2{p;q;}')" ]; then \
	    bin/sp-count --from-counts --keyness-all -n 20 $< > $@; \
	    else : > $@; fi

$(OUT)/keyness-period.tsv: $(OUT)/counts-period.tsv bin/sp-count
	@echo 'make report: keyness of each period'
	@if [ "$$(cut -f1 $< | uniq | sed -n '2{p;q;}')" ]; then \
	    bin/sp-count --from-counts --keyness-all -n 20 $< > $@; \
	    else : > $@; fi

# The key terms (KEYTERMS, or chosen from the keywords of the largest
# groups) as a dictionary, TERM TAB PATTERN; their matches per document
# and their concordance.
$(OUT)/keyterms.dict: $(S)/keyterms $(OUT)/keyness-group.tsv \
    $(OUT)/groups.tsv $(R)/keyterms.sh
	@echo 'make report: key terms'
	@sh $(R)/keyterms.sh dict "$(OUT)" > $@

$(OUT)/keyterms.tsv: $(OUT)/keyterms.dict $(OUT)/segments.tsv bin/sp-grep
	@echo 'make report: key terms per document (sp-grep)'
	@if [ -s $(OUT)/keyterms.dict ]; then \
	    bin/sp-grep -c --dict $(OUT)/keyterms.dict $(OUT)/segments.tsv \
	    > $@ || test $$? -eq 1; else : > $@; fi

$(OUT)/kwic.tsv: $(OUT)/keyterms.dict $(OUT)/segments.tsv bin/sp-grep
	@echo 'make report: concordance (sp-grep)'
	@if [ -s $(OUT)/keyterms.dict ]; then \
	    bin/sp-grep --kwic=60 --dict $(OUT)/keyterms.dict \
	    $(OUT)/segments.tsv > $@ || test $$? -eq 1; else : > $@; fi

$(OUT)/kwic-sample.tsv: $(OUT)/kwic.tsv $(OUT)/docs.tsv $(R)/kwic-sample.awk
	@awk -F '\t' -v per=6 -v width=60 -v show=40 \
	    -f $(R)/kwic-sample.awk \
	    $(OUT)/docs.tsv $(OUT)/keyterms.dict $< $< > $@

$(OUT)/colloc.tsv: $(OUT)/content.tsv bin/sp-count
	@echo 'make report: collocations (sp-count)'
	@bin/sp-count --colloc --min 3 -n 100 $(OUT)/content.tsv > $@

# Topics are fitted on paragraphs (a sample of FIT tokens at most), with
# the group and the year as covariates when the metadata has them, so a
# change of the table, GROUP or DATE refits the model (PERIOD does not);
# each document's mix is then inferred with the saved model.
$(OUT)/topics.txt $(OUT)/topics.model $(OUT)/fit.tsv $(OUT)/effects.tsv \
    $(OUT)/lambda.tsv &: $(OUT)/content.tsv $(S)/topics $(S)/covariates \
    $(call safe,$(META)) bin/sp-topics $(R)/topics.sh
	@echo 'make report: topic model (sp-topics)'
	@sh $(R)/topics.sh "$(OUT)"

$(OUT)/doc-topics.tsv: $(OUT)/topics.model $(OUT)/fit.tsv $(OUT)/content.tsv \
    $(call safe,$(META)) $(R)/doc-topics.sh
	@echo 'make report: topic mix of each document (sp-topics)'
	@sh $(R)/doc-topics.sh "$(OUT)"

$(OUT)/warnings.txt: $(OUT)/split.log $(OUT)/docs.log $(R)/warnings.sh
	@sh $(R)/warnings.sh "$(OUT)" > $@

REPORT_TABLES = $(OUT)/settings.tsv $(OUT)/docs.tsv $(OUT)/groups.tsv \
	$(OUT)/periods.tsv $(OUT)/keyness-group.tsv $(OUT)/keyness-period.tsv \
	$(OUT)/keyterms.dict $(OUT)/keyterms.tsv $(OUT)/kwic-sample.tsv \
	$(OUT)/colloc.tsv $(OUT)/topics.txt $(OUT)/fit.tsv $(OUT)/effects.tsv \
	$(OUT)/doc-topics.tsv $(OUT)/warnings.txt $(OUT)/stop.txt

$(OUT)/summary.txt: $(REPORT_TABLES) $(R)/summary.sh
	@sh $(R)/summary.sh "$(OUT)" > $@

$(OUT)/report.html: $(REPORT_TABLES) $(OUT)/summary.txt $(R)/html.sh \
    $(R)/html.awk
	@echo 'make report: the page'
	@sh $(R)/html.sh "$(OUT)" > $@

# make help: the settings of make report.
help:
	@sh $(R)/help.sh

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

# The commands' objects are kept (they are intermediate files of bin/%);
# the report's tables are not intermediate, so a deleted one is rebuilt.
.SECONDARY: $(CMDSRC:cmd/%.c=$(O)/cmd/%.o)
# A recipe that fails removes its half-written target.
.DELETE_ON_ERROR:
FORCE:
.PHONY: all check units sanbins install uninstall bench fuzz clean report \
	help FORCE
