# sp: corpus analysis as Unix filters.  GNU make or any make with
# $(wildcard); see README.md for the targets.

VERSION = 0.1.0
PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man

CC = cc
CFLAGS = -std=c11 -O2 -Wall -Wextra -Wpedantic
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DSP_VERSION=\"$(VERSION)\" -Ilib
LDLIBS = -lm -lpthread

# The sanitizer build lives in its own tree so both can coexist.
SANFLAGS = -std=c11 -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-Wall -Wextra -Wpedantic

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

# make check: unit tests and bats suites, then both again under ASan+UBSan;
# the last line is the total over both runs.
check: all units
	@rm -f build/check.counts; \
	sh tests/run-all.sh plain bin $(O)/unit; s1=$$?; \
	$(MAKE) -s O=build/san CFLAGS="$(SANFLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" sanbins && \
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    sh tests/run-all.sh sanitized build/san/bin build/san/unit; s2=$$?; \
	awk '{ p += $$1; f += $$2 } END { printf "check: %d passed, %d failed\n", p, f }' \
	    build/check.counts; \
	test $$s1 -eq 0 && test $$s2 -eq 0

sanbins: $(CMDSRC:cmd/%.c=$(O)/bin/%) $(UNITS)

$(O)/bin/%: $(O)/cmd/%.o $(O)/libsp.a
	@mkdir -p $(O)/bin
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(O)/libsp.a $(LDLIBS)

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1
	cp -f $(PROGS) $(DESTDIR)$(PREFIX)/bin/
	cp -f $(MANS) $(DESTDIR)$(MANPREFIX)/man1/

uninstall:
	cd $(DESTDIR)$(PREFIX)/bin && rm -f $(PROGS:bin/%=%)
	cd $(DESTDIR)$(MANPREFIX)/man1 && rm -f $(MANS:cmd/%=%)

clean:
	rm -rf bin build out

.PHONY: all check units sanbins install uninstall clean
.SECONDARY:
