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

#endif
