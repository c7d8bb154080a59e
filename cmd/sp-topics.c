/*
 * sp-topics: fit an LDA topic model to token records, or infer the topics
 * of new documents with a saved model, or estimate their probability under
 * it.  A document is the group of records
 * that share their first N key fields (--by); a plain line with no TAB is a
 * document of its own, its words separated by spaces.  The model, the
 * sampler and the reports live in lib/lda*.c; this file reads the input,
 * runs the iterations with a progress display, and writes the results.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "group.h"
#include "io.h"
#include "lda.h"
#include "lda_dmr.h"
#include "meta.h"
#include "opt.h"
#include "record.h"

static const char help[] =
    "usage: sp-topics [-v] [-k topics] [-n iterations] [--alpha sum] "
    "[--beta beta]\n"
    "                 [--by doc|para|sent|N|column] [--burn-in n]\n"
    "                 [--covariates column[,column ...]] "
    "[--diagnostics file]\n"
    "                 [--doc-topics file] [--effects file]\n"
    "                 [--evaluate model] [--frex-weight w] "
    "[--id-column name]\n"
    "                 [--infer model] [--lambda file] [--meta file]\n"
    "                 [--optimize-interval n] [--particles n]\n"
    "                 [--progress-interval n] [--save model] "
    "[--seed n]\n"
    "                 [--texts file] [--threads n] [--threshold p] "
    "[--top n]\n"
    "                 [--typical file] [--typical-docs n] "
    "[--word-topics file]\n"
    "                 [file ...]\n"
    "\n"
    "Fit an LDA topic model to token records (DOC TAB PARA TAB SENT TAB "
    "TOKEN)\nand write the topic keys: TOPIC TAB ALPHA TAB TOP WORDS.\n"
    "\n"
    "  -k, --topics=K            number of topics (default 20)\n"
    "  -n, --iterations=N        Gibbs sweeps (default 1000; 100 with "
    "--infer)\n"
    "      --alpha=SUM           sum of the document-topic prior "
    "(default 5)\n"
    "      --beta=BETA           topic-word prior (default 0.01)\n"
    "      --by=doc|para|sent|N  documents are groups of N key fields "
    "(default doc)\n"
    "      --by=COLUMN           with --meta: documents are the records "
    "with one value\n"
    "                            of the column\n"
    "      --burn-in=N           no optimisation until after iteration N\n"
    "                            (default 200, or half of -n if less)\n"
    "      --covariates=COL,...  with --meta: each document's prior "
    "depends on these\n"
    "                            columns (Dirichlet-multinomial "
    "regression)\n"
    "      --diagnostics=FILE    write TOPIC TAB TOKENS TAB COHERENCE TAB "
    "DOCUMENTS TAB\n"
    "                            EXCLUSIVITY TAB NPMI TAB FREX WORDS\n"
    "      --doc-topics=FILE     write DOC TAB TOPIC TAB PROPORTION\n"
    "      --effects=FILE        covariates: write COVARIATE TAB VALUE TAB "
    "TOPIC TAB\n"
    "                            MEAN TAB LOWER TAB UPPER\n"
    "      --evaluate=MODEL      write each document's log probability "
    "under a saved\n"
    "                            model: DOC TAB TOKENS TAB LOG-PROBABILITY "
    "TAB ERROR\n"
    "      --frex-weight=W       diagnostics: FREX's weight of "
    "exclusivity (default 0.5)\n"
    "      --id-column=NAME      meta: the column of ids (default the "
    "first)\n"
    "      --infer=MODEL         infer the documents' topics with a saved "
    "model\n"
    "      --lambda=FILE         covariates: write COVARIATE TAB VALUE TAB "
    "TOPIC TAB\n"
    "                            LAMBDA\n"
    "      --meta=FILE           a table of the documents' metadata (TSV or "
    "CSV)\n"
    "      --optimize-interval=N optimise alpha and beta every N "
    "iterations\n"
    "                            (default 10; 0 keeps them fixed)\n"
    "      --particles=N         particles for --evaluate (default 10)\n"
    "      --progress-interval=N with -v, report every N iterations "
    "(default 10)\n"
    "      --save=MODEL          save the model\n"
    "      --seed=N              random seed (default 1)\n"
    "      --texts=FILE          typical: the documents' text, as sp-split "
    "writes it\n"
    "      --threads=N           sampling threads (default 1)\n"
    "      --threshold=P         doc-topics: only proportions above P\n"
    "      --top=N               top words per topic (default 20)\n"
    "      --typical=FILE        write TOPIC TAB RANK TAB PROPORTION TAB "
    "DOC TAB TEXT\n"
    "      --typical-docs=N      typical documents per topic (default 3)\n"
    "  -v, --verbose             progress and log-likelihood on standard "
    "error\n"
    "      --word-topics=FILE    write WORD TAB TOPIC TAB COUNT\n"
    "      --help                print this help and exit\n"
    "      --version             print the version and exit\n";

enum {
	OPT_ALPHA = 1, OPT_BETA, OPT_BURN_IN, OPT_BY, OPT_COVARIATES,
	OPT_DIAGNOSTICS, OPT_DOC_TOPICS, OPT_EFFECTS, OPT_EVALUATE,
	OPT_FREX_WEIGHT, OPT_ID_COLUMN, OPT_INFER, OPT_ITERATIONS, OPT_LAMBDA,
	OPT_META, OPT_OPTIMIZE, OPT_PARTICLES,
	OPT_PROGRESS, OPT_SAVE, OPT_SEED, OPT_TEXTS, OPT_THREADS,
	OPT_THRESHOLD, OPT_TOP, OPT_TOPICS, OPT_TYPICAL, OPT_TYPICAL_DOCS,
	OPT_VERBOSE, OPT_WORD_TOPICS
};

static const struct opt_spec specs[] = {
	{ OPT_ALPHA, 0, "alpha", OPT_REQUIRED },
	{ OPT_BETA, 0, "beta", OPT_REQUIRED },
	{ OPT_BURN_IN, 0, "burn-in", OPT_REQUIRED },
	{ OPT_BY, 0, "by", OPT_REQUIRED },
	{ OPT_COVARIATES, 0, "covariates", OPT_REQUIRED },
	{ OPT_DIAGNOSTICS, 0, "diagnostics", OPT_REQUIRED },
	{ OPT_DOC_TOPICS, 0, "doc-topics", OPT_REQUIRED },
	{ OPT_EFFECTS, 0, "effects", OPT_REQUIRED },
	{ OPT_EVALUATE, 0, "evaluate", OPT_REQUIRED },
	{ OPT_FREX_WEIGHT, 0, "frex-weight", OPT_REQUIRED },
	{ OPT_ID_COLUMN, 0, "id-column", OPT_REQUIRED },
	{ OPT_INFER, 0, "infer", OPT_REQUIRED },
	{ OPT_ITERATIONS, 'n', "iterations", OPT_REQUIRED },
	{ OPT_LAMBDA, 0, "lambda", OPT_REQUIRED },
	{ OPT_META, 0, "meta", OPT_REQUIRED },
	{ OPT_OPTIMIZE, 0, "optimize-interval", OPT_REQUIRED },
	{ OPT_PARTICLES, 0, "particles", OPT_REQUIRED },
	{ OPT_PROGRESS, 0, "progress-interval", OPT_REQUIRED },
	{ OPT_SAVE, 0, "save", OPT_REQUIRED },
	{ OPT_SEED, 0, "seed", OPT_REQUIRED },
	{ OPT_TEXTS, 0, "texts", OPT_REQUIRED },
	{ OPT_THREADS, 0, "threads", OPT_REQUIRED },
	{ OPT_THRESHOLD, 0, "threshold", OPT_REQUIRED },
	{ OPT_TOP, 0, "top", OPT_REQUIRED },
	{ OPT_TOPICS, 'k', "topics", OPT_REQUIRED },
	{ OPT_TYPICAL, 0, "typical", OPT_REQUIRED },
	{ OPT_TYPICAL_DOCS, 0, "typical-docs", OPT_REQUIRED },
	{ OPT_VERBOSE, 'v', "verbose", OPT_NONE },
	{ OPT_WORD_TOPICS, 0, "word-topics", OPT_REQUIRED },
	{ 0, 0, NULL, 0 }
};

static size_t by = 1;
static const char *by_name = "doc";
/*
 * With --meta and --by COLUMN, a document is the records whose ids have
 * one value of the column: its key is the value.
 */
static struct grouper by_column;
static int by_is_column;
static unsigned long long plain_lines;	/* plain lines read so far */

/* Add a plain line's space-separated words as a document of its own. */
static void
add_plain_line(struct lda_corpus *c, const char *s, size_t n)
{
	char key[24];
	size_t i = 0, j, keylen;

	keylen = (size_t)snprintf(key, sizeof(key), "%llu", ++plain_lines);
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j > i)
			lda_corpus_add(c, key, keylen, s + i, j - i);
		i = j;
	}
}

static int
read_file(struct lda_corpus *c, const char *path)
{
	struct record_reader rr;
	struct record rec;
	size_t keylen;

	if (record_open(&rr, path) < 0)
		return 2;
	while (record_next(&rr, &rec) > 0) {
		if (!rec.haskey) {
			add_plain_line(c, rec.payload, rec.len);
			continue;
		}
		if (by_is_column) {
			/* A record with a key has its first field. */
			uint32_t g = group_of(&by_column, &rec);
			const char *name = group_name(&by_column, g, &keylen);

			if (rec.len > 0)
				lda_corpus_add(c, name, keylen, rec.payload,
				    rec.len);
			continue;
		}
		keylen = record_by_prefix(&rr, &rec, by, by_name);
		if (keylen == (size_t)-1) {
			record_close(&rr);
			return 2;
		}
		if (rec.len > 0)
			lda_corpus_add(c, rec.key, keylen, rec.payload,
			    rec.len);
	}
	return record_close(&rr) < 0 ? 2 : 0;
}

/*
 * The text of the documents marked in want, from a file of segment
 * records (DOC TAB PARA TAB SENT TAB TEXT, as sp-split writes them): the
 * first record of each, whose first --by key fields are the document's
 * key, which is its first sentence.
 */
static int
read_texts(const struct lda_corpus *c, const char *path,
    const unsigned char *want, char **text)
{
	struct record_reader rr;
	struct record rec;
	size_t keylen;
	uint32_t d;

	if (record_open(&rr, path) < 0)
		return 2;
	while (record_next(&rr, &rec) > 0) {
		if (!rec.haskey ||
		    (keylen = record_key_prefix(&rec, by)) == (size_t)-1)
			continue;
		d = strtab_find(&c->docs, rec.key, keylen);
		if (d == STRTAB_NONE || !want[d] || text[d] != NULL)
			continue;
		text[d] = xmalloc(rec.len + 1);
		memcpy(text[d], rec.payload, rec.len);
		text[d][rec.len] = '\0';
	}
	return record_close(&rr) < 0 ? 2 : 0;
}

/*
 * Write each topic's most typical documents, with their first sentence
 * from texts_path if it is given.  Returns 2 if that file had trouble.
 */
static int
write_typical(struct writer *w, const struct lda_model *m,
    const struct lda_corpus *c, const uint16_t *topics, int n,
    const char *texts_path)
{
	size_t k = (size_t)m->ntopics, j;
	uint32_t *docs = xmalloc((k * (size_t)n + 1) * sizeof(uint32_t));
	double *proportion = xmalloc((k * (size_t)n + 1) * sizeof(double));
	int *ndocs = xcalloc(k, sizeof(int)), status = 0, t, i;
	unsigned char *want;
	char **text = NULL;

	if (texts_path != NULL) {
		lda_typical_documents(m, c, topics, n, docs, proportion, ndocs);
		want = xcalloc(c->docs.n + 1, 1);
		for (t = 0; t < (int)k; t++)
			for (i = 0; i < ndocs[t]; i++)
				want[docs[(size_t)t * (size_t)n + (size_t)i]] = 1;
		text = xcalloc(c->docs.n + 1, sizeof(char *));
		status = read_texts(c, texts_path, want, text);
		free(want);
	}
	lda_write_typical(w, m, c, topics, n, text);
	if (text != NULL)
		for (j = 0; j < c->docs.n; j++)
			free(text[j]);
	free(text);
	free(docs);
	free(proportion);
	free(ndocs);
	return status;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run the iterations, reporting progress on standard error with -v. */
static void
train(struct lda_trainer *t, const struct lda_corpus *c, long iterations,
    int verbose, long interval)
{
	int tty = verbose && isatty(2);
	double start = now(), elapsed;
	long i;

	for (i = 1; i <= iterations; i++) {
		lda_train_iteration(t);
		if (!verbose || (i % interval != 0 && i != iterations &&
		    !tty))
			continue;
		elapsed = now() - start;
		if (i % interval == 0 || i == iterations)
			fprintf(stderr, "%ssp-topics: iteration %ld/%ld, "
			    "%.1f s, log-likelihood per token %.6f%s", tty ? "\r" :
			    "", i, iterations, elapsed,
			    lda_train_log_likelihood(t) /
			    (double)c->ntokens, tty ? "\033[K" : "\n");
		else
			fprintf(stderr, "\rsp-topics: iteration %ld/%ld, "
			    "%.1f s", i, iterations, elapsed);
	}
	if (verbose) {
		elapsed = now() - start;
		fprintf(stderr, "%ssp-topics: %zu tokens, %lu words, %lu "
		    "documents; %ld iterations in %.2f s, %.2f million "
		    "tokens/s\n", tty ? "\n" : "", c->ntokens,
		    (unsigned long)c->words.n, (unsigned long)c->docs.n,
		    iterations, elapsed, elapsed > 0 ? (double)c->ntokens *
		    (double)iterations / elapsed / 1e6 : 0.0);
	}
}

static void
free_meta(struct meta *meta)
{
	if (meta == NULL)
		return;
	group_free(&by_column);
	meta_free(meta);
}

static void
open_output(struct writer *w, const char *path)
{
	if (path != NULL)
		writer_open(w, path);
}

int
main(int argc, char *argv[])
{
	struct opt o;
	struct lda_options lo = { 20, 5.0, 0.01, 1, 10, -1, 1,
		LDA_SAMPLER_AUTO, NULL };
	struct lda_dmr dmr;
	struct lda_corpus c;
	struct lda_model m;
	struct lda_trainer *t;
	struct writer save_w, doc_w, word_w, diag_w, typical_w;
	const char *doc_path = NULL, *word_path = NULL, *diag_path = NULL;
	const char *save_path = NULL, *infer_path = NULL, *eval_path = NULL;
	const char *typical_path = NULL, *texts_path = NULL, *model_path;
	const char *meta_path = NULL, *id_column = NULL, *covariates = NULL;
	const char *lambda_path = NULL, *effects_path = NULL;
	struct writer lambda_w, effects_w;
	struct meta meta;
	char *arg, *dash[] = { "-" }, **files;
	long iterations = -1, interval = 10, top = 20, typical_docs = 3;
	long particles = 10;
	double threshold = 0, frex_weight = 0.5;
	int id, i, nfiles, verbose = 0, k_given = 0, status = 0;

	opt_init(&o, argc, argv, specs, help);
	while ((id = opt_next(&o, &arg)) != 0) {
		switch (id) {
		case OPT_ALPHA:
			lo.alpha_sum = opt_real(&o, arg, 1e-9, 1e9);
			break;
		case OPT_BETA:
			lo.beta = opt_real(&o, arg, 1e-9, 1e9);
			break;
		case OPT_BURN_IN:
			lo.burn_in = (long)opt_number(&o, arg, 0, 1000000000);
			break;
		case OPT_BY:
			/* A column of --meta's table, or a key level: below. */
			by_name = arg;
			break;
		case OPT_COVARIATES:
			covariates = arg;
			break;
		case OPT_DIAGNOSTICS:
			diag_path = arg;
			break;
		case OPT_EFFECTS:
			effects_path = arg;
			break;
		case OPT_DOC_TOPICS:
			doc_path = arg;
			break;
		case OPT_EVALUATE:
			eval_path = arg;
			break;
		case OPT_FREX_WEIGHT:
			frex_weight = opt_real(&o, arg, 0, 1);
			break;
		case OPT_ID_COLUMN:
			id_column = arg;
			break;
		case OPT_INFER:
			infer_path = arg;
			break;
		case OPT_LAMBDA:
			lambda_path = arg;
			break;
		case OPT_META:
			meta_path = arg;
			break;
		case OPT_ITERATIONS:
			iterations = (long)opt_number(&o, arg, 1, 1000000000);
			break;
		case OPT_OPTIMIZE:
			lo.optimize_interval = (long)opt_number(&o, arg, 0,
			    1000000000);
			break;
		case OPT_PARTICLES:
			particles = (long)opt_number(&o, arg, 2, 1000000);
			break;
		case OPT_PROGRESS:
			interval = (long)opt_number(&o, arg, 1, 1000000000);
			break;
		case OPT_SAVE:
			save_path = arg;
			break;
		case OPT_SEED:
			lo.seed = (uint64_t)opt_number(&o, arg, 0,
			    9223372036854775807LL);
			break;
		case OPT_TEXTS:
			texts_path = arg;
			break;
		case OPT_THREADS:
			lo.threads = (int)opt_number(&o, arg, 1, 256);
			break;
		case OPT_THRESHOLD:
			threshold = opt_real(&o, arg, 0, 1);
			break;
		case OPT_TOP:
			top = (long)opt_number(&o, arg, 1, 100000);
			break;
		case OPT_TOPICS:
			lo.ntopics = (int)opt_number(&o, arg, 2,
			    LDA_MAX_TOPICS);
			k_given = 1;
			break;
		case OPT_TYPICAL:
			typical_path = arg;
			break;
		case OPT_TYPICAL_DOCS:
			typical_docs = (long)opt_number(&o, arg, 1, 1000000);
			break;
		case OPT_VERBOSE:
			verbose = 1;
			break;
		case OPT_WORD_TOPICS:
			word_path = arg;
			break;
		}
	}
	if (id_column != NULL && meta_path == NULL)
		opt_usage_error(&o, "--id-column needs --meta");
	if (meta_path == NULL)
		by = group_key_level(&o, by_name);
	if (covariates != NULL && meta_path == NULL)
		opt_usage_error(&o, "--covariates needs --meta");
	if ((lambda_path != NULL || effects_path != NULL) && covariates == NULL)
		opt_usage_error(&o, "%s needs --covariates",
		    lambda_path ? "--lambda" : "--effects");
	if (covariates != NULL && lo.optimize_interval == 0)
		opt_usage_error(&o, "--covariates needs --optimize-interval "
		    "above 0: lambda is fitted there");
	if (covariates != NULL && (infer_path || eval_path))
		opt_usage_error(&o, "--covariates cannot be used with %s",
		    infer_path ? "--infer" : "--evaluate");
	if (infer_path != NULL && eval_path != NULL)
		opt_usage_error(&o, "--infer cannot be used with --evaluate");
	model_path = infer_path != NULL ? infer_path : eval_path;
	if (model_path != NULL && (save_path || word_path || diag_path ||
	    typical_path))
		opt_usage_error(&o, "%s cannot be used with %s",
		    infer_path ? "--infer" : "--evaluate",
		    save_path ? "--save" : word_path ? "--word-topics" :
		    diag_path ? "--diagnostics" : "--typical");
	if (eval_path != NULL && doc_path != NULL)
		opt_usage_error(&o, "--evaluate cannot be used with "
		    "--doc-topics");
	if (iterations < 0)
		iterations = infer_path != NULL ? 100 : 1000;
	if (lo.burn_in < 0)
		lo.burn_in = iterations < 400 ? iterations / 2 : 200;
	files = o.noperands > 0 ? o.operands : dash;
	nfiles = o.noperands > 0 ? o.noperands : 1;

	writer_init(&sp_out, 1, "(standard output)");
	if (meta_path != NULL) {
		group_open(&by_column, &meta, by_name, meta_path, id_column);
		if (by_column.kind == GROUP_COLUMN)
			by_is_column = 1;
		else
			by = by_column.fields;
		if (by_is_column && texts_path != NULL)
			sp_die("--texts cannot be used with --by %s, a column "
			    "of %s", by_name, meta_path);
		if (by_is_column && covariates != NULL)
			sp_die("--covariates cannot be used with --by %s, a "
			    "column of %s: a document's covariates come from "
			    "its id", by_name, meta_path);
	}
	if (model_path != NULL) {
		lda_load(&m, model_path);
		if (k_given && lo.ntopics != m.ntopics)
			sp_die("%s: the model has %d topics, not %d (-k)",
			    model_path, m.ntopics, lo.ntopics);
	}
	/*
	 * A bad path fails before training.  Each file is written beside
	 * its path and put in place only when complete (see writer_open).
	 */
	open_output(&save_w, save_path);
	open_output(&doc_w, doc_path);
	open_output(&word_w, word_path);
	open_output(&diag_w, diag_path);
	open_output(&typical_w, typical_path);
	open_output(&lambda_w, lambda_path);
	open_output(&effects_w, effects_path);
	if (texts_path != NULL) {
		/* A bad path fails before training, not after. */
		int fd = open(texts_path, O_RDONLY);

		if (fd < 0)
			sp_die("%s: %s", texts_path, strerror(errno));
		close(fd);
	}

	lda_corpus_init(&c);
	for (i = 0; i < nfiles; i++)
		if (read_file(&c, files[i]) != 0)
			status = 2;
	/*
	 * As with every sp tool, a bad file is reported and the others are
	 * still used: the model is fitted on what could be read, and the exit
	 * status remembers the trouble.
	 */
	if (by_is_column)
		group_report_missing(&by_column);
	if (c.ntokens == 0)
		sp_die("no tokens in the input");
	lda_corpus_group(&c);

	if (model_path != NULL && m.dmr != NULL) {
		/* Each document's prior from the model's lambda. */
		if (meta_path == NULL)
			sp_die("%s: the model has covariates: give --meta with "
			    "the documents' table", model_path);
		if (by_is_column)
			sp_die("%s: the model has covariates, which cannot be "
			    "used with --by %s, a column of %s", model_path,
			    by_name, meta_path);
		if (lda_dmr_apply(m.dmr, &c, &meta, model_path) < 0)
			sp_exit(2);
		m.doc_alpha = m.dmr->doc_alpha;
		m.doc_alpha_sum = m.dmr->doc_alpha_sum;
	}
	if (model_path != NULL) {
		if (eval_path != NULL)
			lda_evaluate(&m, &c, (int)particles, lo.seed, &sp_out);
		else
			lda_infer(&m, &c, iterations, lo.seed,
			    doc_path ? &doc_w : &sp_out, threshold);
		if (doc_path)
			writer_close(&doc_w);
		lda_model_free(&m);
		lda_corpus_free(&c);
		free_meta(meta_path ? &meta : NULL);
		free(o.operands);
		sp_exit(status);
	}

	if ((size_t)lo.ntopics > c.ntokens)
		sp_die("-k %d: more topics than the %zu tokens in the input",
		    lo.ntopics, c.ntokens);
	if (covariates != NULL) {
		if (lda_dmr_init(&dmr, &c, &meta, covariates, lo.ntopics,
		    lo.alpha_sum) < 0)
			sp_exit(2);
		lo.dmr = &dmr;
	}
	t = lda_train_new(&c, &lo, &m);
	train(t, &c, iterations, verbose, interval);

	/* The model first: a failure in a report must not lose it. */
	if (save_path) {
		lda_write_model(&save_w, &m);
		writer_close(&save_w);
	}
	lda_write_topic_keys(&sp_out, &m, (int)top);
	if (lambda_path) {
		lda_dmr_write_lambda(&lambda_w, &dmr);
		writer_close(&lambda_w);
	}
	if (effects_path) {
		lda_dmr_write_effects(&effects_w, &dmr);
		writer_close(&effects_w);
	}
	if (doc_path) {
		lda_write_doc_topics(&doc_w, &m, &c, lda_train_topics(t),
		    threshold);
		writer_close(&doc_w);
	}
	if (word_path) {
		lda_write_word_topics(&word_w, &m);
		writer_close(&word_w);
	}
	if (diag_path) {
		lda_write_diagnostics(&diag_w, &m, &c, lda_train_topics(t),
		    (int)top, frex_weight);
		writer_close(&diag_w);
	}
	if (typical_path) {
		if (write_typical(&typical_w, &m, &c, lda_train_topics(t),
		    (int)typical_docs, texts_path) != 0)
			status = 2;
		writer_close(&typical_w);
	}
	lda_train_free(t);
	if (lo.dmr != NULL)
		lda_dmr_free(&dmr);
	lda_model_free(&m);
	lda_corpus_free(&c);
	free_meta(meta_path ? &meta : NULL);
	free(o.operands);
	sp_exit(status);
}
