/*
 * Fuzz the sentence splitter (lib/sentence.h).  The input, made valid
 * UTF-8 without CR or BOM as sp-split makes it, is split as one paragraph
 * and, cut at a point chosen by its first byte, asked whether the second
 * part continues the first.  Every sentence must keep sent_split's
 * promises: not empty, valid UTF-8, one ASCII space between words and none
 * at either end, no line break or TAB (a TAB would break the record).  If
 * the first byte is odd, the first line also gives user abbreviations.
 * sent_split_bounded, told the longest line as sp-split tells it, must
 * give the same sentences as sent_split, and so must the reference
 * (sp_reference, lib/reference.h), which takes none of the fast paths.
 */
#include "fuzz.h"
#include "reference.h"
#include "sentence.h"

struct tally {
	size_t sentences, bytes;
	uint64_t hash;		/* of the sentences in order */
};

static void
check_sentence(void *arg, const char *s, size_t n)
{
	struct tally *t = arg;
	size_t i;

	FUZZ_ASSERT(n > 0);
	FUZZ_ASSERT(fuzz_valid_utf8(s, n));
	FUZZ_ASSERT(s[0] != ' ' && s[n - 1] != ' ');
	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(s[i] != '\n' && s[i] != '\r' && s[i] != '\t');
		FUZZ_ASSERT(s[i] != '\0');
		FUZZ_ASSERT(!(s[i] == ' ' && i + 1 < n && s[i + 1] == ' '));
	}
	t->sentences++;
	t->bytes += n;
	for (i = 0; i < n; i++)
		t->hash = (t->hash ^ (unsigned char)s[i]) * 0x100000001B3u;
	t->hash = (t->hash ^ 0x100) * 0x100000001B3u;
}

/* The bytes of the longest line of s[0..n). */
static size_t
longest_line(const char *s, size_t n)
{
	size_t longest = 0, i, start = 0;

	for (i = 0; i <= n; i++)
		if (i == n || s[i] == '\n') {
			if (i - start > longest)
				longest = i - start;
			start = i + 1;
		}
	return longest;
}

/* Drop CRs (sp-split makes them line breaks) and a leading BOM. */
static size_t
clean(char *s, size_t n)
{
	size_t i;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		memmove(s, s + 3, n - 3);
		n -= 3;
	}
	for (i = 0; i < n; i++)
		if (s[i] == '\r')
			s[i] = '\n';
	return n;
}

static void
add_abbrevs(struct sent_abbrevs *ab, const char *s, size_t n)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		sent_abbrevs_add(ab, s + i, j - i);
		i = j + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sent_abbrevs *ab = NULL;
	struct tally whole = { 0, 0, 0 }, part = { 0, 0, 0 };
	struct tally bounded = {0, 0, 0}, reference = {0, 0, 0};
	const char *nl;
	char *text;
	size_t len, cut, start = 0;

	if (size == 0)
		return 0;
	text = fuzz_utf8(data + 1, size - 1, &len);
	len = clean(text, len);
	if (data[0] & 1) {
		ab = sent_abbrevs_new();
		nl = memchr(text, '\n', len);
		start = nl ? (size_t)(nl - text) + 1 : len;
		add_abbrevs(ab, text, nl ? (size_t)(nl - text) : len);
	}

	sent_split(ab, text + start, len - start, check_sentence, &whole);
	sent_split_bounded(ab, text + start, len - start,
	    longest_line(text + start, len - start), check_sentence, &bounded);
	FUZZ_ASSERT(bounded.sentences == whole.sentences &&
	    bounded.bytes == whole.bytes && bounded.hash == whole.hash);
	sp_reference = 1;
	sent_split(ab, text + start, len - start, check_sentence, &reference);
	sp_reference = 0;
	FUZZ_ASSERT(reference.sentences == whole.sentences &&
		    reference.bytes == whole.bytes &&
		    reference.hash == whole.hash);

	/* A cut point on a character boundary. */
	cut = start + (len - start) * data[0] / 256;
	while (cut > start && ((unsigned char)text[cut] & 0xC0) == 0x80)
		cut--;
	sent_para_continues(text + start, cut - start, text + cut, len - cut);
	sent_split(ab, text + start, cut - start, check_sentence, &part);
	sent_split(ab, text + cut, len - cut, check_sentence, &part);

	if (ab != NULL)
		sent_abbrevs_free(ab);
	free(text);
	return 0;
}
