/*
 * The stopwatch of tests/bench/run.sh: run one shell command and print
 * its wall time in seconds, the peak resident memory of the largest
 * process it started (kB, from getrusage of the children), its exit
 * status and the CPU time (user and system) of all its processes in
 * seconds, as "SECONDS KB STATUS CPU".  Finer than GNU time's 10 ms, and
 * needs nothing but libc.
 *
 * usage: timeit 'command'
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	struct rusage ru;
	double start;
	pid_t pid;
	int status;

	if (argc != 2) {
		fputs("usage: timeit 'command'\n", stderr);
		return 2;
	}
	start = now();
	if ((pid = fork()) < 0) {
		perror("timeit: fork");
		return 2;
	}
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", argv[1], (char *)NULL);
		perror("timeit: /bin/sh");
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("timeit: waitpid");
		return 2;
	}
	printf("%.3f ", now() - start);
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("%ld %d %.3f\n", ru.ru_maxrss, WIFEXITED(status) ?
	    WEXITSTATUS(status) : 128 + WTERMSIG(status),
	    (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
	return 0;
}
