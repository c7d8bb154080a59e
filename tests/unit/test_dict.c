/*
 * Unit tests of the dictionaries (lib/dict.c): weights read and written
 * exactly, both file formats, every error with its file and line, the
 * matches that count (negation as Lexicoder's negated entries, nesting
 * across categories, a token once per category), weighted sums and rates.
 */
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dict.h"
#include "err.h"
#include "unit.h"

static char path[] = "/tmp/sp-dict-XXXXXX";

static void
write_file(const char *content)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(content, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

/*
 * Load content with stderr going to a file; return what was written
 * there (static), and the dictionary loaded in *d.  A load that ends the
 * program is run in a child: *status is its exit status, or -1.
 */
static const char *
load(struct dict *d, const char *content, int format, int nesting, int *status)
{
	static char msg[4096];
	char errpath[] = "/tmp/sp-dict-err-XXXXXX";
	int fd = mkstemp(errpath), saved, st;
	pid_t pid;
	ssize_t got;

	write_file(content);
	fflush(stderr);
	*status = -1;
	if ((pid = fork()) == 0) {
		dup2(fd, 2);
		dict_load(d, path, format, nesting);
		exit(0);
	}
	waitpid(pid, &st, 0);
	lseek(fd, 0, SEEK_SET);
	got = read(fd, msg, sizeof(msg) - 1);
	msg[got > 0 ? got : 0] = '\0';
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
		close(fd);
		unlink(errpath);
		return msg;
	}
	/* It loads: load it here too, for the caller. */
	saved = dup(2);
	dup2(fd, 2);
	dict_load(d, path, format, nesting);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fd);
	unlink(errpath);
	*status = 0;
	return msg;
}

/* A dictionary that must be refused with message want at line. */
static void
check_refused(const char *content, int format, unsigned line, const char *want)
{
	struct dict d;
	char expect[4096];
	const char *got;
	int status;

	if (line > 0)
		snprintf(expect, sizeof(expect), "sp: %s:%u: %s\n", path, line,
			 want);
	else
		snprintf(expect, sizeof(expect), "sp: %s: %s\n", path, want);
	got = load(&d, content, format, DICT_NESTED_DICTIONARY, &status);
	CHECK_INT(status, 2);
	CHECK_STR(got, expect);
	if (status == 0)
		dict_free(&d);
}

static void
test_weights(void)
{
	int64_t w;
	char buf[32];

	CHECK(dict_parse_weight("-1.5", 4, &w) == 0 && w == -1500000);
	CHECK(dict_parse_weight("+2", 2, &w) == 0 && w == 2000000);
	CHECK(dict_parse_weight("0.25", 4, &w) == 0 && w == 250000);
	CHECK(dict_parse_weight(".5", 2, &w) == 0 && w == 500000);
	CHECK(dict_parse_weight("\xE2\x88\x92"
				"0.75",
				7, &w) == 0 &&
	      w == -750000);
	CHECK(dict_parse_weight("0.000001", 8, &w) == 0 && w == 1);
	CHECK(dict_parse_weight("1000000", 7, &w) == 0 &&
	      w == (int64_t)1000000 * DICT_WEIGHT_ONE);
	CHECK(dict_parse_weight("1000000.000001", 14, &w) < 0);
	CHECK(dict_parse_weight("99999999999999999999999", 23, &w) < 0);
	CHECK(dict_parse_weight("1.2345678", 9, &w) < 0);
	CHECK(dict_parse_weight("1e3", 3, &w) < 0);
	CHECK(dict_parse_weight("1.", 2, &w) < 0);
	CHECK(dict_parse_weight(".", 1, &w) < 0);
	CHECK(dict_parse_weight("-", 1, &w) < 0);
	CHECK(dict_parse_weight("", 0, &w) < 0);
	CHECK(dict_parse_weight("1,5", 3, &w) < 0);
	CHECK(dict_parse_weight(" 1", 2, &w) < 0);
	dict_format_weight(-1500000, buf);
	CHECK_STR(buf, "-1.5");
	dict_format_weight(2000000, buf);
	CHECK_STR(buf, "2");
	dict_format_weight(1, buf);
	CHECK_STR(buf, "0.000001");
	dict_format_weight(-1, buf);
	CHECK_STR(buf, "-0.000001");
	dict_format_weight(0, buf);
	CHECK_STR(buf, "0");
	CHECK_INT(dict_format_weight(INT64_MIN, buf), 21);
	CHECK_STR(buf, "-9223372036854.775808");
	CHECK(fabs(dict_per_1000(3, 1500) - 2) < 1e-12);
	CHECK(isnan(dict_per_1000(3, 0)));
}

/* The counts and sums of text, category by category, as "c:n:s ...". */
static const char *
scores(struct dict *d, const char *text)
{
	static char out[1024];
	const struct search_match *m;
	uint64_t count[16];
	int64_t sum[16];
	size_t nm, c, len = 0, namelen;
	char w[32];

	memset(count, 0, sizeof(count));
	memset(sum, 0, sizeof(sum));
	nm = dict_match(d, text, strlen(text), &m);
	CHECK_INT(dict_tally(d, m, nm, count, sum), 0);
	out[0] = '\0';
	for (c = 0; c < dict_categories(d) && c < 16; c++) {
		const char *name = dict_category(d, (uint32_t)c, &namelen);

		dict_format_weight(sum[c], w);
		len += (size_t)snprintf(out + len, sizeof(out) - len,
					"%s%.*s:%llu:%s", c ? " " : "",
					(int)namelen, name,
					(unsigned long long)count[c], w);
	}
	return out;
}

static const char lexicoder[] =
    "# A small sentiment dictionary with Lexicoder's negated entries.\n"
    "positive\tgood\t1\n"
    "positive\tgreat\t2\n"
    "negative\tbad*\t-1.5\n"
    "\n"
    "neg_positive\tnot good\t-1\n"
    "neg_positive\tnot great\t-2\n"
    "neg_negative\tnot bad*\t1.5\n";

static void
test_negation(void)
{
	struct dict d;
	int status;
	const char *msg;
	const char *text = "This is not good, but the food is good and "
			   "not bad at all; badly done.";

	msg = load(&d, lexicoder, DICT_AUTO, DICT_NESTED_DICTIONARY, &status);
	CHECK_INT(status, 0);
	CHECK_STR(msg, "");
	CHECK_INT(d.format, DICT_SP);
	CHECK_INT(d.weighted, 1);
	CHECK_INT(dict_categories(&d), 4);
	/*
	 * "not good" counts as neg_positive only, "good" once as positive,
	 * "not bad" as neg_negative only, "badly" as negative.
	 */
	CHECK_STR(scores(&d, text), "positive:1:1 negative:1:-1.5 "
				    "neg_positive:1:-1 neg_negative:1:1.5");
	/* Not nested: the plain words count as well, as in quanteda. */
	dict_free(&d);
	load(&d, lexicoder, DICT_AUTO, DICT_NESTED_CATEGORY, &status);
	CHECK_STR(scores(&d, text), "positive:2:2 negative:2:-3 "
				    "neg_positive:1:-1 neg_negative:1:1.5");
	dict_free(&d);
}

static void
test_nesting(void)
{
	struct dict d;
	int status;

	load(&d,
	     "a\tvery good\n"
	     "b\tgood news\n"
	     "c\tnot very good\n"
	     "d\tgood\n"
	     "e\tgood\n"
	     "e\tgood*\n"
	     "f\tterror*\n"
	     "g\tterror*\n",
	     DICT_SP, DICT_NESTED_DICTIONARY, &status);
	CHECK_INT(status, 0);
	/* Overlapping, neither covering the other: both count. */
	CHECK_STR(scores(&d, "very good news"),
		  "a:1:1 b:1:1 c:0:0 d:0:0 e:0:0 f:0:0 g:0:0");
	/* Covered by a longer match covered by a longer one: only that. */
	CHECK_STR(scores(&d, "not very good"),
		  "a:0:0 b:0:0 c:1:1 d:0:0 e:0:0 f:0:0 g:0:0");
	/* The same words in two categories count in both, once each. */
	CHECK_STR(scores(&d, "good goods terrorism"),
		  "a:0:0 b:0:0 c:0:0 d:1:1 e:2:2 f:1:1 g:1:1");
	dict_free(&d);
}

static void
test_duplicates(void)
{
	struct dict d;
	int status;

	/* The same entry twice, spelled differently: one entry. */
	load(&d, "p\tgood\t1\np\tGood\t1.0\np\t\"good\"\t1\n", DICT_SP,
	     DICT_NESTED_DICTIONARY, &status);
	CHECK_INT(status, 0);
	CHECK_INT(d.npatterns, 2); /* "good" is a phrase pattern */
	CHECK_STR(scores(&d, "good"), "p:1:1");
	dict_free(&d);
	check_refused(
	    "p\tnot  good\t1\np\tnot good\t-1\n", DICT_SP, 2,
	    "pattern 'not good' is in category 'p' with weight 1 (line 1) "
	    "and -1");
}

static const char liwc[] = "%\n"
			   "1\tposemo\n"
			   "2\tnegemo\n"
			   "03\taffect\n"
			   "%\n"
			   "good\t1\t3\n"
			   "bad*\t2 3\n"
			   "kind of\t01\n"
			   "like\t02 134(02 134)126/125\n"
			   ":)\t1\n"
			   "happy 1 03\n"
			   "\r\n";

static void
test_liwc(void)
{
	struct dict d;
	char want[512];
	const char *msg;
	int status;

	msg = load(&d, liwc, DICT_AUTO, DICT_NESTED_DICTIONARY, &status);
	CHECK_INT(status, 0);
	CHECK_INT(d.format, DICT_LIWC);
	CHECK_INT(d.weighted, 0);
	snprintf(
	    want, sizeof(want),
	    "sp: %s: 1 conditional entry skipped (the first on line 9): sp "
	    "has no conditional categories\n"
	    "sp: %s: 1 entry without a word skipped (the first on line 10)\n",
	    path, path);
	CHECK_STR(msg, want);
	CHECK_INT(dict_categories(&d), 3);
	/* Categories in the list's order; a token in several of them. */
	CHECK_STR(scores(&d, "I am happy, it was kind of good but badly made"),
		  "posemo:3:3 negemo:1:1 affect:3:3");
	dict_free(&d);

	check_refused("%\n1\tposemo\n%\ngood\t2\n", DICT_LIWC, 4,
		      "category id 2 is not in the category list");
	check_refused("%\n1\tposemo\n1\tnegemo\n%\n", DICT_LIWC, 3,
		      "category id 1 is listed twice");
	check_refused("%\n1\tposemo\n2\tposemo\n%\n", DICT_LIWC, 3,
		      "category 'posemo' is listed twice");
	check_refused("%\nx\tposemo\n%\n", DICT_LIWC, 2,
		      "category id 'x' is not a number");
	check_refused("%\n1\n%\n", DICT_LIWC, 2,
		      "a category needs an id and a name");
	check_refused("%\n1\tposemo\n%\ngood\t1 x\n", DICT_LIWC, 4,
		      "category id 'x' is not a number");
	check_refused("%\n1\tposemo\n%\ngood\n", DICT_LIWC, 4,
		      "no category id after 'good'");
	check_refused("%\n1\tposemo\n%\ngood\t1\n%\n", DICT_LIWC, 5,
		      "a LIWC dictionary has only two % lines");
	check_refused("%\n1\tposemo\ngood\t1\n", DICT_LIWC, 3,
		      "category id 'good' is not a number");
	check_refused("good\t1\n", DICT_LIWC, 1,
		      "a LIWC dictionary starts with a % line");
	check_refused("%\n1\tposemo\n", DICT_LIWC, 0,
		      "the category list is not closed by a % line");
	check_refused("%\n1\tposemo\n%\n", DICT_LIWC, 0, "no patterns");
}

static void
test_errors(void)
{
	struct dict d;
	const char *msg;
	int status;

	check_refused("threat\tterror*\nbroken line\n", DICT_SP, 2,
		      "no TAB between category and pattern");
	check_refused("\tterror*\n", DICT_SP, 1, "empty category");
	check_refused(
	    "a\tgood\t1\t2\n", DICT_SP, 1,
	    "more than three fields (CATEGORY TAB pattern TAB weight)");
	check_refused("a\tgood\t1.5x\n", DICT_SP, 1,
		      "weight '1.5x' is not a number such as -1.5 (at most 6 "
		      "decimals, at most 1000000)");
	check_refused(
	    "a\tgood\t\n", DICT_SP, 1,
	    "weight '' is not a number such as -1.5 (at most 6 decimals, "
	    "at most 1000000)");
	check_refused("a\t...\n", DICT_SP, 1, "pattern '...' has no words");
	check_refused("# nothing\n\n", DICT_AUTO, 0, "no patterns");
	/* A missing file is reported and refused, without exiting. */
	unlink(path);
	{
		int saved = dup(2), null = open("/dev/null", O_WRONLY);

		dup2(null, 2);
		CHECK_INT(dict_load(&d, path, DICT_AUTO, 0), -1);
		dup2(saved, 2);
		close(null);
		close(saved);
	}
	/* Blanks around a weight, CR line ends: fine. */
	msg = load(&d, "a\tgood\t 2 \r\n", DICT_AUTO, 0, &status);
	CHECK_INT(status, 0);
	CHECK_STR(msg, "");
	CHECK_STR(scores(&d, "good"), "a:1:2");
	dict_free(&d);
}

static void
test_overflow(void)
{
	struct dict d;
	struct search_match m = {0, 4, 0, 0};
	uint64_t count[1] = {0};
	int64_t sum[1] = {INT64_MAX - 5};
	int status;

	load(&d, "a\tgood\t1000000\n", DICT_SP, 0, &status);
	CHECK_INT(dict_tally(&d, &m, 1, count, sum), -1);
	CHECK(sum[0] == INT64_MAX - 5);
	CHECK_INT(count[0], 1);
	dict_free(&d);
}

/* Each match names its entry as the file has it, in both formats. */
static void
test_entries(void)
{
	struct dict d;
	const struct search_match *m;
	size_t nm, len;
	int status;
	const char *text = "not good, very good";

	load(&d, "a\t  not good \t-1\nb\tgood\nb\tgood\n", DICT_SP, 0, &status);
	CHECK_INT(status, 0);
	nm = dict_match(&d, text, strlen(text), &m);
	CHECK_INT(nm, 2);
	CHECK_STR(dict_entry(&d, &m[0], &len), "not good");
	CHECK_INT(len, 8);
	CHECK_STR(dict_entry(&d, &m[1], &len), "good");
	dict_free(&d);
	load(&d, "%\n1 x\n%\nvery good\t1\n", DICT_AUTO, 0, &status);
	nm = dict_match(&d, text, strlen(text), &m);
	CHECK_INT(nm, 1);
	CHECK_STR(dict_entry(&d, &m[0], &len), "very good");
	dict_free(&d);
}

int
main(void)
{
	int fd = mkstemp(path);

	if (fd < 0) {
		perror("mkstemp");
		return 1;
	}
	close(fd);
	test_weights();
	test_negation();
	test_nesting();
	test_duplicates();
	test_liwc();
	test_errors();
	test_overflow();
	test_entries();
	unlink(path);
	UNIT_DONE();
}
