/*
 * Unit tests for lib/outfile.c through the writer: a file opened with
 * writer_open replaces the old one only at writer_close, keeping its
 * permissions; a program that ends first (exit, sp_die, a fatal signal)
 * leaves the old file as it was, or none where there was none, and no
 * temporary file; an ignored signal stays ignored; a device is written in
 * place.  Each ending is played by a child process.
 */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "io.h"
#include "unit.h"

static char dir[256];
static char path[300];
static struct writer w;	/* static: still reachable when a child exits */

/* The entries of dir, "." and ".." left out. */
static int
entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* The contents of path ("(none)" if it is missing), in a static buffer. */
static const char *
contents(void)
{
	static char buf[64];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return "(none)";
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
put(const char *s)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(s, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

enum ending { BY_EXIT, BY_DIE, BY_SIGNAL, BY_IGNORED_SIGNAL };

/*
 * In a child: open path, write to it, flush, and end as told (an ignored
 * SIGHUP is followed by the close).  Returns the child's wait status.
 */
static int
child(enum ending how)
{
	pid_t pid;
	int status;

	fflush(stdout);
	if ((pid = fork()) < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		if (how == BY_IGNORED_SIGNAL)
			signal(SIGHUP, SIG_IGN);
		writer_open(&w, path);
		writer_str(&w, "new");
		writer_flush(&w);
		switch (how) {
		case BY_EXIT:
			exit(3);
		case BY_DIE:
			freopen("/dev/null", "w", stderr);
			sp_die("dying on purpose");
		case BY_SIGNAL:
			raise(SIGTERM);
			break;
		case BY_IGNORED_SIGNAL:
			raise(SIGHUP);
			writer_close(&w);
			exit(0);
		}
		_exit(99);
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		exit(1);
	}
	return status;
}

static void
test_commit(void)
{
	struct stat st;

	put("old");
	chmod(path, 0640);
	writer_open(&w, path);
	writer_str(&w, "new");
	writer_flush(&w);
	/* Written, but not yet in place. */
	CHECK_STR(contents(), "old");
	CHECK_INT(entries(), 2);
	writer_close(&w);
	CHECK_STR(contents(), "new");
	CHECK_INT(entries(), 1);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640);
}

static void
test_endings(void)
{
	int status;

	put("old");
	status = child(BY_EXIT);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);
	CHECK_STR(contents(), "old");
	CHECK_INT(entries(), 1);

	status = child(BY_DIE);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	CHECK_STR(contents(), "old");
	CHECK_INT(entries(), 1);

	status = child(BY_SIGNAL);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	CHECK_STR(contents(), "old");
	CHECK_INT(entries(), 1);

	status = child(BY_IGNORED_SIGNAL);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_STR(contents(), "new");
	CHECK_INT(entries(), 1);

	/* No file before: none after. */
	unlink(path);
	status = child(BY_SIGNAL);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	CHECK_STR(contents(), "(none)");
	CHECK_INT(entries(), 0);
	status = child(BY_EXIT);
	CHECK_STR(contents(), "(none)");
	CHECK_INT(entries(), 0);
}

static void
test_in_place(void)
{
	writer_open(&w, "/dev/null");
	CHECK(w.tmp == NULL);
	writer_str(&w, "nothing");
	writer_close(&w);
}

int
main(void)
{
	const char *tmpdir = getenv("TMPDIR");

	if (tmpdir == NULL || *tmpdir == '\0' || strlen(tmpdir) > 200)
		tmpdir = "/tmp";
	snprintf(dir, sizeof(dir), "%s/sp-outfile-XXXXXX", tmpdir);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/out.txt", dir);
	test_commit();
	test_endings();
	test_in_place();
	unlink(path);
	rmdir(dir);
	UNIT_DONE();
}
