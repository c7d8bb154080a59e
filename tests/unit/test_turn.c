/*
 * Unit tests for lib/turn.c: the built-in pattern against the labels of
 * each transcript convention it knows and against lines of running text
 * that must not be taken for labels; how a label is normalised; a user's
 * pattern, anchored at the line's start whatever its alternatives; and a
 * bad pattern.
 */
#include <stdio.h>
#include <string.h>

#include "turn.h"
#include "unit.h"

/*
 * The label of line and the text after it; label "" for a line with no
 * label (the whole line is then the text).
 */
static void
check(struct turn *t, const char *line, const char *label, const char *rest)
{
	size_t k = turn_match(t, line, strlen(line));
	char got[600];

	if (k == (size_t)-1)
		snprintf(got, sizeof(got), "|%s", line);
	else
		snprintf(got, sizeof(got), "%.*s|%s", (int)t->label.len,
			 t->label.s, line + k);
	{
		char want[600];

		snprintf(want, sizeof(want), "%s|%s", label,
			 *label ? rest : line);
		CHECK_STR(got, want);
	}
}

int
main(void)
{
	struct turn t;
	char longline[2000];

	CHECK(turn_init(&t, TURN_AUTO) == NULL);
	/* Presiding officers. */
	check(&t, "Mr SPEAKER: Order.", "Mr SPEAKER", "Order.");
	check(&t, "Mr. SPEAKER. The question is.", "Mr. SPEAKER",
	      "The question is.");
	check(&t, "Madam DEPUTY SPEAKER: Order.", "Madam DEPUTY SPEAKER",
	      "Order.");
	check(&t, "The PRESIDENT. The Senator from Ohio.", "The PRESIDENT",
	      "The Senator from Ohio.");
	check(&t, "The PRESIDING OFFICER. Without objection.",
	      "The PRESIDING OFFICER", "Without objection.");
	check(&t, "The SPEAKER pro tempore (Mr. SMITH of Texas). Yes.",
	      "The SPEAKER pro tempore (Mr. SMITH of Texas)", "Yes.");
	/* Members in capitals. */
	check(&t, "Mr. SMITH. Mr. President, I rise.", "Mr. SMITH",
	      "Mr. President, I rise.");
	check(&t, "Mr. McCONNELL. I yield.", "Mr. McCONNELL", "I yield.");
	check(&t, "Mrs. MURRAY of Washington. I ask.",
	      "Mrs. MURRAY of Washington", "I ask.");
	check(&t, "Sir JOHN SIMON: I beg to move.", "Sir JOHN SIMON",
	      "I beg to move.");
	/* Ordinary case with a colon. */
	check(&t, "Ms Smith: Will she agree?", "Ms Smith", "Will she agree?");
	check(&t, "Mr Speaker: Order.", "Mr Speaker", "Order.");
	check(&t, "Dr Jones (Bristol West): Will the Minister",
	      "Dr Jones (Bristol West)", "Will the Minister");
	check(&t, "Daniel Okafor (Calder Valley) (Lab): Families",
	      "Daniel Okafor (Calder Valley) (Lab)", "Families");
	/* Roles. */
	check(&t, "The Prime Minister (Boris Johnson): I refer",
	      "The Prime Minister (Boris Johnson)", "I refer");
	check(
	    &t, "The Secretary of State for the Home Department (Priti Patel)",
	    "The Secretary of State for the Home Department (Priti Patel)", "");
	check(&t, "The Secretary of State: The hon. Member is wrong.",
	      "The Secretary of State", "The hon. Member is wrong.");
	check(&t, "The Minister for Security: Yes.",
	      "The Minister for Security", "Yes.");
	/* Members together, capitals with a colon, questions and answers. */
	check(&t, "HON. MEMBERS: Hear, hear.", "HON. MEMBERS", "Hear, hear.");
	check(&t, "Hon. Members: Hear, hear!", "Hon. Members", "Hear, hear!");
	check(&t, "Several hon. Members: No!", "Several hon. Members", "No!");
	check(&t, "INTERVIEWER: And then?", "INTERVIEWER", "And then?");
	check(&t, "MR. JONES:   Thank you.", "MR. JONES", "Thank you.");
	check(&t, "Q. What did you see?", "Q", "What did you see?");
	check(&t, "A: Nothing.", "A", "Nothing.");
	check(&t, "Q.", "Q", "");
	/* Running text. */
	check(&t, "Mr. Smith said nothing more.", "", "");
	check(&t, "Mr. Speaker, I rise today.", "", "");
	check(&t, "The Minister said this: no.", "", "");
	check(&t, "The President said so.", "", "");
	check(&t, "Several hon. Members rose—", "", "");
	check(&t, "A. J. Smith went home.", "", "");
	check(&t, "AT&T reported profits.", "", "");
	check(&t, "mr SPEAKER: lower case first", "", "");
	check(&t, "", "", "");
	check(&t, "  Mr SPEAKER: indented", "", "");
	/* Only TURN_SCAN bytes are looked at. */
	memset(longline, 'A', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	longline[600] = ':';
	CHECK(turn_match(&t, longline, strlen(longline)) == (size_t)-1);
	turn_free(&t);

	/* A user's pattern: anchored, normalised the same way. */
	CHECK(turn_init(&t, "[A-Z]+ *:|Chair") == NULL);
	check(&t, "SMITH  : yes", "SMITH", "yes");
	check(&t, "Chair. Order.", "Chair", ". Order.");
	check(&t, "The Chair spoke", "", "");
	turn_free(&t);
	CHECK(turn_init(&t, "[^\t]*\t") == NULL);
	check(&t, "Jones\t\tWell.", "Jones", "Well.");
	turn_free(&t);
	CHECK(turn_init(&t, "x*") == NULL);
	check(&t, "no label here", "", "");
	turn_free(&t);
	CHECK(turn_init(&t, "(unclosed") != NULL);
	regfree(&t.re);
	UNIT_DONE();
}
