/*
 * sp-tokens: write one token record (KEY TAB TOKEN) per word of the last
 * field of every input record, in order, keeping the record's key.  The
 * word rules are lib/token.c's; this file adds the filters (numbers,
 * minimum length, stop words), the stemmer and n-grams.  Where the filters
 * drop tokens between two kept tokens of a record, a gap record (the key
 * and an empty token) takes their place, one per run or one per token with
 * --pad, so that sp-count never pairs tokens that were not neighbours;
 * n-grams are formed within the runs between gaps.  It streams: memory
 * is bounded by the longest record.  Token records are written by
 * lib/record.c, most of them through the tokenizer itself (tok_lines);
 * with SP_REFERENCE (lib/reference.h) every token comes from tok_next.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hash.h"
#include "io.h"
#include "opt.h"
#include "record.h"
#include "reference.h"
#include "stem.h"
#include "stopwords.h"
#include "token.h"
#include "utf8.h"

static const char help[] =
    "usage: sp-tokens [--keep-case] [--no-numbers] [--min-len n] [--punct]\n"
    "                 [--stop[=file]] [--pad] [--stem] [--ngrams n[-m]] "
    "[file ...]\n"
    "\n"
    "Write one token record, KEY TAB TOKEN, per word of each record's last\n"
    "field.\n"
    "\n"
    "      --keep-case     do not fold tokens to lower case\n"
    "      --no-numbers    drop tokens made of digits only (1.9, 7/7)\n"
    "      --min-len=N     drop tokens shorter than N characters\n"
    "      --punct         keep punctuation marks and symbols as tokens\n"
    "      --stop[=FILE]   drop the built-in English stop words, or the\n"
    "                      words in FILE (one a line, # comments)\n"
    "      --print-stop    print the built-in stop-word list and exit\n"
    "      --pad           one gap record (an empty token) per dropped token,\n"
    "                      not one per run of them\n"
    "      --stem          apply the Snowball English (Porter2) stemmer\n"
    "      --ngrams=N[-M]  write n-grams of N (to M) consecutive tokens\n"
    "      --help          print this help and exit\n"
    "      --version       print the version and exit\n";

enum {
	OPT_KEEP_CASE = 1, OPT_NO_NUMBERS, OPT_MIN_LEN, OPT_PUNCT, OPT_STOP,
	OPT_PRINT_STOP, OPT_STEM, OPT_NGRAMS, OPT_PAD
};

static const struct opt_spec specs[] = {
	{ OPT_KEEP_CASE, 0, "keep-case", OPT_NONE },
	{ OPT_MIN_LEN, 0, "min-len", OPT_REQUIRED },
	{ OPT_NGRAMS, 0, "ngrams", OPT_REQUIRED },
	{ OPT_NO_NUMBERS, 0, "no-numbers", OPT_NONE },
	{ OPT_PAD, 0, "pad", OPT_NONE },
	{ OPT_PRINT_STOP, 0, "print-stop", OPT_NONE },
	{ OPT_PUNCT, 0, "punct", OPT_NONE },
	{ OPT_STEM, 0, "stem", OPT_NONE },
	{ OPT_STOP, 0, "stop", OPT_OPTIONAL },
	{ 0, 0, NULL, 0 }
};

static struct tokenizer tokenizer;
static struct record_writer out; /* the key is the record's */
static int every_token;		/* no option drops or changes tokens */
static int no_numbers, stemming, use_stop, pad;
static size_t min_len = 1, ngram_min = 1, ngram_max = 1;
static struct strtab stopwords;
static char *folded;		/* scratch: a token folded for stop words */
static size_t foldedcap;

/* The tokens of one record, kept only when n-grams need them. */
static char *kept;
static size_t keptlen, keptcap;
static size_t *starts;		/* offset of each kept token in kept */
static size_t *segment;		/* the first kept token after the last gap
				   before each kept token */
static size_t nkept, startcap, gapped;

/* How many plain words to take from the tokenizer at once. */
enum { WORDS = 64 };

static void
add_stopword(void *arg, const char *w, size_t n)
{
	char *f = xmalloc(2 * n + 1);

	(void)arg;	/* the table is global */
	strtab_intern(&stopwords, f, tok_fold(w, n, f), NULL);
	free(f);
}

/* The token folded into the scratch buffer (its length in tok->len). */
static char *
fold_scratch(struct token *tok)
{
	/* Room for the token, and TOK_TEXT_ROOM as the tokenizer gives. */
	if (foldedcap < 2 * tok->len + 1 || foldedcap < TOK_TEXT_ROOM) {
		foldedcap = 2 * tok->len + 1 > TOK_TEXT_ROOM ?
		    2 * tok->len + 1 : TOK_TEXT_ROOM;
		folded = xrealloc(folded, foldedcap);
	}
	tok->len = tok_fold(tok->text, tok->len, folded);
	return folded;
}

static int
is_stopword(const struct token *tok)
{
	struct token f = *tok;

	if (!tokenizer.opts.keep_case)
		return strtab_find(&stopwords, tok->text, tok->len) !=
		    STRTAB_NONE;
	fold_scratch(&f);
	return strtab_find(&stopwords, folded, f.len) != STRTAB_NONE;
}

/*
 * Every token of the record, its key at most RECORD_BLOCK bytes: runs of
 * plain words written by the tokenizer, the other tokens one by one.
 */
static void
write_every_token(void)
{
	struct token tok;
	int more;

	while ((more = tok_lines(&tokenizer, &out)) >= 0) {
		if (more > 0) {
			/* Out of room for the next record. */
			record_flush(&out);
			continue;
		}
		if (!tok_next(&tokenizer, &tok))
			break;
		record_put_short(&out, tok.text, tok.len);
	}
}

static void
keep_token(const char *s, size_t n)
{
	if (keptcap - keptlen < n + 1) {
		keptcap = (keptcap + n + 1) * 2;
		kept = xrealloc(kept, keptcap);
	}
	if (nkept == startcap) {
		startcap = startcap ? startcap * 2 : 64;
		starts = xreallocarray(starts, startcap + 1, sizeof(*starts));
		segment = xreallocarray(segment, startcap, sizeof(*segment));
	}
	segment[nkept] = gapped;
	starts[nkept++] = keptlen;
	memcpy(kept + keptlen, s, n);
	keptlen += n;
	kept[keptlen++] = ' ';
}

/*
 * All n-grams of the record's kept tokens, grouped by n, in order, none
 * across a gap (an n-gram ending at token j starts at segment[j] or
 * later).  A record that keeps no token has none (and starts may not exist
 * yet: the first records can keep nothing).
 */
static void
write_ngrams(void)
{
	size_t n, i;

	if (nkept == 0)
		return;
	starts[nkept] = keptlen;
	for (n = ngram_min; n <= ngram_max; n++)
		for (i = 0; i + n <= nkept; i++)
			if (segment[i + n - 1] <= i)
				record_put(&out, kept + starts[i],
					   starts[i + n] - starts[i] - 1);
}

static void
tokenize_record(const struct record *rec)
{
	struct token tok;
	struct tok_word words[WORDS];
	char *w;
	size_t n, i, dropped;
	int any = 0; /* a token of the record was kept */

	record_key(&out, rec);
	tok_start(&tokenizer, rec->payload, rec->len);
	if (every_token && record_key_is_short(&out)) {
		write_every_token();
		return;
	}
	if (every_token) {
		/* Runs of plain words at once, the other tokens one by one. */
		for (;;) {
			n = tok_words(&tokenizer, words, WORDS);
			for (i = 0; i < n; i++)
				record_put(&out, words[i].text, words[i].len);
			if (n == WORDS)
				continue;
			if (!tok_next(&tokenizer, &tok))
				break;
			record_put(&out, tok.text, tok.len);
		}
		return;
	}
	keptlen = nkept = gapped = 0;
	dropped = 0;
	while (tok_next(&tokenizer, &tok)) {
		if ((no_numbers && tok.kind == TOK_NUMBER) ||
		    (use_stop && is_stopword(&tok))) {
			dropped++;
			continue;
		}
		if (stemming && tok.kind == TOK_WORD) {
			/* The stemmer works on folded words. */
			w = (char *)tok.text;
			if (tokenizer.opts.keep_case) {
				w = fold_scratch(&tok);
				tok.chars = utf8_count(w, tok.len);
			}
			n = stem_english(w, tok.len);
			tok.chars -= tok.len - n;	/* it drops ASCII */
			tok.len = n;
			tok.text = w;
		}
		if (tok.chars < min_len) {
			dropped++;
			continue;
		}
		if (dropped > 0 && any) {
			/* Tokens were dropped between two kept ones. */
			if (ngram_max > 1)
				gapped = nkept;
			else
				for (i = 0; i < (pad ? dropped : 1); i++)
					record_put(&out, "", 0);
		}
		dropped = 0;
		any = 1;
		if (ngram_max > 1)
			keep_token(tok.text, tok.len);
		else
			record_put_short(&out, tok.text, tok.len);
	}
	if (ngram_max > 1)
		write_ngrams();
}

static void
parse_ngrams(const struct opt *o, char *arg)
{
	char *dash = strchr(arg, '-');

	if (dash == NULL) {
		ngram_min = ngram_max = (size_t)opt_number(o, arg, 1, 100);
		return;
	}
	*dash = '\0';
	ngram_min = (size_t)opt_number(o, arg, 1, 100);
	ngram_max = (size_t)opt_number(o, dash + 1, 1, 100);
	if (ngram_min > ngram_max)
		opt_usage_error(o, "--ngrams: %zu-%zu is an empty range",
		    ngram_min, ngram_max);
}

int
main(int argc, char *argv[])
{
	struct tok_opts topts = { 0, 0 };
	struct opt o;
	struct record_reader rr;
	struct record rec;
	char *arg, *dash[] = {"-"}, **files;
	size_t i;
	int id, nfiles, status = 0, print_stop = 0;

	strtab_init(&stopwords);
	opt_init(&o, argc, argv, specs, help);
	while ((id = opt_next(&o, &arg)) != 0) {
		switch (id) {
		case OPT_KEEP_CASE:
			topts.keep_case = 1;
			break;
		case OPT_MIN_LEN:
			min_len = (size_t)opt_number(&o, arg, 1, 1000000);
			break;
		case OPT_NGRAMS:
			parse_ngrams(&o, arg);
			break;
		case OPT_NO_NUMBERS:
			no_numbers = 1;
			break;
		case OPT_PAD:
			pad = 1;
			break;
		case OPT_PRINT_STOP:
			print_stop = 1;
			break;
		case OPT_PUNCT:
			topts.punct = 1;
			break;
		case OPT_STEM:
			stemming = 1;
			break;
		case OPT_STOP:
			use_stop = 1;
			if (arg != NULL &&
			    read_word_list(arg, add_stopword, NULL) < 0)
				exit(2);
			break;
		}
	}
	writer_init(&sp_out, 1, "(standard output)");
	record_writer_init(&out, &sp_out);
	if (print_stop) {
		for (i = 0; i < sp_stopwords_en_count; i++) {
			writer_str(&sp_out, sp_stopwords_en[i]);
			writer_byte(&sp_out, '\n');
		}
		sp_exit(0);
	}
	if (use_stop && stopwords.n == 0)
		for (i = 0; i < sp_stopwords_en_count; i++)
			add_stopword(NULL, sp_stopwords_en[i],
			    strlen(sp_stopwords_en[i]));
	files = o.noperands > 0 ? o.operands : dash;
	nfiles = o.noperands > 0 ? o.noperands : 1;

	tok_init(&tokenizer, &topts);
	/* With punct, tok_words would leave every token to tok_next. */
	every_token = !no_numbers && !use_stop && !stemming && min_len == 1 &&
		      ngram_max == 1 && !topts.punct && !sp_reference;
	for (i = 0; i < (size_t)nfiles; i++) {
		if (record_open(&rr, files[i]) < 0) {
			status = 2;
			continue;
		}
		while (record_next(&rr, &rec) > 0)
			tokenize_record(&rec);
		if (record_close(&rr) < 0)
			status = 2;
	}
	tok_free(&tokenizer);
	strtab_free(&stopwords);
	free(folded);
	record_writer_free(&out);
	free(kept);
	free(starts);
	free(segment);
	free(o.operands);
	sp_exit(status);
}
