/*
 * gen: the inputs on which tests/reference.bats compares sp's fast paths
 * with their references (lib/reference.h).  The text is made of the
 * things the rules care about: abbreviations, initials, acronyms,
 * numbers, URLs, e-mail addresses, quotes and brackets, ellipses, list
 * items and headings, words in other scripts, combining marks, invisible
 * characters and every kind of white space; some files are then damaged
 * with CR line ends, a byte order mark, invalid UTF-8, control
 * characters, a NUL byte or no final newline.  Its own random numbers
 * (splitmix64) make the same bytes for a seed on every machine, so a
 * failure is reproduced from the seed the test prints.
 *
 * usage: gen KIND SEED SIZE
 *	text	  a plain-text document for sp-split
 *	records	  records KEY TAB TEXT, keys of 0 to 5 fields
 *	tokens	  token records KEY TAB TOKEN, for sp-count
 *	line	  one line of words, no line break but the last
 *	abbrevs	  a list of abbreviations for sp-split -a
 * SIZE is roughly the number of bytes to write.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[below(NELEMS(a))])

static uint64_t state;

static uint64_t
next_random(void)
{
	uint64_t z = (state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* A number from 0 to n - 1. */
static size_t
below(size_t n)
{
	return (size_t)(next_random() % n);
}

/* True percent times in a hundred. */
static int
chance(unsigned percent)
{
	return below(100) < percent;
}

/* The output, built in memory so that it can be damaged afterwards. */
static char *out;
static size_t outlen, outcap;

static void
put(const char *s, size_t n)
{
	if (outcap - outlen < n + 1) {
		outcap = (outlen + n + 1) * 2;
		if ((out = realloc(out, outcap)) == NULL) {
			perror("gen");
			exit(2);
		}
	}
	memcpy(out + outlen, s, n);
	outlen += n;
}

static void
puts_(const char *s)
{
	put(s, strlen(s));
}

/* clang-format off */
static const char *const lower[] = {
	"the", "of", "and", "to", "in", "a", "is", "that", "we", "will",
	"threat", "terrorism", "terrorists", "police", "communities",
	"prevent", "preventing", "safe", "spaces", "counter", "extremism",
	"said", "government", "people", "work", "with", "from", "real",
	"there", "must", "be", "no", "for", "all", "at", "it", "this", "our",
	"they", "as", "on", "by", "an", "have", "not", "but", "are", "which",
	"has", "been", "more", "their", "year", "new", "against", "would",
	"about", "one", "also", "can", "i", "you", "he", "she", "was", "help",
	"security", "world", "country", "right", "online", "safety", "law",
	"attack", "city", "london", "et", "al", "terror", "having",
	"abilities", "generously", "connected", "running", "x", "q", "zq",
	"blorp", "ivx", "iv", "etc", "co", "no", "e", "i.e", "e.g",
	"extremists", "radicalisation", "k", "s", "kelvin", "scale",
};

static const char *const capital[] = {
	"The", "We", "It", "In", "But", "And", "This", "They", "There",
	"Today", "However", "London", "Britain", "Javid", "Khan", "Dick",
	"Prevent", "Home", "Office", "Secretary", "Minister", "Government",
	"Muslim", "Syria", "Iraq", "Europe", "Parliament", "Will", "May",
	"Mark", "Bill", "I", "A", "Of", "So", "Now", "Thank", "Yes", "Where",
	"What", "Terror", "Counter", "Sadiq", "Cressida", "Zq", "Blorp",
	"Approx", "Etc", "Durham", "Rowling", "Smith", "Briggs",
};

static const char *const caps[] = {
	"UK", "MP", "NHS", "ISIS", "EU", "UN", "BBC", "MI5", "COVID",
	"CONTEST", "OK", "TERRORISM", "TERROR", "QC", "CSP",
};

static const char *const abbrevs[] = {
	"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Rt.", "Hon.", "St.", "Sgt.",
	"Gen.", "e.g.", "i.e.", "etc.", "No.", "no.", "Co.", "Ltd.", "Inc.",
	"Fig.", "fig.", "vs.", "v.", "approx.", "a.m.", "p.m.", "Jan.",
	"Sept.", "al.", "cf.", "viz.", "U.K.", "U.S.A.", "U.S.", "J.", "K.",
	"W.", "A.", "N\xC2\xB0.", "ca.", "c.", "pp.", "p.", "Jr.", "Bros.",
	"Corp.", "Plc.", "Vol.", "Ch.", "Etc.", "Approx.", "Nos.", "Revd.",
	"blorp.", "Zq.", "eg.", "ie.", "Messrs.", "Mme.", "Thurs.", "ext.",
};

static const char *const numbers[] = {
	"1", "2", "10", "36", "2017", "1.9", "100,000", "20:25", "7/7",
	"8.30pm", "\xC2\xA3" "2bn", "1990-91", "3rd", "50%", "0.5", "9/11",
	"12", "1,000,000", "2.5", "19.", "4th", "100", "15:00", "1.2.3",
	"v2.0", "\xC2\xA3" "1.9m", "2,5", "1:2:3", "10/", "007", "\xD9\xA3",
	"\xE2\x85\xA2", "\xC2\xBD",
};

static const char *const hyphens[] = {
	"counter-terrorism", "mid-2030s", "COVID-19", "well-being",
	"long-term", "non\xE2\x80\x90violent", "co\xE2\x80\x91operation",
	"counter-terror", "self-", "-not", "x-", "a-1", "1-a", "19-20",
	"Counter-Terrorism", "re-radicalised",
};

static const char *const apostrophes[] = {
	"don't", "it's", "Qa'ida", "Qa\xE2\x80\x99ida", "students'",
	"'quoted'", "CSP\xE2\x80\x99s", "o'clock", "rock'n'roll",
	"isn\xE2\x80\x99t", "it\xE2\x80\x99s", "'", "\xE2\x80\x99", "''",
	"Sadiq's",
};

static const char *const urls[] = {
	"https://www.gov.uk/contest", "www.example.org/a_b?x=1",
	"http://x.org/(a)", "ftp://f.net/x.",
	"https://en.wikipedia.org/wiki/Prevent_(programme)", "WWW.GOV.UK",
	"http://", "www.", "https://a.b/c?d=e&f=g#h", "HTTP://X.ORG/Y",
	"(see https://x.org/a))", "www.gov.uk/contest,", "https://x.org/\xC3\xA9",
	"wwwx.org", "http:/x", "hTtPs://Mixed.Case/Path",
};

static const char *const emails[] = {
	"press.office@homeoffice.gov.uk", "a@b.co", "x.y+z@example.org",
	"bad@nodot", "@home", "first.last@sub.domain.uk.", "a@b.c",
	"Press.Office@HomeOffice.GOV.UK!", "a@@b.com", "x_y%z@q-r.io",
};

static const char *const unicode[] = {
	"Zo\xC3\xAB", "Jos\xC3\xA9", "Jose\xCC\x81", "\xC3\x85ngstr\xC3\xB6m",
	"\xC3\x89" "COLE", "\xC3\xA9" "cole",
	"\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x9F\xCE\xA3",
	"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
	"\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0", "\xE6\x9D\xB1\xE4\xBA\xAC",
	"\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9",
	"na\xC3\xAFve", "\xC4\xB0stanbul", "Stra\xC3\x9F" "e",
	"\xE2\x84\xAA" "elvin", "\xC5\xBF" "ecurity", "\xEF\xAC\x81nance",
	"\xEF\xBC\xA6\xEF\xBD\x8F\xEF\xBD\x8F", "\xC4\xB0\xCC\xA3",
	"J\xCC\x8C", "e\xCC\x81\xCC\xA7", "\xF0\x9F\x98\x80",
	"\xF0\x9D\x90\x80" "bc", "\xE1\xBA\x9E", "\xCE\x90",
	"\xE1\xBF\xAF", "\xCD\xBE", "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82",
	"\xEA\xB0\x80\xEB\x82\x98", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",
	"\xC3\x80" "ccent", "\xCC\x81" "alone", "caf\xC3\xA9",
	"\xE3\x83\x86\xE3\x83\xAD", "\xC3\xB1" "and\xC3\xBA",
};

/* Invisible characters: soft hyphen, ZWSP, ZWJ, BOM, word joiner. */
static const char *const invisible[] = {
	"\xC2\xAD", "\xE2\x80\x8B", "\xE2\x80\x8D", "\xEF\xBB\xBF",
	"\xE2\x81\xA0",
};

static const char *const punct[] = {
	",", ";", ":", "\xE2\x80\x94", "\xE2\x80\x93", "-", "--", "(", ")",
	"[", "]", "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
	"\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB", "&", "/", "%", "#", "*", "+",
	"...", "\xE2\x80\xA6", "[...]", "\xC2\xA3", "$", "@", "!", "?", ".",
	"\xE3\x80\x82", "\xEF\xBC\x8E", "\xC2\xBF", "\xC2\xA1",
	"\xE2\x80\xBC", "!!", "?!", "..", ". . .", "\xE2\x80\xA2", "{", "}",
	"<", ">", "=", "|", "~", "^", "`", "\\", "\xE2\x84\xA2",
	"\xE2\x80\xB9", "\xE2\x80\xBA", "\xE3\x80\x8C", "\xE3\x80\x8D",
};

static const char *const ends[] = {
	".", ".", ".", ".", ".", "!", "?", "...", "\xE2\x80\xA6", "?!", "!!",
	".\"", ".\xE2\x80\x9D", "?)", ".)", ".'", ".\xE2\x80\x99",
	"!\xE2\x80\x9D", ":", ";", " . . .", " . . . .", ".....",
	"\xE3\x80\x82", "\xEF\xBC\x81", "\xE2\x80\xBD", ".]", "?\xE2\x80\x9D",
	". .", ",", "", "", "", "-", "\xE2\x80\x94",
};

static const char *const openers[] = {
	"\"", "'", "(", "[", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB",
	"\xC2\xBF", "{", "\xE3\x80\x8C",
};

static const char *const spaces[] = {
	" ", " ", " ", " ", "  ", "\t", "\xC2\xA0", "\xE2\x80\x83",
	"\xE3\x80\x80", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\v",
	"\f", " \t ", "\xE1\x9A\x80", "\xE2\x80\xAF", "   ",
};

static const char *const markers[] = {
	"\xE2\x80\xA2 ", "* ", "- ", "\xE2\x80\x93 ", "1. ", "2) ", "a) ",
	"(iv) ", "iii. ", "A) ", "\xC2\xB7 ", "\xE2\x96\xAA ", "+ ", "(1) ",
	"10. ", "b. ", "-- ", "\xE2\x9C\x93 ", "1.) ", "(a) ", "\xE2\x80\xA2 9. ",
	"\xE2\x80\x94 ", "B. ", "1234. ", "\xE2\x97\x8F ",
};

static const char *const docs[] = {
	"a", "b", "d1", "javid-2018-06-04", "khan-2016-03-20",
	"security-minister-2019-10-a-rather-long-document-id-that-goes-on-"
	"and-on",
	"\xC3\xA9t\xC3\xA9", "x y", "-", "doc.with.dots", "9",
};

static const char *const speakers[] = {
	"Sadiq Khan", "Cressida Dick", "Sajid Javid", "Khan", "Dick", "",
	"Security Minister", "\xC3\x89lise",
};

/* clang-format on */

/*
 * How much of the text is out of the ordinary, in percent: chosen for
 * each file, so that some are running English with a few surprises and
 * others are all surprises.
 */
static unsigned odd;

/* A word of one of the kinds above, sometimes with a mark inside. */
static void
word(int first)
{
	size_t k = below(100);
	const char *w;

	if (!chance(odd)) {
		puts_(first ? PICK(capital) : PICK(lower));
		return;
	}
	if (first)
		k = k < 60 ? 90 : k;
	if (k < 50)
		w = PICK(lower);
	else if (k < 56)
		w = PICK(abbrevs);
	else if (k < 62)
		w = PICK(numbers);
	else if (k < 65)
		w = PICK(hyphens);
	else if (k < 68)
		w = PICK(apostrophes);
	else if (k < 74)
		w = PICK(unicode);
	else if (k < 76)
		w = PICK(urls);
	else if (k < 78)
		w = PICK(emails);
	else if (k < 81)
		w = PICK(caps);
	else if (k < 85)
		w = PICK(punct);
	else
		w = PICK(capital);
	if (chance(odd / 10) && strlen(w) > 2) {
		/* An invisible character or a mark inside the word. */
		size_t at = 1 + below(strlen(w) - 1);

		put(w, at);
		puts_(chance(70) ? PICK(invisible) : chance(50) ? "." : "-");
		puts_(w + at);
		return;
	}
	puts_(w);
	if (chance(odd / 4))
		puts_(PICK(punct));
}

static void
space(void)
{
	puts_(!chance(odd) || chance(80) ? " " : PICK(spaces));
}

/* A sentence, without a line break unless a space is one. */
static void
sentence(void)
{
	size_t n = 1 + below(chance(10) ? 40 : 14), i;

	if (chance(odd / 2))
		puts_(PICK(openers));
	for (i = 0; i < n; i++) {
		if (i > 0)
			space();
		word(i == 0);
	}
	puts_(!chance(odd) ? "." : chance(85) ? PICK(ends) : "");
	if (chance(odd / 8))
		puts_(PICK(openers));
}

/*
 * The text of a paragraph into a scratch copy, then out with its lines
 * wrapped at a width chosen for the paragraph.
 */
static void
paragraph(void)
{
	size_t start = outlen, n = 1 + below(chance(20) ? 12 : 5), i, width;
	size_t col, j, end;
	char *text;
	int list = chance(odd / 2 + 2), lines = chance(odd / 3 + 2);

	for (i = 0; i < n; i++) {
		if (i > 0)
			puts_(list || lines ? "\n" : !chance(odd) ? " " : "  ");
		if (list)
			puts_(PICK(markers));
		sentence();
	}
	if (list || lines || chance(15))
		return;
	/* Wrap: a space after width columns becomes a line break. */
	width = chance(15) ? 12 + below(30) : 40 + below(80);
	end = outlen;
	text = out + start;
	for (col = 0, j = 0; j < end - start; j++, col++) {
		if (text[j] == '\n')
			col = 0;
		else if (text[j] == ' ' && col >= width) {
			text[j] = '\n';
			col = 0;
			/* Now and then a stray blank line inside a sentence. */
			if (chance(2) && j + 1 < end - start) {
				put("", 0);
				memmove(out + start + j + 1, out + start + j,
					end - start - j);
				outlen++;
				end++;
				text = out + start;
			}
		}
	}
}

static void
gen_text(size_t size)
{
	static const char *const breaks[] = {
	    "\n\n",	"\n\n",	  "\n\n",	  "\n\n\n",
	    "\n \n",	"\n\t\n", "\n\xC2\xA0\n", "\n\xE2\x80\x8B\n",
	    "\n\n\n\n", "\n",
	};

	if (chance(10))
		puts_(chance(50) ? "\n\n" : "  \n");
	while (outlen < size) {
		if (chance(10)) {
			/* A heading, alone on its line. */
			word(1);
			space();
			word(0);
		} else
			paragraph();
		puts_(PICK(breaks));
	}
}

/* A key of fields fields; para and sent count up as segment keys do. */
static void
key(int fields, const char *doc, unsigned long para, unsigned long sent)
{
	char num[64];
	int i;

	if (fields == 0)
		return;
	puts_(doc);
	for (i = 1; i < fields; i++) {
		snprintf(num, sizeof(num), "\t%lu",
			 i == 1	  ? para
			 : i == 2 ? sent
				  : sent * (unsigned long)i);
		puts_(chance(1) ? "\t" : num);
	}
	puts_("\t");
}

static void
gen_records(size_t size, int tokens)
{
	static const int shapes[] = {3, 3, 3, 1, 0, 5, 2};
	const char *pool[400], *doc = PICK(docs);
	char *own = NULL;
	size_t npool = 0, i, k, len;
	int fields = shapes[below(NELEMS(shapes))], mixed = chance(10);
	unsigned long para = 1, sent = 1, run = 0;

	if (tokens) {
		/* Short strings of every length, most of them repeated. */
		own = malloc(400 * 41);
		if (own == NULL)
			exit(2);
		for (i = 0; i < 400; i++) {
			if (chance(10)) {
				/* Sixteen bytes in common, then more or not. */
				memcpy(own + i * 41, "abcdefghijklmnop", 16);
				len = 16 + below(6);
				for (k = 16; k < len; k++)
					own[i * 41 + k] =
					    (char)('a' + below(3));
				own[i * 41 + len] = '\0';
				pool[npool++] = own + i * 41;
				continue;
			}
			if (chance(60)) {
				pool[npool++] = chance(80)   ? PICK(lower)
						: chance(50) ? PICK(unicode)
							     : PICK(numbers);
				continue;
			}
			len = 1 + below(chance(70) ? 17 : 40);
			for (k = 0; k < len; k++)
				own[i * 41 + k] =
				    (char)(chance(5) ? 'A' + below(26)
						     : 'a' + below(26));
			own[i * 41 + len] = '\0';
			pool[npool++] = own + i * 41;
		}
	}
	while (outlen < size) {
		if (run == 0) {
			run = 1 + below(tokens ? 20 : 3);
			sent++;
			if (chance(10))
				sent += 90;
			if (chance(20))
				para++;
			if (chance(5)) {
				doc = PICK(docs);
				para = sent = 1;
			}
		}
		run--;
		if (mixed && chance(30))
			key(shapes[below(NELEMS(shapes))], doc, para, sent);
		else if (fields == 1 && !tokens)
			key(1, PICK(speakers), 0, 0);
		else
			key(fields, doc, para, sent);
		if (chance(3))
			; /* an empty payload */
		else if (!tokens)
			sentence();
		else {
			k = below(npool) * below(npool) / npool;
			puts_(pool[k]);
		}
		puts_("\n");
	}
	free(own);
}

static void
gen_line(size_t size)
{
	while (outlen < size) {
		sentence();
		puts_(" ");
	}
	puts_("\n");
}

static void
gen_abbrevs(void)
{
	static const char *const mine[] = {
	    "blorp", "zq.",    "Zq",	  " approx ",		"# a comment",
	    "",	     "e.g.",   "foo.bar", "\xC3\xA9t\xC3\xA9.", "X",
	    "ivx",   "terror",
	};
	size_t n = below(6), i;

	for (i = 0; i < n; i++) {
		puts_(PICK(mine));
		puts_("\n");
	}
}

/* Insert s[0..n) at offset at of the output. */
static void
insert(size_t at, const char *s, size_t n)
{
	put(s, n);
	memmove(out + at + n, out + at, outlen - n - at);
	memcpy(out + at, s, n);
}

/*
 * Damage, now and then: CR line ends, a byte order mark, invalid UTF-8,
 * control characters, a NUL byte, no final newline.
 */
static void
damage(int records)
{
	static const char *const bad[] = {
	    "\xFF", "\xC0\xAF",		"\xED\xA0\x80", "\xE2\x82",	"\x80",
	    "\xFE", "\xF4\x90\x80\x80", "\xC2",		"\xF0\x9F\x98",
	};
	static const char *const controls[] = {
	    "\x01", "\x1B", "\x7F", "\r", "\b",
	};
	char *copy;
	size_t i, n, k;

	if (outlen == 0)
		return;
	if (chance(12)) {
		/* CR before every LF, or two. */
		const char *cr = chance(80) ? "\r" : "\r\r";

		copy = malloc(outlen);
		if (copy == NULL)
			exit(2);
		memcpy(copy, out, outlen);
		n = outlen;
		outlen = 0;
		for (i = 0; i < n; i++) {
			if (copy[i] == '\n')
				puts_(cr);
			put(copy + i, 1);
		}
		free(copy);
	}
	if (chance(20))
		for (k = 1 + below(6); k > 0; k--) {
			const char *b = PICK(bad);

			insert(below(outlen), b, strlen(b));
		}
	if (chance(5))
		for (k = 1 + below(4); k > 0; k--) {
			const char *c = PICK(controls);

			insert(below(outlen), c, strlen(c));
		}
	if (!records && chance(4))
		insert(below(outlen), "\t", 1);
	if (chance(10))
		insert(below(outlen), "", 1); /* a NUL byte */
	if (chance(12))
		insert(0, "\xEF\xBB\xBF", 3);
	if (chance(15))
		while (outlen > 0 &&
		       (out[outlen - 1] == '\n' || out[outlen - 1] == '\r'))
			outlen--;
}

int
main(int argc, char *argv[])
{
	const char *kind;
	size_t size;

	if (argc != 4) {
		fputs("usage: gen text|records|tokens|line|abbrevs SEED SIZE\n",
		      stderr);
		return 2;
	}
	kind = argv[1];
	state = strtoull(argv[2], NULL, 10) * 1000003u + (uint64_t)kind[0];
	size = (size_t)strtoull(argv[3], NULL, 10);
	{
		static const unsigned odds[] = {1, 3, 8, 20, 50};

		odd = odds[below(NELEMS(odds))];
	}
	if (strcmp(kind, "text") == 0) {
		gen_text(size);
		damage(0);
	} else if (strcmp(kind, "records") == 0) {
		gen_records(size, 0);
		damage(1);
	} else if (strcmp(kind, "tokens") == 0) {
		gen_records(size, 1);
		damage(1);
	} else if (strcmp(kind, "line") == 0)
		gen_line(size);
	else if (strcmp(kind, "abbrevs") == 0)
		gen_abbrevs();
	else {
		fprintf(stderr, "gen: unknown kind %s\n", kind);
		return 2;
	}
	if (fwrite(out, 1, outlen, stdout) != outlen || fflush(stdout) != 0) {
		perror("gen");
		return 2;
	}
	free(out);
	return 0;
}
