/*
 * Output files that replace what was there only when they are complete.
 * The new contents go to a temporary file in the same directory, which is
 * flushed to disk (fsync) and renamed over the path at the end, so a
 * reader of the path sees the old file or the whole new one, never a part.
 * If the program ends before that, whether by an error (exit, sp_die), or
 * by SIGHUP, SIGINT, SIGPIPE, SIGTERM or SIGXFSZ (left ignored if they
 * were ignored), the temporary file is removed: the old file stays as it
 * was, and where there was none, none appears.
 *
 * A path that exists and is not a regular file (a device such as
 * /dev/stdout, a FIFO, a symbolic link) is written in place, as open(2)
 * with O_TRUNC would: renaming over it would replace the device or the
 * link itself.
 */
#ifndef SP_OUTFILE_H
#define SP_OUTFILE_H

/*
 * Open a file to be renamed to path, or path itself as above; return its
 * descriptor, with *tmp the temporary file's path (NULL when writing in
 * place).  Exit with status 2 after reporting a path that cannot be
 * written (a directory, a missing or read-only directory).
 */
int outfile_open(const char *path, char **tmp);

/*
 * Flush fd to disk, close it and rename tmp to path (only close it if tmp
 * is NULL); free tmp.  Exit with status 2 after reporting a failure, the
 * temporary file removed.
 */
void outfile_commit(int fd, char *tmp, const char *path);

#endif
