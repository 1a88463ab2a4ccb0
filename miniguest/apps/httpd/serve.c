/* Answers (httpd.h): a file under the root (set_root: the cpio archive's
 * "/" unless told, or a directory of /disk) by the request's path, "/"
 * and directories by their index.html; the rest 404. */
#include "httpd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK 16384

/* The reason phrases RFC 9110 (section 15) gives the statuses httpd
 * answers with: the words are the RFC's names, not remarks on httpd. */
static const struct {
	int status;
	const char *phrase;
} reasons[] = {
	{ 200, "OK" },
	{ 400, "Bad Request" },
	{ 404, "Not Found" },
	{ 405, "Method Not Allowed" },
	{ 501, "Not Implemented" },       /* 15.6.2: a method or coding not recognised */
};

static const char *reason(int status)
{
	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].status == status)
			return reasons[i].phrase;
	return "Error";
}

static const char *content_type(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot && !strcmp(dot, ".html"))
		return "text/html";
	if (dot && !strcmp(dot, ".txt"))
		return "text/plain";
	return "application/octet-stream";
}

bool write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

static bool head(int fd, int status, const char *type, long long length, bool keep)
{
	char h[256];
	/* 405 must say what the resource allows (RFC 9110 15.5.6). */
	int n = snprintf(h, sizeof(h),
			 "HTTP/1.1 %d %s\r\nServer: ringlet-httpd\r\nContent-Type: %s\r\n"
			 "Content-Length: %lld\r\n%sConnection: %s\r\n\r\n",
			 status, reason(status), type, length,
			 status == 405 ? "Allow: GET, HEAD\r\n" : "", keep ? "keep-alive" : "close");
	return write_all(fd, h, (size_t)n);
}

int answer_error(int fd, int status, bool head_only)
{
	char body[64];
	int n = snprintf(body, sizeof(body), "%d %s\n", status, reason(status));

	if (head(fd, status, "text/plain", n, false) && !head_only)
		write_all(fd, body, (size_t)n);
	return -1;
}

static char root[256] = "";      /* prefixed to every path; "" is "/" */

int set_root(const char *dir)
{
	struct stat st;
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (dir[0] != '/' || n >= sizeof(root) || stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return -1;
	snprintf(root, sizeof(root), "%.*s", n == 1 ? 0 : (int)n, dir);
	return 0;
}

/* The file for path under the root: its descriptor and size, or -1 (no
 * such file). A ".." segment never leaves the root: it names nothing. */
static int open_path(const char *path, struct stat *st)
{
	char p[sizeof(root) + PATH_MAX_LEN + 16];
	size_t n = strcspn(path, "?#");

	if (strstr(path, "/../") || (n >= 3 && !memcmp(path + n - 3, "/..", 3)))
		return -1;
	snprintf(p, sizeof(p), "%s%.*s", root, (int)n, path);
	if (stat(p, st) == 0 && S_ISDIR(st->st_mode))
		strncat(p, p[strlen(p) - 1] == '/' ? "index.html" : "/index.html",
			sizeof(p) - strlen(p) - 1);
	int fd = open(p, O_RDONLY);
	if (fd < 0)
		return -1;
	if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		return -1;
	}
	return fd;
}

int serve(int fd, const struct request *r, int *status)
{
	struct stat st;
	int f = open_path(r->path, &st);

	*status = f < 0 ? 404 : 200;
	if (f < 0) {
		char body[] = "404 Not Found\n";
		if (!head(fd, 404, "text/plain", sizeof(body) - 1, r->keep_alive))
			return -1;
		if (r->method != M_HEAD && !write_all(fd, body, sizeof(body) - 1))
			return -1;
		return r->keep_alive ? 0 : -1;
	}
	char *buf = malloc(CHUNK);
	bool ok = buf && head(fd, 200, content_type(r->path), (long long)st.st_size, r->keep_alive);
	long long left = r->method == M_HEAD ? 0 : st.st_size;
	while (ok && left > 0) {
		ssize_t n = read(f, buf, left < CHUNK ? (size_t)left : CHUNK);
		if (n <= 0)
			break;
		ok = write_all(fd, buf, (size_t)n);
		left -= n;
	}
	free(buf);
	close(f);
	/* A file that shrank under us leaves the length said unmet. */
	return ok && left == 0 && r->keep_alive ? 0 : -1;
}
