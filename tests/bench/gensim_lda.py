#!/usr/bin/python3
"""Fit gensim's LDA (online variational Bayes) to sp token records.

The reference side of tests/bench/topics-compare.sh.  Reads token records
('KEY ... TAB TOKEN', as sp-tokens writes them), groups them into documents
by their first BY key fields exactly as sp-topics --by does (documents in
order of first appearance, records of one document need not be adjacent),
fits gensim.models.LdaModel (or LdaMulticore) and writes the topic keys in
sp-topics' format, 'TOPIC TAB ALPHA TAB WORDS', so that one evaluator
(tests/bench/npmi.awk) reads both.  The vocabulary is every word of the
input, unfiltered, as sp-topics sees it.

On standard error, one line of figures: 'gensim: key=value ...' with the
token and document counts, the load time and the training wall and CPU
time (training alone: gensim's own corpus conversion is counted in load).

usage: gensim_lda.py [--by N] [-k K] [--passes P] [--iterations I]
                     [--chunksize C] [--alpha symmetric|auto|asymmetric]
                     [--multicore] [--seed S] [--top N] TOKENS > KEYS

Run it with Debian's /usr/bin/python3 and python3-gensim.
"""
import argparse
import logging
import os
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--by", type=int, default=2,
                    help="key fields naming a document (2 = para)")
    ap.add_argument("-k", type=int, default=20)
    ap.add_argument("--passes", type=int, default=10)
    ap.add_argument("--iterations", type=int, default=50,
                    help="max E-step iterations per document and chunk")
    ap.add_argument("--chunksize", type=int, default=2000)
    ap.add_argument("--alpha", default="symmetric")
    ap.add_argument("--multicore", action="store_true",
                    help="LdaMulticore with workers=1")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("tokens")
    a = ap.parse_args()

    t0 = time.perf_counter()
    c0 = time.process_time()
    from gensim.corpora import Dictionary
    from gensim.models import LdaModel, LdaMulticore

    docs = {}
    order = []
    ntok = 0
    with open(a.tokens, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            line = line.rstrip("\n")
            parts = line.split("\t")
            if len(parts) <= a.by:
                sys.exit("gensim_lda: record with too few key fields: %r"
                         % line)
            word = parts[-1]
            if word == "":
                continue
            key = "\t".join(parts[:a.by])
            d = docs.get(key)
            if d is None:
                d = docs[key] = []
                order.append(key)
            d.append(word)
            ntok += 1
    texts = [docs[k] for k in order]
    del docs
    dic = Dictionary(texts)
    corpus = [dic.doc2bow(t) for t in texts]
    del texts
    load_wall = time.perf_counter() - t0
    load_cpu = time.process_time() - c0

    t1 = time.perf_counter()
    c1 = time.process_time()
    common = dict(corpus=corpus, id2word=dic, num_topics=a.k,
                  passes=a.passes, iterations=a.iterations,
                  chunksize=a.chunksize, random_state=a.seed,
                  eval_every=None)
    if a.multicore:
        if a.alpha == "auto":
            sys.exit("gensim_lda: LdaMulticore does not support alpha=auto")
        model = LdaMulticore(workers=1, alpha=a.alpha, **common)
    else:
        model = LdaModel(alpha=a.alpha, **common)
    train_wall = time.perf_counter() - t1
    train_cpu = time.process_time() - c1
    # LdaMulticore trains in a worker process: add the children's CPU.
    ch = os.times()
    child_cpu = ch.children_user + ch.children_system

    out = sys.stdout
    for t in range(a.k):
        words = [w for w, _ in model.show_topic(t, topn=a.top)]
        out.write("%d\t%.6f\t%s\n" % (t, float(model.alpha[t]),
                                      " ".join(words)))
    print("gensim: tokens=%d words=%d documents=%d passes=%d iterations=%d "
          "chunksize=%d alpha=%s multicore=%d load_wall=%.3f load_cpu=%.3f "
          "train_wall=%.3f train_cpu=%.3f child_cpu=%.3f"
          % (ntok, len(dic), len(corpus), a.passes, a.iterations,
             a.chunksize, a.alpha, int(a.multicore), load_wall, load_cpu,
             train_wall, train_cpu, child_cpu), file=sys.stderr)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    main()
