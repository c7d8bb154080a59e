/*
 * Output files replaced only when complete; see outfile.h.  The paths of
 * the temporary files not yet renamed are kept in a small table that a
 * signal handler and an atexit function read to remove them.  The handler
 * may only make async-signal-safe calls (unlink, raise), so each path is
 * made before its file is created, and the table is changed only with the
 * signals blocked: no signal can come between creating a file and
 * noting it, or between renaming it and forgetting it.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "outfile.h"

enum {
	MAX_PENDING = 16,	/* output files open at once */
	MAX_BASE = 200,		/* bytes of the name kept in the temporary's */
	TRIES = 100		/* names tried before giving up */
};

/* The signals that end a program by default and can be caught. */
static const int fatal_signals[] = { SIGHUP, SIGINT, SIGPIPE, SIGTERM,
	SIGXFSZ };
#define NFATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

static char *volatile pending[MAX_PENDING];
static int installed;

static void
remove_pending(void)
{
	int i;

	for (i = 0; i < MAX_PENDING; i++)
		if (pending[i] != NULL)
			(void)unlink(pending[i]);
}

/*
 * The handler was reset to the default action on entry (SA_RESETHAND), so
 * the signal raised again ends the program as it would have without us,
 * once the handler returns.
 */
static void
on_signal(int sig)
{
	int saved = errno;

	remove_pending();
	(void)raise(sig);
	errno = saved;
}

static void
fatal_set(sigset_t *set)
{
	size_t i;

	sigemptyset(set);
	for (i = 0; i < NFATAL; i++)
		sigaddset(set, fatal_signals[i]);
}

/*
 * Catch the fatal signals that are not ignored (nohup's SIGHUP stays
 * ignored), and remove the temporary files at exit.  No sp program has
 * handlers of its own for them.
 */
static void
install(void)
{
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	fatal_set(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < NFATAL; i++)
		if (sigaction(fatal_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			(void)sigaction(fatal_signals[i], &sa, NULL);
	if (atexit(remove_pending) != 0)
		sp_die("cannot register the removal of temporary files");
	installed = 1;
}

/* Six letters or digits, different from call to call and process to process. */
static void
random_suffix(char *s)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789";
	static uint64_t counter;
	struct timespec ts;
	uint64_t x;
	int i;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 30 ^
	    (uint64_t)getpid() << 40 ^ ++counter * UINT64_C(0x9E3779B97F4A7C15);
	/* splitmix64's finaliser, so that near inputs give far names. */
	x = (x ^ x >> 30) * UINT64_C(0xBF58476D1CE4E5B9);
	x = (x ^ x >> 27) * UINT64_C(0x94D049BB133111EB);
	x ^= x >> 31;
	for (i = 0; i < 6; i++) {
		s[i] = chars[x % (sizeof(chars) - 1)];
		x /= sizeof(chars) - 1;
	}
}

int
outfile_open(const char *path, char **tmp)
{
	struct stat st;
	const char *slash = strrchr(path, '/'), *base;
	size_t dirlen, baselen;
	sigset_t fatal, old;
	char *name;
	int fd = -1, exists, slot, i, err;

	*tmp = NULL;
	if (*path == '\0')
		sp_die("'': %s", strerror(ENOENT));
	exists = lstat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		sp_die("%s: %s", path, strerror(EISDIR));
	if (exists && !S_ISREG(st.st_mode)) {
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0)
			sp_die("%s: %s", path, strerror(errno));
		return fd;
	}
	/* A file that may not be written is not replaced either. */
	if (exists && access(path, W_OK) < 0)
		sp_die("%s: %s", path, strerror(errno));
	if (!installed)
		install();
	for (slot = 0; slot < MAX_PENDING && pending[slot] != NULL; slot++)
		;
	if (slot == MAX_PENDING)
		sp_die("%s: too many output files at once", path);

	/* DIR/.BASE.XXXXXX, in the directory of path. */
	base = slash != NULL ? slash + 1 : path;
	dirlen = (size_t)(base - path);
	baselen = strlen(base);
	if (baselen > MAX_BASE)
		baselen = MAX_BASE;
	name = xmalloc(dirlen + baselen + 9);
	memcpy(name, path, dirlen);
	name[dirlen] = '.';
	memcpy(name + dirlen + 1, base, baselen);
	name[dirlen + 1 + baselen] = '.';
	name[dirlen + baselen + 8] = '\0';
	fatal_set(&fatal);
	for (i = 0; i < TRIES; i++) {
		random_suffix(name + dirlen + baselen + 2);
		pthread_sigmask(SIG_BLOCK, &fatal, &old);
		fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0666);
		if (fd >= 0)
			pending[slot] = name;
		err = errno;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		if (fd >= 0 || err != EEXIST)
			break;
	}
	if (fd < 0) {
		free(name);
		sp_die("%s: %s", path, strerror(err));
	}
	/* The new file keeps the old one's permissions. */
	if (exists)
		(void)fchmod(fd, st.st_mode & 07777);
	*tmp = name;
	return fd;
}

/* Make the rename itself durable; a directory that cannot be synced is left. */
static void
sync_directory(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd;

	if (slash == NULL)
		dir = xstrdup(".");
	else
		dir = xmemdup(path, slash == path ? 1 : (size_t)(slash - path));
	if ((fd = open(dir, O_RDONLY)) >= 0) {
		(void)fsync(fd);
		(void)close(fd);
	}
	free(dir);
}

void
outfile_commit(int fd, char *tmp, const char *path)
{
	sigset_t fatal, old;
	int slot, err;

	if (tmp == NULL) {
		if (close(fd) < 0)
			sp_die("%s: write error: %s", path, strerror(errno));
		return;
	}
	/* On failure sp_die exits, and remove_pending removes tmp. */
	if (fsync(fd) < 0) {
		err = errno;
		(void)close(fd);
		sp_die("%s: write error: %s", path, strerror(err));
	}
	if (close(fd) < 0)
		sp_die("%s: write error: %s", path, strerror(errno));
	for (slot = 0; slot < MAX_PENDING && pending[slot] != tmp; slot++)
		;
	fatal_set(&fatal);
	pthread_sigmask(SIG_BLOCK, &fatal, &old);
	if (rename(tmp, path) < 0) {
		err = errno;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		sp_die("%s: cannot replace it with the new file: %s", path,
		    strerror(err));
	}
	if (slot < MAX_PENDING)
		pending[slot] = NULL;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	free(tmp);
	sync_directory(path);
}
