/* httpd: a static-file HTTP/1.1 server (main.c says what it does). */
#ifndef HTTPD_H
#define HTTPD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define REQ_MAX 8192            /* a request's head, line and headers */
#define PATH_MAX_LEN 512

/* GET and HEAD are served; the other methods RFC 9110 defines are known
 * (405, with Allow); anything else is not recognised (501). */
enum method { M_GET, M_HEAD, M_KNOWN, M_OTHER };

struct request {
	enum method method;
	char path[PATH_MAX_LEN];
	bool keep_alive;
	size_t body;                /* Content-Length of the request */
};

/* Parses the head in buf[0..len) (ending in an empty line): 0, or the
 * status to answer with (400 for garbage, 405 for a method RFC 9110
 * defines that httpd does not serve, 501 for one it does not know or a
 * transfer coding). */
int parse_request(const char *buf, size_t len, struct request *r);

/* Serves the files under dir (a directory; "/" is the cpio archive's
 * root): 0, or -1 when dir is no directory. */
int set_root(const char *dir);

/* Answers r on fd, with the status said in *status: 0 when the
 * connection may go on, -1 when it must end. */
int serve(int fd, const struct request *r, int *status);

/* An answer without a body of a file: status, a short text, close. */
int answer_error(int fd, int status, bool head_only);

/* Writes all of buf; false when the peer went. */
bool write_all(int fd, const void *buf, size_t len);

/* Serves one connection until it ends; counts what it answered. */
void connection(int fd, unsigned id);

#endif
