/*
 * Speaker labels at the start of a line (turn.h).
 *
 * The built-in pattern knows these conventions, each a label followed by
 * a space or the end of the line:
 *
 *  - presiding officers, in capitals after a title: "Mr SPEAKER:",
 *    "Madam DEPUTY SPEAKER:", "The PRESIDENT.", "The PRESIDING OFFICER.",
 *    "The SPEAKER pro tempore (Mr. SMITH of Texas).", "The CLERK.";
 *  - members named in capitals after a title, as the Congressional Record
 *    and old Hansard print them: "Mr. SMITH.", "Mrs. SMITH of
 *    Washington.", "Mr. McCONNELL.", "Sir JOHN SIMON:";
 *  - a title and a name in ordinary case, with a colon: "Ms Smith:",
 *    "Dr Jones (Bristol West):";
 *  - a role with the holder in brackets, as Hansard prints ministers,
 *    with a colon or alone on its line: "The Prime Minister (Boris
 *    Johnson):", "The Secretary of State for Environment, Food and Rural
 *    Affairs (Caroline Ashdown)"; a minister's role alone with a colon:
 *    "The Secretary of State:", "The Minister for Security:";
 *  - a name with constituency and party in brackets, with a colon, as
 *    Hansard prints backbenchers: "Daniel Okafor (Calder Valley) (Lab):";
 *  - members together: "HON. MEMBERS:", "Hon. Members:", "Several hon.
 *    Members:";
 *  - any words in capitals with a colon: "INTERVIEWER:", "MR. SMITH:",
 *    "SENATOR JONES:";
 *  - questions and answers: "Q.", "A.", "Q:", "A:".
 *
 * A name in ordinary case needs the colon, so that a line of running text
 * that starts "Mr. Smith said" is never taken for a label; and "A." before
 * another initial ("A. J. Smith") is an initial, not an answer.
 */
#include <stdlib.h>
#include <string.h>

#include "turn.h"

#define TITLE                                                                  \
	"(Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Senator"            \
	"|Sen|Rep|Representative|Madam|Madame|Mister)\\.?"
#define CAPS "(Mc|Mac|O'|De|Van |Von |de |van |von )?[A-Z][A-Z'-]+"
#define WORD "[A-Z][A-Za-z'-]*"
#define PLACE "( of [A-Z][A-Za-z]*( [A-Z][A-Za-z]*)*)?"
#define BRACKETS "( \\([^()]*\\))?"
/* The words of a role: capitalised, or the small words between them. */
#define ROLEWORDS "( (of|for|the|and|to|in|on|[A-Z][A-Za-z,'-]*))*"
#define MINISTER                                                               \
	"((Deputy|Parliamentary|Financial|Chief|Economic|Exchequer"            \
	"|Minister|Secretary|Under-Secretary) )*(Prime Minister"               \
	"|Secretary|Minister|Chancellor|Solicitor|Attorney|Leader"             \
	"|Paymaster|Advocate|Under-Secretary)"
#define OFFICE                                                                 \
	"(ACTING |DEPUTY |VICE )?(SPEAKER|PRESIDENT|PRESIDING "                \
	"OFFICER|CHAIRMAN|CHAIRWOMAN|CHAIR|CLERK|CHAIRPERSON)"

static const char auto_pattern[] =
    "^("
    /* A presiding officer. */
    "(The|" TITLE ") " OFFICE "( pro tempore)?" BRACKETS "[.:]"
    /* A member in capitals. */
    "|" TITLE " " CAPS "( " CAPS ")*" PLACE BRACKETS "[.:]"
    /* A title and a name in ordinary case, with a colon. */
    "|" TITLE " " WORD "( " WORD ")*" BRACKETS ":"
    /* A role with its holder in brackets; a minister's role. */
    "|The " WORD ROLEWORDS " \\([^()]+\\)(:| *$)"
    "|The " MINISTER ROLEWORDS ":"
    /* A name with constituency and party in brackets. */
    "|" WORD "( " WORD ")* \\([^()]+\\)( \\([^()]+\\))?:"
    /* Members together. */
    "|((Several|Some) )?([Hh]on\\.|HON\\.) (Members|MEMBERS)[.:]"
    /* Capitals with a colon. */
    "|[A-Z][A-Z.'-]+( [A-Z][A-Z.'-]*)*:"
    /* Questions and answers. */
    "|[QA][.:]"
    ")( |$)";

const char *
turn_auto_pattern(void)
{
	return auto_pattern;
}

const char *
turn_init(struct turn *t, const char *pattern)
{
	static char msg[256];
	struct buf p = {0};
	int rc;

	memset(t, 0, sizeof(*t));
	t->autopat = strcmp(pattern, TURN_AUTO) == 0;
	if (t->autopat)
		buf_add(&p, auto_pattern, strlen(auto_pattern));
	else {
		/* Anchored, whatever alternatives the user's pattern has. */
		buf_add(&p, "^(", 2);
		buf_add(&p, pattern, strlen(pattern));
		buf_add(&p, ")", 1);
	}
	buf_add(&p, "", 1);
	rc = regcomp(&t->re, p.s, REG_EXTENDED);
	free(p.s);
	if (rc != 0) {
		regerror(rc, &t->re, msg, sizeof(msg));
		return msg;
	}
	return NULL;
}

void
turn_free(struct turn *t)
{
	regfree(&t->re);
	free(t->line.s);
	free(t->label.s);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

size_t
turn_match(struct turn *t, const char *line, size_t n)
{
	regmatch_t m[1];
	size_t len = n < TURN_SCAN ? n : TURN_SCAN, end, i, from, to;

	/* Every built-in label starts with a capital. */
	if (t->autopat && (n == 0 || line[0] < 'A' || line[0] > 'Z'))
		return (size_t)-1;
	t->line.len = 0;
	buf_add(&t->line, line, len);
	buf_add(&t->line, "", 1);
	if (regexec(&t->re, t->line.s, 1, m, 0) != 0 || m[0].rm_so != 0)
		return (size_t)-1;
	end = (size_t)m[0].rm_eo;
	/* A match that runs to where the line was cut is not known to end. */
	if (len < n && end >= len)
		return (size_t)-1;
	from = 0;
	to = end;
	while (from < to && is_space(line[from]))
		from++;
	while (to > from && is_space(line[to - 1]))
		to--;
	if (to > from && (line[to - 1] == ':' || line[to - 1] == '.'))
		to--;
	while (to > from && is_space(line[to - 1]))
		to--;
	if (to == from)
		return (size_t)-1;
	t->label.len = 0;
	for (i = from; i < to; i++) {
		if (is_space(line[i])) {
			if (!is_space(line[i - 1]))
				buf_add(&t->label, " ", 1);
			continue;
		}
		buf_add(&t->label, line + i, 1);
	}
	while (end < n && is_space(line[end]))
		end++;
	/* "A. J. Smith": an initial before another, not an answer. */
	if (t->autopat && to - from == 1 && n - end >= 2 && line[end] >= 'A' &&
	    line[end] <= 'Z' && line[end + 1] == '.')
		return (size_t)-1;
	return end;
}
