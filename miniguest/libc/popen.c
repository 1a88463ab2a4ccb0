/* There is no shell nor any other process to run: system(NULL) says so
 * with 0, and running a command fails with ENOSYS, as fork and execve do. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int system(const char *command)
{
	if (!command)
		return 0;
	errno = ENOSYS;
	return -1;
}

FILE *popen(const char *command, const char *mode)
{
	(void)command;
	(void)mode;
	errno = ENOSYS;
	return 0;
}

/* No stream came from popen. */
int pclose(FILE *stream)
{
	(void)stream;
	errno = ECHILD;
	return -1;
}
