#!/bin/sh
# make help: the settings of make report, as README's table has them.
cat <<'END'
make report [SETTING=value ...]: analyse a corpus into OUT/report.html,
OUT/summary.txt and the tables of OUT/ (README, "The main job").

  CORPUS=corpus   a folder of .txt files (one document each, the id is
                  the file name without .txt), or a records file of
                  lines ID TAB TEXT (a run of lines with one id is one
                  document, each line a paragraph)
  META=FILE       metadata table: TSV, a header row naming the columns,
                  a row per document, the ids in the first column
                  (default: CORPUS/INDEX.tsv if there is one; empty: none)
  GROUP=speaker   the column of META whose groups are compared (without
                  META, each document is a group)
  DATE=auto       the column of META with ISO dates (auto: the column
                  named date, in any case, if there is one; empty: none)
  PERIOD=year     year, month or decade: the periods of the time charts
  KEYTERMS=       word patterns to follow through time and concord, e.g.
                  KEYTERMS='terror* "safe spaces"' (default: five words
                  chosen from the keywords of the largest groups)
  TOPICS=6        the number of topics
  SWEEPS=500      Gibbs sweeps to fit the topic model
  FIT=200000      fit the model on at most this many content words (an
                  even sample of the paragraphs); every document's topic
                  mix is then inferred with the model
  OUT=out         the folder for the tables and the page

With META, the topic model's prior depends on GROUP and the year of DATE
(Dirichlet-multinomial regression; README says when).  A change of a
setting or of the input rebuilds what depends on it.
Other targets: all, check, units, bench, fuzz, install, uninstall, clean.
END
