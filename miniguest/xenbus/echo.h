/* The test echo device, the smallest split driver: the frontend puts
 * numbers on the ring, the backend answers each with the number plus one. */
#ifndef XENBUS_ECHO_H
#define XENBUS_ECHO_H

#include "xenbus/ring.h"

struct echo_req {
	uint32_t id, value;
};
struct echo_rsp {
	uint32_t id, value;
};
DEFINE_RING_TYPES(echo, struct echo_req, struct echo_rsp);

#endif
