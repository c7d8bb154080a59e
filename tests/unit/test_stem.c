/*
 * Unit tests for the English (Porter2) stemmer in lib/stem.c: words chosen
 * to exercise every step, exception and special case of the published
 * definition (Snowball 3.1), then the sample of the published test
 * vocabulary in tests/unit/stem-sample.tsv.  The sample is read from
 * $SP_SRCDIR/tests/unit/stem-sample.tsv, or from the current directory
 * when SP_SRCDIR is not set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stem.h"
#include "unit.h"

/* The longest word the tests stem, and the guard bytes kept after it. */
#define MAXWORD	256
#define GUARD	16

static const struct {
	const char	*word;
	const char	*stem;
} cases[] = {
	/*
	 * Words of two letters or less are left alone.  In UTF-8 the definition
	 * counts characters, not bytes, wherever it counts letters.
	 */
	{ "a", "a" }, { "is", "is" }, { "as", "as" }, { "by", "by" },
	{ "'a", "'a" }, { "'''", "'" }, { "''", "''" },
	{ "\xc3\xa9", "\xc3\xa9" }, { "a\xc3\xa9", "a\xc3\xa9" },
	{ "\xc3\xa9""es", "\xc3\xa9""es" }, { "\xc3\xa9ies", "\xc3\xa9ie" },
	{ "\xc3\xa9ying", "\xc3\xa9ie" }, { "\xc3\xb1y", "\xc3\xb1y" },
	{ "\xc3\xb1ying", "\xc3\xb1ie" }, { "\xc3\xb1ys", "\xc3\xb1ys" },
	/* The exceptional forms, matched against the whole word only. */
	{ "skis", "ski" }, { "skies", "sky" }, { "sky", "sky" },
	{ "idly", "idl" }, { "gently", "gentl" }, { "ugly", "ugli" },
	{ "early", "earli" }, { "only", "onli" }, { "singly", "singl" },
	{ "news", "news" }, { "howe", "howe" }, { "atlas", "atlas" },
	{ "cosmos", "cosmos" }, { "bias", "bias" }, { "andes", "andes" },
	{ "'skis", "skis" }, { "skys", "skys" },
	/* Step 1b: one non-vowel then ying, and the -ing invariants. */
	{ "dying", "die" }, { "lying", "lie" }, { "tying", "tie" },
	{ "vying", "vie" }, { "hying", "hie" }, { "dyings", "die" },
	{ "flying", "fli" }, { "spying", "spi" }, { "eying", "eye" },
	{ "ying", "ying" }, { "inning", "inning" }, { "outing", "outing" },
	{ "canning", "canning" }, { "herring", "herring" },
	{ "earring", "earring" }, { "evening", "evening" },
	{ "innings", "inning" }, { "herrings", "herring" },
	{ "evenings", "evening" }, { "outings", "outing" },
	/* Step 1b's -eed and -eedly, with proceed, exceed and succeed. */
	{ "proceed", "proceed" }, { "exceed", "exceed" },
	{ "succeed", "succeed" }, { "proceeds", "proceed" },
	{ "succeeded", "succeed" }, { "exceedingly", "exceed" },
	{ "proceeding", "proceed" }, { "agreed", "agre" }, { "feed", "feed" },
	{ "bleed", "bleed" }, { "bleedly", "bleed" }, { "fleeced", "fleec" },
	/* y at the start or after a vowel is a consonant Y. */
	{ "youth", "youth" }, { "yes", "yes" }, { "yelled", "yell" },
	{ "boy", "boy" }, { "boys", "boy" }, { "sayings", "say" },
	{ "cry", "cri" }, { "crying", "cri" }, { "happy", "happi" },
	{ "player", "player" }, { "enjoying", "enjoy" }, { "toy", "toy" },
	{ "toyed", "toy" }, { "ayyy", "ayyy" }, { "yyy", "yyy" },
	{ "say", "say" },
	/* Apostrophes: an initial one goes, then ', 's and 's' at the end. */
	{ "'tis", "tis" }, { "john's", "john" }, { "boys'", "boy" },
	{ "'s'", "s" }, { "it's", "it" }, { "o'clock", "o'clock" },
	{ "rock'n'roll", "rock'n'rol" },
	/*
	 * The prefixes after which R1 starts: gener, commun, arsen, past,
	 * univers, later, emerg, organ and inter.
	 */
	{ "generous", "generous" }, { "generate", "generat" },
	{ "generated", "generat" }, { "general", "general" },
	{ "generally", "general" }, { "generically", "generic" },
	{ "communism", "communism" }, { "community", "communiti" },
	{ "communication", "communic" }, { "arsenic", "arsenic" },
	{ "arsenal", "arsenal" }, { "past", "past" }, { "paste", "paste" },
	{ "pasted", "paste" }, { "pastes", "paste" }, { "pasting", "paste" },
	{ "universe", "univers" }, { "universal", "universal" },
	{ "universally", "universal" }, { "university", "universiti" },
	{ "universities", "universiti" }, { "later", "later" },
	{ "lateral", "lateral" }, { "laterally", "lateral" },
	{ "emerge", "emerg" }, { "emergency", "emergenc" },
	{ "emerging", "emerg" }, { "organ", "organ" },
	{ "organic", "organic" }, { "organize", "organiz" },
	{ "organism", "organism" }, { "intern", "intern" },
	{ "internal", "internal" }, { "international", "internat" },
	{ "internment", "internment" }, { "interval", "interval" },
	{ "intervals", "interval" }, { "interfere", "interfer" },
	{ "interfered", "interfer" }, { "interfering", "interfer" },
	{ "interference", "interfer" },
	/* Step 1a. */
	{ "caresses", "caress" }, { "ponies", "poni" }, { "ties", "tie" },
	{ "cries", "cri" }, { "ied", "ie" }, { "ies", "ie" },
	{ "caress", "caress" }, { "cats", "cat" }, { "gas", "gas" },
	{ "this", "this" }, { "gaps", "gap" }, { "kiwis", "kiwi" },
	{ "bus", "bus" }, { "focus", "focus" }, { "status", "status" },
	/* Step 1b: -ed and -ing, then at/bl/iz, doubles and short words. */
	{ "plastered", "plaster" }, { "bled", "bled" },
	{ "motoring", "motor" }, { "sing", "sing" },
	{ "conflated", "conflat" }, { "troubled", "troubl" },
	{ "sized", "size" }, { "hopping", "hop" }, { "tanned", "tan" },
	{ "falling", "fall" }, { "hissing", "hiss" }, { "fizzed", "fizz" },
	{ "failing", "fail" }, { "filing", "file" }, { "hoped", "hope" },
	{ "added", "add" }, { "egged", "egg" }, { "offing", "off" },
	{ "ebbed", "ebb" }, { "erred", "err" }, { "luxuriated", "luxuri" },
	{ "seeing", "see" }, { "bed", "bed" }, { "shed", "shed" },
	{ "shred", "shred" }, { "bead", "bead" }, { "embed", "emb" },
	{ "beds", "bed" }, { "hopped", "hop" }, { "hoping", "hope" },
	{ "trapping", "trap" }, { "entrapped", "entrap" },
	{ "uprooted", "uproot" }, { "bestowed", "bestow" },
	{ "disturbed", "disturb" },
	/* Steps 2, 3 and 4. */
	{ "relational", "relat" }, { "conditional", "condit" },
	{ "rational", "ration" }, { "valency", "valenc" },
	{ "hesitancy", "hesit" }, { "digitizer", "digit" },
	{ "conformably", "conform" }, { "radically", "radic" },
	{ "differently", "differ" }, { "vilely", "vile" },
	{ "analogously", "analog" }, { "vietnamization", "vietnam" },
	{ "predication", "predic" }, { "operator", "oper" },
	{ "feudalism", "feudal" }, { "decisiveness", "decis" },
	{ "hopefulness", "hope" }, { "callousness", "callous" },
	{ "formality", "formal" }, { "sensitivity", "sensit" },
	{ "sensibility", "sensibl" }, { "geology", "geolog" },
	{ "geologist", "geolog" }, { "geologists", "geolog" },
	{ "biology", "biolog" }, { "apology", "apolog" },
	{ "hopefully", "hope" }, { "carelessly", "careless" },
	{ "triplicate", "triplic" }, { "formative", "format" },
	{ "formalize", "formal" }, { "electricity", "electr" },
	{ "electrical", "electr" }, { "hopeful", "hope" },
	{ "goodness", "good" }, { "revival", "reviv" },
	{ "allowance", "allow" }, { "inference", "infer" },
	{ "airliner", "airlin" }, { "gyroscopic", "gyroscop" },
	{ "adjustable", "adjust" }, { "defensible", "defens" },
	{ "irritant", "irrit" }, { "replacement", "replac" },
	{ "adjustment", "adjust" }, { "dependent", "depend" },
	{ "adoption", "adopt" }, { "activate", "activ" },
	{ "angularity", "angular" }, { "homologous", "homolog" },
	{ "effective", "effect" }, { "bowdlerize", "bowdler" },
	{ "probate", "probat" },
	/* Step 5 and -ly. */
	{ "rate", "rate" }, { "cease", "ceas" }, { "controll", "control" },
	{ "roll", "roll" }, { "fulfill", "fulfil" },
	{ "fulfilling", "fulfil" }, { "callously", "callous" },
	{ "gratefully", "grate" }, { "fearlessly", "fearless" },
	{ "heavily", "heavili" }, { "crazily", "crazili" },
	{ "cleverly", "clever" }, { "ordinarily", "ordinarili" },
	{ "quickly", "quick" }, { "quietly", "quiet" }, { "lovely", "love" },
	/* The sample on the algorithm's web page. */
	{ "consign", "consign" }, { "consigned", "consign" },
	{ "consigning", "consign" }, { "consignment", "consign" },
	{ "consist", "consist" }, { "consisted", "consist" },
	{ "consistency", "consist" }, { "consistent", "consist" },
	{ "consistently", "consist" }, { "consisting", "consist" },
	{ "consists", "consist" }, { "consolation", "consol" },
	{ "consolations", "consol" }, { "consolatory", "consolatori" },
	{ "console", "consol" }, { "consoled", "consol" },
	{ "consoles", "consol" }, { "consolidate", "consolid" },
	{ "consolidated", "consolid" }, { "consolidating", "consolid" },
	{ "consoling", "consol" }, { "consolingly", "consol" },
	{ "consols", "consol" }, { "consonant", "conson" },
	{ "consort", "consort" }, { "consorted", "consort" },
	{ "consorting", "consort" }, { "conspicuous", "conspicu" },
	{ "conspicuously", "conspicu" }, { "conspiracy", "conspiraci" },
	{ "conspirator", "conspir" }, { "conspirators", "conspir" },
	{ "conspire", "conspir" }, { "conspired", "conspir" },
	{ "conspiring", "conspir" }, { "constable", "constabl" },
	{ "constables", "constabl" }, { "constance", "constanc" },
	{ "constancy", "constanc" }, { "constant", "constant" },
	{ "knack", "knack" }, { "knackeries", "knackeri" },
	{ "knacks", "knack" }, { "knag", "knag" }, { "knave", "knave" },
	{ "knaves", "knave" }, { "knavish", "knavish" },
	{ "kneaded", "knead" }, { "kneading", "knead" }, { "knee", "knee" },
	{ "kneel", "kneel" }, { "kneeled", "kneel" }, { "kneeling", "kneel" },
	{ "kneels", "kneel" }, { "knees", "knee" }, { "knell", "knell" },
	{ "knelt", "knelt" }, { "knew", "knew" }, { "knick", "knick" },
	{ "knif", "knif" }, { "knife", "knife" }, { "knight", "knight" },
	{ "knightly", "knight" }, { "knights", "knight" }, { "knit", "knit" },
	{ "knits", "knit" }, { "knitted", "knit" }, { "knitting", "knit" },
	{ "knives", "knive" }, { "knob", "knob" }, { "knobs", "knob" },
	{ "knock", "knock" }, { "knocked", "knock" },
	{ "knocker", "knocker" }, { "knockers", "knocker" },
	{ "knocking", "knock" }, { "knocks", "knock" }, { "knopp", "knopp" },
	{ "knot", "knot" }, { "knots", "knot" },
	/* Assorted words, hyphens, digits and accented letters. */
	{ "running", "run" }, { "runner", "runner" }, { "ran", "ran" },
	{ "runs", "run" }, { "connection", "connect" },
	{ "connections", "connect" }, { "connective", "connect" },
	{ "connected", "connect" }, { "connecting", "connect" },
	{ "nationalism", "nation" }, { "nationalization", "nation" },
	{ "rationalization", "ration" }, { "hopelessness", "hopeless" },
	{ "helplessly", "helpless" }, { "eggs", "egg" }, { "ageing", "age" },
	{ "aging", "age" }, { "skiing", "ski" }, { "tried", "tri" },
	{ "tries", "tri" }, { "dried", "dri" }, { "ladies", "ladi" },
	{ "lady", "ladi" }, { "daisy", "daisi" }, { "daisies", "daisi" },
	{ "spies", "spi" }, { "shyness", "shyness" }, { "dryly", "dryli" },
	{ "dyed", "dy" }, { "dye", "dye" }, { "eyed", "eye" },
	{ "eye", "eye" }, { "sly", "sli" }, { "slyly", "slyli" },
	{ "slyness", "slyness" }, { "happiness", "happi" },
	{ "happier", "happier" }, { "happiest", "happiest" },
	{ "business", "busi" }, { "emptiness", "empti" },
	{ "mystery", "mysteri" }, { "mysterious", "mysteri" },
	{ "mysteriously", "mysteri" }, { "cycle", "cycl" },
	{ "cycling", "cycl" }, { "cyclist", "cyclist" },
	{ "bicycle", "bicycl" }, { "oyster", "oyster" },
	{ "oysters", "oyster" }, { "loyalty", "loyalti" },
	{ "loyal", "loyal" }, { "royal", "royal" }, { "royalty", "royalti" },
	{ "employ", "employ" }, { "employer", "employ" },
	{ "employment", "employ" }, { "payment", "payment" },
	{ "paid", "paid" }, { "paying", "pay" }, { "played", "play" },
	{ "playing", "play" }, { "playful", "play" }, { "yacht", "yacht" },
	{ "yachting", "yacht" }, { "yield", "yield" },
	{ "yielding", "yield" }, { "yearly", "year" },
	{ "yesterday", "yesterday" }, { "co-operate", "co-oper" },
	{ "co-operation", "co-oper" }, { "well-being", "well-b" },
	{ "self-esteem", "self-esteem" }, { "twenty-one", "twenty-on" },
	{ "1990s", "1990s" }, { "mp3", "mp3" }, { "b2b", "b2b" },
	{ "abc123ing", "abc123" }, { "x-ray", "x-ray" },
	{ "x-rays", "x-ray" }, { "na\xc3\xafve", "na\xc3\xafv" },
	{ "na\xc3\xafvety", "na\xc3\xafveti" },
	{ "caf\xc3\xa9", "caf\xc3\xa9" }, { "caf\xc3\xa9s", "caf\xc3\xa9" },
	{ "r\xc3\xa9sum\xc3\xa9", "r\xc3\xa9sum\xc3\xa9" },
	{ "r\xc3\xa9sum\xc3\xa9s", "r\xc3\xa9sum\xc3\xa9" },
	{ "fianc\xc3\xa9""e", "fianc\xc3\xa9" },
	{ "fianc\xc3\xa9""es", "fianc\xc3\xa9" },
	{ "\xc3\xbc""ber", "\xc3\xbc""ber" },
};

/*
 * Stem word in a buffer whose bytes after the word are a guard pattern and
 * which has no NUL after the word, check the result against want, and check
 * that nothing past the word was touched and that the length did not grow.
 */
static void
check_stem(const char *word, const char *want)
{
	char buf[MAXWORD + GUARD + 1];
	size_t len = strlen(word), n, i;
	int guard_ok = 1;

	if (len > MAXWORD) {
		fprintf(stderr, "word too long for the test: %s\n", word);
		CHECK(len <= MAXWORD);
		return;
	}
	memcpy(buf, word, len);
	memset(buf + len, 0x5A, GUARD);
	n = stem_english(buf, len);
	for (i = len; i < len + GUARD; i++)
		if (buf[i] != 0x5A)
			guard_ok = 0;
	CHECK(n <= len);
	CHECK(guard_ok);
	if (n > len)
		n = len;
	buf[n] = '\0';
	if (strcmp(buf, want) != 0)
		fprintf(stderr, "stem of \"%s\":\n", word);
	CHECK_STR(buf, want);
}

/*
 * Check every word TAB stem line of the sample file; lines starting # are
 * comments.  Return the number of pairs checked.
 */
static int
check_sample(const char *path)
{
	char line[2 * MAXWORD];
	FILE *fp;
	char *tab;
	size_t n;
	int pairs = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		return 0;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if ((tab = strchr(line, '\t')) == NULL) {
			fprintf(stderr, "%s: no tab in \"%s\"\n", path, line);
			CHECK(tab != NULL);
			continue;
		}
		*tab = '\0';
		check_stem(line, tab + 1);
		pairs++;
	}
	fclose(fp);
	return pairs;
}

int
main(void)
{
	char path[4096];
	size_t i;
	char empty[1];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_stem(cases[i].word, cases[i].stem);

	/* An empty word stays empty, and no byte of the buffer is read. */
	CHECK_INT(stem_english(empty, 0), 0);

	/* The stem is written over the start of the caller's buffer. */
	{
		char w[] = "'generalizations'";

		CHECK_INT(stem_english(w, strlen(w)), 7);
		CHECK(memcmp(w, "general", 7) == 0);
	}

	unit_src_path(path, sizeof(path), "tests/unit/stem-sample.tsv");
	/* The sample holds 2942 pairs; a missing or cut file must fail. */
	CHECK(check_sample(path) >= 2900);

	UNIT_DONE();
}
