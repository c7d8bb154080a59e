/*
 * Unit tests for lib/group.c: --by values (key levels, columns, col:,
 * periods), ISO dates, the group of records (ids in and not in the table,
 * empty and NA values, the last-key cache when ids alternate), the report
 * of missing ids and the message for a record with too few key fields,
 * each message exactly.  Tables are written into a fresh temporary folder.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "group.h"
#include "meta.h"
#include "unit.h"

static char errbuf[4096];
static int saved_fd = -1, err_fd = -1;

/* Send standard error to a file until errors_end puts it in errbuf. */
static void
errors_begin(void)
{
	fflush(stderr);
	saved_fd = dup(2);
	err_fd = open("stderr.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (saved_fd < 0 || err_fd < 0)
		exit(2);
	dup2(err_fd, 2);
}

static const char *
errors_end(void)
{
	ssize_t n;

	fflush(stderr);
	dup2(saved_fd, 2);
	close(saved_fd);
	lseek(err_fd, 0, SEEK_SET);
	n = read(err_fd, errbuf, sizeof(errbuf) - 1);
	errbuf[n > 0 ? n : 0] = '\0';
	close(err_fd);
	return errbuf;
}

static void
load(struct meta *m, const char *name, const char *text)
{
	FILE *f = fopen(name, "wb");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0 ||
	    meta_load(m, name, NULL, META_AUTO) != 0) {
		perror(name);
		exit(2);
	}
	unlink(name);
}

/* group_init's result and message. */
static int
init(struct grouper *g, const char *by, const struct meta *m)
{
	int rc;

	errors_begin();
	rc = group_init(g, by, m);
	errors_end();
	return rc;
}

/* The name of the group of the record line. */
static const char *
group_text(struct grouper *g, const char *line)
{
	struct record rec;
	uint32_t id;
	size_t len;

	record_split(&rec, line, strlen(line));
	id = group_of(g, &rec);
	if (id == GROUP_SHORT)
		return "(short)";
	return group_name(g, id, &len);
}

static void
test_dates(void)
{
	int y, mo, d;

	CHECK_INT(group_parse_date("2019-03-12", 10, &y, &mo, &d),
	    GROUP_PERIOD_DAY);
	CHECK(y == 2019 && mo == 3 && d == 12);
	CHECK_INT(group_parse_date("2019-03", 7, &y, &mo, &d),
	    GROUP_PERIOD_MONTH);
	CHECK(y == 2019 && mo == 3 && d == 0);
	CHECK_INT(group_parse_date("1791", 4, &y, &mo, &d), GROUP_PERIOD_YEAR);
	CHECK(y == 1791 && mo == 0 && d == 0);
	CHECK_INT(group_parse_date("2019-03-12T10:30:00Z", 20, &y, &mo, &d),
	    GROUP_PERIOD_DAY);
	CHECK_INT(group_parse_date("2019-03-12 10:30", 16, &y, &mo, &d),
	    GROUP_PERIOD_DAY);
	/* Leap years: 2000 and 2024 are, 1900 and 2019 are not. */
	CHECK_INT(group_parse_date("2000-02-29", 10, &y, &mo, &d),
	    GROUP_PERIOD_DAY);
	CHECK_INT(group_parse_date("2024-02-29", 10, &y, &mo, &d),
	    GROUP_PERIOD_DAY);
	CHECK_INT(group_parse_date("1900-02-29", 10, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("2019-02-29", 10, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("2019-04-31", 10, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("2019-12-31", 10, &y, &mo, &d),
	    GROUP_PERIOD_DAY);
	CHECK_INT(group_parse_date("2019-13-01", 10, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("2019-00", 7, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("2019-03-00", 10, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("2019-3-12", 9, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("2019/03/12", 10, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("12/03/2019", 10, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("19", 2, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("20190312", 8, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("2019-03-1x", 10, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("2019-03-123", 11, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("Tuesday", 7, &y, &mo, &d), 0);
	CHECK_INT(group_parse_date("", 0, &y, &mo, &d), 0);
}

static void
test_key_levels(void)
{
	struct grouper g;
	struct record rec;

	CHECK_INT(init(&g, "doc", NULL), 0);
	CHECK_INT(g.kind, GROUP_KEY);
	CHECK_INT(g.fields, 1);
	CHECK_STR(group_text(&g, "d1\t1\t1\tthe"), "d1");
	CHECK_STR(group_text(&g, "d1\t1\t2\tend"), "d1");
	CHECK_STR(group_text(&g, "d2\t1\t1\tthe"), "d2");
	CHECK_STR(group_text(&g, "d1\t9\t9\tthe"), "d1");
	CHECK_INT(group_count(&g), 2);
	CHECK_STR(group_text(&g, "no key"), "(short)");
	/* An empty first field is a key of its own. */
	CHECK_STR(group_text(&g, "\tword"), "");
	CHECK_INT(group_count(&g), 3);
	CHECK_INT(group_report_missing(&g), 0);
	group_free(&g);

	CHECK_INT(init(&g, "para", NULL), 0);
	CHECK_STR(group_text(&g, "d1\t1\t1\tthe"), "d1\t1");
	CHECK_STR(group_text(&g, "d1\t2\t1\tthe"), "d1\t2");
	CHECK_STR(group_text(&g, "d1\tthe"), "(short)");
	record_split(&rec, "d1\tthe", 6);
	errors_begin();
	group_warn_short(&g, "tokens.tsv", 7, &rec);
	CHECK_STR(errors_end(), "sp: tokens.tsv:7: --by para needs 2 key "
	    "fields, the record has 1\n");
	group_free(&g);

	CHECK_INT(init(&g, "3", NULL), 0);
	CHECK_INT(g.fields, 3);
	CHECK_STR(group_text(&g, "d1\t1\t4\tthe"), "d1\t1\t4");
	group_free(&g);

	CHECK_INT(init(&g, "Party", NULL), -1);
	CHECK_STR(errbuf, "sp: --by Party: not doc, para, sent or a number "
	    "from 1 to 1000 (a column of a metadata table needs --meta "
	    "FILE)\n");
	CHECK_INT(init(&g, "0", NULL), -1);
	CHECK_STR(errbuf, "sp: --by 0: not doc, para, sent or a number "
	    "from 1 to 1000 (a column of a metadata table needs --meta "
	    "FILE)\n");
	CHECK_INT(init(&g, "col:doc", NULL), -1);
	CHECK_STR(errbuf, "sp: --by col:doc: a column of a metadata table "
	    "needs --meta FILE\n");
}

static const char table[] =
    "id\tparty\tDate\tdoc\tDate:year\tnote\tnote\n"
    "u1\tLab\t2019-03-12\tD1\tY1\ta\tb\n"
    "u2\tCon\t2019-04-01T09:00\tD2\tY2\ta\tb\n"
    "u3\t\t2020-01-31\tD3\tY3\ta\tb\n"
    "u4\tNA\t\tD4\tY4\ta\tb\n"
    "u5\tLab\tNA\tD5\tY5\ta\tb\n"
    "u6\tLD\t2011-12-01\tD6\tY6\ta\tb\n";

static void
test_columns(void)
{
	struct meta m;
	struct grouper g;
	struct record rec;
	size_t len;

	load(&m, "meta.tsv", table);
	CHECK_INT(init(&g, "party", &m), 0);
	CHECK_STR(errbuf, "");
	CHECK_INT(g.kind, GROUP_COLUMN);
	CHECK_STR(group_text(&g, "u1\t1\t1\tthe"), "Lab");
	CHECK_STR(group_text(&g, "u1\t1\t2\tend"), "Lab");
	CHECK_STR(group_text(&g, "u2\t1\t1\tthe"), "Con");
	/* Empty and NA values, and ids not in the table, are NA. */
	CHECK_STR(group_text(&g, "u3\t1\t1\tthe"), "NA");
	CHECK_STR(group_text(&g, "u4\t1\t1\tthe"), "NA");
	CHECK_STR(group_text(&g, "u5\t1\t1\tthe"), "Lab");
	CHECK_STR(group_text(&g, "u9\t1\t1\tthe"), "NA");
	CHECK_STR(group_text(&g, "u9\t1\t2\tthe"), "NA");
	CHECK_STR(group_text(&g, "u1\t2\t1\tthe"), "Lab");
	/* Ids alternating, so the cache is passed by each time. */
	CHECK_STR(group_text(&g, "u7\tthe"), "NA");
	CHECK_STR(group_text(&g, "u6\tthe"), "LD");
	CHECK_STR(group_text(&g, "u7\tthe"), "NA");
	CHECK_STR(group_text(&g, "u6\tthe"), "LD");
	CHECK_STR(group_text(&g, "u2\tthe"), "Con");
	CHECK_STR(group_text(&g, "u\tthe"), "NA");
	CHECK_STR(group_text(&g, "\tthe"), "NA");
	CHECK_STR(group_text(&g, "the"), "(short)");
	CHECK_STR(group_name(&g, group_of_key(&g, "u6", 2), &len), "LD");
	CHECK_INT(len, 2);
	/* Groups are numbered in order of first appearance in the table. */
	CHECK_INT(group_count(&g), 4);
	CHECK_STR(group_name(&g, 0, &len), "Lab");
	CHECK_STR(group_name(&g, 1, &len), "Con");
	CHECK_STR(group_name(&g, 2, &len), "NA");
	CHECK_STR(group_name(&g, 3, &len), "LD");
	errors_begin();
	CHECK_INT(group_report_missing(&g), 4);
	CHECK_STR(errors_end(), "sp: meta.tsv: 4 ids not in the table "
	    "(first: u9); their records are counted as NA\n");
	record_split(&rec, "the", 3);
	errors_begin();
	group_warn_short(&g, "-", 3, &rec);
	CHECK_STR(errors_end(), "sp: -:3: --by party needs a key whose "
	    "first field is an id of meta.tsv, the record has no key\n");
	group_free(&g);

	/* One missing id, and the empty id first. */
	CHECK_INT(init(&g, "party", &m), 0);
	CHECK_STR(group_text(&g, "u8\tx"), "NA");
	errors_begin();
	CHECK_INT(group_report_missing(&g), 1);
	CHECK_STR(errors_end(), "sp: meta.tsv: 1 id not in the table "
	    "(first: u8); their records are counted as NA\n");
	group_free(&g);
	CHECK_INT(init(&g, "party", &m), 0);
	CHECK_STR(group_text(&g, "\tx"), "NA");
	CHECK_STR(group_text(&g, "u8\tx"), "NA");
	errors_begin();
	CHECK_INT(group_report_missing(&g), 2);
	CHECK_STR(errors_end(), "sp: meta.tsv: 2 ids not in the table "
	    "(first: the empty id); their records are counted as NA\n");
	group_free(&g);
	/* Nothing missing, nothing said. */
	CHECK_INT(init(&g, "party", &m), 0);
	CHECK_STR(group_text(&g, "u1\tx"), "Lab");
	errors_begin();
	CHECK_INT(group_report_missing(&g), 0);
	CHECK_STR(errors_end(), "");
	group_free(&g);

	/* Key levels win over columns of the same name; col: reaches them. */
	CHECK_INT(init(&g, "doc", &m), 0);
	CHECK_INT(g.kind, GROUP_KEY);
	CHECK_STR(group_text(&g, "u1\tx"), "u1");
	group_free(&g);
	CHECK_INT(init(&g, "col:doc", &m), 0);
	CHECK_INT(g.kind, GROUP_COLUMN);
	CHECK_STR(group_text(&g, "u1\tx"), "D1");
	group_free(&g);
	/* A whole column name is never read as a period. */
	CHECK_INT(init(&g, "Date:year", &m), 0);
	CHECK_INT(g.period, GROUP_PERIOD_NONE);
	CHECK_STR(group_text(&g, "u2\tx"), "Y2");
	group_free(&g);

	/* Unknown and ambiguous columns. */
	CHECK_INT(init(&g, "Party", &m), -1);
	CHECK_STR(errbuf, "sp: meta.tsv:1: no column 'Party' (--by Party); "
	    "the columns are: id, party, Date, doc, Date:year, note, note\n");
	CHECK_INT(init(&g, "col:Party:year", &m), -1);
	CHECK_STR(errbuf, "sp: meta.tsv:1: no column 'Party' "
	    "(--by col:Party:year); the columns are: id, party, Date, doc, "
	    "Date:year, note, note\n");
	CHECK_INT(init(&g, "note", &m), -1);
	CHECK_STR(errbuf, "sp: meta.tsv:1: column 'note' (--by note) is in "
	    "the header twice: columns 6 and 7\n");
	CHECK_INT(init(&g, "party:week", &m), -1);
	CHECK_STR(errbuf, "sp: meta.tsv:1: no column 'party:week' "
	    "(--by party:week); the columns are: id, party, Date, doc, "
	    "Date:year, note, note\n");
	/* A period of a column that is no date. */
	CHECK_INT(init(&g, "party:year", &m), -1);
	CHECK_STR(errbuf, "sp: meta.tsv:2: --by party:year: 'Lab' is not an "
	    "ISO date (YYYY-MM-DD, YYYY-MM or YYYY)\n");
	meta_free(&m);
}

static void
test_periods(void)
{
	struct meta m;
	struct grouper g;

	load(&m, "meta.tsv", table);
	CHECK_INT(init(&g, "Date:month", &m), 0);
	CHECK_INT(g.period, GROUP_PERIOD_MONTH);
	CHECK_STR(group_text(&g, "u1\tx"), "2019-03");
	CHECK_STR(group_text(&g, "u2\tx"), "2019-04");
	CHECK_STR(group_text(&g, "u3\tx"), "2020-01");
	CHECK_STR(group_text(&g, "u4\tx"), "NA");
	CHECK_STR(group_text(&g, "u5\tx"), "NA");
	group_free(&g);
	CHECK_INT(init(&g, "Date:year", &m), 0);	/* the column wins */
	group_free(&g);
	CHECK_INT(init(&g, "col:Date:day", &m), 0);
	CHECK_STR(group_text(&g, "u2\tx"), "2019-04-01");
	group_free(&g);
	CHECK_INT(init(&g, "Date:decade", &m), 0);
	CHECK_STR(group_text(&g, "u1\tx"), "2010s");
	CHECK_STR(group_text(&g, "u3\tx"), "2020s");
	CHECK_STR(group_text(&g, "u6\tx"), "2010s");
	group_free(&g);
	meta_free(&m);

	/* A table without the column "Date:year": then it is a period. */
	load(&m, "speeches.csv", "id,date\ns1,1791\ns2,1862-12\n"
	    "s3,2001-09-20\n");
	CHECK_INT(init(&g, "date:year", &m), 0);
	CHECK_INT(g.period, GROUP_PERIOD_YEAR);
	CHECK_STR(group_text(&g, "s1\tx"), "1791");
	CHECK_STR(group_text(&g, "s2\tx"), "1862");
	CHECK_STR(group_text(&g, "s3\tx"), "2001");
	group_free(&g);
	CHECK_INT(init(&g, "date:decade", &m), 0);
	CHECK_STR(group_text(&g, "s1\tx"), "1790s");
	group_free(&g);
	/* Finer periods than a date has are errors naming its line. */
	CHECK_INT(init(&g, "date:month", &m), -1);
	CHECK_STR(errbuf, "sp: speeches.csv:2: --by date:month: the date "
	    "'1791' has no month\n");
	CHECK_INT(init(&g, "date:day", &m), -1);
	CHECK_STR(errbuf, "sp: speeches.csv:2: --by date:day: the date "
	    "'1791' has no day\n");
	meta_free(&m);

	load(&m, "speeches.csv", "id,date\ns1,2019-02-29\n");
	CHECK_INT(init(&g, "date:year", &m), -1);
	CHECK_STR(errbuf, "sp: speeches.csv:2: --by date:year: '2019-02-29' "
	    "is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)\n");
	meta_free(&m);
}

/* More distinct missing ids than are kept: the report says so. */
static void
test_many_missing(void)
{
	struct meta m;
	struct grouper g;
	char line[32];
	uint32_t i, bad = 0;

	load(&m, "meta.tsv", "id\tparty\nu1\tLab\n");
	CHECK_INT(init(&g, "party", &m), 0);
	for (i = 0; i < GROUP_MISSING_MAX + 5; i++) {
		snprintf(line, sizeof(line), "x%u\t1\tw", i);
		bad += strcmp(group_text(&g, line), "NA") != 0;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(g.nmissing, GROUP_MISSING_MAX);
	errors_begin();
	CHECK_INT(group_report_missing(&g), GROUP_MISSING_MAX);
	CHECK_STR(errors_end(), "sp: meta.tsv: more than 100000 ids not in "
	    "the table (first: x0); their records are counted as NA\n");
	group_free(&g);
	/* Exactly the maximum is still exact. */
	CHECK_INT(init(&g, "party", &m), 0);
	for (i = 0; i < GROUP_MISSING_MAX; i++) {
		snprintf(line, sizeof(line), "x%u\tw", i % GROUP_MISSING_MAX);
		group_text(&g, line);
	}
	group_text(&g, "x0\tw");
	group_text(&g, "u1\tw");
	errors_begin();
	group_report_missing(&g);
	CHECK_STR(errors_end(), "sp: meta.tsv: 100000 ids not in the table "
	    "(first: x0); their records are counted as NA\n");
	group_free(&g);
	meta_free(&m);
}

int
main(void)
{
	char dir[] = "/tmp/test_group.XXXXXX";

	if (mkdtemp(dir) == NULL || chdir(dir) != 0) {
		perror(dir);
		return 2;
	}
	test_dates();
	test_key_levels();
	test_columns();
	test_periods();
	test_many_missing();
	unlink("stderr.txt");
	if (chdir("/") != 0 || rmdir(dir) != 0)
		perror(dir);
	UNIT_DONE();
}
