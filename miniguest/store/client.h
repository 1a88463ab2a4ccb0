/* A domain's store client, over the ring page and port the builder gave it
 * (start_info's store_mfn and store_evtchn). One request at a time; a
 * thread that asks while another waits for its answer waits its turn.
 * Watch events that arrive meanwhile are kept (a few) for xs_next_event. */
#ifndef STORE_CLIENT_H
#define STORE_CLIENT_H

#include <stdbool.h>
#include <stdint.h>
#include "xs_wire.h"

/* Find the ring and bind its port: 0, or -1 (no store page). */
int xs_open(void);

/* One request: its reply's payload in reply (up to max bytes, NUL added
 * after it), *len its length. 0, or the negative index of the error the
 * store named (xs_error_name gives it back); -1 when the ring broke. */
int xs_talk(uint32_t type, uint32_t tx, const char *payload, uint32_t len, char *reply,
	    uint32_t max, uint32_t *rlen);
/* The same with the payload in two parts, a then b (either may be empty),
 * so that a request needs no shared buffer to be put together in. */
int xs_talk2(uint32_t type, uint32_t tx, const char *a, uint32_t alen, const char *b,
	     uint32_t blen, char *reply, uint32_t max, uint32_t *rlen);
const char *xs_error_name(int err);

int xs_read(uint32_t tx, const char *path, char *value, uint32_t max);
int xs_write(uint32_t tx, const char *path, const char *value);
int xs_rm(uint32_t tx, const char *path);
/* The children's names, NUL-separated, in names (max bytes): their count. */
int xs_directory(uint32_t tx, const char *path, char *names, uint32_t max);
int xs_watch(const char *path, const char *token);
int xs_transaction_start(uint32_t *tx);
int xs_transaction_end(uint32_t tx, bool commit);

/* The next watch event, path and token copied (each up to max bytes):
 * true, or false when none came before deadline_ns (time_now_ns()). */
bool xs_next_event(char *path, char *token, uint32_t max, uint64_t deadline_ns);

/* A watch whose events go to fn(path, arg), called from one thread the
 * client starts for all of them (fn may use the store). A program that
 * sets one takes its watch events this way only: xs_next_event then sees
 * none. 0, or an error as xs_talk's (-2, EINVAL, for a token of 64 bytes
 * or more or more than 16 callbacks; -1 if the thread cannot start). */
typedef void (*xs_watch_fn)(const char *path, void *arg);
int xs_watch_callback(const char *path, const char *token, xs_watch_fn fn, void *arg);

/* Runs fn(tx, arg) in a transaction and commits it, starting again when
 * the commit is EAGAIN (another commit touched what it used), at most
 * tries times: 0, fn's error (the transaction dropped), or the last
 * commit's. */
int xs_transaction_retry(int (*fn)(uint32_t tx, void *arg), void *arg, unsigned tries);

#endif
