/* lwIP's view of the compiler and C library: clang for i686 and newlib. */
#ifndef MINIGUEST_LWIP_ARCH_CC_H
#define MINIGUEST_LWIP_ARCH_CC_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>

#define LWIP_ERRNO_STDINCLUDE 1
#define LWIP_TIMEVAL_PRIVATE 0          /* SO_RCVTIMEO takes newlib's timeval */

#define LWIP_PLATFORM_DIAG(x) do { printf x; } while (0)
#define LWIP_PLATFORM_ASSERT(x) do { \
	fprintf(stderr, "lwIP assertion \"%s\" failed at %s:%d\n", x, __FILE__, __LINE__); \
	abort(); \
} while (0)

/* Initial sequence numbers and ports; not cryptographic (nor is newlib's
 * rand), which a stack with no route off the machine can live with. */
#define LWIP_RAND() ((u32_t)rand())

#endif
