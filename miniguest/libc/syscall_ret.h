/* The system-call convention over fs_ops' negative errnos. */
#ifndef MINIGUEST_SYSCALL_RET_H
#define MINIGUEST_SYSCALL_RET_H

/* rc as the system call returns it: -1 with errno set for an error. */
long mg_ret(long rc);

#endif
