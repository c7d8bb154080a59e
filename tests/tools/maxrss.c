/*
 * maxrss: run a command and write the most memory it held at once, its
 * peak resident set in kilobytes, to a file; for the tests that bound a
 * program's memory.  The command's standard streams are left alone and
 * its exit status is maxrss's (128 + the signal if one ended it).
 * ru_maxrss is not POSIX, but Linux and the BSDs fill it in; 0 means the
 * system does not say.
 *
 * usage: maxrss FILE COMMAND [ARG ...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	struct rusage ru;
	FILE *f;
	pid_t pid;
	int status;

	if (argc < 3) {
		fputs("usage: maxrss FILE COMMAND [ARG ...]\n", stderr);
		return 2;
	}
	if ((pid = fork()) < 0) {
		perror("maxrss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0 ||
	    getrusage(RUSAGE_CHILDREN, &ru) < 0) {
		perror("maxrss");
		return 2;
	}
	if ((f = fopen(argv[1], "w")) == NULL ||
	    fprintf(f, "%ld\n", (long)ru.ru_maxrss) < 0 || fclose(f) != 0) {
		perror(argv[1]);
		return 2;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
