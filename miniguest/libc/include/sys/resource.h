/* newlib's <sys/resource.h> (getrusage) with the resource limits it lacks
 * for this target; limits.c answers them. Linux's numbers. */
#ifndef MINIGUEST_SYS_RESOURCE_H
#define MINIGUEST_SYS_RESOURCE_H

#include_next <sys/resource.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long rlim_t;

#define RLIM_INFINITY  (~0UL)
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

#define RLIMIT_CPU    0
#define RLIMIT_FSIZE  1
#define RLIMIT_DATA   2
#define RLIMIT_STACK  3
#define RLIMIT_CORE   4
#define RLIMIT_NOFILE 7
#define RLIMIT_AS     9
#define RLIM_NLIMITS  16

struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};

int getrlimit(int __resource, struct rlimit *__rlim);
int setrlimit(int __resource, const struct rlimit *__rlim);

#ifdef __cplusplus
}
#endif

#endif
