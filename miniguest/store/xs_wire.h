/* The xenstore wire protocol (Xen's public io/xs_wire.h): the message
 * header, the message types, the error names and the shared ring's layout.
 * Numbers and layout are Xen's, so Xen's guests speak to this store. */
#ifndef STORE_XS_WIRE_H
#define STORE_XS_WIRE_H

#include <stdint.h>

enum xsd_sockmsg_type {
	XS_CONTROL, XS_DIRECTORY, XS_READ, XS_GET_PERMS, XS_WATCH, XS_UNWATCH,
	XS_TRANSACTION_START, XS_TRANSACTION_END, XS_INTRODUCE, XS_RELEASE,
	XS_GET_DOMAIN_PATH, XS_WRITE, XS_MKDIR, XS_RM, XS_SET_PERMS, XS_WATCH_EVENT,
	XS_ERROR, XS_IS_DOMAIN_INTRODUCED, XS_RESUME, XS_SET_TARGET,
	XS_RESET_WATCHES = XS_SET_TARGET + 2,     /* 20 was XS_RESTRICT, removed */
	XS_DIRECTORY_PART, XS_GET_FEATURE, XS_SET_FEATURE, XS_GET_QUOTA, XS_SET_QUOTA,
	XS_TYPE_COUNT,
	XS_INVALID = 0xffff
};

struct xsd_sockmsg {
	uint32_t type;     /* enum xsd_sockmsg_type */
	uint32_t req_id;   /* echoed in the reply */
	uint32_t tx_id;    /* 0: outside any transaction */
	uint32_t len;      /* payload bytes after the header */
};
_Static_assert(sizeof(struct xsd_sockmsg) == 16, "Xen's header");

/* Error replies are XS_ERROR with one of these names, NUL-terminated. */
#define XS_ERRORS(X) X(EINVAL) X(EACCES) X(EEXIST) X(EISDIR) X(ENOENT) X(ENOMEM) \
	X(ENOSPC) X(EIO) X(ENOTEMPTY) X(ENOSYS) X(EROFS) X(EBUSY) X(EAGAIN) X(EISCONN) \
	X(E2BIG) X(EPERM)

#define XENSTORE_PAYLOAD_MAX   4096
#define XENSTORE_ABS_PATH_MAX  3072
#define XENSTORE_REL_PATH_MAX  2048

/* The page a domain shares with the store (its store_mfn). */
#define XENSTORE_RING_SIZE 1024
typedef uint32_t XENSTORE_RING_IDX;
#define MASK_XENSTORE_IDX(idx) ((idx) & (XENSTORE_RING_SIZE - 1))
struct xenstore_domain_interface {
	char req[XENSTORE_RING_SIZE];   /* requests to the store */
	char rsp[XENSTORE_RING_SIZE];   /* replies and watch events */
	XENSTORE_RING_IDX req_cons, req_prod;
	XENSTORE_RING_IDX rsp_cons, rsp_prod;
	uint32_t server_features;
	uint32_t connection;
	uint32_t error;
};
_Static_assert(sizeof(struct xenstore_domain_interface) == 2048 + 28, "Xen's layout");

#endif
