/*
 * Sentence boundaries for sp-split (sentence.h).  A paragraph is cut into
 * words at white space; a boundary can fall only between two words (or
 * inside a word after an ellipsis, "brand.....What"), and these rules decide
 * where:
 *
 * - A word ending in ! or ? (or a run such as ?! or !!), possibly followed
 *   by closing quotes or brackets, ends a sentence unless the next word
 *   starts with a lower-case letter ("Why?" she asked) or with punctuation
 *   that continues a sentence (, ; : ) and the like).  Dashes standing
 *   alone are looked past: "plaudits! - but" does not split.
 * - An ellipsis (… or two or more dots) ends a sentence only when the next
 *   word starts with an upper-case letter or an uncased letter.  One in
 *   square brackets, "[...]", marks an omission and ends nothing.  Spaced
 *   dots are words of their own: three (". . .") mark an omission inside a
 *   sentence and end nothing; four (". . . .") are a full stop and an
 *   ellipsis and end one like an ellipsis; and a word with a full stop
 *   followed by three, "compounds. . . . The", ends its sentence, the next
 *   one opening with the ellipsis.
 * - A single dot ends a sentence unless the next word starts with a
 *   lower-case letter or continuing punctuation, or the word before it is
 *   an abbreviation.  Abbreviations come in four kinds (see the table
 *   below): titles and the like, which never end a sentence (Mr. Smith,
 *   e.g. London); words like etc. and Ltd., which end one before an upper-case
 *   word but not before a digit; words like No. and Fig., which are
 *   abbreviations only before a digit (No. 10, N°. 5, but "said No.
 *   Then"); and Co., which ends one only before a common sentence opener,
 *   as an initial does (below): "Briggs & Co. It closed", but "Co. Durham".
 *   A dot after a number ends a sentence before a digit ("in 2017. 25
 *   people"); a dot after any abbreviation does not.
 * - A single upper-case letter with a dot is an initial (J. K. Rowling,
 *   George W. Bush), and a word of single letters joined by dots is an
 *   acronym (U.K., U.S.A.): neither ends a sentence before an upper-case
 *   word unless that word is a common sentence opener such as The, We, It,
 *   In, But (the list is in this file) that is not itself an initial.  So
 *   "in the U.K. The next" splits and "the U.S. Government" does not.  A
 *   capital alone is an initial even where its lower case is an
 *   abbreviation before a number ("P. Henderson", but "p. 10").
 * - Dots, colons and other marks inside a word never split it, so decimal
 *   numbers (1.9, £2.5bn), times (20:25, 8.30pm), URLs, e-mail addresses,
 *   file names and version numbers stay whole; a dot at the end of such a
 *   word is an ordinary full stop.
 * - Closing quotes and brackets after the terminal mark stay with the
 *   sentence they close (.” ?" .) .’ !”); an opening quote or bracket goes
 *   with the sentence it opens.  A colon never ends a sentence.
 * - A line that starts with a bullet (• · ▪ ◦ ‣ ● ○ ■ □ ► ➢ ✓ or a lone *
 *   or +) starts a new sentence; the marker stays at the start of it, and
 *   the dot of a marker such as "1." ends nothing.  So does a line
 *   starting with a lone dash (- – —) or a list marker (1. 1) 1.) (1) (a)
 *   a) a. i. (iv)), unless the line break before it looks like the
 *   wrapping of running text: it must follow a line ending in a terminal
 *   mark, colon or semicolon, or a line that itself starts with a marker,
 *   or a deliberate line break (below).
 * - Items run together on a line that starts with a list item also start
 *   new sentences: a later word with the line's bullet ("• 9. One • 10.
 *   Two"), or the next number or letter in the line's style ("1. One 2.
 *   Two", "a) One b) Two"; not as the paragraph's last word), with its
 *   marker's dot ending nothing.  A number after a bullet ("• 9.") is part
 *   of the marker.
 * - Otherwise a line break is white space like any other, except that a
 *   deliberate line break before a line starting with an upper-case letter
 *   or a digit ends a sentence when the line before it has no terminal mark
 *   and does not end in , ; : & / ( or a dash or a title ("Home Office" /
 *   "The Rt Hon Sajid Javid MP"; a heading line above its text).  A line
 *   break is deliberate when the next line's first word would have fitted
 *   on the line before it (measured against the paragraph's longest line),
 *   and that line is less than three quarters as long as the longest one;
 *   or when the paragraph has two or more lines and none longer than 40
 *   characters (an address, a signature, a list without markers).  A line
 *   in Title Case that starts a sentence ends it there whatever the
 *   lengths (see heading_line): "Counter-Terrorism and Border Security
 *   Bill" above "Lords amendments considered."
 * - A paragraph without any terminal mark is one sentence (a heading) save
 *   for the line rules above.
 *
 * Paragraphs broken by a stray blank line are joined by the caller with
 * sent_para_continues (its rules are in sentence.h).
 *
 * The rules are applied word by word by the general path of
 * sent_split_bounded.  Most words need none of them, and the fast path,
 * plain_run, copies runs of such words in one piece and decides the
 * commonest sentence ends itself; other shortcuts spare the general path
 * work for plain ASCII (a first plain word, words ending in a letter,
 * lines measured without decoding, line breaks told from the bound on
 * line length, abbreviations filtered by first byte and length).  With
 * sp_reference (reference.h) every word goes through the general path
 * without those shortcuts, which is what make check compares them with.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hash.h"
#include "reference.h"
#include "sentence.h"
#include "swar.h"
#include "unicode.h"
#include "utf8.h"

/*
 * With SSE2 (every x86-64 processor) and gcc or clang (for __builtin_ctz),
 * the fast path looks at sixteen bytes with one instruction per test;
 * elsewhere, or with -DSP_NO_SSE2 or -DSP_PORTABLE, run_end looks at eight
 * at a time in a 64-bit word (swar.h) and the other scans at one byte at a
 * time.
 */
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__)) &&          \
    !defined(SP_NO_SSE2) && !defined(SP_PORTABLE)
#define SENT_SSE2 1
#include <emmintrin.h>
#endif

/*
 * The built-in abbreviations, without their final dot, sorted by strcmp
 * (bytewise, so capitals first).  An entry all in lower case also matches
 * with a capital first letter ("etc" matches "Etc.").  Kinds:
 *
 * SENT_ABBR_NEVER_ENDS: titles, and Latin and other abbreviations that
 *   introduce something (e.g., i.e., cf., vs.); never a boundary.  "St" is
 *   taken as Saint, not Street.
 * SENT_ABBR_MAY_END: a boundary before an upper-case word only.
 * SENT_ABBR_BEFORE_NUMBER: an abbreviation only before a digit; before an
 *   upper-case word the dot ends a sentence.
 * SENT_ABBR_BEFORE_OPENER: a boundary only before a common sentence opener,
 *   as after an initial: "Co." is a company ("Briggs & Co. It closed") or a
 *   county ("Co. Durham").
 *
 * MP, QC, Sir and the like are not here: they are not written with a dot,
 * and "MP." ends a sentence.
 */
static const struct sent_abbrev builtin[] = {
	{ "Adm", SENT_ABBR_NEVER_ENDS },
	{ "Apr", SENT_ABBR_BEFORE_NUMBER },
	{ "Art", SENT_ABBR_BEFORE_NUMBER },
	{ "Aug", SENT_ABBR_BEFORE_NUMBER },
	{ "Brig", SENT_ABBR_NEVER_ENDS },
	{ "Bros", SENT_ABBR_MAY_END },
	{ "Capt", SENT_ABBR_NEVER_ENDS },
	{ "Cdr", SENT_ABBR_NEVER_ENDS },
	{ "Ch", SENT_ABBR_BEFORE_NUMBER },
	{ "Cllr", SENT_ABBR_NEVER_ENDS },
	{ "Cm", SENT_ABBR_BEFORE_NUMBER },
	{ "Cmdr", SENT_ABBR_NEVER_ENDS },
	{ "Cmnd", SENT_ABBR_BEFORE_NUMBER },
	{ "Co", SENT_ABBR_BEFORE_OPENER },
	{ "Col", SENT_ABBR_NEVER_ENDS },
	{ "Corp", SENT_ABBR_MAY_END },
	{ "Cpl", SENT_ABBR_NEVER_ENDS },
	{ "Deb", SENT_ABBR_BEFORE_NUMBER },
	{ "Dec", SENT_ABBR_BEFORE_NUMBER },
	{ "Dept", SENT_ABBR_NEVER_ENDS },
	{ "Det", SENT_ABBR_NEVER_ENDS },
	{ "Dr", SENT_ABBR_NEVER_ENDS },
	{ "Esq", SENT_ABBR_MAY_END },
	{ "Feb", SENT_ABBR_BEFORE_NUMBER },
	{ "Fig", SENT_ABBR_BEFORE_NUMBER },
	{ "Figs", SENT_ABBR_BEFORE_NUMBER },
	{ "Fr", SENT_ABBR_NEVER_ENDS },
	{ "Fri", SENT_ABBR_BEFORE_NUMBER },
	{ "Gen", SENT_ABBR_NEVER_ENDS },
	{ "Gov", SENT_ABBR_NEVER_ENDS },
	{ "Hon", SENT_ABBR_NEVER_ENDS },
	{ "Inc", SENT_ABBR_MAY_END },
	{ "Insp", SENT_ABBR_NEVER_ENDS },
	{ "Jan", SENT_ABBR_BEFORE_NUMBER },
	{ "Jr", SENT_ABBR_MAY_END },
	{ "Jul", SENT_ABBR_BEFORE_NUMBER },
	{ "Jun", SENT_ABBR_BEFORE_NUMBER },
	{ "Lt", SENT_ABBR_NEVER_ENDS },
	{ "Ltd", SENT_ABBR_MAY_END },
	{ "Maj", SENT_ABBR_NEVER_ENDS },
	{ "Mar", SENT_ABBR_BEFORE_NUMBER },
	{ "Messrs", SENT_ABBR_NEVER_ENDS },
	{ "Mlle", SENT_ABBR_NEVER_ENDS },
	{ "Mme", SENT_ABBR_NEVER_ENDS },
	{ "Mon", SENT_ABBR_BEFORE_NUMBER },
	{ "Mr", SENT_ABBR_NEVER_ENDS },
	{ "Mrs", SENT_ABBR_NEVER_ENDS },
	{ "Ms", SENT_ABBR_NEVER_ENDS },
	{ "Mt", SENT_ABBR_NEVER_ENDS },
	{ "No", SENT_ABBR_BEFORE_NUMBER },
	{ "Nos", SENT_ABBR_BEFORE_NUMBER },
	{ "Nov", SENT_ABBR_BEFORE_NUMBER },
	{ "N\xC2\xB0", SENT_ABBR_BEFORE_NUMBER },	/* N° */
	{ "N\xC2\xBA", SENT_ABBR_BEFORE_NUMBER },	/* Nº */
	{ "Oct", SENT_ABBR_BEFORE_NUMBER },
	{ "Plc", SENT_ABBR_MAY_END },
	{ "Pres", SENT_ABBR_NEVER_ENDS },
	{ "Prof", SENT_ABBR_NEVER_ENDS },
	{ "Pte", SENT_ABBR_NEVER_ENDS },
	{ "Rep", SENT_ABBR_NEVER_ENDS },
	{ "Rev", SENT_ABBR_NEVER_ENDS },
	{ "Revd", SENT_ABBR_NEVER_ENDS },
	{ "Rt", SENT_ABBR_NEVER_ENDS },
	{ "Sen", SENT_ABBR_NEVER_ENDS },
	{ "Sep", SENT_ABBR_BEFORE_NUMBER },
	{ "Sept", SENT_ABBR_BEFORE_NUMBER },
	{ "Sgt", SENT_ABBR_NEVER_ENDS },
	{ "Sr", SENT_ABBR_MAY_END },
	{ "St", SENT_ABBR_NEVER_ENDS },
	{ "Supt", SENT_ABBR_NEVER_ENDS },
	{ "Thu", SENT_ABBR_BEFORE_NUMBER },
	{ "Thur", SENT_ABBR_BEFORE_NUMBER },
	{ "Thurs", SENT_ABBR_BEFORE_NUMBER },
	{ "Tue", SENT_ABBR_BEFORE_NUMBER },
	{ "Tues", SENT_ABBR_BEFORE_NUMBER },
	{ "Vol", SENT_ABBR_BEFORE_NUMBER },
	{ "Wed", SENT_ABBR_BEFORE_NUMBER },
	{ "a.m", SENT_ABBR_MAY_END },
	{ "al", SENT_ABBR_MAY_END },
	{ "approx", SENT_ABBR_NEVER_ENDS },
	{ "art", SENT_ABBR_BEFORE_NUMBER },
	{ "c", SENT_ABBR_BEFORE_NUMBER },
	{ "ca", SENT_ABBR_BEFORE_NUMBER },
	{ "cc", SENT_ABBR_BEFORE_NUMBER },
	{ "cf", SENT_ABBR_NEVER_ENDS },
	{ "ch", SENT_ABBR_BEFORE_NUMBER },
	{ "cl", SENT_ABBR_BEFORE_NUMBER },
	{ "cls", SENT_ABBR_BEFORE_NUMBER },
	{ "col", SENT_ABBR_BEFORE_NUMBER },
	{ "cols", SENT_ABBR_BEFORE_NUMBER },
	{ "e.g", SENT_ABBR_NEVER_ENDS },
	{ "eg", SENT_ABBR_NEVER_ENDS },
	{ "esp", SENT_ABBR_NEVER_ENDS },
	{ "est", SENT_ABBR_BEFORE_NUMBER },
	{ "etc", SENT_ABBR_MAY_END },
	{ "ext", SENT_ABBR_BEFORE_NUMBER },
	{ "fig", SENT_ABBR_BEFORE_NUMBER },
	{ "hon", SENT_ABBR_NEVER_ENDS },
	{ "i.e", SENT_ABBR_NEVER_ENDS },
	{ "ie", SENT_ABBR_NEVER_ENDS },
	{ "incl", SENT_ABBR_NEVER_ENDS },
	{ "no", SENT_ABBR_BEFORE_NUMBER },
	{ "nos", SENT_ABBR_BEFORE_NUMBER },
	{ "p", SENT_ABBR_BEFORE_NUMBER },
	{ "p.m", SENT_ABBR_MAY_END },
	{ "para", SENT_ABBR_BEFORE_NUMBER },
	{ "paras", SENT_ABBR_BEFORE_NUMBER },
	{ "pp", SENT_ABBR_BEFORE_NUMBER },
	{ "ref", SENT_ABBR_BEFORE_NUMBER },
	{ "reg", SENT_ABBR_BEFORE_NUMBER },
	{ "regs", SENT_ABBR_BEFORE_NUMBER },
	{ "s", SENT_ABBR_BEFORE_NUMBER },
	{ "sch", SENT_ABBR_BEFORE_NUMBER },
	{ "sec", SENT_ABBR_BEFORE_NUMBER },
	{ "ss", SENT_ABBR_BEFORE_NUMBER },
	{ "tel", SENT_ABBR_BEFORE_NUMBER },
	{ "v", SENT_ABBR_NEVER_ENDS },
	{ "viz", SENT_ABBR_NEVER_ENDS },
	{ "vol", SENT_ABBR_BEFORE_NUMBER },
	{ "vs", SENT_ABBR_NEVER_ENDS },
};

#define NBUILTIN (sizeof(builtin) / sizeof(builtin[0]))
_Static_assert(NBUILTIN <= UCHAR_MAX, "struct abbrevs first[] holds indices");

/*
 * Words that commonly open a sentence, sorted by strcmp.  After an initial
 * or a dotted acronym, an upper-case word ends the sentence only if it is
 * one of these.  Words that are also common names (Will, May, Mark, Bill)
 * are left out on purpose.
 */
static const char *const openers[] = {
	"A", "After", "Again", "All", "Also", "Although", "An", "And",
	"Any", "Are", "As", "At", "Because", "Before", "Both", "But", "By",
	"Can", "Could", "Despite", "Did", "Do", "Does", "During", "Each",
	"Even", "Every", "Finally", "First", "For", "From", "Further",
	"Furthermore", "Had", "Has", "Have", "He", "Her", "Here", "His",
	"How", "However", "I", "If", "In", "Indeed", "Instead", "Is", "It",
	"Its", "Just", "Last", "Let", "Many", "Meanwhile", "Moreover",
	"Most", "Much", "My", "Neither", "Never", "Next", "No", "Nor", "Not",
	"Now", "Of", "On", "Once", "One", "Only", "Or", "Our", "Over",
	"Perhaps", "Please", "Second", "She", "Should", "Since", "So",
	"Some", "Such", "Still", "Thank", "That", "The", "Their", "Then",
	"There", "These", "They", "This", "Those", "Though", "Thus", "To",
	"Today", "Tomorrow", "Tonight", "Under", "Unless", "Until", "Was",
	"We", "Were", "What", "When", "Where", "Whether", "Which", "While",
	"Who", "Why", "With", "Without", "Would", "Yes", "Yesterday", "Yet",
	"You", "Your",
};

#define NOPENERS (sizeof(openers) / sizeof(openers[0]))

/* Lines no longer than this, all of them, make a line-structured block. */
enum { SHORT_LINE = 40 };

/* At most this many lone dashes are looked past to find the next word. */
enum { MAX_SKIP = 4 };

/*
 * Built-in abbreviations by first byte and length, for a quick "no" to most
 * words before the binary search: bit c - 'A' of by_first[n] is set when an
 * entry of n bytes starts with byte c, and every entry starts with a byte
 * from 'A' to 'z'.  The entries that start with c are builtin[first[c -
 * 'A']] up to builtin[first[c - 'A' + 1]], and the search looks only there.
 */
#define FIRST_SPAN	('z' - 'A' + 1)

struct sent_abbrevs {
	struct strtab user;
	uint64_t by_first[SENT_ABBREV_LONGEST + 1];
	unsigned char first[FIRST_SPAN + 1];
};

/* What starts the word after a possible boundary. */
enum next_kind {
	NEXT_NONE,	/* the end of the paragraph */
	NEXT_LOWER,	/* a lower-case letter */
	NEXT_UPPER,	/* an upper-case letter */
	NEXT_UNCASED,	/* a letter without case (CJK, Arabic, ...) */
	NEXT_DIGIT,
	NEXT_CONTINUES,	/* punctuation that cannot start a sentence */
	NEXT_OTHER	/* a symbol such as £ or # */
};

struct word {
	size_t start, end;	/* bytes of text */
	int line_start;		/* first word of a line other than the first */
	int forced;		/* cut off the word before, after an ellipsis */
};

struct scanner {
	const char *text;
	size_t len, pos;
	int forced;		/* the next word was cut off by an ellipsis */
};

const struct sent_abbrev *
sent_abbrev_builtin(size_t i)
{
	return i < NBUILTIN ? &builtin[i] : NULL;
}

struct sent_abbrevs *
sent_abbrevs_new(void)
{
	struct sent_abbrevs *ab = xmalloc(sizeof(*ab));

	size_t i, n;
	unsigned c, next = 0;

	strtab_init(&ab->user);
	memset(ab->by_first, 0, sizeof(ab->by_first));
	for (i = 0; i < NBUILTIN; i++) {
		n = strlen(builtin[i].word);
		c = (unsigned)(unsigned char)builtin[i].word[0] - 'A';
		/* builtin is sorted: the entries of a first byte are together. */
		if (n > SENT_ABBREV_LONGEST || c >= FIRST_SPAN || c + 1 < next)
			sp_die("sentence: bad built-in abbreviation %s",
			    builtin[i].word);
		while (next <= c)
			ab->first[next++] = (unsigned char)i;
		ab->by_first[n] |= (uint64_t)1 << c;
	}
	while (next <= FIRST_SPAN)
		ab->first[next++] = (unsigned char)NBUILTIN;
	return ab;
}

static inline int
is_ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* ASCII white space: space, TAB, LF, VT, FF and CR. */
static const unsigned char space_bytes[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1
};

/*
 * Bytes that need a second look inside a word: white space, '.', and the
 * first byte of any multibyte sequence.  All others just belong to it.
 */
#define B8(x) x, x, x, x, x, x, x, x
static const unsigned char word_bytes[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
	['.'] = 1,
	[0x80] = B8(1), B8(1), B8(1), B8(1), B8(1), B8(1), B8(1), B8(1),
	B8(1), B8(1), B8(1), B8(1), B8(1), B8(1), B8(1), B8(1)
};
#undef B8

static inline int
is_space_byte(unsigned char c)
{
	return space_bytes[c];
}

/*
 * How bytes look to the fast path for running text (plain_run).  A plain
 * word is one that the rules have nothing to say about when another word
 * follows it on the same line: its bytes are ASCII other than white space
 * and other control characters and the terminal marks . ! ?.  So it has no
 * terminal mark and is never cut by an ellipsis.  RUN_STOP marks every
 * other byte but the space.
 */
enum { RUN_PLAIN = 0, RUN_STOP = 1, RUN_SPACE = 2 };

#define B8(x) x, x, x, x, x, x, x, x
static const unsigned char run_class[256] = {
	[0x00] = B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP),
	[' '] = RUN_SPACE,
	['!'] = RUN_STOP, ['.'] = RUN_STOP, ['?'] = RUN_STOP,
	[0x80] = B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP),
	B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP),
	B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP),
	B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP), B8(RUN_STOP)
};
#undef B8

void
sent_abbrevs_add(struct sent_abbrevs *ab, const char *word, size_t len)
{
	while (len > 0 && is_space_byte((unsigned char)word[0])) {
		word++;
		len--;
	}
	while (len > 0 && is_space_byte((unsigned char)word[len - 1]))
		len--;
	if (len > 0 && word[len - 1] == '.')
		len--;
	if (len > 0)
		strtab_intern(&ab->user, word, len, NULL);
}

void
sent_abbrevs_free(struct sent_abbrevs *ab)
{
	if (ab == NULL)
		return;
	strtab_free(&ab->user);
	free(ab);
}

/* Whether a built-in abbreviation of n bytes may start with byte c. */
static inline int
builtin_may_start(const struct sent_abbrevs *ab, unsigned c, size_t n)
{
	return n <= SENT_ABBREV_LONGEST && c - 'A' < FIRST_SPAN &&
	    ((ab->by_first[n] >> (c - 'A')) & 1) != 0;
}

/*
 * Compare s[0..n) with the NUL-terminated w as strcmp would.  Most words
 * differ from w in the first byte or two, so w is not measured first.
 */
static int
cmp_counted(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (w[i] == '\0')
			return 1;
		if (s[i] != w[i])
			return (unsigned char)s[i] < (unsigned char)w[i] ? -1 : 1;
	}
	return w[n] == '\0' ? 0 : -1;
}

static int
lookup_exact(const struct sent_abbrevs *ab, const char *s, size_t n,
    int lowered)
{
	size_t lo = 0, hi = NBUILTIN, mid, i;
	int c;

	/*
	 * Most words are longer than any built-in abbreviation, or start with
	 * a byte no entry of their length starts with.  The reference
	 * searches the whole table.
	 */
	if (sp_reference)
		hi = NBUILTIN;
	else if (ab != NULL ? !builtin_may_start(ab, (unsigned char)s[0], n)
			    : n > SENT_ABBREV_LONGEST)
		hi = 0;
	else if (ab != NULL) {
		lo = ab->first[(unsigned char)s[0] - 'A'];
		hi = ab->first[(unsigned char)s[0] - 'A' + 1];
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = cmp_counted(s, n, builtin[mid].word);
		if (c == 0) {
			if (!lowered)
				return builtin[mid].kind;
			/* A capitalised form matches lower-case entries. */
			for (i = 0; builtin[mid].word[i] != '\0'; i++)
				if (builtin[mid].word[i] >= 'A' &&
				    builtin[mid].word[i] <= 'Z')
					break;
			if (builtin[mid].word[i] == '\0')
				return builtin[mid].kind;
			break;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (ab != NULL && ab->user.n > 0 &&
	    strtab_find(&ab->user, s, n) != STRTAB_NONE) {
		if (!lowered)
			return SENT_ABBR_NEVER_ENDS;
		for (i = 0; i < n; i++)
			if (s[i] >= 'A' && s[i] <= 'Z')
				return 0;
		return SENT_ABBR_NEVER_ENDS;
	}
	return 0;
}

/* The kind of abbreviation s[0..n) is, or 0. */
static int
abbrev_kind(const struct sent_abbrevs *ab, const char *s, size_t n)
{
	char low[32];
	int kind;
	unsigned c;

	if (n == 0)
		return 0;
	/* Most words are no abbreviation, which the filter tells at once. */
	c = (unsigned char)s[0];
	if (!sp_reference && ab != NULL && ab->user.n == 0 &&
	    !builtin_may_start(ab, c, n) &&
	    !(c - 'A' < 26 && builtin_may_start(ab, c - 'A' + 'a', n)))
		return 0;
	kind = lookup_exact(ab, s, n, 0);
	if (kind != 0 || n > sizeof(low) || s[0] < 'A' || s[0] > 'Z')
		return kind;
	memcpy(low, s, n);
	low[0] = (char)(low[0] - 'A' + 'a');
	return lookup_exact(ab, low, n, 1);
}

static int
is_opener_word(const char *s, size_t n)
{
	size_t lo = 0, hi = NOPENERS, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = cmp_counted(s, n, openers[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

static inline uint32_t
decode_at(const char *text, size_t len, size_t i, size_t *n)
{
	uint32_t cp;

	if ((unsigned char)text[i] < 0x80) {
		*n = 1;
		return (unsigned char)text[i];
	}
	*n = utf8_decode((const unsigned char *)text + i, len - i, &cp);
	return cp;
}

/*
 * The character properties of unicode.h, answered without a call for
 * ASCII, which most words are made of.
 */
static inline int
is_upper(uint32_t cp)
{
	return cp < 0x80 ? cp - 'A' < 26 : uc_is_upper(cp);
}

static inline int
is_lower(uint32_t cp)
{
	return cp < 0x80 ? cp - 'a' < 26 : uc_is_lower(cp);
}

static inline int
is_letter(uint32_t cp)
{
	return cp < 0x80 ? (cp | 0x20) - 'a' < 26 : uc_class(cp) == UC_LETTER;
}

/* The start of the code point that ends at text[end). */
static size_t
back_one(const char *text, size_t start, size_t end)
{
	size_t i = end - 1;

	while (i > start && ((unsigned char)text[i] & 0xC0) == 0x80 &&
	    end - i < 4)
		i--;
	return i;
}

static uint32_t
decode_before(const char *text, size_t start, size_t end, size_t *at)
{
	size_t n;
	uint32_t cp;

	if ((unsigned char)text[end - 1] < 0x80) {
		*at = end - 1;
		return (unsigned char)text[end - 1];
	}
	*at = back_one(text, start, end);
	cp = decode_at(text, end, *at, &n);
	if (*at + n != end) {
		/* Not a whole sequence: take the last byte alone. */
		*at = end - 1;
		cp = UTF8_REPLACEMENT;
	}
	return cp;
}

static int
is_space_cp(uint32_t cp)
{
	if (cp < 0x80)
		return is_space_byte((unsigned char)cp);
	return cp == 0x85 || uc_class(cp) == UC_SPACE;
}

static int
is_line_break_cp(uint32_t cp)
{
	return cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r' ||
	    cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Sentence-final marks other than the dot. */
static int
is_qe(uint32_t cp)
{
	return cp == '!' || cp == '?' || cp == 0x203C || cp == 0x203D ||
	    cp == 0x2047 || cp == 0x2048 || cp == 0x2049 || cp == 0xFF01 ||
	    cp == 0xFF1F;
}

static int
is_terminal(uint32_t cp)
{
	return cp == '.' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF0E ||
	    is_qe(cp);
}

/* Closing quotes and brackets that may follow a terminal mark. */
static int
is_closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	    cp == '}' || cp == 0x2019 || cp == 0x201D || cp == 0x00BB ||
	    cp == 0x203A || cp == 0x300D || cp == 0x300F;
}

/* Opening quotes and brackets that may start a sentence. */
static int
is_opener(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
	    cp == '{' || cp == 0x2018 || cp == 0x201C || cp == 0x201A ||
	    cp == 0x201E || cp == 0x00AB || cp == 0x2039 || cp == 0x00BF ||
	    cp == 0x00A1 || cp == 0x300C || cp == 0x300E;
}

static int
is_dash(uint32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

/* Punctuation that continues a sentence when it starts the next word. */
static int
is_continuing(uint32_t cp)
{
	return cp == ',' || cp == ';' || cp == ':' || cp == ')' || cp == ']' ||
	    cp == '}' || cp == '%' || cp == 0x2019 || cp == 0x201D ||
	    cp == 0x00BB || is_terminal(cp);
}

static int
is_bullet(uint32_t cp)
{
	switch (cp) {
	case 0x2022:	/* BULLET */
	case 0x00B7:	/* MIDDLE DOT */
	case 0x2023:	/* TRIANGULAR BULLET */
	case 0x2043:	/* HYPHEN BULLET */
	case 0x25AA: case 0x25AB: case 0x25A0: case 0x25A1:
	case 0x25CF: case 0x25CB: case 0x25E6: case 0x25B8:
	case 0x25BA: case 0x25B6: case 0x25C6: case 0x25C7:
	case 0x2666: case 0x27A2: case 0x27A4: case 0x2713:
	case 0x2714: case 0x2717: case 0x2219:
		return 1;
	}
	return 0;
}

/*
 * Where an ellipsis inside word[start..end) is directly followed (after
 * closing and opening quotes) by a capitalised word, "brand.....What": the
 * offset where the next sentence starts, or 0.
 */
static size_t
ellipsis_cut(const char *text, size_t start, size_t end)
{
	size_t i = start, n, run_end, j, k;
	uint32_t cp, c2;
	int dots, ellipses;

	while (i < end) {
		/*
		 * Look at bytes: neither '.' nor the first byte of U+2026
		 * (E2 80 A6) can be inside another character's sequence.
		 */
		if (text[i] != '.' && !(end - i >= 3 &&
		    memcmp(text + i, "\xE2\x80\xA6", 3) == 0)) {
			i++;
			continue;
		}
		dots = ellipses = 0;
		run_end = i;
		while (run_end < end) {
			cp = decode_at(text, end, run_end, &n);
			if (cp == '.')
				dots++;
			else if (cp == 0x2026)
				ellipses++;
			else
				break;
			run_end += n;
		}
		if ((dots >= 3 || ellipses > 0) && i > start) {
			/*
			 * Closing marks stay with the ellipsis, except straight
			 * quotes, which are taken to open the next sentence.
			 */
			j = run_end;
			while (j < end) {
				cp = decode_at(text, end, j, &n);
				if (!is_closer(cp) || cp == '"' || cp == '\'')
					break;
				j += n;
			}
			k = j;
			while (k < end) {
				cp = decode_at(text, end, k, &n);
				if (!is_opener(cp))
					break;
				k += n;
			}
			if (k < end) {
				cp = decode_at(text, end, k, &n);
				if (is_upper(cp) && k + n < end) {
					c2 = decode_at(text, end, k + n, &n);
					if (is_lower(c2))
						return j;
				}
			}
		}
		i = run_end;
	}
	return 0;
}

/* The reference for the end of a word at text[i]: each code point tested. */
static size_t
word_end_reference(const char *text, size_t i, size_t len)
{
	size_t n;

	while (i < len && !is_space_cp(decode_at(text, len, i, &n)))
		i += n;
	return i;
}

/* The next word, or 0 at the end of the text. */
static int
scan_word(struct scanner *sc, struct word *w)
{
	const char *t = sc->text;
	size_t i = sc->pos, n, cut;
	uint32_t cp;
	int newline = 0, dotted = 0;

	while (i < sc->len) {
		if ((unsigned char)t[i] < 0x80) {
			if (!is_space_byte((unsigned char)t[i]))
				break;
			if (is_line_break_cp((unsigned char)t[i]))
				newline = 1;
			i++;
			continue;
		}
		cp = decode_at(t, sc->len, i, &n);
		if (!is_space_cp(cp))
			break;
		if (is_line_break_cp(cp))
			newline = 1;
		i += n;
	}
	if (i >= sc->len) {
		sc->pos = i;
		return 0;
	}
	w->start = i;
	w->line_start = newline && sc->pos > 0 && !sc->forced;
	w->forced = sc->forced;
	sc->forced = 0;
	if (sp_reference) {
		/* The loop below then stops at once, at the space. */
		i = word_end_reference(t, i, sc->len);
		dotted = 1; /* ellipsis_cut finds out itself */
	}
	while (i < sc->len) {
		unsigned char c;

		/* The common bytes first, one table lookup each. */
		while (i < sc->len && word_bytes[(unsigned char)t[i]] == 0)
			i++;
		if (i >= sc->len)
			break;
		c = (unsigned char)t[i];
		if (c < 0x80) {
			if (is_space_byte(c))
				break;
			dotted = 1;	/* the byte is '.' */
			i++;
			continue;
		}
		dotted |= c == 0xE2;	/* perhaps U+2026 */
		/*
		 * Only sequences led by C2, E1, E2 or E3 can be spaces (U+0085,
		 * U+00A0, U+1680, U+2000-U+205F, U+3000): skip the others
		 * without decoding them.
		 */
		if (c != 0xC2 && (c < 0xE1 || c > 0xE3)) {
			n = utf8_valid_prefix((const unsigned char *)t + i,
			    sc->len - i);
			i += n > 0 ? n : 1;
			continue;
		}
		cp = decode_at(t, sc->len, i, &n);
		if (is_space_cp(cp))
			break;
		i += n;
	}
	w->end = i;
	cut = dotted ? ellipsis_cut(t, w->start, w->end) : 0;
	if (cut > 0) {
		w->end = cut;
		sc->forced = 1;
	}
	sc->pos = w->end;
	return 1;
}

/* Whether word w is only dashes ("-", "–", "--"). */
static int
is_dash_word(const char *text, const struct word *w)
{
	size_t i, n;

	for (i = w->start; i < w->end; i += n)
		if (!is_dash(decode_at(text, w->end, i, &n)))
			return 0;
	return 1;
}

/* Whether the letters of word[s..e) are single letters joined by dots. */
static int
is_dotted_acronym(const char *text, size_t s, size_t e)
{
	size_t i = s, n;
	int letters = 0;
	uint32_t cp;

	while (i < e) {
		cp = decode_at(text, e, i, &n);
		if (!is_letter(cp))
			return 0;
		letters++;
		i += n;
		if (i == e)
			break;
		if (text[i] != '.')
			return 0;
		i++;
	}
	return letters >= 2 && text[e - 1] != '.';
}

enum marker_kind { MARKER_NONE, MARKER_WEAK, MARKER_STRONG };

static int
is_roman(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 5)
		return 0;
	for (i = 0; i < n; i++)
		if (strchr("ivxlc", s[i]) == NULL || s[i] == '\0')
			return 0;
	return 1;
}

/* Whether word w is a bullet or list marker. */
static int
list_marker(const char *text, const struct word *w)
{
	const char *s = text + w->start;
	size_t n = w->end - w->start, len, i, m;
	uint32_t cp = decode_at(text, w->end, w->start, &len);

	if (is_bullet(cp) || (n == 1 && (s[0] == '*' || s[0] == '+')))
		return MARKER_STRONG;
	if (is_dash_word(text, w) && n <= 3)
		return MARKER_WEAK;
	if (n < 2 || (s[n - 1] != '.' && s[n - 1] != ')'))
		return MARKER_NONE;
	if (s[0] == '(') {
		/* (1) (a) (iv) */
		if (s[n - 1] != ')' || n < 3 || n > 6)
			return MARKER_NONE;
		for (i = 1; i < n - 1; i++)
			if (!((s[i] >= '0' && s[i] <= '9') ||
			    (s[i] >= 'a' && s[i] <= 'z') ||
			    (s[i] >= 'A' && s[i] <= 'Z')))
				return MARKER_NONE;
		return MARKER_WEAK;
	}
	/* The number or letter before the final . ) or .) */
	m = n - 1;
	if (s[m] == ')' && m > 1 && s[m - 1] == '.')
		m--;
	/* 1. 12) 1.) */
	for (i = 0; i < m && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == m)
		return i <= 3 ? MARKER_WEAK : MARKER_NONE;
	/* a) a. A) but not A., which is an initial. */
	if (m == 1 && s[0] >= 'a' && s[0] <= 'z')
		return MARKER_WEAK;
	if (m == 1 && s[0] >= 'A' && s[0] <= 'Z' && s[n - 1] == ')')
		return MARKER_WEAK;
	if (is_roman(s, m))
		return MARKER_WEAK;
	return MARKER_NONE;
}

/*
 * A list item's marker taken apart, for items run together on one line
 * ("1. The first item 2. The second item"): a leading bullet, and how the
 * item is numbered.  Styles are ITEM_DIGITS, ITEM_LOWER or ITEM_UPPER
 * times 4 plus 1 for "1.", 2 for "1)" and 3 for "1.)"; 0 is none.
 */
enum { ITEM_DIGITS = 1, ITEM_LOWER, ITEM_UPPER };

struct item {
	uint32_t bullet;	/* the leading bullet, or 0 */
	int bullet_only;	/* the word is the bullet alone */
	int style;
	unsigned value;		/* the number, or the letter's place */
};

static void
item_marker(const char *text, const struct word *w, struct item *it)
{
	size_t i = w->start, n, d, len;
	const char *s;
	uint32_t cp;
	int kind, suffix;

	memset(it, 0, sizeof(*it));
	cp = decode_at(text, w->end, i, &n);
	if (is_bullet(cp)) {
		it->bullet = cp;
		i += n;
		if (i == w->end) {
			it->bullet_only = 1;
			return;
		}
	}
	s = text + i;
	len = w->end - i;
	for (d = 0; d < len && d < 4 && s[d] >= '0' && s[d] <= '9'; d++)
		it->value = it->value * 10 + (unsigned)(s[d] - '0');
	if (d > 0 && d <= 3)
		kind = ITEM_DIGITS;
	else if (d == 0 && s[0] >= 'a' && s[0] <= 'z') {
		kind = ITEM_LOWER;
		it->value = (unsigned)(s[0] - 'a');
		d = 1;
	} else if (d == 0 && s[0] >= 'A' && s[0] <= 'Z') {
		kind = ITEM_UPPER;
		it->value = (unsigned)(s[0] - 'A');
		d = 1;
	} else
		return;
	if (len - d == 1 && s[d] == '.')
		suffix = 1;
	else if (len - d == 1 && s[d] == ')')
		suffix = 2;
	else if (len - d == 2 && s[d] == '.' && s[d + 1] == ')')
		suffix = 3;
	else
		return;
	/* "A." is an initial, not an item. */
	if (kind == ITEM_UPPER && suffix == 1)
		return;
	it->style = kind * 4 + suffix;
}

/* What the next word starts with, and the word itself for openers. */
struct next_info {
	int kind;
	size_t start, end;	/* its letters, for is_opener_word */
	int is_initial;		/* the word is a single letter and a dot */
};

static void
next_info(const char *text, struct scanner sc, const struct word *first,
    struct next_info *ni)
{
	struct word w = *first;
	size_t i, n, e, letters = 0;
	uint32_t cp;
	int skipped = 0;

	memset(ni, 0, sizeof(*ni));
	ni->kind = NEXT_NONE;
	for (;;) {
		if (!is_dash_word(text, &w) || skipped >= MAX_SKIP)
			break;
		if (!scan_word(&sc, &w))
			return;
		skipped++;
	}
	i = w.start;
	for (;;) {
		cp = decode_at(text, w.end, i, &n);
		if (!is_opener(cp) || i + n >= w.end)
			break;
		i += n;
	}
	if (is_lower(cp))
		ni->kind = NEXT_LOWER;
	else if (is_upper(cp))
		ni->kind = NEXT_UPPER;
	else if (is_letter(cp))
		ni->kind = NEXT_UNCASED;
	else if (uc_class(cp) == UC_DIGIT)
		ni->kind = NEXT_DIGIT;
	else if (is_continuing(cp))
		ni->kind = NEXT_CONTINUES;
	else
		ni->kind = NEXT_OTHER;
	ni->start = i;
	for (e = i; e < w.end; e += n) {
		cp = decode_at(text, w.end, e, &n);
		if (!is_letter(cp))
			break;
		letters++;
	}
	ni->end = e;
	ni->is_initial = letters == 1 && e < w.end &&
	    text[e] == '.';
}

/* How the end of a word looks to the rules. */
struct word_end {
	int terminal;		/* 0, '.', '!' (for ! ? and the like), '…' */
	size_t core_start, core_end;	/* the word without openers or marks */
	uint32_t last;		/* the last code point before closers */
};

static void
analyse_end(const char *text, const struct word *w, struct word_end *we)
{
	size_t e = w->end, at, n, s, mark_end;
	uint32_t cp;
	int dots = 0, ellipses = 0, qe = 0;

	memset(we, 0, sizeof(*we));
	/*
	 * Most words end in an ASCII letter or digit: no closer, no terminal
	 * mark, only openers at the start to skip.
	 */
	if (!sp_reference && is_ascii_alnum((unsigned char)text[e - 1])) {
		we->last = (unsigned char)text[e - 1];
		for (s = w->start; s < e; s += n) {
			cp = decode_at(text, e, s, &n);
			if (!is_opener(cp))
				break;
		}
		we->core_start = s;
		we->core_end = e;
		return;
	}
	while (e > w->start) {
		cp = decode_before(text, w->start, e, &at);
		if (!is_closer(cp) || at == w->start)
			break;
		e = at;
	}
	we->last = e > w->start ? decode_before(text, w->start, e, &at) : 0;
	mark_end = e;
	while (e > w->start) {
		cp = decode_before(text, w->start, e, &at);
		if (cp == '.' || cp == 0xFF0E || cp == 0x3002)
			dots++;
		else if (cp == 0x2026)
			ellipses++;
		else if (is_qe(cp))
			qe++;
		else
			break;
		e = at;
	}
	if (qe > 0)
		we->terminal = '!';
	else if (ellipses > 0 || dots >= 2)
		we->terminal = 0x2026;
	else if (dots == 1)
		we->terminal = '.';
	/* An omission in square brackets, "[...]", ends nothing. */
	if (we->terminal == 0x2026 && e > w->start && text[e - 1] == '[' &&
	    mark_end < w->end && text[mark_end] == ']')
		we->terminal = 0;
	s = w->start;
	while (s < e) {
		cp = decode_at(text, e, s, &n);
		if (!is_opener(cp))
			break;
		s += n;
	}
	we->core_start = s;
	we->core_end = e;
}

/*
 * Whether the punctuation at the end of word w ends a sentence, given what
 * the next word starts with.
 */
static int
ends_sentence(const struct sent_abbrevs *ab, const char *text,
    const struct word_end *we, const struct next_info *ni)
{
	const char *core = text + we->core_start;
	size_t n = we->core_end - we->core_start, len;
	int kind;
	uint32_t cp;

	if (we->terminal == 0 || ni->kind == NEXT_NONE)
		return 0;
	if (ni->kind == NEXT_LOWER || ni->kind == NEXT_CONTINUES)
		return 0;
	if (we->terminal == '!')
		return 1;
	if (we->terminal == 0x2026)
		return ni->kind == NEXT_UPPER || ni->kind == NEXT_UNCASED;
	kind = abbrev_kind(ab, core, n);
	if (ni->kind == NEXT_DIGIT)
		return kind == 0;
	switch (kind) {
	case SENT_ABBR_NEVER_ENDS:
		return 0;
	case SENT_ABBR_MAY_END:
		return 1;
	case SENT_ABBR_BEFORE_NUMBER:
		/*
		 * Before a word the dot ends a sentence, unless the word
		 * before it is a capital alone, which is an initial though
		 * its lower case is an abbreviation: "P. Henderson" (but
		 * "p. 10", "P. 10" for page 10).  The rule for initials
		 * below decides.
		 */
		break;
	case SENT_ABBR_BEFORE_OPENER:
		return !ni->is_initial && is_opener_word(text + ni->start,
		    ni->end - ni->start);
	}
	if (n > 0) {
		cp = decode_at(text, we->core_end, we->core_start, &len);
		if ((len == n && is_upper(cp)) ||
		    is_dotted_acronym(text, we->core_start, we->core_end))
			return !ni->is_initial && is_opener_word(text +
			    ni->start, ni->end - ni->start);
	}
	return 1;
}

/*
 * Facts about the paragraph's lines, for the line-break rules.  They take
 * a pass over the paragraph, made only when a line break needs them and
 * bound cannot tell (see break_deliberate).
 */
struct line_facts {
	size_t longest;		/* code points in the longest line, trimmed */
	int structured;		/* two or more lines, all short */
	int ascii;		/* a code point is a byte */
	int measured;		/* the three above are known */
	size_t bound;		/* no line has more code points than this */
};

/*
 * measure_lines for a paragraph in ASCII whose only line breaks are '\n':
 * a line's length is then its bytes less the white space around them, and
 * a line of white space alone is no line.  Returns 0, having done nothing,
 * for any other paragraph.
 */
static int
measure_ascii_lines(const char *text, size_t len, struct line_facts *lf)
{
	const char *p = text, *end = text + len, *nl, *a, *b;
	size_t lines = 0;

	if (!utf8_all_ascii(text, len) || memchr(text, '\r', len) != NULL ||
	    memchr(text, '\v', len) != NULL || memchr(text, '\f', len) != NULL)
		return 0;
	lf->longest = 0;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		a = p;
		b = nl;
		while (a < b && is_space_byte((unsigned char)*a))
			a++;
		while (b > a && is_space_byte((unsigned char)b[-1]))
			b--;
		if (b > a) {
			if ((size_t)(b - a) > lf->longest)
				lf->longest = (size_t)(b - a);
			lines++;
		}
		p = nl + 1;
	}
	lf->structured = lines >= 2 && lf->longest <= SHORT_LINE;
	lf->ascii = 1;
	return 1;
}

static void
measure_lines(const char *text, size_t len, struct line_facts *lf)
{
	struct scanner sc = { text, len, 0, 0 };
	struct word w;
	size_t line_start = 0, line_end = 0, lines = 0, cps;
	int any = 0;

	if (!sp_reference && measure_ascii_lines(text, len, lf))
		return;
	lf->longest = 0;
	lf->ascii = 0;
	while (scan_word(&sc, &w)) {
		if (any && w.line_start) {
			cps = utf8_count(text + line_start,
			    line_end - line_start);
			if (cps > lf->longest)
				lf->longest = cps;
			lines++;
			line_start = w.start;
		} else if (!any)
			line_start = w.start;
		any = 1;
		line_end = w.end;
	}
	if (any) {
		cps = utf8_count(text + line_start,
		    line_end - line_start);
		if (cps > lf->longest)
			lf->longest = cps;
		lines++;
	}
	lf->structured = lines >= 2 && lf->longest <= SHORT_LINE;
}

/* The code points in text[0..n). */
static size_t
count_cps(const struct line_facts *lf, const char *text, size_t n)
{
	return lf->ascii ? n : utf8_count(text, n);
}

/*
 * Whether the line break before word next is deliberate rather than the
 * wrapping of running text: see the rules at the top.
 */
static int
deliberate_break(const struct line_facts *lf, size_t prev_cps,
    size_t next_word_cps)
{
	if (lf->structured)
		return 1;
	return prev_cps + 1 + next_word_cps <= lf->longest &&
	    4 * prev_cps < 3 * lf->longest;
}

/*
 * Whether the line break after the line text[ls..le) (from its first word
 * to its last), before the word text[ws..we), is deliberate; both are
 * known to be ASCII if ascii.  Most line breaks in running text come
 * after a line too long for the break to be deliberate, whatever the
 * longest line: longer than SHORT_LINE, so the block is not
 * line-structured, and longer than three quarters of lf->bound, or too
 * long to take the next word within it.  Those are told without measuring
 * the paragraph.
 */
static int
break_deliberate(const char *text, size_t len, struct line_facts *lf,
    size_t ls, size_t le, size_t ws, size_t we, int ascii)
{
	size_t prev, next;

	if (!lf->measured) {
		prev = ascii ? le - ls : utf8_count(text + ls, le - ls);
		next = ascii ? we - ws : utf8_count(text + ws, we - ws);
		if (!sp_reference && prev > SHORT_LINE &&
		    (prev + 1 + next > lf->bound || 4 * prev >= 3 * lf->bound))
			return 0;
		measure_lines(text, len, lf);
		lf->measured = 1;
	}
	return deliberate_break(lf, count_cps(lf, text + ls, le - ls),
	    count_cps(lf, text + ws, we - ws));
}

/*
 * The line being read, as sent_split and plain_run keep track of it: where
 * it starts, whether it starts with a list marker, whether the line before
 * it did, and where the sentence being read starts.
 */
struct line_state {
	size_t start;		/* the line's first word */
	int marked;
	int prev_marked;
	size_t sentence;	/* the sentence's first word */
};

enum { HEADING_TITLE = 1, HEADING_CAPS };

static int heading_like(const char *s, size_t n);

/*
 * Whether the line from ls->start to text[end), which has no terminal mark
 * at its end, is a heading above the line after it, which starts with a
 * capital or a digit, though the line break is not deliberate by length
 * ("Counter-Terrorism and Border Security Bill" / "Lords amendments
 * considered."): it starts a sentence, with no list marker or dash (an
 * attribution "-- Judge Wells' Order Granting in Part IBM's Motion to
 * Limit" wraps like running text), is in Title Case (every word of
 * four letters or more capitalised, not all in capitals), has no comma,
 * semicolon or colon, and its last word starts with a capital or a digit.
 * Running text that wraps is seldom like that: a line of names ("And the
 * Amorites, and the Canaanites, and the") has commas or ends in a short
 * lower-case word, and text all in capitals wraps like any other (a
 * heading in capitals is cut by the length rule alone).
 */
static int
heading_line_body(const char *text, const struct line_state *ls, size_t end)
{
	size_t i, last = end, at, n;
	uint32_t cp;

	/* The last word first: in running text it is seldom capitalised. */
	while (last > ls->start) {
		if ((unsigned char)text[last - 1] < 0x80) {
			if (is_space_byte((unsigned char)text[last - 1]))
				break;
			last--;
		} else if (is_space_cp(decode_before(text, ls->start, last,
		    &at)))
			break;
		else
			last = at;
	}
	/* Openers before it, as in "(Part 2)", do not count. */
	for (;;) {
		if (last >= end)
			return 0;
		cp = decode_at(text, end, last, &n);
		if (!is_opener(cp))
			break;
		last += n;
	}
	if (is_lower(cp) || !(is_letter(cp) || uc_class(cp) == UC_DIGIT))
		return 0;
	for (i = ls->start; i < end; i++)
		if (text[i] == ',' || text[i] == ';' || text[i] == ':')
			return 0;
	return heading_like(text + ls->start, end - ls->start) ==
	    HEADING_TITLE;
}

/* Most lines do not start a sentence: that is told first, in line. */
static inline int
heading_line(const char *text, const struct line_state *ls, size_t end)
{
	return ls->start == ls->sentence && !ls->marked &&
	    heading_line_body(text, ls, end);
}

/* Whether a line ending in code point c wants its sentence to go on. */
static int
ends_open(uint32_t c)
{
	return c == ',' || c == ';' || c == ':' || c == '&' || c == '/' ||
	    c == '(' || c == '+' || is_dash(c);
}

/* Whether word w is a lone dot, perhaps with quotes or brackets. */
static int
is_lone_dot(const char *text, const struct word *w)
{
	struct word_end we;

	switch (text[w->start]) {
	case '.': case '"': case '\'': case '(': case '[':
		break;
	default:
		return 0;
	}
	analyse_end(text, w, &we);
	return we.terminal == '.' && we.core_start == we.core_end;
}

/*
 * Whether the word before first, which ends in a full stop, ends its
 * sentence because first starts a spaced ellipsis of three dots followed by
 * an upper-case word: "compounds. . . . The practice" (the ellipsis marks an
 * omission at the start of the next sentence).
 */
static int
ellipsis_opens(const char *text, struct scanner sc, const struct word *first)
{
	struct word w = *first;
	struct next_info ni;
	int dots = 0;

	while (is_lone_dot(text, &w)) {
		if (++dots > 3 || !scan_word(&sc, &w))
			return 0;
	}
	if (dots != 3)
		return 0;
	next_info(text, sc, &w, &ni);
	return ni.kind == NEXT_UPPER || ni.kind == NEXT_UNCASED;
}

/* Take the bullet and numbering of item it as the line's list so far. */
static void
seq_update(struct item *seq, const struct item *it)
{
	if (it->bullet != 0)
		seq->bullet = it->bullet;
	if (it->style != 0) {
		seq->style = it->style;
		seq->value = it->value + 1;
	}
}

/*
 * Whether word w, inside a line that starts a list item, starts the next
 * item: it has the line's bullet, or it is the next number or letter in the
 * line's style, and some word follows it.
 */
static int
next_item(const char *text, struct scanner sc, const struct word *w,
    const struct item *seq, struct item *it)
{
	struct word after;

	item_marker(text, w, it);
	if (!((seq->bullet != 0 && it->bullet == seq->bullet) ||
	    (it->bullet == 0 && seq->style != 0 && it->style == seq->style &&
	    it->value == seq->value)))
		return 0;
	return scan_word(&sc, &after);
}

/*
 * The sentence being put together.  Most sentences are short, so it starts
 * in room of its own on sent_split's stack and moves to the heap only for a
 * long one: no allocation per paragraph.
 */
struct sbuf {
	char *s;
	size_t len, cap;
	char local[2048];
};

static void
sbuf_init(struct sbuf *b)
{
	b->s = b->local;
	b->len = 0;
	b->cap = sizeof(b->local);
}

static void
sbuf_free(struct sbuf *b)
{
	if (b->s != b->local)
		free(b->s);
}

/* Make room for n more bytes. */
static void
sbuf_grow(struct sbuf *b, size_t n)
{
	size_t cap = b->cap * 2 > b->len + n ? b->cap * 2 : b->len + n;

	if (b->s == b->local) {
		b->s = xmalloc(cap);
		memcpy(b->s, b->local, b->len);
	} else
		b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

/* Append a stretch of words to b, one space after what it holds. */
static inline void
sbuf_add_words(struct sbuf *b, const char *s, size_t n)
{
	if (b->cap - b->len <= n)
		sbuf_grow(b, n + 1);
	if (b->len > 0)
		b->s[b->len++] = ' ';
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

#ifdef SENT_SSE2
/*
 * Bit k set for each byte p[k] of sixteen that is RUN_STOP, and, if
 * spaces, for each space too.  Signed compares take the bytes from 0x80
 * (negative) with the control characters: below '"' are also the space
 * and '!', and so are below '!' after flipping the low bit, which swaps
 * the space and '!'.
 */
static inline unsigned
stop_bits(const unsigned char *p, int spaces)
{
	__m128i a = _mm_loadu_si128((const __m128i *)(const void *)p), f;

	f = _mm_or_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('.')),
	    _mm_cmpeq_epi8(a, _mm_set1_epi8('?')));
	if (spaces)
		f = _mm_or_si128(f, _mm_cmplt_epi8(a, _mm_set1_epi8('"')));
	else
		f = _mm_or_si128(f, _mm_cmplt_epi8(_mm_xor_si128(a,
		    _mm_set1_epi8(1)), _mm_set1_epi8('!')));
	return (unsigned)_mm_movemask_epi8(f);
}

/* Bit k set for each byte p[k] of sixteen that is a space. */
static inline unsigned
space_bits(const unsigned char *p)
{
	__m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);

	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a,
	    _mm_set1_epi8(' ')));
}

/* Bit k set for each byte p[k] of sixteen that is a space, as is p[k + 1]. */
static inline unsigned
double_space_bits(const unsigned char *p)
{
	return space_bits(p) & space_bits(p + 1);
}
#endif

/*
 * The start of the word that ends at text[q), in a run of plain words from
 * w: just after the last space before q, or w.
 */
static inline size_t
word_start(const char *text, size_t w, size_t q)
{
#ifdef SENT_SSE2
	unsigned bits;

	if (q - w >= 16 && (bits = space_bits((const unsigned char *)text +
	    q - 16)) != 0)
		return q - 16 + (size_t)(32 - __builtin_clz(bits));
#endif
	while (q > w && text[q - 1] != ' ')
		q--;
	return q;
}

/*
 * Line breaks '\n' that plain_run copies with the words around them, to
 * be made spaces in the copy: a line break that is only white space needs
 * no stretch of its own.
 */
enum { MAX_SOFT = 8 };

struct soft_breaks {
	size_t at[MAX_SOFT];	/* offsets in text */
	int n;
};

/* Append text[seg..end) to b as sbuf_add_words, its soft breaks spaces. */
static inline void
add_stretch(struct sbuf *b, const char *text, size_t seg, size_t end,
    struct soft_breaks *sb)
{
	size_t base = b->len > 0 ? b->len + 1 - seg : b->len - seg;
	int k;

	sbuf_add_words(b, text + seg, end - seg);
	for (k = 0; k < sb->n && sb->at[k] < end; k++)
		b->s[base + sb->at[k]] = ' ';
	sb->n = 0;
}

/*
 * The end of a run of plain words separated by single spaces that starts
 * at text[i]: the first byte that is neither plain nor a space, or the
 * first of two spaces in a row.  Sixteen or eight bytes are looked at
 * together, with a branch only at the end of a run.
 */
static size_t
run_end(const char *text, size_t i, size_t len)
{
	const unsigned char *t = (const unsigned char *)text;
	uint64_t x, y, m;

#ifdef SENT_SSE2
	unsigned bits;

	while (len - i >= 17) {
		bits = stop_bits(t + i, 0) | double_space_bits(t + i);
		if (bits != 0)
			return i + (size_t)__builtin_ctz(bits);
		i += 16;
	}
#endif
	while (len - i >= 9) {
		x = swar_load(t + i);
		y = swar_load(t + i + 1);
		/*
		 * Bytes from 0x80, and a space at the same place in x and in y
		 * (shifted by one).  Control characters and the three marks
		 * are found by adding to ASCII bytes, which cannot carry into
		 * the next byte: a byte from 0x80 can, but only into bytes
		 * after it, and it is flagged itself.  A control character
		 * plus 0x60 stays below 0x80; a mark xor itself plus 0x7F too.
		 */
		m = x | SWAR_HAS_ZERO((x ^ SWAR_ONES * ' ') |
		    (y ^ SWAR_ONES * ' ')) |
		    ~((x + SWAR_ONES * 0x60) &
		    ((x ^ SWAR_ONES * '!') + SWAR_ONES * 0x7F) &
		    ((x ^ SWAR_ONES * '.') + SWAR_ONES * 0x7F) &
		    ((x ^ SWAR_ONES * '?') + SWAR_ONES * 0x7F));
		m &= SWAR_HIGHS;
		if (m != 0) {
			/*
			 * Each test flags its first byte exactly (it may flag
			 * later ones wrongly), so the lowest flag in m is the
			 * end.  On a little-endian machine that is the first
			 * in memory; its place comes from multiplying its
			 * bit, brought down to the byte's low bit, by bytes
			 * counting 1 to 8, which puts 8 - place in the top.
			 */
			if (swar_little_endian()) {
				m &= ~m + 1;
				return i + 8 - (size_t)(((m >> 7) *
				    UINT64_C(0x0807060504030201)) >> 56);
			}
			break;
		}
		i += 8;
	}
	for (; i < len; i++) {
		if (run_class[t[i]] == RUN_STOP)
			return i;
		if (t[i] == ' ' && i + 1 < len && t[i + 1] == ' ')
			return i;
	}
	return len;
}

/*
 * The end of the word at text[i] if it is plain to its end and does not
 * end in ')', or 0: then it is no list marker, unless a bullet or a dash
 * starts it.
 */
static inline size_t
plain_word_end(const char *text, size_t i, size_t len)
{
	size_t s = i;

#ifdef SENT_SSE2
	unsigned bits = 0;

	while (len - i >= 16 && (bits = stop_bits((const unsigned char *)text +
	    i, 1)) == 0)
		i += 16;
	if (bits != 0)
		i += (size_t)__builtin_ctz(bits);	/* a byte that stops */
#endif
	while (i < len && run_class[(unsigned char)text[i]] == RUN_PLAIN)
		i++;
	return (i == len || is_space_byte((unsigned char)text[i])) &&
	    i > s && text[i - 1] != ')' ? i : 0;
}

static int
plain_word_at(const char *text, size_t i, size_t len)
{
	return plain_word_end(text, i, len) != 0;
}

/*
 * For run_ends_sentence: whether the capitalised word at text[r] is a
 * common sentence opener and no initial, as next_info and is_opener_word
 * see it; -1 if its letters go on past ASCII.
 */
static int
next_opens(const char *text, size_t len, size_t r)
{
	size_t e = r;

	while (e < len && (unsigned)(((unsigned char)text[e] | 0x20) - 'a') <
	    26)
		e++;
	if (e < len && (unsigned char)text[e] >= 0x80)
		return -1;
	if (e - r == 1 && e < len && text[e] == '.')
		return 0;
	return is_opener_word(text + r, e - r);
}

/*
 * For plain_run: whether the mark at text[q], the first byte after a run
 * of plain words from w that is . ! or ?, ends a sentence when the
 * capitalised word at text[r] follows after white space: 1 if it does, 0
 * if not, -1 if the general rules must decide.  Under the general rules
 * it does after ! or ?; after a full stop, it depends on the word before
 * it, without its opening quotes and brackets (see ends_sentence): an
 * abbreviation's kind decides, and after an initial (a capital alone) or
 * "Co." only a common sentence opener starts a new sentence.  The run's
 * first word, from, and a lone dot are left to the general rules: the
 * first may be a list marker such as "a.", whose dot ends nothing.
 */
static int
run_ends_sentence(const struct sent_abbrevs *ab, const char *text,
    size_t len, size_t from, size_t w, size_t q, size_t r)
{
	size_t d;
	int kind;

	d = word_start(text, w, q);
	if (d <= from)
		return -1;
	if (text[q] != '.')
		return text[r] < 'a' || text[r] > 'z';
	/* Opening quotes and brackets are no part of the word. */
	while (d < q && (text[d] == '"' || text[d] == '\'' ||
	    text[d] == '(' || text[d] == '[' || text[d] == '{'))
		d++;
	if (d == q)
		return -1;
	/* Nothing ends before a lower-case word. */
	if (text[r] >= 'a' && text[r] <= 'z')
		return 0;
	kind = abbrev_kind(ab, text + d, q - d);
	switch (kind) {
	case SENT_ABBR_NEVER_ENDS:
		return 0;
	case SENT_ABBR_MAY_END:
		return 1;
	case SENT_ABBR_BEFORE_OPENER:
		break;
	default:	/* none, or BEFORE_NUMBER: see ends_sentence */
		if (q - d > 1 || text[d] < 'A' || text[d] > 'Z')
			return 1;
		break;
	}
	return next_opens(text, len, r);
}

/*
 * Whether the word at text[r] is a dash of one to three '-' that starts a
 * line: then it is a list marker (a weak one), and after a terminal mark
 * the line it starts is a list item.
 */
static int
dash_line(const char *text, size_t len, size_t r)
{
	size_t k = r;

	while (k < len && text[k] == '-')
		k++;
	return k > r && k - r <= 3 &&
	    (k == len || is_space_byte((unsigned char)text[k]));
}

/*
 * For plain_run: what the mark at text[q] (see run_ends_sentence) does
 * when the word at text[r] follows after blanks, with a line break among
 * them if nl: 2 if it ends a sentence before a line that is a list item
 * (a dash, "-- Mark Twain"), 1 if it ends one, 0 if not, -1 if the
 * general rules must decide.  After a line break a word needs to be plain
 * to be no list marker.
 */
static int
after_mark(const struct sent_abbrevs *ab, const char *text, size_t len,
    size_t from, size_t w, size_t q, size_t r, int nl)
{
	int brk;

	if (nl && dash_line(text, len, r))
		return 2;
	if ((text[r] < 'A' || text[r] > 'Z') && (text[r] < 'a' || text[r] > 'z'))
		return -1;
	brk = run_ends_sentence(ab, text, len, from, w, q, r);
	if (brk < 0 || (nl && !plain_word_at(text, r, len)))
		return -1;
	return brk;
}

/*
 * The end of the white space from text[i] made of spaces, TABs and line
 * breaks '\n', with *nl set when there is a line break among it.  Most
 * often it is the one byte text[i], a space or a '\n'.
 */
static inline size_t
blank_end(const char *text, size_t i, size_t len, int *nl)
{
	if (len - i >= 2 && (unsigned char)text[i + 1] > ' ' &&
	    (text[i] == ' ' || text[i] == '\n')) {
		*nl = text[i] == '\n';
		return i + 1;
	}
	*nl = 0;
	for (; i < len; i++) {
		if (text[i] == '\n')
			*nl = 1;
		else if (text[i] != ' ' && text[i] != '\t')
			break;
	}
	return i;
}

/*
 * For plain_run: what the line break at text[q], after a plain word of the
 * run from w, does when the next line's first word is at text[r] (after
 * blanks): 0 if it is only white space, 1 if it ends a sentence, -1 if the
 * general rules must decide.  The line before starts at ls->start, and
 * is ASCII if that is not before from, where plain_run started.  A
 * lower-case word that is no list marker goes on with the sentence.  A
 * plain capitalised word (no list marker either) ends it only at a
 * deliberate line break after a line that does not ask to go on: see
 * heading_break in sent_split.
 */
static int
line_break_ends(const struct sent_abbrevs *ab, const char *text, size_t len,
    size_t from, size_t w, size_t q, size_t r, const struct line_state *ls,
    struct line_facts *lf)
{
	struct scanner sc = { text, len, q, 0 };
	struct word cur, nxt;
	struct word_end we;
	size_t e;

	if (text[r] >= 'a' && text[r] <= 'z') {
		/* A plain word is no list marker; another needs a look. */
		if (plain_word_at(text, r, len))
			return 0;
		return scan_word(&sc, &nxt) &&
		    list_marker(text, &nxt) == MARKER_NONE ? 0 : -1;
	}
	if (text[r] < 'A' || text[r] > 'Z' ||
	    (e = plain_word_end(text, r, len)) == 0)
		return -1;
	cur.start = word_start(text, w, q);
	cur.end = q;
	analyse_end(text, &cur, &we);
	if (ends_open(we.last) || abbrev_kind(ab, text + we.core_start,
	    we.core_end - we.core_start) != 0)
		return 0;
	return break_deliberate(text, len, lf, ls->start, q, r, e,
	    ls->start >= from) || heading_line(text, ls, q);
}

/*
 * The fast path for running text.  Most words are plain (see run_class) and
 * followed by a single space: then the rules decide nothing, and the word
 * only needs copying.  Starting from word cur, which must not be a bullet
 * alone, in a line that is not a list item with numbers or bullets to look
 * for: copy every plain word followed by blanks, or by a line break before
 * a line that starts with a plain word or a lower-case one that is no list
 * marker (which leaves no room for a new item), ending the sentence there
 * if the line break is a deliberate one that ends it (see
 * line_break_ends); decide the sentence ends at a . ! or ? that ends a
 * word before a letter or a dash line (see after_mark); and stop before
 * the first word that needs the general rules.  The words taken are
 * exactly those whose turn as cur would have changed nothing but the text
 * and the line state that sent_split keeps in *ls, updated here.  Returns
 * the start of the
 * first word not taken (cur's own start if none was).  lf holds the
 * paragraph's line facts once measured.  Words are copied a stretch at a
 * time, a stretch going on across lone line breaks (soft_breaks).
 */
static size_t
plain_run(const struct sent_abbrevs *ab, const char *text, size_t len,
    size_t from, struct sbuf *b, struct line_state *ls, struct line_facts *lf,
    void (*emit)(void *arg, const char *s, size_t n), void *arg)
{
	size_t w = from, q, r, e, cut, seg = from, done = from;
	struct soft_breaks soft;
	int nl, brk;

	soft.n = 0;
	for (;;) {
		q = run_end(text, w, len);
		/*
		 * The paragraph's last word, plain or with one mark after
		 * it (too few dots for an ellipsis), is only to be copied.
		 */
		if ((q == len && text[len - 1] != ' ') || (q == len - 1 &&
		    (text[q] == '.' || text[q] == '!' || text[q] == '?'))) {
			add_stretch(b, text, seg, len, &soft);
			return len;
		}
		/*
		 * A plain word followed by more blank than a single space:
		 * without a line break that is nothing to the rules, before
		 * any word that starts with printable ASCII; see
		 * line_break_ends for one with a line break.  brk is 0 or 1
		 * here.
		 */
		e = q > w && text[q - 1] == ' ' ? q - 1 : q;
		cut = 0;
		if (e > w && q < len && (text[q] == ' ' || text[q] == '\t' ||
		    text[q] == '\n') &&
		    (r = blank_end(text, e, len, &nl)) < len &&
		    (brk = nl ? line_break_ends(ab, text, len, from, w, e, r,
		    ls, lf) : (unsigned char)text[r] > ' ' &&
		    (unsigned char)text[r] < 0x7F ? 0 : -1) >= 0)
			cut = e;
		/*
		 * The commonest sentence ends, "said. The", "me?  And": see
		 * run_ends_sentence.  The run goes on with the next sentence,
		 * on this line or the next, however much blank is between.
		 * The run may end at len (its last word and one space).
		 */
		else if (q + 2 < len &&
		    (text[q] == '.' || text[q] == '!' || text[q] == '?') &&
		    (text[q + 1] == ' ' || text[q + 1] == '\n' ||
		    text[q + 1] == '\t') &&
		    (r = blank_end(text, q + 1, len, &nl)) < len &&
		    (brk = after_mark(ab, text, len, from, w, q, r, nl)) >= 0)
			cut = q + 1;
		if (cut == e && cut > 0 && brk == 0 && nl && r == e + 1 &&
		    soft.n < MAX_SOFT) {
			/* A lone '\n' between words: a space in the copy. */
			soft.at[soft.n++] = e;
			ls->prev_marked = ls->marked;
			ls->marked = 0;
			ls->start = r;
			w = done = r;
			continue;
		}
		if (cut > 0) {
			add_stretch(b, text, seg, cut, &soft);
			if (brk) {
				emit(arg, b->s, b->len);
				b->len = 0;
				ls->sentence = r;
			}
			if (nl) {
				ls->prev_marked = ls->marked;
				ls->marked = brk == 2;
				ls->start = r;
			}
			seg = w = done = r;
			continue;
		}
		/*
		 * The last word of the run may go on with other bytes, or be
		 * followed by something other than a single space: it is
		 * left to the general rules, with all after it.
		 */
		for (r = q; r > w + 1; r--)
			if (text[r - 2] == ' ' && text[r - 1] != ' ') {
				done = r - 1;
				break;
			}
		break;
	}
	if (done > seg)
		add_stretch(b, text, seg, done - 1, &soft);
	return done;
}

void
sent_split(const struct sent_abbrevs *ab, const char *text, size_t len,
    void (*emit)(void *arg, const char *s, size_t n), void *arg)
{
	sent_split_bounded(ab, text, len, len, emit, arg);
}

void
sent_split_bounded(const struct sent_abbrevs *ab, const char *text,
    size_t len, size_t longest,
    void (*emit)(void *arg, const char *s, size_t n), void *arg)
{
	struct scanner sc = { text, len, 0, 0 };
	struct sbuf sb;
	struct line_facts lf = { 0, 0, 0, 0, 0 };
	struct word cur, nxt;
	struct word_end we;
	struct next_info ni;
	struct item seq, it;
	struct line_state ls;
	int have_next, boundary, marker;
	int cur_marker;		/* cur is a list marker; its dot ends nothing */
	int nxt_marker;		/* the same for nxt */
	int cur_bullet;		/* cur is a bullet alone */
	int lone_dots = 0;	/* lone dots in a row, ". . .", up to cur */
	int fast = !sp_reference; /* take plain_run and the shortcuts */

	lf.bound = longest;

	/*
	 * Most paragraphs start with a plain word, which is no list marker
	 * unless it is a dash or a lone * or +.
	 */
	if (fast && len > 0 && (unsigned char)text[0] > ' ' && text[0] != '-' &&
	    (cur.end = plain_word_end(text, 0, len)) != 0 &&
	    !(cur.end == 1 && (text[0] == '*' || text[0] == '+'))) {
		cur.start = 0;
		cur.line_start = cur.forced = 0;
		sc.pos = cur.end;
		ls.marked = 0;
	} else if (!scan_word(&sc, &cur))
		return;
	else
		ls.marked = list_marker(text, &cur) != MARKER_NONE;
	sbuf_init(&sb);
	ls.start = ls.sentence = cur.start;
	ls.prev_marked = 0;
	memset(&seq, 0, sizeof(seq));
	memset(&it, 0, sizeof(it));
	if (ls.marked) {
		item_marker(text, &cur, &it);
		seq_update(&seq, &it);
	}
	cur_marker = ls.marked;
	cur_bullet = it.bullet_only;
	do {
		if (fast && !cur_bullet && seq.bullet == 0 && seq.style == 0) {
			size_t done;

			done = plain_run(ab, text, len, cur.start, &sb, &ls,
			    &lf, emit, arg);
			if (done > cur.start) {
				/*
				 * The words copied marked no item, and cur is
				 * no marker whose dot would end nothing.
				 */
				lone_dots = 0;
				it.bullet_only = 0;
				cur_marker = 0;
				/* The paragraph's last word was taken too. */
				if (done == len)
					break;
				sc.pos = done - 1;
				sc.forced = 0;
				scan_word(&sc, &cur);
			}
		}
		have_next = scan_word(&sc, &nxt);
		sbuf_add_words(&sb, text + cur.start, cur.end - cur.start);
		if (!have_next)
			break;
		analyse_end(text, &cur, &we);
		/*
		 * What the next word starts with matters only after a terminal
		 * mark or across a line break; most words have neither.
		 */
		if (we.terminal != 0 || nxt.line_start)
			next_info(text, sc, &nxt, &ni);
		else
			ni.kind = NEXT_NONE;
		/* The dot of "1." at the start of an item ends nothing. */
		boundary = nxt.forced || (!cur_marker &&
		    ends_sentence(ab, text, &we, &ni));
		/*
		 * Spaced ellipses: three lone dots mark an omission inside a
		 * sentence, four (a full stop and an ellipsis) end one before
		 * an upper-case word, and a full stop followed by three ends
		 * its sentence where the next one opens with the ellipsis.
		 */
		if (we.terminal == '.' && we.core_start == we.core_end) {
			lone_dots++;
			if (lone_dots == 3 && ni.kind != NEXT_CONTINUES)
				boundary = nxt.forced;
			else if (lone_dots >= 4 && ni.kind != NEXT_CONTINUES)
				boundary = nxt.forced ||
				    ni.kind == NEXT_UPPER ||
				    ni.kind == NEXT_UNCASED;
		} else {
			lone_dots = 0;
			if (we.terminal == '.' && ni.kind == NEXT_CONTINUES &&
			    !cur_marker && text[nxt.start] == '.' &&
			    ellipsis_opens(text, sc, &nxt))
				boundary = 1;
		}
		nxt_marker = 0;
		if (nxt.line_start) {
			const char *core = text + we.core_start;
			size_t corelen = we.core_end - we.core_start;
			int weak, heading_break, heading, deliberate = 0;

			ls.prev_marked = ls.marked;
			marker = list_marker(text, &nxt);
			/*
			 * A weak marker ("- ", "a)") after an open line starts
			 * an item only at a deliberate break; a capital or a
			 * digit after a line without a terminal mark starts a
			 * sentence only there.  Whether a break is deliberate
			 * takes the paragraph's line lengths, so it is worked
			 * out only for these two cases.
			 */
			weak = marker == MARKER_WEAK && !ls.prev_marked &&
			    we.terminal == 0 && we.last != ':' &&
			    we.last != ';';
			heading_break = marker == MARKER_NONE &&
			    we.terminal == 0 && !ends_open(we.last) &&
			    (ni.kind == NEXT_UPPER || ni.kind == NEXT_DIGIT ||
			    ni.kind == NEXT_UNCASED) &&
			    abbrev_kind(ab, core, corelen) == 0;
			if (weak || heading_break)
				deliberate = break_deliberate(text, len, &lf,
				    ls.start, cur.end, nxt.start, nxt.end, 0);
			if (weak && !deliberate)
				marker = MARKER_NONE;	/* wrapped text */
			/* Whether cur's line is a heading, before ls moves. */
			heading = heading_break && (deliberate ||
			    heading_line(text, &ls, cur.end));
			ls.marked = marker != MARKER_NONE;
			if (ls.marked || heading)
				boundary = 1;
			ls.start = nxt.start;
			memset(&seq, 0, sizeof(seq));
			memset(&it, 0, sizeof(it));
			if (ls.marked) {
				item_marker(text, &nxt, &it);
				seq_update(&seq, &it);
			}
			nxt_marker = ls.marked;
		} else if (cur_bullet && cur_marker) {
			/* "• 9. The first item": 9. is part of the marker. */
			item_marker(text, &nxt, &it);
			if (it.style != 0 && it.bullet == 0) {
				seq_update(&seq, &it);
				nxt_marker = 1;
			}
			it.bullet_only = 0;
		} else if ((seq.bullet != 0 || seq.style != 0) &&
		    next_item(text, sc, &nxt, &seq, &it)) {
			seq_update(&seq, &it);
			boundary = 1;
			nxt_marker = 1;
		} else
			it.bullet_only = 0;
		if (boundary) {
			emit(arg, sb.s, sb.len);
			sb.len = 0;
			ls.sentence = nxt.start;
		}
		cur = nxt;
		cur_marker = nxt_marker;
		cur_bullet = nxt_marker && it.bullet_only;
	} while (have_next);
	if (sb.len > 0)
		emit(arg, sb.s, sb.len);
	sbuf_free(&sb);
}

/*
 * Whether the one-line paragraph s[0..n) looks like a heading: if it is
 * wholly in brackets, or if every word of four letters or more is
 * capitalised, HEADING_TITLE, but HEADING_CAPS if it is all in capitals or
 * has more such words all in capitals than not; 0 if neither.
 */
static int
heading_like(const char *s, size_t n)
{
	size_t i = 0, len, letters, lower_words = 0, capital_words = 0;
	size_t cased = 0, upper = 0, caps_words = 0, word_lower;
	uint32_t cp, first;

	cp = decode_at(s, n, 0, &len);
	first = cp;
	if (first == '[' || first == '(') {
		cp = decode_before(s, 0, n, &i);
		if (cp == ']' || cp == ')')
			return HEADING_TITLE;
		i = 0;
	}
	while (i < n) {
		while (i < n && is_space_cp(decode_at(s, n, i, &len)))
			i += len;
		letters = word_lower = 0;
		first = 0;
		while (i < n && !is_space_cp(cp = decode_at(s, n, i, &len))) {
			if (is_letter(cp)) {
				if (letters++ == 0)
					first = cp;
				if (is_upper(cp))
					upper++;
				else if (is_lower(cp))
					word_lower++;
				if (is_upper(cp) || is_lower(cp))
					cased++;
			}
			i += len;
		}
		if (letters >= 4 && is_lower(first))
			lower_words++;
		else if (letters >= 4 && is_upper(first)) {
			capital_words++;
			caps_words += word_lower == 0;
		}
	}
	if (cased > 0 && upper == cased)
		return HEADING_CAPS;
	if (lower_words > 0 || capital_words == 0)
		return 0;
	return 2 * caps_words > capital_words ? HEADING_CAPS : HEADING_TITLE;
}

int
sent_para_continues(const char *prev, size_t plen, const char *next,
    size_t nlen)
{
	size_t i = 0, e = plen, at, n;
	uint32_t cp;
	struct word w;
	struct scanner sc = { next, nlen, 0, 0 };

	/* Next must start with a lower-case letter, not a list marker. */
	if (!sp_reference && nlen > 0 && (unsigned char)next[0] > ' ' &&
	    (unsigned char)next[0] < 0x80 &&
	    !is_opener((unsigned char)next[0]) &&
	    (next[0] < 'a' || next[0] > 'z'))
		return 0;
	if (!scan_word(&sc, &w) || list_marker(next, &w) != MARKER_NONE)
		return 0;
	i = w.start;
	for (;;) {
		cp = decode_at(next, nlen, i, &n);
		if (!is_opener(cp) || i + n >= w.end)
			break;
		i += n;
	}
	if (!is_lower(cp))
		return 0;

	/* Prev must end without a terminal mark or colon. */
	while (e > 0 && is_space_cp(decode_before(prev, 0, e, &at)))
		e = at;
	if (e == 0)
		return 0;
	while (e > 0) {
		cp = decode_before(prev, 0, e, &at);
		if (!is_closer(cp) || at == 0)
			break;
		e = at;
	}
	cp = decode_before(prev, 0, e, &at);
	if (is_terminal(cp) || cp == ':')
		return 0;
	if (memchr(prev, '\n', e) == NULL && heading_like(prev, e))
		return 0;
	return 1;
}
